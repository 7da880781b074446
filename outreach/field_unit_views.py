"""The field pages of units other than the townships: a member unit's look-up of the household
it is to visit, and a garrison liaison's own needs."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from campaign.mixins import AllowedMixin, ServiceFormMixin
from campaign.models import Topic
from campaign.selectors import campaign_for
from outreach import access, field_units
from outreach.forms import VisitForm
from outreach.models import Finding, Visit

FOUND_KEY = "outreach_found_household"


def found_household(request) -> int | None:
    """The household this user last found by its exact ID number (a member unit's only way
    to one it has not visited)."""
    return request.session.get(FOUND_KEY)


class LookupForm(forms.Form):
    id_number = forms.CharField(
        label=gettext_lazy("ID number of a person of the household"), max_length=30
    )


class HouseholdLookupView(AllowedMixin, FormView):
    """One exact ID number, one household or a clear no: never a list to browse."""

    allowed = access.looks_up_by_id_number
    form_class = LookupForm
    template_name = "outreach/visit_lookup.html"

    def form_valid(self, form):
        try:
            household = field_units.household_find_by_id_number(
                user=self.request.user, number=form.cleaned_data["id_number"]
            )
        except ValidationError as exc:
            form.add_error("id_number", exc)
            return self.form_invalid(form)
        self.request.session[FOUND_KEY] = household.pk
        return HttpResponseRedirect(reverse("outreach:visit_household", args=[household.pk]))


class NeedsForm(VisitForm):
    """Topics 1–3 about the liaison's own garrison; each need written needs action."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["visited_on", "visitors"] + [f"topic_{t.number}_action" for t in self.topics]:
            del self.fields[name]

    def topic_rows(self):
        return [(topic, self[f"topic_{topic.number}_text"]) for topic in self.topics]


class NeedsAddView(AllowedMixin, ServiceFormMixin, FormView):
    allowed = access.registers_needs
    form_class = NeedsForm
    template_name = "outreach/needs_form.html"
    success_message = gettext_lazy("Needs registered: they wait for the office's ledger.")

    def get_form_kwargs(self):
        user = self.request.user
        return super().get_form_kwargs() | {
            "about": Topic.About.GARRISON,
            "county_id": user.unit.area_id,
            "campaign": campaign_for(user),
        }

    def perform(self, form):
        return field_units.needs_report(
            user=self.request.user,
            findings=form.cleaned_data["findings"],
            notes=form.cleaned_data["notes"],
        )

    def success_url_for(self, visit):
        return reverse("outreach:needs")


class NeedsListView(AllowedMixin, TemplateView):
    """What garrisons reported (a liaison: its own), newest first, with the findings."""

    allowed = access.reads_needs
    template_name = "outreach/needs_list.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        user = self.request.user
        reports = (
            Visit.objects.visible_to(user)
            .filter(kind=Visit.Kind.SELF_REPORTED, campaign=campaign_for(user))
            .select_related("garrison")
            .annotate(finding_count=Count("findings"))
            .prefetch_related(
                Prefetch(
                    "findings",
                    queryset=Finding.objects.select_related("topic"),
                )
            )
            .order_by("-visited_on", "-id")
        )
        page = Paginator(reports, self.paginate_by).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page,
            reports=page.object_list,
            can_add=access.registers_needs(user),
            **kwargs,
        )
