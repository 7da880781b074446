"""Publicised models, commendations (phase 7) and the social support registry. The county
office's writers keep them (campaign/registries.py); every change is kept in history, and a
version number refuses a form opened on an older copy."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access, clock
from campaign.fields import EncryptedCharField
from campaign.models.areas import Area
from campaign.models.frame import Unit
from campaign.scoping import ScopedQuerySet

# The first year a publicised model may be dated in (the year of the People's Republic).
FIRST_YEAR = 1949


class RecognitionQuerySet(ScopedQuerySet):
    county_field = "unit__area"

    def unit_scope(self, user):
        # Honours and the support registry are published to every unit of the county.
        return access.everyone_signed_in(user)


class SupportOrganisationQuerySet(RecognitionQuerySet):
    county_field = "county"


class ModelFigure(models.Model):
    """A publicised model (先进典型)."""

    class Category(models.TextChoices):
        SUPPORTER = "supporter", _("most admired supporter of the troops")
        FAMILY = "family", _("good family devoted to national defence")
        SOLDIER = "soldier", _("model soldier in training")
        VETERAN = "veteran", _("outstanding veteran")
        SPOUSE = "spouse", _("good soldier's wife")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    name = models.CharField(_("name"), max_length=50)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="model_figures", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    story = models.TextField(_("deeds"), blank=True)
    publicised_in = models.CharField(_("publicised in"), max_length=200, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(verbose_name=_("publicised model history"))
    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicised model")
        verbose_name_plural = _("publicised models")
        ordering = ["-year", "category", "name"]

    def __str__(self):
        return f"{self.get_category_display()} {self.name}"

    def clean(self):
        this_year = clock.today().year
        if self.year is not None and not (FIRST_YEAR <= self.year <= this_year):
            raise ValidationError(
                {
                    "year": _("Give a year between %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": this_year}
                }
            )


class Commendation(models.Model):
    """An advanced unit or individual commended in the final phase."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("advanced unit")
        PERSON = "person", _("advanced individual")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="commendations", verbose_name=_("unit")
    )
    person_name = models.CharField(_("individual"), max_length=50, blank=True)
    title = models.CharField(_("title"), max_length=100)
    commended_on = models.DateField(_("commended on"))
    citation = models.TextField(_("citation"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(verbose_name=_("commendation history"))
    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-commended_on", "kind"]

    def __str__(self):
        return f"{self.title} {self.person_name or self.unit}"

    def clean(self):
        errors = {}
        if self.commended_on and self.commended_on > clock.today():
            errors["commended_on"] = _("A commendation cannot be dated in the future.")
        if self.kind == self.Kind.PERSON and not (self.person_name or "").strip():
            errors["person_name"] = _(
                "An advanced individual's commendation needs the person's name."
            )
        if errors:
            raise ValidationError(errors)


class SupportOrganisation(models.Model):
    """社会化拥军: support teams, supporting enterprises and service windows."""

    class Kind(models.TextChoices):
        MEDICAL = "medical", _("medical support team")
        LEGAL = "legal", _("legal support team")
        EDUCATION = "education", _("education support team")
        ENTERPRISE_TEAM = "startup", _("business start-up support team")
        ENTERPRISE = "enterprise", _("troop-supporting enterprise")
        WINDOW = "window", _("troop-supporting service window")

    county = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="support_organisations",
        limit_choices_to={"level": Area.Level.COUNTY},
        verbose_name=_("county"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_organisations",
        verbose_name=_("unit in charge"),
    )
    contact = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=30, blank=True)
    services = models.TextField(_("services offered"), blank=True)
    members = models.PositiveIntegerField(_("members"), default=0)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An organisation no longer at work is deactivated: its activities stay."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords(verbose_name=_("support organisation history"))
    objects = SupportOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name
