"""The audit log's head travels in every bundle's signed header; the upper unit warns when a
post's log went backwards or diverged, and the post checks its log against the head the
upper unit acknowledged (SECURITY.md, "Audit")."""

from __future__ import annotations

import sqlite3

from antt_desktop.i18n.translator import Translator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import audit
from antt_desktop.sync import container, status_text
from antt_desktop.sync.status import status
from tests.sync.nodes import Network, Node

GUARDS = {"audit_entries_no_update": "UPDATE", "audit_entries_no_delete": "DELETE"}


def cut_tail(node: Node, entries: int) -> None:
    """Remove the last ``entries`` of the log the way a key holder can (on a server, the
    database's owner): triggers dropped (switched off), rows deleted, triggers put back."""
    if node.on_server:
        import psycopg

        with psycopg.connect(str(node.location), autocommit=True) as server:
            server.execute("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only")
            server.execute(
                "DELETE FROM audit_entries WHERE seq IN"
                f" (SELECT seq FROM audit_entries ORDER BY seq DESC LIMIT {entries})"  # type: ignore[arg-type]
            )
            server.execute("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only")
        return
    conn = sqlite3.connect(node.db.path)
    for name in GUARDS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(
        "DELETE FROM audit_entries WHERE seq IN"
        f" (SELECT seq FROM audit_entries ORDER BY seq DESC LIMIT {entries})"
    )
    for name, event in GUARDS.items():
        conn.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON audit_entries"
            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    conn.commit()
    conn.close()


def head_of(node: Node) -> audit.Head:
    with node.db.read() as session:
        return audit.head(session)


def test_the_head_is_in_the_signed_header(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    before = head_of(post)

    [path] = post.export_to(upper)

    with path.open("rb") as fh:
        header = container.read_header(fh, path.name)
    assert header.fields["audit_head"] == {"count": before.count, "hash": before.hash}
    assert b'"audit_head"' in header.signed_bytes  # covered by the Ed25519 signature


def test_the_upper_unit_flags_a_shortened_log(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985"))
    [first] = net.send(post, upper)
    assert first.warnings == []
    cut_tail(post, 3)

    [report] = net.send(post, upper)

    [warning] = report.warnings
    assert warning.code == "sync.warning.audit_shortened"
    with upper.db.read() as session:
        [peer] = status(session).peers
    assert peer.audit_alert is not None and peer.audit_alert["kind"] == "shortened"
    line = status_text.sentences(peer, Translator("vi"))[0]
    assert line.startswith("Cảnh báo: ngày ")
    assert f"giảm từ {warning.params['before']} xuống {warning.params['now']} dòng" in line
    # the warning stays: a later, longer log does not make it go away
    with post.write() as ctx:
        for n in range(5):
            ctx.audit("view", "person", None, [], f"{n}")
    assert net.send(post, upper)[0].warnings == []
    with upper.db.read() as session:
        assert status(session).peers[0].audit_alert is not None


def test_the_upper_unit_flags_a_rewritten_log_of_the_same_length(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985"))
    sent = head_of(post)
    net.send(post, upper)  # its own entry comes after the head it carried
    cut_tail(post, 2)
    with post.write() as ctx:
        ctx.audit("login", "user", None, [], "a different story")
    rewritten = head_of(post)
    assert rewritten.count == sent.count and rewritten.hash != sent.hash

    [report] = net.send(post, upper)

    codes = [w.code for w in report.warnings]
    assert codes == ["sync.warning.audit_diverged"]


def test_the_post_keeps_the_head_the_upper_unit_acknowledged(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985"))
    sent = head_of(post)
    net.send(post, upper)  # then the export's entry, then the import's: two more
    net.send(upper, post)
    with post.db.read() as session:
        assert audit.acked_problems(session) == []
    cut_tail(post, 3)

    with post.db.read() as session:
        problems = audit.verify_chain(session)

    assert problems == [
        f"audit log: {sent.count - 1} entries, fewer than the {sent.count} CAT-TN acknowledged"
        " receiving (the log was shortened)"
    ]
