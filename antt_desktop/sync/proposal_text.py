"""Proposals from the upper unit in words, for the command line and the window alike: the
record, each field's label, the values as an officer reads them, and the state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from antt_desktop.i18n.formatting import fmt_datetime
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.sync import TABLES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.proposals import FieldChange, ProposalView
from antt_desktop.store.models.proposals import is_withheld

STATES = {
    "pending": N_("Proposed"),
    "accepted": N_("Accepted"),
    "rejected": N_("Rejected"),
}
#: What a record is, in the singular, before its name.
KINDS = {
    "persons": N_("Resident"),
    "dossiers": N_("Dossier of"),
    "households": N_("Household no."),
    "pledges": N_("Pledge of household no."),
    "teams": N_("Team"),
    "team_members": N_("Team member"),
    "initiatives": N_("Initiative"),
    "areas": N_("Residential area"),
}


def record_text(p: ProposalView, tr: Translator) -> str:
    """``Hộ số 12, xóm Đồng`` / ``Hồ sơ của Hà Văn Tính``."""
    kind = KINDS.get(p.table)
    if kind is None:
        label = TABLES.get(p.table)
        return f"{tr(label) if label else p.table}: {p.record}"
    return f"{tr(kind)} {p.record}"


def state_text(p: ProposalView, tr: Translator) -> str:
    """``Đã đề nghị`` / ``Đã chấp nhận`` / ``Bị từ chối: lý do``."""
    text = tr(STATES.get(p.state, p.state))
    if p.state == "rejected" and p.reason:
        return f"{text}: {p.reason}"
    return text


def value_text(value: Any, tr: Translator) -> str:
    if value is None or value == "":
        return tr(N_("(blank)"))
    if is_withheld(value):
        return tr(N_("(protected: not kept in the proposal)"))
    if isinstance(value, bool):
        return tr(N_("yes")) if value else tr(N_("no"))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        day, month, year = value[8:10], value[5:7], value[0:4]
        parts = [p for p in (day, month) if p != "00"]  # a partial birth date
        return "/".join([*parts, year])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_text(c: FieldChange, tr: Translator) -> str:
    return field_label(c.field, tr)


def change_line(c: FieldChange, tr: Translator) -> str:
    """``Nghề nghiệp: Làm ruộng → Buôn bán`` (with the value at arrival when it changed)."""
    line = f"{field_text(c, tr)}: {value_text(c.now, tr)} → {value_text(c.proposed, tr)}"
    if c.changed_since:
        line += " " + tr(N_("(changed here since it arrived; it was {value})")).format(
            value=value_text(c.at_arrival, tr)
        )
    return line


def when_text(iso: str | None, tr: Translator) -> str:
    """``06/12/2026 16:15`` (this computer's time) from an ISO time as stored."""
    try:
        moment = datetime.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    return fmt_datetime(moment, tr)
