"""Reading bulletins: what a unit has not read yet (its workbench count is the list's
unread filter, both from unread()), and the "cited in" links on the cited records' pages."""

from django.urls import reverse
from django.utils.translation import gettext as _

from bulletins.models import Bulletin, Citation, ReadReceipt
from campaign.record_links import RecordLink


def unread(user, bulletins=None):
    """The published issues the user's unit has not read."""
    rows = Bulletin.objects.visible_to(user) if bulletins is None else bulletins
    read = ReadReceipt.objects.filter(unit_id=user.unit_id).values("bulletin_id")
    return rows.filter(status=Bulletin.Status.PUBLISHED).exclude(pk__in=read)


def unread_items(user) -> list:
    """A notice while there is something to read: once a unit has read every issue the item
    leaves its workbench."""
    from campaign.workbench import Item

    count = unread(user).count()
    if not count:
        return []
    return [
        Item(
            key="unread_bulletins",
            label=_("Unread bulletins"),
            count=count,
            url=reverse("bulletins:bulletins") + "?unread=yes",
        )
    ]


def _cited_in(field: str):
    """A provider for campaign.record_links: "cited in bulletin No. N" on each record a
    published issue the user may read cites, in one query however many records."""

    def provider(user, records) -> dict:
        citations = (
            Citation.objects.filter(
                **{f"{field}__in": records},
                bulletin__in=Bulletin.objects.visible_to(user).filter(
                    status=Bulletin.Status.PUBLISHED
                ),
            )
            .select_related("bulletin")
            .order_by("bulletin__year", "bulletin__number")
        )
        offered: dict = {}
        for citation in citations:
            bulletin = citation.bulletin
            label = _("Cited in bulletin No. %(number)s of %(year)s") % {
                "number": bulletin.number,
                "year": bulletin.year,
            }
            offered.setdefault(getattr(citation, f"{field}_id"), []).append(
                RecordLink(label, bulletin.get_absolute_url(), kind="state")
            )
        return offered

    return provider


on_model_figures = _cited_in("model_figure")
on_commendations = _cited_in("commendation")
on_activities = _cited_in("activity")
