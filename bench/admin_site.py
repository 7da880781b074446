"""The ledger's baseline: the Django admin changelist of cases, on an AdminSite of the bench's
own (bench.urls mounts it at /bench-admin/), so nothing is registered on the project's admin."""

from django.contrib import admin

from grievances.models import Case

site = admin.AdminSite(name="bench_admin")


class CaseAdmin(admin.ModelAdmin):
    # The ledger table's columns, as a plain admin would show them.
    list_display = [
        "year",
        "sequence",
        "topic",
        "household",
        "garrison",
        "township",
        "lead_unit",
        "deadline",
        "status",
    ]
    list_select_related = ["topic", "household", "garrison", "township", "lead_unit"]
    list_filter = ["status", "township"]
    list_per_page = 25
    ordering = ["year", "sequence"]


site.register(Case, CaseAdmin)
