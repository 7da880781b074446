"""乡镇合并: the preview writes nothing and says what moves, what stays and which household
numbers are renumbered; the confirmation needs the tick and the absorbed township's name; the
merge moves everything at once and refuses each wrong choice with its reason."""

from datetime import date

import pytest
from django.urls import reverse

from campaign.models import SupportOrganisation, Unit, UnitMerge, User
from grievances.models import Case, CaseEvent, Status
from outreach.models import Household, Visit
from reports.services import year_sign_off
from tests.factories import (
    CaseFactory,
    HonourPlaqueFactory,
    HouseholdFactory,
    UnitFactory,
    VisitFactory,
)
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db

MERGE = reverse("administration:units_merge")
CONFIRM = reverse("administration:units_merge_confirm")
ON = date(2015, 5, 1)


@pytest.fixture
def towns(plan, office, township_a, township_b, clerk_a, member_unit):
    """甲镇 (absorbed) with households, one clashing and one archived, a visit, a plaque, a
    support organisation, open cases in each role and a closed one; 乙乡 (survivor)."""
    a1 = HouseholdFactory(township=township_a, number="001", head_name="甲一")
    a2 = HouseholdFactory(township=township_a, number="002", head_name="甲二", archived=True)
    HouseholdFactory(township=township_b, number="001", head_name="乙一")
    visit = VisitFactory(household=a1, created_by=clerk_a)
    HonourPlaqueFactory(household=a1)
    SupportOrganisation.objects.create(
        county_id=township_a.area_id, kind="medical", name="甲镇医疗队", unit=township_a
    )
    as_township = CaseFactory(household=a1, township=township_a)
    as_lead = CaseFactory(household=a2, township=township_a, assigned=True)
    as_lead.lead_unit = township_a
    as_lead.save()
    as_co = CaseFactory(
        household=HouseholdFactory(township=township_b, number="009"),
        township=township_b,
        assigned=True,
    )
    as_co.co_units.add(township_a)
    closed = CaseFactory(
        household=a1,
        township=township_a,
        status=Status.CLOSED,
        closed_on=date(2015, 4, 1),
        closed_by=office,
    )
    return {
        "visit": visit,
        "cases": [as_township, as_lead, as_co],
        "closed": closed,
        "a1": a1,
        "a2": a2,
    }


def chosen(absorbed, survivor, on=ON, **more):
    return {"absorbed": absorbed.pk, "survivor": survivor.pk, "merged_on": on.isoformat(), **more}


def everything():
    return (
        list(Household.objects.values_list("pk", "township_id", "number").order_by("pk")),
        list(User.objects.values_list("pk", "unit_id").order_by("pk")),
        list(Case.objects.values_list("pk", "township_id", "lead_unit_id", "version")),
        list(Unit.objects.values_list("pk", "is_active", "merged_into_id").order_by("pk")),
        CaseEvent.objects.count(),
        UnitMerge.objects.count(),
    )


def test_the_preview_writes_nothing_and_says_what_moves_stays_and_is_renumbered(
    client_for, office, township_a, township_b, towns
):
    before = everything()
    accounts = User.objects.filter(unit=township_a).count()
    response = client_for(office).post(MERGE, chosen(township_a, township_b))
    assert response.status_code == 200
    plan = response.context["plan"]
    assert (plan.households, plan.archived, plan.accounts) == (2, 1, accounts)
    assert (plan.plaques, plan.support_organisations, plan.cases) == (1, 1, 3)
    assert [(r.old, r.new) for r in plan.renumbered] == [("001", "甲镇-0001")]
    assert [n for _label, n in plan.stays][:2] == [1, 1]  # the visit, the closed case
    text = response.content.decode()
    assert "甲镇-0001" in text and "恢复备份" in text
    assert everything() == before


def test_without_the_tick_and_the_name_nothing_is_merged(
    client_for, office, township_a, township_b, towns
):
    before = everything()
    client = client_for(office)
    for extra in ({"ticked": "on", "typed_name": "乙乡"}, {"typed_name": "甲镇"}):
        response = client.post(CONFIRM, chosen(township_a, township_b, **extra))
        assert response.status_code == 200
        assert "请勾选确认框" in response.content.decode()
    assert everything() == before


