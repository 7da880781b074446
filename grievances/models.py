from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from campaign.fields import EncryptedCharField
from campaign.models import Campaign, InspectionFinding, Phase, Topic, Unit
from campaign.scoping import ScopedQuerySet
from grievances import access, states
from grievances.states import OPEN_STATUSES, Status
from outreach.idnumbers import mask_phone
from outreach.models import Finding, Household

__all__ = ["OPEN_STATUSES", "Status"]  # re-exported: the ledger's vocabulary


class Source(models.TextChoices):
    SURVEY = "survey", _("survey finding")
    INSPECTION = "inspection", _("inspection")
    WALK_IN = "walk_in", _("walk-in")
    LETTER = "letter", _("letter")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("satisfied")
    MOSTLY = "mostly", _("mostly satisfied")
    DISSATISFIED = "dissatisfied", _("dissatisfied")


class CaseQuerySet(ScopedQuerySet):
    county_field = "campaign__county"

    def unit_scope(self, user):
        return access.case_scope(user)

    def declined(self):
        """Cases a lead unit handed back as not its business (退回交办), waiting for the office
        to assign them again."""
        return self.filter(declined_by__isnull=False)


class ThroughCaseQuerySet(ScopedQuerySet):
    """A case's events, findings and extension requests are read as the case is."""

    county_field = "case__campaign__county"

    def unit_scope(self, user):
        return access.through_case(user)


class Case(models.Model):
    """One row of the ledger (台账)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="cases", verbose_name=_("campaign")
    )
    year = models.PositiveSmallIntegerField(_("ledger year"))
    sequence = models.PositiveIntegerField(_("ledger sequence"))
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="cases", verbose_name=_("topic")
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("household"),
    )
    garrison = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="garrison_cases",
        limit_choices_to={"kind": Unit.Kind.GARRISON},
        verbose_name=_("garrison unit"),
    )
    subject_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rectification_cases",
        verbose_name=_("unit to rectify"),
        help_text=_("For a rectification after an inspection: the unit inspected."),
    )
    township = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="township_cases",
        limit_choices_to={"kind": Unit.Kind.TOWNSHIP},
        verbose_name=_("township"),
    )
    description = models.TextField(_("problem"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    findings = models.ManyToManyField(
        Finding, through="CaseFinding", related_name="cases", verbose_name=_("findings")
    )
    inspection_finding = models.OneToOneField(
        InspectionFinding,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case",
        verbose_name=_("inspection finding"),
    )
    measures = models.TextField(_("measures"), blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_cases",
        verbose_name=_("lead unit"),
    )
    co_units = models.ManyToManyField(
        Unit, blank=True, related_name="co_cases", verbose_name=_("co-responsible units")
    )
    responsible_person = models.CharField(_("responsible person"), max_length=50, blank=True)
    responsible_phone = EncryptedCharField(
        _("responsible person's phone"), max_length=30, blank=True
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    original_deadline = models.DateField(_("original deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    priority = models.BooleanField(_("priority"), default=False)
    result = models.TextField(_("result"), blank=True)
    registered_on = models.DateField(_("registered on"), db_index=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase registered in"),
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    closed_on = models.DateField(_("closed off on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed off by"),
    )
    revisit_due = models.DateField(_("revisit due"), null=True, blank=True)
    revisited_on = models.DateField(_("revisited on"), null=True, blank=True)
    satisfaction = models.CharField(
        _("satisfaction"), max_length=20, choices=Satisfaction.choices, blank=True
    )
    reopened_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    declined_by = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declined by"),
        help_text=_("The unit that handed the assignment back; cleared when it is assigned again."),
    )
    carried_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_into",
        verbose_name=_("carried over from"),
        help_text=_("The case of an earlier campaign this one continues."),
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_led",
        verbose_name=_("leader in charge"),
        help_text=_("The county leader who takes the case personally (包案领导)."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["campaign", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year", "sequence"], name="grievances_case_unique_number"
            ),
            models.CheckConstraint(
                condition=(
                    Q(household__isnull=False, garrison__isnull=True, subject_unit__isnull=True)
                    | Q(household__isnull=True, garrison__isnull=False, subject_unit__isnull=True)
                    | Q(household__isnull=True, garrison__isnull=True, subject_unit__isnull=False)
                ),
                name="grievances_case_one_subject",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "deadline"], name="grievances_case_status_dl"),
            # With the id, a unit's scope (grievances.access) reads its cases' ids from these
            # indexes alone.
            models.Index(
                fields=["lead_unit", "status"], include=["id"], name="grievances_case_lead_status"
            ),
            models.Index(
                fields=["township", "status"], include=["id"], name="grievances_case_town_status"
            ),
            # The ledger's page of ids by status, in ledger-number order, from the index alone
            # (PostgreSQL): a deep page skips index entries, not table rows.
            models.Index(
                fields=["status", "campaign", "year", "sequence"],
                include=["id"],
                name="grievances_case_ledger_page",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.description[:20]}"

    def get_absolute_url(self):
        return reverse("grievances:case", args=[self.pk])

    @property
    def number(self) -> str:
        return f"{self.year}-{self.sequence:04d}"

    @property
    def subject(self):
        return self.household or self.garrison or self.subject_unit

    @property
    def subject_label(self) -> str:
        if self.household_id:
            return self.household.head_name
        return (self.garrison or self.subject_unit).name

    @property
    def masked_responsible_phone(self):
        return mask_phone(self.responsible_phone)

    @property
    def is_open(self) -> bool:
        return states.is_open(self)

    @cached_property
    def extensions_pending(self) -> bool:
        return any(e.decision == "pending" for e in self.extensions.all())

    @property
    def extended(self) -> bool:
        return bool(self.original_deadline and self.deadline != self.original_deadline)


class LedgerCounter(models.Model):
    """The last ledger sequence given out per campaign and year; locked while a case is
    registered, so numbers stay gapless and in order of registration."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year"], name="grievances_ledgercounter_unique"
            )
        ]

    def __str__(self):
        return f"{self.campaign_id}/{self.year}: {self.last}"


