"""The dataset sizes of issue 8: a province, and a county a tenth of it."""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Size:
    name: str
    townships: int
    members: int
    garrisons: int
    households: int
    persons: int
    visits: int
    cases: int
    events: int
    activities: int

    def scaled(self, factor: float, name: str) -> "Size":
        counts = {
            f.name: max(1, round(getattr(self, f.name) * factor))
            for f in fields(self)
            if f.name != "name"
        }
        return replace(self, name=name, **counts)


PROVINCE = Size(
    name="province",
    townships=120,
    members=60,
    garrisons=30,
    households=200_000,
    persons=400_000,
    visits=60_000,
    cases=100_000,
    events=500_000,
    activities=30_000,
)
COUNTY = PROVINCE.scaled(0.1, "county")
# For the smoke test: every table gets rows, in seconds.
TINY = Size(
    name="tiny",
    townships=3,
    members=3,
    garrisons=2,
    households=60,
    persons=120,
    visits=30,
    cases=80,
    events=400,
    activities=20,
)
SIZES = {size.name: size for size in (PROVINCE, COUNTY, TINY)}
