from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from campaign import crypto
from campaign.rotation import rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored ID number and phone not under the first key of FIELD_KEYS, "
        "in batches with a commit each; run it again after an interruption and it continues."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="rows per batch (commit)")

    def handle(self, *args, batch, **options):
        if batch < 1:
            raise CommandError(_("--batch must be at least 1."))
        ring = crypto.keyring()

        def report(column, done, total):
            self.stdout.write(
                _("%(column)s: %(done)s of %(total)s re-encrypted")
                % {"column": column.label, "done": done, "total": total}
            )

        count = rotate(batch=batch, report=report)
        self.stdout.write(
            _("%(count)s values re-encrypted; every number is now under key “%(key)s”.")
            % {"count": count, "key": ring.current_id}
        )
