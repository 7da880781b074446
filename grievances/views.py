from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View
from django_filters.views import FilterView

from campaign import access as rule
from campaign import clock, watermark
from campaign.mixins import AllowedMixin, ServiceFormMixin
from campaign.models import InspectionFinding
from campaign.selectors import campaign_for, topics_of
from grievances import access, forms, queues, services
from grievances.filters import IntakeFilter, LedgerFilter, ledger_filter
from grievances.jobs import LEDGER_EXPORT, log_ledger_export
from grievances.models import Case, CaseEvent
from grievances.pagination import IdsFirstPaginator
from grievances.selectors import ledger_rows
from jobs.services import start as start_job
from outreach.models import Finding, Household, IdNumberView
from outreach.services import log_personal_file, persons_of_households


class LedgerScopeMixin(LoginRequiredMixin):
    """The ledger as this user may see it, filtered by the request's query string."""

    def ledger_filter(self):
        request = self.request
        return ledger_filter(request.user, request.GET, today=clock.today(), request=request)


class LedgerView(LedgerScopeMixin, FilterView):
    filterset_class = LedgerFilter
    template_name = "grievances/ledger.html"
    paginate_by = 25
    paginator_class = IdsFirstPaginator

    def get_filterset(self, filterset_class):
        return self.ledger_filter()

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_register=access.can_register(user),
            concludes_campaigns=rule.concludes_campaigns(user),
            query=self.request.GET.urlencode(),
            **kwargs,
        )


class LedgerPrintView(LedgerScopeMixin, TemplateView):
    """The paper ledger's layout (A4 landscape), a few hundred rows to a printed batch: the
    sheet says which batch of how many and links to the others."""

    template_name = "grievances/ledger_print.html"
    per_batch = 500

    def get_context_data(self, **kwargs):
        rows = self.ledger_filter().qs.prefetch_related(
            Prefetch(
                "events",
                queryset=CaseEvent.objects.filter(kind=CaseEvent.Kind.PROGRESS).order_by("-at"),
                to_attr="progress_events",
            )
        )
        page = IdsFirstPaginator(rows, self.per_batch).get_page(self.request.GET.get("page"))
        log_personal_file(
            user=self.request.user,
            kind=IdNumberView.Kind.EXPORT,
            source=IdNumberView.Source.LEDGER_PRINT,
            person_ids=persons_of_households([c.household_id for c in page.object_list]),
            count=len(page.object_list),
        )
        return super().get_context_data(
            rows=page.object_list,
            page_obj=page,
            campaign=campaign_for(self.request.user),
            today=clock.today(),
            **kwargs,
        )


class LedgerExportView(LedgerScopeMixin, View):
    """The filtered ledger as a workbook: written in the request up to JOBS_INLINE_ROWS rows;
    past that the page offers to write it in the background (a POST starts the job)."""

    def get(self, request):
        from grievances.export import ledger_workbook_response

        rows = self.ledger_filter().qs
        count = rows.count()
        if count > settings.JOBS_INLINE_ROWS:
            return render(
                request,
                "grievances/ledger_export_job.html",
                {"count": count, "query": request.GET.urlencode()},
            )
        log_ledger_export(request.user, rows, count)
        return ledger_workbook_response(
            rows, today=clock.today(), reader=watermark.export_line(request.user)
        )

    def post(self, request):
        job = start_job(
            user=request.user,
            kind=LEDGER_EXPORT,
            title=_("Problem ledger export"),
            params={"query": request.GET.urlencode()},
        )
        return HttpResponseRedirect(job.get_absolute_url())


class InboxView(LoginRequiredMixin, ListView):
    """What waits for this user, one queue at a time, most urgent first; each queue's count is
    the number of rows its list holds."""

    template_name = "grievances/inbox.html"
    context_object_name = "cases"
    paginate_by = 25

    def get_queryset(self):
        user = self.request.user
        self.today = clock.today()
        self.counts = queues.counts(user, self.today)
        self.queue = queues.queue_named(user, self.request.GET.get("queue")) or next(
            (q for q in queues.queues_for(user) if self.counts[q.name]),
            next(iter(queues.queues_for(user)), None),
        )
        if self.queue is None:
            return Case.objects.none()
        lead_unit = self.request.GET.get("lead_unit", "")
        self.lead_unit = int(lead_unit) if lead_unit.isdigit() else None
        ledger = ledger_rows(user=user, today=self.today, campaign=campaign_for(user))
        return queues.rows(user, self.queue, self.today, ledger, lead_unit=self.lead_unit)

    def get_context_data(self, **kwargs):
        user = self.request.user
        by_lead_unit = []
        if self.queue and self.queue.name == "overdue" and access.reads_office_queues(user):
            by_lead_unit = queues.overdue_by_lead_unit(user, self.today)
        return super().get_context_data(
            today=self.today,
            queue=self.queue,
            chips=[(q, self.counts[q.name]) for q in queues.queues_for(user)],
            by_lead_unit=by_lead_unit,
            lead_unit=self.lead_unit if self.queue else None,
            **kwargs,
        )


