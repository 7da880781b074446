"""The one access mechanism for views: every object is reached through visible_to(user), so
another township's record answers 404; changing it also needs can_edit(user, obj)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied


class VisibleToMixin(LoginRequiredMixin):
    """For list and detail views: the queryset is the model's visible_to(user)."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class EditRightsMixin(VisibleToMixin):
    """For views that change an object: visible but not editable answers 403."""

    can_edit = None  # a function (user, obj) -> bool from the app's access module

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not type(self).can_edit(self.request.user, obj):
            raise PermissionDenied
        return obj
