"""Texts of backing up and restoring a post's database on a PostgreSQL server (issue #16):
the tools it needs, where a backup may be restored, and why it was refused."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "backup.server_restore_in_window": N_(
        "a post on a PostgreSQL server is restored into a new database from the command line"
        " (antt --database postgresql://… restore FILE --into postgresql://…/new_name), then"
        " the desks are pointed at it; nothing was restored"
    ),
    "backup.of_server": N_(
        "{path} is a backup of a post's database on a PostgreSQL server; restore it to a"
        " server (antt --database postgresql://… restore); nothing was restored"
    ),
    "backup.of_file": N_(
        "{path} is a backup of a post's database file (SQLite), not of a server's database;"
        " it cannot be restored to a PostgreSQL server; nothing was restored"
    ),
    "backup.server_tool_missing": N_(
        "{tool} (PostgreSQL {version} or newer) was not found on this computer: install the"
        " PostgreSQL client tools of that version (on Debian or Ubuntu the package"
        " postgresql-client-{version})"
    ),
    "backup.server_tool_too_old": N_(
        "{tool} on this computer ({path}) is version {found}, older than the server or the"
        " backup (PostgreSQL {version}): install the PostgreSQL client tools of version"
        " {version} or newer"
    ),
    "backup.server_dump_failed": N_(
        "the backup of the database on {path} could not be made (pg_dump: {reason});"
        " no backup file was written"
    ),
    "backup.server_restore_failed": N_(
        "the backup could not be restored into the database on {path} ({reason});"
        " nothing was written there"
    ),
    "backup.server_target_not_empty": N_(
        "the database on {path} already holds data: a backup is restored only into an empty"
        " database, or a new one. Name one that does not exist yet (it is created) with"
        " --into postgresql://…/new_name; the database in use is left as it is"
    ),
    "backup.server_older_than_backup": N_(
        "the backup was made on PostgreSQL {made}, but the server {path} is version"
        " {version}: restore it on a server of version {made} or newer; nothing was restored"
    ),
    "backup.server_copy_refused": N_(
        "the database in the backup did not pass its check ({check}); nothing was restored"
        " into {path}"
    ),
    "backup.into_needs_server": N_(
        "--into names a database on a PostgreSQL server (postgresql://…) and goes with"
        " --database, the post in use"
    ),
}
