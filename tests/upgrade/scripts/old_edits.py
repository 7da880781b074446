"""In each county one person's categories change and the person is saved, as the person form
does: its history then holds the categories, in the table the upgrade must repoint too. And one
activity holds a kind no list knows (an old code), which the upgrade must keep."""

from campaign.models import Unit
from outreach.models import BeneficiaryCategory, Person

extra = BeneficiaryCategory.objects.get(name="残疾军人")
for area_id in sorted(set(Unit.objects.values_list("area_id", flat=True))):
    person = Person.objects.filter(household__township__area_id=area_id).order_by("pk").first()
    if person is not None:
        person.categories.add(extra)
        person.save()

from outreach.models import Activity  # noqa: E402

Activity.objects.filter(pk=Activity.objects.order_by("pk").values("pk")[:1]).update(kind="old_kind")
