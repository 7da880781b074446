"""Kept no longer than needed: once a county's retention period has passed since a household
or person was archived, its personal details are reduced so that nobody can be told from them,
in the record and in every history row of it, while the record itself stays (its categories,
visits, findings, cases and plaque), so the figures of past years still add up.

Field by field (README, 保存期限):
- household: head's name → surname + 某; address, phone and notes removed; number, township
  and village kept.
- person: name → surname + 某; ID number and phone removed; birth date → 1 January of its year;
  sex, relation, categories, priority-care marks, disability, deceased kept.

Writes go through the models (instances saved, history rows too), so fields that encrypt or
hash their value on save do so for the reduced values as well."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from outreach.models import AnonymisationRun, Household, Person, RetentionPolicy
from outreach.models.retention import DEFAULT_MONTHS

# Two-character surnames still met today; any other name keeps its first character.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 "
    "独孤 申屠 闻人 轩辕 呼延 万俟 澹台 公冶 太史 仲孙 钟离 宗政 濮阳 赫连 第五 东郭 百里".split()
)
SOMEONE = "某"


def _chinese(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def reduced_name(name: str) -> str:
    """张三丰 → 张某, 欧阳娜娜 → 欧阳某. A name whose surname cannot be told by its first
    characters (written with a middle dot, as many Uyghur and Tibetan names are, or not in
    Chinese characters) becomes 某某."""
    name = "".join(name.split())
    if not name or not all(_chinese(char) for char in name):
        return SOMEONE * 2
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2] + SOMEONE
    return name[0] + SOMEONE


def period_months(county) -> int:
    policy = RetentionPolicy.objects.filter(county=county).first()
    return policy.months if policy else DEFAULT_MONTHS


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_due_day(as_of: date, months: int) -> date:
    """Archived on this day or before, the details are past due on as_of: a record archived
    on 2016-03-15 and kept for 60 months is kept through 2021-03-15 and reduced from the 16th."""
    return months_before(as_of, months) - timedelta(days=1)


def due_households(county, as_of: date, months: int):
    return Household.objects.in_county(county).filter(
        archived=True, anonymised_on__isnull=True, archived_on__lte=last_due_day(as_of, months)
    )


def due_persons(county, as_of: date, months: int):
    return Person.objects.in_county(county).filter(
        archived=True, anonymised_on__isnull=True, archived_on__lte=last_due_day(as_of, months)
    )


@dataclass
class Outcome:
    county: object
    months: int
    archived_by: date
    households: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    run: AnonymisationRun | None = None

    @property
    def nothing(self) -> bool:
        return not self.households and not self.persons


def _reduce_household(row) -> None:
    row.head_name = reduced_name(row.head_name)
    row.address = ""
    row.phone = ""
    row.notes = ""


def _reduce_person(row) -> None:
    row.name = reduced_name(row.name)
    row.id_number = ""
    row.phone = ""
    if row.birth_date is not None:
        row.birth_date = date(row.birth_date.year, 1, 1)


def _anonymise(record, reduce, on: date) -> None:
    # The history rows first: the save below adds the newest one, already reduced.
    for row in record.history.all():
        reduce(row)
        row.anonymised_on = on
        row.save()
    reduce(record)
    record.anonymised_on = on
    record._change_reason = _("Anonymised after the retention period")
    record.save()


def _records(households, persons) -> list[dict]:
    """For the operation log: enough to find each record again, nothing that was removed."""
    by_household: dict[int, dict] = {}
    for household in households:
        by_household[household.pk] = {
            "id": household.pk,
            "number": household.number,
            "township": household.township.name,
            "village": household.village,
            "household": True,
            "persons": [],
        }
    for person in persons:
        household = person.household
        entry = by_household.setdefault(
            household.pk,
            {
                "id": household.pk,
                "number": household.number,
                "township": household.township.name,
                "village": household.village,
                "household": False,
                "persons": [],
            },
        )
        entry["persons"].append(person.pk)
    return sorted(by_household.values(), key=lambda e: (e["township"], e["number"]))


def anonymise_expired(*, county, as_of: date, dry_run: bool = False, user=None) -> Outcome:
    """One county: everything archived longer than its period, reduced in one transaction and
    listed in one AnonymisationRun. Nothing due, nothing written; dry_run writes nothing."""
    months = period_months(county)
    outcome = Outcome(county=county, months=months, archived_by=last_due_day(as_of, months))
    with transaction.atomic():
        households = list(
            due_households(county, as_of, months)
            .select_for_update(of=("self",))
            .select_related("township")
            .order_by("pk")
        )
        persons = list(
            due_persons(county, as_of, months)
            .select_for_update(of=("self",))
            .select_related("household__township")
            .order_by("pk")
        )
        outcome.households, outcome.persons = households, persons
        if dry_run or outcome.nothing:
            return outcome
        for household in households:
            _anonymise(household, _reduce_household, as_of)
        for person in persons:
            _anonymise(person, _reduce_person, as_of)
        outcome.run = AnonymisationRun.objects.create(
            county=county,
            as_of=as_of,
            months=months,
            archived_by=outcome.archived_by,
            households=len(households),
            persons=len(persons),
            records=_records(households, persons),
            started_by=user,
        )
    return outcome
