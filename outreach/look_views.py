"""Every look accounted for: who looked at a person, what a user looked at, and a person's own
data handed over on request (个人信息查阅), which is itself a look."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView, View

from campaign import watermark
from campaign.models import User
from outreach import access, services
from outreach.models import IdNumberView, Person
from outreach.person_copy import person_copy_response


class RecordFirstMixin(LoginRequiredMixin):
    """The record first, as every record page: one its user may not see answers 404 whatever
    the method; one it sees but may not read the looks of, 403."""

    allowed = None  # (user) -> bool, from outreach.access

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        if not type(self).allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonMixin(RecordFirstMixin):
    def get_object(self):
        return get_object_or_404(
            Person.objects.visible_to(self.request.user).select_related("household__township"),
            pk=self.kwargs["pk"],
        )


class LooksPage(TemplateView):
    paginate_by = 50

    def page(self, looks):
        looks = looks.select_related("user", "person__household").order_by("-viewed_at", "-id")
        return Paginator(looks, self.paginate_by).get_page(self.request.GET.get("page"))


class PersonLooksView(PersonMixin, LooksPage):
    """Who looked at this person: full views on a page or a form, and the files with them in."""

    template_name = "outreach/person_looks.html"
    allowed = access.reads_looks

    def get_context_data(self, **kwargs):
        user, person = self.request.user, self.object
        page = self.page(IdNumberView.objects.visible_to(user).about(person))
        return super().get_context_data(
            person=person,
            page_obj=page,
            looks=page.object_list,
            can_issue_copy=access.can_issue_person_copy(user),
            **kwargs,
        )


class UserLooksView(RecordFirstMixin, LooksPage):
    """What this user looked at, newest first."""

    template_name = "outreach/user_looks.html"
    allowed = access.reads_looks

    def get_object(self):
        return get_object_or_404(User.objects.visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        looks = IdNumberView.objects.visible_to(self.request.user).filter(user=self.object)
        page = self.page(looks)
        return super().get_context_data(
            account=self.object, page_obj=page, looks=page.object_list, **kwargs
        )


class PersonCopyView(PersonMixin, View):
    """The person's own data as one workbook; handing it over is logged like any export."""

    allowed = access.can_issue_person_copy
    http_method_names = ["post"]

    def post(self, request, pk):
        services.log_personal_file(
            user=request.user,
            kind=IdNumberView.Kind.COPY,
            source=IdNumberView.Source.PERSON_COPY,
            person_ids=[self.object.pk],
        )
        return person_copy_response(self.object, reader=watermark.export_line(request.user))
