"""What ``antt dossier`` prints: dossiers, the records kept on them, the to-do list and the
categories, as JSON objects (codes and ISO dates) and as lines in the chosen language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_date, fmt_money, fmt_period
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.dossiers import (
    CLOSE_REASONS,
    DOSSIER_STATUSES,
    DUE_STATUSES,
    SUPPORT_KINDS,
    VIOLATION_KINDS,
)
from antt_desktop.i18n.translator import N_, Translator

if TYPE_CHECKING:  # the records' types only: ``dossier list`` loads no assessment service
    from antt_desktop.services.assessments import DueItem, TimelineEntry
    from antt_desktop.services.disclosure import Disclosure
    from antt_desktop.services.dossier_summary import DossierSummary
    from antt_desktop.store.models import Assessment, Dossier, DossierCategory

#: How often a category is assessed, keyed by ``Cadence`` value.
CADENCES = {
    "monthly": N_("every month"),
    "quarterly": N_("every quarter"),
    "periodic": N_("periodic (scheduled every quarter)"),
    "none": N_("no periodic assessment"),
}
DATE = "DD/MM/YYYY"
KEPT = N_("kept {years} years after closing, then proposed for purging")
#: Help of the command-line options, by the field they fill (``kind``: by command).
OPTION_HELP = {
    **dict.fromkeys(("opened_on", "legal_doc_date", "planned_end", "written_on"), DATE),
    **dict.fromkeys(("signed_on", "given_on", "occurred_on", "closed_on"), DATE),
    "person_id": "person id",
    "dossier_id": "id of the dossier it happened under",
    "category_code": "category code (see: antt dossier categories)",
    "classification": "A|B|C|D (released persons only)",
    "team_id": "team id",
    "period": "2026-10 (monthly categories) or 2026-Q3 (quarterly)",
    "close_reason": "|".join(CLOSE_REASONS),
    "support": "|".join(SUPPORT_KINDS),
    "violation": "administrative|criminal",
    "amount_vnd": "whole VND, e.g. 15.000.000",
    "form_code": "form code, e.g. HCD-05",
}
_LABELS: Mapping[str, Mapping[str, str]] = {
    "status": DOSSIER_STATUSES,
    "close_reason": CLOSE_REASONS,
    "kind": {**SUPPORT_KINDS, **VIOLATION_KINDS},
    "due": DUE_STATUSES,
}
FLAGS = ("has_stable_work", "complied", "reported_on_time")
_WRITTEN = ("id", "dossier_id", "period", "written_on", "author", "content", "rating")
ASSESSMENT = (*_WRITTEN, *FLAGS, "next_steps", "supersedes_id")
COMMITMENT = ("id", "dossier_id", "form_code", "signed_on", "text", "witnesses")
SUPPORT = ("id", "dossier_id", "kind", "given_on", "amount_vnd", "provider", "outcome")
_VIOLATED = ("id", "person_id", "dossier_id", "occurred_on", "kind", "description")
VIOLATION = (*_VIOLATED, "decision_ref", "is_reoffence", "dangerous")
_CLOSED = ("opened_on", "planned_end", "closed_on", "close_reason", "close_note")
_CARE = ("classification", "officer_name", "team_id", "helper_name")
_LEGAL = ("legal_doc_number", "legal_doc_date", "legal_issuer", "legal_summary")
DOSSIER = (*_CLOSED, *_CARE, *_LEGAL, "risk_notes")
PERSON = ("full_name", "born", "sex", "id_number", "current_address")


def columns(obj: object, names: Iterable[str]) -> dict[str, Any]:
    """The named attributes of a row, as a JSON object."""
    return {name: getattr(obj, name) for name in names}


def category_name(cat: DossierCategory, tr: Translator) -> str:
    return cat.name_en if tr.lang == "en" else cat.name_vi


def assessment_record(a: Assessment) -> dict[str, Any]:
    return columns(a, ASSESSMENT)


def dossier_record(
    summary: DossierSummary, timeline: list[TimelineEntry], tr: Translator, shown: Disclosure
) -> dict[str, Any]:
    """A dossier with its person, assessment booklet and other records (``--json``); the
    person's sensitive fields as ``shown`` lets the reader see them."""
    d, p = summary.dossier, summary.person
    person = shown.person(columns(p, ("id", *PERSON)))
    person["born"] = PartialDate.from_iso(p.born).format() if p.born else None
    dossier = {k: shown.record_value(k, v) for k, v in columns(d, DOSSIER).items()}
    violations = [
        {k: shown.record_value(k, v) for k, v in columns(v, VIOLATION).items()}
        for v in summary.violations
    ]
    return {
        "id": d.id,
        "person": person,
        "category_code": d.category_code,
        "category_name": category_name(summary.category, tr),
        "status": d.status,
        **dossier,
        "timeline": [
            {
                "period": e.period.label(),
                "due_on": e.due_on,
                "status": e.status,
                "assessment": assessment_record(e.current) if e.current else None,
                "history": [assessment_record(a) for a in e.history],
            }
            for e in timeline
        ],
        "commitments": [columns(c, COMMITMENT) for c in summary.commitments],
        "supports": [columns(s, SUPPORT) for s in summary.supports],
        "violations": violations,
    }


