"""The accounts of the county: the list, an account's page with its history, create, edit
(a move to another unit included), deactivate, reactivate, unlock, reset the password. A new
one-time code is shown once, in the answer to the request that issued it, and kept nowhere."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, View
from django_filters.views import FilterView

from administration import access
from administration.accounts import codes, lockout, services
from administration.accounts.forms import AccountFilter, AccountForm
from administration.mixins import AdministratorMixin
from campaign.models import User
from outreach import access as field_access

SLIPS = "administration/accounts/slips.html"


def county_accounts(user):
    return User.objects.visible_to(user).select_related("unit")


def render_slips(request, issued: list, *, title: str):
    """The page that shows the codes, once: never cached, never stored."""
    context = {"issued": issued, "title": title, "login_url": login_url(request)}
    response = TemplateResponse(request, SLIPS, context)
    response["Cache-Control"] = "no-store"
    return response


def login_url(request) -> str:
    return request.build_absolute_uri(reverse("login"))


class AccountListView(AdministratorMixin, FilterView):
    filterset_class = AccountFilter
    template_name = "administration/accounts/account_list.html"
    paginate_by = 25

    def get_queryset(self):
        accounts = county_accounts(self.request.user)
        return lockout.with_locked(accounts).order_by("unit__kind", "unit__code", "username")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for account in context["object_list"]:
            account.role_label = access.role_label(account)
            account.developer = access.developer_account(account)
        return context


class CountyAccountMixin(AdministratorMixin):
    def http_method_not_allowed(self, request, *args, **kwargs):
        # Another county's account is not there, whatever the method (404 before 405).
        get_object_or_404(county_accounts(request.user), pk=kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)


class AccountView(CountyAccountMixin, DetailView):
    template_name = "administration/accounts/account_detail.html"
    context_object_name = "account"

    def get_queryset(self):
        return county_accounts(self.request.user)

    def get_context_data(self, **kwargs):
        account = self.object
        history = account.history.select_related("history_user", "unit").order_by(
            "-history_date", "-history_id"
        )
        return super().get_context_data(
            role_label=access.role_label(account),
            may_manage=access.may_manage(self.request.user, account),
            reads_looks=field_access.reads_looks(self.request.user),
            locked=lockout.is_locked(account),
            open_code=codes.open_code(account),
            must_set_password=not account.has_usable_password(),
            history=history,
            **kwargs,
        )


class AccountCreateView(AdministratorMixin, FormView):
    form_class = AccountForm
    template_name = "administration/accounts/account_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            issued = services.account_create(user=self.request.user, data=form.data_for_service())
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        return render_slips(self.request, [issued], title=_("Account created"))


class AccountEditView(AdministratorMixin, FormView):
    form_class = AccountForm
    template_name = "administration/accounts/account_form.html"

    @cached_property
    def account(self):
        account = get_object_or_404(county_accounts(self.request.user), pk=self.kwargs["pk"])
        if not access.may_manage(self.request.user, account):
            raise PermissionDenied
        return account

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "account": self.account}

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)

    def form_valid(self, form):
        try:
            account = services.account_update(
                user=self.request.user,
                account=self.account,
                data=form.data_for_service(),
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The account %(name)s was saved.") % {"name": account})
        return redirect("administration:accounts_detail", pk=account.pk)


class AccountActionView(CountyAccountMixin, View):
    """A button on the account's page: one service call, then back to the page."""

    http_method_names = ["post"]
    done = ""

    def act(self, account):
        raise NotImplementedError

    def post(self, request, pk):
        account = get_object_or_404(county_accounts(request.user), pk=pk)
        try:
            response = self.act(account)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("administration:accounts_detail", pk=pk)
        if response is not None:
            return response
        messages.success(request, self.done % {"name": account})
        return redirect("administration:accounts_detail", pk=pk)


class AccountDeactivateView(AccountActionView):
    def act(self, account):
        services.account_deactivate(user=self.request.user, account=account)
        self.done = _("%(name)s is deactivated and can no longer log in; its records stay.")


class AccountReactivateView(AccountActionView):
    def act(self, account):
        services.account_reactivate(user=self.request.user, account=account)
        self.done = _("%(name)s is active again and can log in.")


class AccountUnlockView(AccountActionView):
    def act(self, account):
        cleared = services.account_unlock(user=self.request.user, account=account)
        self.done = (
            _("%(name)s is unlocked and can try to log in again.")
            if cleared
            else _("%(name)s was not locked.")
        )


class AccountResetView(AccountActionView):
    def act(self, account):
        issued = services.account_reset(user=self.request.user, account=account)
        return render_slips(self.request, [issued], title=_("Password reset"))
