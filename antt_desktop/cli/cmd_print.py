"""Commands that print documents to PDF: print booklet|certificate|pledge-form|
pledge-register|report|person-sheet.

Each command finds the records its arguments name, then takes the document's job from
``antt_desktop.printing.jobs`` (the description the window's print preview uses too: the
same default file name, audit entry and choices). It renders in one read transaction,
writes the PDF atomically, then records the print in the audit log (the only write:
printing personal data is audited). Documents are printed in Vietnamese whatever
``--lang`` says: they are official papers.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from antt_desktop.cli.env import Env
from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.printing import jobs, report_export
from antt_desktop.printing.audit import record_print, require_print
from antt_desktop.printing.jobs import NUMBER, SIGNER, Document, PrintJob
from antt_desktop.printing.numbering import numbered, read_choice
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.values import read_year

#: ``make(ctx)``: the job of the records the command's arguments name.
Make = Callable[[Ctx], PrintJob]


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `antt print` subcommands."""
    docs = commands.add_parser("print", help="print documents to PDF").add_subparsers(
        dest="document", metavar="DOCUMENT", required=True
    )
    p = _doc(docs, jobs.BOOKLET, cmd_booklet)
    p.add_argument("dossier_id")
    p = _doc(docs, jobs.CERTIFICATES, cmd_certificate)
    p.add_argument("--decision", required=True, help="decision number, e.g. 844/QĐ-UBND")
    p.add_argument(
        "--date", help="decision date, DD/MM/YYYY (needed when the number was used on two days)"
    )
    p.add_argument("--unit", help="unit code (default: this post)")
    _certificate_options(p)
    p = _doc(docs, jobs.PLEDGE_FORMS, cmd_pledge_form)
    p.add_argument("household", nargs="?", help="household number or id")
    p.add_argument("--area", help="every household of this residential area")
    p.add_argument("--year", required=True)
    p = _doc(docs, jobs.PLEDGE_REGISTER, cmd_pledge_register)
    p.add_argument("--area", required=True)
    p.add_argument("--year", required=True)
    p = _doc(
        docs,
        jobs.REPORT,
        cmd_report,
        "file to write: PDF, or Word/Excel with --format (default: a name in this folder)",
    )
    p.add_argument("--period", required=True, help="2026-10, 2026-Q3 or 2026")
    p.add_argument("--unit", help="unit code (default: this post)")
    p.add_argument(
        "--format",
        choices=report_export.FORMATS,
        default=report_export.FORMATS[0],
        help="pdf (default), docx (Word, to finish and sign) or xlsx (the figures)",
    )
    p = _doc(docs, jobs.PERSON_SHEET, cmd_person_sheet)
    p.add_argument("person_id")
    from antt_desktop.cli.cmd_numbers import register_numbers

    register_numbers(docs)


def _doc(
    docs: argparse._SubParsersAction,  # type: ignore[type-arg]
    document: Document,
    func: Callable[[Env, argparse.Namespace], int],
    out_help: str = "PDF file to write (default: a name in this folder)",
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = docs.add_parser(document.command, help=document.summary)
    p.add_argument("--out", type=Path, help=out_help)
    # Accepted on every document (scripts pass them alike), shown where the document
    # prints them.
    number_help = (
        "auto (the next number of the register, the default), blank (a line to number by"
        ' hand) or the number and symbol itself, e.g. "05/BC-CAX"'
    )
    signer_help = "name printed under the chief's signature"
    p.add_argument(
        "--number", help=number_help if NUMBER in document.choices else argparse.SUPPRESS
    )
    p.add_argument(
        "--signer", help=signer_help if SIGNER in document.choices else argparse.SUPPRESS
    )
    p.set_defaults(func=func)
    return p


def _run(env: Env, args: argparse.Namespace, make: Make) -> int:
    """Render in a read transaction with the numbers the register would give, save the
    file, then give them and audit the print in one write (made again in the rare case
    another document took a number meanwhile)."""
    choice = read_choice(args.number)
    options = _certificate_choices(PrintOptions(signer_name=args.signer), args)
    with env.open() as db:
        with db.read() as session:
            ctx = Ctx(session, env.actor, env.today)
            job = make(ctx)
            require_print(ctx, job.what)  # before a byte of it is laid out
            planned = numbered(ctx, job, options, choice, issue=False)
            printed = job.render(ctx, planned, None)
        path = printed.save(args.out or Path(job.file_name))
        with db.write() as session:
            ctx = Ctx(session, env.actor, env.today)
            given = numbered(ctx, job, options, choice, issue=True)
            if given != planned:
                printed = job.render(ctx, given, None)
                path = printed.save(path)
            record_print(
                ctx,
                entity=job.entity,
                entity_id=job.entity_id,
                what=job.what,
                pages=printed.pages,
                where=path.name,
            )
    pages = printed.pages
    env.out.data({"path": str(path), "pages": pages})
    text = env.out._(N_("Printed {pages} page(s) to {path}"))
    env.out.line(text.format(pages=pages, path=path))
    env.out.warning(env.out._(LEAVES_PROTECTION))
    return 0


def _certificate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-two-pages",
        action="store_true",
        help="print a certificate too long for one page on two (otherwise refused, exit 3)",
    )
    p.add_argument(
        "--blank-form",
        action="store_true",
        help="print only the variable text, onto pre-printed blank certificates",
    )
    p.add_argument("--offset-x", type=float, default=0.0, help="move the text right, in mm")
    p.add_argument("--offset-y", type=float, default=0.0, help="move the text down, in mm")


