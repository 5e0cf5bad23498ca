"""Texts of the audit log (nhật ký hệ thống): what each action is called, the filters, and
the notice that a file saved outside the database is no longer protected."""

from antt_desktop.i18n.translator import N_, Translator

#: The audit log's actions as an officer's register words them.
ACTIONS = {
    "view": N_("audit|Opened a record"),
    "create": N_("audit|Created"),
    "edit": N_("audit|Edited"),
    "move": N_("audit|Moved to another household"),
    "merge": N_("audit|Merged two records of one person"),
    "status": N_("audit|Changed the status"),
    "override": N_("audit|Kept an ID number against the check"),
    "classify": N_("audit|Classified"),
    "correct": N_("audit|Corrected"),
    "close": N_("audit|Closed"),
    "purge": N_("audit|Erased for good after the keeping period"),
    "reviewed": N_("audit|Reviewed"),
    "sign_area": N_("audit|Pledges signed for an area"),
    "print": N_("audit|Printed or saved a PDF"),
    "export": N_("audit|Exported to a file"),
    "import": N_("audit|Imported a list"),
    "login": N_("audit|Logged in"),
    "login_failed": N_("audit|Wrong password"),
    "keyfile_edited": N_("audit|Failed-login record of the key file changed outside the program"),
    "logout": N_("audit|Logged out"),
    "lock": N_("audit|Session locked"),
    "unlock": N_("audit|Session unlocked"),
    "setting": N_("audit|Changed a setting"),
    "backup": N_("audit|Backed up"),
    "restore": N_("audit|Restored a backup"),
    "restore_refused": N_("audit|Refused to restore a backup"),
    "account_create": N_("audit|Created an account"),
    "account_disable": N_("audit|Disabled an account"),
    "account_enable": N_("audit|Enabled an account"),
    "account_edit": N_("audit|Changed the name or title of an account"),
    "password_change": N_("audit|Changed a password"),
    "key_rotation": N_("audit|Changed the data keys"),
    "account_role": N_("audit|Changed the role of an account"),
    "refused": N_("audit|Refused: not allowed"),
    "sync_export": N_("audit|Exported a sync bundle"),
    "sync_import": N_("audit|Imported a sync bundle"),
    "sync_card": N_("audit|Saved the enrolment card"),
    "sync_enrol": N_("audit|Enrolled a unit"),
    "sync_roster": N_("audit|Sync roster"),
    "sync_revoke": N_("audit|Revoked a unit"),
    "sync_resolve": N_("audit|Resolved a sync conflict"),
    "transfer_request": N_("audit|Requested a transfer"),
    "transfer_approve": N_("audit|Approved a transfer"),
    "demo_data": N_("audit|Made the demo data"),
    "setup": N_("audit|Set up the post"),
    "audit_keyed": N_("audit|Audit log sealed with the post's key from here on"),
    "retire": N_("audit|Retired a catalogue entry"),
    "delete": N_("audit|Deleted"),
}

#: The column of field names: changed ones for an edit, shown ones for a view.
FIELDS_COLUMN = N_("audit|Fields")

#: Kinds of record the log names that the core list of entities does not.
ENTITIES = {
    "user": N_("account"),
    "setting": N_("setting"),
    "persons": N_("residents"),
    "households": N_("households"),
    "commitment": N_("commitment"),
    "support": N_("support"),
    "violation": N_("violation"),
    "household_year_status": N_("household's yearly status"),
    "indicator_snapshot": N_("indicator"),
    "report_narrative": N_("report text"),
    "activity": N_("activity"),
    # the tables an import or a sync names (plural): the same words
    "dossiers": N_("dossier"),
    "assessments": N_("assessment"),
    "pledges": N_("pledge"),
    "initiatives": N_("initiative"),
    "evaluations": N_("evaluation"),
    "teams": N_("team"),
    "team_members": N_("team member"),
    "units": N_("unit"),
    "areas": N_("residential area"),
    "commendations": N_("commendation"),
    "activities": N_("activity"),
    "users": N_("account"),
    "dossier_category": N_("dossier category"),
    "rubric": N_("evaluation rubric"),
    "catalogue_item": N_("catalogue entry"),
    "catalogue_version": N_("catalogue version"),
}

