from campaign import access, navigation
from campaign import watermark as marks


def navigation_entries(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"nav_items": []}
    return {"nav_items": navigation.bar_for(user), "counties_in_reach": _counties(user)}


def _counties(user):
    """For an office above the counties: the counties it may turn to, the one in view first
    marked. Queried only when the page draws the bar."""
    if not access.is_higher_office(user):
        return None

    def counties():
        chosen = access.county_in_view_id(user)
        return [(county, county.pk == chosen) for county in access.counties_in_reach(user)]

    return counties


WATERMARK_TILES = range(60)


def watermark(request):
    """The reader and the time, for the pages that show personal details to draw across the
    screen; computed only on those pages (a template calls the function)."""
    user = getattr(request, "user", None)

    def text():
        if not marks.enabled() or user is None or not user.is_authenticated:
            return ""
        return marks.reader_text(user)

    return {"watermark_text": text, "watermark_tiles": WATERMARK_TILES}
