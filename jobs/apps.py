from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = _("Background work")

    def ready(self):
        from campaign import navigation
        from jobs import access

        navigation.register(
            order=92,
            label=_("My exports"),
            url_name="jobs:jobs",
            shown_to=access.has_jobs,
            group="more",
        )
