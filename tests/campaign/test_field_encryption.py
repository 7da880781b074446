"""ID numbers and phones are stored encrypted: tokens in the columns, clear values in Python,
exact search and the one-active-person-per-ID rule through the keyed hash, key rotation."""

import base64
import secrets
from io import StringIO

import pytest
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from campaign import crypto
from campaign.fields import hash_of
from campaign.rotation import encrypted_columns
from grievances.models import Case
from outreach.models import Household, Person
from tests.factories import HouseholdFactory, PersonFactory, make_id_number


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def stored(model, pk, column):
    """The column as the database holds it, past the field's decryption."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {table} WHERE id = %s", [pk]
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize("cipher, algorithm", [("aes-gcm", "a256gcm"), ("sm4", "sm4gcm")])
def test_a_value_round_trips_under_each_cipher(settings, cipher, algorithm):
    settings.FIELD_CIPHER = cipher
    token = crypto.encrypt("110101196005040018")
    assert token.split(":")[:3] == ["f1", "dev", algorithm]
    assert "110101196005040018" not in token
    assert crypto.decrypt(token) == "110101196005040018"
    assert crypto.encrypt("110101196005040018") != token  # a fresh nonce each time


def test_a_token_written_under_sm4_still_reads_after_switching_back_to_aes(settings):
    settings.FIELD_CIPHER = "sm4"
    token = crypto.encrypt("13812345678")
    settings.FIELD_CIPHER = "aes-gcm"
    assert crypto.decrypt(token) == "13812345678"


def test_a_tampered_token_or_an_unknown_key_is_refused(settings):
    token = crypto.encrypt("13812345678")
    head, sealed = token.rsplit(":", 1)
    flipped = ("B" if sealed[0] == "A" else "A") + sealed[1:]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(f"{head}:{flipped}")
    settings.FIELD_KEYS = f"other:{new_key()}"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token)


def test_malformed_keys_are_refused(settings):
    for keys in ("nokey", "a:notbase64!", f"a:{base64.b64encode(b'short').decode()}"):
        with pytest.raises(ImproperlyConfigured):
            crypto.parse_keys(keys)
    settings.FIELD_CIPHER = "des"
    with pytest.raises(ImproperlyConfigured):
        crypto.keyring()


def test_the_hash_does_not_change_with_the_encryption_keys(settings):
    before = hash_of("11010119600504001x")
    assert before == hash_of(" 11010119600504001X ")
    settings.FIELD_KEYS = f"new:{new_key()}"
    assert hash_of("11010119600504001X") == before


@pytest.mark.django_db
def test_the_columns_hold_tokens_and_python_sees_the_clear_number(township_a):
    household = HouseholdFactory(township=township_a, phone="13812345678")
    person = PersonFactory(household=household, phone="13900001111")
    row = stored(Person, person.pk, "id_number")
    assert crypto.is_token(row) and person.id_number not in row
    assert stored(Person, person.pk, "id_number_hash") == hash_of(person.id_number)
    assert crypto.is_token(stored(Person, person.pk, "phone"))
    assert crypto.is_token(stored(Household, household.pk, "phone"))
    history = person.history.model
    assert crypto.is_token(stored_history(history, person.pk, "id_number"))
    fresh = Person.objects.get(pk=person.pk)
    assert (fresh.id_number, fresh.phone) == (person.id_number, "13900001111")
    assert fresh.masked_phone.endswith("1111") and "0000" not in fresh.masked_phone
    assert Household.objects.get(pk=household.pk).phone == "13812345678"


def stored_history(history, person_pk, column):
    table = connection.ops.quote_name(history._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {table} WHERE id = %s", [person_pk]
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_exact_search_finds_the_person_by_hash(township_a):
    person = PersonFactory(household__township=township_a)
    PersonFactory(household__township=township_a)
    assert list(Person.objects.filter(id_number=person.id_number)) == [person]
    assert list(Person.objects.filter(id_number__in=[person.id_number.lower()])) == [person]
    assert list(Person.objects.filter(id_number_hash=hash_of(person.id_number))) == [person]


@pytest.mark.django_db
def test_a_search_that_cannot_be_answered_on_ciphertext_is_refused():
    with pytest.raises(FieldError):
        list(Person.objects.filter(id_number__startswith="1101"))
    with pytest.raises(FieldError):
        list(Household.objects.filter(phone="13812345678"))  # no hash beside a phone
    assert not Household.objects.filter(phone="").exists()


@pytest.mark.django_db
def test_the_household_list_finds_a_household_by_a_full_id_number(client_for, office, household):
    person = PersonFactory(household=household)
    response = client_for(office).get(reverse("outreach:households"), {"q": person.id_number})
    assert [h.pk for h in response.context["page_obj"]] == [household.pk]


@pytest.mark.django_db
def test_a_second_active_person_with_the_same_number_is_refused(client_for, office, household):
    holder = PersonFactory(household=HouseholdFactory(number="0042", head_name="李乙"), name="李乙")
    response = client_for(office).post(
        reverse("outreach:person_add", args=[household.pk]),
        {"name": "张三", "id_number": holder.id_number, "relation": "self"},
    )
    errors = [m for ms in response.context["form"].errors.values() for m in ms]
    assert len(errors) == 1 and errors[0].startswith("该身份证号已登记为“李乙”")
    assert Person.objects.count() == 1
    # The database refuses it too, whoever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(household=household, id_number=holder.id_number)
    holder.archived = True
    holder.save()
    PersonFactory(household=household, id_number=holder.id_number)  # an archived one frees it


@pytest.mark.django_db
def test_rotation_re_encrypts_everything_and_the_old_key_can_then_be_dropped(settings, township_a):
    old, new = f"old:{new_key()}", f"new:{new_key()}"
    settings.FIELD_KEYS = old
    persons = [
        PersonFactory(household__township=township_a, phone=f"1390000{n:04d}") for n in range(7)
    ]
    person = persons[0]
    person.name = "改名"
    person.save()  # a second history row
    cases = Case.objects.count()

    settings.FIELD_KEYS = f"{new},{old}"
    settings.FIELD_CIPHER = "sm4"
    out = StringIO()
    call_command("rotate_field_keys", "--batch", "3", stdout=out)
    assert "outreach.Person.id_number：已重新加密 7 / 7" in out.getvalue()
    again = StringIO()
    call_command("rotate_field_keys", stdout=again)
    assert "outreach.Person.id_number" not in again.getvalue()  # nothing left to do

    settings.FIELD_KEYS = new
    for column in encrypted_columns():
        assert not column.pending().exists(), column.label
    expected = {p.pk: (p.id_number, p.phone) for p in persons}
    assert {p.pk: (p.id_number, p.phone) for p in Person.objects.all()} == expected
    history = Person.history.model.objects.filter(id=person.pk)
    assert {h.id_number for h in history} == {person.id_number} and history.count() == 2
    assert list(Person.objects.filter(id_number=person.id_number)) == [person]
    assert Case.objects.count() == cases
    assert token_key(person) == ("new", "sm4gcm")


def token_key(person):
    return crypto.token_key(stored(Person, person.pk, "id_number"))


@pytest.mark.django_db
def test_an_interrupted_rotation_continues_where_it_stopped(settings, township_a, monkeypatch):
    old, new = f"old:{new_key()}", f"new:{new_key()}"
    settings.FIELD_KEYS = old
    persons = [PersonFactory(household__township=township_a) for _ in range(5)]
    settings.FIELD_KEYS = f"{new},{old}"

    from django.db.models import QuerySet

    real = QuerySet.bulk_update
    calls = {"n": 0}

    def failing(self, objs, fields, *args, **kwargs):
        if self.model is Person and fields == ["id_number"]:
            calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the machine went down")
        return real(self, objs, fields, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_update", failing)
    with pytest.raises(RuntimeError):
        call_command("rotate_field_keys", "--batch", "2", stdout=StringIO())
    monkeypatch.setattr(QuerySet, "bulk_update", real)
    under = [token_key(p)[0] for p in persons]
    assert under.count("new") == 2 and under.count("old") == 3  # the first batch was kept

    out = StringIO()
    call_command("rotate_field_keys", "--batch", "2", stdout=out)
    assert "outreach.Person.id_number：已重新加密 3 / 3" in out.getvalue()
    settings.FIELD_KEYS = new
    assert sorted(p.id_number for p in Person.objects.all()) == sorted(p.id_number for p in persons)


def test_production_settings_refuse_to_start_without_field_keys():
    from tests.test_settings import run_manage

    result = run_manage(
        "check",
        DEBUG="False",
        ALLOWED_HOSTS="example.org",
        SECRET_KEY=secrets.token_urlsafe(64),
        FIELD_KEYS="",
        FIELD_HASH_KEY="",
    )
    assert result.returncode != 0
    assert "FIELD_KEYS and FIELD_HASH_KEY must be set" in result.stderr


def test_a_malformed_key_stops_the_checks():
    from tests.test_settings import run_manage

    result = run_manage("check", FIELD_KEYS="k1:tooshort")
    assert result.returncode != 0
    assert "FIELD_KEYS" in result.stderr


@pytest.mark.django_db
def test_the_hash_follows_a_number_saved_with_update_fields(township_a):
    person = PersonFactory(household__township=township_a)
    other = make_id_number()
    person.id_number = other
    person.save(update_fields=["id_number"])
    assert stored(Person, person.pk, "id_number_hash") == hash_of(other)
    assert list(Person.objects.filter(id_number=other)) == [person]
