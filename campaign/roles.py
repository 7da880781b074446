"""The roles a user can hold. A role follows from the user's unit (and the read-only flag of a
county leader); only this module and the apps' access modules name one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("county office")
    LEADER = "leader", _("county leader")
    MEMBER = "member", _("member unit")
    TOWNSHIP = "township", _("township")
    GARRISON = "garrison", _("garrison unit")
    HIGHER_OFFICE = "higher_office", _("city or province office")
    NONE = "none", _("no role")


# A unit's kind names its role, except the county's enterprises and public institutions
# (县各企事业单位), which the plan sends to work as the committee's member units do.
ROLE_OF_KIND = {"enterprise": Role.MEMBER}


def role_of_kind(kind: str) -> Role:
    return ROLE_OF_KIND.get(kind) or Role(kind)
