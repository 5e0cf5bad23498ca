"""Texts of the database on a PostgreSQL server (issue #16): what is refused there for now,
and why a server cannot be used."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "db.not_on_postgresql.driver": N_(
        "using a PostgreSQL server needs the psycopg package, which is not installed"
        ' (pip install "antt-desktop[postgresql]")'
    ),
    "db.not_on_postgresql.keys": N_(
        "not supported on PostgreSQL yet: the encryption key of a database file (SQLCipher);"
        " on a server, access rights and an encrypted connection protect the data"
    ),
    "db.not_on_postgresql.rekey": N_(
        "not supported on PostgreSQL yet: changing the database encryption key"
    ),
    "db.server_keys_missing": N_(
        "the database on {path} has no accounts yet: set the post up there first"
        " (antt --database … init), with the server's owner account"
    ),
    "db.server_keys_changed": N_(
        "the post's data keys were changed at another desk (a password changed or an account"
        " disabled) since you logged in: nothing was saved; log in again"
    ),
    "db.server_too_old": N_(
        "the PostgreSQL server {path} is version {version}; ANTT Desktop needs version 15 or newer"
    ),
    "db.server_schema_behind": N_(
        "the database on {path} must first be upgraded to this version of ANTT Desktop with"
        " the server's owner account; the desks' account may not change its structure"
    ),
    "db.server_needs_tls": N_(
        "the connection to the database server {path} must be encrypted: set up TLS on the"
        " server and remove sslmode=disable (or allow, prefer) from the address"
    ),
    "db.server_unreachable": N_(
        "cannot connect to the database server {path}; check its address, the account and"
        " the network, and that the server is running"
    ),
}
