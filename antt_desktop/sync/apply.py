"""Merge the rows of a checked payload into the database, inside the caller's transaction.

Steps: check each row against its table; add the rows still waiting from earlier imports;
read the stored versions; merge each row (SYNC.md merge rule) and check the sender's right
to write it; keep aside rows whose unique values clash or whose parent is missing; then
write everything at the driver level with ``executemany``, keep the search index and the
conflict list in step, and move this node's change sequence past the written rows. Rows
written exactly as received take their sequence numbers first, so exports back to the
sender can skip that range (the sender has them already).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import bulk, field_crypto
from antt_desktop.store.clock import physical_ms
from antt_desktop.store.spelling import Spelling
from antt_desktop.sync import (
    conflict_store,
    extras,
    forks,
    late_edits,
    parents,
    pending,
    person_merges,
    proposals,
    rights,
    rows,
    search_refresh,
    unit_rows,
)
from antt_desktop.sync.errors import BundleRefused
from antt_desktop.sync.merge import Conflict, Merged, merge
from antt_desktop.sync.report import ImportReport
from antt_desktop.sync.tables import SyncTable, by_name, synced_tables

DAY_MS = 24 * 3600 * 1000
Progress = Callable[[str, int, int], bool]


@dataclass(slots=True)
class _Write:
    table: str
    row: dict[str, Any]
    is_new: bool
    echo: bool
    from_pending: bool
    conflicts: list[Conflict] = field(default_factory=list)
    counted_as: str = "new"


@dataclass
class Applied:
    """What the caller records after the rows are in: the echo range and the clock."""

    echo_from: int = 0
    echo_to: int = 0
    written: int = 0
    #: the upper unit's edits of this post's records, to keep as proposals
    arrived: list[proposals.Arrived] = field(default_factory=list)


def _checked(
    records: dict[str, list[dict[str, Any]]], report: ImportReport, name: str
) -> dict[str, dict[str, dict[str, Any]]]:
    tables = by_name()
    incoming: dict[str, dict[str, dict[str, Any]]] = {}
    for table, raw in records.items():
        t = tables.get(table)
        if t is None:
            report.warn("sync.warning.unknown_table", table=table, rows=len(raw))
            continue
        whole = rows.check_all(t, raw)  # the usual case: every row whole and right
        if whole is not None:
            incoming[table] = {row["id"]: row for row in whole}
            continue
        batch: dict[str, dict[str, Any]] = {}
        for number, r in enumerate(raw, start=1):
            try:
                row = rows.check(t, r)
            except ValueError as exc:
                raise BundleRefused(
                    "invalid", file=name, detail=f"{table} row {number}: {exc}"
                ) from exc
            batch[row["id"]] = row
        incoming[table] = batch
    return incoming


def apply(
    conn: Connection,
    records: dict[str, list[dict[str, Any]]],
    sender: rights.Sender,
    me: rights.Receiver,
    report: ImportReport,
    now_ms: int,
    progress: Progress | None = None,
) -> Applied:
    """Merge ``records`` (table -> rows in travelling form) sent by ``sender``."""
    conn.exec_driver_sql(Spelling(conn).defer_foreign_keys())
    records = dict(records)
    their_conflicts = records.pop(conflict_store.CONFLICTS, [])
    authors = proposals.author_map(records.pop(proposals.AUTHORS, []))
    incoming = _checked(records, report, report.file)
    waiting = pending.load(conn)
    from_pending: set[tuple[str, str]] = set()
    for (table, ident), row in waiting.items():
        t = by_name().get(table)
        if t is None:
            continue
        batch = incoming.setdefault(table, {})
        if ident in batch:
            batch[ident] = merge(row, batch[ident], t.merge_fields).row | {"id": ident}
        else:
            batch[ident] = row
            from_pending.add((table, ident))
    person_merges.redirect_incoming(conn, incoming)
    total = sum(len(b) for b in incoming.values())
    done = 0
    moved = late_edits.moved_from(conn, sender.node_id)
    writes: dict[str, dict[str, _Write]] = {}
    found: list[proposals.Arrived] = []
    for t in synced_tables():
        received = incoming.get(t.name)
        if not received:
            continue
        stored = rows.fetch(conn, t, received)
        extras.attach(conn, t.name, stored)
        # the post whose unit a stored row belongs to: the sender, or this node
        post = sender if not sender.relays else me if me.role == "post" else None
        of_post = unit_rows.of_unit(conn, t, stored, post.unit_id) if post else set()
        out = writes.setdefault(t.name, {})
        for ident, row in received.items():
            w = _decide(
                t,
                row,
                stored.get(ident),
                sender,
                me,
                report,
                (t.name, ident) in from_pending,
                moved,
                post.node_id if post is not None and ident in of_post else None,
                found,
                authors.get((t.name, ident)),
            )
            if w is not None:
                out[ident] = w
            done += 1
        if progress is not None and progress(t.name, done, total) is False:
            raise InterruptedError("import cancelled")
    _hold_duplicates(conn, writes, report)
    blocked = parents.waiting(
        conn, by_name(), {n: {i: w.row for i, w in b.items()} for n, b in writes.items()}
    )
    keep_waiting: dict[tuple[str, str], dict[str, Any]] = {}
    for key, missing in blocked.items():
        w = writes[key[0]].pop(key[1])
        keep_waiting[key] = {"row": w.row, "reason": "parent", "missing": missing}
        if not w.from_pending:
            report.table(key[0]).pending += 1
    held: list[tuple[str, str, Conflict]] = []
    for name, held_batch in writes.items():
        for ident, hw in list(held_batch.items()):
            if hw.counted_as == "duplicate":
                held_batch.pop(ident)
                keep_waiting[(name, ident)] = {"row": hw.row, "reason": "duplicate", "missing": []}
                held += [(name, ident, c) for c in hw.conflicts]
    applied = _write(
        conn, writes, keep_waiting, from_pending, held, sender, report, now_ms, progress
    )
    conflict_store.incoming(conn, their_conflicts, sender.node_id)
    applied.arrived = found
    return applied


def _decide(
    t: SyncTable,
    row: dict[str, Any],
    local: dict[str, Any] | None,
    sender: rights.Sender,
    me: rights.Receiver,
    report: ImportReport,
    from_pending: bool,
    moved: late_edits.Moved,
    post_node: str | None = None,
    found: list[proposals.Arrived] | None = None,
    author: str | None = None,
) -> _Write | None:
    counts = report.table(t.name)
    if local is None:
        rule = None if from_pending else rights.refusal(t, row, None, sender)
        if rule is not None:
            report.refuse(t.name, row["id"], rule[0], **rule[1])
            return None
        try:
            full = rows.complete(t, row)
        except ValueError as exc:
            raise BundleRefused("invalid", file=report.file, detail=f"{t.name}: {exc}") from exc
        flags = []
        if moved and moved.parent_of(t, row) and row["owner_node"] == sender.node_id:
            flags = [late_edits.row_flag(row)]
            late_edits.note(report, sender.unit_name)
        if not from_pending:
            counts.new += 1
            counts.conflicts += len(flags)
        return _Write(t.name, full, True, full is row or full == row, from_pending, flags)
    if t.append_only and not (row.get("deleted") and not local.get("deleted")):
        # insert-only, except the tombstone of a purge: it merges like any other write
        counts.unchanged += 0 if from_pending else 1
        return None
    if rights.sender_is_authority(t, sender, row["id"], me):
        # a post holds exact copies of what its upper unit writes (catalogues, units)
        copy = {**local, **row}
        if all(copy.get(k) == v for k, v in local.items() if k != "local_seq"):
            counts.unchanged += 0 if from_pending else 1
            return None
        counts.updated += 0 if from_pending else 1
        return _Write(t.name, copy, False, True, from_pending, counted_as="updated")
    owner_sent = post_node is not None and post_node == sender.node_id and me.role != "post"
    m = _merge(t, local, row, "incoming" if owner_sent else None)
    if (
        found is not None
        and me.role == "post"
        and sender.relays
        and not from_pending
        and proposals.applies(t, local, m.row, me.node_id)
    ):
        names = proposals.fields_of(t, local, row, sender.replicas)
        if names:  # the upper unit's edit of this post's record: a proposal, not a write
            found.append(proposals.arrived(t, local, row, names, author))
            counts.unchanged += 1
            return None
    if post_node is not None:
        upstream = me.node_id if post_node == sender.node_id else sender.node_id
        unit_rows.owned_by_post(t, m, local, row, post_node, upstream)
    rule = None if from_pending else rights.refusal(t, row, local, sender)
    if rule is not None and post_node == sender.node_id:
        rule = None  # the post's own record, which this node also wrote: merged, not refused
    if rule is not None and moved.holds(t, row["id"]):
        if late_edits.takes_back(m):
            rule = ("sync.rule.transferred", {"table": t.name, "unit": sender.unit_name})
        else:  # the old post's late changes: merged, and flagged for the new post
            rule = None
            if m.changed:
                m.conflicts += late_edits.field_flags(local, row, m)
                late_edits.note(report, sender.unit_name)
    if not m.changed:
        if not from_pending:
            counts.unchanged += 1
        if m.vector_changed and rule is None:
            # the local value won: a true conflict is recorded here all the same, or the
            # merged vector (which has seen the other write) would hide it for good
            if not from_pending:
                counts.conflicts += len(m.conflicts)
            merged = {**local, **m.row}
            return _Write(
                t.name,
                merged,
                False,
                m.equals_incoming,
                from_pending,
                m.conflicts,
                counted_as="vector",
            )
        return None
    if rule is not None:
        report.refuse(t.name, row["id"], rule[0], **rule[1])
        return None
    if not from_pending:
        counts.updated += 1
        counts.conflicts += len(m.conflicts)
    merged = {**local, **m.row}
    return _Write(t.name, merged, False, m.equals_incoming, from_pending, m.conflicts, "updated")


def _merge(
    t: SyncTable, local: dict[str, Any], row: dict[str, Any], owner: str | None = None
) -> Merged:
    """The merge rule over the known fields and any a newer version sent (``owner``: the
    side that is the post owning the record, whose value a true conflict keeps)."""
    unknown = extras.names(local, row)
    if not unknown:
        return merge(local, row, t.merge_fields, owner=owner)
    m = merge(extras.flat(local), extras.flat(row), (*t.merge_fields, *unknown), owner=owner)
    m.row = extras.nest(m.row, unknown)
    return m


def _hold_duplicates(
    conn: Connection, writes: dict[str, dict[str, _Write]], report: ImportReport
) -> None:
    """Rows that would take a unique value (an ID number...) another row holds wait aside."""
    for name, batch in writes.items():
        t = by_name()[name]
        for columns in t.uniques:
            claims: dict[tuple[Any, ...], str] = {}
            for ident, w in batch.items():
                value = tuple(map(w.row.get, columns))
                if None in value:
                    continue
                if value in claims:
                    _hold(report, name, w, columns, claims[value])
                else:
                    claims[value] = ident
            if not claims:
                continue
            holders: dict[tuple[Any, ...], str] = {}
            values = sorted({v[0] for v in claims})  # the first column: once each
            for start in range(0, len(values), rows.BATCH):
                chunk = values[start : start + rows.BATCH]
                sql = field_crypto.lookup_sql(name, columns[0], len(chunk)) or (
                    f"SELECT {', '.join(columns)}, id FROM {name}"
                    f" WHERE {columns[0]} IN ({','.join('?' * len(chunk))})"
                )
                for *found, holder in conn.exec_driver_sql(sql, tuple(chunk)):
                    holders[tuple(found)] = holder
            for value, ident in claims.items():
                holder = holders.get(value)
                if holder is not None and holder != ident and holder not in batch:
                    _hold(report, name, batch[ident], columns, holder)


def _hold(
    report: ImportReport, name: str, w: _Write, columns: tuple[str, ...], holder: str
) -> None:
    if w.counted_as == "duplicate":
        return
    if not w.from_pending:
        _undo_count(report, name, w)
        report.refuse(
            name,
            w.row["id"],
            "sync.rule.duplicate",
            table=name,
            columns=", ".join(columns),
            other=holder,
        )
    w.counted_as = "duplicate"
    w.conflicts = [conflict_store.duplicate(columns, holder, w.row["id"])]


def _undo_count(report: ImportReport, name: str, w: _Write) -> None:
    counts = report.table(name)
    if w.is_new:
        counts.new -= 1
    elif w.counted_as == "updated":
        counts.updated -= 1
        counts.conflicts -= len(w.conflicts)


def _sealer(conn: Connection, table: str) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
    if table not in field_crypto.SEALED:
        return None
    cipher = field_crypto.require_cipher(conn)
    return lambda row: field_crypto.sealed_row(cipher, table, row)


def _sealed_encoder(
    encode: Callable[[dict[str, Any]], tuple[Any, ...]],
    seal: Callable[[dict[str, Any]], dict[str, Any]] | None,
) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    return encode if seal is None else (lambda row: encode(seal(row)))


def _write(
    conn: Connection,
    writes: dict[str, dict[str, _Write]],
    keep_waiting: dict[tuple[str, str], dict[str, Any]],
    from_pending: set[tuple[str, str]],
    held: list[tuple[str, str, Conflict]],
    sender: rights.Sender,
    report: ImportReport,
    now_ms: int,
    progress: Progress | None,
) -> Applied:
    seq, hlc = conn.exec_driver_sql("SELECT seq, hlc FROM local_node WHERE singleton = 1").one()
    ordered = [w for b in writes.values() for w in b.values()]
    ordered.sort(key=lambda w: not w.echo)  # exact copies first: one range to skip
    applied = Applied()
    echoes = sum(1 for w in ordered if w.echo)
    if echoes:
        applied.echo_from, applied.echo_to = seq + 1, seq + echoes
    newest, ahead = hlc, 0
    for w in ordered:
        seq += 1
        w.row["local_seq"] = seq
        stamp = int(w.row["hlc"])
        if physical_ms(stamp) > now_ms + DAY_MS:  # a clock far ahead is not adopted
            ahead = max(ahead, stamp)
        else:
            newest = max(newest, stamp)
    tables = by_name()
    persons: list[dict[str, Any]] = []
    households: list[dict[str, Any]] = []
    new_ids: set[str] = set()
    written = 0
    for name, batch in writes.items():
        if progress is not None and progress(f"write:{name}", written, len(ordered)) is False:
            raise InterruptedError("import cancelled")
        written += len(batch)
        t = tables[name]
        names = [*rows.db_columns(t), *field_crypto.LOCAL_COLUMNS.get(name, ())]
        seal = _sealer(conn, name)  # sealed under this node's fields key, indexes computed
        encode = _sealed_encoder(rows.db_encoder(t, names), seal)
        # updates first, tombstones first among them: a record merged away lets go of its
        # ID number before the survivor, new or stored, takes it (unique, not deferrable)
        encode_rest = _sealed_encoder(rows.db_encoder(t, names[1:]), seal)
        updates = [
            (*encode_rest(w.row), w.row["id"])
            for w in sorted(
                (w for w in batch.values() if not w.is_new),  # (a new post's rows: none)
                key=lambda w: not w.row.get("deleted"),
            )
        ]
        if updates:
            assignments = ", ".join(f"{n} = ?" for n in names[1:])
            conn.exec_driver_sql(f"UPDATE {name} SET {assignments} WHERE id = ?", updates)
        bulk.insert_rows(conn, name, names, [encode(w.row) for w in batch.values() if w.is_new])
        extras.save(conn, name, [w.row for w in batch.values()])
        if name == "persons":
            persons = [w.row for w in batch.values()]
        elif name == "households":
            households = [w.row for w in batch.values()]
        new_ids.update(w.row["id"] for w in batch.values() if w.is_new)
    person_merges.apply_written(conn, persons)
    search_refresh.refresh(conn, persons, households, new_ids)
    conflict_store.record(
        conn,
        [(w.table, w.row["id"], c) for w in ordered for c in w.conflicts] + held,
        sender.node_id,
    )
    for name, batch in writes.items():
        conflict_store.supersede(conn, name, [w.row for w in batch.values() if not w.is_new])
    if writes.get(forks.TABLE):  # two corrections of one assessment made on two nodes
        found = forks.refresh(conn, [w.row for w in writes[forks.TABLE].values()], sender.node_id)
        report.table(forks.TABLE).conflicts += found
    pending.save(
        conn, keep_waiting, {k for k in from_pending if k not in keep_waiting}, sender.node_id
    )
    if ahead:
        report.warn(
            "sync.warning.clock_ahead",
            unit=sender.unit_name,
            days=(physical_ms(ahead) - now_ms) // DAY_MS,
        )
    conn.exec_driver_sql(
        "UPDATE local_node SET seq = ?, hlc = ? WHERE singleton = 1", (seq, newest)
    )
    applied.written = len(ordered)
    return applied
