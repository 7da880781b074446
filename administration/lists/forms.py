from django import forms
from django.utils.translation import gettext_lazy as _

from administration.lists.registry import ReferenceList
from administration.lists.services import ValueData, fingerprint


class ValueForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=100)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, reference_list: ReferenceList, county_id, value=None, **kwargs):
        if value is not None:
            initial = {"name": value.name, "seen": fingerprint(reference_list, value)}
            for name in reference_list.extra_fields:
                initial[name] = getattr(value, f"{name}_id", getattr(value, name))
            kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.reference_list = reference_list
        model = reference_list.model
        for name in reference_list.extra_fields:
            field = model._meta.get_field(name)
            self.fields[name] = field.formfield()
            if field.is_relation and _belongs_to_a_campaign(field.related_model):
                # An activity kind's workstream: one of the county's campaigns'.
                self.fields[name].queryset = field.related_model.objects.filter(
                    campaign__county_id=county_id
                ).select_related("campaign")
                self.fields[name].label_from_instance = lambda row: f"{row.campaign.name} · {row}"
        if value is None:
            del self.fields["seen"]

    def data_for_service(self) -> ValueData:
        extra = {name: self.cleaned_data[name] for name in self.reference_list.extra_fields}
        return ValueData(name=self.cleaned_data["name"], extra=extra)


def _belongs_to_a_campaign(model) -> bool:
    return any(f.name == "campaign" and f.is_relation for f in model._meta.get_fields())
