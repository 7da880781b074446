from django import template

register = template.Library()


@register.filter
def figure(value, kind="int"):
    """A report figure as the pages show it: — when there is none; int, pct, dec or money."""
    if value is None or value == "":
        return "—"
    if kind == "pct":
        return f"{value:.1f}%"
    if kind == "dec":
        return f"{value:.1f}"
    if kind == "money":
        return f"{value:,.2f}"
    return f"{value:,}"


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def at(sequence, index):
    """The item at index: a column's header beside the cell a loop is writing."""
    try:
        return sequence[index]
    except (IndexError, TypeError):
        return ""
