"""This section on the index of 系统管理 (administration/sections.py)."""

from django.utils.translation import gettext_lazy as _

from administration.sections import register

register(
    order=20,
    label=_("Unit management"),
    summary=_(
        "Add, rename, deactivate and reactivate the county's units, and merge two townships "
        "on a date."
    ),
    url_name="administration:units",
)
