from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaign import clock
from campaign.models import Topic, Unit
from outreach.models import Household, Person, Policy
from outreach.services import person_apply_id_number


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class HouseholdForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["township", "number", "head_name", "village", "address", "phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Leave empty to take the next free number.")
        if user.role == "township":
            # A clerk registers only in its own township.
            del self.fields["township"]
            self.instance.township = user.unit
        else:
            self.fields["township"].queryset = Unit.objects.of_kind(Unit.Kind.TOWNSHIP)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not phone.replace("-", "").isdigit():
            raise ValidationError(_("A phone number has digits and dashes only."))
        return phone


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

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.id_warnings = []
        self.fields["id_number"].widget.attrs.update({"inputmode": "text", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("id_number"):
            self.instance.id_number = cleaned["id_number"]
            try:
                self.id_warnings = person_apply_id_number(self.instance)
            except ValidationError as exc:
                self.add_error(None, exc)
            else:
                cleaned["id_number"] = self.instance.id_number
        return cleaned

    def validate_constraints(self, exclude=None):
        # The ID-number rule is checked in clean() with a message that names the holder.
        pass


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("visited on"), widget=DateInput())
    visitors = forms.CharField(label=_("visitors"), max_length=200)
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, about: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(Topic.objects.filter(about=about))
        policies = list(Policy.objects.all())
        for topic in self.topics:
            self.fields[f"topic_{topic.number}_text"] = forms.CharField(
                label=str(topic),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"topic_{topic.number}_action"] = forms.BooleanField(
                label=_("needs action"), required=False
            )
            if topic.number == 4:
                self.fields["policies_done"] = forms.ModelMultipleChoiceField(
                    Policy.objects.all(),
                    label=_("policies carried out"),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
                self.fields["policies_missing"] = forms.ModelMultipleChoiceField(
                    Policy.objects.all(),
                    label=_("policies not carried out"),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
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
            if topic.number == 4 and not text and (done or missing):
                text = _("Policy implementation checked.")
            if needs_action and not text:
                self.add_error(
                    f"topic_{topic.number}_text",
                    _("Describe the problem that needs action."),
                )
            if text:
                finding = {"topic": topic, "text": text, "needs_action": bool(needs_action)}
                if topic.number == 4:
                    finding |= {"policies_done": done, "policies_missing": missing}
                findings.append(finding)
        if not findings and not self.errors:
            raise ValidationError(_("Record at least one finding."))
        cleaned["findings"] = findings
        return cleaned
