from django.urls import path

from outreach.imports import views

app_name = "outreach_import"

urlpatterns = [
    path("", views.ImportStartView.as_view(), name="start"),
    path("template.xlsx", views.ImportTemplateView.as_view(), name="template"),
    path("preview/", views.ImportPreviewView.as_view(), name="preview"),
    path("errors.xlsx", views.ImportErrorsView.as_view(), name="errors"),
    path("confirm/", views.ImportConfirmView.as_view(), name="confirm"),
    path("cancel/", views.ImportCancelView.as_view(), name="cancel"),
]
