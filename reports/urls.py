from django.urls import path

from reports import city_views, figure_views, special_action_views, summary_views, views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("progress/", views.ProgressView.as_view(), name="progress"),
    path("special-actions/", views.SpecialActionsView.as_view(), name="special_actions"),
    path(
        "special-actions/records/",
        special_action_views.SpecialActionListView.as_view(),
        name="special_action_list",
    ),
    path(
        "special-actions/<int:pk>/",
        special_action_views.SpecialActionView.as_view(),
        name="special_action",
    ),
    path(
        "special-actions/<int:pk>/edit/",
        special_action_views.SpecialActionEditView.as_view(),
        name="special_action_edit",
    ),
    path(
        "special-actions/<int:pk>/notes/add/",
        special_action_views.SpecialActionNoteAddView.as_view(),
        name="special_action_note_add",
    ),
    path("assessment/", views.AssessmentView.as_view(), name="assessment"),
    path(
        "assessment/<int:year>/weights/",
        views.SchemeEditView.as_view(),
        name="assessment_weights",
    ),
    path(
        "assessment/<int:year>/units/<int:unit_pk>/",
        views.AssessmentUnitView.as_view(),
        name="assessment_unit",
    ),
    path(
        "assessment/items/<int:pk>/delete/",
        views.ItemDeleteView.as_view(),
        name="assessment_item_delete",
    ),
    path("year-end/", views.YearEndView.as_view(), name="yearend"),
    path("year-end/<int:year>/workbook.xlsx", views.WorkbookView.as_view(), name="workbook"),
    path("year-end/<int:year>/sign-off/", views.SignOffView.as_view(), name="sign_off"),
    path("campaign-summary/", summary_views.SummaryView.as_view(), name="summary"),
    path(
        "campaign-summary/workbook.xlsx",
        summary_views.SummaryWorkbookView.as_view(),
        name="summary_workbook",
    ),
    path("counties/", city_views.CountyComparisonView.as_view(), name="counties"),
    path(
        "counties/<int:year>/workbook.xlsx",
        city_views.CountyWorkbookView.as_view(),
        name="counties_workbook",
    ),
    path("counted/cases/", figure_views.CaseFigureView.as_view(), name="cases"),
    path("counted/findings/", figure_views.FindingFigureView.as_view(), name="findings"),
    path("counted/activities/", figure_views.ActivityFigureView.as_view(), name="activities"),
    path("counted/five-ones/", figure_views.FiveOnesFigureView.as_view(), name="five_ones"),
    path("counted/inspections/", figure_views.InspectionFigureView.as_view(), name="inspections"),
]
