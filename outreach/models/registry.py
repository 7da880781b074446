from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.fields import EncryptedCharField, HashField
from campaign.models import Unit
from campaign.models.reference import CodedValue
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.idnumbers import mask_id_number, mask_phone


class BeneficiaryCategory(CodedValue):
    """对象类别, per county; a list that grows with national practice, so it is data."""

    history = HistoricalRecords(verbose_name=_("beneficiary category history"))

    class Meta(CodedValue.Meta):
        verbose_name = _("beneficiary category")
        verbose_name_plural = _("beneficiary categories")


class PriorityMark(CodedValue):
    """重点优抚 marks, per county."""

    history = HistoricalRecords(verbose_name=_("priority-care mark history"))

    class Meta(CodedValue.Meta):
        verbose_name = _("priority-care mark")
        verbose_name_plural = _("priority-care marks")


class Policy(CodedValue):
    """A benefit or resettlement policy whose implementation topic 4 asks about, per county."""

    history = HistoricalRecords(verbose_name=_("policy history"))

    class Meta(CodedValue.Meta):
        verbose_name = _("policy")
        verbose_name_plural = _("policies")


class HouseholdQuerySet(ScopedQuerySet):
    county_field = "township__area"
    personal = True

    def unit_scope(self, user):
        return access.household_scope(user)

    def active(self):
        return self.filter(archived=False)


class Household(models.Model):
    township = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="households",
        limit_choices_to={"kind": Unit.Kind.TOWNSHIP},
        verbose_name=_("township"),
    )
    number = models.CharField(
        _("household number"),
        max_length=20,
        help_text=_("The township's own number for the household, as in its register."),
    )
    head_name = models.CharField(_("head of household"), max_length=50)
    village = models.CharField(_("village / community"), max_length=50)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=30, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    # The day it was last archived, from which the county's retention period runs; and the day
    # its personal details were reduced once that period had passed (outreach/retention.py).
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("household history"))
    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["township", "village", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["township", "number"], name="outreach_household_unique_number"
            )
        ]
        indexes = [models.Index(fields=["township", "village"], name="outreach_hh_town_village")]

    def __str__(self):
        return f"{self.head_name}（{self.village}）"

    def get_absolute_url(self):
        return reverse("outreach:household", args=[self.pk])

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class PersonQuerySet(ScopedQuerySet):
    county_field = "household__township__area"
    personal = True

    def unit_scope(self, user):
        return access.through_household(user)

    def active(self):
        return self.filter(archived=False)


