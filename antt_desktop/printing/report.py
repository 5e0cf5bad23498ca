"""The periodic report (báo cáo kết quả công tác) of a unit for a month, quarter or year.

Every figure comes from :func:`antt_desktop.services.stats.compute`; the report only words
and lays them out: tables of figures, a bar chart of managed persons by category, and the
before/after table ("giảm 42,9% (4/7)").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_change, fmt_int, fmt_ratio
from antt_desktop.i18n.texts.initiatives import INDICATORS
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.chart import bar_chart
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import PORTRAIT, Styles, heading, styles, subject
from antt_desktop.printing.records import local_unit, unit_of
from antt_desktop.printing.signature import Signer, recipients, signature, signature_row
from antt_desktop.printing.tables import grid
from antt_desktop.printing.text import (
    ROMAN,
    PrintOptions,
    chief_title,
    esc,
    fmt_day,
    money,
    period_phrase,
    upper,
)
from antt_desktop.services import catalogues, stats
from antt_desktop.services.stats_model import Statistics

W = PORTRAIT.frame_width
VALUE_W = 46 * mm
SUB = "\u00a0\u00a0\u00a0- "  # a detail under the line above (spaces that do not collapse)


class _Sections:
    """Numbered section headings: I., II., III. ..."""

    def __init__(self, tr: Translator, st: Styles) -> None:
        self.tr, self.st, self.n = tr, st, 0

    def __call__(self, key: str) -> list[Flowable]:
        self.n += 1
        return heading(f"{ROMAN[self.n - 1]}. {upper(self.tr(LABELS[key]))}", self.st)


def _figures(rows: list[tuple[str, str]], tr: Translator, st: Styles) -> Flowable:
    head = [tr(N_("Item")), tr(N_("Count or rate"))]
    return grid(head, [list(r) for r in rows], [W - VALUE_W, VALUE_W], st, aligns=["left", "right"])


def _counter(tr: Translator) -> Callable[[int], str]:
    """Counts the way the language writes them (``1.270``)."""

    def count(value: int) -> str:
        return fmt_int(value, tr)

    return count


def _label(key: str, tr: Translator) -> str:
    return tr(LABELS[key]) if key in LABELS else key


def _managed(s: Statistics, names: dict[str, str], tr: Translator, st: Styles) -> list[Flowable]:
    n = _counter(tr)
    used = {c: f for c, f in s.managed.by_category.items() if f.open_at_end or f.opened or f.closed}
    rows = [[names.get(c, c), n(f.open_at_end), n(f.opened), n(f.closed)] for c, f in used.items()]
    t = s.managed.total
    rows.append([_label("total", tr), n(t.open_at_end), n(t.opened), n(t.closed)])
    head = [
        tr(N_("Category")),
        tr(N_("Under management at the end")),
        tr(N_("Opened in the period")),
        tr(N_("Closed in the period")),
    ]
    widths = [0.0, 32 * mm, 28 * mm, 28 * mm]
    widths[0] = W - sum(widths)
    out: list[Flowable] = [
        grid(head, rows, widths, st, aligns=["left", "right", "right", "right"], bold_last=True),
        Spacer(1, 2 * mm),
        Paragraph(
            esc(f"{_label('persons_open_at_end', tr)}: {n(s.managed.persons_open_at_end)}."),
            st.body,
        ),
    ]
    bars = [(names.get(c, c), f.open_at_end) for c, f in used.items() if f.open_at_end]
    if bars:
        caption = tr(N_("Chart: persons under management at the end of the period, by category"))
        chart = bar_chart(bars, W, st.fonts.regular, value_text=[n(v) for _l, v in bars])
        out.append(KeepTogether([Paragraph(f"<i>{esc(caption)}</i>", st.plain), chart]))
    return out


def _pledges(s: Statistics, tr: Translator, st: Styles) -> list[Flowable]:
    p = s.pledges.total
    rows = [(_label("year", tr), str(s.pledges.year))]
    for key in ("households", "signed", "refused", "violated", "not_recorded", "cultured_family"):
        rows.append((_label(key, tr), fmt_int(getattr(p, key), tr)))
    rows.append((_label("coverage", tr), fmt_ratio(p.coverage, tr)))
    out: list[Flowable] = [_figures(rows, tr, st)]
    if len(s.pledges.by_area) > 1:
        area_rows = [
            [
                a.area_name or tr(N_("(no residential area)")),
                fmt_int(a.figures.households, tr),
                fmt_int(a.figures.signed, tr),
                fmt_ratio(a.figures.coverage, tr),
            ]
            for a in s.pledges.by_area
        ]
        head = [
            tr(N_("Residential area")),
            _label("households", tr),
            _label("signed", tr),
            _label("coverage", tr),
        ]
        widths = [0.0, 28 * mm, 28 * mm, 40 * mm]
        widths[0] = W - sum(widths)
        out += [
            Spacer(1, 3 * mm),
            grid(head, area_rows, widths, st, aligns=["left", "right", "right", "right"]),
        ]
    return out


def _movement(s: Statistics, session: Session, tr: Translator) -> list[tuple[str, str]]:
    """Initiatives, activities and their results, evaluations, teams and commendations;
    details indented under their totals."""
    types = catalogues.codes(session, catalogues.INITIATIVE_TYPE)
    kinds = catalogues.codes(session, catalogues.ACTIVITY_KIND)
    i, a, n = s.initiatives, s.activities, _counter(tr)
    rows = [(_label("active", tr), n(i.active))]
    rows += [(SUB + types.get(c, c), n(v)) for c, v in i.active_by_type.items() if v]
    rows += [
        (SUB + _label("members", tr), n(i.members)),
        (SUB + _label("funding_total", tr), money(i.funding_total, tr)),
        (_label("new", tr), n(i.new)),
        (_label("sessions", tr), n(a.sessions)),
    ]
    rows += [(SUB + kinds.get(c, c), n(v.sessions)) for c, v in a.by_kind.items() if v.sessions]
    rows += [
        (_label(key, tr), n(getattr(a, key)))
        for key in ("participants", "tips_of_value", "cases_mediated", "surrendered")
    ]
    rows.append((_label("items", tr), n(sum(a.items.values()))))
    rows += [(SUB + _label(k, tr), n(v)) for k, v in a.items.items() if v]
    return [
        *rows,
        (_label("count", tr), n(s.evaluations.count)),
        (SUB + _label("meeting_standard", tr), fmt_ratio(s.evaluations.meeting_standard, tr)),
        (_label("teams", tr), n(s.teams.teams)),
        (SUB + _label("members", tr), n(s.teams.members)),
        (_label("commendations", tr), n(s.commendations.total)),
    ]


def _assessment_rows(s: Statistics, tr: Translator) -> list[tuple[str, str]]:
    a = s.assessments.total
    keys = ("due", "done", "done_late", "overdue")
    rows = [(_label(k, tr), fmt_int(getattr(a, k), tr)) for k in keys]
    return [*rows, (_label("completion", tr), fmt_ratio(a.completion, tr))]


def _class_rows(s: Statistics, tr: Translator) -> list[tuple[str, str]]:
    c = s.classification
    rows = [
        (tr(N_("Class {letter}")).format(letter=k), fmt_int(v, tr)) for k, v in c.by_class.items()
    ]
    rows.append((_label("unclassified", tr), fmt_int(c.unclassified, tr)))
    return [*rows, (_label("reoffence", tr), fmt_ratio(s.reoffence, tr))]


def _before_after(s: Statistics, tr: Translator, st: Styles) -> Flowable:
    rows = [
        [
            tr(INDICATORS.get(code, code)),
            fmt_int(c.before, tr),
            fmt_int(c.after, tr),
            fmt_change(c, tr),
        ]
        for code, c in s.indicators.items()
    ]
    head = [
        tr(N_("Indicator")),
        tr(N_("Previous period")),
        tr(N_("This period")),
        tr(N_("Increase or decrease")),
    ]
    widths = [0.0, 26 * mm, 24 * mm, 40 * mm]
    widths[0] = W - sum(widths)
    return grid(head, rows, widths, st, aligns=["left", "right", "right", "centre"])


def periodic_report(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    options: PrintOptions | None = None,
) -> Printed:
    """The report of a unit (id or code; default this post) for ``period``.

    Raises:
        ValidationFailed: field ``unit`` for an unknown unit.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    figures = stats.compute(session, period, unit_id=unit_id or local_unit(session).id, today=today)
    assert figures.unit is not None
    unit = unit_of(session, figures.unit.id)
    english = tr.lang == "en"
    names = {c.code: (c.name_en if english else c.name_vi) for c in catalogues.categories(session)}
    section = _Sections(tr, st)
    intro = tr(
        N_(
            "Following the periodic reporting rules, {unit} reports the results of its work"
            " on security and order in {period} (figures as of {today}) as follows:"
        )
    ).format(unit=unit.name, period=period_phrase(period, tr), today=fmt_day(today))
    story: list[Flowable] = [
        header(heading_of(unit, number=o.number or "", day=today), tr, st, W),
        Paragraph(esc(tr(N_("REPORT"))), st.doc_type),
        subject(
            tr(N_("Results of the work on security and order in {period}")).format(
                period=period_phrase(period, tr)
            ),
            st,
            W,
        ),
        Paragraph(esc(intro), st.body),
        *section("managed"),
        *_managed(figures, names, tr, st),
        *section("assessments"),
        _figures(_assessment_rows(figures, tr), tr, st),
        *section("classification"),
        _figures(_class_rows(figures, tr), tr, st),
        *section("pledges"),
        *_pledges(figures, tr, st),
        *section("initiatives"),
        _figures(_movement(figures, session, tr), tr, st),
    ]
    if figures.indicators:
        story += [*section("indicators"), _before_after(figures, tr, st)]
    upper_unit = unit_of(session, unit.parent_id).name if unit.parent_id else None
    sent_to = [x for x in (upper_unit, *o.recipients) if x]
    chief = Signer(chief_title(unit, tr), o.signer_name)
    story += [
        Spacer(1, 8 * mm),
        KeepTogether([signature_row(recipients(sent_to, tr, st), signature(chief, st), W)]),
    ]
    title = tr(N_("Report for {period}: {unit}")).format(
        period=period_phrase(period, tr), unit=unit.name
    )
    return build(story, title=title, author=unit.name)
