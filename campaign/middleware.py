"""A city or province office looks at one of its counties at a time; which one it chose is kept
in its session and honoured here, before any view runs, so every page and every visible_to
of the request agree on it."""

from campaign import access

SESSION_KEY = "county_in_view"


class CountyInViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if chosen is not None and user is not None and user.is_authenticated:
            if not access.look_at_county(user, chosen):
                # Not (or no longer) one of its counties: back to the first of them.
                del request.session[SESSION_KEY]
        return self.get_response(request)
