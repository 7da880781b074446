"""Asking for a workbook as a user does: the button's POST starts a job (run inside the request
in tests), its page is shown, and the file is downloaded from it."""

from django.urls import resolve, reverse

from jobs.models import Job


def export(client, url, *, method="post", data=None):
    """The download's response, or the first response if it did not start a job (a refusal)."""
    response = getattr(client, method)(url, data or {})
    if response.status_code != 302 or not response["Location"].startswith(reverse("jobs:jobs")):
        return response
    match = resolve(response["Location"])
    assert match.view_name == "jobs:job"
    assert client.get(response["Location"]).status_code == 200
    job = Job.objects.get(pk=match.kwargs["pk"])
    assert job.status == Job.Status.DONE, job.error
    return client.get(reverse("jobs:download", args=[job.pk]))
