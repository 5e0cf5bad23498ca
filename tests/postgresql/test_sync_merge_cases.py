"""tests/sync/test_merge_cases.py with nodes on a PostgreSQL server (tests/postgresql/
conftest.py: ``net`` puts the posts, or the upper units, there; what is not ported yet is
under NOT_YET)."""

from tests.sync.test_merge_cases import *  # noqa: F403
