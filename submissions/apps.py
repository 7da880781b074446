"""Reports due (报送): the office asks units for a report by a date; each unit submits, late
or on time."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "submissions"
    verbose_name = _("Reports due")

    def ready(self):
        from campaign import navigation, workbench
        from submissions import access
        from submissions.selectors import office_items, unit_items

        navigation.register(
            order=45,
            label=_("Reports due"),
            url_name="submissions:requests",
            shown_to=access.reads_requests,
            group="work",
        )
        workbench.register(order=35, items=unit_items, shown_to=access.submits_reports)
        workbench.register(order=36, items=office_items, shown_to=access.reviews_reports)
