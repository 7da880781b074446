"""The history of an account: who changed its unit, flags or state, and when. The password
hash and the last login are never copied into it; a save that touches only those (every login
stamps last_login) records nothing unless it gives its reason (a password reset does), so the
history holds changes, not visits."""

from simple_history.models import HistoricalRecords

UNRECORDED = ("password", "last_login")


class AccountHistory(HistoricalRecords):
    def __init__(self, **kwargs):
        super().__init__(excluded_fields=list(UNRECORDED), **kwargs)

    def post_save(self, instance, created, using=None, **kwargs):
        fields = kwargs.get("update_fields")
        if (
            not created
            and fields is not None
            and set(fields) <= set(UNRECORDED)
            and not getattr(instance, "_change_reason", None)
        ):
            return
        super().post_save(instance, created, using=using, **kwargs)