class CaseFinding(models.Model):
    """A survey finding on the ledger: a finding opens at most one case; several findings
    about the same problem may be merged onto one."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="finding_links")
    finding = models.OneToOneField(
        Finding, on_delete=models.PROTECT, related_name="case_link", verbose_name=_("finding")
    )

    objects = ThroughCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding on the ledger")
        verbose_name_plural = _("findings on the ledger")

    def __str__(self):
        return f"{self.case} ← {self.finding_id}"


class CaseEvent(models.Model):
    class Kind(models.TextChoices):
        REGISTERED = "registered", _("registered")
        ASSIGNED = "assigned", _("assigned")
        DECLINED = "declined", _("assignment declined")
        ACCEPTED = "accepted", _("accepted")
        PROGRESS = "progress", _("progress report")
        RESOLVED = "resolved", _("resolved")
        CLOSED = "closed", _("closed off")
        RETURNED = "returned", _("returned")
        EXTENSION_REQUESTED = "extension_requested", _("extension requested")
        EXTENSION_APPROVED = "extension_approved", _("extension approved")
        EXTENSION_REFUSED = "extension_refused", _("extension refused")
        REVISITED = "revisited", _("revisited")
        REOPENED = "reopened", _("reopened")
        EDITED = "edited", _("edited")
        MERGED = "merged", _("findings merged")
        TOWNSHIP_MERGED = "township_merged", _("moved by a township merge")
        CARRIED_OUT = "carried_out", _("moved out to the next campaign")
        CARRIED_IN = "carried_in", _("moved in from an earlier campaign")
        ENDED = "ended", _("closed at the campaign's end")
        LEADER_SET = "leader_set", _("leader in charge set")
        INSTRUCTED = "instructed", _("leader's instruction")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case")
    )
    kind = models.CharField(_("what"), max_length=30, choices=Kind.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    on = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("unit")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    objects = ThroughCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["case", "at", "id"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d}"


class ExtensionRequest(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("case")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField(_("requested on"))
    current_deadline = models.DateField(_("deadline at request"))
    new_deadline = models.DateField(_("requested deadline"))
    reason = models.TextField(_("reason"))
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    objects = ThroughCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(decision="pending"),
                name="grievances_extension_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.case} → {self.new_deadline}"
