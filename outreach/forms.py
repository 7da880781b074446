from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign import access as rule
from campaign import clock
from campaign.fields import hash_of
from campaign.forms import DateInput
from campaign.models import Phase, SupportOrganisation, Unit
from campaign.selectors import campaign_for, topics_of
from outreach import access
from outreach.idnumbers import mask_id_number, parse_id_number
from outreach.models import (
    Activity,
    ActivityKind,
    HonourPlaque,
    Household,
    MediaCoverage,
    MeritNotice,
    Person,
    PlaqueEvent,
    Policy,
)
from outreach.services import person_apply_id_number


class HouseholdForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["township", "number", "head_name", "village", "address", "phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Leave empty to take the next free number.")
        if access.chooses_township(user):
            # A deactivated or merged township takes no households; one already there keeps
            # its own in the choice.
            current = self.instance.township_id if self.instance.pk else None
            self.fields["township"].queryset = (
                Unit.objects.visible_to(user)
                .of_kind(Unit.Kind.TOWNSHIP)
                .filter(Q(is_active=True) | Q(pk=current))
            )
        else:
            # A clerk registers only in its own township.
            del self.fields["township"]
            if not self.instance.pk:
                self.instance.township = access.own_township(user)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not phone.replace("-", "").isdigit():
            raise ValidationError(_("A phone number has digits and dashes only."))
        return phone


def list_choices(model, county_id, instance, field_name):
    """The county's offered values, and those retired that this record still holds."""
    held = []
    if instance.pk:
        field = instance._meta.get_field(field_name)
        if field.many_to_many:
            held = getattr(instance, field_name).values("pk")
        else:
            held = [getattr(instance, field.attname)]
    return (
        model.objects.filter(county_id=county_id)
        .filter(Q(retired=False) | Q(pk__in=held))
        .order_by("order", "name")
    )


def list_label(value) -> str:
    if value.retired:
        return _("%(name)s (retired)") % {"name": value.name}
    return value.name


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "id_number",
            "relation",
            "categories",
            "priority_marks",
            "disability_grade",
            "disability_nature",
            "phone",
            "deceased",
        ]
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "priority_marks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.user = user
        for name in ("categories", "priority_marks"):
            field = self.fields[name]
            field.queryset = list_choices(
                field.queryset.model, household.township.area_id, self.instance, name
            )
            field.label_from_instance = list_label
        self.id_warnings = []
        self.fields["id_number"].widget.attrs.update({"inputmode": "text", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("id_number"):
            self.instance.id_number = cleaned["id_number"]
            try:
                self.id_warnings = person_apply_id_number(self.instance, user=self.user)
            except ValidationError as exc:
                self.add_error(None, exc)
            else:
                cleaned["id_number"] = self.instance.id_number
        return cleaned

    def validate_constraints(self, exclude=None):
        # The ID-number rule is checked in clean(), with a message that names the holder to
        # those who may read the holder's household.
        pass


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("visited on"), widget=DateInput())
    visitors = forms.CharField(label=_("visitors"), max_length=200)
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, about: str, county_id, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics_of(campaign).filter(about=about))
        offered = Policy.objects.filter(county_id=county_id).offered()
        policies = list(offered)
        for topic in self.topics:
            self.fields[f"topic_{topic.number}_text"] = forms.CharField(
                label=str(topic),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"topic_{topic.number}_action"] = forms.BooleanField(
                label=_("needs action"), required=False
            )
            if topic.policy_check:
                self.fields["policies_done"] = forms.ModelMultipleChoiceField(
                    offered,
                    label=_("policies carried out"),
                    required=False,
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                )
                self.fields["policies_missing"] = forms.ModelMultipleChoiceField(
                    offered,
                    label=_("policies not carried out"),
                    required=False,
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                )
                self.fields["policies_done"].choices = [(p.pk, p.name) for p in policies]
                self.fields["policies_missing"].choices = [(p.pk, p.name) for p in policies]

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        if visited_on > clock.today():
            raise ValidationError(_("A visit cannot be dated in the future."))
        return visited_on

    def topic_rows(self):
        """(topic, text field, action field, is policy topic) for the template."""
        return [
            (topic, self[f"topic_{topic.number}_text"], self[f"topic_{topic.number}_action"])
            for topic in self.topics
        ]

    def policy_rows(self):
        """(policy's name, its "carried out" box, its "not carried out" box): each policy named
        once, with both answers beside it, rather than the whole list twice."""
        if "policies_done" not in self.fields:
            return []
        return [
            (done.choice_label, done, missing)
            for done, missing in zip(
                self["policies_done"].subwidgets, self["policies_missing"].subwidgets, strict=True
            )
        ]

    def clean(self):
        cleaned = super().clean()
        done = set(cleaned.get("policies_done") or [])
        missing = set(cleaned.get("policies_missing") or [])
        if done & missing:
            raise ValidationError(
                _("A policy cannot be both carried out and not carried out: %(names)s.")
                % {"names": "、".join(p.name for p in done & missing)}
            )
        findings = []
        for topic in self.topics:
            text = (cleaned.get(f"topic_{topic.number}_text") or "").strip()
            needs_action = cleaned.get(f"topic_{topic.number}_action")
            if topic.policy_check and not text and (done or missing):
                text = _("Policy implementation checked.")
            if needs_action and not text:
                self.add_error(
                    f"topic_{topic.number}_text",
                    _("Describe the problem that needs action."),
                )
            if text:
                finding = {"topic": topic, "text": text, "needs_action": bool(needs_action)}
                if topic.policy_check:
                    finding |= {"policies_done": done, "policies_missing": missing}
                findings.append(finding)
        if not findings and not self.errors:
            raise ValidationError(_("Record at least one finding."))
        cleaned["findings"] = findings
        return cleaned


