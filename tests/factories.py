import itertools
from datetime import date, timedelta

import factory
from stdnum.cn import ric

from campaign.models import Unit, User
from outreach.models import Household, Person

_sequence = itertools.count(1)


def make_id_number(born: date = date(1960, 5, 4), *, male=True, area="110101") -> str:
    """A valid fictitious resident ID number, different on every call."""
    n = next(_sequence)
    born = born + timedelta(days=n // 400)
    seq = (n % 400) * 2 + (1 if male else 0)
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"测试单位{n}")
    code = factory.Sequence(lambda n: f"unit-{n}")
    kind = Unit.Kind.MEMBER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    unit = factory.SubFactory(UnitFactory)
    password = factory.django.Password("secret-pass-123")


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    township = factory.SubFactory(UnitFactory, kind=Unit.Kind.TOWNSHIP)
    number = factory.Sequence(lambda n: f"{n + 1:04d}")
    head_name = factory.Sequence(lambda n: f"户主{n}")
    village = "东村"
    address = "1号"
    phone = "13812345678"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    household = factory.SubFactory(HouseholdFactory)
    name = factory.Sequence(lambda n: f"成员{n}")
    id_number = factory.LazyFunction(make_id_number)
    sex = factory.LazyAttribute(lambda p: "M" if int(p.id_number[16]) % 2 else "F")
    birth_date = factory.LazyAttribute(lambda p: ric.get_birth_date(p.id_number))
    relation = Person.Relation.SELF
