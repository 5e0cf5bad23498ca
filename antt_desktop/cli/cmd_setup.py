"""Commands that set up and look after the database: init, demo-data, check, backup, restore."""

from __future__ import annotations

import argparse
import os
from contextlib import suppress
from functools import partial
from pathlib import Path

from antt_desktop.cli import server_backup
from antt_desktop.cli.env import Env
from antt_desktop.cli.env import _interactive as interactive
from antt_desktop.domain.enums import UnitKind
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import N_
from antt_desktop.security.backups import (
    PostUnreadable,
    record_refusal,
    restore_backup,
    write_backup,
)
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.errors import KeyFileInvalid, KeyFileMissing, PermissionDenied
from antt_desktop.security.roles import Role
from antt_desktop.services import database_check, post_rows
from antt_desktop.services.accounts import create_post
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.server_post import create_server_post
from antt_desktop.store import audit
from antt_desktop.store.backup import PostIdentity, post_identity
from antt_desktop.store.errors import DatabaseLocked, DatabaseUnreadable, KnownError
from antt_desktop.sync import identity as sync_identity

DEMO_POST = {
    "unit_code": "05611",
    "unit_name": "Công an xã Phú Lương",
    "upper_code": "CAT-TN",
    "upper_name": "Công an tỉnh Thái Nguyên",
}
BACKUP_PASSWORD_VAR = "ANTT_BACKUP_PASSWORD"
DEMO_UPPER = {"unit_code": "CAT-TN", "unit_name": "Công an tỉnh Thái Nguyên"}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = commands.add_parser("init", help="set up a new post database")
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", required=True)
    p.add_argument("--upper-code")
    p.add_argument("--upper-name")
    p.add_argument("--kind", choices=[k.value for k in UnitKind], default="commune_post")
    p.add_argument("--admin", required=True, help="the chief's account name (to log in)")
    p.add_argument(
        "--admin-name", help="the chief's full name, printed under the seal (asked if left out)"
    )
    p.add_argument("--admin-title", help='the chief\'s title, e.g. "Trưởng Công an xã"')
    p.set_defaults(func=cmd_init)

    p = commands.add_parser("demo-data", help="fill the database with realistic demo data")
    p.add_argument("--scale", choices=("commune", "district"), default="commune")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--factor", type=float, default=1.0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo_data)

    p = commands.add_parser(
        "check",
        help="quick database check; --full: integrity, foreign keys, search index, audit chain",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="read every page, index entry and audit entry (minutes on a district database)",
    )
    p.set_defaults(func=cmd_check)

    p = commands.add_parser(
        "backup",
        help="copy the database to an encrypted backup file (on a server: pg_dump, encrypted)",
    )
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_backup)

    p = commands.add_parser(
        "restore",
        help="replace the database with a backup file (a chief of this post logs in; the"
        " backup opens with the password of a chief in it)",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--replace-unit",
        action="store_true",
        help="the chief confirms replacing this post's unit with the backup's other unit"
        " (or replacing a post that cannot be opened at all)",
    )
    p.add_argument(
        "--backup-user",
        help="the chief's account in the backup, when not the one logged in"
        f" (its password from ${BACKUP_PASSWORD_VAR} or asked for)",
    )
    p.add_argument(
        "--into",
        metavar="URL",
        help="on a server: the empty (or new) database to restore into, postgresql://…; the"
        " post at --database, whose chief logs in, is left as it is",
    )
    p.set_defaults(func=cmd_restore)


