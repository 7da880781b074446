"""url_of(name) answers what reverse(name) answers, once per name, and follows everything
reverse() reads: the URLconf in force and the script prefix the app is served under."""

from django.test.utils import override_settings
from django.urls import reverse, set_script_prefix, set_urlconf

from campaign.reversing import url_of

MOUNTED = "tests.campaign.mounted_urls"


def test_it_answers_what_reverse_answers():
    for name in ("home", "reports:progress", "grievances:ledger", "outreach:households"):
        assert url_of(name) == reverse(name)


def test_it_follows_the_script_prefix():
    before = url_of("reports:progress")
    set_script_prefix("/shuangyong/")
    try:
        assert url_of("reports:progress") == "/shuangyong" + before
        assert url_of("reports:progress") == reverse("reports:progress")
    finally:
        set_script_prefix("/")
    assert url_of("reports:progress") == before


def test_it_follows_the_urlconf_in_force():
    plain = url_of("reports:progress")
    with override_settings(ROOT_URLCONF=MOUNTED):
        assert url_of("reports:progress") == "/mounted" + plain
    assert url_of("reports:progress") == plain
    set_urlconf(MOUNTED)  # a request's own URLconf (request.urlconf)
    try:
        assert url_of("reports:progress") == "/mounted" + plain
    finally:
        set_urlconf(None)
