"""A worker in a thread of the test process, for the browser tests: it takes jobs from the real
queue (django-q2's ORM broker, with its conditional lock update) and runs them with the real
runner, on the test's own database, which a worker process could not open when it lives in
memory. tests/jobs/test_worker.py runs `manage.py qcluster` itself."""

import threading

from django.db import connections
from django.utils.module_loading import import_string
from django_q.brokers import get_broker
from django_q.signing import SignedPackage


class ThreadWorker:
    def __init__(self, poll: float = 0.2):
        self.poll = poll
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, daemon=True)
        self.ran = 0
        self.errors = []

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=120)

    def _work(self):
        broker = get_broker()
        try:
            while not self._stop.is_set():
                for task_id, package in broker.dequeue() or []:
                    task = SignedPackage.loads(package)
                    try:
                        import_string(task["func"])(*task["args"], **task["kwargs"])
                    except Exception as exc:  # kept for the test to report
                        self.errors.append(exc)
                    broker.acknowledge(task_id)
                    self.ran += 1
                self._stop.wait(self.poll)
        finally:
            connections.close_all()
