"""Every URL of 系统管理. Each section keeps its own patterns; they are listed here directly
(not included) so the access test walks them all from one namespace."""

from django.urls import path

from administration import views
from administration.accounts import urls as accounts
from administration.lists import urls as lists
from administration.plans import urls as plans
from administration.privacy import urls as privacy
from administration.units import urls as units

app_name = "administration"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *accounts.urlpatterns,
    *units.urlpatterns,
    *lists.urlpatterns,
    *privacy.urlpatterns,
    *plans.urlpatterns,
]