class Person(models.Model):
    class Relation(models.TextChoices):
        SELF = "self", _("the soldier or veteran")
        PARENT = "parent", _("parent")
        GUARDIAN = "guardian", _("guardian")
        SPOUSE = "spouse", _("spouse")
        CHILD = "child", _("child")
        SIBLING = "sibling", _("sibling")

    class Sex(models.TextChoices):
        MALE = "M", _("male")
        FEMALE = "F", _("female")

    class DisabilityNature(models.TextChoices):
        WAR = "war", _("in war")
        DUTY = "duty", _("on duty")
        ILLNESS = "illness", _("through illness")

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="persons", verbose_name=_("household")
    )
    name = models.CharField(_("full name"), max_length=50)
    id_number = EncryptedCharField(_("ID number"), max_length=18)
    # The keyed hash of the ID number: exact search and the one-active-person rule.
    id_number_hash = HashField(of="id_number")
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, editable=False)
    birth_date = models.DateField(_("birth date"), editable=False)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    categories = models.ManyToManyField(
        BeneficiaryCategory, blank=True, related_name="persons", verbose_name=_("categories")
    )
    priority_marks = models.ManyToManyField(
        PriorityMark, blank=True, related_name="persons", verbose_name=_("priority-care marks")
    )
    disability_grade = models.PositiveSmallIntegerField(
        _("disability grade"),
        null=True,
        blank=True,
        choices=[(n, _("grade %(n)s") % {"n": n}) for n in range(1, 11)],
    )
    disability_nature = models.CharField(
        _("disability nature"), max_length=10, choices=DisabilityNature.choices, blank=True
    )
    phone = EncryptedCharField(_("phone"), max_length=30, blank=True)
    deceased = models.BooleanField(_("deceased"), default=False)
    archived = models.BooleanField(_("archived"), default=False)
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)

    history = HistoricalRecords(verbose_name=_("person history"), m2m_fields=[categories])
    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["household", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["id_number_hash"],
                condition=Q(archived=False),
                name="outreach_person_unique_id_number_hash",
            ),
            models.CheckConstraint(
                condition=Q(disability_grade__isnull=True)
                | (Q(disability_grade__gte=1) & Q(disability_grade__lte=10)),
                name="outreach_person_disability_grade_1_to_10",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None and "id_number" in update_fields:
            update_fields = {*update_fields, "id_number_hash"}  # the hash follows its number
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def masked_id_number(self):
        return mask_id_number(self.id_number)

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    def clean(self):
        if self.disability_nature and not self.disability_grade:
            raise ValidationError(
                {"disability_grade": _("A disability nature needs a disability grade.")}
            )


class IdNumberViewQuerySet(ScopedQuerySet):
    county_field = "county"
    personal = True

    def unit_scope(self, user):
        return access.nobody_else(user)

    def about(self, person):
        """Every look that took in this person: alone, or among the rows of an export or
        import."""
        return self.filter(
            Q(person=person)
            | Q(
                pk__in=IdNumberView.persons.through.objects.filter(person=person).values(
                    "idnumberview"
                )
            )
        )


class IdNumberView(models.Model):
    """Each look at personal details (个人信息保护法): a full ID number or phone shown, a file
    exported or imported with persons in it, who did it, when, and whose they were.

    It began as the log of full ID number views and keeps that model's name, table and content
    type, so the rows a database already holds stay where they are and keep their numbers."""

    class Kind(models.TextChoices):
        VIEW = "view", _("full ID number or phone viewed")
        EXPORT = "export", _("exported with personal details")
        IMPORT = "import", _("imported from Excel")
        COPY = "copy", _("personal information copy issued")
        LOOKUP = "lookup", _("looked up by ID number")

    class Source(models.TextChoices):
        HOUSEHOLD_PAGE = "household_page", _("household page")
        PERSON_FORM = "person_form", _("person form")
        ACTIVITY_FORM = "activity_form", _("activity form")
        LEDGER_EXPORT = "ledger_export", _("ledger workbook")
        LEDGER_PRINT = "ledger_print", _("printed ledger")
        YEAREND_WORKBOOK = "yearend_workbook", _("year-end workbook")
        IMPORT_ERRORS = "import_errors", _("import file with its errors")
        HOUSEHOLD_IMPORT = "household_import", _("household import")
        ACCOUNTS_IMPORT = "accounts_import", _("accounts sheet import")
        PERSON_COPY = "person_copy", _("personal information copy")
        VISIT_LOOKUP = "visit_lookup", _("household look-up for a visit")
        SURVEY_WORKLIST = "survey_worklist", _("survey worklist taken onto a phone")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VIEW)
    source = models.CharField(
        _("where"), max_length=20, choices=Source.choices, default=Source.HOUSEHOLD_PAGE
    )
    county = models.ForeignKey(
        "campaign.Area",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("county"),
    )
    # One person looked at: a page or a form. Files name many, through `persons`: a row per
    # person in an indexed link table, so "who looked at this person" stays one indexed lookup
    # however large the export was.
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="id_views",
        verbose_name=_("person"),
    )
    persons = models.ManyToManyField(
        Person, blank=True, related_name="file_looks", verbose_name=_("persons in the file")
    )
    count = models.PositiveIntegerField(_("record count"), default=1)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("user")
    )
    viewed_at = models.DateTimeField(_("viewed at"), auto_now_add=True, db_index=True)

    objects = IdNumberViewQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["user", "viewed_at"], name="outreach_look_user_at")]

    def __str__(self):
        return f"{self.user} · {self.get_source_display()} · {self.viewed_at:%Y-%m-%d %H:%M}"
