"""The posts tests get are copies of posts made once per session (tests/helpers/prepared.py):
each copy must be the post the slow way would have made, and two posts of one test must be
two posts — their own database key, unit, node and sync keys — or a sync test would prove
nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from antt_desktop.store.models import LocalNode
from tests.cli.conftest import INIT, antt, post
from tests.conftest import FakeWall, make_post, make_post_afresh, open_post
from tests.sync.nodes import Network

__all__ = ["antt", "post"]  # the command line fixtures, for the last test


def _identity(path: Path) -> tuple[bytes | None, str, str, int]:
    """The database key, node id, replica id and clock of the post at ``path`` (its unit id
    follows from the unit's code)."""
    db = open_post(path)
    try:
        with db.read() as session:
            node = session.get(LocalNode, 1)
            assert node is not None
            return db.key, node.node_id, node.replica_id, node.hlc
    finally:
        db.close()


def test_two_posts_made_in_one_test_are_two_posts(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "post.sqlite3", tmp_path / "b" / "post.sqlite3"
    make_post(first)
    make_post(second)
    one, other = _identity(first), _identity(second)
    assert all(mine != theirs for mine, theirs in zip(one[:3], other[:3], strict=True))


def test_a_copied_post_is_the_post_its_wall_would_have_made(tmp_path: Path) -> None:
    copied, made = FakeWall(), FakeWall()
    make_post(tmp_path / "copy" / "post.sqlite3", wall=copied)
    make_post_afresh(tmp_path / "made" / "post.sqlite3", wall=made)
    assert copied.now == made.now > FakeWall().now  # the wall goes on from the same reading
    assert (
        _identity(tmp_path / "copy" / "post.sqlite3")[3]
        == _identity(tmp_path / "made" / "post.sqlite3")[3]
    )
    assert sorted(p.name for p in (tmp_path / "copy").iterdir()) == sorted(
        p.name for p in (tmp_path / "made").iterdir()
    )


def test_a_post_where_one_already_is_is_refused_as_before(tmp_path: Path) -> None:
    from antt_desktop.services.accounts import AlreadyInitialised

    make_post(tmp_path / "post.sqlite3")
    try:
        make_post(tmp_path / "post.sqlite3")
    except AlreadyInitialised as refused:
        assert refused.params["code"] == "00070"
    else:
        raise AssertionError("a second post over the first was not refused")


def test_two_networks_of_one_test_have_their_own_nodes(tmp_path: Path) -> None:
    ours, theirs = Network(tmp_path / "ours"), Network(tmp_path / "theirs")
    try:
        assert ours.upper().node_id != theirs.upper().node_id
    finally:
        ours.close()
        theirs.close()


def test_the_post_fixture_holds_what_antt_init_leaves(
    post: Callable[..., Any], tmp_path: Path
) -> None:
    made = post.run_in(tmp_path / "made", *INIT)
    assert made.code == 0, made.err
    assert sorted(p.name for p in post.data_dir.iterdir()) == sorted(
        p.name for p in (tmp_path / "made").iterdir()
    )
    assert post("user", "list").code == 0
