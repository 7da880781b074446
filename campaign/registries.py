"""The writes of the small registries: publicised models (先进典型), commendations (表彰) and the
social support organisations (社会化拥军 teams, enterprises, windows). The county office's
writers keep them. Each write is one transaction that re-checks the right, keeps the record in
the county in view, refuses a form opened on an older version (naming who changed it and
when) and leaves a history row with who and why."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from campaign import access
from campaign.history import last_change, who_and_when
from campaign.models import Commendation, ModelFigure, SupportOrganisation, Unit

REGISTRY_MODELS = (ModelFigure, Commendation, SupportOrganisation)


def registry_units(user, *, keep=None):
    """The units a record may name: the active units of the county in view, and the one it
    already names even if deactivated since."""
    units = Unit.objects.visible_to(user)
    active = units.filter(is_active=True)
    found = (active | units.filter(pk=keep)) if keep else active
    return found.order_by("kind", "code")


def _require(user) -> None:
    if not access.keeps_the_registries(user):
        raise PermissionDenied


def _locked(user, record):
    found = (
        type(record)
        .objects.visible_to(user)
        .select_for_update(of=("self",))
        .filter(pk=record.pk)
        .first()
    )
    if found is None:
        raise ValidationError(_("This record no longer exists."))
    return found


def changed_meanwhile(stored) -> ValidationError:
    return ValidationError(
        _(
            "%(who)s changed this record on %(when)s, after you opened the form. Nothing was "
            "saved: look at it as it is now and make your change again."
        )
        % who_and_when(last_change(stored)),
        code="stale",
    )


def _check_unit(user, unit, *, required: bool, keep=None) -> None:
    if unit is None:
        if required:
            raise ValidationError({"unit": _("Choose one of the county's active units.")})
        return
    if not registry_units(user, keep=keep).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("Choose one of the county's active units.")})


def _save(record, *, user, reason: str) -> None:
    record.full_clean()
    record._history_user = user
    record._change_reason = reason[:100]
    record.save()


@transaction.atomic
def registry_save(*, user, record, version: int | None = None):
    """Add (no pk) or change one record of a registry; a change names the version the form
    was opened on."""
    _require(user)
    if not isinstance(record, REGISTRY_MODELS):
        raise TypeError(type(record).__name__)
    required = not isinstance(record, SupportOrganisation)
    if isinstance(record, SupportOrganisation):
        record.county_id = access.county_in_view_id(user)
    if record.pk is None:
        _check_unit(user, record.unit, required=required)
        record.version = 1
        _save(record, user=user, reason=_("added"))
        return record
    stored = _locked(user, record)
    if version is None or stored.version != version:
        raise changed_meanwhile(stored)
    _check_unit(user, record.unit, required=required, keep=stored.unit_id)
    record.version = stored.version + 1
    _save(record, user=user, reason=_("edited"))
    return record


@transaction.atomic
def registry_remove(*, user, record) -> None:
    """Remove a record nothing refers to. One that is referred to stays, and the refusal says
    what refers to it (an organisation can be deactivated instead)."""
    _require(user)
    stored = _locked(user, record)
    try:
        with transaction.atomic():
            stored._history_user = user
            stored._change_reason = _("removed")
            stored.delete()
    except ProtectedError as exc:
        counts: dict[str, int] = {}
        for obj in exc.protected_objects:
            label = str(obj._meta.verbose_name_plural)
            counts[label] = counts.get(label, 0) + 1
        refs = "、".join(
            _("%(count)s %(things)s") % {"count": n, "things": label} for label, n in counts.items()
        )
        reasons = [_("It cannot be removed: %(refs)s refer to it.") % {"refs": refs}]
        if isinstance(stored, SupportOrganisation):
            reasons.append(_("Deactivate it instead: its records stay and it is offered no more."))
        raise ValidationError(reasons, code="referred") from None


@transaction.atomic
def organisation_set_active(*, user, organisation, active: bool) -> SupportOrganisation:
    _require(user)
    stored = _locked(user, organisation)
    if stored.active == active:
        return stored
    stored.active = active
    stored.version += 1  # the row is locked: no one else moves it meanwhile
    stored._history_user = user
    stored._change_reason = _("reactivated") if active else _("deactivated")
    stored.save(update_fields=["active", "version"])
    return stored
