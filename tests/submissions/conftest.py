import pytest


@pytest.fixture(autouse=True)
def _campaign_loaded(plan):
    """Requests are issued under the county's campaign."""
    return plan
