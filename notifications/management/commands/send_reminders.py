from datetime import date

from django.core.management.base import BaseCommand, CommandError

from campaign import clock
from notifications import reminders
from notifications.models import Channel


class Command(BaseCommand):
    help = (
        "Send one day's reminders (today's by default) to every user and unit by the channels "
        "they chose; a digest already sent that day is not sent again, a failed one is retried."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to run, YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be sent, send nothing"
        )

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else clock.today()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from None
        result = reminders.run(day=day, dry_run=options["dry_run"])
        if not result.workday:
            self.stdout.write(f"{day}: not a working day, nothing sent.")
            return
        verb = "would send" if options["dry_run"] else "sent"
        for channel in Channel:
            line = f"{channel.value}: {verb} {result.sent[channel.value]}"
            if result.failed[channel.value]:
                line += f", failed {result.failed[channel.value]}"
            self.stdout.write(line)
        total = sum(result.sent.values())
        self.stdout.write(f"{day}: {verb} {total} digest(s).")
