import itertools
from datetime import date, timedelta

import factory
from django.db import transaction
from stdnum.cn import ric

from campaign.models import (
    Campaign,
    Commendation,
    FiveOnesItem,
    Inspection,
    InspectionFinding,
    ModelFigure,
    SupportOrganisation,
    Topic,
    Unit,
    User,
)
from grievances.models import Case, CaseEvent, LedgerCounter, Source, Status
from grievances.services import phase_on
from outreach.models import (
    Activity,
    ActivityKind,
    Finding,
    HonourPlaque,
    Household,
    Person,
    PlaqueEvent,
    Visit,
)

_sequence = itertools.count(1)


def make_id_number(born: date = date(1960, 5, 4), *, male=True, area="110101") -> str:
    """A valid fictitious resident ID number, different on every call."""
    n = next(_sequence)
    born = born + timedelta(days=n // 400)
    seq = (n % 400) * 2 + (1 if male else 0)
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


TEST_COUNTY = "测试县"


def campaign_on(unit, day: date | None) -> Campaign | None:
    """The campaign of the unit's county whose window holds the day, else its first: the
    campaign a record made by a factory belongs to (the county's plan must be loaded)."""
    campaigns = Campaign.objects.filter(county_id=unit.area_id).order_by("starts_on")
    if day is not None:
        holding = campaigns.filter(starts_on__lte=day, ends_on__gte=day).first()
        if holding is not None:
            return holding
    return campaigns.first()


def kind_of(unit, code: str):
    """The activity kind of the unit's county with that code."""
    return ActivityKind.objects.get(county_id=unit.area_id, code=code)


def rating_of(unit, code: str):
    """The inspection rating of the unit's county with that code (good = 良好, 85)."""
    from campaign.models import InspectionRating

    return InspectionRating.objects.get(county_id=unit.area_id, code=code)


def _area(name: str, level: str, parent=None):
    from campaign.models import Area
    from campaign.services import area_add

    found = Area.objects.filter(name=name, level=level, parent=parent).first()
    return found or area_add(name=name, level=level, parent=parent)


def city_for_tests():
    """测试省 → 测试市: the city the tests' counties lie under."""
    return _area("测试市", "city", _area("测试省", "province"))


def county_for_tests(name: str = TEST_COUNTY):
    """The county the tests' units belong to unless a test names another (each under the
    test city)."""
    return _area(name, "county", city_for_tests())


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["area", "code"]

    area = factory.LazyFunction(county_for_tests)
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


def _township(visit):
    if visit.household is not None:
        return visit.household.township
    return UnitFactory(kind=Unit.Kind.TOWNSHIP)


class OfficeUserFactory(UserFactory):
    """Someone at the county office (the office's unit is the one the `office` fixture uses)."""

    unit = factory.SubFactory(
        UnitFactory, code="office", name="县双拥工作委员会办公室", kind=Unit.Kind.OFFICE
    )


class VisitFactory(factory.django.DjangoModelFactory):
    """A household visit by default; `VisitFactory(garrison_visit=True, township=…)` visits a
    garrison unit instead."""

    class Meta:
        model = Visit

    class Params:
        garrison_visit = factory.Trait(
            household=None, garrison=factory.SubFactory(UnitFactory, kind=Unit.Kind.GARRISON)
        )

    household = factory.SubFactory(HouseholdFactory)
    garrison = None
    township = factory.LazyAttribute(_township)
    visited_on = date(2015, 4, 1)
    campaign = factory.LazyAttribute(lambda v: campaign_on(v.township, v.visited_on))
    visitors = "甲"
    created_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..township"))
    unit = factory.LazyAttribute(lambda v: v.created_by.unit or v.township)


class FindingFactory(factory.django.DjangoModelFactory):
    """A finding that needs action, under topic 5 (household) or 1 (garrison) unless told;
    the topics come from the loaded plan (the `plan` fixture)."""

    class Meta:
        model = Finding

    visit = factory.SubFactory(VisitFactory)
    topic = factory.LazyAttribute(
        lambda f: Topic.objects.get(
            campaign=f.visit.campaign,
            number=5 if f.visit.household_id else 1,
        )
    )
    text = factory.Sequence(lambda n: f"走访问题{n}")
    needs_action = True


def take_ledger_number(campaign, year: int, sequence: int | None = None) -> int:
    """The next number of the year's ledger, or `sequence` if given; either way the counter
    that grievances.services.case_register draws from moves past it, so rows made here and
    rows registered later never share a number."""
    with transaction.atomic():
        counter, _ = LedgerCounter.objects.select_for_update().get_or_create(
            campaign=campaign, year=year
        )
        if sequence is None:
            sequence = counter.last + 1
        if sequence > counter.last:
            counter.last = sequence
            counter.save(update_fields=["last"])
    return sequence


class CaseFactory(factory.django.DjangoModelFactory):
    """A ledger row about a household, registered on the campaign's pinned day and numbered
    from the ledger's counter. `assigned=True` gives it a lead unit, a responsible person, a
    deadline and measures. To take a case through its workflow, use grievances.services."""

    class Meta:
        model = Case

    class Params:
        assigned = factory.Trait(
            lead_unit=factory.SubFactory(UnitFactory, kind=Unit.Kind.MEMBER),
            responsible_person="王科长",
            measures="核查落实",
            deadline=date(2015, 7, 1),
            original_deadline=factory.SelfAttribute("deadline"),
            status=Status.ASSIGNED,
        )
        about_garrison = factory.Trait(
            household=None,
            township=None,
            garrison=factory.SubFactory(UnitFactory, kind=Unit.Kind.GARRISON),
            topic=factory.LazyAttribute(lambda c: Topic.objects.get(campaign=c.campaign, number=1)),
        )

    campaign = factory.LazyAttribute(
        lambda c: Campaign.objects.get(starts_on__lte=c.registered_on, ends_on__gte=c.registered_on)
    )
    registered_on = date(2015, 6, 15)
    year = factory.LazyAttribute(lambda c: c.registered_on.year)
    sequence = None
    topic = factory.LazyAttribute(lambda c: Topic.objects.get(campaign=c.campaign, number=5))
    household = factory.SubFactory(HouseholdFactory)
    garrison = None
    township = factory.LazyAttribute(lambda c: c.household.township if c.household else None)
    description = factory.Sequence(lambda n: f"台账问题{n}")
    source = Source.SURVEY
    priority = factory.LazyAttribute(lambda c: c.topic.priority)
    registered_by = factory.SubFactory(OfficeUserFactory)
    registered_phase = factory.LazyAttribute(lambda c: phase_on(c.campaign, c.registered_on))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["sequence"] = take_ledger_number(
            kwargs["campaign"], kwargs["year"], kwargs["sequence"]
        )
        return super()._create(model_class, *args, **kwargs)


class CaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    kind = CaseEvent.Kind.REGISTERED
    on = factory.SelfAttribute("case.registered_on")
    by = factory.SelfAttribute("case.registered_by")
    unit = factory.SelfAttribute("by.unit")
    to_status = factory.SelfAttribute("case.status")


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity of a township, under the workstream its kind belongs to."""

    class Meta:
        model = Activity

    kind = "condolence_visit"  # a code of the organiser's county's kinds
    workstream = factory.LazyAttribute(
        lambda a: (kind_of(a.organiser, a.kind) if isinstance(a.kind, str) else a.kind).workstream
    )
    organiser = factory.SubFactory(UnitFactory, kind=Unit.Kind.TOWNSHIP)
    held_on = date(2015, 5, 1)
    campaign = factory.LazyAttribute(lambda a: campaign_on(a.organiser, a.held_on))
    title = factory.Sequence(lambda n: f"活动{n}")
    created_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..organiser"))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("kind"), str):
            kwargs["kind"] = kind_of(kwargs["organiser"], kwargs["kind"])
        return kwargs


class HonourPlaqueFactory(factory.django.DjangoModelFactory):
    """A plaque hung on a veteran's household, with the event that issued it."""

    class Meta:
        model = HonourPlaque
        skip_postgeneration_save = True

    household = factory.SubFactory(HouseholdFactory)
    type = HonourPlaque.Type.VETERAN
    basis = "退役士兵"
    placement = HonourPlaque.Placement.DOOR
    status = HonourPlaque.Status.HUNG
    hung_on = date(2015, 3, 1)
    issued = factory.RelatedFactory(
        "tests.factories.PlaqueEventFactory", factory_related_name="plaque"
    )


class PlaqueEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlaqueEvent

    plaque = factory.SubFactory(HonourPlaqueFactory, issued=None)
    kind = PlaqueEvent.Kind.ISSUED
    on = factory.SelfAttribute("plaque.hung_on")
    by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..plaque.household.township"))


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    unit = factory.SubFactory(UnitFactory, kind=Unit.Kind.TOWNSHIP)
    inspected_on = date(2015, 6, 1)
    campaign = factory.LazyAttribute(lambda i: campaign_on(i.unit, i.inspected_on))
    inspectors = "周"
    checked = "台账"
    rating = factory.LazyAttribute(lambda o: rating_of(o.unit, "good"))
    created_by = factory.SubFactory(OfficeUserFactory)


class InspectionFindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionFinding

    inspection = factory.SubFactory(InspectionFactory)
    text = factory.Sequence(lambda n: f"督查问题{n}")
    needs_rectification = True


class FiveOnesItemFactory(factory.django.DjangoModelFactory):
    """A 五个一 item in place."""

    class Meta:
        model = FiveOnesItem

    unit = factory.SubFactory(UnitFactory, kind=Unit.Kind.TOWNSHIP)
    item = FiveOnesItem.Item.ROOM
    status = FiveOnesItem.Status.DONE
    done_on = date(2015, 3, 1)
    campaign = factory.LazyAttribute(lambda f: campaign_on(f.unit, f.done_on))
    updated_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..unit"))


class ModelFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModelFigure

    category = ModelFigure.Category.VETERAN
    name = factory.Sequence(lambda n: f"典型{n}")
    unit = factory.SubFactory(UnitFactory)
    year = 2015


class CommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commendation

    kind = Commendation.Kind.UNIT
    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"双拥模范单位{n}")
    commended_on = date(2015, 6, 1)


class SupportOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportOrganisation

    county = factory.LazyFunction(county_for_tests)
    kind = SupportOrganisation.Kind.LEGAL
    name = factory.Sequence(lambda n: f"法律拥军服务队{n}")
