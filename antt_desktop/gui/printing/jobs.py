"""What the window can print: the jobs of ``antt_desktop.printing.jobs`` (the one
description ``antt print`` uses too) made from the ids a view holds, each in a quick read
transaction of its own, titled in the window's language.

A view calls these through :meth:`~antt_desktop.gui.printing.launch.PrintLauncher.preview`,
so a record deleted meanwhile is reported, not printed.
"""

from __future__ import annotations

from datetime import date

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.printing import jobs
from antt_desktop.printing.jobs import PrintJob
from antt_desktop.services.audit_log import AuditFilter


def booklet_job(app: AppContext, dossier_id: str) -> PrintJob:
    """The assessment booklet (sổ theo dõi, nhận xét, đánh giá) of a dossier."""
    with app.read() as ctx:
        return jobs.booklet(ctx, app.tr, dossier_id)


def person_sheet_job(app: AppContext, person_id: str) -> PrintJob:
    """The personal data sheet (phiếu thông tin cá nhân): everything held about a person."""
    with app.read() as ctx:
        return jobs.person_sheet(ctx, app.tr, person_id)


def pledge_form_job(app: AppContext, household_id: str, year: int) -> PrintJob:
    """The pledge form of one household for ``year``."""
    with app.read() as ctx:
        return jobs.pledge_form(ctx, app.tr, household_id, year)


def pledge_forms_job(app: AppContext, area_id: str, year: int) -> PrintJob:
    """A pledge form for every household of an area (a batch)."""
    with app.read() as ctx:
        return jobs.pledge_forms(ctx, app.tr, area_id, year)


def pledge_register_job(app: AppContext, area_id: str, year: int) -> PrintJob:
    """The register of pledges of an area for ``year``, with its coverage."""
    with app.read() as ctx:
        return jobs.pledge_register(ctx, app.tr, area_id, year)


def certificates_job(
    app: AppContext, decision_number: str, unit_id: str, decision_date: date
) -> PrintJob:
    """A certificate of merit for every recipient of one decision (a batch)."""
    with app.read() as ctx:
        return jobs.certificates(ctx, app.tr, decision_number, unit_id, decision_date)


def report_job(app: AppContext, period: Period, unit_id: str) -> PrintJob:
    """The periodic report of a unit for ``period``."""
    with app.read() as ctx:
        return jobs.report(ctx, app.tr, period, unit_id)


def audit_log_job(app: AppContext, f: AuditFilter) -> PrintJob:
    """The audit log of filter ``f`` (chief and admin: the services refuse anyone else)."""
    with app.read() as ctx:
        return jobs.audit_log(ctx, app.tr, f)
