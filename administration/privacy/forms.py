from django import forms
from django.utils.translation import gettext_lazy as _

from outreach.models.retention import LONGEST_MONTHS


class RetentionForm(forms.Form):
    months = forms.IntegerField(
        label=_("Kept for (months after archiving)"),
        min_value=1,
        max_value=LONGEST_MONTHS,
        help_text=_(
            "Counted from the day a household is archived; on the day after, its personal "
            "details are anonymised. 60 months is five years."
        ),
    )
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
