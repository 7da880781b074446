"""The county's retention period (read by its administrators, changed with a form that
refuses a stale save) and the anonymisation runs made under it, newest first."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from administration.mixins import AdministratorMixin
from administration.privacy import services
from administration.privacy.forms import RetentionForm
from campaign.history import history_page
from outreach.models import AnonymisationRun
from outreach.models.retention import DEFAULT_MONTHS


class RetentionView(AdministratorMixin, ListView):
    template_name = "administration/privacy/retention.html"
    paginate_by = 20
    context_object_name = "runs"

    def get_queryset(self):
        return (
            AnonymisationRun.objects.visible_to(self.request.user)
            .select_related("started_by")
            .order_by("-ran_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        policy = services.county_policy(self.request.user)
        history = None
        if policy is not None:
            history = history_page(self.request, policy, trail_type="retention_policy")
        return super().get_context_data(
            policy=policy,
            months=services.months_in_force(policy),
            default_months=DEFAULT_MONTHS,
            history=history,
            **kwargs,
        )


class RetentionEditView(AdministratorMixin, FormView):
    form_class = RetentionForm
    template_name = "administration/privacy/retention_form.html"

    def get_initial(self):
        policy = services.county_policy(self.request.user)
        return {"months": services.months_in_force(policy), "seen": services.seen_mark(policy)}

    def form_valid(self, form):
        try:
            policy = services.retention_set(
                user=self.request.user,
                months=form.cleaned_data["months"],
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Personal details of archived records are now kept for %(months)s months.")
            % {"months": policy.months},
        )
        return redirect("administration:privacy")
