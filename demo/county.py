"""What every demo builder is handed: one county's campaign, units and demo logins. The
builders take it as a parameter rather than reading every unit in the database, so that a demo
city can one day build several counties side by side."""

from dataclasses import dataclass
from functools import cached_property

from campaign.models import Campaign, Unit, User


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str


@dataclass(frozen=True)
class DemoCounty:
    campaign: Campaign  # with its phases prefetched: builders look up a date's phase often
    office: User  # the office's demo login, which registers, assigns, closes off and inspects
    units: list[Unit]  # ordered by code: the random draws walk them in this order
    staff: dict[int, User]  # the demo login of a unit other than the office, by unit id
    logins: list[DemoLogin]  # in the order seed_demo prints them

    def of_kind(self, *kinds: str) -> list[Unit]:
        return [unit for unit in self.units if unit.kind in kinds]

    def login_for(self, unit_id: int) -> User:
        """Who acts for a unit: its demo login, or the office for a unit that has none."""
        return self.staff.get(unit_id, self.office)

    @cached_property
    def by_code(self) -> dict[str, Unit]:
        return {unit.code: unit for unit in self.units}

    @cached_property
    def by_id(self) -> dict[int, Unit]:
        return {unit.pk: unit for unit in self.units}
