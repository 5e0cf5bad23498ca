"""Commands that read many records at once: stats, import, and the demo post."""

from __future__ import annotations

import argparse
from pathlib import Path

from antt_desktop.cli.env import Env
from antt_desktop.cli.stats_text import Names, render, render_units
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.services import post_rows, report_rows
from antt_desktop.services.audit_events import record_export, require_export
from antt_desktop.services.stats_model import UnitRow


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = commands.add_parser("stats", help="the figures a periodic report prints")
    p.add_argument("--period", required=True, help="2026-10 (month), 2026-Q3 or 2026")
    p.add_argument("--unit", help="unit code (default: every unit in the database)")
    p.add_argument(
        "--compare", action="store_true", help="also compare the posts under the unit side by side"
    )
    p.add_argument(
        "--recount",
        action="store_true",
        help="first count the figures kept per post again from the records",
    )
    p.set_defaults(func=cmd_stats)

    p = commands.add_parser("import", help="import persons or households from a spreadsheet")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--kind", choices=("persons", "households"), required=True)
    p.add_argument(
        "--template", type=Path, metavar="FILE", help="save a template .xlsx of the columns read"
    )
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument(
        "--refused-out", type=Path, help="save refused rows to this .xlsx to fix and import again"
    )
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("demo", help="open the demo post (created on first use)")
    p.add_argument("--period", help="period to show (default: this year)")
    p.set_defaults(func=cmd_demo)


def show_stats(env: Env, period: Period, unit_code: str | None, compare: bool) -> None:
    with env.reading() as ctx:
        unit_id = post_rows.unit_or_post(ctx, unit_code).id if unit_code else None
        figures = report_rows.statistics(ctx, period, unit_id)
        names = Names.read(ctx, env.out.tr)
        rows: tuple[UnitRow, ...] = ()
        if compare:
            parent = unit_id or post_rows.this_post(ctx).id
            rows = report_rows.unit_comparison(ctx, period, parent)
    payload = figures.to_dict()
    if compare:
        payload["compare_units"] = [r.to_dict() for r in rows]
    env.out.data(payload)
    for line in render(figures, names, env.out.tr):
        env.out.line(line)
    if compare:
        for line in render_units(rows, env.out.tr):
            env.out.line(line)


def cmd_stats(env: Env, args: argparse.Namespace) -> int:
    if args.recount:
        from antt_desktop.services import stats_figures

        with env.writing() as ctx:
            stats_figures.recount(ctx)
    show_stats(env, Period.parse(args.period), args.unit, args.compare)
    return 0


def cmd_import(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.importers.report import save_refused
    from antt_desktop.importers.run import import_file
    from antt_desktop.importers.template import save_template_command

    if args.template is not None or args.file is None:
        return save_template_command(env.out, args.kind, args.template)

    with env.open(write=not args.dry_run) as db:
        report = import_file(
            db, args.file, kind=args.kind, actor=env.actor, today=env.today, dry_run=args.dry_run
        )
    payload = report.to_dict(env.out.tr)
    if args.refused_out and report.refused:
        with env.reading() as ctx:
            require_export(ctx)  # the rows hold residents' data: before a byte is written
        saved = save_refused(report, args.refused_out, env.out.tr)
        with env.writing() as ctx:
            what = f"refused rows of {Path(args.file).name}"
            record_export(
                ctx, what=what, where=saved.name, entity=args.kind, rows=len(report.refused)
            )
        payload["refused_file"] = str(saved)
    env.out.data(payload)
    env.out.line(report.render(env.out.tr))
    if "refused_file" in payload:
        env.out.line(
            env.out._(
                N_("Refused rows saved to {path}: fix them there and import that file again.")
            ).format(path=payload["refused_file"])
        )
        env.out.warning(env.out._(LEAVES_PROTECTION))
    return 0


def cmd_demo(env: Env, args: argparse.Namespace) -> int:
    """The run command's target until the window lands: the demo post and its figures."""
    from antt_desktop.cli.cmd_setup import ensure_demo_database

    if args.data_dir is None:
        env.data_dir = env.data_dir / "demo"
    fresh = not env.has_post()
    if fresh:
        env.out.line(env.out._(N_("Creating the demo post with realistic data (once)...")))
        ensure_demo_database(env, "commune")
        from antt_desktop.demo.generate import generate

        with env.open() as db:
            generate(db, scale="commune", seed=1, today=env.today)
    period = Period.parse(args.period) if args.period else Period.year_of(env.today)
    with env.reading() as ctx:
        code = post_rows.this_post(ctx).code
    env.out.line(env.out._(N_("Demo post database: {path}")).format(path=env.where))
    show_stats(env, period, code, compare=False)
    return 0
