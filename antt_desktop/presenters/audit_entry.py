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
from contextlib import suppress
from datetime import datetime

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_datetime, fmt_int
from antt_desktop.i18n.messages import field_label, sentence
from antt_desktop.i18n.texts.accounts import ROLE_LABELS
from antt_desktop.i18n.texts.audit import (
    AUDIT_FIELDS,
    DERIVED_FIELDS,
    action_text,
    entity_text,
    plain,
)
from antt_desktop.i18n.texts.roles import GRANT, REFUSED_WHAT, permission_text, role_words
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.words import period_name
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
ONE_ROW = N_("audit|{count} row")
ONE_PAGE = N_("audit|{count} page")
TO_FILE = N_("audit|file {name}")
#: What a print or an export entry says was written (``booklet``, ``pledge form 2026``,
#: ``report csv 2026-Q3``), as the officer's register names the document.
DOCUMENTS: tuple[tuple[str, str], ...] = (
    (r"booklet", N_("audit|Assessment booklet")),
    (r"person sheet", N_("audit|Personal data sheet")),
    (r"person photo", N_("audit|Resident's photo")),
    (r"audit log", N_("audit|Audit log")),
    (r"pledge form (?P<year>\d{4})", N_("audit|Household pledge form {year}")),
    (r"pledge forms (?P<year>\d{4})", N_("audit|Household pledge forms {year}")),
    (r"pledge register (?P<year>\d{4})", N_("audit|Register of pledges {year}")),
    (r"certificates of decision (?P<number>.+)", N_("audit|Certificates of decision {number}")),
    (r"report (?P<period>[0-9Q-]+)", N_("audit|Report of {period}")),
    (
        r"report (?P<kind>csv|docx|xlsx|pdf) (?P<period>[0-9Q-]+)",
        N_("audit|Report of {period} ({kind})"),
    ),
    (r"report (?P<kind>csv|docx|xlsx|pdf)", N_("audit|Report ({kind})")),
    (r"refused rows of (?P<name>.+)", N_("audit|Refused rows of {name}")),
)
SIGNED_AREA = N_("audit|Year {year}: {count} pledges signed")
PURGED = N_("audit|Erased for good: {what}")
MERGED = N_("audit|Two records of one person merged into one")
ROSTER = N_("audit|Roster version {version}")
ENROLLED = N_("audit|Unit {unit}")
MACHINE = N_("audit|Computer {node}")
BACKUP_FILE = N_("audit|Backup file {path}")
RESTORED = N_(
    "audit|Restored from the backup {path} of {unit} (made at {made}); the replaced data"
    " is kept in {kept}"
)
RESTORE_REFUSED = N_("audit|Backup {path} not restored: {why}")
NOT_RESTORED = N_("audit|the file could not be restored")
#: How a sync conflict was settled (``conflict 3f2a…: kept``).
SETTLED = {
    "kept": N_("audit|Kept this computer's version"),
    "other": N_("audit|Took the other unit's version"),
}
#: What was found edited in the key file (the English words of keyfile_seal.WORDS).
KEY_FILE_FINDINGS = {
    "its seal does not match": N_("audit|its seal does not match (the counts were edited)"),
    "a failure counter is lower": N_("audit|a count of wrong passwords was lowered"),
    "the counters disagree": N_("audit|the counts disagree with the wrong passwords recorded"),
    "the seal is missing or older": N_("audit|the file was replaced by an older one"),
}
#: Fields of entries no form labels (totals of an evaluation, kept files).
MORE_FIELDS = {
    "total": N_("audit|Total score"),
    "max_total": N_("audit|Highest possible score"),
    "meets_standard": N_("audit|Meets the standard"),
    "points": N_("audit|Points per criterion"),
    "withheld": N_("audit|Withheld fields"),
}


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


def _count(count: str, one: str, many: str, tr: Translator) -> str:
    """``1 trang`` / ``1 page``, ``7 pages``: English says one page, Vietnamese has no plural."""
    return plain(one if int(count) == 1 else many, tr).format(count=fmt_int(int(count), tr))


