"""The demo county's honour plaques (光荣牌): six in ten qualifying households get one in 2015,
and a few plaques live on: withdrawn, withdrawn and restored, or replaced."""

import random
from datetime import date, timedelta

from demo.county import DemoCounty
from outreach.models import HonourPlaque, Household, PlaqueEvent
from outreach.plaques import qualifying_without_plaque

# What happened to a plaque after it was issued: (event kind, day, reason).
Life = list[tuple[str, date, str]]


def seed_plaques(rng: random.Random, county: DemoCounty) -> None:
    candidates = qualifying_without_plaque(Household.objects.in_county(county.area)).order_by("pk")
    plaques, lives = [], []
    for household in candidates:
        if rng.random() > 0.6:
            continue
        plaque = _plaque(rng, household)
        plaques.append(plaque)
        lives.append(_life(rng, plaque))
    HonourPlaque.objects.bulk_create(plaques, batch_size=500)
    if plaques and not plaques[0].pk:  # SQLite before 3.35 returns no ids from bulk inserts
        placed = HonourPlaque.objects.in_county(county.area)
        by_household = dict(placed.values_list("household_id", "pk"))
        for plaque in plaques:
            plaque.pk = by_household[plaque.household_id]
    PlaqueEvent.objects.bulk_create(
        PlaqueEvent(plaque_id=plaque.pk, kind=kind, on=on, reason=reason, by=county.office)
        for plaque, life in zip(plaques, lives, strict=True)
        for kind, on, reason in life
    )


def _plaque(rng: random.Random, household: Household) -> HonourPlaque:
    """Hung in 2015 under the first type the household qualifies for."""
    if household.martyr_family:
        kind = "martyr_family"
    elif household.serving:
        kind = "serving"
    else:
        kind = "veteran"
    hung_on = date(2015, rng.randrange(1, 9), 10)  # drawn before the placement
    return HonourPlaque(
        household=household,
        type=kind,
        basis="经乡镇审核符合悬挂条件",
        placement=rng.choice(["door", "indoor"]),
        status="hung",
        hung_on=hung_on,
    )


def _life(rng: random.Random, plaque: HonourPlaque) -> Life:
    """Issued, then for about one plaque in eight something more; a withdrawn plaque says so."""
    hung_on = plaque.hung_on
    life = [("issued", hung_on, "")]
    roll = rng.random()
    if roll < 0.05:
        life += [("withdrawn", hung_on + timedelta(days=120), "家庭成员违法，依规收回")]
        plaque.status = "withdrawn"
    elif roll < 0.08:
        life += [
            ("withdrawn", hung_on + timedelta(days=60), "房屋拆迁暂时收回"),
            ("restored", hung_on + timedelta(days=200), "新居落成，恢复悬挂"),
        ]
    elif roll < 0.12:
        life += [("replaced", hung_on + timedelta(days=150), "牌面褪色更换")]
    return life
