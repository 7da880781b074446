from django.urls import path

from grievances import carry_views, case_views, leader_views, views

app_name = "grievances"

urlpatterns = [
    path("", views.LedgerView.as_view(), name="ledger"),
    path("print/", views.LedgerPrintView.as_view(), name="ledger_print"),
    path("export.xlsx", views.LedgerExportView.as_view(), name="ledger_export"),
    path("inbox/", views.InboxView.as_view(), name="inbox"),
    path("led/", leader_views.CasesLedView.as_view(), name="cases_led"),
    path("intake/", views.IntakeView.as_view(), name="intake"),
    path("cases/new/", views.CaseCreateView.as_view(), name="case_add"),
    path(
        "inspection-findings/<int:finding_pk>/case/",
        views.CaseFromInspectionView.as_view(),
        name="case_from_inspection",
    ),
    path("carry-over/", carry_views.CarryOverView.as_view(), name="carry_over"),
    path("carry-over/preview/", carry_views.CarryPreviewView.as_view(), name="carry_preview"),
    path("carry-over/confirm/", carry_views.CarryConfirmView.as_view(), name="carry_confirm"),
    path(
        "carry-over/cases/<int:pk>/close/",
        carry_views.CaseCloseAtEndView.as_view(),
        name="case_close_at_end",
    ),
    path("cases/<int:pk>/", case_views.CaseDetailView.as_view(), name="case"),
    path("cases/<int:pk>/edit/", views.CaseEditView.as_view(), name="case_edit"),
    path("cases/<int:pk>/<slug:action>/", case_views.CaseActionView.as_view(), name="case_action"),
]