#: Fields of the log's entries no form labels (the forms' labels serve the others).
AUDIT_FIELDS = {
    "code": N_("audit|Code"),
    "active": N_("audit|Active"),
    "areas": N_("audit|Areas"),
    "owner_node": N_("audit|Unit keeping the record"),
}

#: Said wherever the officer saves records to a file (SECURITY.md, "Encryption at rest").
LEAVES_PROTECTION = N_(
    "The saved file is no longer protected by the application: keep it safe, and delete it"
    " when it is no longer needed. The export is recorded in the audit log."
)

CHAIN_SOUND = N_("The audit log is intact: no entry was changed or removed.")
CHAIN_BROKEN = N_(
    "The audit log was tampered with: entry no. {seq} was changed or an entry before it was"
    " removed ({count} problem(s) found). Report this to the chief."
)
CHAIN_EMPTY = N_("The audit log has no entries yet.")
CHAIN_UNGUARDED = N_(
    "The audit log's protection against changes was removed from the database: entries may"
    " have been changed or removed since. Report this to the chief."
)

MESSAGES = {
    "audit.date_range": N_("the start date {since} is after the end date {until}"),
}

FIELDS = {
    "since": N_("From date"),
    "until": N_("To date"),
    "user": N_("Account"),
    "action": N_("Action"),
    "record": N_("Record"),
}


def plain(message: str, tr: Translator) -> str:
    """``tr(message)``, or the English after the ``audit|`` prefix when untranslated."""
    text = tr(message)
    return text.split("|", 1)[-1] if text == message else text


def action_text(action: str, tr: Translator) -> str:
    """``Mở xem hồ sơ`` for ``view``; an action the table does not know is shown as is."""
    label = ACTIONS.get(action)
    return action if label is None else plain(label, tr)


def entity_text(entity: str | None, tr: Translator) -> str:
    """The kind of record in the reader's language (``nhân khẩu``); blank for none."""
    if not entity:
        return ""
    from antt_desktop.i18n.texts.core import ENTITIES as CORE

    label = CORE.get(entity) or ENTITIES.get(entity)
    return tr(label) if label else entity


def record_text(entity: str | None, entity_id: str | None, tr: Translator) -> str:
    """``hồ sơ 3f2a9c1e``: the kind of record and the start of its id."""
    return " ".join(p for p in (entity_text(entity, tr), (entity_id or "")[:8]) if p)


#: Columns the program derives from others (search and sort keys of a name, the year of a
#: birth date): the entry keeps them, the reader sees the field they come from.
DERIVED_FIELDS = frozenset({"given_folded", "name_folded", "sort_key", "birth_year"})


def fields_text(fields: list[str] | tuple[str, ...], tr: Translator) -> str:
    """The field names of an entry as the forms label them (``Họ và tên, Ngày sinh``); a
    field with no label keeps its name, a derived one is left out."""
    from antt_desktop.i18n.messages import field_label

    def label(name: str) -> str:
        text = field_label(name, tr)
        return plain(AUDIT_FIELDS[name], tr) if text == name and name in AUDIT_FIELDS else text

    return ", ".join(label(f) for f in fields if f not in DERIVED_FIELDS)


def chain_text(
    entries: int, first_broken: int | None, problems: int, tr: Translator, *, guarded: bool = True
) -> str:
    """The state of the hash chain in plain words (``Nhật ký nguyên vẹn…``)."""
    if first_broken is not None:
        return tr(CHAIN_BROKEN).format(seq=first_broken, count=problems)
    if not guarded:
        return tr(CHAIN_UNGUARDED)
    return tr(CHAIN_SOUND) if entries else tr(CHAIN_EMPTY)


def filter_text(
    since: str | None,
    until: str | None,
    user: str | None,
    action: str | None,
    record: str | None,
    tr: Translator,
) -> str:
    """What a filtered log holds, in one line (``Từ ngày 01/11/2026; tài khoản canbo1``)."""
    parts = []
    if since:
        parts.append(tr(N_("from {day}")).format(day=since))
    if until:
        parts.append(tr(N_("to {day}")).format(day=until))
    if user:
        parts.append(tr(N_("account {user}")).format(user=user))
    if action:
        parts.append(tr(N_("action: {action}")).format(action=action_text(action, tr)))
    if record:
        parts.append(tr(N_("record {record}")).format(record=record))
    return "; ".join(parts) if parts else tr(N_("every entry"))
