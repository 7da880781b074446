"""A second county under the test city, 乙县, with its own office, clerk, member unit and
garrison, and one of every object the URL sweep opens. Each of its names is a marker: none
may appear on a page or in a file given to a user of the first county."""

from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.models import InspectionRating, Unit
from campaign.services import five_ones_update, inspection_record, plan_load
from grievances import services as ledger
from outreach.activities import activity_save, evidence_add
from outreach.activity_details import coverage_add, merit_notice_add
from outreach.models import Activity
from outreach.retention import anonymise_expired
from outreach.services import household_archive
from tests.factories import (
    CommendationFactory,
    FindingFactory,
    HouseholdFactory,
    ModelFigureFactory,
    PersonFactory,
    SupportOrganisationFactory,
    UnitFactory,
    UserFactory,
    VisitFactory,
    county_for_tests,
    kind_of,
    rating_of,
)
from tests.fixtures.activities import merit_activity_in
from tests.fixtures.agenda import agenda_objects
from tests.fixtures.bulletins import other_county_bulletins
from tests.fixtures.jobs import make_job
from tests.fixtures.submissions import submissions_of_other_county

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
MARKERS = [
    "乙县双拥办",
    "丙镇",
    "乙县民政局",
    "驻乙县某部",
    "丙户主",
    "丙成员",
    "丙户危房待修",
    "丙镇慰问",
    "丙镇活动室",
    "丙镇台账不全",
    "丙镇典型",
    "丙镇表彰",
    "乙县拥军服务队",
    "乙县良好",
    "丙镇报送小结",
    "乙县简报",
    "丙立功",
]


@dataclass
class OtherCounty:
    office: object
    clerk: object
    member: object
    township: Unit
    garrison: Unit
    objects: dict  # the sweep's fixture names -> this county's object of that kind

    @property
    def users(self):
        return [self.office, self.clerk, self.member]


def build_other_county() -> OtherCounty:
    county = county_for_tests("乙县")
    campaign = plan_load(county=county).campaign

    def unit(code, name, kind):
        return UnitFactory(area=county, code=code, name=name, kind=kind)

    office = UserFactory(
        username="b-office", unit=unit("office", "乙县双拥办", Unit.Kind.OFFICE), last_name="乙"
    )
    township = unit("town-c", "丙镇", Unit.Kind.TOWNSHIP)
    clerk = UserFactory(username="b-clerk", unit=township, last_name="丙")
    member_unit = unit("minzheng", "乙县民政局", Unit.Kind.MEMBER)
    member = UserFactory(username="b-member", unit=member_unit, last_name="民")
    garrison = unit("garrison-1", "驻乙县某部", Unit.Kind.GARRISON)

    household = HouseholdFactory(township=township, head_name="丙户主", village="丙村")
    person = PersonFactory(household=household, name="丙成员")
    visit = VisitFactory(household=household, visited_on=date(2015, 4, 1), created_by=clerk)
    finding = FindingFactory(visit=visit, text="丙户危房待修")
    case = ledger.case_register_findings(user=office, findings=[finding], merge=False)[0]
    case = ledger.case_assign(
        user=office,
        case=case,
        lead_unit=member_unit,
        responsible_person="丙科长",
        deadline=date(2015, 7, 1),
        measures="丙镇核查",
    )
    activity = activity_save(
        user=clerk,
        activity=Activity(
            kind=kind_of(township, "condolence_visit"), held_on=date(2015, 5, 1), title="丙镇慰问"
        ),
        persons=[person],
        households=[household],
    )
    evidence = evidence_add(user=clerk, activity=activity, upload=SimpleUploadedFile("丙.png", PNG))
    five_ones = five_ones_update(
        user=clerk,
        unit=township,
        item="room",
        status="done",
        done_on=date(2015, 3, 1),
        description="丙镇活动室",
        evidence=SimpleUploadedFile("room.png", PNG),
    )
    inspection = inspection_record(
        user=office,
        unit=township,
        inspected_on=date(2015, 6, 1),
        inspectors="乙",
        checked="台账",
        rating=rating_of(township, "good"),
        findings=[("丙镇台账不全", True)],
    )
    # The county's own name for the rating, so a whole-campaign count of ratings that reached
    # across counties would show it.
    InspectionRating.objects.filter(county=county, code="good").update(name="乙县良好")
    figure = ModelFigureFactory(unit=township, name="丙镇典型")
    commendation = CommendationFactory(unit=township, title="丙镇表彰")
    organisation = SupportOrganisationFactory(county=county, unit=township, name="乙县拥军服务队")
    assert campaign.county_id == case.campaign.county_id
    gone = HouseholdFactory(township=township, head_name="丙已归档", village="丙村")
    PersonFactory(household=gone, name="丙已归档")
    household_archive(user=clerk, household=gone)
    run = anonymise_expired(county=county, as_of=date(2020, 6, 16)).run
    coverage = coverage_add(
        user=clerk,
        activity=activity,
        outlet="乙县报",
        published_on=date(2015, 5, 2),
        title="丙镇慰问见报",
        upload=SimpleUploadedFile("丙报.png", PNG),
    )
    merit_activity = merit_activity_in(township, clerk, title="丙镇慰问喜报")
    merit_notice_add(
        user=clerk,
        activity=merit_activity,
        soldier_name="丙立功",
        level="first",
        sent_on=date(2015, 5, 4),
        garrison=garrison,
        household=household,
    )
    return OtherCounty(
        office=office,
        clerk=clerk,
        member=member,
        township=township,
        garrison=garrison,
        objects={
            "household": household,
            "person": person,
            "visit": visit,
            "assigned_case": case,
            "garrison_unit": garrison,
            "activity_a": activity,
            "evidence_a": evidence,
            "township_a": township,
            "five_ones_a": five_ones,
            "inspection_a": inspection,
            "inspection_finding_a": inspection.findings.get(),
            "clerk_a": clerk,
            "model_figure_a": figure,
            "commendation_a": commendation,
            "support_organisation_a": organisation,
            "anonymisation_run_a": run,
            "special_action_a": campaign.topics.get(number=1).special_action,
            **submissions_of_other_county(office, clerk, [township, member_unit]),
            "coverage_a": coverage,
            "merit_activity_a": merit_activity,
            **agenda_objects(office, township, marker="丙"),
            "job_of_clerk_a": make_job(clerk, title="丙镇的台账导出"),
        }
        | other_county_bulletins(office),
    )
