"""``antt sync conflicts`` and ``antt sync transfer``: settling conflicts field by field, and
dossier transfers between posts (requested and approved at the upper unit)."""

from __future__ import annotations

import argparse

from antt_desktop.cli.env import Env
from antt_desktop.i18n.translator import N_
from antt_desktop.sync import conflict_text, conflicts, records, transfer


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("conflicts", help="list conflicts; resolve one field at a time")
    p.add_argument("--resolve", metavar="ID", help="the conflict to settle")
    p.add_argument(
        "--choose",
        choices=("kept", "other", "reviewed"),
        help="kept: the value in the record now; other: the value set aside;"
        " reviewed: a whole record looked at",
    )
    p.set_defaults(func=cmd_conflicts)
    p = sub.add_parser("transfer", help="dossier transfers between posts")
    steps = p.add_subparsers(dest="step", metavar="STEP", required=True)
    q = steps.add_parser("request", help="record that a dossier moves to another post")
    q.add_argument("--dossier", required=True, metavar="ID")
    q.add_argument("--to", required=True, metavar="UNIT", help="unit code or node id")
    q.add_argument("--date", metavar="DD/MM/YYYY")
    q.add_argument("--note")
    q.set_defaults(func=cmd_transfer_request)
    q = steps.add_parser("approve", help="approve a requested transfer")
    q.add_argument("request", metavar="REQUEST_ID")
    q.add_argument("--date", metavar="DD/MM/YYYY")
    q.set_defaults(func=cmd_transfer_approve)
    q = steps.add_parser("list", help="transfers of dossiers from or to this unit")
    q.set_defaults(func=cmd_transfer_list)


def cmd_conflicts(env: Env, args: argparse.Namespace) -> int:
    _ = env.out._
    tr = env.out.tr
    if args.resolve:
        with env.writing() as ctx:
            settled = conflicts.resolve(ctx, args.resolve, args.choose or "")
            info = {"ok": True, "id": settled.id, "choice": args.choose}
            record = records.describe(ctx.session, settled.table_name, settled.row_id)
        env.out.data(info)
        env.out.line(
            _(
                N_("Conflict settled for {record}; the choice goes out with the next sync file.")
            ).format(record=record)
        )
        return 0
    with env.reading() as ctx:
        found = conflicts.open_conflicts(ctx.session)
    env.out.data({"conflicts": [c.to_dict() for c in found]})
    if not found:
        env.out.line(_(N_("No conflict is waiting.")))
    for c in found:
        env.out.line(
            f"{c.id[:8]}  {conflict_text.table_label(c.table, tr)}: {c.record}"
            f" — {conflict_text.field_text(c, tr)} ({tr(conflict_text.KINDS[c.kind])})"
        )
        kept = conflict_text.value_text(c, c.kept_value, tr, kept=True)
        env.out.line(
            "    "
            + _(N_("in the record now: {value} ({unit})")).format(
                value=kept, unit=conflict_text.writer_text(c.kept_by, tr)
            )
        )
        if not c.reviewed_only:
            other = conflict_text.value_text(c, c.other_value, tr, kept=False)
            env.out.line(
                "    "
                + _(N_("set aside: {value} ({unit})")).format(
                    value=other, unit=conflict_text.writer_text(c.other_by, tr)
                )
            )
    return 0


def cmd_transfer_request(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        row = transfer.request_transfer(ctx, args.dossier, args.to, args.date, args.note)
        info = {"ok": True, "request_id": row.id, "dossier_id": row.dossier_id}
    env.out.data(info)
    env.out.line(
        env.out._(N_("Transfer requested ({id}); approve it to hand the dossier over.")).format(
            id=info["request_id"]
        )
    )
    return 0


def cmd_transfer_approve(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        row = transfer.approve_transfer(ctx, args.request, args.date)
        info = {"ok": True, "approval_id": row.id, "dossier_id": row.dossier_id}
    env.out.data(info)
    env.out.line(
        env.out._(
            N_(
                "Transfer approved: the dossier now belongs to the new post; the next sync"
                " files carry it to both posts."
            )
        )
    )
    return 0


def cmd_transfer_list(env: Env, args: argparse.Namespace) -> int:
    _ = env.out._
    with env.reading() as ctx:
        found = transfer.transfers(ctx.session)
    env.out.data({"transfers": [t.to_dict() for t in found]})
    if not found:
        env.out.line(_(N_("No dossier transfer is recorded.")))
    for t in found:
        state = (
            _(N_("approved on {day}")).format(day=t.approved_on.strftime("%d/%m/%Y"))
            if t.approved_on
            else _(N_("waiting for approval"))
        )
        env.out.line(
            f"{t.request_id[:8]}  {t.person}: {t.from_unit} → {t.to_unit},"
            f" {t.on_date.strftime('%d/%m/%Y')} — {state}"
        )
    return 0
