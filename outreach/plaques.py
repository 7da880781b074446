"""An honour plaque's life: issued, reissued, replaced, withdrawn, cancelled, hung again."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from campaign import clock
from outreach.access import can_edit
from outreach.models import HonourPlaque, Household, Person, PlaqueEvent
from outreach.models.plaques import MARTYR_FAMILY, SERVING_FAMILY, VETERAN_FAMILY

Kind, Status = PlaqueEvent.Kind, HonourPlaque.Status

# event -> (statuses it may follow, status it leaves)
TRANSITIONS = {
    Kind.ISSUED: ((None,), Status.HUNG),
    Kind.REISSUED: ((Status.HUNG,), Status.HUNG),
    Kind.REPLACED: ((Status.HUNG,), Status.HUNG),
    Kind.WITHDRAWN: ((Status.HUNG,), Status.WITHDRAWN),
    Kind.CANCELLED: ((Status.HUNG, Status.WITHDRAWN), Status.CANCELLED),
    Kind.RESTORED: ((Status.WITHDRAWN, Status.CANCELLED), Status.HUNG),
}


def allowed_events(plaque: HonourPlaque | None) -> list[str]:
    current = plaque.status if plaque else None
    return [kind for kind, (before, _after) in TRANSITIONS.items() if current in before]


def plaque_check(
    *,
    plaque: HonourPlaque | None,
    last_on: date | None,
    kind: str,
    on: date,
    reason: str = "",
    new_plaque_given: bool = True,
) -> None:
    """The register's rules for one event, raising ValidationError: the plaque record and the
    household import both ask this before they write."""
    if kind not in allowed_events(plaque):
        raise ValidationError(
            _("“%(event)s” cannot follow the plaque's present state (%(state)s).")
            % {
                "event": Kind(kind).label,
                "state": plaque.get_status_display() if plaque else _("no plaque"),
            }
        )
    if on > clock.today():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if kind != Kind.ISSUED and not reason.strip():
        raise ValidationError({"reason": _("Give the reason.")})
    if plaque is None and not new_plaque_given:
        raise ValidationError(_("A new plaque needs its type, basis and placement."))
    if last_on and on < last_on:
        raise ValidationError(
            {"on": _("The date cannot be before the last event (%(date)s).") % {"date": last_on}}
        )


def plaque_type_for(category_codes: set[str]) -> str | None:
    """The type of plaque a household qualifies for by the codes of its living members'
    categories, the martyrs' families first; None when it qualifies for none."""
    for kind, names in (
        (HonourPlaque.Type.MARTYR_FAMILY, MARTYR_FAMILY),
        (HonourPlaque.Type.SERVING, SERVING_FAMILY),
        (HonourPlaque.Type.VETERAN, VETERAN_FAMILY),
    ):
        if category_codes & set(names):
            return kind
    return None


@transaction.atomic
def plaque_record(
    *,
    user,
    household: Household,
    kind: str,
    on: date,
    reason: str = "",
    type: str = "",
    basis: str = "",
    placement: str = "",
) -> HonourPlaque:
    if not can_edit(user, household):
        raise PermissionDenied
    plaque = HonourPlaque.objects.select_for_update().filter(household=household).first()
    last = plaque.events.order_by("-on", "-id").first() if plaque else None
    plaque_check(
        plaque=plaque,
        last_on=last.on if last else None,
        kind=kind,
        on=on,
        reason=reason,
        new_plaque_given=bool(type and basis and placement),
    )
    if plaque is None:
        plaque = HonourPlaque(
            household=household, type=type, basis=basis, placement=placement, hung_on=on
        )
    elif placement:
        plaque.placement = placement
    plaque.status = TRANSITIONS[kind][1]
    plaque.full_clean(exclude=["household"] if plaque.pk is None else None)
    plaque.save()
    PlaqueEvent.objects.create(plaque=plaque, kind=kind, on=on, reason=reason.strip(), by=user)
    return plaque


def eligible_type_q() -> dict[str, Q]:
    def having(names):
        return Exists(
            Person.objects.filter(
                household=OuterRef("pk"), archived=False, deceased=False, categories__code__in=names
            )
        )

    return {
        HonourPlaque.Type.MARTYR_FAMILY: having(MARTYR_FAMILY),
        HonourPlaque.Type.SERVING: having(SERVING_FAMILY),
        HonourPlaque.Type.VETERAN: having(VETERAN_FAMILY),
    }


def qualifying_without_plaque(households: QuerySet) -> QuerySet:
    """Households that qualify for a plaque (三属, serving or veteran families) and have none."""
    eligible = eligible_type_q()
    return (
        households.active()
        .filter(plaque__isnull=True)
        .annotate(
            martyr_family=eligible[HonourPlaque.Type.MARTYR_FAMILY],
            serving=eligible[HonourPlaque.Type.SERVING],
            veteran=eligible[HonourPlaque.Type.VETERAN],
        )
        .filter(Q(martyr_family=True) | Q(serving=True) | Q(veteran=True))
    )


def holding_plaque(households: QuerySet, held: bool = True) -> QuerySet:
    """Households with a plaque hung now, as the register has it (or, held=False, without)."""
    hung = Q(plaque__status=HonourPlaque.Status.HUNG)
    return households.filter(hung) if held else households.exclude(hung)
