from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the whole database to one file (pg_dump custom format, or a SQLite copy)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args, output, **options):
        try:
            backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{output} ({output.stat().st_size} bytes)")
