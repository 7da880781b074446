from django import forms

from reports.models import AssessmentItem, AssessmentScheme


class SchemeForm(forms.ModelForm):
    class Meta:
        model = AssessmentScheme
        fields = [
            *AssessmentScheme.WEIGHT_FIELDS,
            "activities_target",
            *AssessmentScheme.RULE_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in AssessmentScheme.RULE_FIELDS:
            self.fields[name].required = False  # left empty: kept as they are


class ItemForm(forms.ModelForm):
    class Meta:
        model = AssessmentItem
        fields = ["kind", "points", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}
