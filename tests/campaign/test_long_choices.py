import pytest
from django import forms
from django.test.html import parse_html

from campaign.long_choices import (
    LongChoiceField,
    LongMultipleChoiceField,
    LongSelect,
    LongSelectMultiple,
)
from campaign.models import Unit
from tests.factories import UnitFactory

CHOICES = [
    ("", "---------"),
    (1, "甲<镇>"),
    (2, "县民政局 & 退役军人事务局"),
    ("驻军", [(3, '驻县某部"一营"'), (4, "驻县某部二营")]),
]


@pytest.mark.parametrize(
    ("long", "django_widget", "value"),
    [
        (LongSelect, forms.Select, 2),
        (LongSelect, forms.Select, None),
        (LongSelectMultiple, forms.SelectMultiple, [1, 3]),
    ],
)
def test_it_renders_what_django_renders(long, django_widget, value):
    attrs = {"class": "form-select", "size": 6}
    extra = {"id": "id_unit", "required": True, "disabled": False}
    ours = long(choices=CHOICES, attrs=attrs).render("unit", value, extra)
    theirs = django_widget(choices=CHOICES, attrs=attrs).render("unit", value, extra)
    assert parse_html(ours) == parse_html(theirs)
    assert "甲&lt;镇&gt;" in ours and "&amp; 退役军人事务局" in ours


@pytest.mark.django_db
def test_the_choices_are_read_in_one_query(django_assert_num_queries):
    units = [UnitFactory(kind=Unit.Kind.MEMBER, name=f"单位{n}") for n in range(3)]

    class Form(forms.Form):
        lead = LongChoiceField(Unit.objects.order_by("name"))
        helpers = LongMultipleChoiceField(Unit.objects.order_by("name"), required=False)

    form = Form(initial={"lead": units[1].pk, "helpers": [units[0].pk, units[2].pk]})
    # One query per field, however often the form is rendered, and no server-side cursor
    # (DECLARE … FETCH … CLOSE on PostgreSQL) for a list this small.
    with django_assert_num_queries(2) as captured:
        page = str(form["lead"]) + str(form["helpers"]) + str(form["lead"])
    assert not any("DECLARE" in query["sql"] for query in captured.captured_queries)
    assert f'<option value="{units[1].pk}" selected>单位1</option>' in page
    assert f'<option value="{units[2].pk}" selected>单位2</option>' in page
