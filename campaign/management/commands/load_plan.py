from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaign.plan_file import PlanFileError, read_phase_table
from campaign.services import county_named, plan_load


class Command(BaseCommand):
    help = "Load the campaign plan: the campaign, its seven phases, five workstreams, seven topics."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="path",
            type=Path,
            help="a phase table (xlsx or CSV) to load instead of the bundled phases",
        )
        parser.add_argument(
            "--county", default=settings.COUNTY_NAME, help="the county's name (made if new)"
        )

    def handle(self, *args, path=None, county, **options):
        phases = None
        if path is not None:
            try:
                phases = read_phase_table(path)
            except PlanFileError as exc:
                raise CommandError(str(exc)) from exc
        try:
            with transaction.atomic():  # a refused plan leaves no new county behind either
                result = plan_load(county=county_named(county), phases=phases)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        if result.changed:
            self.stdout.write(
                f"{result.campaign}: {result.created} created, {result.updated} updated."
            )
        else:
            self.stdout.write(f"{result.campaign}: already up to date, nothing changed.")
