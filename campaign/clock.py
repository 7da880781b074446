from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """The campaign's today: the real local date unless the deployment pins one (TODAY=…)."""
    return settings.SHUANGYONG_TODAY or timezone.localdate()
