from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from jobs import access
from jobs.models import Job


class JobScopeMixin(LoginRequiredMixin):
    def get_queryset(self):
        return Job.objects.visible_to(self.request.user).select_related("requested_by")


class JobListView(JobScopeMixin, ListView):
    """我的导出: what this user asked for (the office: everyone's in its county), newest first."""

    template_name = "jobs/job_list.html"
    context_object_name = "jobs"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sees_who_asked=access.sees_who_asked(self.request.user), **kwargs
        )


class JobView(JobScopeMixin, DetailView):
    template_name = "jobs/job.html"
    context_object_name = "job"


def state_of(job: Job) -> dict:
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "stage": job.stage,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "finished": job.finished,
        "error": job.error,
        "outcome": job.outcome,
        "download": reverse("jobs:download", args=[job.pk]) if job.downloadable else "",
    }


class JobStateView(JobScopeMixin, View):
    """What the job page polls: the bar's figures, and the download once there is one."""

    def get(self, request, pk):
        job = get_object_or_404(self.get_queryset(), pk=pk)
        return JsonResponse(state_of(job), headers={"Cache-Control": "no-store"})


class JobDownloadView(JobScopeMixin, View):
    def get(self, request, pk):
        job = get_object_or_404(self.get_queryset(), pk=pk)
        if not job.downloadable:
            if job.status == Job.Status.EXPIRED:
                messages.info(
                    request, _("This file was kept for its time and is deleted; ask for it again.")
                )
            else:
                messages.info(request, _("The file is not ready yet."))
            return HttpResponseRedirect(job.get_absolute_url())
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
