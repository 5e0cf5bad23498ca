"""A Hypothesis state machine over an upper unit and two posts: people created, edited and
deleted anywhere they may be, bundles exported, imported (twice, out of order), lost on the
way, imports that crash halfway, and an upper unit restored from an old backup.

After every step each database passes its integrity and foreign-key checks and no write
another node has acknowledged is gone for good; at the end everything is delivered and every
node holds the same data for what it shares (equal dump hashes).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text

from antt_desktop.store import backup
from antt_desktop.sync.errors import BundleRefused
from tests.helpers.prepared import PREPARED
from tests.sync.helpers import add, delete, edit, person
from tests.sync.nodes import Network, Node

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")
JOBS = ("Làm ruộng", "Buôn bán", "Công nhân", "Giáo viên", None)


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        PREPARED.new_test()  # each example is a world of its own: its nodes may be the last one's
        self.root = Path(tempfile.mkdtemp(prefix="antt-sync-sm-"))
        self.net = Network(self.root)
        self.bundles: list[tuple[Node, Path]] = []  # (recipient, file) still on some stick
        self.people: dict[str, Node] = {}  # person id -> the post that owns it
        self.acknowledged: set[str] = set()  # person ids another node has imported
        self.saved: Path | None = None

    @initialize()
    def setup(self) -> None:
        self.upper = self.net.upper()
        self.posts = [self.net.post(self.upper), self.net.post(self.upper, "xb", "05612")]

    def teardown(self) -> None:
        self.net.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def _live(self, owner: Node) -> list[str]:
        return sorted(p for p, n in self.people.items() if n is owner and person(n, p) is not None)

    @rule(which=st.integers(0, 1), name=st.sampled_from(NAMES))
    def create(self, which: int, name: str) -> None:
        post = self.posts[which]
        self.people[add(post, name)] = post

    @rule(
        which=st.integers(0, 1),
        at_upper=st.booleans(),
        pick=st.integers(0, 50),
        job=st.sampled_from(JOBS),
    )
    def edit_one(self, which: int, at_upper: bool, pick: int, job: str | None) -> None:
        post = self.posts[which]
        live = self._live(post)
        node = self.upper if at_upper else post
        live = [p for p in live if (found := person(node, p)) is not None and not found.deleted]
        if live:
            edit(node, live[pick % len(live)], occupation=job)

    @rule(which=st.integers(0, 1), pick=st.integers(0, 50))
    def delete_one(self, which: int, pick: int) -> None:
        post = self.posts[which]
        live = [p for p in self._live(post) if not person(post, p).deleted]  # type: ignore[union-attr]
        if live:
            delete(post, live[pick % len(live)])

    @rule(which=st.integers(0, 1), up=st.booleans())
    def export(self, which: int, up: bool) -> None:
        post = self.posts[which]
        sender, recipient = (post, self.upper) if up else (self.upper, post)
        for path in sender.export_to(recipient):
            kept = self.root / "kept" / f"{len(self.bundles)}-{path.name}"
            kept.parent.mkdir(exist_ok=True)
            shutil.copy2(path, kept)
            self.bundles.append((recipient, kept))

    @precondition(lambda self: self.bundles)
    @rule(pick=st.integers(0, 1000), crash=st.booleans())
    def import_one(self, pick: int, crash: bool) -> None:
        recipient, path = self.bundles[pick % len(self.bundles)]  # may repeat: duplicates
        if crash:
            before = recipient.whole_file_hash()

            def boom(stage: str, _done: int, _total: int) -> bool:
                if stage.startswith("write:"):
                    raise RuntimeError("power cut")
                return True

            try:
                recipient.import_file(path, progress=boom)
            except (RuntimeError, BundleRefused):
                assert recipient.whole_file_hash() == before
                return
            # no power cut: nothing was left to write (every row already held here, the
            # same rows sent again), so the import went through like any other
        else:
            try:
                recipient.import_file(path)
            except BundleRefused as exc:  # a bundle made before a restore may be stale: fine
                assert exc.reason in ("wrong_recipient",), exc.code
        with recipient.read() as ctx:
            ids = set(ctx.session.execute(text("SELECT id FROM persons")).scalars())
        if recipient is self.upper:
            self.acknowledged |= ids & set(self.people)

    @precondition(lambda self: self.bundles)
    @rule(pick=st.integers(0, 1000))
    def lose(self, pick: int) -> None:
        _recipient, path = self.bundles.pop(pick % len(self.bundles))
        path.unlink(missing_ok=True)

    @rule()
    def back_up_upper(self) -> None:
        self.saved = backup.backup(self.upper.db, self.root / f"upper-{len(self.bundles)}.bak")

    @precondition(lambda self: self.saved is not None)
    @rule()
    def restore_upper(self) -> None:
        assert self.saved is not None
        self.upper.db.close()
        backup.restore(self.upper.db.path, self.saved)
        self.upper.reopen()
        self.saved = None

    @invariant()
    def databases_are_sound(self) -> None:
        if not hasattr(self, "upper"):
            return
        for node in (self.upper, *self.posts):
            with node.read() as ctx:
                conn = ctx.session.connection()
                assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
                assert conn.execute(text("PRAGMA foreign_key_check")).all() == []

    @invariant()
    def no_write_is_lost_for_good(self) -> None:
        """What the upper unit acknowledged is still at the post that wrote it."""
        if not hasattr(self, "upper"):
            return
        for ident in self.acknowledged:
            assert person(self.people[ident], ident) is not None

    def deliver_everything(self) -> None:
        for _ in range(3):
            for post in self.posts:
                self.net.send(post, self.upper)
                self.net.send(self.upper, post)
        for post in self.posts:
            unit = [post.unit_id]
            assert post.dump_hash(unit) == self.upper.dump_hash(unit)
        for ident, owner in self.people.items():
            assert person(self.upper, ident) is not None
            assert person(owner, ident) is not None


@pytest.mark.slow
def test_sync_converges_whatever_happens_to_the_sticks() -> None:
    class Checked(SyncMachine):
        def teardown(self) -> None:
            try:
                if hasattr(self, "upper"):
                    self.deliver_everything()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Checked, settings=settings(max_examples=6, stateful_step_count=18, deadline=None)
    )
