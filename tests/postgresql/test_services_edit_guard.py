"""tests/services/test_edit_guard.py on a PostgreSQL server (tests/postgresql/
conftest.py: ``db`` is a post there)."""

from tests.services.test_edit_guard import *  # noqa: F403
