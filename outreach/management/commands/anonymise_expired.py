from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from campaign import clock
from campaign.models import Area
from outreach.retention import anonymise_expired


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Give the date as YYYY-MM-DD, e.g. 2021-03-16.")) from None


class Command(BaseCommand):
    help = (
        "Anonymise the archived households and persons whose county's retention period has "
        "passed. Run it daily; running it again the same day changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to count from (YYYY-MM-DD); today if left out")
        parser.add_argument(
            "--dry-run", action="store_true", help="list what is due, write nothing"
        )
        parser.add_argument("--county", help="one county, by its name or division code")

    def handle(self, *args, date=None, dry_run=False, county=None, **options):
        as_of = _day(date) if date else clock.today()
        counties = Area.objects.counties().order_by("path")
        if county:
            counties = counties.filter(Q(name=county) | Q(code=county))
            if not counties.exists():
                raise CommandError(
                    _("No county is named or coded “%(county)s”.") % {"county": county}
                )
        for area in counties:
            outcome = anonymise_expired(county=area, as_of=as_of, dry_run=dry_run)
            values = {
                "county": area.name,
                "households": len(outcome.households),
                "persons": len(outcome.persons),
                "day": outcome.archived_by.isoformat(),
                "months": outcome.months,
            }
            if outcome.nothing:
                message = _(
                    "%(county)s: nothing archived on or before %(day)s (kept %(months)s months)."
                )
            elif dry_run:
                message = _(
                    "%(county)s: %(households)s households and %(persons)s persons archived on or "
                    "before %(day)s are due (kept %(months)s months); nothing written."
                )
            else:
                message = _(
                    "%(county)s: %(households)s households and %(persons)s persons archived on or "
                    "before %(day)s anonymised (kept %(months)s months)."
                )
            self.stdout.write(message % values)
