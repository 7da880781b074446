"""The campaign on the agenda (列入议事日程): meetings and their decisions, tasks per unit,
standing mechanisms."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda"
    verbose_name = _("Agenda")

    def ready(self):
        from agenda import access
        from agenda.workbench import task_items
        from campaign import navigation, workbench

        workbench.register(order=25, items=task_items, shown_to=access.has_tasks)
        navigation.register(
            order=45,
            label=_("Meetings"),
            url_name="agenda:meetings",
            shown_to=access.reads_agenda,
            group="work",
        )
        navigation.register(
            order=46,
            label=_("Tasks"),
            url_name="agenda:tasks",
            shown_to=access.reads_agenda,
            group="work",
        )
        navigation.register(
            order=47,
            label=_("Standing mechanisms"),
            url_name="agenda:mechanisms",
            shown_to=access.reads_agenda,
            group="work",
        )
