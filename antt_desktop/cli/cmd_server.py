"""``antt --database postgresql://OWNER@… server grant-desks ROLE [--create]``: the rights of
the desks' role on a post's database on a PostgreSQL server, given by the account that owns
the database (store/postgresql_roles.py). No account of the program logs in: the server's
owner account in the URL is what may do it."""

from __future__ import annotations

import argparse

from antt_desktop.cli.env import Env
from antt_desktop.i18n.texts.server_roles import CREATED, GRANTED, NEXT
from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_url import shown_url


class OnlyOnServer(KnownError):
    code = "server.only_on_server"
    exit_code = 2


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "server", help="a post's database on a PostgreSQL server (its owner): the desks' role"
    )
    sub = cmd.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    p = sub.add_parser(
        "grant-desks",
        help="give the desks' role its rights (after init and after each upgrade)",
    )
    p.add_argument("role", help="the role the desks' own logins are members of")
    p.add_argument(
        "--create", action="store_true", help="make the role first (it cannot log in itself)"
    )
    p.set_defaults(func=cmd_grant_desks)


def cmd_grant_desks(env: Env, args: argparse.Namespace) -> int:
    if not env.database_url:
        raise OnlyOnServer()
    from antt_desktop.store.database import open_database
    from antt_desktop.store.postgresql_roles import grant

    shown = shown_url(env.database_url)
    db = open_database(env.database_url, local_dir=env.data_dir)  # the owner: at head
    try:
        made = grant(db.engine, args.role, create=args.create, shown=shown)
    finally:
        db.close()
    tr = env.out.tr
    env.out.data({"role": args.role, "created": made, "database": shown})
    env.out.line(tr(GRANTED).format(role=args.role, url=shown))
    if made:
        env.out.line(tr(CREATED).format(role=args.role))
    env.out.line(tr(NEXT).format(role=args.role))
    return 0
