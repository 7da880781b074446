"""The pages of the seven special actions as records: the list a unit reaches from its
navigation (the actions it leads or joins; the office and leaders see all seven), an action's
page (its frame, progress notes and the cases of its topic), its edit form and a progress
note. An action is reached through visible_to first, so one the user does not see answers 404
whatever the method; a right missing answers 403."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from campaign import access, special_actions
from campaign.history import history_page
from campaign.mixins import AllowedMixin
from campaign.models import SpecialAction, SpecialActionNote
from campaign.selectors import campaign_for
from grievances.models import Case
from grievances.states import Status

NOTES_PER_PAGE = 20


def latest_note(field: str):
    newest = SpecialActionNote.objects.filter(action=OuterRef("pk")).order_by("-noted_on", "-pk")
    return Subquery(newest.values(field)[:1])


def with_latest_note(actions):
    return actions.annotate(
        latest_note_on=latest_note("noted_on"), latest_note_text=latest_note("text")
    )


def actions_by_topic(user, campaign) -> dict:
    """The campaign's special actions this user reads, by topic id, in one query."""
    actions = with_latest_note(
        SpecialAction.objects.visible_to(user)
        .filter(topic__campaign=campaign)
        .select_related("lead_unit")
    )
    return {action.topic_id: action for action in actions}


def ledger_link(topic_id, **more) -> str:
    return reverse("grievances:ledger") + "?" + urlencode({"topic": topic_id, **more})


class SpecialActionListView(AllowedMixin, ListView):
    allowed = access.reads_special_actions
    refusal = Http404
    template_name = "reports/special_action_list.html"
    paginate_by = 25

    def get_queryset(self):
        return with_latest_note(
            SpecialAction.objects.visible_to(self.request.user)
            .filter(topic__campaign=campaign_for(self.request.user))
            .select_related("topic", "lead_unit")
            .order_by("topic__number")
        )


class ActionMixin(LoginRequiredMixin):
    """The action, looked up before anything else: one the user does not see is not there."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not hasattr(self, request.method.lower()):
            # Refused before the lookup, so it tells nobody whether the action exists.
            return self.http_method_not_allowed(request, *args, **kwargs)
        self.action = get_object_or_404(
            SpecialAction.objects.visible_to(request.user).select_related(
                "topic__campaign", "lead_unit"
            ),
            pk=kwargs["pk"],
        )
        self.check(request.user)
        return super().dispatch(request, *args, **kwargs)

    def check(self, user) -> None:
        pass

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, **kwargs)

    def action_url(self) -> str:
        return reverse("reports:special_action", args=[self.action.pk])


class SpecialActionView(ActionMixin, TemplateView):
    template_name = "reports/special_action.html"

    def cases(self, user) -> dict:
        """The topic's cases this user sees on the ledger, by status, each a link to it."""
        counted = dict(
            Case.objects.visible_to(user)
            .filter(topic_id=self.action.topic_id)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        topic = self.action.topic_id
        rows = [
            {
                "label": label,
                "count": counted.get(value, 0),
                "url": ledger_link(topic, status=value),
            }
            for value, label in Status.choices
        ]
        return {"rows": rows, "total": sum(counted.values()), "url": ledger_link(topic)}

    def get_context_data(self, **kwargs):
        user = self.request.user
        action = self.action
        notes = action.notes.select_related("author", "unit").order_by("-noted_on", "-pk")
        return super().get_context_data(
            cooperating=list(action.cooperating_units.all()),
            notes=Paginator(notes, NOTES_PER_PAGE).get_page(self.request.GET.get("page")),
            cases=self.cases(user),
            current=action.topic.campaign_id == getattr(campaign_for(user), "pk", None),
            can_edit=access.can_edit_special_action(user, action),
            can_add_note=access.can_add_special_action_note(user, action),
            history=history_page(self.request, action, trail_type="special_action"),
            **kwargs,
        )


class SpecialActionEditView(ActionMixin, FormView):
    template_name = "reports/special_action_form.html"

    def check(self, user) -> None:
        if not access.can_edit_special_action(user, self.action):
            raise PermissionDenied

    def get_form_class(self):
        from reports.special_action_forms import SpecialActionForm

        return SpecialActionForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.action,
            "editable": special_actions.fields_for(self.request.user, self.action),
        }

    def form_valid(self, form):
        try:
            special_actions.special_action_save(
                user=self.request.user,
                action=self.action,
                version=form.cleaned_data["version"],
                changes=form.changes(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved: %(record)s.") % {"record": self.action})
        return HttpResponseRedirect(self.action_url())


class SpecialActionNoteAddView(ActionMixin, FormView):
    template_name = "reports/special_action_note_form.html"

    def check(self, user) -> None:
        if not access.can_add_special_action_note(user, self.action):
            raise PermissionDenied

    def get_form_class(self):
        from reports.special_action_forms import SpecialActionNoteForm

        return SpecialActionNoteForm

    def form_valid(self, form):
        try:
            special_actions.special_action_note_add(
                user=self.request.user,
                action=self.action,
                noted_on=form.cleaned_data["noted_on"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The progress note is recorded."))
        return HttpResponseRedirect(self.action_url())