def _sizes(text: str, tr: Translator) -> str:
    """``…: 3 pages, file.pdf`` / ``…, 12 rows``: the counts in the reader's words."""
    text = re.sub(r"\b(\d+) pages\b", lambda m: _count(m[1], ONE_PAGE, PAGES, tr), text)
    return re.sub(r"\b(\d+) rows\b", lambda m: _count(m[1], ONE_ROW, ROWS, tr), text)


def document_text(what: str, tr: Translator) -> str:
    """``Sổ theo dõi, nhận xét, đánh giá`` for ``booklet``: a printed or saved document as the
    register names it (what a script passed that the table does not know, as written)."""
    for pattern, label in DOCUMENTS:
        if m := re.fullmatch(pattern, what.strip()):
            values = m.groupdict()
            if "period" in values:
                with suppress(ValueError):
                    values["period"] = period_name(Period.parse(values["period"]), tr)
            if "kind" in values:
                values["kind"] = values["kind"].upper()
            return plain(label, tr).format(**values)
    return what


def _written(text: str, tr: Translator) -> str | None:
    """A print or an export: ``booklet: 3 pages, so-theo-doi.pdf`` as ``Sổ theo dõi, nhận xét,
    đánh giá: 3 trang, tệp so-theo-doi.pdf``."""
    m = re.fullmatch(r"(.+?): (?:(\d+) pages, )?(.+?)(?:, (\d+) rows)?", text.strip())
    if not m:
        return None
    parts = [plain(TO_FILE, tr).format(name=m[3])]
    if m[2] is not None:
        parts.insert(0, _count(m[2], ONE_PAGE, PAGES, tr))
    if m[4] is not None:
        parts.append(_count(m[4], ONE_ROW, ROWS, tr))
    return f"{document_text(m[1], tr)}: {', '.join(parts)}"


def _signed(text: str, tr: Translator) -> str | None:
    m = re.fullmatch(r"year (\d{4}): (\d+) pledges signed", text.strip())
    return plain(SIGNED_AREA, tr).format(year=m[1], count=fmt_int(int(m[2]), tr)) if m else None


def _kind(name: str, tr: Translator) -> str:
    """``nhận xét`` for ``assessments`` or ``assessment``: a kind of record, named."""
    for candidate in (name, name.removesuffix("s")):
        kind = entity_text(candidate, tr)
        if kind != candidate:
            return kind
    return name


def _purged(text: str, tr: Translator) -> str | None:
    """``RELEASED: assessments 3, commitments 1`` as ``Đã xóa hẳn: 3 nhận xét, 1 cam kết``
    (the kinds erased with a dossier; the dossier is named in the record column)."""
    _, sep, counts = text.partition(": ")
    found = re.findall(r"(\w+) (\d+)", counts if sep else text)
    if not found:
        return None
    what = ", ".join(f"{fmt_int(int(n), tr)} {_kind(k, tr)}" for k, n in found)
    return plain(PURGED, tr).format(what=what)


def _restored(text: str, tr: Translator) -> str | None:
    m = re.fullmatch(
        r"restored from backup (.+) of (\S+ .+?) \(node \S+\), made at (.+?)(?:; .*)?;"
        r" the replaced database is kept as (.+)",
        text.strip(),
    )
    if not m:
        return None
    try:
        made = fmt_datetime(datetime.fromisoformat(m[3]), tr)
    except ValueError:
        made = m[3]
    return plain(RESTORED, tr).format(path=m[1], unit=m[2], made=made, kept=m[4])


def _restore_refused(text: str, tr: Translator) -> str | None:
    path, sep, code = text.rpartition(": ")
    if not sep or not re.fullmatch(r"[a-z_]+\.[a-z_.]+", code):
        return None
    try:
        why = sentence(code, {}, tr)
    except (KeyError, IndexError, ValueError):
        why = plain(NOT_RESTORED, tr)
    if why.startswith(code) or "{" in why:  # not worded, or worded with the file's details
        why = plain(NOT_RESTORED, tr)
    return plain(RESTORE_REFUSED, tr).format(path=path, why=why)


