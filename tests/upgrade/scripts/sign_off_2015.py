"""Run through the previous version's code on its demo database, so every kind of row the
upgrade moves exists: the office signs off 2015, 2016 has its assessment weights, and there is a
support organisation (one with no unit in charge, which only the migration can place)."""

from datetime import date

from campaign.models import SupportOrganisation, User
from reports.models import AssessmentScheme
from reports.services import year_sign_off

office = User.objects.get(username="office")
year_sign_off(user=office, year=2015, today=date(2016, 3, 15))
AssessmentScheme.objects.get_or_create(year=2016, defaults={"updated_by": office})
if not SupportOrganisation.objects.filter(unit=None).exists():
    SupportOrganisation.objects.create(kind="window", name="县退役军人服务窗口", members=3)
