from campaign import navigation


def navigation_entries(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"nav_entries": []}
    current = getattr(getattr(request, "resolver_match", None), "url_name", None)
    return {"nav_entries": navigation.entries_for(user), "nav_current": current}
