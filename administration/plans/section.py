"""This section on the index of 系统管理 (administration/sections.py)."""

from django.utils.translation import gettext_lazy as _

from administration.sections import register

register(
    order=50,
    label=_("Campaign plans"),
    summary=_(
        "Load the next campaign's plan (phases, workstreams, topics, activity kinds) from a "
        "plan file, with a preview first; download the current plan as a workbook to edit."
    ),
    url_name="administration:plans",
)
