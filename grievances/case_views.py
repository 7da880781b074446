"""The case page and its workflow steps. The page lists the steps this user may take now, each
a button named for what it does; one step's form opens at a time (?action=progress), and its
submit button is named for the step too."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, View

from campaign import clock
from grievances import access, forms, services, states
from grievances.models import Case, CaseEvent, CaseFinding
from grievances.views import case_queryset
from grievances.workdays import covered


@dataclass(frozen=True)
class CaseAction:
    name: str
    label: Promise  # on the button that opens the form and on the one that submits it
    form: type[forms.ActionForm]
    run: Callable  # (user, case, cleaned data) -> the service's answer
    done: Promise


def _assign(user, case, data):
    data = {k: v for k, v in data.items() if k != "workdays"}
    return services.case_assign(user=user, case=case, **data)


# In the order a case meets them; the page offers those access.allowed_actions grants.
CASE_ACTIONS = [
    CaseAction(
        "assign",
        gettext_lazy("Assign"),
        forms.AssignForm,
        _assign,
        gettext_lazy("The case was assigned."),
    ),
    CaseAction(
        "accept",
        gettext_lazy("Accept"),
        forms.NoteForm,
        lambda user, case, data: services.case_accept(user=user, case=case, note=data["note"]),
        gettext_lazy("The case was accepted."),
    ),
    CaseAction(
        "decline",
        gettext_lazy("Decline the assignment"),
        forms.DeclineForm,
        lambda user, case, data: services.case_decline(user=user, case=case, reason=data["reason"]),
        gettext_lazy("The assignment was handed back to the county office."),
    ),
    CaseAction(
        "progress",
        gettext_lazy("Report progress"),
        forms.ProgressForm,
        lambda user, case, data: services.case_report_progress(
            user=user, case=case, on=data["on"], note=data["note"]
        ),
        gettext_lazy("The progress report was recorded."),
    ),
    CaseAction(
        "request_extension",
        gettext_lazy("Ask for an extension"),
        forms.ExtensionRequestForm,
        lambda user, case, data: services.case_request_extension(user=user, case=case, **data),
        gettext_lazy("The extension request was sent to the county office."),
    ),
    CaseAction(
        "resolve",
        gettext_lazy("Report resolved"),
        forms.ResolveForm,
        lambda user, case, data: services.case_resolve(user=user, case=case, result=data["result"]),
        gettext_lazy("The case was reported resolved."),
    ),
    CaseAction(
        "decide_extension",
        gettext_lazy("Decide the extension request"),
        forms.ExtensionDecisionForm,
        lambda user, case, data: services.case_decide_extension(user=user, case=case, **data),
        gettext_lazy("The extension request was decided."),
    ),
    CaseAction(
        "close",
        gettext_lazy("Close off"),
        forms.NoteForm,
        lambda user, case, data: services.case_close(user=user, case=case, note=data["note"]),
        gettext_lazy("The case was closed off."),
    ),
    CaseAction(
        "return",
        gettext_lazy("Return for rework"),
        forms.ReturnForm,
        lambda user, case, data: services.case_return(user=user, case=case, reason=data["reason"]),
        gettext_lazy("The case was returned."),
    ),
    CaseAction(
        "set_leader",
        gettext_lazy("Set the leader in charge"),
        forms.LeaderForm,
        lambda user, case, data: services.case_set_leader(user=user, case=case, **data),
        gettext_lazy("The leader in charge was recorded."),
    ),
    CaseAction(
        "instruct",
        gettext_lazy("Write an instruction"),
        forms.InstructionForm,
        lambda user, case, data: services.case_instruct(user=user, case=case, text=data["text"]),
        gettext_lazy("The instruction was recorded."),
    ),
    CaseAction(
        "revisit",
        gettext_lazy("Record the revisit"),
        forms.RevisitForm,
        lambda user, case, data: services.case_revisit(user=user, case=case, **data),
        gettext_lazy("The revisit was recorded."),
    ),
]
BY_NAME = {action.name: action for action in CASE_ACTIONS}


def action_form(action: CaseAction, case, user, data=None):
    extra = {"time_limit": case.topic.time_limit_days} if action.name == "assign" else {}
    if data is not None:
        return action.form(data, prefix=action.name, user=user, **extra)
    initial = {"on": clock.today(), "version": case.version}
    if action.name == "set_leader":
        initial["leader"] = case.leader_id
    if action.name == "assign":
        initial |= {
            "lead_unit": case.lead_unit_id,
            "co_units": [u.pk for u in case.co_units.all()],
            "responsible_person": case.responsible_person,
            "responsible_phone": case.responsible_phone,
            "measures": case.measures,
            "deadline": case.deadline,
        }
    return action.form(initial=initial, prefix=action.name, user=user, **extra)


def carried_links(user, case) -> dict:
    """The cases this one continues and goes on as, linked only where the user may read them
    (an unreadable one is named without a link); no query for a case never carried."""
    if case.carried_from_id is None and case.status != states.Status.CARRIED:
        return {}
    linked = {
        other.pk: other
        for other in Case.objects.visible_to(user)
        .filter(Q(pk=case.carried_from_id) | Q(carried_from=case))
        .select_related("campaign")
    }
    successor = next((c for c in linked.values() if c.carried_from_id == case.pk), None)
    return {
        "carried_from": linked.get(case.carried_from_id),
        "carried_from_hidden": case.carried_from_id is not None
        and case.carried_from_id not in linked,
        "carried_into": successor,
        "carried_into_hidden": case.status == states.Status.CARRIED and successor is None,
    }


class CaseDetailView(LoginRequiredMixin, DetailView):
    template_name = "grievances/case_detail.html"

    def get_queryset(self):
        return case_queryset(self.request.user)

    def get_context_data(self, form=None, **kwargs):
        case = self.object
        user = self.request.user
        today = clock.today()
        allowed = access.allowed_actions(user, case)
        actions = [action for action in CASE_ACTIONS if action.name in allowed]
        wanted = kwargs.pop("open_action", None) or self.request.GET.get("action", "")
        open_action = BY_NAME.get(wanted) if wanted in allowed else None
        if wanted and open_action is None and form is None:
            kwargs["unavailable"] = True
        if open_action is not None and form is None:
            form = action_form(open_action, case, user)
        events = list(case.events.select_related("by", "unit").order_by("at", "id"))
        return super().get_context_data(
            events=events,
            instructions=[e for e in events if e.kind == CaseEvent.Kind.INSTRUCTED],
            findings=CaseFinding.objects.filter(case=case).select_related(
                "finding__topic", "finding__visit"
            ),
            actions=actions,
            open_action=open_action,
            form=form if open_action is not None else None,
            can_edit="edit" in allowed,
            standing=states.deadline_standing(case, today),
            overdue=states.is_overdue(case, today),
            escalated=states.is_escalated(case, today),
            calendar_covered=covered(case.deadline) if case.deadline else True,
            **carried_links(user, case),
            **kwargs,
        )


class CaseActionView(LoginRequiredMixin, View):
    def post(self, request, pk, action):
        step = BY_NAME.get(action)
        if step is None:
            raise Http404
        case = get_object_or_404(case_queryset(request.user), pk=pk)
        form = action_form(step, case, request.user, data=request.POST)
        if not access.can(request.user, action, case):
            sent = request.POST.get(f"{action}-version", "")
            if sent.isdigit() and int(sent) != case.version:
                # The step was offered when the form opened; the case has moved on since.
                error = services.changed_meanwhile(case)
                return self.page(request, case, None, error=error, status=409)
            raise PermissionDenied
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                with transaction.atomic():
                    locked = services.case_expect_version(
                        case=case, version=form.cleaned_data["version"]
                    )
                    step.run(request.user, locked, data)
            except services.ChangedMeanwhile as exc:
                return self.page(request, case, form, error=exc, status=409)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, step.done)
                if case_queryset(request.user).filter(pk=case.pk).exists():
                    return HttpResponseRedirect(case.get_absolute_url())
                # Handed back (退回交办): the case is the office's now, no longer this unit's.
                return HttpResponseRedirect(reverse("grievances:inbox"))
        return self.page(request, case, form, status=400)

    def page(self, request, case, form, error=None, status=400):
        """The case page again, with the step's form open and nothing lost, or (when the step
        is no longer offered) with the reason why."""
        case = case_queryset(request.user).get(pk=case.pk)
        if form is not None and error is not None:
            # Sent again, the form is checked against the case as it is now.
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = case.version
        view = CaseDetailView()
        view.setup(request, pk=case.pk)
        view.object = case
        context = view.get_context_data(
            object=case,
            form=form,
            open_action=self.kwargs["action"] if form is not None else None,
            changed_meanwhile=error.messages[0] if error is not None else None,
        )
        return view.render_to_response(context, status=status)
