from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.models import Decision, Mechanism, Meeting, Task
from campaign.forms import DateInput
from campaign.models import Phase, Unit, Workstream
from campaign.selectors import campaign_for, topics_of
from grievances.models import Source

TEXT = forms.Textarea(attrs={"rows": 4})


def county_units(user, *kinds):
    units = Unit.objects.visible_to(user).filter(is_active=True)
    return units.of_kind(*kinds) if kinds else units


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "kind", "title", "chair", "attendees", "attending_units", "minutes"]
        widgets = {
            "held_on": DateInput(),
            "attendees": forms.Textarea(attrs={"rows": 2}),
            "attending_units": forms.CheckboxSelectMultiple,
            "minutes": TEXT,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attending_units"].queryset = county_units(
            user, Unit.Kind.OFFICE, Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP, Unit.Kind.GARRISON
        )


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "unit", "due_on", "phase", "workstream", "detail"]
        widgets = {"due_on": DateInput(), "detail": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        campaign = campaign_for(user)
        self.fields["unit"].queryset = county_units(user, Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)
        self.fields["phase"].queryset = Phase.objects.filter(campaign=campaign)
        self.fields["workstream"].queryset = Workstream.objects.filter(campaign=campaign)


class DecisionCaseForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("topic"), queryset=None)
    unit = forms.ModelChoiceField(label=_("unit concerned"), queryset=None)
    source = forms.ChoiceField(
        label=_("source"),
        choices=[(value, label) for value, label in Source.choices if value != Source.SURVEY],
        initial=Source.LETTER,
    )
    description = forms.CharField(label=_("problem"), widget=TEXT)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_of(campaign_for(user))
        self.fields["unit"].queryset = county_units(user, Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)


class DoneForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    done_note = forms.CharField(label=_("what was done"), widget=forms.Textarea(attrs={"rows": 3}))


class MechanismForm(forms.ModelForm):
    class Meta:
        model = Mechanism
        fields = ["title", "kind", "adopted_on", "units", "meeting", "text"]
        widgets = {
            "adopted_on": DateInput(),
            "units": forms.CheckboxSelectMultiple,
            "text": TEXT,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = county_units(user)
        self.fields["meeting"].queryset = Meeting.objects.visible_to(user).filter(
            campaign=campaign_for(user)
        )
