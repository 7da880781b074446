"""What the sweeps expect of each piece of the campaign's work, one module per piece, so the
pieces' entries stay apart. Each module holds:

- EXPECTED: url name -> expected GET status per role (as in tests/test_url_sweep.py);
- OBJECT_URLS: url name -> (fixture, url kwarg, expected status per role);
- ACTION_URLS, READ_ONLY: url names; POST_ONLY_REFUSALS: url name -> status per role;
- LISTS: (url name, query, view path) of its paged lists, for tests/test_lists_complete.py,
  and make_rows(township_a, office, clerk_a), which makes one more row of each of them.

Their fixtures live in tests/fixtures/<piece>.py, which tests/conftest.py imports."""

from tests.sweeps import (
    activities,
    agenda,
    bulletins,
    fieldwork,
    jobs,
    leaders,
    notifications,
    special_actions,
    submissions,
    visits,
)

PIECES = [
    activities,
    agenda,
    bulletins,
    fieldwork,
    jobs,
    leaders,
    notifications,
    special_actions,
    submissions,
    visits,
]
