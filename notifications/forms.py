from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Preference, Robot


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["in_app", "by_email"]


class RobotForm(forms.ModelForm):
    url = forms.URLField(
        label=_("webhook address"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("The group robot's webhook address, as the group's settings show it."),
    )

    class Meta:
        model = Robot
        fields = ["kind", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Emptied, the address removes the unit's robot.
        self.fields["kind"].required = False

    def _post_clean(self):
        # The service validates the robot it saves (the unit is set there).
        pass
