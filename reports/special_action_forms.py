"""The forms of a special action: its frame and report (one form, holding only the fields the
user may change), and a progress note."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.forms import DateInput
from campaign.models import SpecialAction, SpecialActionNote
from campaign.special_actions import units_taking_part


class SpecialActionForm(forms.ModelForm):
    """The version the form was opened on travels with it, so a save made on an older copy is
    refused (campaign.registries.changed_meanwhile)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This form is incomplete: open the record again and make your change.")
        },
    )

    class Meta:
        model = SpecialAction
        fields = [
            "lead_unit",
            "cooperating_units",
            "responsible",
            "plan",
            "starts_on",
            "ends_on",
            "status",
            "result",
        ]
        widgets = {
            "cooperating_units": forms.CheckboxSelectMultiple,
            "plan": forms.Textarea(attrs={"rows": 4}),
            "result": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, editable: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name != "version" and name not in editable:
                del self.fields[name]
        county = self.instance.topic.campaign.county_id
        if "lead_unit" in self.fields:
            self.fields["lead_unit"].queryset = units_taking_part(
                county, keep=[self.instance.lead_unit_id]
            )
        if "cooperating_units" in self.fields:
            kept = list(self.instance.cooperating_units.values_list("pk", flat=True))
            self.fields["cooperating_units"].queryset = units_taking_part(county, keep=kept)
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        # The service checks the model on the locked row; nothing is written to the instance here.
        pass

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


class SpecialActionNoteForm(forms.ModelForm):
    class Meta:
        model = SpecialActionNote
        fields = ["noted_on", "text"]
        widgets = {"noted_on": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "noted_on": {"required": _("Give the date.")},
            "text": {"required": _("Say what was done.")},
        }

    def _post_clean(self):
        pass
