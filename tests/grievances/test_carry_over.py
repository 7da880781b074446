"""结转与收尾: at a campaign's end the office carries open cases into the next campaign (a new
ledger number, both cases linked, the history kept) or closes them with a reason."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaign.selectors import topics_of
from grievances import carrying, services
from grievances.models import Case, CaseEvent, LedgerCounter, Status
from reports.selectors import Period, summary
from tests.campaigns import add_next_campaign
from tests.factories import UnitFactory
from tests.other_county import build_other_county
from tests.test_url_sweep import _all_rows

pytestmark = pytest.mark.django_db

IN_THE_NEXT_CAMPAIGN = date(2017, 1, 10)


@pytest.fixture
def next_campaign(plan):
    return add_next_campaign()


@pytest.fixture
def other_county(plan, cast):
    return build_other_county()


def open_cases(make_cases, settings, count):
    """count assigned cases of the first campaign, then the next campaign and a day in it."""
    cases = make_cases(count, deadline=date(2015, 7, 1), responsible_person="王", measures="查")
    settings.SHUANGYONG_TODAY = IN_THE_NEXT_CAMPAIGN
    return cases, add_next_campaign()


@pytest.fixture
def carrying_day(settings):
    settings.SHUANGYONG_TODAY = IN_THE_NEXT_CAMPAIGN
    return IN_THE_NEXT_CAMPAIGN


def fallback_topic(into):
    """The topic the office picks where the next campaign has none of the same name."""
    return topics_of(into).last()


def carry(office, case, into, **kwargs):
    kwargs.setdefault("deadline_for", {case.pk: date(2017, 6, 30)})
    kwargs.setdefault("topic_for", {case.pk: fallback_topic(into)})
    return carrying.cases_carry_over(user=office, cases=[case], into=into, **kwargs)


def test_it_carries_a_case_under_a_new_number_linked_both_ways(
    office, assigned_case, co_unit, next_campaign, carrying_day
):
    old = Case.objects.get(pk=assigned_case.pk)
    old.co_units.add(co_unit)
    events_before = list(old.events.values_list("pk", "kind", "note"))

    [new] = carry(office, old, next_campaign)

    old.refresh_from_db()
    assert new.campaign == next_campaign
    assert (new.year, new.sequence) == (2017, 1)
    assert new.carried_from == old and old.carried_into == new
    assert old.status == Status.CARRIED and old.closed_on == carrying_day
    assert (old.year, old.campaign_id) == (2015, assigned_case.campaign_id)
    assert new.status == Status.ASSIGNED
    assert new.registered_phase.number == 1 and new.registered_phase.campaign == next_campaign
    assert new.registered_on == carrying_day
    same_named = carrying.same_named_topic(next_campaign, old.topic)
    assert new.topic == (same_named or fallback_topic(next_campaign))
    for field in ("household_id", "township_id", "description", "lead_unit_id", "measures"):
        assert getattr(new, field) == getattr(old, field), field
    assert new.responsible_person == "王科长" and new.priority == old.priority
    assert list(new.co_units.all()) == [co_unit]
    assert new.deadline == date(2017, 6, 30)
    # The old case's history is all there, with the carry-over added at its end.
    assert list(old.events.values_list("pk", "kind", "note"))[:-1] == events_before
    out = old.events.last()
    assert out.kind == CaseEvent.Kind.CARRIED_OUT and new.number in out.note
    assert out.changes["case_id"] == new.pk
    [came_in] = new.events.all()
    assert came_in.kind == CaseEvent.Kind.CARRIED_IN and old.number in came_in.note
    assert came_in.changes["case_id"] == old.pk


def test_a_deadline_inside_the_new_campaign_is_kept(office, assigned_case, next_campaign, settings):
    settings.SHUANGYONG_TODAY = date(2016, 12, 1)
    services.case_assign(
        user=office,
        case=assigned_case,
        lead_unit=assigned_case.lead_unit,
        responsible_person="王科长",
        deadline=date(2017, 3, 1),
        measures="核查",
    )
    [new] = carrying.cases_carry_over(
        user=office,
        cases=[assigned_case],
        into=next_campaign,
        topic_for={assigned_case.pk: fallback_topic(next_campaign)},
    )
    assert new.deadline == date(2017, 3, 1)
    # Carried before the new campaign starts: numbered in its first year, in its first phase.
    assert (new.year, new.registered_phase.number) == (2017, 1)


def test_the_old_campaigns_figures_still_count_the_case_in_its_year(
    office, assigned_case, next_campaign, carrying_day
):
    period = Period(year=2015, today=carrying_day, campaign=assigned_case.campaign)
    before = summary(period)
    carry(office, assigned_case, next_campaign)
    after = summary(period)
    assert before["registered"] == after["registered"] == 1
    assert (before["open"], after["open"]) == (1, 0)
    # Carried over is not solved: neither resolved nor closed off.
    assert after["resolved"] == after["closed"] == 0
    # Still in hand during 2016: it left the ledger only on the day it was carried.
    assert (
        summary(Period(year=2016, today=carrying_day, campaign=assigned_case.campaign))[
            "carried_in"
        ]
        == 1
    )


def test_the_case_page_links_both_ways(
    client_for, office, assigned_case, next_campaign, carrying_day
):
    [new] = carry(office, assigned_case, next_campaign)
    client = client_for(office)
    old_page = client.get(reverse("grievances:case", args=[assigned_case.pk])).content.decode()
    new_page = client.get(reverse("grievances:case", args=[new.pk])).content.decode()
    assert f'href="{new.get_absolute_url()}"' in old_page and "已转入" in old_page
    assert "转入下一轮活动" in old_page
    assert f'href="{assigned_case.get_absolute_url()}"' in new_page and "转自" in new_page


def test_the_link_is_not_given_to_whom_cannot_read_the_other_case(
    client_for, office, member, assigned_case, next_campaign, carrying_day
):
    other_unit = UnitFactory(kind=assigned_case.lead_unit.kind, name="县教育局")
    [new] = carry(office, assigned_case, next_campaign)
    Case.objects.filter(pk=new.pk).update(lead_unit=other_unit)
    page = client_for(member).get(reverse("grievances:case", args=[assigned_case.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert new.get_absolute_url() not in text and "已转入下一轮活动" in text
    assert client_for(member).get(new.get_absolute_url()).status_code == 404


def refused(fn, exc=ValidationError):
    before = _all_rows()
    with pytest.raises(exc) as caught:
        fn()
    assert _all_rows() == before
    return caught.value


def test_it_refuses_another_countys_campaign(office, assigned_case, other_county, carrying_day):
    theirs = add_next_campaign(county=other_county.township.area)
    refused(lambda: carry(office, assigned_case, theirs), PermissionDenied)


def test_it_refuses_an_earlier_campaign(office, assigned_case, next_campaign, carrying_day):
    newer = Case.objects.create(
        campaign=next_campaign,
        year=2017,
        sequence=1,
        topic=assigned_case.topic,
        household=assigned_case.household,
        township=assigned_case.township,
        description="二〇一七年的问题",
        source=assigned_case.source,
        registered_on=carrying_day,
        registered_by=office,
    )
    error = refused(lambda: carry(office, newer, assigned_case.campaign))
    assert "问题只能转入下一轮活动" in error.messages[0]
    error = refused(lambda: carry(office, assigned_case, assigned_case.campaign))
    assert "未保存任何内容" in error.messages[0]


def test_it_refuses_a_case_no_longer_open(office, assigned_case, next_campaign, carrying_day):
    carrying.case_close_at_campaign_end(user=office, case=assigned_case, reason="户主已搬离")
    error = refused(lambda: carry(office, assigned_case, next_campaign))
    assert assigned_case.number in error.messages[0] and "随本轮活动结束关闭" in error.messages[0]


def test_it_refuses_a_stale_form(office, assigned_case, next_campaign, carrying_day):
    version = assigned_case.version
    services.case_edit(
        user=office,
        case=assigned_case,
        version=version,
        original={},
        data={"measures": "重新核查"},
    )
    error = refused(
        lambda: carry(office, assigned_case, next_campaign, versions={assigned_case.pk: version}),
        services.ChangedMeanwhile,
    )
    assert "未保存" in error.messages[0]


def test_it_refuses_a_missing_deadline_outside_the_new_campaign(
    office, assigned_case, next_campaign, carrying_day
):
    error = refused(lambda: carry(office, assigned_case, next_campaign, deadline_for={}))
    assert "完成时限" in error.messages[0] and assigned_case.number in error.messages[0]


def test_it_refuses_a_missing_topic_choice(office, assigned_case, next_campaign, carrying_day):
    if topics_of(next_campaign).filter(name=assigned_case.topic.name).exists():
        pytest.skip("every campaign shares the same topics until campaigns carry their own")
    error = refused(lambda: carry(office, assigned_case, next_campaign, topic_for={}))
    assert "专题" in error.messages[0]
    [new] = carry(
        office,
        assigned_case,
        next_campaign,
        topic_for={assigned_case.pk: topics_of(next_campaign).first()},
    )
    assert new.topic == topics_of(next_campaign).first()


def test_only_the_office_carries_or_closes(
    leader, member, assigned_case, next_campaign, carrying_day
):
    for user in (leader, member):
        refused(lambda u=user: carry(u, assigned_case, next_campaign), PermissionDenied)
        refused(
            lambda u=user: carrying.case_close_at_campaign_end(
                user=u, case=assigned_case, reason="x"
            ),
            PermissionDenied,
        )


def test_closing_with_a_reason_is_neither_resolved_nor_closed_off(
    office, assigned_case, next_campaign, carrying_day
):
    refused(
        lambda: carrying.case_close_at_campaign_end(user=office, case=assigned_case, reason=" ")
    )
    carrying.case_close_at_campaign_end(user=office, case=assigned_case, reason="户主已搬离")
    assigned_case.refresh_from_db()
    assert assigned_case.status == Status.ENDED and assigned_case.closed_on == carrying_day
    assert assigned_case.revisit_due is None and assigned_case.resolved_on is None
    event = assigned_case.events.last()
    assert (event.kind, event.note) == (CaseEvent.Kind.ENDED, "户主已搬离")
    after = summary(Period(year=2015, today=carrying_day, campaign=assigned_case.campaign))
    assert after["open"] == after["closed"] == after["resolved"] == 0


# The page.


def page_url(campaign):
    return f"{reverse('grievances:carry_over')}?campaign={campaign.pk}"


def test_the_page_asks_for_a_next_campaign_first(client_for, office, assigned_case):
    response = client_for(office).get(reverse("grievances:carry_over"))
    assert response.status_code == 200
    assert 'data-testid="no-next-campaign"' in response.content.decode()
    assert "请先导入下一轮活动的方案" in response.content.decode()


def test_the_ledger_links_the_page_for_the_office_only(client_for, office, leader, plan):
    assert "结转与收尾" in client_for(office).get(reverse("grievances:ledger")).content.decode()
    assert "结转与收尾" not in client_for(leader).get(reverse("grievances:ledger")).content.decode()


def test_the_page_lists_the_open_cases_by_default_of_the_ending_campaign(
    client_for, office, make_cases, member_unit, settings
):
    cases, next_campaign = open_cases(make_cases, settings, 3)
    carrying.case_close_at_campaign_end(user=office, case=cases[2], reason="已搬离")
    client = client_for(office)
    response = client.get(reverse("grievances:carry_over"))
    page = response.content.decode()
    assert response.context["campaign"] == cases[0].campaign
    assert response.context["page_obj"].paginator.count == 2
    assert f'data-case="{cases[0].pk}"' in page and f'data-case="{cases[2].pk}"' not in page
    filtered = client.get(page_url(cases[0].campaign), {"topic": cases[1].topic_id})
    assert [c.pk for c in filtered.context["object_list"]] == [cases[1].pk]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_page_takes_the_same_queries_at_1_and_3_rows(
    rows,
    client_for,
    office,
    make_cases,
    settings,
    django_assert_max_num_queries,
):
    cases, next_campaign = open_cases(make_cases, settings, rows)
    client = client_for(office)
    # 9, and the county's campaigns for the switcher in the bar
    with django_assert_max_num_queries(10):
        response = client.get(page_url(cases[0].campaign))
    page = response.content.decode()
    assert all(f'data-case="{case.pk}"' in page for case in cases)
    assert len(response.context["object_list"]) == rows


def test_preview_then_confirm_carries_the_ticked_cases(client_for, office, make_cases, settings):
    cases, next_campaign = open_cases(make_cases, settings, 2)
    client = client_for(office)
    form = {
        "into": next_campaign.pk,
        "case": [c.pk for c in cases],
        **{f"version_{c.pk}": c.version for c in cases},
        **{f"topic_{c.pk}": fallback_topic(next_campaign).pk for c in cases},
    }
    preview = client.post(reverse("grievances:carry_preview"), form)
    text = preview.content.decode()
    assert preview.status_code == 200
    assert all(f'name="deadline_{c.pk}"' in text for c in cases)
    assert Case.objects.filter(campaign=next_campaign).count() == 0

    missing = client.post(reverse("grievances:carry_confirm"), form)
    assert missing.status_code == 400 and "完成时限" in missing.content.decode()
    assert Case.objects.filter(campaign=next_campaign).count() == 0

    form |= {f"deadline_{c.pk}": "2017-06-30" for c in cases}
    done = client.post(reverse("grievances:carry_confirm"), form)
    assert done.status_code == 302
    carried = Case.objects.filter(campaign=next_campaign).order_by("sequence")
    assert [c.carried_from_id for c in carried] == [c.pk for c in cases]
    assert LedgerCounter.objects.get(campaign=next_campaign, year=2017).last == 2


def test_a_rows_own_button_carries_that_case_only(client_for, office, make_cases, settings):
    cases, next_campaign = open_cases(make_cases, settings, 2)
    client = client_for(office)
    preview = client.post(
        reverse("grievances:carry_preview"),
        {"into": next_campaign.pk, "case": [c.pk for c in cases], "only": cases[1].pk},
    )
    assert [p.case.pk for p in preview.context["plans"]] == [cases[1].pk]


def test_a_stale_confirm_is_refused_on_the_page(
    client_for, office, assigned_case, next_campaign, carrying_day
):
    client = client_for(office)
    form = {
        "into": next_campaign.pk,
        "case": assigned_case.pk,
        f"version_{assigned_case.pk}": assigned_case.version,
        f"deadline_{assigned_case.pk}": "2017-06-30",
        f"topic_{assigned_case.pk}": fallback_topic(next_campaign).pk,
    }
    services.case_edit(
        user=office,
        case=assigned_case,
        version=assigned_case.version,
        original={},
        data={"measures": "重新核查"},
    )
    before = _all_rows()
    response = client.post(reverse("grievances:carry_confirm"), form)
    assert response.status_code == 409 and "未保存" in response.content.decode()
    assert _all_rows() == before
    # The preview shown again carries the version the case has now: confirming it carries.
    assigned_case.refresh_from_db()
    assert f'name="version_{assigned_case.pk}" value="{assigned_case.version}"' in (
        response.content.decode()
    )
    form[f"version_{assigned_case.pk}"] = assigned_case.version
    assert client.post(reverse("grievances:carry_confirm"), form).status_code == 302


def test_another_countys_campaign_or_case_answers_404_or_is_refused(
    client_for, office, assigned_case, other_county, next_campaign, carrying_day
):
    theirs = add_next_campaign(county=other_county.township.area)
    client = client_for(office)
    before = _all_rows()
    form = {"into": theirs.pk, "case": assigned_case.pk}
    assert client.post(reverse("grievances:carry_confirm"), form).status_code == 404
    their_case = other_county.objects["assigned_case"]
    form = {
        "into": next_campaign.pk,
        "case": their_case.pk,
        f"deadline_{their_case.pk}": "2017-06-30",
    }
    response = client.post(reverse("grievances:carry_confirm"), form)
    assert response.status_code == 400
    assert _all_rows() == before
    assert client.get(page_url(theirs)).status_code == 404


def test_closing_with_a_reason_on_its_page(client_for, office, assigned_case, next_campaign):
    client = client_for(office)
    url = reverse("grievances:case_close_at_end", args=[assigned_case.pk])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": "", "version": assigned_case.version})
    assert empty.status_code == 400 and "请说明" in empty.content.decode()
    stale = client.post(url, {"reason": "已搬离", "version": assigned_case.version - 1})
    assert stale.status_code == 409
    done = client.post(url, {"reason": "已搬离", "version": assigned_case.version})
    assert done.status_code == 302
    assigned_case.refresh_from_db()
    assert assigned_case.status == Status.ENDED


def test_the_ledger_and_its_workbook_name_the_ended_states(
    client_for, office, make_cases, settings
):
    import io

    from openpyxl import load_workbook

    cases, next_campaign = open_cases(make_cases, settings, 2)
    carry(office, cases[0], next_campaign)
    carrying.case_close_at_campaign_end(user=office, case=cases[1], reason="户主已搬离")
    client = client_for(office)
    for status, label, case in (
        ("carried", "转入下一轮活动", cases[0]),
        ("ended", "随本轮活动结束关闭", cases[1]),
    ):
        page = client.get(reverse("grievances:ledger"), {"status": status})
        assert [c.pk for c in page.context["object_list"]] == [case.pk]
        assert label in page.content.decode()
        export = client.get(reverse("grievances:ledger_export"), {"status": status})
        book = load_workbook(io.BytesIO(b"".join(export.streaming_content)), read_only=True)
        cells = [v for row in book.active.iter_rows(values_only=True) for v in row if v]
        assert case.number in cells and label in cells
