"""This section on the index of 系统管理 (administration/sections.py)."""

from django.utils.translation import gettext_lazy as _

from administration.sections import register

register(
    order=40,
    label=_("Personal data retention"),
    summary=_(
        "How long the personal details of archived households and persons are kept, and "
        "what was anonymised once that time had passed."
    ),
    url_name="administration:privacy",
)
