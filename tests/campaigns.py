"""A second campaign in the test county, after the first: how tests put two campaigns side by
side."""

from datetime import date

from campaign.models import Campaign, Phase
from tests.factories import county_for_tests

NEXT_NAME = "双拥模范县创建（2017—2020年）"


def add_next_campaign(county=None) -> Campaign:
    county = county or county_for_tests()
    campaign = Campaign.objects.create(
        county=county, name=NEXT_NAME, starts_on=date(2017, 1, 1), ends_on=date(2020, 12, 31)
    )
    for number, name, starts_on, ends_on in (
        (1, "动员部署", date(2017, 1, 1), date(2017, 3, 31)),
        (2, "调查研究", date(2017, 4, 1), date(2017, 6, 30)),
        (3, "创建推进", date(2017, 7, 1), date(2019, 12, 31)),
        (4, "迎检验收", date(2020, 1, 1), date(2020, 10, 31)),
        (5, "总结表彰", date(2020, 11, 1), date(2020, 12, 31)),
    ):
        Phase.objects.create(
            campaign=campaign, number=number, name=name, starts_on=starts_on, ends_on=ends_on
        )
    return campaign
