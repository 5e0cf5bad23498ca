"""Conflicts in words, for the command line and the window alike: the field's label, both
values as an officer reads them, and who wrote each."""

from __future__ import annotations

from typing import Any

from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.sync import TABLES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.sync.conflicts import ConflictView

KINDS = {
    "field": N_("both sides changed it"),
    "delete": N_("deleted on one side, changed on the other"),
    "late_edit": N_("changed by the old post after the transfer"),
    "duplicate": N_("same unique value as another record"),
    "fork": N_("corrected on both sides"),
}

#: Either value of a conflict over a sealed field, to a login without the fields key.
PROTECTED = N_("(protected information)")


def table_label(table: str, tr: Translator) -> str:
    label = TABLES.get(table)
    return tr(label) if label else table


def field_text(c: ConflictView, tr: Translator) -> str:
    if c.field == "*":
        return tr(N_("whole record"))
    if c.kind == "delete":
        return tr(N_("deletion"))
    if c.kind == "fork":
        return tr(N_("assessment version"))
    if c.kind == "duplicate":
        return ", ".join(field_label(f, tr) for f in c.field.split(","))
    return field_label(c.field, tr)


def value_text(c: ConflictView, value: Any, tr: Translator, *, kept: bool) -> str:
    """One side of a conflict as text ("(trống)" for nothing)."""
    if c.protected:  # sealed, and this login holds no fields key
        return tr(PROTECTED)
    if c.field == "*":
        return tr(N_("added by the old post after the transfer")) if kept else ""
    if c.kind == "delete":
        return tr(N_("record deleted")) if value else tr(N_("record kept, with the changes"))
    if c.kind == "fork":
        return fork_version_text(value, tr)
    if c.kind == "duplicate":
        return str(value or "")[:8]
    if value is None or value == "":
        return tr(N_("(blank)"))
    if isinstance(value, bool):
        return tr(N_("yes")) if value else tr(N_("no"))
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def writer_text(name: str, tr: Translator) -> str:
    return name or tr(N_("another unit"))


def fork_version_text(value: Any, tr: Translator) -> str:
    """One correction of a forked assessment: when, by whom, and its text."""
    if not isinstance(value, dict):
        return tr(N_("(blank)"))
    day = str(value.get("written_on") or "")
    if len(day) == 10 and day[4] == "-":  # ISO date → dd/mm/yyyy
        day = f"{day[8:10]}/{day[5:7]}/{day[0:4]}"
    head = tr(N_("written on {day} by {author}")).format(day=day, author=value.get("author") or "")
    if value.get("rating"):
        head += ", " + tr(N_("rating: {rating}")).format(rating=value["rating"])
    return f"{head} — {value.get('content') or ''}"
