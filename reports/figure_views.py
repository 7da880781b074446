"""What a figure counts: the records behind each number on the report pages, reached through
each model's visible_to(user) like every other list. The conditions are the same ones the
figures are computed with (reports.selectors.case_measures)."""

import re

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from campaign import clock
from campaign.models import FiveOnesItem, Inspection, Unit
from campaign.selectors import campaign_for, topics_of, workstreams_of
from grievances.models import Case, Status
from grievances.selectors import with_flags
from outreach.models import Activity, Finding
from reports import access
from reports.selectors import (
    AMONG,
    PROGRESS_KINDS,
    Period,
    among_q,
    campaign_years,
    case_measures,
    counted_in,
    default_year,
)


def counted_units(year: int):
    """The townships and member units the year's progress counts (merged ones included)."""
    return Unit.objects.filter(kind__in=PROGRESS_KINDS).filter(counted_in(year))


MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MEASURE_LABELS = {
    "registered": gettext_lazy("registered"),
    "unassigned": gettext_lazy("not yet assigned"),
    "open": gettext_lazy("still being handled"),
    "resolved": gettext_lazy("resolved, awaiting closing off"),
    "closed": gettext_lazy("closed off"),
    "overdue": gettext_lazy("overdue"),
    "on_time": gettext_lazy("closed on time"),
    "carried_over": gettext_lazy("carried over"),
}
AMONG_LABELS = {
    "registered": gettext_lazy("registered in the year"),
    "carried_in": gettext_lazy("carried in from earlier years"),
    "in_hand": gettext_lazy("in hand during the year"),
}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _month(value):
    """A month parameter (2015-06): none, or a real month; anything else is a bad link."""
    if not value:
        return None
    match = MONTH.match(value)
    if not match or not 1 <= int(match[2]) <= 12:
        raise Http404
    return int(match[1]), int(match[2])


class FigureListView(LoginRequiredMixin, ListView):
    paginate_by = 50
    year_scoped = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.can_read_progress(request.user):
            raise Http404
        self.today = clock.today()
        self.campaign = campaign_for(request.user)
        years = campaign_years(self.campaign, self.today)
        year = _int(request.GET.get("year"))
        self.year = year if year in years else default_year(self.campaign, self.today)
        self.params = request.GET
        self.described = []  # what the filter selects, for the heading
        return super().dispatch(request, *args, **kwargs)

    def unit_param(self, name: str) -> Unit | None:
        pk = _int(self.params.get(name))
        if pk is None:
            return None
        unit = Unit.objects.visible_to(self.request.user).filter(pk=pk).first()
        if unit is None:
            raise Http404
        self.described.append(unit.name)
        return unit

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        described = [str(d) for d in self.described]
        if self.year_scoped:
            described.insert(0, _("%(year)s") % {"year": self.year})
        return {**context, "year": self.year, "described": described, "query": self.query()}

    def query(self) -> str:
        params = self.params.copy()
        params.pop("page", None)
        return params.urlencode()


class CaseFigureView(FigureListView):
    template_name = "reports/counted_cases.html"

    def get_queryset(self):
        params = self.params
        period = Period(year=self.year, today=self.today, campaign=self.campaign)
        among = params.get("among", "registered")
        if among not in AMONG:
            raise Http404
        rows = (
            Case.objects.visible_to(self.request.user)
            .filter(campaign=self.campaign)
            .filter(among_q(among, self.year))
        )
        self.described.append(AMONG_LABELS[among])
        measure = params.get("measure", "registered")
        measures = case_measures(period)
        if measure not in measures:
            raise Http404
        rows = rows.filter(measures[measure])
        if measure != "registered":  # "registered" is every case of the set
            self.described.append(MEASURE_LABELS[measure])
        if lead := self.unit_param("lead_unit"):
            rows = rows.filter(lead_unit=lead)
        if params.get("led") == "yes":
            rows = rows.filter(lead_unit__in=counted_units(self.year))
            self.described.append(_("led by a township or member unit"))
        if township := self.unit_param("township"):
            rows = rows.filter(township=township)
        if topic_pk := _int(params.get("topic")):
            topic = topics_of(self.campaign).filter(pk=topic_pk).first()
            if topic is None:
                raise Http404
            rows = rows.filter(topic=topic)
            self.described.append(str(topic))
        if status := params.get("status"):
            if status not in Status.values:
                raise Http404
            rows = rows.filter(status=status)
            self.described.append(str(Status(status).label))
        for field in ("registered", "closed"):
            if month := _month(params.get(field)):
                rows = rows.filter(
                    **{f"{field}_on__year": month[0], f"{field}_on__month": month[1]}
                )
                self.described.append(params[field])
        return with_flags(
            rows.select_related("topic", "township", "lead_unit", "household", "garrison"),
            today=self.today,
            campaign=self.campaign,
        ).order_by("year", "sequence")


