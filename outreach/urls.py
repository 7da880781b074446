from django.urls import path

from outreach import views

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
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit"),
]
