"""tests/cli/test_cli_teams.py on a PostgreSQL server (tests/postgresql/conftest.py:
``antt`` and ``post`` run there; what is not ported yet is under its NOT_YET)."""

from tests.cli.test_cli_teams import *  # noqa: F403
