"""The areas a deployment serves: province → city → county. Every unit belongs to one county
(a city or province office to its city or province); one deployment may hold one county or all
the counties of a city or a province, each of which sees only itself."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The level an area's parent may have.
PARENT_LEVELS = {"province": (), "city": ("province",), "county": ("city", "province")}


class AreaQuerySet(models.QuerySet):
    def counties(self):
        return self.filter(level=Area.Level.COUNTY)

    def under(self, area: "Area"):
        """The area itself and every area below it."""
        return self.filter(path__startswith=area.path)


class Area(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("city")
        COUNTY = "county", _("county")

    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    code = models.CharField(
        _("division code"),
        max_length=12,
        blank=True,
        help_text=_("The administrative division code (GB/T 2260), e.g. 341122."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("above it"),
    )
    # The ids from the top down to this area, "/3/7/12/": the areas under one are those whose
    # path starts with its path, one indexed condition on either database.
    path = models.CharField(max_length=255, editable=False, db_index=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="campaign_area_unique_name_under_parent"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="campaign_area_unique_top_name",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_county(self) -> bool:
        return self.level == self.Level.COUNTY

    def clean(self):
        if self.parent_id and self.parent.level not in PARENT_LEVELS.get(self.level, ()):
            raise ValidationError(
                {
                    "parent": _("A %(level)s cannot lie under a %(parent)s.")
                    % {
                        "level": self.get_level_display(),
                        "parent": self.parent.get_level_display(),
                    }
                }
            )
