from campaign import access, navigation


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
