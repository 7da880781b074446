"""The survey app on a clerk's phone: its page, the worklist it downloads, where it sends the
visits recorded offline, and the service worker and manifest that make it installable."""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.generic import TemplateView, View

from campaign.mixins import AllowedMixin
from outreach import access
from outreach.fieldwork import sync
from outreach.fieldwork.strings import app_strings
from outreach.fieldwork.worklist import WORKLIST_VERSION, worklist_for

SCOPE = "/outreach/survey/"
# What the phone keeps to open the app without signal (the page itself is added).
SHELL_STATIC = [
    "vendor/bootstrap/bootstrap.min.css",
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "css/app.css",
    "js/bell.js",
    "js/survey/store.js",
    "js/survey/app.js",
    "js/survey/register.js",
    "js/survey/logout.js",
    "img/survey-icon.svg",
]


class SurveyMixin(AllowedMixin):
    allowed = access.surveys_offline


class SurveyAppView(SurveyMixin, TemplateView):
    template_name = "outreach/survey/app.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        config = {
            "database": f"survey-{user.pk}",
            "worklistUrl": reverse("outreach:survey_worklist"),
            "sendUrl": reverse("outreach:survey_send"),
            "workerUrl": reverse("outreach:survey_worker"),
            "scope": SCOPE,
            "maxAgeDays": settings.SURVEY_WORKLIST_DAYS,
            "batch": 100,
            "worklistVersion": WORKLIST_VERSION,
            "strings": app_strings(),
        }
        return super().get_context_data(survey_config=config, **kwargs)


@method_decorator(gzip_page, name="dispatch")
class WorklistView(SurveyMixin, View):
    def get(self, request):
        # Chinese as itself, not \u escapes: half the bytes on a slow line.
        response = JsonResponse(
            worklist_for(user=request.user), json_dumps_params={"ensure_ascii": False}
        )
        response["Cache-Control"] = "no-store"
        return response


class SendView(SurveyMixin, View):
    def post(self, request):
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            return _bad_request(_("The visits sent could not be read; nothing was recorded."))
        visits = payload.get("visits") if isinstance(payload, dict) else None
        if not isinstance(visits, list):
            return _bad_request(_("The visits sent could not be read; nothing was recorded."))
        if len(visits) > sync.MAX_VISITS:
            return _bad_request(
                _("At most %(max)s visits can be sent at once; nothing was recorded.")
                % {"max": sync.MAX_VISITS}
            )
        results = sync.visits_receive(user=request.user, sent=visits)
        counts = {
            status: sum(1 for r in results if r["status"] == status)
            for status in (sync.RECORDED, sync.ALREADY, sync.REFUSED)
        }
        return JsonResponse({"results": results, "counts": counts})


def _bad_request(message):
    return JsonResponse({"error": message}, status=400)


def shell_urls() -> list[str]:
    return [SCOPE] + [static(path) for path in SHELL_STATIC]


class WorkerView(View):
    """The service worker, served from inside the app's scope. It holds no one's data, so it
    is served to anyone: a browser checks it for updates whether or not its session lasts."""

    def get(self, request):
        urls = shell_urls()
        version = hashlib.sha256("\n".join(urls).encode()).hexdigest()[:12]
        # The cache's name changes with the files' (hashed) names, so a new release is fetched.
        body = render_to_string(
            "outreach/survey/worker.js",
            {"version": version, "shell": json.dumps(urls), "app": json.dumps(SCOPE)},
        )
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
        response["Service-Worker-Allowed"] = SCOPE
        response["Cache-Control"] = "no-cache"
        return response


class ManifestView(View):
    def get(self, request):
        manifest = {
            "name": _("Double-support survey"),
            "short_name": _("Double-support survey"),
            "start_url": SCOPE,
            "scope": SCOPE,
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#dc3545",
            "lang": "zh-CN",
            "icons": [
                {
                    "src": static("img/survey-icon.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "any",
                }
            ],
        }
        return HttpResponse(
            json.dumps(manifest, ensure_ascii=False),
            content_type="application/manifest+json; charset=utf-8",
        )
