from django.contrib.auth.mixins import LoginRequiredMixin

from administration import access


class AdministratorMixin(LoginRequiredMixin):
    """Every page of 系统管理: administrators only (403 for the rest of the office, 404 for
    everyone else), checked before any other work of the view."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.administers(request.user):
            raise access.refusal_for(request.user)()
        return super().dispatch(request, *args, **kwargs)
