from django import forms

from notifications.models import Preference, Robot


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["in_app", "by_email"]


class RobotForm(forms.ModelForm):
    class Meta:
        model = Robot
        fields = ["kind", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Emptied, the address removes the unit's robot.
        self.fields["url"].required = False
        self.fields["kind"].required = False

    def _post_clean(self):
        # The service validates the robot it saves (the unit is set there).
        pass
