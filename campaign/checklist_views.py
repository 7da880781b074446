"""五个一: each township and member unit keeps its own checklist; the county sees who has what."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from campaign.access import can_edit_five_ones, can_read_five_ones, checklists_read_by
from campaign.forms import FiveOnesForm
from campaign.models import FiveOnesItem, Unit
from campaign.selectors import campaign_for
from campaign.services import five_ones_update

CHECKLIST_KINDS = (Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER)


class FiveOnesCountyView(LoginRequiredMixin, TemplateView):
    """A row per unit, a column per item."""

    template_name = "campaign/five_ones_county.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        units = list(
            Unit.objects.visible_to(user)
            .of_kind(*CHECKLIST_KINDS)
            .filter(checklists_read_by(user), is_active=True)
        )
        entries = {
            (e.unit_id, e.item): e
            for e in FiveOnesItem.objects.visible_to(user).filter(
                unit__in=units, campaign=campaign_for(user)
            )
        }
        rows = []
        for unit in units:
            # Each cell with its item's name, which labels it when a phone shows the row as a card.
            cells = [
                (label, entries.get((unit.pk, item))) for item, label in FiveOnesItem.Item.choices
            ]
            done = sum(1 for _, c in cells if c and c.status == FiveOnesItem.Status.DONE)
            rows.append({"unit": unit, "cells": cells, "done": done})
        return super().get_context_data(rows=rows, items=FiveOnesItem.Item.choices, **kwargs)


class FiveOnesUnitView(LoginRequiredMixin, View):
    template_name = "campaign/five_ones_unit.html"

    def unit(self, request, pk):
        unit = get_object_or_404(
            Unit.objects.visible_to(request.user).of_kind(*CHECKLIST_KINDS), pk=pk
        )
        if not can_read_five_ones(request.user, unit):
            raise Http404
        return unit

    def forms(self, user, unit, bound=None):
        # The campaign in view's checklist: a new campaign's starts blank.
        entries = {
            e.item: e for e in FiveOnesItem.objects.filter(unit=unit, campaign=campaign_for(user))
        }
        forms = []
        for value, label in FiveOnesItem.Item.choices:
            entry = entries.get(value)
            initial = {"item": value}
            if entry:
                initial |= {
                    "status": entry.status,
                    "done_on": entry.done_on,
                    "description": entry.description,
                }
            form = bound if bound is not None and bound.data.get(f"{value}-item") else None
            forms.append((label, entry, form or FiveOnesForm(initial=initial, prefix=value)))
        return forms

    def render(self, request, unit, bound=None, status=200):
        return render(
            request,
            self.template_name,
            {
                "unit": unit,
                "forms": self.forms(request.user, unit, bound),
                "can_edit": can_edit_five_ones(request.user, unit),
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(request, self.unit(request, pk))

    def post(self, request, pk):
        unit = self.unit(request, pk)
        if not can_edit_five_ones(request.user, unit):
            raise PermissionDenied
        item = request.POST.get("item")
        if item not in FiveOnesItem.Item.values:
            raise Http404
        form = FiveOnesForm(request.POST, request.FILES, prefix=item)
        if form.is_valid():
            data = form.cleaned_data
            try:
                five_ones_update(
                    user=request.user,
                    unit=unit,
                    item=item,
                    status=data["status"],
                    done_on=data["done_on"],
                    description=data["description"],
                    evidence=data["evidence"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Saved."))
                return HttpResponseRedirect(reverse("campaign:five_ones_unit", args=[unit.pk]))
        return self.render(request, unit, bound=form, status=400)


class FiveOnesEvidenceView(LoginRequiredMixin, View):
    def get(self, request, pk):
        entry = get_object_or_404(FiveOnesItem.objects.visible_to(request.user), pk=pk)
        if not entry.evidence:
            raise Http404
        return FileResponse(entry.evidence.open("rb"), filename=entry.evidence.name.split("/")[-1])
