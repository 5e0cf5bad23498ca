"""Commands that set up and look after the database: init, demo-data, check, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from antt_desktop.cli.env import Env
from antt_desktop.cli.env import _interactive as interactive
from antt_desktop.domain.enums import UnitKind
from antt_desktop.i18n.translator import N_
from antt_desktop.security.backups import backup_info, restore_backup, write_backup
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.services import post_rows
from antt_desktop.services.accounts import create_post
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store import audit
from antt_desktop.sync import identity as sync_identity

DEMO_POST = {
    "unit_code": "05611",
    "unit_name": "Công an xã Phú Lương",
    "upper_code": "CAT-TN",
    "upper_name": "Công an tỉnh Thái Nguyên",
}
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

    p = commands.add_parser("check", help="integrity, foreign keys, search index, audit chain")
    p.set_defaults(func=cmd_check)

    p = commands.add_parser("backup", help="copy the database to an encrypted backup file")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_backup)

    p = commands.add_parser(
        "restore", help="replace the database with a backup file (a chief's password in it)"
    )
    p.add_argument("file", type=Path)
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
    post = create_post(
        env.db_path,
        password=password,
        kdf=env.kdf,
        unit_code=args.unit_code,
        unit_name=args.unit_name,
        admin=args.admin,
        admin_name=admin_name,
        admin_title=admin_title,
        upper_code=args.upper_code,
        upper_name=args.upper_name,
        kind=UnitKind(args.kind),
        on_setup=sync_identity.ensure,  # the node's sync keys, in the same transaction
    )
    with post, post.db.read() as session:  # the new post's login, not yet the Env's
        unit = post_rows.this_post(Ctx(session, post.actor, env.today))
        info = {
            "unit_id": unit.id,
            "code": unit.code,
            "name": unit.name,
            "path": str(env.db_path),
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
    logs in with the demo account. True when it was created."""
    if env.db_path.exists():
        return False
    unit = DEMO_UPPER if scale == "district" else DEMO_POST
    kind = UnitKind.UPPER_UNIT if scale == "district" else UnitKind.COMMUNE_POST
    post = create_post(
        env.db_path,
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
    env.out.line(env.out._(N_("Demo data created in {path}")).format(path=env.db_path))
    for key, value in summary.to_dict().items():
        env.out.line(f"  {key}: {value}")
    return 0


def run_checks(env: Env) -> list[str]:
    with env.reading() as ctx:
        return list(post_rows.database_problems(ctx))


def cmd_check(env: Env, args: argparse.Namespace) -> int:
    problems = run_checks(env)
    env.out.data({"ok": not problems, "problems": problems})
    if problems:
        env.out.line(env.out._(N_("Problems found:")))
        for p in problems:
            env.out.line(f"  - {p}")
        return 1
    env.out.line(
        env.out._(
            N_(
                "The database is sound: integrity, foreign keys, search index"
                " and audit chain checked."
            )
        )
    )
    return 0


def cmd_backup(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        ctx.require(Permission.BACKUP)
        code = post_rows.this_post(ctx).code
    with env.open(write=False) as db:
        target = write_backup(db, code, args.out)
        with db.journal() as session:
            audit.append(session, env.actor.username, "backup", detail=str(target))
    env.out.data({"ok": True, "path": str(target)})
    env.out.line(env.out._(N_("Backup written to {path}")).format(path=target))
    return 0


def cmd_restore(env: Env, args: argparse.Namespace) -> int:
    backup_info(args.file)  # a damaged or foreign file is refused before a password is asked
    user = env.account()
    kept = restore_backup(env.db_path, args.file, user, env.password())
    with env.open() as db, db.write() as session:
        audit.append(session, env.actor.username, "restore", detail=str(args.file))
    env.out.data({"ok": True, "restored": str(args.file), "previous": str(kept)})
    env.out.line(
        env.out._(N_("Restored from {file}; the previous database was kept as {kept}")).format(
            file=args.file, kept=kept
        )
    )
    return 0
