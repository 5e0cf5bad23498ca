"""``antt user add|passwd|disable|enable|list``: the post's accounts.

New passwords come from ``$ANTT_NEW_PASSWORD`` or are asked for twice without echo; the
account that acts logs in as every command does (``--user``, ``$ANTT_PASSWORD``).
"""

from __future__ import annotations

import argparse

from antt_desktop.cli.env import Env
from antt_desktop.i18n.texts.keys import ROTATED
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import ACCOUNT_ROLES
from antt_desktop.services import accounts

ROLE_LABELS = {
    "officer": N_("officer"),
    "chief": N_("chief"),
    "viewer": N_("viewer"),
    "upper": N_("upper unit"),
    "admin": N_("installation administrator"),
}


NO_FULL_NAME = N_(
    "No full name was given: lists and printed documents show the account name '{name}'"
    ' until it is set with: antt user edit {name} --full-name "..." --title "..."'
)


ROLE_CHANGED = N_("Account {name} now has the role {role}, from its next login.")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = commands.add_parser(
        "user", help="accounts of the post: add, edit, role, passwd, disable, list"
    )
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    p = sub.add_parser("add", help="a new account (chief or admin)")
    p.add_argument("name", help="account name: lower-case letters, digits, . _ -")
    p.add_argument("--role", required=True, choices=[r.value for r in ACCOUNT_ROLES])
    p.add_argument("--full-name", help="the officer's full name")
    p.add_argument("--title", help='title or rank, e.g. "Thượng úy"')
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("edit", help="change the full name and title printed for an account")
    p.add_argument("name", nargs="?", help="account name (your own if left out)")
    p.add_argument("--full-name", help="the officer's full name")
    p.add_argument("--title", help='title or rank, e.g. "Trưởng Công an xã", "Thượng úy"')
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("role", help="give an account another role (from its next login)")
    p.add_argument("name")
    p.add_argument("role", choices=[r.value for r in ACCOUNT_ROLES])
    p.set_defaults(func=cmd_role)

    p = sub.add_parser("passwd", help="change a password (your own unless NAME is given)")
    p.add_argument("name", nargs="?")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("disable", help="the account can no longer log in")
    p.add_argument("name")
    p.set_defaults(func=cmd_disable)

    p = sub.add_parser("enable", help="a disabled account may log in again, with a new password")
    p.add_argument("name")
    p.set_defaults(func=cmd_enable)

    p = sub.add_parser("list", help="every account, its role and whether it can log in")
    p.set_defaults(func=cmd_list)


def _done(env: Env, message: str, name: str, *, rotated: bool = False) -> int:
    env.out.data({"ok": True, "username": name})
    env.out.line(env.out._(message).format(name=name))
    if rotated:
        env.out.line(env.out._(ROTATED))
    return 0


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        accounts.require_grant(ctx, args.role)  # before a password is asked for
        password = env.new_password(args.name)
        accounts.add_account(
            ctx,
            env.keys,
            username=args.name,
            role=args.role,
            password=password,
            full_name=args.full_name,
            title=args.title,
        )
    if not args.full_name:
        env.out.warning(env.out._(NO_FULL_NAME).format(name=args.name))
    return _done(env, N_("Account {name} added."), args.name)


def cmd_edit(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        name = args.name or ctx.actor.username
        user = accounts.edit_account(ctx, username=name, full_name=args.full_name, title=args.title)
        shown = f"{user.title} {user.full_name}" if user.title else user.full_name
    env.out.data({"ok": True, "username": name, "full_name": user.full_name, "title": user.title})
    env.out.line(env.out._(N_("Account {name}: {shown}.")).format(name=name, shown=shown))
    return 0


def cmd_passwd(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        name = args.name or ctx.actor.username
        accounts.require_manageable(ctx, name, "password_reset")  # before asking
        accounts.set_password(ctx, env.keys, username=name, password=env.new_password(name))
    return _done(env, N_("Password of {name} changed."), name, rotated=True)


def cmd_disable(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        accounts.disable_account(ctx, env.keys, username=args.name)
    message = N_("Account {name} disabled: it can no longer log in.")
    return _done(env, message, args.name, rotated=True)


def cmd_enable(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        accounts.require_manageable(ctx, args.name, "account_enable")  # before asking
        password = env.new_password(args.name)
        accounts.enable_account(ctx, env.keys, username=args.name, password=password)
    return _done(env, N_("Account {name} enabled."), args.name)


def cmd_role(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        before = env.keys.db_key_id
        accounts.change_role(ctx, env.keys, username=args.name, role=args.role)
    env.out.data({"ok": True, "username": args.name, "role": args.role})
    role = env.out.tr(ROLE_LABELS[args.role])
    env.out.line(env.out._(ROLE_CHANGED).format(name=args.name, role=role))
    if env.keys.db_key_id != before:  # a role that no longer reads sensitive data
        env.out.line(env.out._(ROTATED))
    return 0


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        rows = accounts.accounts(ctx, env.keys)
    env.out.data([r.to_dict() for r in rows])
    tr = env.out.tr
    for r in rows:
        state = tr(N_("can log in")) if r.can_log_in else tr(N_("disabled"))
        if r.failures:
            state += ", " + tr(N_("{count} failed attempts")).format(count=r.failures)
        name = f"{r.title} {r.full_name}" if r.title else r.full_name
        env.out.line(f"  {r.username:<16} {tr(ROLE_LABELS[r.role]):<28} {name} ({state})")
    return 0
