"""The history an import writes (copied in the database, outreach.imports.history) is the record
simple_history keeps of a row saved by hand: every tracked field as written, the clerk, the
reason, one moment for the whole import, and the categories the person had."""

import pytest

from outreach.models import Household, Person
from tests.outreach.import_files import households_rows, id_number, person_row
from tests.outreach.test_import_views import confirm, send

TRACKED = {
    model: [f.attname for f in model.history.model.tracked_fields] for model in (Household, Person)
}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def fields(row, model) -> dict:
    return {name: getattr(row, name) for name in TRACKED[model]}


def categories(rows) -> list[int]:
    return sorted(link.beneficiarycategory_id for link in rows)


def test_new_rows_are_recorded_as_saved_by_hand(client_a, clerk_a):
    send(client_a, households_rows(6, per_household=2))
    confirm(client_a)
    persons = list(Person.objects.prefetch_related("categories"))
    households = list(Household.objects.all())
    assert (len(persons), len(households)) == (6, 3)
    moments = set()
    for row, model in [(p, Person) for p in persons] + [(h, Household) for h in households]:
        record = row.history.get()
        assert fields(record, model) == fields(row, model)
        assert (record.history_type, record.history_user, record.history_change_reason) == (
            "+",
            clerk_a,
            "Excel 导入",
        )
        moments.add(record.history_date)
        if model is Person:
            assert categories(record.categories.all()) == sorted(c.pk for c in row.categories.all())
    assert len(moments) == 1


def test_new_and_changed_persons_in_one_file_keep_each_others_categories(client_a):
    first, other = id_number(), id_number(male=False)
    send(client_a, [person_row(id_number=first, categories="退役士兵")])
    confirm(client_a)
    rows = [
        person_row(id_number=first, categories="复员军人、烈士遗属"),
        person_row(name="李秀英", relation="配偶", id_number=other, categories="现役军人家属"),
    ]
    send(client_a, rows)
    confirm(client_a)
    names = {
        p.name: sorted(c.name for c in p.categories.all())
        for p in Person.objects.prefetch_related("categories")
    }
    assert names == {"王建国": ["复员军人", "烈士遗属"], "李秀英": ["现役军人家属"]}
    changed = Person.objects.get(name="王建国").history.first()
    assert changed.history_type == "~"
    assert sorted(c.beneficiarycategory.name for c in changed.categories.all()) == [
        "复员军人",
        "烈士遗属",
    ]
    new = Person.objects.get(name="李秀英").history.get()
    assert [c.beneficiarycategory.name for c in new.categories.all()] == ["现役军人家属"]