class FindingFigureView(FigureListView):
    """Problems found by the year's survey: findings that need action."""

    template_name = "reports/counted_findings.html"

    def get_queryset(self):
        rows = Finding.objects.visible_to(self.request.user).filter(
            needs_action=True, visit__campaign=self.campaign, visit__visited_on__year=self.year
        )
        self.described.append(_("problems found"))
        if topic_pk := _int(self.params.get("topic")):
            topic = topics_of(self.campaign).filter(pk=topic_pk).first()
            if topic is None:
                raise Http404
            rows = rows.filter(topic=topic)
            self.described.append(str(topic))
        if township := self.unit_param("township"):
            rows = rows.filter(visit__township=township)
        return rows.select_related(
            "topic", "visit__township", "visit__household", "visit__garrison", "case_link__case"
        ).order_by("visit__visited_on", "pk")


class ActivityFigureView(FigureListView):
    template_name = "reports/counted_activities.html"

    def get_queryset(self):
        params = self.params
        rows = Activity.objects.visible_to(self.request.user).filter(
            campaign=self.campaign, held_on__year=self.year
        )
        self.described.append(_("activities"))
        if unit := self.unit_param("unit"):
            rows = rows.filter(organiser=unit)
        if params.get("led") == "yes":
            rows = rows.filter(organiser__in=counted_units(self.year))
            self.described.append(_("held by a township or member unit"))
        if workstream_pk := _int(params.get("workstream")):
            workstream = workstreams_of(self.campaign).filter(pk=workstream_pk).first()
            if workstream is None:
                raise Http404
            rows = rows.filter(workstream=workstream)
            self.described.append(str(workstream))
        if month := _month(params.get("month")):
            rows = rows.filter(held_on__year=month[0], held_on__month=month[1])
            self.described.append(params["month"])
        return rows.select_related("organiser", "workstream", "kind").order_by("held_on", "pk")


class FiveOnesFigureView(FigureListView):
    template_name = "reports/counted_five_ones.html"
    year_scoped = False

    def get_queryset(self):
        rows = FiveOnesItem.objects.visible_to(self.request.user).filter(
            campaign=self.campaign, unit__in=counted_units(self.year)
        )
        self.described.append(_("五个一 items"))
        if unit := self.unit_param("unit"):
            rows = rows.filter(unit=unit)
        if self.params.get("status") in FiveOnesItem.Status.values:
            rows = rows.filter(status=self.params["status"])
            self.described.append(str(FiveOnesItem.Status(self.params["status"]).label))
        return rows.select_related("unit").order_by("unit__code", "item")


class InspectionFigureView(FigureListView):
    template_name = "reports/counted_inspections.html"

    def get_queryset(self):
        rows = Inspection.objects.visible_to(self.request.user).filter(
            campaign=self.campaign, inspected_on__year=self.year
        )
        self.described.append(_("inspections"))
        if unit := self.unit_param("unit"):
            rows = rows.filter(unit=unit)
        return rows.select_related("unit", "rating").order_by("inspected_on", "pk")
