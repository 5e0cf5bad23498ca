"""``antt print numbers``: the register of document numbers of a year (sổ đăng ký văn bản
đi), each number with what it was given to, when and by whom, and cancelled ones marked
"đã hủy"; ``--cancel NUMBER --reason TEXT`` cancels one (it is never given again)."""

from __future__ import annotations

import argparse

from antt_desktop.cli.env import Env
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services import document_number_rows, document_numbers, post_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.values import read_year


def register_numbers(docs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = docs.add_parser("numbers", help="the register of document numbers of a year")
    p.add_argument("--year", help="the year (default: this year; 'all' for every year)")
    p.add_argument("--type", dest="doc_type", help="one type of document, e.g. BC or GK")
    p.add_argument("--unit", help="unit code (default: this post)")
    p.add_argument("--cancel", metavar="NUMBER", help='cancel this number, e.g. "12/BC-CAX"')
    p.add_argument("--reason", help="why the number is cancelled (with --cancel)")
    p.set_defaults(func=cmd_numbers)


def _year(ctx: Ctx, value: str | None) -> int | None:
    if value is not None and value.strip().lower() == "all":
        return None
    problems: list[Problem] = []
    year = read_year(value, "year", problems, today=ctx.today) if value else ctx.today.year
    raise_if_errors(problems)
    return year


def cmd_numbers(env: Env, args: argparse.Namespace) -> int:
    _ = env.out._
    with env.open() as db:
        if args.cancel:
            with db.write() as session:
                ctx = Ctx(session, env.actor, env.today)
                unit = post_rows.unit_or_post(ctx, args.unit)
                year = _year(ctx, args.year)
                wanted = " ".join(args.cancel.split())
                found = [
                    r
                    for r in document_number_rows.numbers(ctx, unit.id, year)
                    if r.number == wanted
                ]
                if not found:
                    raise ValidationFailed.single("number", "numbers.unknown", value=wanted)
                row = document_numbers.cancel(ctx, found[0].id, args.reason)
                number = row.number
            env.out.data({"ok": True, "number": number, "state": "cancelled"})
            env.out.line(
                _(N_("Number {number} is cancelled; it will not be given again.")).format(
                    number=number
                )
            )
            return 0
        with db.read() as session:
            ctx = Ctx(session, env.actor, env.today)
            unit = post_rows.unit_or_post(ctx, args.unit)
            year = _year(ctx, args.year)
            doc_type = args.doc_type.strip().upper() if args.doc_type else None
            rows = document_number_rows.numbers(ctx, unit.id, year, doc_type)
    env.out.data(
        [
            {
                "number": r.number,
                "year": r.year,
                "type": r.doc_type,
                "document": r.document,
                "title": r.title,
                "issued_on": r.issued_on.isoformat(),
                "issued_by": r.issued_by,
                "state": "cancelled" if r.cancelled else "issued",
                "cancel_reason": r.cancel_reason,
            }
            for r in rows
        ]
    )
    if not rows:
        env.out.line(_(N_("No number has been given yet.")))
    for r in rows:
        state = _(N_("cancelled")) if r.cancelled else _(N_("issued"))
        line = f"{r.number:<16} {fmt_date(r.issued_on, env.out.tr):<11} {state:<8} {r.title}"
        if r.cancelled and r.cancel_reason:
            line += f" ({r.cancel_reason})"
        env.out.line(line)
    return 0
