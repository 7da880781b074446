from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "administration"
    verbose_name = _("System administration")

    def ready(self):
        from administration import access
        from campaign import navigation

        navigation.register(
            order=90,
            label=_("System administration"),
            url_name="administration:index",
            shown_to=access.administers,
            group="admin",
        )
