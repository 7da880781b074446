"""What the per-county lists must keep, read through either version's code: every person's
categories and marks, every finding's policies and every person history row's categories, by
name; and, where the lists have a county, whether each value named is of the record's county."""

import json

from django.apps import apps

from outreach.models import BeneficiaryCategory, Finding, Person

PersonCategories = apps.get_model("outreach", "HistoricalPerson_categories")


def names(pairs):
    held = {}
    for pk, name in pairs:
        held.setdefault(str(pk), []).append(name)
    return {pk: sorted(values) for pk, values in held.items()}


read = {
    "categories": names(Person.objects.values_list("pk", "categories__name")),
    "marks": names(Person.objects.values_list("pk", "priority_marks__name")),
    "done": names(Finding.objects.values_list("pk", "policies_done__name")),
    "missing": names(Finding.objects.values_list("pk", "policies_missing__name")),
    "history": names(
        PersonCategories.objects.values_list("history_id", "beneficiarycategory__name")
    ),
    "values": BeneficiaryCategory.objects.count(),
}
# Activities by their kind's code, likewise.
Activity = apps.get_model("outreach", "Activity")
typed = "kind__code" if Activity._meta.get_field("kind").is_relation else "kind"
read["kinds"] = dict((str(pk), code) for pk, code in Activity.objects.values_list("pk", typed))
read["kind_history"] = dict(
    (str(pk), code) for pk, code in Activity.history.values_list("history_id", typed)
)
if typed == "kind__code":
    from django.db.models import F

    read["kind_elsewhere"] = Activity.objects.exclude(kind__county=F("organiser__area")).count()
    read["kind_workstream_differs"] = Activity.objects.exclude(
        kind__workstream=F("workstream")
    ).count()
    read["old_kinds"] = sorted(
        set(Activity.objects.filter(kind__retired=True).values_list("kind__code", "kind__name"))
    )
# Inspections by their rating's code: a text before, a county's rating after.
Inspection = apps.get_model("campaign", "Inspection")
rated = "rating__code" if Inspection._meta.get_field("rating").is_relation else "rating"
read["ratings"] = dict((str(pk), code) for pk, code in Inspection.objects.values_list("pk", rated))
read["rating_history"] = dict(
    (str(pk), code) for pk, code in Inspection.history.values_list("history_id", rated)
)
if rated == "rating__code":
    from django.db.models import F

    read["rating_elsewhere"] = (
        Inspection.objects.exclude(rating__county=F("unit__area")).count()
        + Inspection.history.exclude(rating__county=F("unit__area")).count()
    )
    read["scores"] = sorted(
        set(Inspection.objects.values_list("rating__code", "rating__name", "rating__score"))
    )
if any(f.name == "county" for f in BeneficiaryCategory._meta.fields):
    from django.db.models import F

    person_county = F("household__township__area")
    finding_county = F("visit__township__area")
    read["elsewhere"] = {
        "categories": Person.objects.exclude(categories__isnull=True)
        .exclude(categories__county=person_county)
        .count(),
        "marks": Person.objects.exclude(priority_marks__isnull=True)
        .exclude(priority_marks__county=person_county)
        .count(),
        "done": Finding.objects.exclude(policies_done__isnull=True)
        .exclude(policies_done__county=finding_county)
        .count(),
        "history": PersonCategories.objects.exclude(
            beneficiarycategory__county=F("person__household__township__area")
        ).count(),
        "counties": sorted(set(BeneficiaryCategory.objects.values_list("county__name", flat=True))),
    }
print("UPGRADE-READ " + json.dumps(read, ensure_ascii=False))
