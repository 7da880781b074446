"""This section on the index of 系统管理 (administration/sections.py)."""

from django.utils.translation import gettext_lazy as _

from administration.sections import register

register(
    order=30,
    label=_("Reference lists"),
    summary=_(
        "Beneficiary categories, priority-care marks, policies and the other lists the "
        "county's forms offer: add, rename, reorder, retire."
    ),
    url_name="administration:lists",
)
