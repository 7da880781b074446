"""Run through the version before archive days: households archived, one restored, one never,
with the archiving dated 2016-02-01 in their history as if done then."""

import json
from datetime import UTC, datetime

from outreach.models import Household, Person
from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory, UserFactory

township = UnitFactory(kind="township", code="up-town", name="升级镇")
office = UserFactory(username="up-office", unit=UnitFactory(kind="office", code="up-office"))
registered, then = datetime(2015, 6, 1, 4, tzinfo=UTC), datetime(2016, 2, 1, 4, tzinfo=UTC)
households = {}
for label, head in (("archived", "甲归档"), ("restored", "乙恢复"), ("active", "丙在册")):
    household = HouseholdFactory(township=township, head_name=head)
    for n in range(2):
        PersonFactory(household=household, name=f"{head}{n}")
    households[label] = household
household_archive(user=office, household=households["archived"])
household_archive(user=office, household=households["restored"])
household_archive(user=office, household=households["restored"], archived=False)
archived = households["archived"]
for model, key in ((Household, "id"), (Person, "household_id")):
    rows = model.history.filter(**{key: archived.pk})
    rows.filter(archived=False).update(history_date=registered)
    rows.filter(archived=True).update(history_date=then)
print(
    "UPGRADE-READ "
    + json.dumps(
        {
            "households": {label: h.pk for label, h in households.items()},
            "persons": {
                label: sorted(h.persons.values_list("pk", flat=True))
                for label, h in households.items()
            },
            "counts": [Household.objects.count(), Person.objects.count()],
            "history": [Household.history.count(), Person.history.count()],
        }
    )
)
