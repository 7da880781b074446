from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup file into an empty database named by a database URL."

    def add_arguments(self, parser):
        parser.add_argument("backup_file", type=Path)
        parser.add_argument(
            "--into",
            required=True,
            help="the empty target, e.g. postgres://postgres@127.0.0.1/shuangyong_restored",
        )

    def handle(self, *args, backup_file, into, **options):
        if not backup_file.is_file():
            raise CommandError(f"{backup_file} does not exist.")
        try:
            restore(backup_file, into)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {backup_file} into {into}")
