from django.contrib.auth.backends import ModelBackend

from campaign.models import User


class UnitAwareBackend(ModelBackend):
    """Loads the signed-in user with its unit, which every page's access checks read."""

    def get_user(self, user_id):
        user = User.objects.select_related("unit__area").filter(pk=user_id).first()
        return user if user and self.user_can_authenticate(user) else None
