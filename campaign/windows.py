"""The one rule about dates in the plan: a phase lies inside the campaign's window."""

from datetime import date

from django.utils.translation import gettext as _


def phase_window_errors(
    *, number: int, name: str, starts_on: date, ends_on: date, window: tuple[date, date]
) -> list[str]:
    window_start, window_end = window
    params = {
        "number": number,
        "name": name,
        "starts": starts_on.isoformat(),
        "ends": ends_on.isoformat(),
        "window_start": window_start.isoformat(),
        "window_end": window_end.isoformat(),
    }
    errors = []
    if ends_on < starts_on:
        errors.append(
            _("Phase %(number)s “%(name)s” ends on %(ends)s, before it starts on %(starts)s.")
            % params
        )
    if starts_on < window_start:
        errors.append(
            _(
                "Phase %(number)s “%(name)s” starts on %(starts)s, before the campaign "
                "window %(window_start)s – %(window_end)s."
            )
            % params
        )
    if ends_on > window_end:
        errors.append(
            _(
                "Phase %(number)s “%(name)s” ends on %(ends)s, after the campaign "
                "window %(window_start)s – %(window_end)s."
            )
            % params
        )
    return errors
