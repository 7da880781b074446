"""The one access mechanism for views: every object is reached through visible_to(user), so
another township's record answers 404; changing it also needs can_edit(user, obj)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect


class AllowedMixin(LoginRequiredMixin):
    """For views open to those an access question answers yes for. Others get 403, or 404
    where the page is none of their business (refusal = Http404)."""

    allowed = None  # a function (user) -> bool from an app's access module
    refusal = PermissionDenied

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not type(self).allowed(request.user):
            raise self.refusal
        return super().dispatch(request, *args, **kwargs)


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


class ServiceFormMixin:
    """A form view whose save is one service call. A service refuses with ValidationError,
    which the form shows; on success the user is told so and sent on (by default to the
    record the service returned)."""

    success_message = ""

    def perform(self, form):
        """Call the service with the form's cleaned data and return what it made."""
        raise NotImplementedError

    def success_message_for(self, result) -> str:
        return self.success_message

    def success_url_for(self, result) -> str:
        return result.get_absolute_url()

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        if message := self.success_message_for(result):
            messages.success(self.request, message)
        return HttpResponseRedirect(self.success_url_for(result))