class IntakeView(AllowedMixin, FilterView):
    """Survey findings that need action and are not on the ledger yet: newest first, a page at
    a time, with the true total and the count waiting under each topic."""

    template_name = "grievances/intake.html"
    allowed = access.can_register
    filterset_class = IntakeFilter
    paginate_by = 50

    def pending(self):
        return Finding.objects.visible_to(self.request.user).filter(
            needs_action=True, case_link__isnull=True
        )

    def get_queryset(self):
        return (
            self.pending()
            .select_related(
                "topic", "visit__household", "visit__garrison", "visit__township", "visit__unit"
            )
            .order_by("-visit__created_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        # Per-topic counts within the chosen township (whatever topic is chosen), one query.
        township = filterset.form.cleaned_data.get("township") if filterset.is_valid() else None
        waiting = self.pending()
        if township is not None:
            waiting = waiting.filter(visit__township=township)
        by_topic = dict(
            waiting.values_list("topic").annotate(count=Count("pk")).values_list("topic", "count")
        )
        context["topics"] = [
            (topic, by_topic.get(topic.pk, 0))
            for topic in topics_of(campaign_for(self.request.user))
        ]
        context["chooses_township"] = access.filters_by_township(self.request.user)
        context["chosen_topic"] = (
            filterset.form.cleaned_data.get("topic") if filterset.is_valid() else None
        )
        return context

    def post(self, request):
        # Back to the same page, township and topic after registering.
        here = reverse("grievances:intake") + (f"?{request.GET.urlencode()}" if request.GET else "")
        ids = {i for i in request.POST.getlist("finding") if i.isdigit()}
        if not ids:
            messages.error(request, _("Tick the findings to register first."))
            return HttpResponseRedirect(here)
        findings = list(self.pending().filter(pk__in=ids))
        if len(findings) != len(ids):
            messages.error(
                request, _("Some findings are no longer waiting; nothing was registered.")
            )
            return HttpResponseRedirect(here)
        try:
            cases = services.case_register_findings(
                user=request.user, findings=findings, merge=request.POST.get("merge") == "1"
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(here)
        messages.success(
            request,
            _("Registered on the ledger: %(numbers)s.")
            % {"numbers": "、".join(case.number for case in cases)},
        )
        if len(cases) == 1:
            return HttpResponseRedirect(cases[0].get_absolute_url())
        return HttpResponseRedirect(here)


class CaseCreateView(AllowedMixin, ServiceFormMixin, FormView):
    form_class = forms.CaseCreateForm
    template_name = "grievances/case_create.html"
    allowed = access.can_register

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        household = self.request.GET.get("household")
        if household and household.isdigit():
            found = Household.objects.visible_to(self.request.user).filter(pk=household).first()
            if found:
                initial |= {"household": found.pk, "township": found.township_id}
        return initial

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        household = None
        value = form["household"].value()
        if value:
            household = Household.objects.visible_to(self.request.user).filter(pk=value).first()
        return super().get_context_data(household=household, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        return services.case_register(
            user=self.request.user,
            topic=data["topic"],
            description=data["description"],
            source=data["source"],
            township=data["township"],
            household=data["household"],
            garrison=data["garrison"],
        )

    def success_message_for(self, case):
        return _("Case %(number)s registered.") % {"number": case.number}


def case_queryset(user):
    """One case as its page shows it. The relations every case has are joined; the subject
    and those most cases lack are prefetched, which costs no query while they are empty.
    Joining all sixteen made PostgreSQL spend longer choosing the join order than reading
    the row, and longer the more counties share the tables (bench/FINDINGS.md)."""
    return (
        Case.objects.visible_to(user)
        .select_related(
            "campaign", "topic", "township", "lead_unit", "registered_by", "registered_phase"
        )
        .prefetch_related(
            Prefetch("household", Household.objects.select_related("township")),
            "garrison",
            "subject_unit",
            Prefetch(
                "inspection_finding",
                InspectionFinding.objects.select_related("inspection__unit"),
            ),
            "closed_by",
            "leader",
            "co_units",
            "extensions",
        )
    )


class CaseEditView(LoginRequiredMixin, View):
    template_name = "grievances/case_edit.html"

    def get_case(self, request, pk):
        case = get_object_or_404(case_queryset(request.user), pk=pk)
        if not access.can(request.user, "edit", case):
            raise PermissionDenied
        return case

    def render(self, request, case, form, stale=None, status=200):
        stale_rows = []
        if stale is not None:
            stale_rows = [
                (Case._meta.get_field(field).verbose_name, *values)
                for field, values in stale.changes.items()
            ]
        return render(
            request,
            self.template_name,
            {"case": case, "form": form, "stale": stale, "stale_rows": stale_rows},
            status=status,
        )

    def get(self, request, pk):
        case = self.get_case(request, pk)
        return self.render(request, case, forms.CaseEditForm(instance=case))

    def post(self, request, pk):
        case = self.get_case(request, pk)
        # Validate against a copy so the stored case stays as it is for the comparison.
        form = forms.CaseEditForm(request.POST, instance=Case.objects.get(pk=case.pk))
        if not form.is_valid():
            return self.render(request, case, form, status=400)
        data = {name: form.cleaned_data[name] for name in forms.CaseEditForm.Meta.fields}
        try:
            services.case_edit(
                user=request.user,
                case=case,
                version=form.cleaned_data["version"],
                original=form.originals(),
                data=data,
            )
        except services.StaleCase as stale:
            return self.render(request, case, form, stale=stale, status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render(request, case, form, status=400)
        messages.success(request, _("Case saved."))
        return HttpResponseRedirect(case.get_absolute_url())


class CaseFromInspectionView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """An inspection finding put on the ledger as a rectification case."""

    form_class = forms.InspectionCaseForm
    template_name = "grievances/case_from_inspection.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.finding = get_object_or_404(
            InspectionFinding.objects.visible_to(request.user).select_related("inspection__unit"),
            pk=kwargs["finding_pk"],
        )
        if not access.can_register_from_inspection(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"description": self.finding.text}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "campaign": campaign_for(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(finding=self.finding, **kwargs)

    def perform(self, form):
        return services.case_register_from_inspection(
            user=self.request.user,
            finding=self.finding,
            topic=form.cleaned_data["topic"],
            description=form.cleaned_data["description"],
        )

    def success_message_for(self, case):
        return _("Case %(number)s registered.") % {"number": case.number}
