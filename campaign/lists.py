"""The check every service makes on values chosen from a county's reference lists."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def list_values_check(model, chosen, *, county_id, held=()) -> list:
    """The chosen values of one of the county's lists (instances or ids), refused when one is
    another county's, or retired and not already held by the record."""
    ids = {getattr(value, "pk", value) for value in chosen}
    values = list(model.objects.filter(pk__in=ids))
    held = {getattr(value, "pk", value) for value in held}
    if len(values) != len(ids):
        raise ValidationError(_("A value chosen is not in the county's lists."))
    for value in values:
        if value.county_id != county_id:
            raise ValidationError(
                _("%(name)s is not in this county's list.") % {"name": value.name}
            )
        if value.retired and value.pk not in held:
            raise ValidationError(
                _("%(name)s is retired and can no longer be chosen.") % {"name": value.name}
            )
    return values
