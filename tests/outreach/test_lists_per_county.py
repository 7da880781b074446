"""Each county keeps its own beneficiary categories, priority-care marks and policies: a county
starts with the national values, the person form offers what the county offers (and keeps a
retired value a person holds), and nothing takes another county's value or a retired one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.models import Topic
from outreach.forms import PersonForm
from outreach.models import BeneficiaryCategory, HonourPlaque, Person, Policy, PriorityMark
from outreach.plaques import eligible_type_q, qualifying_without_plaque
from outreach.services import person_save, visit_record
from outreach.starter_lists import CATEGORIES, MARKS, POLICIES
from tests.factories import PersonFactory, county_for_tests, make_id_number

pytestmark = pytest.mark.django_db


def value(model, county, name):
    return model.objects.get(county=county, name=name)


def test_a_new_county_starts_with_the_national_values_and_codes():
    one, two = county_for_tests(), county_for_tests("另一县")
    for model, values in ((BeneficiaryCategory, CATEGORIES), (PriorityMark, MARKS)):
        for county in (one, two):
            rows = list(model.objects.filter(county=county).values_list("code", "name"))
            assert rows == list(values)
    assert Policy.objects.filter(county=two).count() == len(POLICIES)
    assert (
        value(BeneficiaryCategory, one, "烈士遗属").pk
        != value(BeneficiaryCategory, two, "烈士遗属").pk
    )


def test_the_person_form_offers_the_countys_values_and_a_held_retired_one(household, clerk_a):
    county = household.township.area
    other = county_for_tests("另一县")
    kept = value(BeneficiaryCategory, county, "复员军人")
    gone = value(BeneficiaryCategory, county, "红军失散人员")
    unused = value(BeneficiaryCategory, county, "伤残民兵民工")
    person = PersonFactory(household=household)
    person.categories.add(gone)
    BeneficiaryCategory.objects.filter(pk__in=[gone.pk, unused.pk]).update(retired=True)

    form = PersonForm(instance=person, household=household, user=clerk_a)
    labels = dict((int(str(pk)), label) for pk, label in form.fields["categories"].choices)
    assert labels[kept.pk] == "复员军人"
    assert labels[gone.pk] == "红军失散人员（已停用）"
    assert unused.pk not in labels
    assert value(BeneficiaryCategory, other, "复员军人").pk not in labels

    new = PersonForm(household=household, user=clerk_a)
    offered = {int(str(pk)) for pk, _label in new.fields["categories"].choices}
    assert gone.pk not in offered and kept.pk in offered


def test_the_service_refuses_another_countys_value_and_a_newly_chosen_retired_one(
    household, clerk_a
):
    county = household.township.area
    other = county_for_tests("另一县")
    person = PersonFactory(household=household)
    foreign = value(BeneficiaryCategory, other, "复员军人")
    with pytest.raises(ValidationError, match="不在本县的列表中"):
        person_save(user=clerk_a, person=person, categories=[foreign])
    retired = value(BeneficiaryCategory, county, "红军失散人员")
    retired.retired = True
    retired.save()
    with pytest.raises(ValidationError, match="已停用，不能再选"):
        person_save(user=clerk_a, person=person, categories=[retired])
    assert not person.categories.exists()

    # A value the person already holds stays when it is retired.
    person.categories.add(retired)
    person_save(user=clerk_a, person=person, categories=[retired])
    assert list(person.categories.all()) == [retired]


def test_the_page_refuses_a_retired_value_and_keeps_what_was_typed(client_for, clerk_a, household):
    county = household.township.area
    retired = value(PriorityMark, county, "烈士子女")
    retired.retired = True
    retired.save()
    response = client_for(clerk_a).post(
        reverse("outreach:person_add", args=[household.pk]),
        {
            "name": "张三",
            "id_number": make_id_number(),
            "relation": "self",
            "priority_marks": [retired.pk],
        },
    )
    assert response.status_code == 200
    assert not Person.objects.exists()
    assert response.context["form"]["name"].value() == "张三"


def test_a_visit_refuses_another_countys_policy(household, clerk_a, plan):
    other = county_for_tests("另一县")
    topic = Topic.objects.get(number=4)
    finding = {
        "topic": topic,
        "text": "政策落实情况",
        "policies_done": [value(Policy, other, "优待金")],
    }
    with pytest.raises(ValidationError, match="不在本县的列表中"):
        visit_record(
            user=clerk_a,
            township=household.township,
            household=household,
            visited_on=date(2015, 4, 1),
            visitors="甲",
            findings=[finding],
        )


def test_renaming_a_category_keeps_the_plaque_rules(household):
    county = household.township.area
    martyr = value(BeneficiaryCategory, county, "烈士遗属")
    PersonFactory(household=household).categories.add(martyr)
    martyr.name = "烈士家属"
    martyr.save()
    households = type(household).objects.filter(pk=household.pk)
    [qualifying] = qualifying_without_plaque(households)
    assert qualifying.pk == household.pk
    assert households.filter(eligible_type_q()[HonourPlaque.Type.MARTYR_FAMILY]).exists()


def test_the_import_reads_names_as_the_countys_offered_values():
    from outreach.imports.cells import cell_code
    from outreach.imports.rows import Lists

    one, two = county_for_tests(), county_for_tests("另一县")
    gone = value(BeneficiaryCategory, two, "红军失散人员")
    gone.retired = True
    gone.save()
    lists = Lists(two.pk)
    assert lists.categories[cell_code("复员军人")] == value(BeneficiaryCategory, two, "复员军人")
    assert cell_code("红军失散人员") not in lists.categories
    assert cell_code("红军失散人员") in Lists(one.pk).categories