def _refused(text: str, tr: Translator) -> str:
    """What was refused: ``Không được phép: Quản lý tài khoản`` / ``…: Cấp vai trò lãnh đạo``."""
    name = text.strip()
    if name.startswith("grant "):
        what = tr(GRANT).format(role=role_words(name[6:], tr))
    else:
        what = permission_text(name, tr)
    return tr(REFUSED_WHAT).format(what=what)


def _settled(text: str, tr: Translator) -> str | None:
    m = re.fullmatch(r"conflict \S+: (\w+)", text.strip())
    return plain(SETTLED[m[1]], tr) if m and m[1] in SETTLED else None


def _key_file(text: str, tr: Translator) -> str | None:
    """``its seal does not match (…); …`` as the findings in the reader's words."""
    found = []
    for part in text.split("; "):
        label = next((v for k, v in KEY_FILE_FINDINGS.items() if part.startswith(k)), None)
        if label is None:
            return None
        found.append(plain(label, tr))
    said = "; ".join(found)
    return said[:1].upper() + said[1:]


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
    "print": lambda t, tr: _written(t, tr) or _sizes(t, tr),
    "export": lambda t, tr: _written(t, tr) or _sizes(t, tr),
    "sign_area": _signed,
    "purge": _purged,
    "merge": lambda t, tr: plain(MERGED, tr) if t.startswith("merged ") else None,
    "sync_roster": lambda t, tr: (
        plain(ROSTER, tr).format(version=t[8:]) if t.startswith("version ") else None
    ),
    "sync_enrol": lambda t, tr: plain(ENROLLED, tr).format(unit=t.split()[0]) if t else None,
    "sync_revoke": lambda t, tr: plain(MACHINE, tr).format(node=t[:8]) if t else None,
    "transfer_approve": lambda t, tr: plain(MACHINE, tr).format(node=t[:8]) if t else None,
    "backup": lambda t, tr: plain(BACKUP_FILE, tr).format(path=t),
    "restore": _restored,
    "restore_refused": _restore_refused,
    "sync_resolve": _settled,
    "keyfile_edited": _key_file,
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


def field_text(name: str, tr: Translator) -> str:
    """A field of an entry as the forms label it (``Diện đối tượng quản lý`` for
    ``category_name``: the label of the field it shows; ``Đối tượng`` for ``person``)."""
    candidates = [name]
    base = re.sub(r"_(name|code|id)$", "", name)
    candidates += [f"{base}_code", f"{base}_id", base] if base != name else [f"{name}_id"]
    for candidate in candidates:
        label = field_label(candidate, tr)
        if label != candidate:
            return label
    if name in AUDIT_FIELDS:
        return plain(AUDIT_FIELDS[name], tr)
    if name in MORE_FIELDS:
        return plain(MORE_FIELDS[name], tr)
    if name in SETTINGS:
        return tr(SETTINGS[name])
    kind = entity_text(base, tr)
    if kind and kind != base:
        return kind[:1].upper() + kind[1:]
    return name


def fields_words(fields: tuple[str, ...] | list[str], tr: Translator) -> str:
    """The fields of an entry as the forms label them, each once (``Họ và tên, Ngày sinh``);
    derived ones (search keys, the year of a birth date) are left out."""
    labels = [field_text(f, tr) for f in fields if f not in DERIVED_FIELDS]
    return ", ".join(dict.fromkeys(labels))


def actor_text(row: AuditRow) -> str:
    """``Nguyễn Thị Loan (truongcong)``: who acted, by name, with the account they used."""
    return f"{row.actor_name} ({row.actor})" if row.actor_name else row.actor


def when_text(row: AuditRow, tr: Translator) -> str:
    """``06/12/2026 10:35``: the post's time."""
    return fmt_datetime(row.at, tr)


def cells(row: AuditRow, tr: Translator) -> list[str]:
    """No., time, account, action, record, fields, details: the columns of every log."""
    return [
        str(row.seq),
        when_text(row, tr),
        actor_text(row),
        action_text(row.action, tr),
        record_label(row, tr),
        fields_words(row.fields, tr),
        detail_text(row, tr),
    ]