def test_the_merge_moves_households_accounts_organisations_and_open_cases(
    client_for, office, township_a, township_b, clerk_a, towns
):
    accounts = set(User.objects.filter(unit=township_a).values_list("pk", flat=True))
    response = client_for(office).post(
        CONFIRM, chosen(township_a, township_b, ticked="on", typed_name="甲镇")
    )
    assert response.status_code == 302
    assert set(User.objects.filter(unit=township_b).values_list("pk", flat=True)) >= accounts
    a1, a2 = Household.objects.get(pk=towns["a1"].pk), Household.objects.get(pk=towns["a2"].pk)
    assert a1.township == township_b and a1.number == "甲镇-0001"
    assert a2.township == township_b and a2.number == "002" and a2.archived
    assert a1.history.order_by("-history_id").first().history_user == office
    clerk_a.refresh_from_db()
    assert clerk_a.unit == township_b
    assert SupportOrganisation.objects.get().unit == township_b
    as_township, as_lead, as_co = (Case.objects.get(pk=c.pk) for c in towns["cases"])
    assert as_township.township == township_b and as_township.version == 2
    assert as_lead.lead_unit == township_b and as_lead.township == township_b
    assert list(as_co.co_units.all()) == [township_b]
    events = CaseEvent.objects.filter(kind=CaseEvent.Kind.TOWNSHIP_MERGED)
    assert events.count() == 3 and all(e.on == ON for e in events)
    closed = Case.objects.get(pk=towns["closed"].pk)
    assert closed.township == township_a and closed.version == 1
    assert Visit.objects.get(pk=towns["visit"].pk).township == township_a
    township_a.refresh_from_db()
    assert not township_a.is_active
    assert township_a.merged_into == township_b and township_a.merged_on == ON
    merge = UnitMerge.objects.get()
    assert (merge.households, merge.renumbered, merge.cases) == (2, 1, 3)
    assert merge.accounts == len(accounts)
    assert merge.history.get().history_user == office
    page = client_for(office).get(reverse("administration:units_detail", args=[township_b.pk]))
    assert "甲镇于2015-05-01并入乙乡" in page.content.decode()
    case_page = client_for(office).get(reverse("grievances:case", args=[as_township.pk]))
    assert "因乡镇合并转移" in case_page.content.decode()


def test_a_merged_township_cannot_be_reactivated(client_for, office, township_a, township_b):
    client = client_for(office)
    client.post(CONFIRM, chosen(township_a, township_b, ticked="on", typed_name="甲镇"))
    response = client.post(
        reverse("administration:units_reactivate", args=[township_a.pk]), follow=True
    )
    township_a.refresh_from_db()
    assert not township_a.is_active
    assert "不能重新启用" in response.content.decode()


def refused(client, data, url=MERGE):
    before = everything()
    response = client.post(url, data)
    assert response.status_code == 200
    assert everything() == before
    return response.content.decode()


def test_the_same_township_twice_is_refused(client_for, office, township_a):
    assert "不能并入自身" in refused(client_for(office), chosen(township_a, township_a))


def test_a_unit_that_is_not_a_township_is_refused(client_for, office, township_a, member_unit):
    assert "不是乡镇" in refused(client_for(office), chosen(member_unit, township_a))


def test_a_township_of_another_county_is_not_found(client_for, office, township_a, plan):
    other = build_other_county()
    client = client_for(office)
    before = everything()
    for url in (MERGE, CONFIRM):
        data = chosen(other.township, township_a, ticked="on", typed_name="丙镇")
        assert client.post(url, data).status_code == 404
    assert everything() == before


def test_a_future_date_is_refused(client_for, office, township_a, township_b):
    text = refused(client_for(office), chosen(township_a, township_b, date(2015, 6, 16)))
    assert "尚未到来" in text


def test_a_date_in_a_signed_off_year_is_refused(
    client_for, office, township_a, township_b, plan, settings
):
    settings.SHUANGYONG_TODAY = date(2016, 3, 15)
    year_sign_off(user=office, campaign=plan, year=2015, today=date(2016, 3, 15))
    text = refused(client_for(office), chosen(township_a, township_b, date(2015, 12, 1)))
    assert "已审核锁定" in text


def test_a_date_after_an_ended_year_not_yet_signed_off_is_refused_with_a_link(
    client_for, office, township_a, township_b, plan, settings
):
    settings.SHUANGYONG_TODAY = date(2016, 3, 15)
    text = refused(client_for(office), chosen(township_a, township_b, date(2016, 2, 1)))
    assert "尚未审核锁定" in text and reverse("reports:yearend") in text


def test_an_already_merged_township_is_refused_as_out_of_date(
    client_for, office, township_a, township_b
):
    client = client_for(office)
    UnitFactory(code="town-c", name="丙乡", kind=Unit.Kind.TOWNSHIP)
    client.post(CONFIRM, chosen(township_a, township_b, ticked="on", typed_name="甲镇"))
    third = Unit.objects.get(code="town-c")
    text = refused(client, chosen(township_a, third, ticked="on", typed_name="甲镇"), CONFIRM)
    assert "页面已过时" in text


def test_an_inactive_survivor_is_refused(client_for, office, township_a, township_b):
    township_b.is_active = False
    township_b.save()
    assert "未启用" in refused(client_for(office), chosen(township_a, township_b))


def test_only_an_administrator_merges(client_for, office_staff, township_a, township_b):
    response = client_for(office_staff).post(
        CONFIRM, chosen(township_a, township_b, ticked="on", typed_name="甲镇")
    )
    assert response.status_code == 403
    township_a.refresh_from_db()
    assert township_a.is_active


