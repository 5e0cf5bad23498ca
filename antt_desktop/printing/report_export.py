"""The periodic report saved as a file other than the PDF: the editable Word file (.docx)
and the figures as an Excel workbook (.xlsx). The command line (``antt print report
--format``) and the window's Reports page both save through here, so both write the same
file under the same name and the same audit entry (an export of figures: the report holds
no personal data, so whoever may print it may save it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from antt_desktop.domain.periods import Period
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.audit_events import record_export, require_export
from antt_desktop.services.context import Ctx
from antt_desktop.store.errors import KnownError


class CannotSave(KnownError):
    """The file could not be saved where asked (exit 1): a missing folder, no permission."""

    code = "report.cannot_write"
    exit_code = 1


#: The formats of ``antt print report --format``, the first the default.
FORMATS = ("pdf", "docx", "xlsx")


@dataclass(frozen=True)
class ReportFile:
    """A report saved as ``kind``: its bytes and what the audit entry counts (the figures
    of a workbook; 0 for a Word file)."""

    kind: str
    data: bytes
    rows: int = 0

    def save(self, path: Path | str) -> Path:
        """Write the file to ``path`` atomically, readable by this account only (0600).

        Raises:
            CannotWrite: naming the path and the reason.
        """
        from antt_desktop.printing.document import CannotWrite, write_atomically

        try:
            return write_atomically(Path(path), self.data)
        except CannotWrite as exc:
            raise CannotSave(**exc.params) from exc


def file_name(pdf_name: str, kind: str) -> str:
    """``bao-cao-quy-iii-2026-05611.docx``: the PDF's name with the format's suffix."""
    return str(Path(pdf_name).with_suffix(f".{kind}"))


def render(ctx: Ctx, period: Period, unit_id: str, kind: str, options: PrintOptions) -> ReportFile:
    """The report of ``unit_id`` for ``period`` as ``kind`` (``docx`` or ``xlsx``), read in
    the transaction of ``ctx`` after checking that its account may save it."""
    if kind not in FORMATS[1:]:
        raise ValueError(f"not a report file format: {kind}")
    require_export(ctx, summary=True)  # before a byte of it is laid out
    from antt_desktop.printing.report import report_content

    content = report_content(ctx.session, period, unit_id=unit_id, today=ctx.today, options=options)
    if kind == "docx":
        from antt_desktop.printing.report_docx import report_docx

        return ReportFile(kind, report_docx(content, options.tr))
    from antt_desktop.printing.report_xlsx import report_xlsx

    data, rows = report_xlsx(content.doc.report, options.tr)
    return ReportFile(kind, data, rows)


def record_saved(ctx: Ctx, period: Period, unit_id: str, saved: ReportFile, where: str) -> None:
    """The audit entry of a saved report file (``report docx 2026-Q3: bao-cao….docx``)."""
    record_export(
        ctx,
        what=f"report {saved.kind} {period.label()}",
        where=where,
        entity="unit",
        entity_id=unit_id,
        rows=saved.rows or None,
        summary=True,
    )
