"""The tabs of an initiative's view that list what happened: activities (with their totals),
evaluations and commendations."""

from __future__ import annotations

from sqlalchemy import select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import ListTab
from antt_desktop.gui.common.records_widgets import catalogue_names, fill_table
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues
from antt_desktop.services.activities import QUANTITIES, ActivityTotals
from antt_desktop.store.models import Activity, Evaluation, Rubric


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


def fill_activities(tab: ListTab, initiative_id: str, totals: ActivityTotals) -> None:
    app, tr = tab.app, tab.app.tr
    kinds = catalogue_names(app, catalogues.ACTIVITY_KIND)
    with app.read() as ctx:
        rows = ctx.session.execute(
            select(Activity)
            .where(Activity.initiative_id == initiative_id, Activity.deleted.is_(False))
            .order_by(Activity.held_on.desc(), Activity.hlc.desc())
        ).scalars()
        table_rows = [
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
        ]
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
        table_rows,
    )


def decision_text(number: str | None, day: object, issuer: str | None, app: AppContext) -> str:
    """ "Số 844 ngày 01/04/2022 — Chủ tịch UBND ..." (empty when no decision)."""
    if not number:
        return ""
    text = app.tr(N_("No. {number} of {date}")).format(number=number, date=fmt_date(day, app.tr))  # type: ignore[arg-type]
    return f"{text} — {issuer}" if issuer else text


def fill_evaluations(tab: ListTab, initiative_id: str) -> None:
    app, tr = tab.app, tab.app.tr
    english = tr.lang == "en"
    with app.read() as ctx:
        names = {
            code: (en if english and en else vi)
            for code, vi, en in ctx.session.execute(
                select(Rubric.code, Rubric.name_vi, Rubric.name_en)
            )
        }
        rows = list(
            ctx.session.execute(
                select(Evaluation)
                .where(Evaluation.initiative_id == initiative_id, Evaluation.deleted.is_(False))
                .order_by(Evaluation.evaluated_on.desc(), Evaluation.hlc.desc())
            ).scalars()
        )
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
                    names.get(e.rubric_code, e.rubric_code),
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
