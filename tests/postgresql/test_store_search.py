"""tests/store/test_search.py on a PostgreSQL server (tests/postgresql/conftest.py: ``db``
is a post there; what is not ported yet is under its NOT_YET)."""

from tests.store.test_search import *  # noqa: F403
