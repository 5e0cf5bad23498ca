"""The periodic report as a Vietnamese báo cáo states it: the subject, the opening sentence,
five numbered parts (I. Tình hình…, II. Kết quả… with the computed figures, III. Tồn tại,
hạn chế, IV. Phương hướng…, V. Kiến nghị, đề xuất) and the closing sentence — the one
outline the PDF (``printing/report.py``) and the Word file (``printing/report_docx.py``)
lay out.

The parts' words come from the chief's texts (``services.report_narratives``); the figures
from :func:`~antt_desktop.presenters.report.build_report`, numbered 1., 2., … under part II.
A part the chief has not written is printed as dotted lines to finish by hand (part II
only when it has no figures either), so the printed report is never silently shorter than
its outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_model import Report, Section
from antt_desktop.presenters.words import numeral, upper
from antt_desktop.services.report_narratives import SECTIONS, Narrative

#: The heading of each part, by the narrative section it holds.
HEADINGS = {
    "situation": N_("Situation of security and order"),
    "results": N_("Results of the work"),
    "shortcomings": N_("Shortcomings and limitations"),
    "direction": N_("Direction and tasks for the next period"),
    "recommendations": N_("Recommendations and proposals"),
}

#: Lines of dots printed for a part left to the pen.
BLANK_LINES = 3


@dataclass(frozen=True)
class Part:
    """One numbered part.

    Attributes:
        key: the narrative section (``situation`` …).
        heading: ``I. TÌNH HÌNH AN NINH, TRẬT TỰ``.
        paragraphs: the chief's text, one paragraph per line typed.
        figures: the computed sections under it (part II), headed ``1. Đối tượng quản lý``.
        blank: nothing written and no figures: dotted lines for the pen.
    """

    key: str
    heading: str
    paragraphs: tuple[str, ...]
    figures: tuple[tuple[str, Section], ...] = ()

    @property
    def blank(self) -> bool:
        return not self.paragraphs and not self.figures


@dataclass(frozen=True)
class ReportDocument:
    """Everything the printed report says, in order (the header and the signature aside)."""

    report: Report
    unit: str
    doc_type: str
    subject: str
    intro: str
    parts: tuple[Part, ...]
    closing: str


def paragraphs(text: str | None) -> tuple[str, ...]:
    """The paragraphs of a text as typed: one per non-empty line, trimmed."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def keep_together(words: str) -> str:
    """``quý III/2026`` with a space no line breaks at (never "quý" / "III/2026")."""
    return words.replace(" ", "\u00a0")


def report_document(
    report: Report, narrative: Narrative, unit: str, today: date, tr: Translator
) -> ReportDocument:
    """The outline of ``unit``'s report: ``report``'s figures with ``narrative``'s texts."""
    figures = tuple(
        (f"{i}. {s.title}", s) for i, s in enumerate(report.sections, start=1) if s.lines or s.table
    )
    parts = tuple(
        Part(
            key,
            f"{numeral(i)}. {upper(tr(HEADINGS[key]))}",
            paragraphs(narrative.text(key)),
            figures if key == "results" else (),
        )
        for i, key in enumerate(SECTIONS)
    )
    intro = tr(
        N_(
            "Following the periodic reporting rules, {unit} reports the results of its work"
            " on security and order in {period} (figures as of {today}) as follows:"
        )
    ).format(unit=unit, period=report.phrase, today=today.strftime("%d/%m/%Y"))
    closing = tr(
        N_(
            "Above is the report on the results of the work on security and order in"
            " {period} of {unit}./."
        )
    ).format(period=keep_together(report.phrase), unit=unit)
    return ReportDocument(
        report=report,
        unit=unit,
        doc_type=tr(N_("REPORT")),
        subject=tr(N_("Results of the work on security and order in {period}")).format(
            period=report.phrase
        ),
        intro=intro,
        parts=parts,
        closing=closing,
    )
