"""The reference lists 系统管理 edits, numbered as its pages show them. Each names its model (a
campaign.models.reference.ReferenceValue), its label, the places whose records name its
values (counted on the list's page, and any one of them, history included, keeps a value from
being deleted) and the extra fields the office edits besides the name."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Usage:
    """The rows of a model that name a value through one of its columns."""

    label: str
    model: Callable[[], type]
    column: str
    history: bool = False  # a history table: never shown, but it keeps the value from deletion


@dataclass(frozen=True)
class ReferenceList:
    number: int
    model_label: str
    label: str
    summary: str
    used_by: tuple[Usage, ...]
    extra_fields: tuple[str, ...] = field(default=())

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def shown_usages(self) -> list[tuple[int, Usage]]:
        return [(i, usage) for i, usage in enumerate(self.used_by) if not usage.history]


def _through(model_label: str, field_name: str):
    return lambda: apps.get_model(model_label)._meta.get_field(field_name).remote_field.through


def _model(model_label: str):
    return lambda: apps.get_model(model_label)


_lists: dict[int, ReferenceList] = {}


def register(reference_list: ReferenceList) -> None:
    _lists[reference_list.number] = reference_list


def all_lists() -> list[ReferenceList]:
    return [_lists[number] for number in sorted(_lists)]


def list_numbered(number: int) -> ReferenceList | None:
    return _lists.get(number)


register(
    ReferenceList(
        number=1,
        model_label="outreach.BeneficiaryCategory",
        label=_("Beneficiary categories"),
        summary=_("The categories a person of the registry falls under (对象类别)."),
        used_by=(
            Usage(_("persons"), _through("outreach.Person", "categories"), "beneficiarycategory"),
            Usage(
                _("person history"),
                _model("outreach.HistoricalPerson_categories"),
                "beneficiarycategory",
                history=True,
            ),
        ),
    )
)
register(
    ReferenceList(
        number=2,
        model_label="outreach.PriorityMark",
        label=_("Priority-care marks"),
        summary=_("The marks of priority care a person may hold (重点优抚)."),
        used_by=(
            Usage(_("persons"), _through("outreach.Person", "priority_marks"), "prioritymark"),
        ),
    )
)
register(
    ReferenceList(
        number=3,
        model_label="outreach.Policy",
        label=_("Policies"),
        summary=_("The benefit and resettlement policies a survey visit asks about (topic 4)."),
        used_by=(
            Usage(
                _("findings: carried out"), _through("outreach.Finding", "policies_done"), "policy"
            ),
            Usage(
                _("findings: not carried out"),
                _through("outreach.Finding", "policies_missing"),
                "policy",
            ),
        ),
    )
)
register(
    ReferenceList(
        number=4,
        model_label="outreach.ActivityKind",
        label=_("Activity kinds"),
        summary=_(
            "The kinds of activity recorded under each workstream; the kind decides the "
            "workstream of its activities."
        ),
        used_by=(
            Usage(_("activities"), _model("outreach.Activity"), "kind"),
            Usage(
                _("activity history"), _model("outreach.HistoricalActivity"), "kind", history=True
            ),
        ),
        extra_fields=("workstream", "code"),
    )
)
register(
    ReferenceList(
        number=5,
        model_label="campaign.InspectionRating",
        label=_("Inspection ratings"),
        summary=_("The ratings an inspection gives, each with the score the assessment averages."),
        used_by=(
            Usage(_("inspections"), _model("campaign.Inspection"), "rating"),
            Usage(
                _("inspection history"),
                _model("campaign.HistoricalInspection"),
                "rating",
                history=True,
            ),
        ),
        extra_fields=("score",),
    )
)