def merged(office, township_a, township_b, on=ON):
    from administration.units.merge import merge_townships

    return merge_townships(
        user=office,
        absorbed=township_a,
        survivor=township_b,
        merged_on=on,
        typed_name=township_a.name,
        ticked=True,
    )


def test_the_years_reports_keep_the_merged_township_labelled_with_its_survivor(
    office, township_a, township_b, towns, plan
):
    from campaign import clock
    from reports import breakdowns
    from reports.selectors import Period, progress

    merged(office, township_a, township_b)
    period = Period(year=2015, today=clock.today(), campaign=plan)
    names = [row["name"] for row in progress(period)["rows"]]
    assert "甲镇（已并入乙乡）" in names and "乙乡" in names
    coverage = [row["name"] for row in breakdowns.coverage(period)["rows"]]
    assert "甲镇（已并入乙乡）" in coverage
    five_ones = [row["name"] for row in breakdowns.five_ones(period)["rows"]]
    assert "甲镇（已并入乙乡）" in five_ones
    later = Period(year=2016, today=date(2016, 3, 15), campaign=plan)
    township_a.refresh_from_db()
    township_a.merged_on = date(2015, 1, 1)  # as if merged long before, with no 2016 records
    township_a.save()
    assert "甲镇（已并入乙乡）" not in [row["name"] for row in progress(later)["rows"]]


def test_the_survivors_clerk_sees_the_absorbed_townships_visits(
    office, township_a, township_b, clerk_b, towns
):
    assert not Visit.objects.visible_to(clerk_b).filter(pk=towns["visit"].pk).exists()
    merged(office, township_a, township_b)
    assert Visit.objects.visible_to(clerk_b).filter(pk=towns["visit"].pk).exists()


def test_a_finding_pending_registration_goes_to_the_households_township_now(
    office, township_a, township_b, towns
):
    from grievances import services as ledger
    from tests.factories import FindingFactory

    finding = FindingFactory(visit=towns["visit"], needs_action=True)
    merged(office, township_a, township_b)
    [case] = ledger.case_register_findings(user=office, findings=[finding], merge=False)
    assert case.township == township_b and case.household.township == township_b


def test_the_operation_log_shows_the_merge_and_what_it_moved(
    client_for, office, township_a, township_b, towns
):
    merged(office, township_a, township_b)
    client = client_for(office)
    merges = client.get(reverse("audit:trail"), {"record_type": "township_merge"})
    assert merges.status_code == 200
    assert len(merges.context["page_obj"].object_list) == 1
    moved = Household.history.filter(history_user=office, township=township_b)
    assert moved.count() == 2  # a history row for each household, the archived one too
    cases = client.get(reverse("audit:trail"), {"record_type": "case"}).content.decode()
    assert "因乡镇合并转移" in cases


def test_forms_no_longer_offer_the_merged_township(office, township_a, township_b, plan):
    from grievances.forms import AssignForm
    from outreach.forms import HouseholdForm

    merged(office, township_a, township_b)
    assert township_a not in HouseholdForm(user=office).fields["township"].queryset
    assert township_b in HouseholdForm(user=office).fields["township"].queryset
    assert township_a not in AssignForm(user=office).fields["lead_unit"].queryset


def test_the_survivors_clerk_follows_up_the_absorbed_townships_closed_cases(
    office, township_a, township_b, clerk_b, towns
):
    from grievances import access as case_access

    closed = towns["closed"]
    Case.objects.filter(pk=closed.pk).update(revisit_due=date(2015, 6, 1))
    merged(office, township_a, township_b)
    case = Case.objects.visible_to(clerk_b).select_related("township").get(pk=closed.pk)
    assert case.township == township_a  # the closed case stays as it was recorded
    assert "revisit" in case_access.allowed_actions(clerk_b, case)


def test_a_townships_page_offers_to_merge_it_with_the_form_filled_in(
    client_for, office, township_a, township_b
):
    client = client_for(office)
    page = client.get(reverse("administration:units_detail", args=[township_a.pk]))
    link = f"{MERGE}?absorbed={township_a.pk}"
    assert link in page.content.decode()
    form = client.get(link).context["form"]
    assert form.initial["absorbed"] == township_a.pk


@pytest.mark.parametrize("name", ["reports:progress", "reports:assessment", "reports:dashboard"])
def test_the_report_pages_show_the_merged_township_for_its_year(
    name, client_for, office, township_a, township_b, towns
):
    merged(office, township_a, township_b)
    page = client_for(office).get(reverse(name), {"year": 2015})
    assert page.status_code == 200
    if name != "reports:dashboard":
        assert "甲镇（已并入乙乡）" in page.content.decode()


def test_the_year_end_link_in_the_refusal_is_a_link(
    client_for, office, township_a, township_b, plan, settings
):
    settings.SHUANGYONG_TODAY = date(2016, 3, 15)
    text = refused(client_for(office), chosen(township_a, township_b, date(2016, 2, 1)))
    assert f'<a href="{reverse("reports:yearend")}">' in text
