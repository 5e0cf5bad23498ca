"""Sync reports as an officer reads them (command line and window alike): per-table counts,
refusals and warnings."""

from __future__ import annotations

from typing import Any

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.texts.sync import TABLES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.sync.report import ImportReport

COLUMNS = (
    ("new", N_("new")),
    ("updated", N_("updated")),
    ("unchanged", N_("unchanged")),
    ("conflicts", N_("conflicts")),
    ("refused", N_("refused by the rules")),
    ("pending", N_("waiting for a parent record")),
)


def table_name(table: str, tr: Translator) -> str:
    label = TABLES.get(table)
    return tr(label) if label else table


def phrase(code: str, params: dict[str, Any], tr: Translator) -> str:
    """A sync message with table names in the reader's language."""
    values = dict(params)
    if isinstance(values.get("table"), str):
        values["table"] = table_name(values["table"], tr)
    return sentence(code, values, tr)


def report_lines(report: ImportReport, tr: Translator) -> list[str]:
    if report.already_imported:
        return [
            tr(N_("{file} was already imported on this computer; nothing changed.")).format(
                file=report.file
            )
        ]
    head = (
        N_("Dry run of {file} from {unit} (nothing was written):")
        if report.dry_run
        else N_("Imported {file} from {unit}:")
    )
    lines = [tr(head).format(file=report.file, unit=report.sender_unit)]
    for table, counts in sorted(report.tables.items(), key=lambda kv: table_name(kv[0], tr)):
        values = counts.to_dict()
        if not any(values.values()):
            continue
        parts = [f"{tr(label)} {values[key]}" for key, label in COLUMNS if values[key]]
        lines.append(f"  {table_name(table, tr)}: {', '.join(parts)}")
    totals = report.totals().to_dict()
    lines.append(
        "  "
        + tr(N_("In all:"))
        + " "
        + ", ".join(f"{tr(label)} {totals[key]}" for key, label in COLUMNS)
    )
    for refusal in report.refusals[:50]:
        lines.append(f"  - {phrase(refusal.code, refusal.params, tr)} [{refusal.row_id}]")
    if len(report.refusals) > 50:
        lines.append("  - …")
    for warning in report.warnings:
        lines.append(f"{tr(N_('Warning'))}: {phrase(warning.code, warning.params, tr)}")
    return lines