def _chief_name(env: Env, args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The chief's full name and title: as given, else asked when someone can answer; a
    script that leaves the name out gets a warning (documents print the account name)."""
    name, title = args.admin_name, args.admin_title
    if not (name or "").strip() and interactive():
        name = input(env.out._(N_("The chief's full name: "))).strip()
        if not title:
            title = input(env.out._(N_("The chief's title (e.g. Trưởng Công an xã): "))).strip()
    if not (name or "").strip():
        env.out.warning(
            env.out._(
                N_(
                    "No full name was given for the chief: printed documents will show the"
                    " account name '{user}' until it is set with: antt user edit {user}"
                    ' --full-name "..." --title "..."'
                )
            ).format(user=args.admin)
        )
    return name, title


def cmd_init(env: Env, args: argparse.Namespace) -> int:
    admin_name, admin_title = _chief_name(env, args)
    password = env.new_password(args.admin)
    setup = {
        "password": password,
        "kdf": env.kdf,
        "unit_code": args.unit_code,
        "unit_name": args.unit_name,
        "admin": args.admin,
        "admin_name": admin_name,
        "admin_title": admin_title,
        "upper_code": args.upper_code,
        "upper_name": args.upper_name,
        "kind": UnitKind(args.kind),
        "on_setup": sync_identity.ensure,  # the node's sync keys, in the same transaction
    }
    if env.database_url:  # the post on a server: its keys kept in its database
        post = create_server_post(env.database_url, local_dir=env.data_dir, **setup)
    else:
        post = create_post(env.db_path, **setup)
    with post, post.db.read() as session:  # the new post's login, not yet the Env's
        unit = post_rows.this_post(Ctx(session, post.actor, env.today))
        info = {
            "unit_id": unit.id,
            "code": unit.code,
            "name": unit.name,
            "path": env.where,
            "chief": post.actor.username,
            "chief_name": admin_name or post.actor.username,
        }
    env.out.data(info)
    env.out.line(env.out._(N_("Set up {name} ({code}) in {path}")).format(**info))
    env.out.line(
        env.out._(N_("The first account, {chief}, is the post's chief; log in with it.")).format(
            **info
        )
    )
    return 0


def ensure_demo_database(env: Env, scale: str) -> bool:
    """Create the demo post (or upper unit) if the folder has no database; this run then
    logs in with the demo account. True when it was created. On a server: when its
    database holds no post yet (the demo post is made there, its keys in the database)."""
    if env.has_post():
        return False
    unit = DEMO_UPPER if scale == "district" else DEMO_POST
    kind = UnitKind.UPPER_UNIT if scale == "district" else UnitKind.COMMUNE_POST
    post = (
        partial(create_server_post, env.database_url, local_dir=env.data_dir)
        if env.database_url
        else partial(create_post, env.db_path)
    )(
        password=DEMO_PASSWORD,
        kdf=env.kdf,
        demo=True,
        admin=DEMO_USER,
        kind=kind,
        unit_code=unit["unit_code"],
        unit_name=unit["unit_name"],
        upper_code=unit.get("upper_code"),
        upper_name=unit.get("upper_name"),
    )
    post.close()
    env.use(DEMO_USER, DEMO_PASSWORD)
    return True


def cmd_demo_data(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.demo.generate import generate

    ensure_demo_database(env, args.scale)
    with env.writing() as ctx:
        ctx.require(Permission.WRITE)

    def progress(stage: str, done: int, total: int) -> bool:
        if not env.out.as_json:
            print(f"\r  {stage}: {done}/{total}   ", end="", file=env.out.err, flush=True)
        return True

    with env.open() as db:
        summary = generate(
            db,
            scale=args.scale,
            seed=args.seed,
            today=env.today,
            progress=progress,
            factor=args.factor,
        )
    if not env.out.as_json:
        print(file=env.out.err)
    env.out.data(summary.to_dict())
    env.out.line(env.out._(N_("Demo data created in {path}")).format(path=env.where))
    for key, value in summary.to_dict().items():
        env.out.line(f"  {key}: {value}")
    return 0


#: What each step of the database check is called while it runs (``antt check --full``).
CHECK_STEPS = {
    "structure": N_("Database structure"),
    "sqlite": N_("SQLite integrity and foreign keys"),
    "server": N_("Foreign keys and pages on the server"),
    "search": N_("Search index"),
    "audit": N_("Audit log chain"),
}


class _Progress:
    """``antt check --full`` on stderr: a line per step, with its percentage for the long
    ones (stdout stays the result alone, JSON with ``--json``). On a terminal the
    percentage is rewritten in place; into a file or a pipe (a log) each step's line is
    followed by a plain line at every tenth reached, no ``\\r``."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self.step: str | None = None
        self.shown = -1
        isatty = getattr(env.out.err, "isatty", None)
        self.terminal = bool(isatty and isatty())

    def __call__(self, step: str, done: int, total: int) -> None:
        err, label = self.env.out.err, self.env.out._(CHECK_STEPS[step])
        if step != self.step:
            self.end()
            self.step, self.shown = step, -1
            print(f"  {label} ...", end="" if self.terminal else "\n", file=err, flush=True)
        if not total:
            return
        percent = min(100, done * 100 // total)
        if self.terminal:
            if percent != self.shown:
                self.shown = percent
                print(f"\r  {label}: {percent}%   ", end="", file=err, flush=True)
        elif percent // 10 > self.shown // 10 and percent >= 10:
            self.shown = percent - percent % 10
            print(f"  {label}: {self.shown}%", file=err, flush=True)

    def end(self) -> None:
        if self.step is not None:
            if self.terminal:
                print(file=self.env.out.err, flush=True)
            self.step = None


def check_report(env: Env, *, full: bool = False) -> database_check.Report:
    progress = _Progress(env) if full else None
    try:
        with env.reading() as ctx:
            return database_check.database_report(ctx, full=full, progress=progress)
    finally:
        if progress is not None:
            progress.end()


#: What ``antt check`` says of the pages on a server (SQLite's are read by its own check).
PAGES_SAID = {
    (database_check.PAGES_AMCHECK, False): N_(
        "The pages of the small tables and of their indexes were checked by the server's"
        " amcheck extension."
    ),
    (database_check.PAGES_AMCHECK, True): N_(
        "The pages of every table and B-tree index were checked by the server's amcheck extension."
    ),
    (database_check.PAGES_NOT_INSTALLED, False): N_(
        "Pages not checked: PostgreSQL has no counterpart of SQLite's integrity check unless"
        " the server's owner installs the amcheck extension in this database (CREATE"
        " EXTENSION amcheck)."
    ),
    (database_check.PAGES_NO_RIGHTS, False): N_(
        "Pages not checked: this account may not run the server's amcheck extension (the"
        " server's owner may allow it: GRANT EXECUTE ON FUNCTION verify_heapam, bt_index_check)."
    ),
}


def _pages_said(report: database_check.Report, full: bool) -> str:
    key = (report.pages, full if report.pages == database_check.PAGES_AMCHECK else False)
    return PAGES_SAID[key]


def cmd_check(env: Env, args: argparse.Namespace) -> int:
    full = bool(getattr(args, "full", False))
    report = check_report(env, full=full)
    problems = report.problems
    payload: dict[str, object] = {"ok": not problems, "full": full, "problems": problems}
    if report.server:
        payload["pages"] = report.pages
    env.out.data(payload)
    if problems:
        env.out.line(env.out._(N_("Problems found:")))
        for p in problems:
            env.out.line(f"  - {p}")
        if report.server:
            env.out.line(env.out._(_pages_said(report, full)))
        if not full:
            env.out.line(
                env.out._(N_("This was the quick check; to check everything: antt check --full"))
            )
        return 1
    if report.server:
        _server_sound(env, report, full)
    elif full:
        env.out.line(
            env.out._(
                N_(
                    "The database is sound: integrity, foreign keys, search index"
                    " and audit chain checked."
                )
            )
        )
    else:
        env.out.line(
            env.out._(
                N_(
                    "Quick check: the database structure, the small tables, a sample of the"
                    " search index and the newest audit entries are sound."
                )
            )
        )
        env.out.line(
            env.out._(
                N_(
                    "To read every page, index entry and audit entry (minutes on a large"
                    " database): antt check --full"
                )
            )
        )
    return 0


def _server_sound(env: Env, report: database_check.Report, full: bool) -> None:
    """A sound database on a server: what was read, what of the pages, how to read all."""
    if full:
        env.out.line(
            env.out._(
                N_(
                    "The database on the server is sound: structure, foreign keys (every"
                    " reference), search index and audit chain checked."
                )
            )
        )
    else:
        env.out.line(
            env.out._(
                N_(
                    "Quick check on the server: the database structure, its foreign key"
                    " constraints, a sample of the search index and the newest audit entries"
                    " are sound."
                )
            )
        )
    env.out.line(env.out._(_pages_said(report, full)))
    if not full:
        env.out.line(
            env.out._(
                N_(
                    "To read every reference, index entry and audit entry (minutes on a large"
                    " database): antt check --full"
                )
            )
        )


def cmd_backup(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        ctx.require(Permission.BACKUP)
    with env.open(write=False) as db:
        if env.database_url:  # pg_dump, encrypted with the post key (cli/server_backup.py)
            target = server_backup.backup(env, db, args.out)
        else:
            target = write_backup(db, args.out)
        with db.journal() as session:
            audit.append(session, env.actor.username, "backup", detail=str(target))
    env.out.data({"ok": True, "path": str(target)})
    env.out.line(env.out._(N_("Backup written to {path}")).format(path=target))
    return 0


def _current_post(env: Env, replace_unit: bool) -> PostIdentity | None:
    """Log in to the post being replaced (RESTORE: a chief) and say which it is; None when
    the folder holds no post yet (nothing to replace: the backup's own chief suffices)."""
    if not env.db_path.exists():
        return None
    try:
        env.open().close()  # the login (a wrong password ends here, whatever the options)
    except (KeyFileMissing, KeyFileInvalid, DatabaseUnreadable) as exc:
        # a post that cannot be opened at all has no one to log in to it, and a backup is
        # the way out: the chief confirms replacing whatever is there
        if not replace_unit:
            raise PostUnreadable(reason=sentence(exc.code, exc.params, env.out.tr)) from exc
        return None
    with env.writing() as ctx:
        ctx.require(Permission.RESTORE)
        if replace_unit and ctx.actor.role != Role.CHIEF:
            raise PermissionDenied(
                user=ctx.actor.username,
                role=ctx.actor.role,
                action=f"{Permission.RESTORE.value} --replace-unit",
                roles=[Role.CHIEF],
            )
    return post_identity(env.db_path, env.keys.db_key)


def _backup_account(env: Env, args: argparse.Namespace) -> tuple[str, str]:
    if args.backup_user:
        password = os.environ.get(BACKUP_PASSWORD_VAR) or env._ask(
            N_("Password for {user} in the backup: "), user=args.backup_user
        )
        return args.backup_user, password
    return env.account(), env.password()


def cmd_restore(env: Env, args: argparse.Namespace) -> int:
    if env.database_url or args.into:
        return server_backup.restore(env, args, _backup_account)
    current = _current_post(env, args.replace_unit)  # before a byte of the backup is read
    user, password = _backup_account(env, args)
    actor = env.actor.username if current is not None else user
    try:
        done = restore_backup(
            env.db_path,
            args.file,
            user,
            password,
            expect=current,
            replace_unit=args.replace_unit,
            actor=actor,
            current_key=env.keys.db_key if current is not None else None,
        )
    except KnownError as exc:
        if current is not None and not isinstance(exc, DatabaseLocked):
            with suppress(KnownError), env.open(write=False) as db:  # the refusal stands
                record_refusal(db, actor, args.file, exc)
        raise
    post, old = done.post, done.replaced
    server_backup.report_restored(env, args.file, post, old, done.info, previous=str(done.kept))
    if old is not None and old.unit_code != post.unit_code:
        env.out.line(
            env.out._(N_("It replaced the data of {name} ({code}).")).format(
                name=old.unit_name, code=old.unit_code
            )
        )
    env.out.line(env.out._(N_("The previous database was kept as {kept}")).format(kept=done.kept))
    return 0
