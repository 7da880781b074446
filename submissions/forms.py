from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.forms import DateInput
from campaign.models import Phase
from submissions.models import ReportRequest


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ReportRequestForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    template_upload = forms.FileField(
        label=_("template file"),
        required=False,
        help_text=_("PDF, Word (.docx) or Excel (.xlsx), at most 10 MB."),
    )

    class Meta:
        model = ReportRequest
        fields = ["title", "period", "phase", "due_on", "units"]
        widgets = {"due_on": DateInput(), "units": forms.CheckboxSelectMultiple}

    def __init__(self, *args, units, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.fields["phase"].queryset = (
            Phase.objects.filter(campaign=campaign) if campaign else Phase.objects.none()
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("report"), widget=forms.Textarea(attrs={"rows": 10}))
    files = MultipleFileField(
        label=_("attachments"), required=False, help_text=_("JPEG, PNG or PDF, at most 10 MB each.")
    )


class ReturnForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("reason for return"), max_length=300)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
