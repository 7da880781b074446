from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("", views.TrailView.as_view(), name="trail"),
    path(
        "anonymisation/<int:pk>/",
        views.AnonymisationRunView.as_view(),
        name="anonymisation_run",
    ),
]
