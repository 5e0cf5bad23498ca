"""Texts of ``antt server grant-desks``: the desks' role on a PostgreSQL server (issue #16)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "server.only_on_server": N_(
        "antt server works on a post's database on a PostgreSQL server (antt --database"
        " postgresql://… server …); this post's database is a file on this computer"
    ),
    "server.role_name": N_(
        "{role} is not a plain role name: lower-case letters, digits and _ only, starting with"
        " a letter or _, at most 63"
    ),
    "server.role_missing": N_(
        "there is no role {role} on the server: add --create to make it, or name a role that"
        " exists; nothing was changed"
    ),
    "server.not_owner": N_(
        "the server's account {account} may not make roles or give rights on {url}: run the"
        " command with the account that owns the database; nothing was changed"
    ),
}

GRANTED = N_(
    "The desks' role {role} on {url} may read and write the records, only add to the audit"
    " log and never change the tables."
)
CREATED = N_("The role {role} was made; it cannot log in itself.")
NEXT = N_(
    "Give each desk a login of its own in this role (CREATE ROLE may1 LOGIN PASSWORD '…' IN"
    " ROLE {role}), and run this command again after each upgrade of the program."
)
