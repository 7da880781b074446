"""The kinds of background work. Each app registers its own in its jobs module (imported from
its AppConfig.ready()), so this app needs to know nothing of the apps above it."""

from collections.abc import Callable
from dataclasses import dataclass


class JobRefused(Exception):
    """The work cannot be done, for a reason the user can act on (in Chinese, for the page)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


@dataclass
class Outcome:
    message: str = ""  # what was done, in a sentence for the job's page
    filename: str = ""  # set when the kind wrote a file to the handle it was given


@dataclass(frozen=True)
class Kind:
    name: str
    # (job, user, progress, handle) -> Outcome; user is the one who asked, with the county
    # and campaign it was looking at restored.
    run: Callable
    # Asked again when a worker takes the job: a user whose rights changed since gets nothing.
    allowed: Callable


_kinds: dict[str, Kind] = {}


def register(name: str, *, run: Callable, allowed: Callable) -> None:
    _kinds[name] = Kind(name, run, allowed)


def kind_named(name: str) -> Kind | None:
    return _kinds.get(name)
