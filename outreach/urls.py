from django.urls import path

from outreach import (
    activity_views,
    detail_views,
    field_unit_views,
    look_views,
    plaque_views,
    views,
)
from outreach.fieldwork import views as fieldwork_views

app_name = "outreach"

urlpatterns = [
    path("households/", views.HouseholdListView.as_view(), name="households"),
    path("households/new/", views.HouseholdCreateView.as_view(), name="household_add"),
    path("households/<int:pk>/", views.HouseholdDetailView.as_view(), name="household"),
    path("households/<int:pk>/edit/", views.HouseholdUpdateView.as_view(), name="household_edit"),
    path(
        "households/<int:pk>/archive/",
        views.HouseholdArchiveView.as_view(),
        name="household_archive",
    ),
    path(
        "households/<int:household_pk>/persons/new/",
        views.PersonCreateView.as_view(),
        name="person_add",
    ),
    path("persons/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person_edit"),
    path("persons/<int:pk>/looks/", look_views.PersonLooksView.as_view(), name="person_looks"),
    path("persons/<int:pk>/copy.xlsx", look_views.PersonCopyView.as_view(), name="person_copy"),
    path("looks/users/<int:pk>/", look_views.UserLooksView.as_view(), name="user_looks"),
    path(
        "households/<int:household_pk>/visit/",
        views.VisitCreateView.as_view(),
        name="visit_household",
    ),
    path(
        "garrisons/<int:garrison_pk>/visit/",
        views.VisitCreateView.as_view(),
        name="visit_garrison",
    ),
    path("visits/", views.VisitListView.as_view(), name="visits"),
    path(
        "visits/find-household/",
        field_unit_views.HouseholdLookupView.as_view(),
        name="visit_lookup",
    ),
    path("needs/", field_unit_views.NeedsListView.as_view(), name="needs"),
    path("needs/new/", field_unit_views.NeedsAddView.as_view(), name="needs_add"),
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit"),
    path("activities/", activity_views.ActivityListView.as_view(), name="activities"),
    path("activities/new/", activity_views.ActivityCreateView.as_view(), name="activity_add"),
    path("activities/<int:pk>/", activity_views.ActivityDetailView.as_view(), name="activity"),
    path(
        "activities/<int:pk>/edit/",
        activity_views.ActivityUpdateView.as_view(),
        name="activity_edit",
    ),
    path(
        "activities/<int:pk>/evidence/",
        activity_views.EvidenceUploadView.as_view(),
        name="evidence_add",
    ),
    path("evidence/<int:pk>/", activity_views.EvidenceDownloadView.as_view(), name="evidence"),
    path(
        "activities/<int:pk>/coverage/",
        detail_views.CoverageAddView.as_view(),
        name="coverage_add",
    ),
    path("coverage/<int:pk>/", detail_views.CoverageFileView.as_view(), name="coverage_file"),
    path(
        "activities/<int:pk>/merit-notices/new/",
        detail_views.MeritNoticeCreateView.as_view(),
        name="merit_notice_add",
    ),
    path("merit-notices/", detail_views.MeritNoticeListView.as_view(), name="merit_notices"),
    path("plaques/", plaque_views.PlaqueListView.as_view(), name="plaques"),
    path(
        "households/<int:household_pk>/plaque/",
        plaque_views.PlaqueEventView.as_view(),
        name="plaque_event",
    ),
    path("survey/", fieldwork_views.SurveyAppView.as_view(), name="survey"),
    path("survey/worklist/", fieldwork_views.WorklistView.as_view(), name="survey_worklist"),
    path("survey/send/", fieldwork_views.SendView.as_view(), name="survey_send"),
    path("survey/worker.js", fieldwork_views.WorkerView.as_view(), name="survey_worker"),
    path(
        "survey/manifest.webmanifest",
        fieldwork_views.ManifestView.as_view(),
        name="survey_manifest",
    ),
]
