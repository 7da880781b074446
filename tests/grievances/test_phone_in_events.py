"""The responsible person's phone lives encrypted on the case; an edit's event keeps it masked,
and the upgrade masks what older events recorded in the clear."""

import importlib
import json

import pytest
from django.apps import apps

from grievances import services
from grievances.models import Case, CaseEvent
from outreach.idnumbers import mask_phone

pytestmark = pytest.mark.django_db


def test_an_edited_phone_is_recorded_masked(office, assigned_case, plan):
    case = Case.objects.get(pk=assigned_case.pk)
    services.case_edit(
        user=office,
        case=case,
        version=case.version,
        original={},
        data={"responsible_phone": "13911112222"},
    )
    event = CaseEvent.objects.get(case=case, kind="edited")
    assert "13911112222" not in json.dumps(event.changes)
    assert event.changes["responsible_phone"][1] == mask_phone("13911112222")
    assert Case.objects.get(pk=case.pk).responsible_phone == "13911112222"


def test_the_upgrade_masks_phones_older_events_recorded(assigned_case, plan):
    event = CaseEvent.objects.filter(case=assigned_case).first()
    event.changes = {"responsible_phone": ["13800001111", "13911112222"], "measures": ["甲", "乙"]}
    event.save()
    migration = importlib.import_module("grievances.migrations.0006_encrypted_numbers")
    migration.mask_phones_in_events(apps, schema_editor=None)  # it changes no table's shape
    event.refresh_from_db()
    assert event.changes == {
        "responsible_phone": [mask_phone("13800001111"), mask_phone("13911112222")],
        "measures": ["甲", "乙"],
    }
