from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "grievances"
    verbose_name = _("Ledger")
