"""tests/services/test_household_choices.py on a PostgreSQL server (tests/postgresql/
conftest.py: ``db`` is a post there; what is not ported yet is under its NOT_YET)."""

from tests.services.test_household_choices import *  # noqa: F403
