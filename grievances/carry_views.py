"""结转与收尾: the office's page for a campaign's open cases at its end — carry them into a
later campaign of the county (a preview shows each case's new topic and deadline, then a
confirm carries them) or close one with a reason."""

from datetime import date

import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_filters.views import FilterView

from campaign import access as rule
from campaign.filters import leading_units
from campaign.mixins import AllowedMixin
from campaign.models import Campaign
from campaign.selectors import campaign_for, topics_of
from grievances import carrying, services
from grievances.models import Case
from grievances.states import open_q


def chosen_campaign(request) -> Campaign | None:
    """The campaign whose end is being settled: ?campaign=ID of the county in view; else the
    campaign the user is looking at, or, once that one is the latest, the one before it."""
    if not hasattr(request, "_campaign_ending"):
        request._campaign_ending = _campaign_ending(request)
    return request._campaign_ending


def _campaign_ending(request) -> Campaign | None:
    campaigns = Campaign.objects.visible_to(request.user)
    value = request.GET.get("campaign", "")
    if value.isdigit():
        return get_object_or_404(campaigns, pk=value)
    current = campaign_for(request.user)
    if current is None or carrying.later_campaigns(current).exists():
        return current
    before = campaigns.filter(ends_on__lt=current.starts_on).order_by("-starts_on").first()
    return before or current


def open_cases(user, campaign):
    return (
        Case.objects.visible_to(user)
        .filter(open_q(), campaign=campaign)
        .select_related("topic", "township", "lead_unit", "household")
        .prefetch_related("garrison", "subject_unit")
        .order_by("year", "sequence")
    )


class OpenCaseFilter(django_filters.FilterSet):
    lead_unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("lead unit"), queryset=leading_units
    )
    topic = django_filters.ModelChoiceFilter(
        label=gettext_lazy("topic"),
        queryset=lambda request: topics_of(chosen_campaign(request)),
    )


class CarryOverView(AllowedMixin, FilterView):
    template_name = "grievances/carry_over.html"
    allowed = rule.concludes_campaigns
    filterset_class = OpenCaseFilter
    paginate_by = 25

    def get(self, request, *args, **kwargs):
        self.campaign = chosen_campaign(request)
        self.later = list(carrying.later_campaigns(self.campaign)) if self.campaign else []
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.later:
            return Case.objects.none()
        return open_cases(self.request.user, self.campaign)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            campaign=self.campaign,
            campaigns=Campaign.objects.visible_to(self.request.user).order_by("starts_on"),
            later=self.later,
            **kwargs,
        )


def _versions(post, ids) -> dict[int, int]:
    versions = {}
    for pk in ids:
        sent = post.get(f"version_{pk}", "")
        if sent.isdigit():
            versions[pk] = int(sent)
    return versions


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class CarryRequestMixin(AllowedMixin):
    """Reads a bulk carry's choices from the POST: the cases (or the one case of a row's own
    button), the campaign they go into, and per case the version, topic and deadline."""

    allowed = rule.concludes_campaigns

    def read(self, request):
        only = request.POST.get("only", "")
        raw = [only] if only.isdigit() else request.POST.getlist("case")
        ids = sorted({int(pk) for pk in raw if pk.isdigit()})
        self.into = get_object_or_404(
            Campaign.objects.visible_to(request.user), pk=request.POST.get("into") or 0
        )
        self.cases = list(
            Case.objects.visible_to(request.user)
            .filter(pk__in=ids)
            .select_related("campaign", "topic", "lead_unit", "township", "household")
            .prefetch_related("garrison", "subject_unit")
            .order_by("year", "sequence")
        )
        self.missing = len(self.cases) != len(ids)
        self.versions = _versions(request.POST, ids)
        topics = {str(t.pk): t for t in topics_of(self.into)}
        self.topic_for = {
            pk: topics[request.POST.get(f"topic_{pk}")]
            for pk in ids
            if request.POST.get(f"topic_{pk}") in topics
        }
        self.deadline_for = {
            pk: day for pk in ids if (day := _day(request.POST.get(f"deadline_{pk}", "")))
        }

    def preview(self, request, error=None, status=200):
        plans = carrying.carry_plans(self.cases, self.into)
        for plan in plans:
            plan.version = self.versions.get(plan.case.pk)
            plan.chosen_topic = self.topic_for.get(plan.case.pk)
            plan.chosen_deadline = self.deadline_for.get(plan.case.pk)
        return render(
            request,
            "grievances/carry_preview.html",
            {
                "into": self.into,
                "plans": plans,
                "topics": topics_of(self.into),
                "error": error,
                "back": self.back_url(),
            },
            status=status,
        )

    def back_url(self):
        url = reverse("grievances:carry_over")
        source = self.cases[0].campaign_id if self.cases else None
        return f"{url}?campaign={source}" if source else url


