"""The worklist a township clerk takes onto a phone before going where there is no signal:
its township's households not yet visited in the campaign, with what the visit form needs.
ID numbers and phones leave the server masked, as the lists show them."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from campaign import clock
from campaign.models import Topic
from campaign.selectors import campaign_for, topics_of
from outreach.models import Household, IdNumberView, Person, Policy
from outreach.selectors import visited_in_view
from outreach.services import log_personal_file

# Bumped when the worklist's shape changes, so a phone holding an older one asks for a new one.
WORKLIST_VERSION = 1


def households_to_visit(user):
    """The households the worklist names: those this user may see, not archived, with no
    visit in the campaign in view."""
    persons = Person.objects.active().prefetch_related("categories").order_by("id")
    return (
        Household.objects.visible_to(user)
        .active()
        .filter(~visited_in_view(user))
        .prefetch_related(Prefetch("persons", queryset=persons))
        .order_by("village", "number")
    )


def _person(person) -> dict:
    return {
        "name": person.name,
        "relation": person.get_relation_display(),
        "categories": [category.name for category in person.categories.all()],
        "id_number": person.masked_id_number,
        "phone": person.masked_phone,
        "deceased": person.deceased,
    }


def _household(household) -> dict:
    return {
        "id": household.pk,
        "number": household.number,
        "head": household.head_name,
        "village": household.village,
        "address": household.address,
        "phone": household.masked_phone,
        "persons": [_person(person) for person in household.persons.all()],
    }


def log_worklist(user, households: list) -> None:
    """The worklist leaves the server with the names and addresses of every person on it:
    logged as any file of persons' details is, naming each person (already in memory)."""
    log_personal_file(
        user=user,
        kind=IdNumberView.Kind.EXPORT,
        source=IdNumberView.Source.SURVEY_WORKLIST,
        person_ids=[person.pk for household in households for person in household.persons.all()],
        count=len(households),
    )


def worklist_for(*, user) -> dict:
    households = list(households_to_visit(user))
    log_worklist(user, households)
    campaign = campaign_for(user)
    topics = topics_of(campaign).filter(about=Topic.About.BENEFICIARY)
    township = user.unit
    policies = Policy.objects.filter(county_id=township.area_id).offered().order_by("order", "name")
    return {
        "version": WORKLIST_VERSION,
        "township": township.name,
        "campaign": campaign.pk if campaign else None,
        "campaign_name": campaign.name if campaign else "",
        "downloaded_at": timezone.now().isoformat(),
        "today": clock.today().isoformat(),
        "max_age_days": settings.SURVEY_WORKLIST_DAYS,
        "visitors": user.display_name,
        "topics": [
            {"number": t.number, "label": str(t), "policy_check": t.policy_check} for t in topics
        ],
        "policies": [{"id": p.pk, "name": p.name} for p in policies],
        "households": [_household(h) for h in households],
    }
