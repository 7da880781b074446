from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from campaign.models import (
    Campaign,
    Commendation,
    FiveOnesItem,
    Inspection,
    InspectionFinding,
    ModelFigure,
    Phase,
    SupportOrganisation,
    Topic,
    Unit,
    User,
    Workstream,
)

admin.site.site_header = _("Double Support at the Grassroots — administration")
admin.site.site_title = _("Double Support administration")
admin.site.index_title = _("Administration")


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["number", "name", "starts_on", "ends_on", "note"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "starts_on", "ends_on"]
    search_fields = ["name", "county"]
    inlines = [PhaseInline]


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "starts_on", "ends_on", "carries_over", "campaign"]
    list_filter = ["campaign"]
    search_fields = ["name", "note"]


@admin.register(Workstream)
class WorkstreamAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "campaign"]
    list_filter = ["campaign"]
    search_fields = ["name", "summary"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "about", "workstream", "priority", "policy_check", "campaign"]
    list_filter = ["campaign", "about", "priority", "policy_check"]
    search_fields = ["name"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "code", "contact", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code", "contact"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "unit", "read_only", "is_active"]
    list_filter = ["unit__kind", "read_only", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "unit__name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Campaign role"), {"fields": ["unit", "read_only", "phone"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        (_("Campaign role"), {"fields": ["unit", "read_only"]}),
    ]


@admin.register(FiveOnesItem)
class FiveOnesItemAdmin(admin.ModelAdmin):
    list_display = ["unit", "item", "status", "done_on"]
    list_filter = ["item", "status", "unit__kind"]
    search_fields = ["unit__name", "description"]
    list_select_related = ["unit"]


class InspectionFindingInline(admin.TabularInline):
    model = InspectionFinding
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["inspected_on", "unit", "inspectors", "rating"]
    list_filter = ["rating", "unit__kind"]
    search_fields = ["unit__name", "inspectors", "checked"]
    date_hierarchy = "inspected_on"
    inlines = [InspectionFindingInline]


@admin.register(ModelFigure)
class ModelFigureAdmin(admin.ModelAdmin):
    list_display = ["year", "category", "name", "unit"]
    list_filter = ["category", "year"]
    search_fields = ["name", "story"]


@admin.register(Commendation)
class CommendationAdmin(admin.ModelAdmin):
    list_display = ["commended_on", "kind", "title", "person_name", "unit"]
    list_filter = ["kind"]
    search_fields = ["title", "person_name", "unit__name"]


@admin.register(SupportOrganisation)
class SupportOrganisationAdmin(admin.ModelAdmin):
    list_display = ["kind", "name", "unit", "contact", "members"]
    list_filter = ["kind"]
    search_fields = ["name", "contact", "services"]
