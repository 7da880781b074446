"""Choices of a county's units, which run to hundreds. Django renders each option through a
template include of its own (≈ 0.1 ms apiece), and reads the choices through
QuerySet.iterator(), which on PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE: three
round trips for one small list). The ledger's filter form and the case page's assign form grew
with the county that way; these fields read their choices in one query and render the same
markup in one pass."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


def _options(options):
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((option["value"], flatatt(option["attrs"]), option["label"]) for option in options),
    )


class OnePassRendering:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = format_html_join(
            "",
            "{}",
            (
                (
                    format_html('<optgroup label="{}">{}</optgroup>', group, _options(options))
                    if group
                    else _options(options),
                )
                for group, options, _index in widget["optgroups"]
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), groups
        )


class LongSelect(OnePassRendering, forms.Select):
    pass


class LongSelectMultiple(OnePassRendering, forms.SelectMultiple):
    pass


class OneReadChoices(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # The queryset itself, not .iterator(): one plain query, kept for a second look.
        for obj in self.queryset:
            yield self.choice(obj)


class LongChoiceField(forms.ModelChoiceField):
    iterator = OneReadChoices
    widget = LongSelect


class LongMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = OneReadChoices
    widget = LongSelectMultiple
