"""tests/sync/test_refusals.py with nodes on a PostgreSQL server (tests/postgresql/
conftest.py: ``net`` puts the posts, or the upper units, there; what is not ported yet is
under NOT_YET)."""

from tests.sync.test_refusals import *  # noqa: F403
