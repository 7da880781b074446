from django import forms

from reports.models import AssessmentItem, AssessmentScheme


class SchemeForm(forms.ModelForm):
    class Meta:
        model = AssessmentScheme
        fields = [*AssessmentScheme.WEIGHT_FIELDS, "activities_target"]


class ItemForm(forms.ModelForm):
    class Meta:
        model = AssessmentItem
        fields = ["kind", "points", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}
