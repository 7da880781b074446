from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OneTimeCodeQuerySet(models.QuerySet):
    def live(self, now=None):
        """Codes that still open the account: not used, not replaced, not expired."""
        now = now or timezone.now()
        return self.filter(used_at__isnull=True, voided_at__isnull=True, valid_until__gt=now)


class OneTimeCode(models.Model):
    """A code an administrator gives a new user, or a user whose password was reset, to log in
    once and set its own password. Only its hash is kept: the code itself is shown once, on the
    slip, and stored nowhere."""

    class Reason(models.TextChoices):
        NEW_ACCOUNT = "new_account", _("new account")
        RESET = "reset", _("password reset")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="one_time_codes",
        verbose_name=_("account"),
    )
    code_hash = models.CharField(max_length=128)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    valid_until = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)

    objects = OneTimeCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("one-time login code")
        verbose_name_plural = _("one-time login codes")
        ordering = ["-issued_at"]
        constraints = [
            # A new code voids the one before: at most one code is open per account.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(used_at__isnull=True, voided_at__isnull=True),
                name="administration_onetimecode_one_open_per_user",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.issued_at:%Y-%m-%d %H:%M}"
