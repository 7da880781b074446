"""Starting a job: its row and its place in the queue are written in one transaction, so a job
the user sees is always queued, and a queued job always has its row."""

import secrets

from django.conf import settings
from django.db import transaction
from django_q.tasks import async_task

from campaign import access as rule
from jobs import runner
from jobs.models import Job


def start(*, user, kind: str, title, params: dict | None = None) -> Job:
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            title=str(title)[:200],
            token=secrets.token_hex(16),
            requested_by=user,
            county_id=rule.county_in_view_id(user),
            params={
                **(params or {}),
                "campaigns_chosen": getattr(user, "_campaigns_chosen", {}),
            },
        )
        if not settings.JOBS_RUN_INLINE:
            async_task("jobs.runner.run", job.pk, task_name=f"job-{job.pk}-{kind}"[:100])
    if settings.JOBS_RUN_INLINE:
        runner.run(job.pk, watched=False)
        job.refresh_from_db()
    return job
