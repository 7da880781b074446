from campaign import navigation


def navigation_entries(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"nav_items": []}
    return {"nav_items": navigation.bar_for(user)}
