"""reverse() for the addresses a page links to many times over."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=512)
def _reversed(name: str, prefix: str, urlconf: str) -> str:  # prefix: part of the key
    return reverse(name, urlconf=urlconf)


def url_of(name: str) -> str:
    """reverse(name) for a URL without arguments, once per name, script prefix and URLconf:
    the navigation bar, a progress table or a dashboard ask for hundreds of links to a
    handful of pages, and Django's reverse costs as much as the rest of such a link. Keyed on
    everything reverse reads, so nothing goes stale."""
    return _reversed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
