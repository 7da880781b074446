from django.urls import path

from administration.units import views

urlpatterns = [
    path("units/", views.UnitListView.as_view(), name="units"),
    path("units/add/", views.UnitCreateView.as_view(), name="units_add"),
    path("units/<int:pk>/", views.UnitView.as_view(), name="units_detail"),
    path("units/<int:pk>/edit/", views.UnitEditView.as_view(), name="units_edit"),
    path("units/<int:pk>/deactivate/", views.UnitDeactivateView.as_view(), name="units_deactivate"),
    path("units/<int:pk>/reactivate/", views.UnitReactivateView.as_view(), name="units_reactivate"),
]
urlpatterns += [
    path("units/merge/", views.MergeView.as_view(), name="units_merge"),
    path("units/merge/confirm/", views.MergeConfirmView.as_view(), name="units_merge_confirm"),
]
