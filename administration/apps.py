from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "administration"
    verbose_name = _("System administration")

    def ready(self):
        from importlib import import_module

        from administration import access
        from campaign import navigation

        # Each section registers itself on the index (administration/sections.py). The small
        # registries are the office writers' daily work, kept in the campaign app's pages.
        for section in ("accounts", "units", "lists", "privacy", "plans"):
            import_module(f"administration.{section}.section")

        navigation.register(
            order=90,
            label=_("System administration"),
            url_name="administration:index",
            shown_to=access.administers,
            group="admin",
        )
