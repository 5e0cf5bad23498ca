"""Texts of the window's account dialogs: changing one's password and the chief's list of
accounts (roles in words, each with what it may do)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "password.wrong_current": N_("is not the password of this account; nothing changed"),
    "password.repeat_differs": N_("is not the same as the new password"),
}

FIELDS = {
    "current_password": N_("Current password"),
    "new_password": N_("New password"),
    "password_repeat": N_("Repeat the password"),
}

#: The roles in words (the same words as ``antt user list``).
ROLE_LABELS = {
    "officer": N_("officer"),
    "chief": N_("chief"),
    "viewer": N_("viewer"),
    "upper": N_("upper unit"),
    "admin": N_("installation administrator"),
}

#: One line on what each role may do (shown when a role is chosen).
ROLE_HINTS = {
    "officer": N_("Reads and writes the post's records, prints, exports and imports them."),
    "chief": N_(
        "Also closes dossiers, approves, manages accounts and settings, reads the audit log."
    ),
    "viewer": N_("Only reads, with sensitive fields masked; prints nothing sensitive."),
    "upper": N_("An upper unit's account: reads the posts it aggregates, reviews, transfers."),
    "admin": N_("Sets up the installation: accounts, settings, backups; reads as a viewer."),
}

CHANGE_PASSWORD = N_("Change &password…")
CHANGE_PASSWORD_TITLE = N_("Change the password of {user}")
CHANGE_PASSWORD_HINT = N_(
    "Type the current password first, so no one else can change it in a session left open."
)
PASSWORD_CHANGED = N_("The password of {user} was changed. Use it at the next login.")
RESET_TITLE = N_("New password for {user}")
ENABLE_TITLE = N_("Enable {user} again, with a new password")
OK = N_("&Change")

ACCOUNTS = N_("Acco&unts…")
ACCOUNTS_TITLE = N_("Accounts of the post")
COLUMNS = (
    N_("Account name"),
    N_("Full name"),
    N_("Account role"),
    N_("State"),
    N_("Failed attempts"),
)
IN_USE = N_("in use")
LOCKED = N_("disabled")
ADD = N_("&Add account…")
ADD_TITLE = N_("A new account")
ADDED = N_("Account {user} added: it can log in now.")
RESET = N_("&Reset password…")
RESET_DONE = N_("The password of {user} was changed.")
DISABLE = N_("&Disable account")
DISABLE_QUESTION = N_("Disable the account {user} ({name})?")
DISABLE_DETAIL = N_("It can no longer log in; what it recorded stays. It can be enabled again.")
DISABLE_YES = N_("&Disable")
DISABLED = N_("Account {user} disabled: it can no longer log in.")
ENABLE = N_("&Enable again…")
ENABLED = N_("Account {user} enabled.")
CLOSE = N_("Close")
GO_BACK = N_("Go back")
