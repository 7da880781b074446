"""The writes of the reference lists section. Each is one transaction on the county in view,
re-checks that the user administers it, and leaves a row in the value's history with who, when
and why (the operation log reads it). A value some record names is retired, never deleted."""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from administration import access
from administration.lists.registry import ReferenceList
from campaign import access as rule


def fingerprint(reference_list: ReferenceList, value) -> str:
    """What the form was opened on; another value here means someone changed it since."""
    fields = ("name", "order", "retired", *reference_list.extra_fields)
    values = repr([getattr(value, f"{name}_id", getattr(value, name)) for name in fields])
    return hashlib.sha256(values.encode()).hexdigest()[:16]


def usage_counts(reference_list: ReferenceList) -> dict:
    """An annotation per place that names the list's values: its count of rows, in the query
    that reads the values."""
    counts = {}
    for index, usage in enumerate(reference_list.used_by):
        model = usage.model()
        rows = (
            model.objects.filter(**{usage.column: OuterRef("pk")})
            .order_by()
            .values(usage.column)
            .annotate(n=Count("*"))
            .values("n")
        )
        counts[f"used_{index}"] = Coalesce(Subquery(rows, output_field=IntegerField()), 0)
    return counts


def county_values(user, reference_list: ReferenceList):
    """The values of the county in view, with their usage counts."""
    county_id = rule.county_in_view_id(user)
    model = reference_list.model
    related = [n for n in reference_list.extra_fields if model._meta.get_field(n).is_relation]
    return (
        model.objects.filter(county_id=county_id)
        .select_related(*related)
        .annotate(**usage_counts(reference_list))
        .order_by("order", "name", "pk")
    )


def times_named(reference_list: ReferenceList, value) -> int:
    """How many records name the value, their histories included."""
    return sum(getattr(value, f"used_{i}") for i in range(len(reference_list.used_by)))


@dataclass
class ValueData:
    name: str
    extra: dict


def _require(user):
    if not access.administers(user):
        raise PermissionDenied
    return rule.county_in_view_id(user)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the value's name.")})
    return name


def _name_free(reference_list, county_id, name, *, value=None) -> None:
    same = reference_list.model.objects.filter(county_id=county_id, name=name)
    if value is not None:
        same = same.exclude(pk=value.pk)
    if same.exists():
        raise ValidationError(
            {"name": _("The list already holds %(name)s.") % {"name": name}}, code="taken"
        )


def _code_free(reference_list, county_id, data, *, value=None) -> None:
    code = data.extra.get("code")
    if not code:
        return
    same = reference_list.model.objects.filter(county_id=county_id, code=code)
    if value is not None:
        same = same.exclude(pk=value.pk)
    if same.exists():
        raise ValidationError(
            {"code": _("The list already has the code %(code)s.") % {"code": code}}
        )


def _locked(user, reference_list, value):
    county_id = _require(user)
    found = (
        reference_list.model.objects.select_for_update()
        .filter(county_id=county_id, pk=value.pk)
        .first()
    )
    if found is None:
        raise ValidationError(_("This value no longer exists."))
    return found


def _save(value, *, by, reason: str) -> None:
    value.full_clean(validate_unique=False, validate_constraints=False)
    value._history_user = by
    value._change_reason = reason[:100]
    try:
        with transaction.atomic():
            value.save()
    except IntegrityError as exc:
        # Another administrator took the name between the check and the save.
        raise ValidationError(
            {"name": _("The list already holds %(name)s.") % {"name": value.name}}
        ) from exc


@transaction.atomic
def value_add(*, user, reference_list: ReferenceList, data: ValueData):
    county_id = _require(user)
    model = reference_list.model
    name = _clean_name(data.name)
    _name_free(reference_list, county_id, name)
    _code_free(reference_list, county_id, data)
    last = model.objects.filter(county_id=county_id).order_by("-order").first()
    value = model(county_id=county_id, name=name, order=(last.order + 1) if last else 1)
    for field_name, field_value in data.extra.items():
        setattr(value, field_name, field_value)
    _save(value, by=user, reason=_("added"))
    return value


@transaction.atomic
def value_update(*, user, reference_list: ReferenceList, value, data: ValueData, seen: str):
    value = _locked(user, reference_list, value)
    if seen != fingerprint(reference_list, value):
        raise ValidationError(
            _(
                "Someone changed this value after you opened the form. Look at it again and "
                "make your change once more."
            ),
            code="stale",
        )
    name = _clean_name(data.name)
    _name_free(reference_list, value.county_id, name, value=value)
    _code_free(reference_list, value.county_id, data, value=value)
    old = value.name
    value.name = name
    for field_name, field_value in data.extra.items():
        setattr(value, field_name, field_value)
    reason = _("renamed from %(old)s") % {"old": old} if old != name else _("edited")
    _save(value, by=user, reason=reason)
    return value


@transaction.atomic
def value_move(*, user, reference_list: ReferenceList, value, up: bool):
    """One place up or down the list. The orders are renumbered 1, 2, 3 … on the way, so two
    values never share a place."""
    value = _locked(user, reference_list, value)
    values = list(
        reference_list.model.objects.select_for_update()
        .filter(county_id=value.county_id)
        .order_by("order", "name", "pk")
    )
    index = next(i for i, v in enumerate(values) if v.pk == value.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(values):
        return value
    values[index], values[other] = values[other], values[index]
    for order, each in enumerate(values, start=1):
        if each.order != order:
            each.order = order
            reason = _("moved up") if each.pk == value.pk and up else _("reordered")
            if each.pk == value.pk and not up:
                reason = _("moved down")
            _save(each, by=user, reason=reason)
    return value


@transaction.atomic
def value_retire(*, user, reference_list: ReferenceList, value, retired: bool):
    value = _locked(user, reference_list, value)
    if value.retired == retired:
        return value
    value.retired = retired
    _save(value, by=user, reason=_("retired") if retired else _("reinstated"))
    return value


@transaction.atomic
def value_delete(*, user, reference_list: ReferenceList, value) -> None:
    value = _locked(user, reference_list, value)
    counted = (
        reference_list.model.objects.filter(pk=value.pk)
        .annotate(**usage_counts(reference_list))
        .get()
    )
    if times_named(reference_list, counted):
        raise ValidationError(
            _(
                "%(name)s is named by records (or their history), so it cannot be deleted: "
                "retire it instead, and forms stop offering it."
            )
            % {"name": value.name},
            code="in_use",
        )
    value._history_user = user
    value._change_reason = _("deleted")
    value.delete()
