"""Through the code before the counties: the county each campaign named in its text."""

import json

from campaign.models import Campaign

names = Campaign.objects.order_by("pk").values_list("county", flat=True)
counties = {"campaign_counties": list(names)}
print("UPGRADE-READ " + json.dumps(counties, ensure_ascii=False))
