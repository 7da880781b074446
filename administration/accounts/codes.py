"""One-time login codes: eight characters a clerk can read off a slip and type without
mistaking one for another (no 0/O, 1/I/L), kept only as a hash, valid a few days
(settings.ONE_TIME_CODE_DAYS), used once; a new code voids the one before."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils import timezone

from administration.models import OneTimeCode

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8


class CodeHasher(PBKDF2PasswordHasher):
    """Fewer rounds than a password's: a code is random (31^8, some 40 bits), lives a few days
    and is guessed online only under the lockout, while a sheet of accounts hashes one code per
    row in one request."""

    iterations = 100_000


HASHER = CodeHasher()


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """As the slip prints it: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def normalised(typed: str) -> str:
    """What the user typed, as it was issued: capitals, no spaces or dashes."""
    return "".join(ch for ch in (typed or "").upper() if ch not in " -\t")


def code_issue(*, account, by, reason: str) -> tuple[OneTimeCode, str]:
    """Issues a new code for the account, voiding any open one; returns the row and the code,
    which the caller shows once and keeps nowhere. Call inside the caller's transaction."""
    now = timezone.now()
    OneTimeCode.objects.filter(user=account, used_at__isnull=True, voided_at__isnull=True).update(
        voided_at=now
    )
    code = new_code()
    row = OneTimeCode.objects.create(
        user=account,
        code_hash=HASHER.encode(code, HASHER.salt()),
        reason=reason,
        issued_at=now,
        issued_by=by,
        valid_until=now + timedelta(days=settings.ONE_TIME_CODE_DAYS),
    )
    return row, code


def code_redeem(*, account, typed: str) -> bool:
    """True, and the code spent, when typed is the account's open code."""
    typed = normalised(typed)
    if len(typed) != LENGTH:
        return False
    row = OneTimeCode.objects.live().filter(user=account).first()
    if row is None or not HASHER.verify(typed, row.code_hash):
        return False
    spent = OneTimeCode.objects.live().filter(pk=row.pk).update(used_at=timezone.now())
    return spent == 1  # two logins racing with one code: only one wins


def code_void(*, account) -> None:
    OneTimeCode.objects.filter(user=account, used_at__isnull=True, voided_at__isnull=True).update(
        voided_at=timezone.now()
    )


def open_code(account) -> OneTimeCode | None:
    return OneTimeCode.objects.live().filter(user=account).first()
