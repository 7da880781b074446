"""The campaign on the agenda (列入议事日程、常议常抓): the meetings where it was discussed and
what they decided, the tasks given to each unit (目标任务、责任分工), and the standing
mechanisms (长效机制) the consolidation phase leaves behind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda import access
from campaign import clock
from campaign.models import Campaign, Phase, Unit, Workstream
from campaign.scoping import ScopedQuerySet
from grievances.models import Case


class MeetingQuerySet(ScopedQuerySet):
    county_field = "campaign__county"

    def unit_scope(self, user):
        return access.meeting_scope(user)


class DecisionQuerySet(ScopedQuerySet):
    county_field = "meeting__campaign__county"

    def unit_scope(self, user):
        return access.through_meeting(user)


class TaskQuerySet(ScopedQuerySet):
    county_field = "campaign__county"

    def unit_scope(self, user):
        return access.task_scope(user)

    def open(self):
        return self.filter(status=Task.Status.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or clock.today())


class MechanismQuerySet(ScopedQuerySet):
    county_field = "campaign__county"

    def unit_scope(self, user):
        return access.mechanism_scope(user)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        LEADING_GROUP = "leading_group", _("leading group meeting")
        JOINT = "joint", _("joint meeting")
        TOPICAL = "topical", _("topical meeting")
        OTHER = "other", _("other meeting")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("campaign")
    )
    held_on = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=100)
    chair = models.CharField(_("chaired by"), max_length=50, blank=True)
    attendees = models.TextField(
        _("attended by"), blank=True, help_text=_("The leaders and persons present.")
    )
    attending_units = models.ManyToManyField(
        Unit, blank=True, related_name="meetings_attended", verbose_name=_("attending units")
    )
    minutes = models.TextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("meeting history"))
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self):
        return reverse("agenda:meeting", args=[self.pk])


class Task(models.Model):
    """A target task (目标任务) given to one unit, from a meeting's decision or set directly by
    the office."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("campaign")
    )
    title = models.CharField(_("task"), max_length=200)
    detail = models.TextField(_("details"), blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("responsible unit")
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
    )
    workstream = models.ForeignKey(
        Workstream,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("workstream"),
    )
    due_on = models.DateField(_("due on"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_note = models.TextField(_("what was done"), blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported done by"),
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("task history"))
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", done_at__isnull=True)
                | Q(status="done", done_at__isnull=False),
                name="agenda_task_done_has_time",
            )
        ]
        indexes = [models.Index(fields=["unit", "status", "due_on"], name="agenda_task_unit")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:task", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    def is_overdue(self, today=None) -> bool:
        return not self.is_done and self.due_on < (today or clock.today())


class Decision(models.Model):
    """What a meeting decided. It may open, once, either a case on the ledger or a task."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    text = models.TextField(_("decision"))
    case = models.OneToOneField(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_decision",
        verbose_name=_("case opened"),
    )
    task = models.OneToOneField(
        Task,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
        verbose_name=_("task opened"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("decision history"))
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=True) | Q(task__isnull=True),
                name="agenda_decision_case_or_task",
            )
        ]

    def __str__(self):
        return self.text[:50]

    @property
    def followed_up(self) -> bool:
        return self.case_id is not None or self.task_id is not None


class Mechanism(models.Model):
    """A standing mechanism (长效机制): how the work goes on after the campaign."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("regular meeting system")
        VISITS = "visits", _("regular visits")
        ASSISTANCE = "assistance", _("assistance with difficulties")
        LIAISON = "liaison", _("liaison with the garrison")
        OTHER = "other", _("other mechanism")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="mechanisms", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    units = models.ManyToManyField(
        Unit, related_name="mechanisms", verbose_name=_("responsible units")
    )
    text = models.TextField(_("what it provides"))
    adopted_on = models.DateField(_("adopted on"), db_index=True)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mechanisms",
        verbose_name=_("adopted at meeting"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("mechanism history"))
    objects = MechanismQuerySet.as_manager()

    class Meta:
        verbose_name = _("mechanism")
        verbose_name_plural = _("mechanisms")
        ordering = ["-adopted_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:mechanism", args=[self.pk])
