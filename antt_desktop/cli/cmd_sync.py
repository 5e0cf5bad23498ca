"""``antt sync``: enrolment, rosters, export and import of bundle files, status.

A refused bundle exits 4 with the reason; nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from antt_desktop.cli import sync_conflicts, sync_proposals
from antt_desktop.cli.env import Env
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.sync import digest, enrolment, identity, status_text
from antt_desktop.sync.export import DEFAULT_VOLUME_BYTES, export
from antt_desktop.sync.importer import import_bundle
from antt_desktop.sync.report_text import report_lines, table_name
from antt_desktop.sync.status import status


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("sync", help="sync by bundle files on USB sticks").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sub.add_parser("enroll", help="enrolment cards: export this node's, import a post's")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--export-card", type=Path, metavar="FILE")
    how.add_argument("--import-card", type=Path, metavar="FILE")
    p.add_argument("--fingerprint", help="the card's fingerprint, as confirmed by phone")
    p.set_defaults(func=cmd_enroll)
    p = sub.add_parser("roster", help="issue the roster (upper unit) or import it (post)")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--out", type=Path, metavar="FILE")
    how.add_argument("--import", dest="import_file", type=Path, metavar="FILE")
    p.add_argument("--fingerprint", help="the upper unit's fingerprint (first roster)")
    p.set_defaults(func=cmd_roster)
    p = sub.add_parser("revoke", help="refuse a node's bundles from now on")
    p.add_argument("node", help="node id or unit code")
    p.set_defaults(func=cmd_revoke)
    p = sub.add_parser("export", help="write a bundle for a peer")
    p.add_argument("--to", required=True, metavar="NODE", help="node id or unit code")
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.add_argument("--volume-mb", type=int, default=DEFAULT_VOLUME_BYTES // 2**20)
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="import bundle files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("status", help="peers, last exchange, unacknowledged changes")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("digest", help="a checksum of each table's content, to compare nodes")
    p.add_argument("--table", metavar="TABLE", help="only this table (e.g. persons)")
    p.add_argument("--unit", metavar="CODE", help="only the records of this unit")
    p.set_defaults(func=cmd_digest)
    sync_conflicts.register(sub)
    sync_proposals.register(sub)


def _may_sync(env: Env) -> None:
    """Exchanging bundles changes the post's records: refused to roles without sync."""
    with env.reading() as ctx:
        ctx.require(Permission.SYNC)


def cmd_enroll(env: Env, args: argparse.Namespace) -> int:
    _may_sync(env)
    _ = env.out._
    if args.export_card:
        with env.writing() as ctx:
            written = enrolment.write_card(ctx, args.export_card)
        fp = written.fingerprint
        env.out.data({"ok": True, "file": str(args.export_card), "fingerprint": fp})
        env.out.line(_(N_("Enrolment card written to {file}")).format(file=args.export_card))
        env.out.line(
            _(N_("Fingerprint to read out to the upper unit: {fingerprint}")).format(fingerprint=fp)
        )
        return 0
    with env.writing() as ctx:
        peer = enrolment.enrol(ctx, args.import_card, args.fingerprint or "")
        info = {"ok": True, "node_id": peer.node_id, "unit": peer.unit_name, "role": peer.role}
    env.out.data(info)
    env.out.line(
        _(N_("{unit} is enrolled for sync (node {node_id})")).format(
            unit=info["unit"], node_id=info["node_id"]
        )
    )
    return 0


def cmd_roster(env: Env, args: argparse.Namespace) -> int:
    _may_sync(env)
    _ = env.out._
    if args.out:
        with env.writing() as ctx:
            written = enrolment.issue_roster(ctx, args.out)
        doc, fp = written.doc, written.fingerprint
        env.out.data(
            {"ok": True, "file": str(args.out), "version": doc["version"], "fingerprint": fp}
        )
        env.out.line(
            _(N_("Roster written to {file} ({count} units)")).format(
                file=args.out, count=len(doc["nodes"])
            )
        )
        env.out.line(_(N_("Fingerprint of this unit: {fingerprint}")).format(fingerprint=fp))
        return 0
    with env.writing() as ctx:
        peer, version = enrolment.accept_roster(ctx, args.import_file, args.fingerprint)
        info = {"ok": True, "upper": peer.unit_name, "node_id": peer.node_id, "version": version}
    env.out.data(info)
    env.out.line(
        _(N_("Roster of {unit} accepted (version {version})")).format(
            unit=info["upper"], version=info["version"]
        )
    )
    return 0