def _certificate_choices(options: PrintOptions, args: argparse.Namespace) -> PrintOptions:
    """The certificate's options of the command line (the other documents have none)."""
    if not hasattr(args, "blank_form"):
        return options
    return replace(
        options,
        allow_two_pages=args.allow_two_pages,
        blank_form=args.blank_form,
        offset_x_mm=args.offset_x,
        offset_y_mm=args.offset_y,
    )


def _year(ctx: Ctx, value: str) -> int:
    problems: list[Problem] = []
    year = read_year(value, "year", problems, today=ctx.today)
    raise_if_errors(problems)
    assert year is not None
    return year


def cmd_booklet(env: Env, args: argparse.Namespace) -> int:
    return _run(env, args, lambda ctx: jobs.booklet(ctx, env.out.tr, args.dossier_id))


def cmd_certificate(env: Env, args: argparse.Namespace) -> int:
    def make(ctx: Ctx) -> PrintJob:
        unit = post_rows.unit_or_post(ctx, args.unit)
        day = parse_date(args.date, "decision_date") if args.date else None
        return jobs.certificates(ctx, env.out.tr, args.decision, unit.id, day)

    return _run(env, args, make)


def cmd_pledge_form(env: Env, args: argparse.Namespace) -> int:
    def make(ctx: Ctx) -> PrintJob:
        if bool(args.household) == bool(args.area):
            raise ValidationFailed.single("household_id", "print.household_or_area")
        year = _year(ctx, args.year)
        if args.area:
            area = post_rows.area_named(ctx, args.area)
            return jobs.pledge_forms(ctx, env.out.tr, area.id, year)
        household = post_rows.household_typed(ctx, args.household)
        return jobs.pledge_form(ctx, env.out.tr, household.id, year)

    return _run(env, args, make)


def cmd_pledge_register(env: Env, args: argparse.Namespace) -> int:
    def make(ctx: Ctx) -> PrintJob:
        year = _year(ctx, args.year)
        area = post_rows.area_named(ctx, args.area)
        return jobs.pledge_register(ctx, env.out.tr, area.id, year)

    return _run(env, args, make)


def cmd_report(env: Env, args: argparse.Namespace) -> int:
    def make(ctx: Ctx) -> PrintJob:
        period = Period.parse(args.period)
        unit = post_rows.unit_or_post(ctx, args.unit)
        return jobs.report(ctx, env.out.tr, period, unit.id)

    if args.format == "pdf":
        return _run(env, args, make)
    return _save_report(env, args, make)


def _save_report(env: Env, args: argparse.Namespace, make: Make) -> int:
    """The report as a Word file or a workbook: rendered in a read transaction, saved
    atomically (readable by this account only), then the export audited."""
    options = PrintOptions(number=args.number, signer_name=args.signer)
    period = Period.parse(args.period)
    with env.open() as db:
        with db.read() as session:
            ctx = Ctx(session, env.actor, env.today)
            job = make(ctx)
            saved = report_export.render(ctx, period, job.entity_id, args.format, options)
        target = args.out or Path(report_export.file_name(job.file_name, args.format))
        path = saved.save(target)
        with db.write() as session:
            report_export.record_saved(
                Ctx(session, env.actor, env.today), period, job.entity_id, saved, path.name
            )
    env.out.data({"path": str(path), "format": args.format})
    env.out.line(env.out._(N_("Saved to {path}")).format(path=path))
    env.out.warning(env.out._(LEAVES_PROTECTION))
    return 0


def cmd_person_sheet(env: Env, args: argparse.Namespace) -> int:
    return _run(env, args, lambda ctx: jobs.person_sheet(ctx, env.out.tr, args.person_id))
