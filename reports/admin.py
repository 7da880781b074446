"""The progress table in the Django admin: the units annotated with the same figures as the
progress page (one query for the changelist, sortable by every column, filtered by kind and
year). Read only: it is a view of the data, not a place to change it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign import clock
from campaign.selectors import campaign_for
from reports import access
from reports.models import AssessmentItem, AssessmentScheme, UnitProgress, YearSignOff
from reports.selectors import (
    PROGRESS_KINDS,
    Period,
    campaign_years,
    default_year,
    percent,
    unit_progress,
)
from reports.workcal import ensure_calendar


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        today = clock.today()
        return [(str(y), str(y)) for y in campaign_years(campaign_for(request.user), today)]

    def queryset(self, request, queryset):
        return queryset  # the year shapes the annotations (ProgressAdmin.get_queryset)


def _figure(name, label, *, order=None):
    def show(self, obj):
        return getattr(obj, f"n_{name}")

    show.short_description = label
    show.admin_order_field = order or f"n_{name}"
    show.__name__ = name
    return show


@admin.register(UnitProgress)
class ProgressAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "households",
        "visited",
        "visited_pct",
        "cases",
        "carried_in",
        "in_hand",
        "closed",
        "overdue",
        "on_time",
        "on_time_pct",
        "avg_workdays",
        "activities",
        "five_ones",
    ]
    list_filter = ["kind", YearFilter]
    search_fields = ["name", "short_name", "code"]
    list_per_page = 100
    ordering = ["kind", "code"]

    households = _figure("households", _("households"))
    visited = _figure("visited", _("visited"))
    cases = _figure("cases", _("cases led"))
    # Closed off, overdue and on time count the cases in hand (reports.selectors.in_hand_q).
    carried_in = _figure("carried_in", _("Carried in"))
    in_hand = _figure("in_hand", _("In hand"))
    closed = _figure("closed", _("closed off"))
    overdue = _figure("overdue", _("overdue"))
    on_time = _figure("on_time", _("closed on time"))
    activities = _figure("activities", _("activities"))
    five_ones = _figure("five_ones", _("五个一 in place"))

    def get_queryset(self, request):
        today = clock.today()
        campaign = campaign_for(request.user)
        years = campaign_years(campaign, today)
        year = request.GET.get("year")
        year = int(year) if year and year.isdigit() and int(year) in years else None
        period = Period(year=year or default_year(campaign, today), today=today, campaign=campaign)
        ensure_calendar(today)
        units = (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .filter(kind__in=PROGRESS_KINDS, is_active=True)
        )
        return unit_progress(units, period)

    @admin.display(description=_("share visited"))
    def visited_pct(self, obj):
        value = percent(obj.n_visited, obj.n_households)
        return "—" if value is None else f"{value}%"

    @admin.display(description=_("on-time rate"))
    def on_time_pct(self, obj):
        value = percent(obj.n_on_time, obj.n_closed)
        return "—" if value is None else f"{value}%"

    @admin.display(description=_("average working days to close"))
    def avg_workdays(self, obj):
        if not obj.n_workdays_n:
            return "—"
        return round(obj.n_workdays_sum / obj.n_workdays_n, 1)

    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.is_staff and access.can_read_county(user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AssessmentScheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["year", *AssessmentScheme.WEIGHT_FIELDS, "activities_target", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(AssessmentItem)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["year", "unit", "kind", "points", "reason", "created_by", "created_at"]
    list_filter = ["year", "kind", "unit__kind"]
    search_fields = ["unit__name", "reason"]
    list_select_related = ["unit", "created_by"]
    readonly_fields = ["created_by", "created_at"]

    def has_add_permission(self, request):
        return False  # recorded on the assessment page, where the year's sign-off is checked

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(YearSignOff)
class SignOffAdmin(admin.ModelAdmin):
    list_display = ["year", "signed_by", "signed_at", "as_of"]
    exclude = ["figures"]
    readonly_fields = ["year", "signed_by", "signed_at", "as_of"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
