from datetime import date

import pytest
from django.urls import reverse

from outreach.models import BeneficiaryCategory, Person, PriorityMark
from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory, make_id_number

pytestmark = pytest.mark.django_db


def post_person(client, household, **overrides):
    data = {"name": "张三", "id_number": make_id_number(), "relation": "self"} | overrides
    return client.post(reverse("outreach:person_add", args=[household.pk]), data)


def errors(response):
    form = response.context["form"]
    return [message for messages in form.errors.values() for message in messages]


def test_it_derives_sex_and_birth_date_from_the_id_number(client_for, clerk_a, household):
    number = make_id_number(date(1950, 8, 1), male=False)
    categories = list(BeneficiaryCategory.objects.filter(name__in=["复员军人", "烈士遗属"]))
    mark = PriorityMark.objects.get(name="烈士子女")
    post_person(
        client_for(clerk_a),
        household,
        id_number=number.lower(),
        categories=[c.pk for c in categories],
        priority_marks=[mark.pk],
    )
    person = Person.objects.get()
    assert (person.id_number, person.sex) == (number, "F")
    assert person.birth_date.year == 1950
    assert set(person.categories.all()) == set(categories)
    assert list(person.priority_marks.all()) == [mark]


def test_a_wrong_check_digit_is_an_error(client_for, clerk_a, household):
    number = make_id_number()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    response = post_person(client_for(clerk_a), household, id_number=wrong)
    assert errors(response) == ["身份证号校验位不正确，请逐位核对。"]
    assert Person.objects.count() == 0


def test_an_impossible_birth_date_is_an_error(client_for, clerk_a, household):
    body = "11010119990231123"
    from stdnum.cn import ric

    response = post_person(
        client_for(clerk_a), household, id_number=body + ric.calc_check_digit(body + "0")
    )
    assert errors(response) == ["身份证号中的出生日期19990231不是有效日期。"]


def test_a_short_number_is_an_error(client_for, clerk_a, household):
    response = post_person(client_for(clerk_a), household, id_number="1101011990")
    assert errors(response) == ["身份证号应为18位，此号码为10位。"]


def test_an_unknown_area_code_is_only_a_warning(client_for, clerk_a, household):
    number = make_id_number(date(1960, 1, 1), area="999999")
    response = post_person(client_for(clerk_a), household, id_number=number)
    assert Person.objects.filter(id_number=number).exists()
    followed = client_for(clerk_a).get(response["Location"])
    assert "地区码999999在任何年份都不存在，请核对。" in followed.content.decode()


def test_a_code_in_use_only_after_the_birth_year_is_no_warning(client_for, clerk_a, household):
    number = make_id_number(date(1960, 1, 1), area="341122")  # 来安县 is listed from 1992
    response = post_person(client_for(clerk_a), household, id_number=number)
    followed = client_for(clerk_a).get(response["Location"])
    assert "地区码" not in followed.content.decode()


def test_a_duplicate_number_names_the_household_holding_it_to_the_office(
    client_for, office, household, township_b
):
    other = HouseholdFactory(township=township_b, number="0042", head_name="李乙", village="西村")
    holder = PersonFactory(household=other, name="李乙")
    response = post_person(client_for(office), household, id_number=holder.id_number)
    assert errors(response) == [
        "该身份证号已登记为“李乙”，所在户：0042号（户主李乙，西村，乙乡）。"
    ]
    assert Person.objects.count() == 1


def test_a_clerk_is_not_told_who_holds_a_number_in_another_township(
    client_for, clerk_a, household, township_b
):
    other = HouseholdFactory(township=township_b, number="0042", head_name="李乙", village="西村")
    holder = PersonFactory(household=other, name="李乙")
    response = post_person(client_for(clerk_a), household, id_number=holder.id_number)
    assert errors(response) == ["该身份证号已在其他乡镇登记。"]
    page = response.content.decode()
    assert "李乙" not in page and "0042" not in page and "西村" not in page
    assert Person.objects.count() == 1


def test_an_archived_persons_number_may_be_registered_again(
    client_for, clerk_a, household, township_a
):
    old = PersonFactory(household=HouseholdFactory(township=township_a))
    household_archive(user=clerk_a, household=old.household)
    post_person(client_for(clerk_a), household, id_number=old.id_number)
    assert Person.objects.filter(id_number=old.id_number).count() == 2


def test_the_database_refuses_two_active_persons_with_one_number(household):
    from django.db import IntegrityError, transaction

    person = PersonFactory(household=household)
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(household=household, id_number=person.id_number)


def test_a_disability_nature_needs_a_grade(client_for, clerk_a, household):
    response = post_person(client_for(clerk_a), household, disability_nature="war")
    assert "填写残疾性质时须同时填写残疾等级。" in errors(response)


def test_editing_a_person_keeps_its_own_number_valid(client_for, clerk_a, household):
    person = PersonFactory(household=household, name="张三")
    response = client_for(clerk_a).post(
        reverse("outreach:person_edit", args=[person.pk]),
        {"name": "张三丰", "id_number": person.id_number, "relation": "self"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "张三丰"
    assert person.history.count() == 2
