from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaign import access, clock
from campaign.forms import DateInput
from campaign.long_choices import LongChoiceField, LongMultipleChoiceField, LongSelectMultiple
from campaign.models import Topic, Unit
from campaign.selectors import campaign_for, topics_of
from grievances import access as case_access
from grievances.models import Case, Satisfaction, Source
from grievances.workdays import add_workdays
from outreach.models import Household


class CaseCreateForm(forms.Form):
    """A case registered by hand: a walk-in, a letter, or a problem found outside the survey."""

    topic = forms.ModelChoiceField(Topic.objects.none(), label=_("topic"))
    source = forms.ChoiceField(
        label=_("source"),
        choices=[(Source.WALK_IN, Source.WALK_IN.label), (Source.LETTER, Source.LETTER.label)],
    )
    household = forms.ModelChoiceField(
        Household.objects.none(),
        label=_("household"),
        required=False,
        help_text=_("For a topic about beneficiaries."),
    )
    garrison = forms.ModelChoiceField(
        Unit.objects.none(),
        label=_("garrison unit"),
        required=False,
        help_text=_("For a topic about garrison units."),
    )
    township = forms.ModelChoiceField(Unit.objects.none(), label=_("township"))
    description = forms.CharField(label=_("problem"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_of(campaign_for(user))
        # A household's problem is registered from its page, which passes the household on.
        self.fields["household"].queryset = Household.objects.visible_to(user).active()
        self.fields["garrison"].queryset = Unit.objects.visible_to(user).of_kind(Unit.Kind.GARRISON)
        self.fields["household"].widget = forms.HiddenInput()
        self.township = access.own_township(user)
        if self.township is not None:
            del self.fields["township"]
        else:
            self.fields["township"].queryset = (
                Unit.objects.visible_to(user).of_kind(Unit.Kind.TOWNSHIP).filter(is_active=True)
            )

    def clean(self):
        cleaned = super().clean()
        topic, household, garrison = (
            cleaned.get("topic"),
            cleaned.get("household"),
            cleaned.get("garrison"),
        )
        if topic is None:
            return cleaned
        if topic.about == Topic.About.BENEFICIARY:
            if household is None:
                self.add_error(
                    "topic",
                    _(
                        "This topic concerns a household: open the household's page and "
                        "choose “Register a problem” there."
                    ),
                )
            cleaned["garrison"] = None
        else:
            if garrison is None:
                self.add_error("garrison", _("This topic concerns a garrison unit; choose one."))
            cleaned["household"] = None
        township = self.township or cleaned.get("township")
        if household is not None and township is not None and household.township_id != township.pk:
            self.add_error("household", _("The household does not belong to this township."))
        cleaned["township"] = township
        return cleaned


class ActionForm(forms.Form):
    """A step of a case's workflow, shown to the user who may take it. It carries the case's
    version when the form was opened, so a step taken on a case changed meanwhile is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class AssignForm(ActionForm):
    lead_unit = LongChoiceField(Unit.objects.none(), label=_("lead unit"))
    co_units = LongMultipleChoiceField(
        Unit.objects.none(),
        label=_("co-responsible units"),
        required=False,
        widget=LongSelectMultiple(attrs={"size": 6}),
    )
    responsible_person = forms.CharField(label=_("responsible person"), max_length=50)
    responsible_phone = forms.CharField(
        label=_("responsible person's phone"), max_length=30, required=False
    )
    measures = forms.CharField(label=_("measures"), widget=forms.Textarea(attrs={"rows": 3}))
    workdays = forms.IntegerField(
        label=_("working days to complete"),
        min_value=1,
        max_value=250,
        required=False,
        help_text=_("Counted on the Chinese calendar: holidays off, make-up working days on."),
    )
    deadline = forms.DateField(label=_("or a deadline date"), required=False, widget=DateInput())

    def __init__(self, *args, user, time_limit=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.time_limit = time_limit
        if time_limit:
            self.fields["workdays"].help_text = _(
                "Left empty with no date, the topic's time limit applies: %(days)s working "
                "days from today (依法优先)."
            ) % {"days": time_limit}
        units = Unit.objects.visible_to(user).of_kind(*Unit.WORKING_KINDS).filter(is_active=True)
        self.fields["lead_unit"].queryset = units
        self.fields["co_units"].queryset = units

    def clean(self):
        cleaned = super().clean()
        workdays, deadline = cleaned.get("workdays"), cleaned.get("deadline")
        if workdays and deadline:
            raise ValidationError(_("Give either working days or a deadline date, not both."))
        if workdays:
            cleaned["deadline"] = add_workdays(clock.today(), workdays)
        elif not deadline and "deadline" not in self.errors and not self.time_limit:
            raise ValidationError(_("Give the working days to complete or a deadline date."))
        return cleaned


class LeaderForm(ActionForm):
    leader = forms.ModelChoiceField(
        Case.leader.field.related_model.objects.none(),
        label=_("leader in charge"),
        required=False,
        empty_label=_("(none: clear the leader)"),
        help_text=_("The county leader who takes the case personally (包案领导)."),
    )
    note = forms.CharField(label=_("note"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["leader"].queryset = case_access.leader_choices(user)
        self.fields["leader"].label_from_instance = lambda leader: leader.display_name


class InstructionForm(ActionForm):
    text = forms.CharField(
        label=_("the leader's instruction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the instruction.")},
    )


class NoteForm(ActionForm):
    note = forms.CharField(
        label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProgressForm(ActionForm):
    on = forms.DateField(label=_("date"), widget=DateInput())
    note = forms.CharField(label=_("progress"), widget=forms.Textarea(attrs={"rows": 3}))


class ResolveForm(ActionForm):
    result = forms.CharField(label=_("result"), widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(ActionForm):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class DeclineForm(ActionForm):
    reason = forms.CharField(
        label=_("reason"),
        help_text=_("Why the case is not your unit's business; the office reads it to reassign."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Say why the case is not your unit's business; the office needs it.")
        },
    )


class ExtensionRequestForm(ActionForm):
    new_deadline = forms.DateField(label=_("requested deadline"), widget=DateInput())
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionDecisionForm(ActionForm):
    approve = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("approve")), ("0", _("refuse"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("note"), required=False)


class RevisitForm(ActionForm):
    satisfaction = forms.ChoiceField(
        label=_("satisfaction"), choices=Satisfaction.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CaseEditForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Case
        fields = ["topic", "description", "measures", "responsible_person", "responsible_phone"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "measures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_of(self.instance.campaign)
        # The values the form was opened with travel with it, to tell what changed meanwhile.
        for name in self.Meta.fields:
            self.fields[f"original_{name}"] = forms.CharField(
                widget=forms.HiddenInput, required=False
            )
            if not self.is_bound:
                value = getattr(self.instance, name)
                self.initial[f"original_{name}"] = "" if value is None else str(value)
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def originals(self) -> dict:
        return {name: self.cleaned_data.get(f"original_{name}", "") for name in self.Meta.fields}


class InspectionCaseForm(forms.Form):
    topic = forms.ModelChoiceField(Topic.objects.none(), label=_("topic"))
    description = forms.CharField(label=_("problem"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_of(campaign)
