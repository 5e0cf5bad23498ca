"""The import's fast paths (search index at the driver level, the parent check skipped when
every reference is held or arriving, the C JSON encoder) write exactly what the
straightforward computation writes: the same rows, conflicts, search results, pledge
figures, audit entries and report, for a bundle with new, changed and conflicting rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from antt_desktop.services import pledges as pl
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.store import field_crypto, search_documents, search_index
from antt_desktop.sync import parents, rows, search_refresh
from antt_desktop.sync.tables import synced_tables
from tests.sync.helpers import add, edit
from tests.sync.nodes import Network, Node


@contextmanager
def _straightforward() -> Iterator[None]:
    """The import as it was computed before its fast paths."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parents, "_none_wait", lambda *_args: False)
        patch.setattr(search_refresh, "_index", search_documents.index_rows)
        plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        patch.setattr(rows, "_json_text", lambda: plain)
        rows._encoder.cache_clear()
        try:
            yield
        finally:
            rows._encoder.cache_clear()


def _state(node: Node) -> dict[str, Any]:
    """What an officer could see of the import: every synced row (sealed values opened,
    the local columns derived from them), conflicts, the search index and its answers,
    the pledge figures and the audit log (times left out: the two imports run apart)."""
    found: dict[str, Any] = {}
    with node.db.read() as session:
        conn = session.connection()
        for t in synced_tables():
            found[t.name] = sorted(
                (
                    json.dumps(r, sort_keys=True, default=str)
                    for r in rows.iterate(conn, t, "1 = 1", {})
                ),
            )
            local = field_crypto.LOCAL_COLUMNS.get(t.name)
            if local:
                found[f"{t.name} local"] = conn.exec_driver_sql(
                    f"SELECT id, {', '.join(local)} FROM {t.name} ORDER BY id"
                ).all()

        def query(sql: str) -> list[Any]:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]

        found["conflicts"] = query(
            "SELECT id, table_name, row_id, field, kind, status, kept_stamp, other_stamp,"
            " peer_node FROM sync_conflicts ORDER BY id"
        )
        found["pending"] = query("SELECT table_name, row_id FROM sync_pending ORDER BY 1, 2")
        found["search docs"] = query("SELECT docid, kind, ref, unit_id FROM search_docs ORDER BY 1")
        found["search text"] = query(
            "SELECT rowid, name, ident, address, notes FROM search_fts ORDER BY rowid"
        )
        found["search hits"] = [
            [(h.kind, h.ref) for h in search_index.search(conn, q, limit=50, sensitive=True)]
            for q in ("nguyen", "Trần Thị", "0912", "ha noi", "7")
        ]
        found["figures"] = query("SELECT * FROM post_pledge_figures ORDER BY 1, 2, 3, 4, 5")
        found["audit"] = query(
            "SELECT actor, action, entity, entity_id, fields, detail FROM audit_entries"
            " ORDER BY seq"
        )
        found["node"] = query("SELECT seq, hlc FROM local_node")
    return found


def _pledge(node: Node, home: str, signer: str) -> str:
    with node.write() as ctx:
        return pl.record_pledge(
            ctx, home, 2026, signed_on="15/03/2026", signer_name=signer, officer_name="Lê Công"
        ).id


def test_the_fast_import_writes_what_the_straightforward_one_writes(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    changed = add(post, "Nguyễn Văn Bình", phone="0912000001", id_number="001090000001")
    disputed = add(post, "Trần Thị Hoa", phone="0912000002", occupation="Làm ruộng")
    with post.write() as ctx:
        home = add_household(
            ctx, HouseholdInput(number="7", address="Hà Nội", head_person_id=changed)
        ).id
    net.send(post, upper)
    # changed at the post only; changed on both sides (a conflict); new rows of each kind
    edit(post, changed, full_name="Nguyễn Văn Bính", current_address="Thôn 3, Hà Nội")
    edit(post, disputed, occupation="Buôn bán")
    edit(upper, disputed, occupation="Chăn nuôi")
    _pledge(post, home, "Nguyễn Văn Bính")
    for n in range(5):
        add(post, f"Nguyễn Thị Mai {n}", phone=f"091200010{n}", id_number=f"00119000010{n}")
    with post.write() as ctx:
        add_household(ctx, HouseholdInput(number="8", address="Thôn 5, Hà Nội"))
    [bundle] = post.export_to(upper)
    twin = upper.clone("huyen-twin")

    with _straightforward():
        before = twin.import_file(bundle)
    after = upper.import_file(bundle)

    assert after.to_dict() == before.to_dict()
    totals = after.totals()
    assert (totals.new, totals.updated, totals.conflicts) >= (7, 2, 1)
    fast, plain = _state(upper), _state(twin)
    assert fast["conflicts"] and fast["figures"] and fast["search hits"][0]
    assert fast == plain


def test_a_row_whose_parent_is_missing_waits_as_before(net: Network) -> None:
    """The parent check's shortcut gives way to the whole computation when a reference is
    neither held nor arriving: the same rows wait, for the same parents."""
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        home = add_household(ctx, HouseholdInput(number="9")).id
    _pledge(post, home, "Lò Văn Sinh")
    [bundle] = post.export_to(upper)
    conn_rows: dict[str, dict[str, dict[str, Any]]] = {}
    with post.db.read() as session:
        conn = session.connection()
        for t in synced_tables():
            if t.name == "pledges":
                conn_rows["pledges"] = {r["id"]: r for r in rows.iterate(conn, t, "1 = 1", {})}
    with upper.db.read() as session:
        conn = session.connection()
        tables = {t.name: t for t in synced_tables()}
        blocked = parents.waiting(conn, tables, conn_rows)  # the household is not there
        assert not parents._none_wait(conn, tables, conn_rows)
        assert [missing for missing in blocked.values()] == [[["households", home]]]
    report = upper.import_file(bundle)
    assert report.totals().pending == 0
