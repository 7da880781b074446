"""What the activities offer on the pages of the campaign app below them (campaign.record_links):
a support organisation's page counts the activities credited to it and links to the activity
list filtered to it, whose total is the same count (both read Activity.objects.visible_to, of
the campaign in view)."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from campaign.record_links import RecordLink
from campaign.selectors import campaign_for
from outreach.models import Activity


def on_support_organisations(user, organisations) -> dict:
    counts = dict(
        Activity.objects.visible_to(user)
        .filter(support_organisation__in=organisations, campaign=campaign_for(user))
        .order_by()
        .values_list("support_organisation")
        .annotate(n=Count("pk"))
    )
    offered = {}
    for organisation in organisations:
        n = counts.get(organisation.pk, 0)
        label = ngettext("%(count)s activity credited", "%(count)s activities credited", n) % {
            "count": n
        }
        url = f"{reverse('outreach:activities')}?support_organisation={organisation.pk}"
        offered[organisation.pk] = [RecordLink(label, url, kind="state")]
    return offered
