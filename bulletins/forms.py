"""The bulletin's form (its text and what it cites) and the attachment upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bulletins.models import Bulletin
from campaign.models import Commendation, ModelFigure
from campaign.selectors import campaign_for
from outreach.models import Activity


class BulletinForm(forms.ModelForm):
    """The version the form was opened on travels with it, so a save made on an older copy
    is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    model_figures = forms.ModelMultipleChoiceField(
        label=_("publicised models cited"), queryset=ModelFigure.objects.none(), required=False
    )
    commendations = forms.ModelMultipleChoiceField(
        label=_("commendations cited"), queryset=Commendation.objects.none(), required=False
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("activities cited"), queryset=Activity.objects.none(), required=False
    )

    class Meta:
        model = Bulletin
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = _("Give the bulletin's title.")
        self.fields["body"].error_messages["required"] = _("Write the bulletin's text.")
        self.fields["model_figures"].queryset = ModelFigure.objects.visible_to(user)
        self.fields["commendations"].queryset = Commendation.objects.visible_to(user)
        self.fields["activities"].queryset = (
            Activity.objects.visible_to(user)
            .filter(campaign=campaign_for(user))
            .order_by("-held_on", "-id")
        )
        if not self.is_bound:
            self.initial["version"] = self.instance.version
            if self.instance.pk:
                cited = list(self.instance.citations.all())
                self.initial["model_figures"] = [
                    c.model_figure_id for c in cited if c.model_figure_id
                ]
                self.initial["commendations"] = [
                    c.commendation_id for c in cited if c.commendation_id
                ]
                self.initial["activities"] = [c.activity_id for c in cited if c.activity_id]

    def clean(self):
        # A hidden field's error would not show beside it: the form as a whole says it.
        if self.instance.pk and self.cleaned_data.get("version") is None:
            raise forms.ValidationError(
                _("This form is incomplete: open the record again and make your change.")
            )
        return super().clean()

    def citations(self):
        data = self.cleaned_data
        return (data["model_figures"], data["commendations"], data["activities"])


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("photo or PDF"), help_text=_("JPEG, PNG or PDF, at most 10 MB."))


class ActionForm(forms.Form):
    """Publish and withdraw name the version the page was opened on."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
