"""One entry of the audit log in words: the window's table, ``antt audit list`` and the
printed log show the same cells.

The time in the post's time (``06/12/2026 10:35``), the record as ``Hồ sơ: Nguyễn Văn Đức``
(its kind alone when its name is not shown), fields as the forms label them, and the
program's details (``seed=1 scale=commune``, ``bundle 7 to 05611``, a role) in sentences.
What a person typed (a reason, a note, a file name) is kept as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

from antt_desktop.i18n.formatting import fmt_datetime, fmt_int
from antt_desktop.i18n.texts.accounts import ROLE_LABELS
from antt_desktop.i18n.texts.audit import action_text, entity_text, fields_text
from antt_desktop.i18n.texts.roles import GRANT, REFUSED_WHAT, permission_text, role_words
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.audit_log import AuditRow

SCALES = {
    "commune": N_("commune scale"),
    "district": N_("district scale"),
    "province": N_("province scale"),
}
LOCKS = {"idle": N_("Locked by itself after a while unused"), "by hand": N_("Locked by hand")}
SETTINGS = {
    "language": N_("Language"),
    "font_size": N_("Font size"),
    "idle_lock_minutes": N_("Lock after (minutes unused)"),
}
DEMO = N_("Demo data made ({scale}, {persons} residents)")
ROLE = N_("Role: {role}")
UNIT_CODE = N_("Unit code {code}")
BUNDLE_OUT = N_("Sync file no. {seq} for unit {unit}: {rows} rows")
BUNDLE_IN = N_(
    "Sync file no. {seq} from unit {unit}: {new} new, {updated} updated, {refused} refused,"
    " {pending} waiting"
)
FAILED_AT = N_("Attempt at {time}")
SUPERSEDES = N_("Replaces the earlier version")
TO_UNIT = N_("To unit {unit}")
AREAS = N_("{added} areas added, {removed} removed")
PHOTO = {"photo replaced": N_("Photo replaced"), "photo removed": N_("Photo removed")}
ROWS = N_("{count} rows")
PAGES = N_("{count} pages")


def _role(text: str, tr: Translator) -> str | None:
    label = ROLE_LABELS.get(text.strip())
    return tr(ROLE).format(role=tr(label)) if label else None


def _demo(text: str, tr: Translator) -> str | None:
    m = re.fullmatch(r"seed=\d+ scale=(\w+)(?: persons=(\d+))?", text.strip())
    if not m:
        return None
    scale = tr(SCALES[m[1]]) if m[1] in SCALES else m[1]
    return tr(DEMO).format(scale=scale, persons=fmt_int(int(m[2] or 0), tr))


def _bundle(text: str, tr: Translator) -> str | None:
    m = re.fullmatch(r"bundle (\d+) to (\S+): (\d+) rows", text.strip())
    if m:
        return tr(BUNDLE_OUT).format(seq=m[1], unit=m[2], rows=fmt_int(int(m[3]), tr))
    m = re.fullmatch(
        r"bundle (\d+) from (\S+): (\d+) new, (\d+) updated, (\d+) refused, (\d+) waiting",
        text.strip(),
    )
    if m:
        return tr(BUNDLE_IN).format(
            seq=m[1], unit=m[2], new=m[3], updated=m[4], refused=m[5], pending=m[6]
        )
    return None


def _moment(text: str, tr: Translator) -> str | None:
    try:
        return tr(FAILED_AT).format(time=fmt_datetime(datetime.fromisoformat(text), tr))
    except ValueError:
        return None


def _setting(text: str, tr: Translator) -> str | None:
    name, sep, value = text.partition(" = ")
    if not sep:
        return None
    label = SETTINGS.get(name)
    return f"{tr(label) if label else name}: {value}"


def _counts(text: str, tr: Translator) -> str | None:
    """An import's counts (``{"persons": 12, …}``) as ``nhân khẩu: 12, …``."""
    try:
        counts = json.loads(text)
    except ValueError:
        return None
    if not isinstance(counts, dict):
        return None
    return ", ".join(f"{entity_text(str(k), tr) or k}: {v}" for k, v in counts.items())


def _sizes(text: str, tr: Translator) -> str:
    """``…: 3 pages, file.pdf`` / ``…, 12 rows``: the counts in the reader's words."""
    text = re.sub(r"\b(\d+) pages\b", lambda m: tr(PAGES).format(count=m[1]), text)
    return re.sub(r"\b(\d+) rows\b", lambda m: tr(ROWS).format(count=m[1]), text)


def _refused(text: str, tr: Translator) -> str:
    """What was refused: ``Không được phép: Quản lý tài khoản`` / ``…: Cấp vai trò lãnh đạo``."""
    name = text.strip()
    if name.startswith("grant "):
        what = tr(GRANT).format(role=role_words(name[6:], tr))
    else:
        what = permission_text(name, tr)
    return tr(REFUSED_WHAT).format(what=what)


#: How the details of each action read (None from a reader: the detail is kept as written).
_READERS: dict[str, Callable[[str, Translator], str | None]] = {
    "login": _role,
    "unlock": _role,
    "account_create": _role,
    "account_role": _role,
    "refused": _refused,
    "demo_data": _demo,
    "setup": lambda t, tr: tr(UNIT_CODE).format(code=t),
    "sync_export": _bundle,
    "sync_import": _bundle,
    "login_failed": _moment,
    "setting": _setting,
    "lock": lambda t, tr: tr(LOCKS[t]) if t in LOCKS else None,
    "correct": lambda t, tr: tr(SUPERSEDES) if t.startswith("supersedes ") else None,
    "transfer_request": lambda t, tr: (
        tr(TO_UNIT).format(unit=t[3:]) if t.startswith("to ") else None
    ),
    "import": _counts,
    "print": lambda t, tr: _sizes(t, tr),
    "export": lambda t, tr: _sizes(t, tr),
}


def detail_text(row: AuditRow, tr: Translator) -> str:
    """The entry's details in the reader's words (``Tạo dữ liệu mẫu (quy mô xã, …)``)."""
    if not row.detail:
        return ""
    if row.action == "edit" and row.detail in PHOTO:
        return tr(PHOTO[row.detail])
    if row.action == "edit" and (m := re.fullmatch(r"\+(\d+) -(\d+) areas", row.detail)):
        return tr(AREAS).format(added=m[1], removed=m[2])
    reader = _READERS.get(row.action)
    said = reader(row.detail, tr) if reader else None
    return row.detail if said is None else said


def record_label(row: AuditRow, tr: Translator) -> str:
    """``Hồ sơ: Nguyễn Văn Đức`` (the kind alone when the name is not shown or not known)."""
    kind = entity_text(row.entity, tr)
    kind = kind[:1].upper() + kind[1:]
    if row.name:
        return f"{kind}: {row.name}" if kind else row.name
    return kind


def when_text(row: AuditRow, tr: Translator) -> str:
    """``06/12/2026 10:35``: the post's time."""
    return fmt_datetime(row.at, tr)


def cells(row: AuditRow, tr: Translator) -> list[str]:
    """No., time, account, action, record, fields, details: the columns of every log."""
    return [
        str(row.seq),
        when_text(row, tr),
        row.actor,
        action_text(row.action, tr),
        record_label(row, tr),
        fields_text(row.fields, tr),
        detail_text(row, tr),
    ]
