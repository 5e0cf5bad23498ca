"""What can be printed: one :class:`PrintJob` per document, the single description the
window (``gui/printing/jobs.py``) and ``antt print`` both build from, so the two propose
the same file name, write the same audit entry and offer the same choices.

A job is made in a read transaction (it reads the name its title and file name show, so a
record deleted meanwhile is refused before anything is laid out); its ``render`` runs later,
in a read transaction of its own (on the window's worker thread).

File names are folded to ASCII (``so-theo-doi-nguyen-van-duc.pdf``) so that every file
system, USB stick and mail program takes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from antt_desktop.domain.periods import Period
from antt_desktop.domain.text import fold
from antt_desktop.i18n.formatting import period_slug
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.words import period_phrase
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.services.audit_log import AuditFilter
from antt_desktop.services.context import Ctx, Permission

if TYPE_CHECKING:
    from antt_desktop.printing.document import Printed, Progress
    from antt_desktop.services.document_numbers import Slot

# The document modules are imported by each render, not here: reportlab takes a quarter of
# a second to import, which the window's start and every other `antt` command would pay.

#: ``render(ctx, options, progress)``: the PDF, read in the read transaction of ``ctx``,
#: reporting each document of a batch to ``progress``.
Render = Callable[[Ctx, PrintOptions, "Progress | None"], "Printed"]
#: The choices a document takes from :class:`PrintOptions`: the "Số:" line and the name
#: under the chief's signature.
NUMBER, SIGNER = "number", "signer"
BOTH = (NUMBER, SIGNER)
#: ``numbering(ctx)``: the register's unit and the documents of a job that take a number.
Numbering = Callable[[Ctx], "tuple[str, list[Slot]]"]


@dataclass(frozen=True)
class Document:
    """A kind of document, known before any record is chosen.

    Attributes:
        command: its name on the command line (``antt print booklet``).
        summary: the command's help (English, as every ``--help`` of ``antt``).
        choices: what the officer may fill in before printing (:data:`NUMBER`,
            :data:`SIGNER`); the window shows a field for each, ``antt`` an option.
        batch: True when the PDF holds one document per household or recipient.
    """

    command: str
    summary: str
    choices: tuple[str, ...] = ()
    batch: bool = False


BOOKLET = Document("booklet", "assessment booklet of a dossier", BOTH)
PERSON_SHEET = Document("person-sheet", "personal data sheet", BOTH)
PLEDGE_FORM = Document("pledge-form", "household pledge form(s) for a year")
PLEDGE_FORMS = Document("pledge-form", "household pledge form(s) for a year", batch=True)
PLEDGE_REGISTER = Document("pledge-register", "register of pledges of an area", BOTH)
CERTIFICATES = Document("certificate", "certificates of merit of one decision", BOTH, True)
REPORT = Document("report", "periodic report", BOTH)
AUDIT_LOG = Document("audit-log", "the filtered audit log", BOTH)


@dataclass(frozen=True)
class PrintJob:
    """One document (or batch of documents) to print.

    Attributes:
        document: which kind it is (its choices, whether it is a batch).
        title: what the officer reads in the preview's title and the progress dialog.
        file_name: the default name offered by Save and written by ``antt print``.
        entity, entity_id, what: what the audit entry says was printed.
        render: makes the PDF.
        numbering: the documents of the job the register numbers (see
            ``printing/numbering.py``), when not found from its kind.
    """

    document: Document
    title: str
    file_name: str
    entity: str
    entity_id: str
    what: str
    render: Render
    numbering: Numbering | None = None

    @property
    def batch(self) -> bool:
        return self.document.batch

    @property
    def choices(self) -> tuple[str, ...]:
        return self.document.choices


def slug(*parts: str) -> str:
    """``so-theo-doi-nguyen-van-duc``: lower-case ASCII words joined by hyphens."""
    text = "-".join(re.sub(r"[^a-z0-9]+", "-", fold(p)).strip("-") for p in parts if p)
    return re.sub(r"-{2,}", "-", text).strip("-") or "tai-lieu"


def booklet(ctx: Ctx, tr: Translator, dossier_id: str) -> PrintJob:
    """The assessment booklet (sổ theo dõi, nhận xét, đánh giá) of a dossier, named after
    the person as its printed title reads: ``so-theo-doi-<name>.pdf``."""
    name = post_rows.dossier_person_name(ctx, dossier_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.booklet import booklet

        return booklet(ctx.session, dossier_id, today=ctx.today, options=o)

    title = tr(N_("Assessment booklet: {name}")).format(name=name)
    file_name = f"{slug('so-theo-doi', name)}.pdf"
    return PrintJob(BOOKLET, title, file_name, "dossier", dossier_id, "booklet", render)


def person_sheet(ctx: Ctx, tr: Translator, person_id: str) -> PrintJob:
    """The personal data sheet (phiếu thông tin cá nhân): everything held about a person."""
    name = post_rows.person_name(ctx, person_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.person_sheet import person_sheet

        return person_sheet(ctx.session, person_id, today=ctx.today, options=o)

    title = tr(N_("Personal data sheet: {name}")).format(name=name)
    file_name = f"{slug('phieu-thong-tin', name)}.pdf"
    return PrintJob(PERSON_SHEET, title, file_name, "person", person_id, "person sheet", render)


def pledge_form(ctx: Ctx, tr: Translator, household_id: str, year: int) -> PrintJob:
    """The pledge form of one household for ``year``."""
    number = post_rows.household_ref(ctx, household_id).number

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_form import pledge_form

        return pledge_form(ctx.session, household_id, year, today=ctx.today, options=o)

    title = tr(N_("Household pledge {year}: household {number}")).format(year=year, number=number)
    file_name = f"{slug('cam-ket-ho', number, str(year))}.pdf"
    what = f"pledge form {year}"
    return PrintJob(PLEDGE_FORM, title, file_name, "household", household_id, what, render)


def pledge_forms(ctx: Ctx, tr: Translator, area_id: str, year: int) -> PrintJob:
    """A pledge form for every household of an area (a batch)."""
    area = post_rows.area_ref(ctx, area_id).name

    def render(ctx: Ctx, o: PrintOptions, progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_form import pledge_forms_for_area

        return pledge_forms_for_area(
            ctx.session, area_id, year, today=ctx.today, options=o, progress=progress
        )

    title = tr(N_("Household pledges {year}: {what}")).format(year=year, what=area)
    file_name = f"{slug('cam-ket', area, str(year))}.pdf"
    what = f"pledge forms {year}"
    return PrintJob(PLEDGE_FORMS, title, file_name, "area", area_id, what, render)


def pledge_register(ctx: Ctx, tr: Translator, area_id: str, year: int) -> PrintJob:
    """The register of pledges of an area for ``year``, with its coverage."""
    area = post_rows.area_ref(ctx, area_id).name

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_register import pledge_register

        return pledge_register(ctx.session, area_id, year, today=ctx.today, options=o)

    title = tr(N_("Register of household pledges {year}: {area}")).format(year=year, area=area)
    file_name = f"{slug('so-cam-ket', area, str(year))}.pdf"
    what = f"pledge register {year}"
    return PrintJob(PLEDGE_REGISTER, title, file_name, "area", area_id, what, render)


def certificates(
    ctx: Ctx, tr: Translator, decision_number: str, unit_id: str, decision_date: date | None
) -> PrintJob:
    """A certificate of merit for every recipient of one decision (a batch). Without
    ``decision_date`` the number must have been used on one day only."""

    def render(ctx: Ctx, o: PrintOptions, progress: Progress | None) -> Printed:
        from antt_desktop.printing.certificate import certificates_for_decision

        return certificates_for_decision(
            ctx.session, decision_number, unit_id, decision_date, options=o, progress=progress
        )

    def numbering(ctx: Ctx) -> tuple[str, list[Slot]]:
        from antt_desktop.printing.certificate import certificate_slots

        return unit_id, certificate_slots(ctx, decision_number, unit_id, decision_date, tr)

    title = tr(N_("Certificates of decision {number}")).format(number=decision_number)
    file_name = f"{slug('giay-khen', decision_number)}.pdf"
    what = f"certificates of decision {decision_number}"
    return PrintJob(CERTIFICATES, title, file_name, "unit", unit_id, what, render, numbering)


def report(ctx: Ctx, tr: Translator, period: Period, unit_id: str) -> PrintJob:
    """The periodic report of a unit for ``period``: ``bao-cao-quy-iii-2026-05611.pdf``."""
    unit = post_rows.unit_ref(ctx, unit_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.report import periodic_report

        return periodic_report(ctx.session, period, unit_id=unit_id, today=ctx.today, options=o)

    title = tr(N_("Report for {period}: {unit}")).format(
        period=period_phrase(period, tr), unit=unit.name
    )
    file_name = f"{slug('bao-cao', period_slug(period, tr), unit.code)}.pdf"
    what = f"report {period.label()}"
    return PrintJob(REPORT, title, file_name, "unit", unit_id, what, render)


def audit_log(ctx: Ctx, tr: Translator, f: AuditFilter) -> PrintJob:
    """The audit log of filter ``f`` (chief and admin: anyone else is refused here)."""
    ctx.require(Permission.AUDIT)
    unit_id = post_rows.this_post(ctx).id

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.audit_log import audit_log_pdf

        return audit_log_pdf(ctx, f, options=o)

    title = tr(N_("Audit log"))
    file_name = f"{slug('nhat-ky-he-thong', ctx.today.strftime('%Y%m%d'))}.pdf"
    return PrintJob(AUDIT_LOG, title, file_name, "unit", unit_id, "audit log", render)
