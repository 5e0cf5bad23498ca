"""What the window can print: one :class:`PrintJob` per document, made from the ids a view
holds. A job renders on a worker thread in its own read transaction and knows its default
file name and what its audit entry says.

File names are folded to ASCII (``so-nhan-xet-nguyen-van-duc.pdf``) so that every file
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
from antt_desktop.gui.common.context import AppContext
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.text import PrintOptions, period_phrase
from antt_desktop.services import post_rows
from antt_desktop.services.audit_log import AuditFilter
from antt_desktop.services.context import Ctx, Permission

if TYPE_CHECKING:
    from antt_desktop.printing.document import Printed, Progress

#: ``render(ctx, options, progress)``: the PDF, read in the read transaction of ``ctx``,
#: reporting each document of a batch.
Render = Callable[[Ctx, PrintOptions, "Progress | None"], "Printed"]
#: The choices a document takes from :class:`PrintOptions`.
NUMBER, SIGNER = "number", "signer"


@dataclass(frozen=True)
class PrintJob:
    """One document (or batch of documents) to print.

    Attributes:
        title: what the officer reads in the preview's title and the progress dialog.
        file_name: the default name offered by Save.
        entity, entity_id, what: what the audit entry says was printed.
        render: makes the PDF (called on a worker thread).
        batch: True when the PDF holds one document per household or recipient; the
            progress dialog then counts them.
        choices: what the officer may fill in before printing: :data:`NUMBER` (the
            "Số:" line) and :data:`SIGNER` (the name under the chief's signature).
    """

    title: str
    file_name: str
    entity: str
    entity_id: str
    what: str
    render: Render
    batch: bool = False
    choices: tuple[str, ...] = ()


def slug(*parts: str) -> str:
    """``so-nhan-xet-nguyen-van-duc``: lower-case ASCII words joined by hyphens."""
    text = "-".join(re.sub(r"[^a-z0-9]+", "-", fold(p)).strip("-") for p in parts if p)
    return re.sub(r"-{2,}", "-", text).strip("-") or "tai-lieu"


def booklet_job(app: AppContext, dossier_id: str) -> PrintJob:
    """The assessment booklet (sổ nhận xét, đánh giá) of a dossier."""
    with app.read() as ctx:
        name = post_rows.dossier_person_name(ctx, dossier_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.booklet import booklet

        return booklet(ctx.session, dossier_id, today=ctx.today, options=o)

    title = app.tr(N_("Assessment booklet: {name}")).format(name=name)
    file_name = f"{slug('so-nhan-xet', name)}.pdf"
    return PrintJob(
        title, file_name, "dossier", dossier_id, "booklet", render, choices=(NUMBER, SIGNER)
    )


def person_sheet_job(app: AppContext, person_id: str) -> PrintJob:
    """The personal data sheet (phiếu thông tin cá nhân): everything held about a person."""
    with app.read() as ctx:
        name = post_rows.person_name(ctx, person_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.person_sheet import person_sheet

        return person_sheet(ctx.session, person_id, today=ctx.today, options=o)

    title = app.tr(N_("Personal data sheet: {name}")).format(name=name)
    file_name = f"{slug('phieu-thong-tin', name)}.pdf"
    what = "person sheet"
    return PrintJob(title, file_name, "person", person_id, what, render, choices=(NUMBER, SIGNER))


def pledge_form_job(app: AppContext, household_id: str, year: int) -> PrintJob:
    """The pledge form of one household for ``year``."""
    with app.read() as ctx:
        number = post_rows.household_ref(ctx, household_id).number

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_form import pledge_form

        return pledge_form(ctx.session, household_id, year, today=ctx.today, options=o)

    title = app.tr(N_("Household pledge {year}: household {number}")).format(
        year=year, number=number
    )
    file_name = f"{slug('cam-ket-ho', number, str(year))}.pdf"
    return PrintJob(title, file_name, "household", household_id, f"pledge form {year}", render)


def _area_name(app: AppContext, area_id: str) -> str:
    with app.read() as ctx:
        return post_rows.area_ref(ctx, area_id).name


def pledge_forms_job(app: AppContext, area_id: str, year: int) -> PrintJob:
    """A pledge form for every household of an area (a batch)."""
    area = _area_name(app, area_id)

    def render(ctx: Ctx, o: PrintOptions, progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_form import pledge_forms_for_area

        return pledge_forms_for_area(
            ctx.session, area_id, year, today=ctx.today, options=o, progress=progress
        )

    title = app.tr(N_("Household pledges {year}: {what}")).format(year=year, what=area)
    file_name = f"{slug('cam-ket', area, str(year))}.pdf"
    return PrintJob(title, file_name, "area", area_id, f"pledge forms {year}", render, True)


def pledge_register_job(app: AppContext, area_id: str, year: int) -> PrintJob:
    """The register of pledges of an area for ``year``, with its coverage."""
    area = _area_name(app, area_id)

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.pledge_register import pledge_register

        return pledge_register(ctx.session, area_id, year, today=ctx.today, options=o)

    title = app.tr(N_("Register of household pledges {year}: {area}")).format(year=year, area=area)
    file_name = f"{slug('so-cam-ket', area, str(year))}.pdf"
    what = f"pledge register {year}"
    return PrintJob(title, file_name, "area", area_id, what, render, choices=(NUMBER, SIGNER))


def certificates_job(
    app: AppContext, decision_number: str, unit_id: str, decision_date: date
) -> PrintJob:
    """A certificate of merit for every recipient of one decision (a batch)."""

    def render(ctx: Ctx, o: PrintOptions, progress: Progress | None) -> Printed:
        from antt_desktop.printing.certificate import certificates_for_decision

        return certificates_for_decision(
            ctx.session, decision_number, unit_id, decision_date, options=o, progress=progress
        )

    title = app.tr(N_("Certificates of decision {number}")).format(number=decision_number)
    file_name = f"{slug('giay-khen', decision_number)}.pdf"
    what = f"certificates of decision {decision_number}"
    return PrintJob(title, file_name, "unit", unit_id, what, render, True, choices=(SIGNER,))


def report_job(app: AppContext, period: Period, unit_id: str) -> PrintJob:
    """The periodic report of a unit for ``period``."""
    with app.read() as ctx:
        unit = post_rows.unit_ref(ctx, unit_id)
        code, name = unit.code, unit.name

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.report import periodic_report

        return periodic_report(ctx.session, period, unit_id=unit_id, today=ctx.today, options=o)

    title = app.tr(N_("Report for {period}: {unit}")).format(
        period=period_phrase(period, app.tr), unit=name
    )
    file_name = f"{slug('bao-cao', period.label(), code)}.pdf"
    what = f"report {period.label()}"
    return PrintJob(title, file_name, "unit", unit_id, what, render, choices=(NUMBER, SIGNER))


def audit_log_job(app: AppContext, f: AuditFilter) -> PrintJob:
    """The audit log of filter ``f`` (chief and admin: the services refuse anyone else)."""
    with app.read() as ctx:
        ctx.require(Permission.AUDIT)
        unit_id = post_rows.this_post(ctx).id

    def render(ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.audit_log import audit_log_pdf

        return audit_log_pdf(ctx, f, options=o)

    title = app.tr(N_("Audit log"))
    file_name = f"{slug('nhat-ky-he-thong', app.today().strftime('%Y%m%d'))}.pdf"
    return PrintJob(
        title, file_name, "unit", unit_id, "audit log", render, choices=(NUMBER, SIGNER)
    )