def credited_organisations(user, *, keep=None):
    """The support organisations an activity may be credited to: the county's active ones,
    and the one it already names even if deactivated since."""
    found = SupportOrganisation.objects.visible_to(user)
    active = found.filter(active=True)
    return (active | found.filter(pk=keep)) if keep else active


class ActivityForm(forms.ModelForm):
    id_numbers = forms.CharField(
        label=_("persons reached (ID numbers)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One resident ID number per line; their households count as reached too."),
    )

    class Meta:
        model = Activity
        fields = [
            "kind",
            "organiser",
            "held_on",
            "phase",
            "title",
            "place",
            "people_reached",
            "amount",
            "goods",
            "support_organisation",
            "target_groups",
            "notes",
        ]
        widgets = {
            "held_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "target_groups": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "target_groups": _("For help to people in difficulty: the groups it reached."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        county_id = (
            self.instance.organiser.area_id
            if self.instance.organiser_id
            else rule.county_in_view_id(user)
        )
        # The kinds of one campaign: the one of the kind it holds, else the one in view.
        campaign = (
            self.instance.kind.workstream.campaign_id
            if self.instance.kind_id
            else getattr(campaign_for(user), "pk", None)
        )
        kinds = (
            list_choices(ActivityKind, county_id, self.instance, "kind")
            .filter(workstream__campaign_id=campaign)
            .select_related("workstream")
        )
        field = self.fields["kind"]
        field.queryset, field.to_field_name = kinds, "code"
        field.choices = activity_kind_choices(kinds)
        if self.instance.kind_id and not self.is_bound:
            self.initial["kind"] = self.instance.kind.code
        if access.may_choose_organiser(user):
            self.fields["organiser"].queryset = Unit.objects.visible_to(user).filter(is_active=True)
        else:
            del self.fields["organiser"]
        # The phases offered are those of the campaign the activity belongs to.
        campaign = self.instance.campaign if self.instance.campaign_id else campaign_for(user)
        self.fields["phase"].queryset = Phase.objects.filter(campaign=campaign)
        self.fields["support_organisation"].queryset = credited_organisations(
            user, keep=self.instance.support_organisation_id
        )
        # The persons already linked: those whose full ID number this user may see are edited
        # in the text box; the others stay linked as they are and are listed masked.
        self.shown_persons, self.kept_persons = [], []
        if self.instance.pk:
            for person in self.instance.persons.select_related("household__township"):
                if access.can_see_full_id(user, person.household):
                    self.shown_persons.append(person)
                else:
                    self.kept_persons.append(person)
        if self.shown_persons and not self.is_bound:
            self.initial["id_numbers"] = "\n".join(p.id_number for p in self.shown_persons)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise ValidationError(_("The amount cannot be negative."))
        return amount

    def clean_id_numbers(self):
        numbers = []
        for line_number, line in enumerate(self.cleaned_data["id_numbers"].splitlines(), 1):
            if not line.strip():
                continue
            try:
                numbers.append(parse_id_number(line.strip()).number)
            except ValidationError as exc:
                raise ValidationError(
                    _("Line %(line)s: %(error)s") % {"line": line_number, "error": exc.messages[0]}
                ) from None
        found = {
            p.id_number: p
            for p in Person.objects.visible_to(self.user)
            .active()
            .filter(id_number_hash__in=[hash_of(n) for n in numbers])
        }
        unknown = [n for n in numbers if n not in found]
        if unknown:
            raise ValidationError(
                _("Not in the registry you can see: %(numbers)s.")
                % {"numbers": "、".join(mask_id_number(n) for n in unknown)}
            )
        typed = [found[n] for n in dict.fromkeys(numbers)]
        self.persons = list({p.pk: p for p in [*self.kept_persons, *typed]}.values())
        return numbers


