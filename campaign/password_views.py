"""A user's own password: set after logging in with a one-time code, changed at will."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView


class PasswordSetView(LoginRequiredMixin, FormView):
    """The first page after a one-time code: nothing else opens until a password is set
    (campaign.middleware.PasswordFirstMiddleware). Django's validators judge it."""

    form_class = SetPasswordForm
    template_name = "registration/password_set.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_usable_password():
            return redirect("password_change")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        form.user._change_reason = _("set own password")
        user = form.save()
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password is set. Use it from now on."))
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        form.user._change_reason = _("changed own password")
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response