def list_record(
    d: Dossier, person_name: str, id_number: str, cat: DossierCategory, tr: Translator
) -> dict[str, Any]:
    """One line of ``dossier list`` (``id_number`` masked, as lists show it)."""
    record = columns(d, ("id", "person_id", "category_code", "opened_on", "status", "closed_on"))
    names = {"person_name": person_name, "id_number": id_number}
    return record | names | {"category_name": category_name(cat, tr)}


def category_record(c: DossierCategory, tr: Translator) -> dict[str, Any]:
    record = columns(
        c, ("code", "cadence", "due_day", "default_months", "legal_basis", "retention_years")
    )
    return record | {
        "name": category_name(c, tr),
        "ratings": list(c.ratings or []),
        "uses_classification": c.uses_classification,
        "to_check": c.to_check,
    }


def due_record(item: DueItem, names: Mapping[str, str]) -> dict[str, Any]:
    """One line of the to-do list (category names in the chosen language)."""
    record = columns(item, ("dossier_id", "person_id", "person_name", "category_code"))
    record["category_name"] = names.get(item.category_code, item.category_name)
    return record | {"period": item.period.label(), "due_on": item.due_on, "status": item.status}


def show_value(name: str, value: Any, tr: Translator) -> str:
    """A stored value as the officer reads it (labels, DD/MM/YYYY, yes/no, đồng)."""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, date):
        return fmt_date(value, tr)
    if name == "amount_vnd" and isinstance(value, int):
        return fmt_money(value, tr)
    if name == "sex":
        return tr("male") if value == "M" else tr("female")
    if name in _LABELS and value in _LABELS[name]:
        return tr(_LABELS[name][value])
    return str(value)


def _label(name: str, tr: Translator) -> str:
    # "status" is labelled for initiatives elsewhere; a dossier's status reads differently.
    return tr(N_("Dossier status")) if name == "status" else field_label(name, tr)


def _rows(record: Mapping[str, Any], names: Iterable[str], tr: Translator) -> list[str]:
    shown = [(n, record[n]) for n in names if record.get(n) not in (None, "")]
    width = max((len(_label(n, tr)) for n, _ in shown), default=0)
    return [f"  {_label(n, tr).ljust(width)}  {show_value(n, v, tr)}" for n, v in shown]


def assessment_lines(a: Mapping[str, Any], tr: Translator, indent: str = "    ") -> list[str]:
    """An assessment: who wrote it when, the rating and flags, then the text."""
    head = f"{fmt_date(a['written_on'], tr)}, {a['author']}"
    if a["rating"]:
        head += f" — {a['rating']}"
    lines = [f"{indent}{head}  [{a['id']}]"]
    flags = [f"{field_label(f, tr)}: {show_value(f, a[f], tr)}" for f in FLAGS if a[f] is not None]
    if flags:
        lines.append(indent + "; ".join(flags))
    lines.extend(indent + line for line in str(a["content"]).splitlines())
    if a["next_steps"]:
        lines.append(f"{indent}{field_label('next_steps', tr)}: {a['next_steps']}")
    return lines


def commitment_lines(c: Mapping[str, Any], tr: Translator) -> list[str]:
    form = f"{c['form_code']}  " if c["form_code"] else ""
    lines = [f"  {fmt_date(c['signed_on'], tr)}  {form}{c['text']}  [{c['id']}]"]
    if c["witnesses"]:
        lines.append(f"    {field_label('witnesses', tr)}: {c['witnesses']}")
    return lines


def support_lines(s: Mapping[str, Any], tr: Translator) -> list[str]:
    keys = [k for k in ("kind", "amount_vnd", "provider") if s[k] is not None]
    parts = ", ".join(show_value(k, s[k], tr) for k in keys)
    lines = [f"  {fmt_date(s['given_on'], tr)}  {parts}  [{s['id']}]"]
    if s["outcome"]:
        lines.append(f"    {field_label('outcome', tr)}: {s['outcome']}")
    return lines


