from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.fields import EncryptedCharField, HashField
from campaign.models import Unit
from campaign.scoping import ScopedQuerySet
from outreach import access
from outreach.idnumbers import mask_id_number, mask_phone


class BeneficiaryCategory(models.Model):
    """对象类别; a list that grows with national practice, so it is data, not choices."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("beneficiary category")
        verbose_name_plural = _("beneficiary categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PriorityMark(models.Model):
    """重点优抚 marks."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("priority-care mark")
        verbose_name_plural = _("priority-care marks")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Policy(models.Model):
    """A benefit or resettlement policy whose implementation topic 4 asks about."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


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
    county_field = "person__household__township__area"
    personal = True

    def unit_scope(self, user):
        return access.nobody_else(user)


class IdNumberView(models.Model):
    """Each time a full ID number is shown, who saw whose (个人信息保护法)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="id_views", verbose_name=_("person")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("user")
    )
    viewed_at = models.DateTimeField(_("viewed at"), auto_now_add=True, db_index=True)

    objects = IdNumberViewQuerySet.as_manager()

    class Meta:
        verbose_name = _("full ID number view")
        verbose_name_plural = _("full ID number views")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.user} · {self.person} · {self.viewed_at:%Y-%m-%d %H:%M}"
