from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, UpdateView, View

from bulletins import access, selectors, services
from bulletins.forms import ActionForm, AttachmentForm, BulletinForm
from bulletins.models import Bulletin, BulletinAttachment, Citation, ReadReceipt
from campaign.history import history_page
from campaign.mixins import AllowedMixin, EditRightsMixin, ServiceFormMixin, VisibleToMixin
from campaign.models import Unit


class BulletinListView(VisibleToMixin, ListView):
    model = Bulletin
    template_name = "bulletins/bulletin_list.html"
    paginate_by = 25

    def unread_only(self) -> bool:
        return self.request.GET.get("unread") == "yes"

    def get_queryset(self):
        rows = super().get_queryset()
        if self.unread_only():
            rows = selectors.unread(self.request.user, rows)
        return rows.select_related("published_by").order_by("-year", "-number", "-id")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_add=access.can_write(user),
            offers_unread=access.receives_bulletins(user),
            unread_only=self.unread_only(),
            **kwargs,
        )


class BulletinFormMixin(ServiceFormMixin):
    model = Bulletin
    form_class = BulletinForm
    template_name = "bulletins/bulletin_form.html"
    success_message = gettext_lazy("Bulletin saved.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def perform(self, form):
        return services.bulletin_save(
            user=self.request.user,
            bulletin=form.instance,
            version=form.cleaned_data.get("version"),
            citations=form.citations(),
        )


class BulletinCreateView(AllowedMixin, BulletinFormMixin, CreateView):
    allowed = access.can_write


class BulletinUpdateView(EditRightsMixin, BulletinFormMixin, UpdateView):
    can_edit = access.can_edit


class BulletinReadMixin(VisibleToMixin):
    """A published issue read by a unit's user records that its unit has read it."""

    model = Bulletin

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("published_by", "created_by")
            .prefetch_related(
                "attachments",
                Prefetch(
                    "citations",
                    Citation.objects.select_related("model_figure", "commendation", "activity"),
                ),
            )
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.receipt_record(user=request.user, bulletin=self.object)
        return response


class BulletinDetailView(BulletinReadMixin, DetailView):
    template_name = "bulletins/bulletin_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        bulletin = self.object
        context = {
            "can_edit": access.can_edit(user, bulletin),
            "can_publish": access.can_publish(user, bulletin),
            "can_withdraw": access.can_withdraw(user, bulletin),
            "attachment_form": kwargs.pop("attachment_form", None) or AttachmentForm(),
        }
        if access.sees_receipts(user) and bulletin.status != Bulletin.Status.DRAFT:
            receipts = list(
                ReadReceipt.objects.filter(bulletin=bulletin).select_related("unit", "read_by")
            )
            read = {r.unit_id for r in receipts}
            context["receipts"] = receipts
            context["not_read"] = [
                unit
                for unit in Unit.objects.visible_to(user)
                .filter(kind__in=access.receiving_unit_kinds(), is_active=True)
                .order_by("kind", "code")
                if unit.pk not in read
            ]
        if access.reads_drafts(user):
            context["history"] = history_page(self.request, bulletin, trail_type="bulletin")
        return super().get_context_data(**context, **kwargs)


class BulletinPrintView(BulletinReadMixin, DetailView):
    template_name = "bulletins/bulletin_print.html"


class BulletinActionView(LoginRequiredMixin, View):
    """Publish or withdraw (POST only): someone else's draft is 404, an issue one reads but
    may not change 403, a GET 405."""

    allowed = None  # (user, bulletin) -> bool
    done_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.bulletin = get_object_or_404(
            Bulletin.objects.visible_to(request.user), pk=kwargs["pk"]
        )
        if not access.can_write(request.user):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, pk):
        form = ActionForm(request.POST)
        version = form.cleaned_data.get("version") if form.is_valid() else None
        try:
            self.act(request.user, self.bulletin, version)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done_message)
        return HttpResponseRedirect(self.bulletin.get_absolute_url())


class BulletinPublishView(BulletinActionView):
    done_message = gettext_lazy("Bulletin published.")

    def act(self, user, bulletin, version):
        self.bulletin = services.bulletin_publish(user=user, bulletin=bulletin, version=version)


class BulletinWithdrawView(BulletinActionView):
    done_message = gettext_lazy("Bulletin withdrawn.")

    def act(self, user, bulletin, version):
        self.bulletin = services.bulletin_withdraw(user=user, bulletin=bulletin, version=version)


class AttachmentUploadView(LoginRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.bulletin = get_object_or_404(
            Bulletin.objects.visible_to(request.user), pk=kwargs["pk"]
        )
        if not access.can_edit(request.user, self.bulletin):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, pk):
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.attachment_add(
                    user=request.user, bulletin=self.bulletin, upload=form.cleaned_data["file"]
                )
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(request, _("Attachment uploaded."))
                return HttpResponseRedirect(self.bulletin.get_absolute_url())
        view = BulletinDetailView()
        view.setup(request, pk=pk)
        view.object = view.get_object()
        context = view.get_context_data(object=view.object, attachment_form=form)
        return view.render_to_response(context, status=400)


class AttachmentDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(BulletinAttachment.objects.visible_to(request.user), pk=pk)
        return FileResponse(
            attachment.file.open("rb"),
            content_type=attachment.content_type,
            filename=attachment.original_name,
        )
