from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from campaign import clock
from campaign.models import Unit
from campaign.selectors import campaign_for, timeline
from jobs.services import start as start_job
from reports import access, links, services
from reports.charts import chart_configs
from reports.figures import GRADE_LABELS, INDICATOR_LABELS, INDICATOR_NOTES, summary_rows
from reports.forms import ItemForm, SchemeForm
from reports.jobs import YEAREND
from reports.ledger import changes_after_sign_off
from reports.models import AssessmentItem
from reports.report import YearReport
from reports.selectors import campaign_years, default_year
from reports.special_action_views import actions_by_topic


def progress_columns():
    return [
        ("name", _("Unit")),
        ("households", _("Households registered")),
        ("visited_pct", _("Share visited")),
        ("cases", _("Registered in the year")),
        ("carried_in", _("Carried in")),
        ("in_hand", _("In hand")),
        ("closed", _("Closed off")),
        ("overdue", _("Overdue")),
        ("on_time_pct", _("On-time rate")),
        ("avg_workdays", _("Average working days to close")),
        ("activities", _("Activities held")),
        ("five_ones", _("五个一 in place")),
    ]


PROGRESS_SORTS = [
    "name",
    "households",
    "visited_pct",
    "cases",
    "carried_in",
    "in_hand",
    "closed",
    "overdue",
    "on_time_pct",
    "avg_workdays",
    "activities",
    "five_ones",
]
# Columns where a larger figure is worse: their first click puts the worst unit on top.
WORST_FIRST = {"carried_in", "overdue", "avg_workdays"}


def sort_headers(columns, sort: str) -> list[dict]:
    """Each column's header: its label, the sort its link asks for (a first click sorts
    descending where larger is worse, ascending elsewhere; a second click reverses), and the
    arrow showing the current sort."""
    headers = []
    for key, label in columns:
        header = {"key": key, "label": label, "sort": None, "arrow": ""}
        if key in PROGRESS_SORTS:
            first = f"-{key}" if key in WORST_FIRST else key
            second = key if key in WORST_FIRST else f"-{key}"
            header["sort"] = second if sort == first else first
            header["arrow"] = {key: "▲", f"-{key}": "▼"}.get(sort, "")
        headers.append(header)
    return headers


class CountyMixin(LoginRequiredMixin):
    """The county's figures: office and leaders. Other units have nothing here (404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_read_county(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OfficeMixin(CountyMixin):
    """What only the office changes: a read-only leader is refused (403)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and access.can_read_county(user) and not access.can_manage(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class YearMixin:
    """The year a page is about: ?year= (or the URL's year) within the campaign's years."""

    _report = None
    # The report sections the page reads from the kept figures (reports.kept).
    kept_sections: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        # Looked up here, after the role checks of the mixins before this one, so a refused
        # request costs no queries.
        self.today = clock.today()
        self.campaign = campaign_for(request.user)
        if self.campaign is None:
            raise Http404  # no plan loaded for this county yet
        self.years = campaign_years(self.campaign, self.today)
        year = kwargs.get("year") or request.GET.get("year")
        if year in (None, ""):
            self.year = default_year(self.campaign, self.today)
        else:
            try:
                self.year = int(year)
            except ValueError:
                raise Http404 from None
        if self.year not in self.years:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def report(self) -> YearReport:
        if self._report is None:
            self._report = YearReport.load(
                self.year,
                campaign=self.campaign,
                today=self.today,
                kept_sections=self.kept_sections,
            )
        return self._report

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year,
            years=self.years,
            report=self.report,
            can_manage=access.can_manage(self.request.user),
            **kwargs,
        )


class DashboardView(CountyMixin, YearMixin, TemplateView):
    template_name = "reports/dashboard.html"
    kept_sections = ("summary", "charts")

    def get_context_data(self, **kwargs):
        report = self.report
        figures = report.section("summary")
        year = self.year
        headline = [
            (_("Households registered"), figures["households"], "", links.households()),
            (
                _("Survey coverage"),
                figures["visited_pct"],
                "%",
                links.households(visited="yes"),
            ),
            (_("Cases registered"), figures["registered"], "", links.cases(year)),
            (
                _("Carried in from earlier years"),
                figures.get("carried_in"),
                "",
                links.cases(year, among="carried_in"),
            ),
            (
                _("Cases in hand"),
                figures.get("in_hand"),
                "",
                links.cases(year, among="in_hand"),
            ),
            (
                _("Closed off (of those in hand)"),
                figures["closed"],
                "",
                links.cases(year, among="in_hand", measure="closed"),
            ),
            (
                _("Overdue (of those in hand)"),
                figures["overdue"],
                "",
                links.cases(year, among="in_hand", measure="overdue"),
            ),
            (
                _("Closed on time"),
                figures["on_time_pct"],
                "%",
                links.cases(year, among="in_hand", measure="on_time"),
            ),
            (_("Activities held"), figures["activities"], "", links.activities(year)),
            (_("Money spent (yuan)"), figures["amount"], "", links.activities(year)),
        ]
        return super().get_context_data(
            timeline=timeline(today=self.today, campaign=self.campaign),
            headline=[
                {"key": key, "label": label, "value": value, "suffix": suffix, "url": url}
                for key, (label, value, suffix, url) in zip(
                    [
                        "households",
                        "visited_pct",
                        "registered",
                        "carried_in",
                        "in_hand",
                        "closed",
                        "overdue",
                        "on_time_pct",
                        "activities",
                        "amount",
                    ],
                    headline,
                    strict=True,
                )
            ],
            summary=figures,
            summary_rows=summary_rows(),
            charts=chart_configs(report),
            changes=_change_count(report),
            **kwargs,
        )


