"""tests/sync/test_pledge_both_sides.py with nodes on a PostgreSQL server (tests/postgresql/
conftest.py: ``net`` puts the posts, or the upper units, there; what is not ported yet is
under NOT_YET)."""

from tests.sync.test_pledge_both_sides import *  # noqa: F403
