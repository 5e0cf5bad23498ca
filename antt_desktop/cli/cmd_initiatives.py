"""Commands about community security initiatives and indicators: ``antt initiative ...``
(add, edit, status, list, show, types, activity, evaluate, rubric) and ``antt indicator ...``
(set, compare, list)."""

from __future__ import annotations

import argparse
from typing import Any

from antt_desktop.cli import initiative_text as text
from antt_desktop.cli.env import Env
from antt_desktop.cli.initiative_text import ACTIVITY_OPTIONS, DECISION_OPTIONS, INITIATIVE_OPTIONS
from antt_desktop.cli.stats_text import Names
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_change, fmt_int
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.initiatives import INDICATORS as INDICATOR_LABELS
from antt_desktop.i18n.texts.initiatives import STATUSES as STATUS_LABELS
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues, initiative_rows
from antt_desktop.services.activities import QUANTITIES, ActivityInput, record_activity
from antt_desktop.services.context import Ctx
from antt_desktop.services.evaluations import EvaluationInput, evaluate
from antt_desktop.services.indicators import INDICATORS, compare, record_indicator, snapshot
from antt_desktop.services.initiatives import (
    STATUSES,
    InitiativeInput,
    add_initiative,
    edit_initiative,
    set_status,
)


def _initiative_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    for flag, dest in INITIATIVE_OPTIONS:
        required = adding and dest in ("name", "type_code", "launched_on")
        p.add_argument(flag, dest=dest, required=required)
    more = "" if adding else "; repeating it replaces the whole list, '' empties it"
    p.add_argument("--area", action="append", help="residential area name" + more)
    p.add_argument("--funding", action="append", help="AMOUNT:SOURCE[:NOTE]" + more)
    p.add_argument("--asset", action="append", help="KIND:COUNT" + more)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``antt initiative`` and ``antt indicator``."""
    group = commands.add_parser("initiative", help="community security initiatives")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="add an initiative")
    _initiative_options(p, adding=True)
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("edit", help="change fields of an initiative")
    p.add_argument("id")
    _initiative_options(p, adding=False)
    p.set_defaults(func=cmd_edit)
    p = sub.add_parser("status", help="mark an initiative active, paused or ended")
    p.add_argument("id")
    p.add_argument("--status", choices=STATUSES, required=True)
    p.add_argument("--ended", help="end date (with --status ended)")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("list", help="list initiatives")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--type", dest="type_code")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("show", help="show an initiative with its totals")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    sub.add_parser("types", help="the types of initiative").set_defaults(func=cmd_types)
    p = sub.add_parser("activity", help="record an activity or result")
    p.add_argument("id")
    p.add_argument("--date", required=True)
    p.add_argument("--kind", required=True)
    for flag, dest in ACTIVITY_OPTIONS:
        p.add_argument(flag, dest=dest)
    p.add_argument("--notes")
    p.set_defaults(func=cmd_activity)
    p = sub.add_parser("evaluate", help="score an initiative against a rubric")
    p.add_argument("id")
    p.add_argument("--date", required=True)
    p.add_argument("--rubric", required=True)
    p.add_argument("--score", action="append", default=[], help="CRITERION=POINTS")
    for flag, dest in DECISION_OPTIONS:
        p.add_argument(flag, dest=dest)
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("rubric", help="criteria of a rubric (without CODE: every rubric)")
    p.add_argument("code", nargs="?")
    p.set_defaults(func=cmd_rubric)

    group = commands.add_parser("indicator", help="counts per period for before/after")
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    names = "one of: " + ", ".join(INDICATORS)
    p = sub.add_parser("set", help="record (or correct) a count for a period")
    p.add_argument("--period", required=True, help="2026-10, 2026-Q3 or 2026")
    p.add_argument("--name", required=True, help=names)
    p.add_argument("--value", required=True)
    p.add_argument("--unit", help="unit code (default: this post)")
    p.set_defaults(func=cmd_indicator_set)
    p = sub.add_parser("compare", help="change of a count between two periods")
    p.add_argument("--name", required=True, help=names)
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("--unit", help="unit code (default: this post)")
    p.set_defaults(func=cmd_indicator_compare)
    p = sub.add_parser("list", help="the counts recorded for a period")
    p.add_argument("--period", required=True)
    p.add_argument("--unit", help="unit code (default: this post)")
    p.set_defaults(func=cmd_indicator_list)


def _saved_and_shown(env: Env, shown: tuple[dict[str, Any], Names]) -> int:
    record, names = shown
    env.out.line(env.out._(N_("Saved.")))
    text.print_initiative(env.out, record, names)
    return 0


def _detail(ctx: Ctx, env: Env, initiative_id: str) -> tuple[dict[str, Any], Names]:
    names = Names.load(ctx.session, env.out.tr)
    return text.initiative_record(initiative_rows.initiative_page(ctx, initiative_id), names), names


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        initiative = add_initiative(ctx, InitiativeInput(**text.initiative_values(ctx, args)))
        shown = _detail(ctx, env, initiative.id)
    return _saved_and_shown(env, shown)


def cmd_edit(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        edit_initiative(ctx, args.id, text.initiative_values(ctx, args))
        shown = _detail(ctx, env, args.id)
    return _saved_and_shown(env, shown)


def cmd_status(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        set_status(ctx, args.id, args.status, args.ended)
        shown = _detail(ctx, env, args.id)
    return _saved_and_shown(env, shown)


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        record, names = _detail(ctx, env, args.id)
    text.print_initiative(env.out, record, names)
    return 0


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        types = catalogues.codes(ctx.session, catalogues.INITIATIVE_TYPE)
        if args.type_code and args.type_code not in types:
            raise ValidationFailed.single(
                "type_code", "initiative.type_unknown", value=args.type_code
            )
        ids = initiative_rows.initiative_ids(ctx, status=args.status, type_code=args.type_code)
        found = initiative_rows.initiative_rows(ctx, ids)
        names = Names.load(ctx.session, env.out.tr)
        rows = [text.summary_record(i, names) for i in found]
    env.out.data(rows)
    if not rows:
        env.out.line(env.out._(N_("Nothing found.")))
    for r in rows:
        status = env.out._(STATUS_LABELS.get(r["status"], r["status"]))
        launched = r["launched_on"].strftime("%d/%m/%Y")
        env.out.line(f"  {r['name']}  ({r['type_name']}; {launched}; {status})  [{r['id']}]")
    return 0


def cmd_types(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        names = Names.load(ctx.session, env.out.tr)
        codes = list(catalogues.codes(ctx.session, catalogues.INITIATIVE_TYPE))
    rows = [{"code": c, "name": names.of(catalogues.INITIATIVE_TYPE, c)} for c in codes]
    env.out.data(rows)
    env.out.table([(r["code"], r["name"]) for r in rows])
    return 0


def cmd_activity(env: Env, args: argparse.Namespace) -> int:
    counts = {dest: getattr(args, dest) for _f, dest in ACTIVITY_OPTIONS if getattr(args, dest)}
    with env.writing() as ctx:
        activity = record_activity(
            ctx,
            ActivityInput(
                initiative_id=args.id, held_on=args.date, kind=args.kind, notes=args.notes, **counts
            ),
        )
        record = text.activity_record(initiative_rows.activity(ctx, activity.id))
        kind = Names.load(ctx.session, env.out.tr).of(catalogues.ACTIVITY_KIND, record["kind"])
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    env.out.line(f"{record['held_on'].strftime('%d/%m/%Y')}  {kind}  [{record['id']}]")
    env.out.table(
        [
            (field_label(name, env.out.tr), fmt_int(record[name], env.out.tr))
            for name in QUANTITIES
            if record[name]
        ]
    )
    return 0


def cmd_evaluate(env: Env, args: argparse.Namespace) -> int:
    data = EvaluationInput(
        initiative_id=args.id,
        evaluated_on=args.date,
        rubric_code=args.rubric,
        scores=text.score_map(args.score),
        **{dest: getattr(args, dest) for _f, dest in DECISION_OPTIONS},
    )
    with env.writing() as ctx:
        saved = evaluate(ctx, data)
        record = text.evaluation_record(initiative_rows.evaluation(ctx, saved.id))
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    env.out.line(
        text.result_text(record["total"], record["max_total"], record["meets_standard"], env.out.tr)
        + f"  [{record['id']}]"
    )
    return 0


def cmd_rubric(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        rubrics = initiative_rows.rubrics(ctx, args.code)
        records = [text.rubric_record(r, env.out.tr) for r in rubrics]
    env.out.data(records[0] if args.code else records)
    for r in records:
        env.out.line(f"{r['code']}  {r['name']}")
        if args.code:
            env.out.table([(c["code"], f"{c['name']}: {c['max']}") for c in r["criteria"]])
        env.out.line(
            "  "
            + env.out._(N_("Meets the standard from {mark} of {max} points")).format(
                mark=r["pass_mark"], max=r["max_total"]
            )
        )
    return 0


def _unit_id(ctx: Ctx, code: str | None) -> str:
    return ctx.unit_by_code(code).id if code else ctx.local_unit().id


def _label(env: Env, indicator: str) -> str:
    return env.out._(INDICATOR_LABELS.get(indicator, indicator))


def cmd_indicator_set(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        unit_id = _unit_id(ctx, args.unit)
        row = record_indicator(ctx, unit_id, args.period, args.name, args.value)
        record = {
            "id": row.id,
            "unit_id": row.unit_id,
            "period": row.period,
            "indicator": row.indicator,
            "value": row.value,
        }
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    env.out.line(f"  {_label(env, row.indicator)} ({record['period']}): {record['value']}")
    return 0


def cmd_indicator_compare(env: Env, args: argparse.Namespace) -> int:
    before, after = text.compared_periods(args)
    with env.reading() as ctx:
        unit_id = _unit_id(ctx, args.unit)
        change = compare(ctx.session, unit_id, args.name, before, after)
        missing = [
            p.label()
            for p in (before, after)
            if change is None and args.name not in snapshot(ctx.session, unit_id, p)
        ]
    if change is None:
        message = env.out._(N_("No count of '{indicator}' is recorded for {periods}")).format(
            indicator=_label(env, args.name), periods=", ".join(missing)
        )
        env.out.data({"ok": False, "missing": missing, "message": message})
        print(f"{env.out._(N_('Error'))}: {message}", file=env.out.err)
        return 3
    env.out.data(
        {
            "indicator": args.name,
            "before": {"period": before.label(), "value": change.before},
            "after": {"period": after.label(), "value": change.after},
            "direction": change.direction,
            "percent": change.percent,
            "text": fmt_change(change, env.out.tr),
        }
    )
    env.out.line(
        f"{_label(env, args.name)} ({before.label()} → {after.label()}): "
        + fmt_change(change, env.out.tr)
    )
    return 0


def cmd_indicator_list(env: Env, args: argparse.Namespace) -> int:
    period = Period.parse(args.period)
    with env.reading() as ctx:
        values = snapshot(ctx.session, _unit_id(ctx, args.unit), period)
    env.out.data({"period": period.label(), "values": values})
    if not values:
        env.out.line(env.out._(N_("Nothing recorded for {period}.")).format(period=period.label()))
    env.out.table([(_label(env, code), fmt_int(v, env.out.tr)) for code, v in values.items()])
    return 0
