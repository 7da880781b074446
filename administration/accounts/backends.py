from administration.accounts.codes import code_redeem
from campaign.backends import UnitAwareBackend
from campaign.models import User


class OneTimeCodeBackend(UnitAwareBackend):
    """Logs in with a one-time code typed where the password goes. django-axes checks the
    lockout before any backend runs and counts a wrong code as it counts a wrong password,
    since a failed login reaches it the same way whichever backend refused it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        user = User.objects.filter(username=username).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        return user if code_redeem(account=user, typed=password) else None
