"""What the initiative and indicator commands read from their options and print."""

from __future__ import annotations

import argparse
from typing import Any

from antt_desktop.cli.output import Output
from antt_desktop.cli.stats_text import Names
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_date, fmt_int, fmt_money
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.initiatives import FUNDING_SOURCES, STATUSES
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import catalogues
from antt_desktop.services.activities import QUANTITIES, WEAPON_ITEMS
from antt_desktop.services.context import Ctx
from antt_desktop.services.indicators import INDICATORS
from antt_desktop.services.initiative_lines import AssetLine, FundingLine
from antt_desktop.services.initiative_rows import (
    ActivityRow,
    EvaluationRow,
    InitiativePage,
    InitiativeRow,
    RubricRow,
)
from antt_desktop.services.units import area_by_name

#: Fields of an initiative printed by ``initiative show``, in order, after name and type.
SHOWN_FIELDS = (
    "launched_on",
    "status",
    "ended_on",
    "decision_number",
    "decision_date",
    "decision_issuer",
    "lead_body",
    "partners",
    "member_count",
    "description",
)
#: Options of ``initiative add|edit`` → ``InitiativeInput`` fields.
INITIATIVE_OPTIONS = (
    ("--name", "name"),
    ("--type", "type_code"),
    ("--launched", "launched_on"),
    ("--decision-number", "decision_number"),
    ("--decision-date", "decision_date"),
    ("--decision-issuer", "decision_issuer"),
    ("--lead-body", "lead_body"),
    ("--partners", "partners"),
    ("--members", "member_count"),
    ("--description", "description"),
)
#: Options of ``initiative activity`` → ``ActivityInput`` fields.
ACTIVITY_OPTIONS = (
    ("--participants", "participants"),
    ("--guns", "guns"),
    ("--rudimentary-weapons", "rudimentary_weapons"),
    ("--explosives", "explosives"),
    ("--bullets", "bullets"),
    ("--grenades", "grenades"),
    ("--fireworks", "fireworks"),
    ("--support-tools", "support_tools"),
    ("--mediated", "cases_mediated"),
    ("--tips", "tips_of_value"),
    ("--surrendered", "surrendered"),
)
DECISION_OPTIONS = (
    ("--decision-number", "decision_number"),
    ("--decision-date", "decision_date"),
    ("--decision-issuer", "decision_issuer"),
)


def initiative_values(ctx: Ctx, args: argparse.Namespace) -> dict[str, Any]:
    """The options given, as ``InitiativeInput`` fields; areas named are looked up."""
    values: dict[str, Any] = {
        dest: getattr(args, dest)
        for _f, dest in INITIATIVE_OPTIONS
        if getattr(args, dest) is not None
    }
    if args.area is not None:
        problems: list[Problem] = []
        values["area_ids"] = []
        for name in filter(str.strip, args.area):
            try:
                values["area_ids"].append(area_by_name(ctx, name).id)
            except ValidationFailed as exc:
                problems += exc.problems
        raise_if_errors(problems)
    if args.funding is not None:
        values["funding"] = [funding_line(t) for t in args.funding]
    if args.asset is not None:
        values["assets"] = [asset_line(t) for t in args.asset]
    return values


def compared_periods(args: argparse.Namespace) -> tuple[Period, Period]:
    """Both periods, or every problem: an unknown indicator and each period miswritten."""
    problems: list[Problem] = []
    if args.name not in INDICATORS:
        problems.append(Problem("indicator", "indicator.unknown", {"value": args.name}))
    parsed: list[Period] = []
    for value in (args.before, args.after):
        try:
            parsed.append(Period.parse(value))
        except ValidationFailed as exc:
            problems += exc.problems
    raise_if_errors(problems)
    return parsed[0], parsed[1]


def funding_line(text: str) -> FundingLine:
    """``1.500.000.000:community[:note]`` as typed (an empty text is an empty line)."""
    amount, source, note = [*text.split(":", 2), None, None][:3]
    return FundingLine(amount_vnd=amount, source=source, note=note)


def asset_line(text: str) -> AssetLine:
    """``Mắt camera:372`` as typed; the count follows the last colon."""
    kind, sep, count = text.rpartition(":")
    return AssetLine(kind=kind, count=count) if sep else AssetLine(kind=text, count=None)


def score_map(items: list[str]) -> dict[str, str | None]:
    """``code=points`` options as criterion code → points as typed (None if no ``=``)."""
    scores: dict[str, str | None] = {}
    for item in items:
        code, sep, points = item.partition("=")
        scores[code.strip()] = points.strip() if sep else None
    return scores


def result_text(total: int, max_total: int, meets: bool, tr: Translator) -> str:
    """``98/110 — đạt chuẩn``."""
    word = tr(N_("meets the standard")) if meets else tr(N_("does not meet the standard"))
    return f"{total}/{max_total} — {word}"


def rubric_record(r: RubricRow, tr: Translator) -> dict[str, Any]:
    """A rubric with its criteria in the chosen language."""
    english = tr.lang == "en"
    return {
        "code": r.code,
        "name": r.name(english),
        "pass_mark": r.pass_mark,
        "max_total": r.max_total,
        "criteria": [{"code": c.code, "name": c.name(english), "max": c.max} for c in r.criteria],
    }