class CarryPreviewView(CarryRequestMixin, View):
    def post(self, request):
        self.read(request)
        if not self.cases:
            messages.error(request, _("Tick the cases to carry over first."))
            return HttpResponseRedirect(self.back_url())
        if self.missing:
            return self.preview(request, error=_("Some cases are not yours to carry."), status=400)
        return self.preview(request)


class CarryConfirmView(CarryRequestMixin, View):
    def post(self, request):
        self.read(request)
        if self.missing or not self.cases:
            return self.preview(request, error=_("Some cases are not yours to carry."), status=400)
        try:
            carried = carrying.cases_carry_over(
                user=request.user,
                cases=self.cases,
                into=self.into,
                topic_for=self.topic_for,
                deadline_for=self.deadline_for,
                versions=self.versions,
            )
        except services.ChangedMeanwhile as exc:
            # Sent again, the preview is checked against the cases as they are now.
            ids = [case.pk for case in self.cases]
            self.versions = dict(Case.objects.filter(pk__in=ids).values_list("pk", "version"))
            return self.preview(request, error=" ".join(exc.messages), status=409)
        except ValidationError as exc:
            return self.preview(request, error=" ".join(exc.messages), status=400)
        messages.success(
            request,
            _("Carried into %(campaign)s: %(numbers)s.")
            % {
                "campaign": self.into.name,
                "numbers": "、".join(f"{c.carried_from.number} → {c.number}" for c in carried),
            },
        )
        return HttpResponseRedirect(self.back_url())


class CaseCloseAtEndView(LoginRequiredMixin, View):
    """One open case closed with its campaign, with the reason."""

    template_name = "grievances/case_close_at_end.html"

    def get_case(self, request, pk):
        case = get_object_or_404(
            Case.objects.visible_to(request.user).select_related("campaign", "topic"), pk=pk
        )
        if not rule.concludes_campaigns(request.user):
            raise PermissionDenied
        return case

    def render(self, request, case, *, reason="", error=None, status=200):
        return render(
            request,
            self.template_name,
            {"case": case, "reason": reason, "error": error},
            status=status,
        )

    def get(self, request, pk):
        return self.render(request, self.get_case(request, pk))

    def post(self, request, pk):
        case = self.get_case(request, pk)
        reason = request.POST.get("reason", "")
        version = request.POST.get("version", "")
        try:
            carrying.case_close_at_campaign_end(
                user=request.user,
                case=case,
                reason=reason,
                version=int(version) if version.isdigit() else None,
            )
        except services.ChangedMeanwhile as exc:
            case = self.get_case(request, pk)  # the form again, on the case as it is now
            return self.render(request, case, reason=reason, error=exc.messages[0], status=409)
        except ValidationError as exc:
            return self.render(request, case, reason=reason, error=exc.messages[0], status=400)
        messages.success(
            request, _("Case %(number)s was closed with its campaign.") % {"number": case.number}
        )
        back = reverse("grievances:carry_over")
        return HttpResponseRedirect(f"{back}?campaign={case.campaign_id}")
