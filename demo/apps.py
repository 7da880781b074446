from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo county and its `seed_demo` command. It builds on every app and belongs to none
    of them, so the runtime packages carry no demo code; nothing imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
