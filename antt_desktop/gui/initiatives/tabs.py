"""The tabs of an initiative's view that list what happened: activities (with their totals),
evaluations and commendations."""

from __future__ import annotations

from collections.abc import Sequence

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import ListTab
from antt_desktop.gui.common.records_widgets import catalogue_names, fill_table
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues
from antt_desktop.services.activities import QUANTITIES, ActivityTotals
from antt_desktop.services.initiative_rows import ActivityRow, EvaluationRow


def results_text(values: dict[str, int], app: AppContext) -> str:
    """ "Súng: 2, Đạn: 30" — the counted results that are not zero (participants apart)."""
    return ", ".join(
        f"{field_label(name, app.tr)}: {fmt_int(values[name], app.tr)}"
        for name in QUANTITIES
        if name != "participants" and values.get(name)
    )


def totals_text(totals: ActivityTotals, app: AppContext) -> str:
    tr = app.tr
    head = tr(N_("Since launch: {sessions} activities, {people} participants")).format(
        sessions=fmt_int(totals.sessions, tr), people=fmt_int(totals.participants, tr)
    )
    rest = results_text({name: getattr(totals, name) for name in QUANTITIES}, app)
    return f"{head}; {rest}" if rest else head


def fill_activities(tab: ListTab, rows: Sequence[ActivityRow], totals: ActivityTotals) -> None:
    """The activities (the latest first) under their totals since launch."""
    app, tr = tab.app, tab.app.tr
    kinds = catalogue_names(app, catalogues.ACTIVITY_KIND)
    tab.summary.setText(totals_text(totals, app))
    fill_table(
        tab.table,
        [
            tr(N_("Date held")),
            tr(N_("Kind")),
            tr(N_("Participants")),
            tr(N_("Results")),
            tr(N_("Notes")),
        ],
        [
            (
                a.id,
                (
                    fmt_date(a.held_on, tr),
                    kinds.get(a.kind, a.kind),
                    fmt_int(a.participants, tr),
                    results_text({n: getattr(a, n) for n in QUANTITIES}, app),
                    a.notes or "",
                ),
            )
            for a in rows
        ],
    )


def decision_text(number: str | None, day: object, issuer: str | None, app: AppContext) -> str:
    """ "Số 844 ngày 01/04/2022 — Chủ tịch UBND ..." (empty when no decision)."""
    if not number:
        return ""
    text = app.tr(N_("No. {number} of {date}")).format(number=number, date=fmt_date(day, app.tr))  # type: ignore[arg-type]
    return f"{text} — {issuer}" if issuer else text


def fill_evaluations(tab: ListTab, rows: Sequence[EvaluationRow]) -> None:
    """The evaluations (the latest first) under the latest one's result."""
    app, tr = tab.app, tab.app.tr
    english = tr.lang == "en"
    fill_table(
        tab.table,
        [
            tr(N_("Evaluated on")),
            tr(N_("Points")),
            tr(N_("Result")),
            tr(N_("Scoring rubric")),
            tr(N_("Recognition decision")),
        ],
        [
            (
                e.id,
                (
                    fmt_date(e.evaluated_on, tr),
                    f"{e.total}/{e.max_total}",
                    tr(N_("meets the standard") if e.meets_standard else N_("below the standard")),
                    e.rubric_name(english),
                    decision_text(e.decision_number, e.decision_date, e.decision_issuer, app),
                ),
            )
            for e in rows
        ],
    )
    latest = rows[0] if rows else None
    tab.summary.setText(
        tr(N_("Latest evaluation: {points} on {date}, {result}")).format(
            points=f"{latest.total}/{latest.max_total}",
            date=fmt_date(latest.evaluated_on, tr),
            result=tr(
                N_("meets the standard") if latest.meets_standard else N_("below the standard")
            ),
        )
        if latest
        else tr(N_("Not evaluated yet."))
    )
