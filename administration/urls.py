from django.urls import path

from administration import views

app_name = "administration"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
