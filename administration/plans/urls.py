from django.urls import path

from administration.plans import views

urlpatterns = [
    path("plans/", views.PlanUploadView.as_view(), name="plans"),
    path("plans/workbook/", views.PlanWorkbookView.as_view(), name="plan_workbook"),
]
