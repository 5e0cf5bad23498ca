"""Texts of accounts, login, permissions, key files and backups."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "auth.wrong": N_(
        "wrong account name or password for '{user}' (or the account is disabled);"
        " nothing was opened"
    ),
    "auth.delayed": N_(
        "too many wrong passwords for '{user}': wait {seconds} seconds before the next try"
    ),
    "auth.missing": N_(
        "log in first: name the account with --user NAME (or ANTT_USER) and give the"
        " password in ANTT_PASSWORD, or run the command in a terminal to be asked"
    ),
    "auth.passwords_differ": N_("the two passwords typed are not the same; nothing changed"),
    "auth.forbidden": N_(
        "{user} ({role}) may not do this ({action}); only these roles may: {roles}"
    ),
    "auth.no_key_file": N_(
        "the key file {path} is missing: without it the database cannot be opened. Put the"
        " key file back beside the database, or restore a backup"
    ),
    "auth.key_file_invalid": N_(
        "the key file {path} is damaged or of an unknown format ({reason}); it was not changed"
    ),
    "auth.not_encrypted": N_(
        "the database {path} was made before accounts and encryption; it was not changed"
    ),
    "db.unreadable": N_(
        "the database {path} does not open with this key (the key file belongs to another"
        " database, or the file is not a database); nothing was changed"
    ),
    "password.too_short": N_("must have at least {min} characters (has {found})"),
    "password.too_simple": N_("must not repeat so few characters; use a longer phrase"),
    "password.contains_name": N_("must not contain the account name {name}"),
    "user.exists": N_("an account named '{value}' already exists"),
    "user.unknown": N_("there is no account named '{value}'"),
    "user.disabled": N_("the account '{value}' is disabled"),
    "user.last_manager": N_(
        "'{value}' is the last active chief or administrator; add another one first"
    ),
}

FIELDS = {
    "account": N_("Account"),
    "password": N_("Password"),
    "username": N_("Account name"),
    "role": N_("Account role"),
}

PROMPTS = (
    N_("Password for {user}: "),
    N_("New password for {user}: "),
    N_("Repeat the new password: "),
    N_("Account name: "),
)