def _change_count(report: YearReport) -> int:
    return changes_after_sign_off(report.sign_off).count() if report.frozen else 0


class ProgressView(LoginRequiredMixin, YearMixin, TemplateView):
    """A row per township and member unit with the county's total row. A township or member
    unit reads its own row and the totals only."""

    template_name = "reports/progress.html"
    kept_sections = ("progress",)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_read_progress(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        data = self.report.section("progress")
        rows = [
            {**row, "links": links.progress_links(self.year, row)}
            for row in access.progress_rows_for(user, data["rows"])
        ]
        sort = self.request.GET.get("sort", "")
        key = sort.removeprefix("-")
        if key in PROGRESS_SORTS:
            # Units without the figure (no households, nothing closed) sort last either way.
            # (A year signed off before a figure existed has none for it either.)
            present = [r for r in rows if r.get(key) is not None]
            absent = [r for r in rows if r.get(key) is None]
            rows = sorted(present, key=lambda r: r[key], reverse=sort.startswith("-")) + absent
        else:
            sort = ""
        total = {**data["total"], "links": links.progress_links(self.year, {}, total=True)}
        return super().get_context_data(
            rows=rows,
            total=total,
            sort=sort,
            headers=sort_headers(progress_columns(), sort),
            column_labels=dict(progress_columns()),
            county_view=access.can_read_county(user),
            **kwargs,
        )


class SpecialActionsView(CountyMixin, YearMixin, TemplateView):
    template_name = "reports/special_actions.html"

    def get_context_data(self, **kwargs):
        data = self.report.section("special_actions")
        year = self.year
        records = actions_by_topic(self.request.user, self.campaign)
        rows = [
            {
                **row,
                "action": records.get(row["topic_id"]),
                "links": {
                    "found": links.findings(year, topic=row["topic_id"]),
                    "on_ledger": links.cases(year, topic=row["topic_id"]),
                    "solved": links.cases(year, topic=row["topic_id"], measure="closed"),
                    "carried_over": links.cases(
                        year, topic=row["topic_id"], measure="carried_over"
                    ),
                },
            }
            for row in data["rows"]
        ]
        total_links = {
            "found": links.findings(year),
            "on_ledger": links.cases(year),
            "solved": links.cases(year, measure="closed"),
            "carried_over": links.cases(year, measure="carried_over"),
        }
        return super().get_context_data(
            rows=rows, total=data["total"], total_links=total_links, **kwargs
        )


class AssessmentView(CountyMixin, YearMixin, TemplateView):
    template_name = "reports/assessment.html"

    def get_context_data(self, **kwargs):
        data = self.report.section("assessment")
        groups = []
        for kind in [Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]:
            rows = sorted(
                (r for r in data["rows"] if r["kind"] == kind),
                key=lambda r: (r["rank"] is None, r["rank"] or 0, r["name"]),
            )
            groups.append({"kind": kind.label, "rows": rows})
        return super().get_context_data(
            groups=groups,
            weights=data["weights"],
            target=data["activities_target"],
            indicators=INDICATOR_LABELS,
            grades=GRADE_LABELS,
            **kwargs,
        )


class SchemeEditView(OfficeMixin, YearMixin, FormView):
    template_name = "reports/assessment_weights.html"
    form_class = SchemeForm

    def _signed_off(self):
        messages.error(
            self.request,
            _("%(year)s has been signed off; its assessment can no longer change.")
            % {"year": self.year},
        )
        return HttpResponseRedirect(links.reverse_with("reports:assessment", year=self.year))

    def get(self, request, *args, **kwargs):
        if self.report.frozen:
            return self._signed_off()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.report.frozen:
            return self._signed_off()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        from reports.assessment import scheme_for

        return {**super().get_form_kwargs(), "instance": scheme_for(self.campaign, self.year)}

    def form_valid(self, form):
        try:
            services.scheme_update(
                user=self.request.user,
                campaign=self.campaign,
                year=self.year,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The weights are saved."))
        return HttpResponseRedirect(links.reverse_with("reports:assessment", year=self.year))


class AssessmentUnitView(CountyMixin, YearMixin, FormView):
    """One unit's assessment: each indicator with what it counts, and the office's items."""

    template_name = "reports/assessment_unit.html"
    form_class = ItemForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.unit_pk = kwargs["unit_pk"]

    def get_row(self):
        rows = self.report.section("assessment")["rows"]
        row = next((r for r in rows if r["unit_id"] == self.unit_pk), None)
        if row is None:
            raise Http404
        return row

    def post(self, request, *args, **kwargs):
        if not access.can_manage(request.user):
            raise PermissionDenied
        if self.report.frozen:
            messages.error(
                request,
                _("%(year)s has been signed off; its assessment can no longer change.")
                % {"year": self.year},
            )
            return HttpResponseRedirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        unit = get_object_or_404(
            Unit.objects.visible_to(self.request.user).filter(
                kind__in=[Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER]
            ),
            pk=self.unit_pk,
        )
        try:
            services.assessment_item_add(
                user=self.request.user,
                campaign=self.campaign,
                year=self.year,
                unit=unit,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The item is recorded."))
        return HttpResponseRedirect(self.request.path)

    def get_context_data(self, **kwargs):
        row = self.get_row()
        data = self.report.section("assessment")
        year, unit = self.year, row["unit_id"]
        township = row["kind"] == Unit.Kind.TOWNSHIP
        counted = {
            "on_time": [
                (
                    _("closed on time"),
                    row["indicators"]["on_time"]["on_time"],
                    links.cases(year, among="in_hand", lead_unit=unit, measure="on_time"),
                ),
                (
                    _("closed off"),
                    row["indicators"]["on_time"]["closed"],
                    links.cases(year, among="in_hand", lead_unit=unit, measure="closed"),
                ),
                (
                    _("overdue"),
                    row["indicators"]["on_time"]["overdue"],
                    links.cases(year, among="in_hand", lead_unit=unit, measure="overdue"),
                ),
            ],
            "coverage": [
                (
                    _("households"),
                    row["indicators"]["coverage"]["households"],
                    links.households(township=unit),
                ),
                (
                    _("visited"),
                    row["indicators"]["coverage"]["visited"],
                    links.households(township=unit, visited="yes"),
                ),
            ]
            if township
            else [],
            "five_ones": [
                (
                    _("in place"),
                    row["indicators"]["five_ones"]["done"],
                    links.five_ones(unit=unit, status="done"),
                ),
            ],
            "activities": [
                (
                    _("held"),
                    row["indicators"]["activities"]["held"],
                    links.activities(year, unit=unit),
                ),
            ],
            "inspections": [
                (
                    _("inspections"),
                    row["indicators"]["inspections"]["count"],
                    links.inspections(year, unit=unit),
                ),
            ],
        }
        indicators = [
            {
                "key": key,
                "label": label,
                "note": INDICATOR_NOTES[key],
                "weight": data["weights"][key],
                "score": row["indicators"][key]["score"],
                "counted": counted[key],
            }
            for key, label in INDICATOR_LABELS.items()
        ]
        items = [i for i in data["items"] if i["unit_id"] == unit]
        return super().get_context_data(
            row=row,
            indicators=indicators,
            items=items,
            item_kinds=dict(AssessmentItem.Kind.choices),
            grades=GRADE_LABELS,
            may_change=access.can_manage(self.request.user) and not self.report.frozen,
            **kwargs,
        )


class ItemDeleteView(OfficeMixin, View):
    def post(self, request, pk):
        item = get_object_or_404(
            AssessmentItem.objects.visible_to(request.user).select_related("campaign"), pk=pk
        )
        try:
            services.assessment_item_delete(user=request.user, item=item)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The item is removed."))
        return HttpResponseRedirect(
            reverse("reports:assessment_unit", args=[item.year, item.unit_id])
        )


class YearEndView(CountyMixin, YearMixin, TemplateView):
    template_name = "reports/yearend.html"
    changes_shown = 500

    def get_context_data(self, **kwargs):
        report = self.report
        changes = changes_after_sign_off(report.sign_off)
        shown = list(changes[: self.changes_shown + 1])
        return super().get_context_data(
            changes=shown[: self.changes_shown],
            more_changes=len(shown) > self.changes_shown,
            change_count=changes.count() if report.frozen else 0,
            **kwargs,
        )


class WorkbookView(CountyMixin, YearMixin, View):
    """Asks for the year's workbook: a job writes it, and its page shows the progress."""

    http_method_names = ["post"]

    def post(self, request, year):
        job = start_job(
            user=request.user,
            kind=YEAREND,
            title=_("%(year)s year-end workbook") % {"year": self.year},
            params={"campaign": self.campaign.pk, "year": self.year},
        )
        return HttpResponseRedirect(job.get_absolute_url())


class SignOffView(OfficeMixin, YearMixin, View):
    def post(self, request, year):
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the sign-off."))
            return HttpResponseRedirect(links.reverse_with("reports:yearend", year=self.year))
        try:
            services.year_sign_off(
                user=request.user, campaign=self.campaign, year=self.year, today=self.today
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(year)s is signed off; its figures are frozen.") % {"year": year}
            )
        return HttpResponseRedirect(links.reverse_with("reports:yearend", year=self.year))
