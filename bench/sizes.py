"""The dataset sizes of issue 8, as deployments of counties: a province of cities, each city with
its counties, and every county alike, with the same units and the same volume of records (every
count below but the first three is per county). The county size is one of the province's
counties alone, so a county's pages are measured on the same rows in a database of one county
and in one of many."""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Size:
    name: str
    cities: int
    # Counties in each city: one number for all, or one per city (100 counties in 14 cities).
    counties_per_city: int | tuple[int, ...]
    townships: int
    members: int
    garrisons: int
    households: int
    persons: int
    visits: int
    cases: int
    events: int
    activities: int

    def __post_init__(self):
        per_city = self.counties_per_city
        if isinstance(per_city, tuple) and len(per_city) != self.cities:
            raise ValueError(f"{self.name}: {len(per_city)} county counts for {self.cities} cities")

    def city_counties(self) -> list[int]:
        """How many counties each city has."""
        per_city = self.counties_per_city
        return list(per_city) if isinstance(per_city, tuple) else [per_city] * self.cities

    @property
    def counties(self) -> int:
        return sum(self.city_counties())

    def total(self, name: str) -> int:
        """A per-county count over the whole deployment."""
        return getattr(self, name) * self.counties


PROVINCE = Size(
    name="province",
    cities=2,
    counties_per_city=5,
    townships=12,
    members=6,
    garrisons=3,
    households=20_000,
    persons=40_000,
    visits=6_000,
    cases=10_000,
    events=50_000,
    activities=3_000,
)
COUNTY = replace(PROVINCE, name="county", cities=1, counties_per_city=1)
# For the smoke test: every table gets rows in three counties of two cities, in seconds.
TINY = Size(
    name="tiny",
    cities=2,
    counties_per_city=(2, 1),
    townships=2,
    members=2,
    garrisons=1,
    households=30,
    persons=60,
    visits=15,
    cases=40,
    events=200,
    activities=10,
)
SIZES = {size.name: size for size in (PROVINCE, COUNTY, TINY)}
