"""The reference lists a county keeps for itself (beneficiary categories, priority-care marks,
policies, activity kinds, inspection ratings): values the county office adds, renames, orders
and retires in 系统管理. A value in use is retired, never deleted: the records that name it keep
it, and forms stop offering it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign import access
from campaign.models.areas import Area
from campaign.scoping import ScopedQuerySet


class ReferenceQuerySet(ScopedQuerySet):
    county_field = "county"

    def unit_scope(self, user):
        # A list's values are the county's shared vocabulary, read by every unit.
        return access.everyone_signed_in(user)

    def offered(self):
        """The values a form offers: those not retired."""
        return self.filter(retired=False)


class ReferenceValue(models.Model):
    county = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Area.Level.COUNTY},
        verbose_name=_("county"),
    )
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("Kept on the records that use it; no longer offered."),
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "name"], name="%(app_label)s_%(class)s_unique_name_in_county"
            ),
        ]

    def __str__(self):
        return self.name


class CodedValue(ReferenceValue):
    """A value the app's own rules look up (a plaque's eligibility, an activity's workstream):
    they name it by its code, which the office cannot edit, so renaming it breaks nothing.
    Values the office adds have no code: no rule knows them."""

    code = models.SlugField(_("code"), max_length=50, blank=True, editable=False)

    class Meta(ReferenceValue.Meta):
        abstract = True
        constraints = [
            *ReferenceValue.Meta.constraints,
            models.UniqueConstraint(
                fields=["county", "code"],
                condition=~Q(code=""),
                name="%(app_label)s_%(class)s_unique_code_in_county",
            ),
        ]
