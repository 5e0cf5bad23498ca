"""Commands that print documents to PDF: print booklet|certificate|pledge-form|
pledge-register|report|person-sheet.

Each reads what it prints in one read transaction, writes the PDF atomically, then records
the print in the audit log (the only write: printing personal data is audited). Documents
are printed in Vietnamese whatever ``--lang`` says: they are official papers.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from antt_desktop.cli.env import Env
from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.domain.text import fold
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.audit import record_print, require_print
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.stats_model import UnitRef
from antt_desktop.services.values import read_year

if TYPE_CHECKING:
    from antt_desktop.printing.document import Printed

# The document modules are imported by each command, not here: reportlab takes a quarter
# of a second to import, which every other `antt` command would pay for nothing.


@dataclass(frozen=True)
class Job:
    """A printed document and what the audit entry says about it."""

    printed: Printed
    entity: str
    entity_id: str
    what: str  # the document kind, e.g. "booklet"
    name: str  # the file name used when --out is not given


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `antt print` subcommands."""
    docs = commands.add_parser("print", help="print documents to PDF").add_subparsers(
        dest="document", metavar="DOCUMENT", required=True
    )
    p = _doc(docs, "booklet", "assessment booklet of a dossier", cmd_booklet)
    p.add_argument("dossier_id")
    p = _doc(docs, "certificate", "certificates of merit of one decision", cmd_certificate)
    p.add_argument("--decision", required=True, help="decision number, e.g. 844/QĐ-UBND")
    p.add_argument(
        "--date", help="decision date, DD/MM/YYYY (needed when the number was used on two days)"
    )
    p.add_argument("--unit", help="unit code (default: this post)")
    p = _doc(docs, "pledge-form", "household pledge form(s) for a year", cmd_pledge_form)
    p.add_argument("household", nargs="?", help="household number or id")
    p.add_argument("--area", help="every household of this residential area")
    p.add_argument("--year", required=True)
    p = _doc(docs, "pledge-register", "register of pledges of an area", cmd_pledge_register)
    p.add_argument("--area", required=True)
    p.add_argument("--year", required=True)
    p = _doc(docs, "report", "periodic report", cmd_report)
    p.add_argument("--period", required=True, help="2026-10, 2026-Q3 or 2026")
    p.add_argument("--unit", help="unit code (default: this post)")
    p = _doc(docs, "person-sheet", "personal data sheet", cmd_person_sheet)
    p.add_argument("person_id")


def _doc(
    docs: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    func: Callable[[Env, argparse.Namespace], int],
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = docs.add_parser(name, help=help_text)
    p.add_argument("--out", type=Path, help="PDF file to write (default: a name in this folder)")
    p.add_argument("--number", help='document number and symbol, e.g. "05/BC-CAX"')
    p.add_argument("--signer", help="name printed under the chief's signature")
    p.set_defaults(func=func)
    return p


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "document"


def _run(env: Env, args: argparse.Namespace, make: Callable[[Ctx, PrintOptions], Job]) -> int:
    """Render in a read transaction, save the file, then audit the print."""
    options = PrintOptions(number=args.number, signer_name=args.signer)
    with env.open() as db:
        with db.read() as session:
            ctx = Ctx(session, env.actor, env.today)
            job = make(ctx, options)
            require_print(ctx, job.what)  # before a byte of it is written out
        path = job.printed.save(args.out or Path(job.name))
        with db.write() as session:
            record_print(
                Ctx(session, env.actor, env.today),
                entity=job.entity,
                entity_id=job.entity_id,
                what=job.what,
                pages=job.printed.pages,
                where=path.name,
            )
    pages = job.printed.pages
    env.out.data({"path": str(path), "pages": pages})
    text = env.out._(N_("Printed {pages} page(s) to {path}"))
    env.out.line(text.format(pages=pages, path=path))
    env.out.warning(env.out._(LEAVES_PROTECTION))
    return 0


def _year(ctx: Ctx, value: str) -> int:
    problems: list[Problem] = []
    year = read_year(value, "year", problems, today=ctx.today)
    raise_if_errors(problems)
    assert year is not None
    return year


def _unit(ctx: Ctx, code: str | None) -> UnitRef:
    return post_rows.unit_or_post(ctx, code)


def cmd_booklet(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.booklet import booklet

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        printed = booklet(ctx.session, args.dossier_id, today=ctx.today, options=o)
        name = f"so-theo-doi-{args.dossier_id[:8]}.pdf"
        return Job(printed, "dossier", args.dossier_id, "booklet", name)

    return _run(env, args, make)


def cmd_certificate(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.certificate import certificates_for_decision

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        unit = _unit(ctx, args.unit)
        day = parse_date(args.date, "decision_date") if args.date else None
        printed = certificates_for_decision(ctx.session, args.decision, unit.id, day, options=o)
        name = f"giay-khen-{_slug(args.decision)}.pdf"
        return Job(printed, "unit", unit.id, f"certificates of decision {args.decision}", name)

    return _run(env, args, make)


def cmd_pledge_form(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.pledge_form import pledge_form, pledge_forms_for_area

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        if bool(args.household) == bool(args.area):
            raise ValidationFailed.single("household_id", "print.household_or_area")
        year = _year(ctx, args.year)
        if args.area:
            area = post_rows.area_named(ctx, args.area)
            printed = pledge_forms_for_area(ctx.session, area.id, year, today=ctx.today, options=o)
            name = f"cam-ket-{_slug(area.name)}-{year}.pdf"
            return Job(printed, "area", area.id, f"pledge forms {year}", name)
        h = post_rows.household_typed(ctx, args.household)
        printed = pledge_form(ctx.session, h.id, year, today=ctx.today, options=o)
        name = f"cam-ket-ho-{_slug(h.number)}-{year}.pdf"
        return Job(printed, "household", h.id, f"pledge form {year}", name)

    return _run(env, args, make)


def cmd_pledge_register(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.pledge_register import pledge_register

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        year = _year(ctx, args.year)
        area = post_rows.area_named(ctx, args.area)
        printed = pledge_register(ctx.session, area.id, year, today=ctx.today, options=o)
        name = f"so-cam-ket-{_slug(area.name)}-{year}.pdf"
        return Job(printed, "area", area.id, f"pledge register {year}", name)

    return _run(env, args, make)


def cmd_report(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.report import periodic_report

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        period = Period.parse(args.period)
        unit = _unit(ctx, args.unit)
        printed = periodic_report(ctx.session, period, unit_id=unit.id, today=ctx.today, options=o)
        name = f"bao-cao-{period.label()}-{_slug(unit.code)}.pdf"
        return Job(printed, "unit", unit.id, f"report {period.label()}", name)

    return _run(env, args, make)


def cmd_person_sheet(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.printing.person_sheet import person_sheet

    def make(ctx: Ctx, o: PrintOptions) -> Job:
        printed = person_sheet(ctx.session, args.person_id, today=ctx.today, options=o)
        name = f"phieu-thong-tin-{args.person_id[:8]}.pdf"
        return Job(printed, "person", args.person_id, "person sheet", name)

    return _run(env, args, make)