def violation_lines(v: Mapping[str, Any], tr: Translator) -> list[str]:
    marks = [show_value("kind", v["kind"], tr)]
    if v["is_reoffence"]:
        marks.append(field_label("dangerous" if v["dangerous"] else "is_reoffence", tr))
    lines = [f"  {fmt_date(v['occurred_on'], tr)}  {', '.join(marks)}  [{v['id']}]"]
    if v["description"] is not None:
        lines.append(f"    {v['description']}")
    if v["decision_ref"]:
        lines.append(f"    {field_label('decision_ref', tr)}: {v['decision_ref']}")
    return lines


def _timeline_lines(entries: list[dict[str, Any]], tr: Translator) -> list[str]:
    lines = []
    for e in entries:
        due = tr(N_("due {date}")).format(date=fmt_date(e["due_on"], tr))
        period = fmt_period(Period.parse(e["period"]), tr)
        lines.append(f"  {period:<14} {due:<16} {show_value('due', e['status'], tr)}")
        if e["assessment"]:
            lines.extend(assessment_lines(e["assessment"], tr))
        for old in reversed(e["history"]):
            lines.append("    " + tr(N_("Earlier version, since corrected:")))
            lines.extend(assessment_lines(old, tr, indent="      "))
    return lines


def dossier_lines(record: dict[str, Any], tr: Translator) -> list[str]:
    """Everything ``dossier show`` prints, section by section."""
    person = record["person"]
    lines = [f"{person['full_name']} — {record['category_name']}  [{record['id']}]"]
    lines += _rows(record, ("status", *DOSSIER), tr)
    lines += ["", f"{field_label('person_id', tr)}  [{person['id']}]"]
    lines += _rows(person, PERSON, tr)
    lines += ["", tr(N_("Assessments by period"))]
    lines += _timeline_lines(record["timeline"], tr) or [
        "  " + tr(N_("No assessment is needed yet."))
    ]
    sections = (
        ("commitments", N_("Commitments"), commitment_lines),
        ("supports", N_("Support given"), support_lines),
        ("violations", N_("Violations"), violation_lines),
    )
    for key, title, render in sections:
        if record[key]:
            lines += ["", tr(title)]
            lines += [line for item in record[key] for line in render(item, tr)]
    return lines


def list_lines(rows: list[dict[str, Any]], tr: Translator) -> list[str]:
    lines = [] if rows else [tr(N_("No dossier found."))]
    for r in rows:
        status = show_value("status", r["status"], tr)
        who = f"{r['person_name']} ({r['id_number']})" if r["id_number"] else r["person_name"]
        line = f"  {who}  —  {r['category_name']}  {fmt_date(r['opened_on'], tr)}"
        lines.append(f"{line}  {status}  [{r['id']}]")
    return lines


def due_lines(rows: list[dict[str, Any]], today: date, tr: Translator) -> list[str]:
    """The officer's to-do list: a count, then one line per assessment to write."""
    overdue = sum(1 for r in rows if r["status"] == "overdue")
    heading = tr(N_("Assessments to write as of {today}: {count} ({overdue} overdue)"))
    lines = [heading.format(today=fmt_date(today, tr), count=len(rows), overdue=overdue)]
    for r in rows:
        status = show_value("due", r["status"], tr)
        period = fmt_period(Period.parse(r["period"]), tr)
        line = f"  {fmt_date(r['due_on'], tr)}  {status:<10} {period:<14} {r['person_name']}"
        lines.append(f"{line}  —  {r['category_name']}  [{r['dossier_id']}]")
    return lines


def category_lines(r: Mapping[str, Any], tr: Translator) -> list[str]:
    """A category: its name, then how often and by when it is assessed."""
    facts = [tr(CADENCES.get(r["cadence"], r["cadence"]))]
    if r["cadence"] != "none":
        facts.append(tr(N_("due by day {day} of the next month")).format(day=r["due_day"]))
    if r["default_months"]:
        facts.append(tr(N_("usually {months} months")).format(months=r["default_months"]))
    if r["uses_classification"]:
        facts.append(tr(N_("classified A/B/C/D")))
    facts.append(tr(KEPT).format(years=r["retention_years"]))
    lines = [f"{r['code']}  {r['name']}", f"    {'; '.join(facts)}"]
    if r["ratings"]:
        lines.append(f"    {field_label('rating', tr)}: {' / '.join(r['ratings'])}")
    return lines
