from django.urls import path

from campaign import views

app_name = "campaign"

urlpatterns = [
    path("units/", views.UnitListView.as_view(), name="units"),
]
