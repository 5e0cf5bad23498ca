"""Texts of what roles may grant (issue #13): the refusals of account changes an account
may not make, the permissions in words, and a refusal as the audit log tells it."""

from antt_desktop.i18n.translator import N_, Translator

MESSAGES = {
    "user.role_not_grantable": N_(
        "{user} ({role}) may not give the role {wanted_role}: an account gives only roles"
        " whose rights it holds itself ({grantable}); nothing changed"
    ),
    "user.not_manageable": N_(
        "'{value}' is an account of the role {their_role}: only an account holding every"
        " right of that role may reset its password, enable, disable it or change its role;"
        " nothing changed"
    ),
    "user.chief_only": N_(
        "'{value}' is a chief's account: only another chief may reset its password, enable,"
        " disable it or change its role; nothing changed"
    ),
    "user.last_chief": N_(
        "'{value}' is the post's last active chief: it cannot be disabled or given another"
        " role; add another chief first"
    ),
}

#: Message parameters that hold a role (or a list of roles), said in the reader's words.
ROLE_PARAMS = ("wanted_role", "their_role", "grantable")

#: Each permission in words (the detail of a refused action in the audit log).
PERMISSIONS = {
    "records.read": N_("permission|Read records"),
    "records.read_sensitive": N_(
        "permission|Read sensitive data (full ID numbers, ethnicity, religion)"
    ),
    "records.write": N_("permission|Write records"),
    "dossiers.close": N_("permission|Close dossiers"),
    "dossiers.transfer": N_("permission|Transfer dossiers"),
    "records.approve": N_("permission|Approve records"),
    "records.review": N_("permission|Review records"),
    "catalogues.write": N_("permission|Change catalogues"),
    "units.write": N_("permission|Register units"),
    "records.print": N_("permission|Print records"),
    "reports.print": N_("permission|Print summary reports"),
    "records.export": N_("permission|Export records"),
    "records.import": N_("permission|Import lists"),
    "sync.exchange": N_("permission|Exchange sync files"),
    "accounts.manage": N_("permission|Manage accounts"),
    "settings.change": N_("permission|Change settings"),
    "audit.read": N_("permission|Read the audit log"),
    "data.backup": N_("permission|Back up data"),
    "data.restore": N_("permission|Restore a backup"),
    "records.purge": N_("permission|Purge records"),
    "password_reset": N_("permission|Reset another account's password"),
    "account_disable": N_("permission|Disable an account"),
    "account_enable": N_("permission|Enable an account"),
}
REFUSED_WHAT = N_("Not allowed: {what}")
GRANT = N_("Give the role {role}")


def role_words(value: object, tr: Translator) -> str:
    """A role (or a list of roles) as the account lists name them."""
    from antt_desktop.i18n.texts.accounts import ROLE_LABELS

    roles = value if isinstance(value, list | tuple) else [value]
    return ", ".join(tr(ROLE_LABELS[str(r)]) if str(r) in ROLE_LABELS else str(r) for r in roles)


def permission_text(name: str, tr: Translator) -> str:
    """``Quản lý tài khoản`` for ``accounts.manage``; an unknown name is shown as is."""
    label = PERMISSIONS.get(name)
    if label is None:
        return name
    text = tr(label)
    return text.split("|", 1)[-1] if text == label else text
