"""Every ID number and phone the database holds, history rows included, read through
whichever version's code runs it (`manage.py shell -c`): {"model.field": [[pk, value], ...]}.
It uses only what both versions have; tests/upgrade/previous.py reads the JSON line it prints."""

import json

from campaign.models import SupportOrganisation, Unit, User
from grievances.models import Case
from outreach.models import Household, Person

FIELDS = [
    (User, "phone"),
    (Unit, "phone"),
    (SupportOrganisation, "phone"),
    (Household, "phone"),
    (Person, "id_number"),
    (Person, "phone"),
    (Case, "responsible_phone"),
]

numbers = {}
for model, field in FIELDS:
    models = [model] + ([model.history.model] if hasattr(model, "history") else [])
    for each in models:
        rows = each._base_manager.order_by("pk").values_list("pk", field)
        numbers[f"{each._meta.label}.{field}"] = [[pk, value] for pk, value in rows]
print("UPGRADE-READ " + json.dumps(numbers, ensure_ascii=False, sort_keys=True))
