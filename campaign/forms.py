from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.models import FiveOnesItem, Inspection, InspectionRating, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FiveOnesForm(forms.Form):
    item = forms.ChoiceField(choices=FiveOnesItem.Item.choices, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("status"), choices=FiveOnesItem.Status.choices)
    done_on = forms.DateField(label=_("in place since"), required=False, widget=DateInput())
    description = forms.CharField(
        label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.FileField(
        label=_("evidence (photo or PDF)"), required=False, help_text=_("At most 10 MB.")
    )


class InspectionForm(forms.ModelForm):
    findings = forms.CharField(
        label=_("inspection findings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One finding per line. Each can then be put on the ledger for rectification."),
    )

    class Meta:
        model = Inspection
        fields = ["unit", "inspected_on", "inspectors", "checked", "rating", "summary"]
        widgets = {
            "inspected_on": DateInput(),
            "checked": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(user).of_kind(
            Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER, Unit.Kind.GARRISON
        )
        self.fields["rating"].queryset = InspectionRating.objects.visible_to(user).offered()

    def clean_findings(self):
        return [line.strip() for line in self.cleaned_data["findings"].splitlines() if line.strip()]