def activity_kind_choices(kinds):
    """The kinds grouped under their workstream, in the list's order."""
    groups = {}
    for kind in kinds:
        groups.setdefault(kind.workstream, []).append((kind.code, list_label(kind)))
    return [("", "---------")] + [
        (str(workstream), choices)
        for workstream, choices in sorted(groups.items(), key=lambda g: g[0].number)
    ]


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("photo or PDF"), help_text=_("JPEG, PNG or PDF, at most 10 MB."))


class MediaCoverageForm(forms.ModelForm):
    link = forms.URLField(label=_("link"), required=False, max_length=500, assume_scheme="https")
    file = forms.FileField(
        label=_("clipping (photo or PDF)"),
        required=False,
        help_text=_("JPEG, PNG or PDF, at most 10 MB; or give the link."),
    )

    class Meta:
        model = MediaCoverage
        fields = ["outlet", "published_on", "title", "link"]
        widgets = {"published_on": DateInput()}


class MeritNoticeForm(forms.ModelForm):
    class Meta:
        model = MeritNotice
        fields = ["soldier_name", "garrison", "serving_unit", "level", "household", "sent_on"]
        widgets = {"sent_on": DateInput()}

    def __init__(self, *args, user, activity, **kwargs):
        super().__init__(*args, **kwargs)
        county_id = activity.organiser.area_id
        self.fields["garrison"].queryset = (
            Unit.objects.visible_to(user).of_kind(Unit.Kind.GARRISON).filter(area_id=county_id)
        )
        # Only the households this user may see, of the activity's county; others are refused
        # again by the service.
        self.fields["household"].queryset = (
            Household.objects.visible_to(user)
            .filter(township__area_id=county_id, archived=False)
            .select_related("township")
        )
        self.fields["household"].help_text = _("The family the notice was delivered to.")
        self.fields["household"].error_messages["invalid_choice"] = _(
            "Choose a household of the registry you can see in this county."
        )


class PlaqueEventForm(forms.Form):
    kind = forms.ChoiceField(label=_("what happened"))
    on = forms.DateField(label=_("date"), widget=DateInput())
    reason = forms.CharField(label=_("reason"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("type"), choices=[("", "---------"), *HonourPlaque.Type.choices], required=False
    )
    basis = forms.CharField(
        label=_("basis"),
        required=False,
        max_length=200,
        help_text=_("e.g. whose service or sacrifice the plaque honours."),
    )
    placement = forms.ChoiceField(
        label=_("placement"),
        choices=[("", "---------"), *HonourPlaque.Placement.choices],
        required=False,
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, PlaqueEvent.Kind(k).label) for k in allowed]
        if PlaqueEvent.Kind.ISSUED not in allowed:
            del self.fields["type"]
            del self.fields["basis"]
