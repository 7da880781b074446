from django.urls import path

from campaign import checklist_views, inspection_views, recognition_views, views
from campaign.registry_views import registry_urls

app_name = "campaign"

urlpatterns = [
    path("units/", views.UnitListView.as_view(), name="units"),
    path("county/", views.LookAtCountyView.as_view(), name="look_at_county"),
    path("campaign/", views.ChooseCampaignView.as_view(), name="choose_campaign"),
    path("five-ones/", checklist_views.FiveOnesCountyView.as_view(), name="five_ones"),
    path("five-ones/<int:pk>/", checklist_views.FiveOnesUnitView.as_view(), name="five_ones_unit"),
    path(
        "five-ones/evidence/<int:pk>/",
        checklist_views.FiveOnesEvidenceView.as_view(),
        name="five_ones_evidence",
    ),
    path("inspections/", inspection_views.InspectionListView.as_view(), name="inspections"),
    path(
        "inspections/new/", inspection_views.InspectionCreateView.as_view(), name="inspection_add"
    ),
    path(
        "inspections/<int:pk>/",
        inspection_views.InspectionDetailView.as_view(),
        name="inspection",
    ),
    path("recognition/", recognition_views.RecognitionView.as_view(), name="recognition"),
    *registry_urls(),
]
