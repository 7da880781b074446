from datetime import date

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign import access
from campaign.fields import EncryptedCharField
from campaign.models.account_history import AccountHistory
from campaign.models.areas import Area
from campaign.scoping import ScopedQuerySet
from campaign.windows import phase_window_errors


class CampaignQuerySet(ScopedQuerySet):
    county_field = "county"

    def unit_scope(self, user):
        return access.everyone_signed_in(user)


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="campaigns",
        limit_choices_to={"level": Area.Level.COUNTY},
        verbose_name=_("county"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="campaign_campaign_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["county", "name"], name="campaign_campaign_unique_name_in_county"
            ),
        ]

    def __str__(self):
        return f"{self.county}“{self.name}”"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The campaign cannot end before it starts.")},
                code="window",
            )
        # Moving the window must not strand a phase outside it.
        if self.pk and self.starts_on and self.ends_on:
            errors = []
            for phase in self.phases.all():
                errors += phase_window_errors(
                    number=phase.number,
                    name=phase.name,
                    starts_on=phase.starts_on,
                    ends_on=phase.ends_on,
                    window=(self.starts_on, self.ends_on),
                )
            if errors:
                raise ValidationError(errors)


class Phase(models.Model):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="phases",
        verbose_name=_("campaign"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=50)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    summary = models.TextField(_("what happens"), blank=True)
    note = models.TextField(_("note"), blank=True)
    carries_over = models.BooleanField(
        _("carries open cases over"),
        default=False,
        help_text=_("Cases still open when this phase ends are carried over to follow-up."),
    )

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["campaign", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "number"], name="campaign_phase_unique_number"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="campaign_phase_number_from_1"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="campaign_phase_ends_after_start",
            ),
        ]

    def __str__(self):
        return _("Phase %(number)s: %(name)s") % {
            "number": self.number,
            "name": self.name,
        }

    def clean(self):
        if not (self.campaign_id and self.starts_on and self.ends_on):
            return
        errors = phase_window_errors(
            number=self.number,
            name=self.name,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            window=(self.campaign.starts_on, self.campaign.ends_on),
        )
        if errors:
            raise ValidationError(errors)

    def is_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


class Workstream(models.Model):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="workstreams",
        verbose_name=_("campaign"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=50)
    summary = models.TextField(_("typical work"), blank=True)

    class Meta:
        verbose_name = _("workstream")
        verbose_name_plural = _("workstreams")
        ordering = ["campaign_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "number"], name="campaign_workstream_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class Topic(models.Model):
    class About(models.TextChoices):
        GARRISON = "garrison", _("garrison unit")
        BENEFICIARY = "beneficiary", _("beneficiary")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="topics",
        verbose_name=_("campaign"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100)
    about = models.CharField(_("about"), max_length=20, choices=About.choices)
    workstream = models.ForeignKey(
        Workstream,
        on_delete=models.PROTECT,
        related_name="topics",
        verbose_name=_("workstream"),
    )
    priority = models.BooleanField(
        _("priority by rule"),
        default=False,
        help_text=_("Problems under this topic are handled with priority."),
    )
    time_limit_days = models.PositiveSmallIntegerField(
        _("time limit (working days)"),
        null=True,
        blank=True,
        help_text=_(
            "Cases under this topic are handled with priority and, unless the office gives a "
            "deadline, are due this many working days after assignment (依法优先、快捷高效)."
        ),
    )
    policy_check = models.BooleanField(
        _("policy check"),
        default=False,
        help_text=_(
            "The visit records under this topic which policies are carried out and which "
            "are missing."
        ),
    )

    class Meta:
        verbose_name = _("survey topic")
        verbose_name_plural = _("survey topics")
        ordering = ["campaign_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "number"], name="campaign_topic_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class UnitQuerySet(ScopedQuerySet):
    county_field = "area"

    def unit_scope(self, user):
        # The organisation chart is not personal data: cases are assigned across units.
        return access.everyone_signed_in(user)

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)


class Unit(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("county office")
        MEMBER = "member", _("member unit")
        TOWNSHIP = "township", _("township")
        GARRISON = "garrison", _("garrison unit")
        HIGHER_OFFICE = "higher_office", _("city or province office")
        # 县各企事业单位: addressees of the plan who work as member units do.
        ENTERPRISE = "enterprise", _("enterprise or public institution")

    # The kinds that belong to a county; a higher office belongs to its city or province.
    COUNTY_KINDS = (Kind.OFFICE, Kind.MEMBER, Kind.TOWNSHIP, Kind.GARRISON, Kind.ENTERPRISE)
    # The kinds that lead cases and record their own work. An enterprise does, but is not
    # one of the committee's member units: the 五个一 checklist, progress and the assessment
    # rank townships and member units only.
    WORKING_KINDS = (Kind.TOWNSHIP, Kind.MEMBER, Kind.ENTERPRISE)

    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("area"),
        help_text=_("The county a unit works in; for a city or province office, that area."),
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    code = models.SlugField(_("code"), max_length=30)
    contact = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="absorbed",
        verbose_name=_("merged into"),
        help_text=_("For a township merged into another: the township that took it over."),
    )
    merged_on = models.DateField(_("merged on"), null=True, blank=True)

    history = HistoricalRecords(verbose_name=_("unit history"))
    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="campaign_unit_unique_name"),
            models.UniqueConstraint(fields=["area", "code"], name="campaign_unit_unique_code"),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.short_name or self.name

    @property
    def shown_name(self) -> str:
        """The name reports show: a merged township says where it went (甲镇（已并入乙乡）)."""
        if self.merged_into_id:
            return _("%(name)s (merged into %(survivor)s)") % {
                "name": self.name,
                "survivor": self.merged_into.name,
            }
        return self.name

    def clean(self):
        if not self.area_id:
            return
        in_county = self.area.level == Area.Level.COUNTY
        if (self.kind == self.Kind.HIGHER_OFFICE) == in_county:
            raise ValidationError(
                {
                    "area": _("A city or province office belongs to its city or province.")
                    if in_county
                    else _("A county's unit belongs to a county.")
                }
            )


class UserQuerySet(ScopedQuerySet):
    county_field = "unit__area"

    def unit_scope(self, user):
        return access.colleagues(user)


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("unit"),
    )
    read_only = models.BooleanField(
        _("read only (leader)"),
        default=False,
        help_text=_("County leaders read everything and change nothing."),
    )
    phone = EncryptedCharField(_("phone"), max_length=30, blank=True)
    is_administrator = models.BooleanField(
        _("system administrator"),
        default=False,
        help_text=_(
            "Runs the county's system in the app (系统管理): accounts, units and reference "
            "lists. Only a user of the county office may hold it."
        ),
    )

    history = AccountHistory(verbose_name=_("account history"))
    objects = ScopedUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        full = f"{self.last_name}{self.first_name}".strip()
        return full or self.username

    @property
    def display_name(self):
        return str(self)

    @property
    def role(self):
        return access.role_of(self)

    @property
    def may_write(self) -> bool:
        return access.writes(self)
