"""What is settled about a signed-in user before any view runs: the county it looks at, and
whether it must first set a password of its own."""

from django.shortcuts import redirect
from django.urls import reverse

from campaign import access

SESSION_KEY = "county_in_view"
# {county id (str): campaign id}: the campaign chosen with the switcher, per county looked at.
CAMPAIGN_KEY = "campaign_in_view"


class CountyInViewMiddleware:
    """A city or province office looks at one of its counties at a time; which one it chose is
    kept in its session and honoured here, so every page and every visible_to of the request
    agree on it. So is the campaign anyone chose to look at (the current one unless chosen)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if chosen is not None and user is not None and user.is_authenticated:
            if not access.look_at_county(user, chosen):
                # Not (or no longer) one of its counties: back to the first of them.
                del request.session[SESSION_KEY]
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            # Read by campaign.selectors.campaign_for, which ignores a choice not of the county.
            user._campaigns_chosen = request.session.get(CAMPAIGN_KEY, {})
        return self.get_response(request)


class PasswordFirstMiddleware:
    """A user who logged in with a one-time code has no password of its own yet: every page
    but setting one (and logging out) sends it there first."""

    ALLOWED = ("password_set", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.has_usable_password():
            if request.path not in {reverse(name) for name in self.ALLOWED}:
                return redirect("password_set")
        return self.get_response(request)