def evaluation_record(ev: EvaluationRow) -> dict[str, Any]:
    return {
        "id": ev.id,
        "initiative_id": ev.initiative_id,
        "evaluated_on": ev.evaluated_on,
        "rubric_code": ev.rubric_code,
        "scores": dict(ev.scores),
        "total": ev.total,
        "max_total": ev.max_total,
        "meets_standard": ev.meets_standard,
        "decision_number": ev.decision_number,
        "decision_date": ev.decision_date,
        "decision_issuer": ev.decision_issuer,
    }


def activity_record(a: ActivityRow) -> dict[str, Any]:
    return {
        "id": a.id,
        "initiative_id": a.initiative_id,
        "held_on": a.held_on,
        "kind": a.kind,
        **{name: getattr(a, name) for name in QUANTITIES},
        "notes": a.notes,
    }


def summary_record(ini: InitiativeRow | InitiativePage, names: Names) -> dict[str, Any]:
    """One row of ``initiative list``."""
    return {
        "id": ini.id,
        "name": ini.name,
        "type_code": ini.type_code,
        "type_name": names.of(catalogues.INITIATIVE_TYPE, ini.type_code),
        "status": ini.status,
        "launched_on": ini.launched_on,
        "ended_on": ini.ended_on,
    }


def initiative_record(d: InitiativePage, names: Names) -> dict[str, Any]:
    """An initiative as ``initiative show --json`` prints it."""
    totals = d.activities
    return {
        **summary_record(d, names),
        **{name: getattr(d, name) for name in SHOWN_FIELDS},
        "areas": [{"id": a.id, "name": a.name} for a in d.areas],
        "funding": [
            {"amount_vnd": f.amount_vnd, "source": f.source, "note": f.note} for f in d.funding
        ],
        "funding_by_source": dict(d.funding_by_source),
        "funding_total": d.funding_total,
        "assets": [{"kind": a.kind, "count": a.count} for a in d.assets],
        "activities": {
            "sessions": totals.sessions,
            "sessions_by_kind": totals.sessions_by_kind,
            **{name: getattr(totals, name) for name in QUANTITIES},
        },
        "latest_evaluation": (
            evaluation_record(d.latest_evaluation) if d.latest_evaluation else None
        ),
    }


def _value(name: str, value: Any, tr: Translator) -> str:
    if name == "status":
        return tr(STATUSES.get(value, value))
    if name.endswith(("_on", "_date")):
        return fmt_date(value, tr)
    if isinstance(value, int):
        return fmt_int(value, tr)
    return str(value)


def print_initiative(out: Output, record: dict[str, Any], names: Names) -> None:
    """The initiative, its funding, assets, activities since launch and latest evaluation."""
    tr = out.tr
    out.data(record)
    out.line(f"{record['name']}  [{record['id']}]")
    rows = [(field_label("type_code", tr), f"{record['type_name']} ({record['type_code']})")]
    rows += [
        (field_label(name, tr), _value(name, record[name], tr))
        for name in SHOWN_FIELDS
        if record[name] not in (None, "")
    ]
    if record["areas"]:
        rows.append((field_label("area_ids", tr), ", ".join(a["name"] for a in record["areas"])))
    out.table(rows)
    if record["funding"]:
        out.line(tr(LABELS["funding_by_source"]))
        money = [
            (tr(FUNDING_SOURCES.get(source, source)), fmt_money(amount, tr))
            for source, amount in record["funding_by_source"].items()
        ]
        out.table([*money, (tr(LABELS["funding_total"]), fmt_money(record["funding_total"], tr))])
    if record["assets"]:
        out.line(tr(LABELS["assets"]))
        out.table([(a["kind"], fmt_int(a["count"], tr)) for a in record["assets"]])
    _print_activities(out, record["activities"], names)
    ev = record["latest_evaluation"]
    if ev is not None:
        out.line(tr(N_("Latest evaluation")))
        result = result_text(ev["total"], ev["max_total"], ev["meets_standard"], tr)
        when = f"{fmt_date(ev['evaluated_on'], tr)}, {ev['rubric_code']}"
        out.table([(result, f"({when})")])


def _print_activities(out: Output, totals: dict[str, Any], names: Names) -> None:
    tr = out.tr
    out.line(tr(N_("Activities since launch")))
    rows = [(tr(LABELS["sessions"]), fmt_int(totals["sessions"], tr))]
    rows += [
        (f"  {names.of(catalogues.ACTIVITY_KIND, kind)}", fmt_int(count, tr))
        for kind, count in totals["sessions_by_kind"].items()
    ]
    for name in ("participants", "tips_of_value", "cases_mediated", "surrendered"):
        rows.append((tr(LABELS[name]), fmt_int(totals[name], tr)))
    rows += [(tr(LABELS[name]), fmt_int(totals[name], tr)) for name in WEAPON_ITEMS if totals[name]]
    out.table(rows)
