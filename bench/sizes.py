"""The dataset sizes of issues 8 and 20, as deployments of counties: a province of cities, each
city with its counties, and every county alike, with the same units and the same volume of
records (every count below but the first three is per county). The county size is one of the
province's counties alone, so a county's pages are measured on the same rows in a database of
one county and in one of many."""

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
    # Logins beside one per unit: office staff and leaders of each county's office, so a load
    # test's users each log in as themselves.
    office_staff: int = 1
    leaders: int = 1
    # The share of cases and activities in each county's earlier campaign (2013–2014, over and
    # its cases closed); the rest are the current campaign's (2015–2016).
    earlier_share: float = 0.3

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


# 100 counties in 14 cities, unevenly, each county about the demo county's size: ≈ 1,400
# townships, 300,000 households, 600,000 persons, 150,000 cases, 750,000 events and 40,000
# activities in all.
PROVINCE = Size(
    name="province",
    cities=14,
    counties_per_city=(11, 9, 8, 10, 6, 7, 5, 9, 6, 8, 4, 7, 5, 5),
    townships=14,
    members=24,
    garrisons=4,
    households=3_000,
    persons=6_000,
    visits=2_400,
    cases=1_500,
    events=7_500,
    activities=400,
    office_staff=4,
    leaders=2,
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
