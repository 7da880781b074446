"""What every demo builder is handed: one county's campaign, units and demo logins, and which
demo county it is. The builders take it as a parameter and read and write only that county's
rows, so the demo city builds several counties side by side in one database."""

import random
from dataclasses import dataclass
from functools import cached_property

from campaign.models import Area, Campaign, Unit, User


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str


@dataclass(frozen=True)
class Place:
    """Which demo county: the single demo county (number 0) or the number-th county of the demo
    city, whose logins carry its number and whose draws and size are its own."""

    number: int = 0
    id_area_code: str = "110101"  # its persons' ID numbers start with it (GB/T 2260)
    scale: float = 1.0  # its size against the single demo county: households and cases

    @property
    def login_prefix(self) -> str:
        return f"c{self.number}-" if self.number else ""

    @property
    def names_from(self) -> int:
        """Where its people's names start in demo.names, so that no two counties share them."""
        return self.number * 100_003

    def seed(self, base: int) -> int:
        """A builder's seed: the single county keeps the seeds it has always had."""
        return base * 100 + self.number if self.number else base


SINGLE = Place()


@dataclass(frozen=True)
class DemoCounty:
    campaign: Campaign  # with its phases prefetched: builders look up a date's phase often
    office: User  # the office's demo login, which registers, assigns, closes off and inspects
    units: list[Unit]  # ordered by code: the random draws walk them in this order
    staff: dict[int, User]  # the demo login of a unit other than the office, by unit id
    logins: list[DemoLogin]  # in the order seed_demo prints them
    place: Place = SINGLE

    @property
    def area(self) -> Area:
        return self.campaign.county

    def rng(self, base: int) -> random.Random:
        """A builder's generator, seeded for this county."""
        return random.Random(self.place.seed(base))

    def scaled(self, count: int) -> int:
        return round(count * self.place.scale)

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
