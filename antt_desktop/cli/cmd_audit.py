"""``antt audit list|print``: the audit log (nhật ký hệ thống) for the chief and the admin.

Both take the same filters (``--since``/``--until`` as dd/mm/yyyy or ISO dates, ``--user``,
``--action``, ``--record``) and need Permission.AUDIT: a refusal exits 5, as every refusal
of a role does. ``list`` prints a table (``--json``: the entries and the chain's state);
``print`` writes the filtered log as a PDF in the administrative format and records the
print.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from antt_desktop.cli.env import Env
from antt_desktop.domain.dates import parse_date
from antt_desktop.i18n.texts.audit import (
    ACTIONS,
    FIELDS_COLUMN,
    LEAVES_PROTECTION,
    chain_text,
    plain,
)
from antt_desktop.i18n.texts.audit_chain import CHAIN_CUT
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.audit_entry import cells
from antt_desktop.printing.audit import record_print, require_print
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.audit_log import (
    AuditFilter,
    AuditRow,
    ChainStatus,
    chain_status,
    list_entries,
)
from antt_desktop.services.context import Ctx, Permission

COLUMNS = (N_("No."), N_("Time"), N_("Account"), N_("Action"), N_("Record"), FIELDS_COLUMN)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    log = commands.add_parser(
        "audit",
        help="the audit log: list or print it (chief, admin)",
        description="--user after the action filters by account; the account that logs in"
        " goes before the command (antt --user NAME audit list) or in $ANTT_USER.",
    )
    sub = log.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="the entries of the audit log, oldest first")
    _filters(p)
    p.add_argument("--limit", type=int, help="only the last N entries")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("print", help="the filtered audit log as a PDF")
    _filters(p)
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    p.add_argument("--number", help='document number and symbol, e.g. "05/NK-CAX"')
    p.add_argument("--signer", help="name printed under the chief's signature")
    p.set_defaults(func=cmd_print)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="from this day (dd/mm/yyyy or yyyy-mm-dd), included")
    p.add_argument("--until", help="to this day (dd/mm/yyyy or yyyy-mm-dd), included")
    p.add_argument("--user", dest="account", help="entries of this account only")
    p.add_argument("--action", help=f"entries of this action only: {', '.join(ACTIONS)}")
    p.add_argument("--record", help="entries about the record whose id starts so")


def _filter(args: argparse.Namespace) -> AuditFilter:
    return AuditFilter(
        since=parse_date(args.since, "since") if args.since else None,
        until=parse_date(args.until, "until") if args.until else None,
        user=args.account,
        action=args.action,
        record=args.record,
    ).checked()


def _table(env: Env, rows: list[AuditRow]) -> None:
    tr = env.out.tr
    lines = [[plain(c, tr) for c in COLUMNS] + [tr(N_("Details"))]]
    for r in rows:
        lines.append(cells(r, tr))
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    for line in lines:
        padded = [c.ljust(w) for c, w in zip(line, widths, strict=False)]
        env.out.line("  ".join([*padded, line[-1]]).rstrip())


def _chain_line(env: Env, status: ChainStatus) -> str:
    if status.cut and status.first_broken is None:
        return env.out.tr(CHAIN_CUT)
    return chain_text(
        status.entries,
        status.first_broken,
        len(status.broken),
        env.out.tr,
        guarded=not status.unguarded,
    )


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    f = _filter(args)
    with env.reading() as ctx:
        ctx.require(Permission.AUDIT)
        rows = list_entries(ctx, f, limit=args.limit)
        status = chain_status(ctx)
    env.out.data(
        {
            "entries": [r.to_dict() for r in rows],
            "chain": {
                "intact": status.intact,
                "entries": status.entries,
                "broken": [{"seq": seq, "problem": what} for seq, what in status.broken],
                "guards_removed": list(status.unguarded),
                "cut": list(status.cut),
            },
        }
    )
    if rows:
        _table(env, rows)
    else:
        env.out.line(env.out._(N_("No entry matches.")))
    env.out.line(env.out._(N_("{count} entries shown.")).format(count=len(rows)))
    env.out.line(_chain_line(env, status))
    return 0


def cmd_print(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.audit_log import WHAT, audit_log_pdf

    f = _filter(args)
    options = PrintOptions(number=args.number, signer_name=args.signer)
    with env.open() as db:
        with db.read() as session:
            ctx = Ctx(session, env.actor, env.today)
            ctx.require(Permission.AUDIT)
            require_print(ctx, WHAT)  # before a byte of it is written out
            printed = audit_log_pdf(ctx, f, options=options)
            unit_id = ctx.local_unit().id
        path = printed.save(args.out)
        with db.write() as session:
            record_print(
                Ctx(session, env.actor, env.today),
                entity="unit",
                entity_id=unit_id,
                what=WHAT,
                pages=printed.pages,
                where=path.name,
            )
    env.out.data({"path": str(path), "pages": printed.pages})
    text = env.out._(N_("Printed {pages} page(s) to {path}"))
    env.out.line(text.format(pages=printed.pages, path=path))
    env.out.warning(env.out._(LEAVES_PROTECTION))
    return 0
