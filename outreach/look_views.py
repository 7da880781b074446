"""Every look accounted for: who looked at a person, what a user looked at, and a person's own
data handed over on request (个人信息查阅), which is itself a look."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView, View

from campaign import watermark
from campaign.mixins import AllowedMixin
from campaign.models import User
from outreach import access, services
from outreach.models import IdNumberView, Person
from outreach.person_copy import person_copy_response


class LooksMixin(AllowedMixin):
    allowed = access.reads_looks
    paginate_by = 50

    def page(self, looks):
        looks = looks.select_related("user", "person__household").order_by("-viewed_at", "-id")
        return Paginator(looks, self.paginate_by).get_page(self.request.GET.get("page"))


class PersonLooksView(LooksMixin, TemplateView):
    """Who looked at this person: full views on a page or a form, and the files with them in."""

    template_name = "outreach/person_looks.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        person = get_object_or_404(
            Person.objects.visible_to(user).select_related("household__township"),
            pk=self.kwargs["pk"],
        )
        page = self.page(IdNumberView.objects.visible_to(user).about(person))
        return super().get_context_data(
            person=person,
            page_obj=page,
            looks=page.object_list,
            can_issue_copy=access.can_issue_person_copy(user),
            **kwargs,
        )


class UserLooksView(LooksMixin, TemplateView):
    """What this user looked at, newest first."""

    template_name = "outreach/user_looks.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        account = get_object_or_404(User.objects.visible_to(user), pk=self.kwargs["pk"])
        page = self.page(IdNumberView.objects.visible_to(user).filter(user=account))
        return super().get_context_data(
            account=account, page_obj=page, looks=page.object_list, **kwargs
        )


class PersonCopyView(AllowedMixin, View):
    """The person's own data as one workbook; handing it over is logged like any export."""

    allowed = access.can_issue_person_copy
    http_method_names = ["post"]

    def post(self, request, pk):
        person = get_object_or_404(
            Person.objects.visible_to(request.user).select_related("household__township"), pk=pk
        )
        services.log_personal_file(
            user=request.user,
            kind=IdNumberView.Kind.COPY,
            source=IdNumberView.Source.PERSON_COPY,
            person_ids=[person.pk],
        )
        return person_copy_response(person, reader=watermark.export_line(request.user))
