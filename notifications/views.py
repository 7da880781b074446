import django_filters
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView
from django_filters.views import FilterView

from campaign.mixins import AllowedMixin, ServiceFormMixin
from campaign.models import Unit
from notifications import access, services
from notifications.forms import PreferenceForm, RobotForm
from notifications.models import Delivery, Notification, Preference, Robot


class NotificationListView(AllowedMixin, ListView):
    """The user's own digests, newest first; those on the page are seen once it is shown."""

    allowed = access.receives_reminders
    template_name = "notifications/notification_list.html"
    paginate_by = 20

    def get_queryset(self):
        user = self.request.user
        return Notification.objects.visible_to(user).filter(recipient=user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unread = [row.pk for row in context["object_list"] if row.read_at is None]
        if unread:
            services.notifications_mark_read(user=self.request.user, ids=unread)
        user = self.request.user
        context.update(
            unread_ids=set(unread),
            can_choose_channels=access.chooses_channels(user),
            can_set_robots=access.sets_robots(user),
        )
        return context


class UnreadView(AllowedMixin, View):
    """The bell's count, asked for by the page's script so no page pays a query for it."""

    allowed = access.receives_reminders

    def get(self, request):
        count = Notification.objects.visible_to(request.user).filter(recipient=request.user)
        return JsonResponse({"unread": count.unread().count()})


class PreferenceView(AllowedMixin, ServiceFormMixin, FormView):
    allowed = access.chooses_channels
    form_class = PreferenceForm
    template_name = "notifications/preference_form.html"
    success_message = _("Your reminder channels are saved.")

    def get_form_kwargs(self):
        chosen = Preference.objects.filter(user=self.request.user).first()
        return super().get_form_kwargs() | {"instance": chosen or Preference()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"email": self.request.user.email}

    def perform(self, form):
        return services.preference_save(
            user=self.request.user,
            in_app=form.cleaned_data["in_app"],
            by_email=form.cleaned_data["by_email"],
        )

    def success_url_for(self, result):
        return reverse("notifications:preferences")


class RobotListView(AllowedMixin, ListView):
    allowed = access.sets_robots
    refusal = Http404
    template_name = "notifications/robot_list.html"
    paginate_by = 50

    def get_queryset(self):
        user = self.request.user
        return (
            Unit.objects.visible_to(user)
            .filter(access.robot_units(user), is_active=True)
            .select_related("robot")
            .order_by("kind", "name")
        )


class RobotEditView(LoginRequiredMixin, ServiceFormMixin, FormView):
    form_class = RobotForm
    template_name = "notifications/robot_form.html"
    success_message = _("The unit's group robot is saved.")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.sets_robots(request.user):
            raise Http404
        self.unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=kwargs["pk"])
        if not access.can_set_robot(request.user, self.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        robot = Robot.objects.filter(unit=self.unit).first()
        return super().get_form_kwargs() | {"instance": robot or Robot(unit=self.unit)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"unit": self.unit}

    def perform(self, form):
        return services.robot_save(
            user=self.request.user,
            unit=self.unit,
            kind=form.cleaned_data["kind"],
            url=form.cleaned_data["url"],
        )

    def success_url_for(self, result):
        return reverse("notifications:robots")


class DeliveryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Delivery.Status.choices)
    channel = django_filters.ChoiceFilter(
        label=_("channel"), choices=Delivery._meta.get_field("channel").choices
    )
    day = django_filters.DateFilter(label=_("day"))

    class Meta:
        model = Delivery
        fields = []


class DeliveryListView(AllowedMixin, FilterView):
    """How each digest went, failures with their error: the office's to follow up."""

    allowed = access.reads_deliveries
    refusal = Http404
    filterset_class = DeliveryFilter
    template_name = "notifications/delivery_list.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            Delivery.objects.visible_to(self.request.user)
            .select_related("user", "unit")
            .order_by("-day", "status", "channel", "id")
        )