def cmd_revoke(env: Env, args: argparse.Namespace) -> int:
    _may_sync(env)
    with env.writing() as ctx:
        peer = enrolment.revoke(ctx, args.node)
        info = {"ok": True, "node_id": peer.node_id, "unit": peer.unit_name}
    env.out.data(info)
    env.out.line(env.out._(N_("The sync key of {unit} is revoked")).format(unit=info["unit"]))
    return 0


def cmd_export(env: Env, args: argparse.Namespace) -> int:
    _may_sync(env)
    with env.open() as db:
        result = export(
            db, args.to, args.out, actor=env.actor.username, volume_bytes=args.volume_mb * 2**20
        )
    env.out.data({"ok": True, **result.to_dict()})
    _ = env.out._
    env.out.line(
        _(N_("Sync file for {unit} written ({rows} records, {size} kB):")).format(
            unit=result.peer_unit, rows=result.total, size=max(1, result.bytes // 1024)
        )
    )
    for path in result.files:
        env.out.line(f"  {path}")
    env.out.line(
        _(
            N_(
                "The file was read back from the drive and checked:"
                " it is safe to remove the USB stick."
            )
        )
    )
    return 0


def cmd_import(env: Env, args: argparse.Namespace) -> int:
    _may_sync(env)
    reports = []
    with env.open() as db:
        for path in args.files:
            report = import_bundle(db, path, dry_run=args.dry_run, actor=env.actor.username)
            reports.append(report)
            for line in report_lines(report, env.out.tr):
                env.out.line(line)
    env.out.data({"ok": True, "reports": [r.to_dict() for r in reports]})
    return 0


def cmd_status(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        identity.ensure(ctx.session)
    with env.reading() as ctx:
        st = status(ctx.session)
    env.out.data(st.to_dict())
    _ = env.out._
    env.out.line(_(N_("This computer: {unit}, node {node}")).format(unit=st.unit, node=st.node_id))
    env.out.line(_(N_("Fingerprint: {fingerprint}")).format(fingerprint=st.fingerprint))
    if not st.peers:
        env.out.line(_(N_("No unit is enrolled for sync yet.")))
    for p in st.peers:
        env.out.line(f"- {p.unit_name} ({p.unit_code}), {p.status}")
        if p.audit_alert is not None:
            env.out.line("    " + status_text.audit_alert_text(p.audit_alert, env.out.tr))
        env.out.line(
            "    "
            + _(N_("last export: {export}; last import: {imported}")).format(
                export=p.last_export_at or "—", imported=p.last_import_at or "—"
            )
        )
        env.out.line(
            "    " + _(N_("changes not yet acknowledged: {count}")).format(count=p.unacknowledged)
        )
        if p.missing_bundles:
            env.out.line(
                "    "
                + _(N_("sync files that never arrived: {numbers}")).format(
                    numbers=", ".join(map(str, p.missing_bundles))
                )
            )
    env.out.line(
        _(N_("Records waiting for a parent record: {count}; open conflicts: {conflicts}")).format(
            count=st.pending, conflicts=st.open_conflicts
        )
    )
    if st.proposals:
        env.out.line(
            _(N_("{count} proposals waiting")).format(count=st.proposals) + " — antt sync proposals"
        )
    return 0


def cmd_digest(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        found = digest.digests(ctx, args.table, args.unit)
    env.out.data({"ok": True, "unit": args.unit, "tables": [d.to_dict() for d in found]})
    _ = env.out._
    head = (
        _(N_("Content checksums of the records of unit {code}:")).format(code=args.unit)
        if args.unit
        else _(N_("Content checksums of the synced data:"))
    )
    env.out.line(head)
    for d in found:
        label = table_name(d.table, env.out.tr)
        # the first 16 digits, in fours: enough to tell two computers apart read by phone
        short = " ".join(d.sha256[i : i + 4] for i in range(0, 16, 4))
        env.out.line(
            "  "
            + _(N_("{label} ({table}): {rows} records, checksum {checksum}")).format(
                label=label, table=d.table, rows=d.rows, checksum=short
            )
            if label != d.table
            else "  "
            + _(N_("{table}: {rows} records, checksum {checksum}")).format(
                table=d.table, rows=d.rows, checksum=short
            )
        )
    env.out.line(
        _(
            N_(
                "Run the same command on the other computer: where a checksum differs, the two"
                " computers hold different data in that table."
            )
        )
    )
    return 0
