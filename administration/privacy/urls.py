from django.urls import path

from administration.privacy import views

urlpatterns = [
    path("privacy/", views.RetentionView.as_view(), name="privacy"),
    path("privacy/edit/", views.RetentionEditView.as_view(), name="privacy_edit"),
]
