from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from reports.selectors import FIVE_ONES

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


# The progress table's figure cells: (column, the link the figure opens, the figure, its kind).
# Written in Python rather than an included template: the table has a row per unit with eleven
# linked figures each, and the template engine's per-variable cost made the cells most of the
# page's time.
PROGRESS_CELLS = (
    ("households", "households", "households", "int"),
    ("visited_pct", "visited", "visited_pct", "pct"),
    ("cases", "cases", "cases", "int"),
    ("carried_in", "carried_in", "carried_in", "int"),
    ("in_hand", "in_hand", "in_hand", "int"),
    ("closed", "closed", "closed", "int"),
    ("overdue", "overdue", "overdue", "int"),
    ("on_time_pct", "on_time", "on_time_pct", "pct"),
    ("avg_workdays", "closed", "avg_workdays", "dec"),
    ("activities", "activities", "activities", "int"),
    ("five_ones", "five_ones", "five_ones", "of"),
)


@register.simple_tag
def progress_cells(row, labels, is_total=False):
    """A progress row's figure cells, each opening the records it counts: a township's
    households and visits (a member unit has none: —), the cases, activities and 五个一.
    Every value is escaped (html.escape, what Django's own escape calls)."""
    links = row.get("links") or {}
    cells = []
    for column, link, key, kind in PROGRESS_CELLS:
        href = links.get(link)
        if kind == "of":
            possible = row.get("five_ones_possible") if is_total else FIVE_ONES
            text = f"{row.get(key)}/{possible}"
        else:
            text = figure(row.get(key), kind)
        if href:
            danger = ' class="link-danger"' if column == "overdue" and row.get("overdue") else ""
            text = f'<a href="{escape(href)}"{danger}>{escape(text)}</a>'
        else:  # a member unit registers no households
            text = "—"
        label = escape(str(labels.get(column, "")))
        cells.append(f'<td class="text-end" data-col="{column}" data-label="{label}">{text}</td>')
    return mark_safe("\n".join(cells))


# The comparison's figure cells: (the figure, its kind, its column's label), in Python for the
# reason the progress cells are: a row per county, and a province's city holds a dozen.
COUNTY_CELLS = (
    ("households", "int", _("Households registered")),
    ("visited_pct", "pct", _("Survey coverage")),
    ("registered", "int", _("Cases registered")),
    ("closed", "int", _("Closed off")),
    ("on_time_pct", "pct", _("On-time rate")),
    ("overdue", "int", _("Overdue")),
    ("activities", "int", _("Activities held")),
    ("assessment", "dec", _("Average assessment score")),
)


@register.simple_tag
def county_cells(figures):
    """A county's (or the total's) figures in the comparison, each labelled for the phone
    layout, where a row's cells stack under their labels."""
    return mark_safe(
        "\n".join(
            f'<td class="text-end" data-label="{escape(str(label))}">'
            f"{escape(figure(figures.get(key), kind))}</td>"
            for key, kind, label in COUNTY_CELLS
        )
    )
