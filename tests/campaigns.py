"""A second campaign in the test county, after the first: how tests put two campaigns side by
side. It is the sample next plan the repository carries (campaign/data/*next*), loaded as the
office would, with its own phases, workstreams, topics and activity kinds."""

from campaign.models import Campaign
from campaign.plan import next_plan_path, read_plan
from campaign.services import plan_load
from tests.factories import county_for_tests

NEXT_NAME = "双拥模范县创建（2017—2020年）"


def add_next_campaign(county=None) -> Campaign:
    county = county or county_for_tests()
    return plan_load(county=county, spec=read_plan(next_plan_path())).campaign
