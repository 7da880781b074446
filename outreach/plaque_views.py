from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.generic import ListView, View

from campaign import clock
from campaign.mixins import AllowedMixin
from outreach import access
from outreach.access import can_edit
from outreach.forms import PlaqueEventForm
from outreach.models import HonourPlaque, Household
from outreach.plaques import allowed_events, plaque_record, qualifying_without_plaque


class PlaqueListView(AllowedMixin, ListView):
    """Households that qualify for a plaque and have none yet; or plaques by state."""

    template_name = "outreach/plaque_list.html"
    paginate_by = 25
    allowed = access.reads_registry
    refusal = Http404

    def get_queryset(self):
        households = Household.objects.visible_to(self.request.user).select_related("township")
        status = self.request.GET.get("status")
        if status in HonourPlaque.Status.values:
            return (
                households.filter(plaque__status=status)
                .select_related("plaque")
                .order_by("township__code", "number")
            )
        # The rows say "no plaque yet" from the plaque itself, selected with the household.
        return (
            qualifying_without_plaque(households)
            .select_related("plaque")
            .order_by("township__code", "number")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status=self.request.GET.get("status", ""),
            statuses=HonourPlaque.Status.choices,
            **kwargs,
        )


class PlaqueEventView(LoginRequiredMixin, View):
    template_name = "outreach/plaque_form.html"

    def household(self, request, pk):
        household = get_object_or_404(
            Household.objects.visible_to(request.user).select_related("township"), pk=pk
        )
        if not can_edit(request.user, household):
            raise PermissionDenied
        return household

    def render(self, request, household, form, status=200):
        plaque = HonourPlaque.objects.filter(household=household).first()
        events = plaque.events.select_related("by") if plaque else []
        return render(
            request,
            self.template_name,
            {"household": household, "plaque": plaque, "events": events, "form": form},
            status=status,
        )

    def get(self, request, household_pk):
        household = self.household(request, household_pk)
        plaque = HonourPlaque.objects.filter(household=household).first()
        form = PlaqueEventForm(allowed=allowed_events(plaque), initial={"on": clock.today()})
        return self.render(request, household, form)

    def post(self, request, household_pk):
        household = self.household(request, household_pk)
        plaque = HonourPlaque.objects.filter(household=household).first()
        form = PlaqueEventForm(request.POST, allowed=allowed_events(plaque))
        if form.is_valid():
            try:
                plaque_record(user=request.user, household=household, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The plaque's record was updated."))
                return HttpResponseRedirect(household.get_absolute_url())
        return self.render(request, household, form, status=400)
