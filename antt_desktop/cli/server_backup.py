"""``antt backup`` and ``antt restore`` on a PostgreSQL server (docs/POSTGRESQL.md).

A backup is ``pg_dump``'s archive, encrypted with the post key into the same backup file as
a SQLite post's (security/server_backups.py). A restore goes into an empty database: the one
``--database`` names when it holds nothing yet (or does not exist: it is made), or, from a
post in use, the one ``--into`` names — the post's chief logs in, the backup's unit is
compared with the post's, and the post is left as it was (the desks are pointed at the
restored database afterwards).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from antt_desktop.cli.env import Env
from antt_desktop.i18n.translator import N_
from antt_desktop.security.backups import BackupInfo, made_at, record_refusal
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.roles import Role
from antt_desktop.security.server_backups import (
    ServerRestored,
    check_target,
    restore_server_backup,
    server_post_identity,
    write_server_backup,
)
from antt_desktop.services.context import Permission
from antt_desktop.store import audit
from antt_desktop.store.backup import PostIdentity
from antt_desktop.store.database import Database
from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_url import is_url, shown_url


class RestoreIntoNeedsServer(KnownError):
    """``--into`` names a server's database, and goes with ``--database`` (the post in use)."""

    code = "backup.into_needs_server"
    exit_code = 2


def backup(env: Env, db: Database, out: Path) -> Path:
    return write_server_backup(db, out, env.keys)


def _current_post(env: Env, replace_unit: bool) -> PostIdentity:
    """Log in to the post in use (RESTORE: a chief for another unit) and say which it is."""
    with env.writing() as ctx:
        ctx.require(Permission.RESTORE)
        if replace_unit and ctx.actor.role != Role.CHIEF:
            raise PermissionDenied(
                user=ctx.actor.username,
                role=ctx.actor.role,
                action=f"{Permission.RESTORE.value} --replace-unit",
                roles=[Role.CHIEF],
            )
    with env.open(write=False) as db:
        return server_post_identity(db)


def restore(
    env: Env,
    args: argparse.Namespace,
    account: Callable[[Env, argparse.Namespace], tuple[str, str]],
) -> int:
    into = args.into
    if not env.database_url or (into is not None and not is_url(into)):
        raise RestoreIntoNeedsServer()
    target = into or env.database_url
    check_target(target)  # an empty (or new) database, before a password is asked
    current = _current_post(env, args.replace_unit) if into is not None else None
    user, password = account(env, args)
    actor = env.actor.username if current is not None else user
    try:
        done = restore_server_backup(
            target,
            args.file,
            user,
            password,
            expect=current,
            replace_unit=args.replace_unit,
            actor=actor,
        )
    except KnownError as exc:
        if current is not None:
            with suppress(KnownError), env.open(write=False) as db:  # the refusal stands
                record_refusal(db, actor, args.file, exc)
        raise
    if current is not None:
        with env.open(write=False) as db, db.journal() as session:
            audit.append(
                session,
                actor,
                "restore",
                detail=f"backup {args.file} of {done.post.unit_code} restored into"
                f" {done.into}; this database is left as it was",
            )
    _report(env, args, done)
    return 0


def report_restored(
    env: Env,
    file: Path,
    post: PostIdentity,
    old: PostIdentity | None,
    info: BackupInfo,
    **where: object,
) -> None:
    """What ``antt restore`` says when it worked, to a file or a server (``where``: the
    data lines that differ, after ``restored``)."""
    env.out.data(
        {
            "ok": True,
            "restored": str(file),
            **where,
            "made": info.created,
            "unit": _unit(post),
            "replaced_unit": None if old is None else _unit(old),
        }
    )
    env.out.line(
        env.out._(N_("Restored {name} ({code}) from {file}, made at {made}")).format(
            name=post.unit_name, code=post.unit_code, file=file, made=made_at(info)
        )
    )


def _unit(post: PostIdentity) -> dict[str, str]:
    return {"code": post.unit_code, "name": post.unit_name, "node": post.node_id}


def _report(env: Env, args: argparse.Namespace, done: ServerRestored) -> None:
    post, old = done.post, done.replaced
    report_restored(env, args.file, post, old, done.info, into=done.into, created=done.created)
    env.out.line(env.out._(N_("Restored into the database {into}")).format(into=done.into))
    if old is not None and env.database_url:
        env.out.line(
            env.out._(
                N_(
                    "The database {current} was left as it was; point the desks at {into} to"
                    " work on the restored data."
                )
            ).format(current=shown_url(env.database_url), into=done.into)
        )
