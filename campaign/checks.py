"""The field keys are read once at start-up so a malformed FIELD_KEYS, FIELD_HASH_KEY or
FIELD_CIPHER stops `manage.py check` (and every command) instead of the first page that
shows a number."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from campaign import crypto


@register()
def field_keys(app_configs, **kwargs):
    try:
        crypto.keyring()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="campaign.E001")]
    return []
