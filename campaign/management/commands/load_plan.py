from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaign.plan_file import PlanFileError, read_plan
from campaign.services import county_named, plan_load


class Command(BaseCommand):
    help = (
        "Load a campaign plan: the campaign, its phases, workstreams, topics and activity "
        "kinds. Without --from, the first campaign's plan the repository carries."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="path",
            type=Path,
            help=(
                "a plan file (TOML or xlsx workbook), or a phase table (xlsx or CSV) for the "
                "first campaign's phases; adds its campaign or updates the one of that name"
            ),
        )
        parser.add_argument(
            "--county", default=settings.COUNTY_NAME, help="the county's name (made if new)"
        )

    def handle(self, *args, path=None, county, **options):
        spec = None
        if path is not None:
            try:
                spec = read_plan(path)
            except PlanFileError as exc:
                raise CommandError(str(exc)) from exc
        try:
            with transaction.atomic():  # a refused plan leaves no new county behind either
                result = plan_load(county=county_named(county), spec=spec)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        if result.changed:
            self.stdout.write(
                f"{result.campaign}: {result.created} created, {result.updated} updated, "
                f"{result.kinds} activity kinds added or changed."
            )
        else:
            self.stdout.write(f"{result.campaign}: already up to date, nothing changed.")
