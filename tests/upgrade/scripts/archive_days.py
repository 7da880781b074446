"""Run through this checkout after migrating: each household's and person's archive day."""

import json

from outreach.models import Household, Person


def days(model):
    return {
        str(pk): day.isoformat() if day else None
        for pk, day in model.objects.values_list("pk", "archived_on")
    }


print(
    "UPGRADE-READ "
    + json.dumps(
        {
            "households": days(Household),
            "persons": days(Person),
            "counts": [Household.objects.count(), Person.objects.count()],
            "history": [Household.history.count(), Person.history.count()],
            "anonymised": Household.objects.filter(anonymised_on__isnull=False).count(),
        }
    )
)
