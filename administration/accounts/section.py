"""This section on the index of 系统管理 (administration/sections.py)."""

from django.utils.translation import gettext_lazy as _

from administration.sections import register

register(
    order=10,
    label=_("Accounts"),
    summary=_(
        "Create accounts one by one or from a sheet, move them between units, deactivate, "
        "unlock, and give one-time codes for new accounts and reset passwords."
    ),
    url_name="administration:accounts",
)
