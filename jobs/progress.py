"""A job's progress as rows done of a total, written to its row for the page to poll. Writes are
throttled: a 20,000-row loop would otherwise write 20,000 times. Work that writes in one
transaction (an import) reports its progress before it opens it: inside, nobody else could
read the figures before the commit."""

import time


class Progress:
    interval = 0.5  # seconds between writes

    def __init__(self, job, *, live: bool = True):
        # Not live: a job run inside the request that asked for it, whose page nobody watches
        # until it is over; the counts are kept on the job and saved with its end.
        self.job = job
        self.live = live
        self._written = 0.0

    def stage(self, label, *, total: int = 0) -> None:
        """A new stage of the work: its name for the page, and how many rows it will count."""
        self.job.stage = str(label)[:100]
        self.job.total = total
        self.job.done = 0
        self._write(force=True)

    def total(self, total: int) -> None:
        self.job.total = total
        self._write(force=True)

    def label(self, label) -> None:
        """The same stage goes on under another name (its rows still counting)."""
        self.job.stage = str(label)[:100]
        self._write(force=True)

    def advance(self, rows: int = 1) -> None:
        self.job.done += rows
        self._write()

    def _write(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.live or (not force and now - self._written < self.interval):
            return
        self._written = now
        type(self.job).objects.filter(pk=self.job.pk).update(
            stage=self.job.stage, done=self.job.done, total=self.job.total
        )


class NoProgress:
    """For the same work done inside a request, where nobody watches a bar."""

    def stage(self, label, *, total: int = 0) -> None:
        pass

    def total(self, total: int) -> None:
        pass

    def label(self, label) -> None:
        pass

    def advance(self, rows: int = 1) -> None:
        pass
