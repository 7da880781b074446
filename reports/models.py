from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.models import Area, Campaign, Unit
from campaign.scoping import ScopedQuerySet


class CountyFiguresQuerySet(ScopedQuerySet):
    """The assessment and the sign-offs: read by those who read the whole county."""

    county_field = "campaign__county"

    def unit_scope(self, user):
        return None


class Workday(models.Model):
    """One calendar day and the working days counted up to it, so the database can subtract
    two ordinals instead of Python walking the calendar case by case (reports.workcal fills it
    from grievances.workdays, the one source of the Chinese holiday calendar)."""

    day = models.DateField(primary_key=True)
    is_workday = models.BooleanField()
    ordinal = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.ordinal}"


class UnitProgress(Unit):
    """The units as the admin's progress view lists them (annotated by reports.selectors)."""

    class Meta:
        proxy = True
        verbose_name = _("progress of a unit")
        verbose_name_plural = _("progress by unit")


class AssessmentScheme(models.Model):
    """How the office weighs the computed indicators in a year's assessment (考评)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="+", verbose_name=_("campaign")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    on_time_weight = models.PositiveSmallIntegerField(_("weight: cases closed on time"), default=30)
    coverage_weight = models.PositiveSmallIntegerField(_("weight: survey coverage"), default=20)
    five_ones_weight = models.PositiveSmallIntegerField(_("weight: 五个一"), default=20)
    activities_weight = models.PositiveSmallIntegerField(_("weight: activities"), default=15)
    inspections_weight = models.PositiveSmallIntegerField(
        _("weight: inspection ratings"), default=15
    )
    activities_target = models.PositiveSmallIntegerField(
        _("activities for full marks"),
        default=6,
        help_text=_("A unit that held this many activities in the year gets full marks."),
    )
    # Deductions by rule, counted from the reports due (报送) rather than typed in.
    late_report_points = models.DecimalField(
        _("deduction per late report"), max_digits=4, decimal_places=1, default=Decimal("0.5")
    )
    missing_report_points = models.DecimalField(
        _("deduction per missing report"), max_digits=4, decimal_places=1, default=Decimal("1")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    RULE_FIELDS = ["late_report_points", "missing_report_points"]
    WEIGHT_FIELDS = [
        "on_time_weight",
        "coverage_weight",
        "five_ones_weight",
        "activities_weight",
        "inspections_weight",
    ]

    class Meta:
        verbose_name = _("assessment weights")
        verbose_name_plural = _("assessment weights")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(activities_target__gte=1), name="reports_scheme_target_positive"
            ),
            models.UniqueConstraint(fields=["campaign", "year"], name="reports_scheme_unique_year"),
            models.CheckConstraint(
                condition=Q(late_report_points__gte=0) & Q(missing_report_points__gte=0),
                name="reports_scheme_rule_points_not_negative",
            ),
        ]

    def __str__(self):
        return _("Assessment weights %(year)s") % {"year": self.year}

    def clean(self):
        total = sum(getattr(self, name) or 0 for name in self.WEIGHT_FIELDS)
        if total != 100:
            raise ValidationError(
                _("The weights must add up to 100; they add up to %(total)s.") % {"total": total}
            )

    def weights(self) -> dict[str, int]:
        return {name.removesuffix("_weight"): getattr(self, name) for name in self.WEIGHT_FIELDS}


class AssessmentItem(models.Model):
    """A bonus or a deduction the office records by hand, with its reason; or a one-vote veto."""

    class Kind(models.TextChoices):
        BONUS = "bonus", _("bonus")
        DEDUCTION = "deduction", _("deduction")
        VETO = "veto", _("one-vote veto")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="+", verbose_name=_("campaign")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="assessment_items",
        limit_choices_to={"kind__in": [Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]},
        verbose_name=_("unit"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    points = models.DecimalField(_("points"), max_digits=4, decimal_places=1, default=0)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = CountyFiguresQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment item")
        verbose_name_plural = _("assessment items")
        ordering = ["year", "unit", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gte=0) & Q(points__lte=100),
                name="reports_item_points_0_to_100",
            ),
            models.CheckConstraint(
                condition=~Q(kind="veto") | Q(points=0), name="reports_item_veto_has_no_points"
            ),
        ]
        indexes = [models.Index(fields=["year", "unit"], name="reports_item_year_unit")]

    def __str__(self):
        return f"{self.year} {self.unit} {self.get_kind_display()} {self.points}"

    def clean(self):
        if self.kind in (self.Kind.BONUS, self.Kind.DEDUCTION) and not self.points:
            raise ValidationError({"points": _("A bonus or a deduction needs its points.")})
        if self.kind == self.Kind.VETO:
            self.points = 0
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("State the reason.")})


class YearSignOff(models.Model):
    """The office signs off a year: its figures are frozen as they were computed then."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="sign_offs", verbose_name=_("campaign")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_at = models.DateTimeField(_("signed off at"))
    as_of = models.DateField(_("figures as of"))
    figures = models.JSONField(_("frozen figures"))

    objects = CountyFiguresQuerySet.as_manager()

    class Meta:
        verbose_name = _("year sign-off")
        verbose_name_plural = _("year sign-offs")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "year"], name="reports_signoff_unique_year")
        ]

    def __str__(self):
        return _("%(year)s signed off") % {"year": self.year}


class FrozenLedgerRow(models.Model):
    """One row of the year's ledger as it stood at sign-off; the workbook streams these."""

    sign_off = models.ForeignKey(YearSignOff, on_delete=models.CASCADE, related_name="ledger")
    case_id = models.PositiveBigIntegerField()
    position = models.PositiveIntegerField()
    number = models.CharField(max_length=20)
    topic = models.CharField(max_length=100)
    subject = models.CharField(max_length=200)
    township = models.CharField(max_length=100, blank=True)
    problem = models.TextField()
    measures = models.TextField(blank=True)
    lead_unit = models.CharField(max_length=100, blank=True)
    responsible_person = models.CharField(max_length=50, blank=True)
    responsible_phone = models.CharField(max_length=30, blank=True)  # already masked
    registered_on = models.DateField()
    deadline = models.DateField(null=True)
    status = models.CharField(max_length=20)
    result = models.TextField(blank=True)
    closed_on = models.DateField(null=True)

    class Meta:
        ordering = ["sign_off", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sign_off", "position"], name="reports_frozenrow_unique_position"
            )
        ]

    def __str__(self):
        return self.number


class FiguresVersion(models.Model):
    """A county's count of changes to what its figures are computed from: every write that
    changes one raises it in its own transaction (reports.kept_signals), so figures kept at an
    older count are known to be out of date."""

    county = models.OneToOneField(
        Area, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("figures version")
        verbose_name_plural = _("figures versions")

    def __str__(self):
        return f"{self.county_id}: {self.version}"


class KeptFigures(models.Model):
    """A report section's figures as computed at a county's figures version on a day: read
    back while neither has moved on (reports.kept)."""

    county = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)
    # Some figures carry translated words (a merged township's name).
    language = models.CharField(max_length=10)
    today = models.DateField()
    version = models.PositiveBigIntegerField()
    figures = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("kept figures")
        verbose_name_plural = _("kept figures")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year", "kind", "language"], name="reports_kept_unique_key"
            )
        ]

    def __str__(self):
        return f"{self.campaign_id} {self.year} {self.kind}"
