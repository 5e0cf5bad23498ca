"""Accounts (tài khoản): set up the post with its first chief, add, change, disable, list.

An account is two things kept in step: a ``users`` row inside the encrypted database (name,
role, active) and a key slot in the key file beside it (what the password opens). The row is
written in the caller's transaction and the slot just before it commits, so a refused change
writes neither.

Disabling an account, lowering its role to one that does not read sensitive data, and any
password change rotate the keys it could unwrap (security/rotation.py, docs/KEYS.md): a new
database key (and a new fields key when it could read that one), wrapped to every remaining
entitled account; the file is rekeyed when the transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.security import hierarchy, rotation
from antt_desktop.security.demo_account import DEMO_PASSWORD as DEMO_PASSWORD
from antt_desktop.security.demo_account import DEMO_USER as DEMO_USER
from antt_desktop.security.errors import KeyFileMissing, PermissionDenied
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import (
    KeyFile,
    PostLabel,
    key_file_path,
    new_database_key,
    read_key_file,
    write_key_file,
)
from antt_desktop.security.login import Unlocked
from antt_desktop.security.passwords import password_problems
from antt_desktop.security.roles import (
    ACCOUNT_ROLES,
    Actor,
    Permission,
    Role,
    grantable_roles,
    may_grant,
)
from antt_desktop.services import drafts
from antt_desktop.services.context import Ctx, apply_changes, max_length
from antt_desktop.services.units import USERNAME, AlreadyInitialised, initialise
from antt_desktop.services.values import clean_text
from antt_desktop.store import resealing
from antt_desktop.store.clock import WallClock, wall_ms
from antt_desktop.store.database import open_database
from antt_desktop.store.models import Unit, User

#: Roles that can manage accounts; one of them must always stay active.
MANAGERS = (Role.CHIEF.value, Role.ADMIN.value)
#: What a rotation of the fields key calls to reseal the sensitive columns from the old key
#: to the new, in the same transaction (tests replace it to break a rotation on purpose)
ON_FIELDS_KEY_CHANGE: rotation.FieldsKeyHook = resealing.reseal


class AccountRefused(PermissionDenied):
    """A change of accounts the acting account may not make (a role it does not hold, the
    last chief): refused like a missing permission (audited, exit code 5), on ``field``."""

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        ValidationFailed.__init__(self, [Problem(field, code, params)])


#: The demo post's account. Its password is public (the README and the demo post's login
#: screen show it): the demo holds only made-up people.


@dataclass(frozen=True)
class AccountRow:
    username: str
    full_name: str
    role: str
    active: bool
    can_log_in: bool
    failures: int
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _set_aside(path: Path, why: str) -> None:
    """Keep a file that is in the way under another name (never delete what may be data)."""
    if path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path.replace(path.with_name(f"{path.name}.{why}-{stamp}"))


def create_post(
    db_path: Path,
    *,
    password: str,
    kdf: KdfParams = PRODUCTION,
    wall: WallClock = wall_ms,
    demo: bool = False,
    on_setup: Callable[[Session], object] | None = None,
    admin_name: str | None = None,
    admin_title: str | None = None,
    **setup: Any,
) -> Unlocked:
    """Create the encrypted post database, its key file and the first (chief) account.

    ``setup`` is what :func:`units.initialise` takes (``unit_code``, ``unit_name``,
    ``admin``...). ``demo`` marks the demo post (its login screen shows the demo account).
    ``on_setup`` runs in the same transaction after the post is made (the sync keys).
    ``admin_name`` and ``admin_title`` are the chief's full name and title (chức vụ), printed
    in signature blocks; without a name the account name stands in for it.
    Refused input leaves no file behind. Returns the post, logged in as that first account.

    Raises:
        AlreadyInitialised: a post is already there; KeyFileMissing: a database is there
        without its key file (it is not touched); ValidationFailed.
    """
    db_path = Path(db_path)
    key_path = key_file_path(db_path)
    if db_path.exists():
        if key_path.exists():
            raise AlreadyInitialised(code=read_key_file(key_path).post.unit_code or "?")
        raise KeyFileMissing(path=str(key_path))
    problems = password_problems(password, str(setup.get("admin") or ""))
    name, title = clean_text(admin_name), clean_text(admin_title)
    problems += max_length("admin_name", name, 120) + max_length("admin_title", title, 120)
    db_key, fields_key = new_database_key(), new_database_key()
    db = open_database(db_path, key=db_key, create=True, wall=wall, fields_key=fields_key)
    wrote_keys = False
    try:
        try:
            with db.write() as session:
                unit: Unit = initialise(session, **setup)
                raise_if_errors(problems)
                if on_setup is not None:
                    on_setup(session)
                first, actor = first_chief(
                    session, unit, password, kdf, (name, title), demo, (db_key, fields_key)
                )
                _set_aside(key_path, "without-database")  # a left-over of a removed database
                write_key_file(key_path, first)
                wrote_keys = True
        except ValidationFailed as exc:
            raise ValidationFailed(_merge(exc.problems, problems)) from None
    except BaseException:
        db.close()
        if wrote_keys:
            key_path.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        raise
    ring = KeyRing(key_path, db_key, kdf, fields_key=fields_key, fields_key_id=1)
    return Unlocked(db, actor, ring)


def _merge(first: list[Problem], second: list[Problem]) -> list[Problem]:
    return first + [p for p in second if p not in first]


def _user(ctx: Ctx, username: str) -> User | None:
    return ctx.session.execute(
        select(User).where(User.username == username, User.deleted.is_(False))
    ).scalar_one_or_none()


def _existing(ctx: Ctx, username: str) -> User:
    user = _user(ctx, username)
    if user is None:
        raise ValidationFailed.single("username", "user.unknown", value=username)
    return user


def _grant_problem(ctx: Ctx, role: str) -> Problem | None:
    """The role problem when the acting account may not give ``role`` (rights it lacks)."""
    if role not in {r.value for r in ACCOUNT_ROLES} or may_grant(ctx.actor.role, role):
        return None
    grantable = [r.value for r in grantable_roles(ctx.actor.role)]
    params = {"user": ctx.actor.username, "role": ctx.actor.role, "wanted_role": role}
    return Problem("role", "user.role_not_grantable", {**params, "grantable": grantable})


def _refuse(ctx: Ctx, problem: Problem, action: str, user: User | None = None) -> None:
    """Audit the refusal (its own transaction, :meth:`Ctx.refused`) and raise it."""
    ctx.refused(action, "user", user.id if user is not None else None)
    raise AccountRefused(problem.field, problem.code, **problem.params)


def _manage_problem(ctx: Ctx, user: User) -> Problem | None:
    """The problem when the acting account lacks a right of ``user``'s role: an admin may
    not reset, enable, disable or change a chief (only another chief may) or an officer."""
    if user.username == ctx.actor.username or may_grant(ctx.actor.role, user.role):
        return None
    code = "user.chief_only" if user.role == Role.CHIEF.value else "user.not_manageable"
    return Problem("username", code, {"value": user.username, "their_role": user.role})


def _require_manageable(ctx: Ctx, user: User, action: str) -> None:
    if (refused := _manage_problem(ctx, user)) is not None:
        _refuse(ctx, refused, action, user)


def require_grant(ctx: Ctx, role: str) -> None:
    """Refused (and audited) unless the acting account may give ``role``: what the command
    line checks before it asks for a new password."""
    ctx.require(Permission.ACCOUNTS, "user")
    if (refused := _grant_problem(ctx, role)) is not None:
        _refuse(ctx, refused, f"grant {role}")


def require_manageable(ctx: Ctx, username: str, action: str) -> None:
    """Refused (and audited) unless the acting account may reset, enable or disable
    ``username`` (its own, or one whose role's rights it holds); nothing when unknown."""
    if username != ctx.actor.username:
        ctx.require(Permission.ACCOUNTS, "user")
    user = _user(ctx, username)
    if user is not None:
        _require_manageable(ctx, user, action)


def _active_chiefs(ctx: Ctx) -> list[str]:
    return list(
        ctx.session.execute(
            select(User.username).where(
                User.role == Role.CHIEF.value, User.active.is_(True), User.deleted.is_(False)
            )
        ).scalars()
    )


def _require_not_last_chief(ctx: Ctx, user: User, action: str) -> None:
    """The post keeps one active chief: the only one may not be disabled nor lowered."""
    if user.role == Role.CHIEF.value and _active_chiefs(ctx) == [user.username]:
        _refuse(ctx, Problem("username", "user.last_chief", {"value": user.username}), action, user)


def check_add_account(
    ctx: Ctx,
    *,
    username: str,
    role: str,
    password: str,
    full_name: str | None = None,
    title: str | None = None,
) -> list[Problem]:
    """Every problem :func:`add_account` would refuse the account with; reads only (chief
    or admin only: it tells which account names are taken)."""
    ctx.require(Permission.ACCOUNTS)
    username = (username or "").strip()
    full_name = (full_name or "").strip() or username
    problems: list[Problem] = []
    if not USERNAME.match(username):
        problems.append(Problem("username", "user.name_format", {"value": username}))
    elif _user(ctx, username) is not None:
        problems.append(Problem("username", "user.exists", {"value": username}))
    if role not in {r.value for r in ACCOUNT_ROLES}:
        allowed = [r.value for r in ACCOUNT_ROLES]
        problems.append(Problem("role", "choice", {"value": role, "allowed": allowed}))
    elif (refused := _grant_problem(ctx, role)) is not None:
        problems.append(refused)
    problems += max_length("full_name", full_name, 120)
    problems += max_length("title", clean_text(title), 120)
    problems += password_problems(password, username)
    return problems


def add_account(
    ctx: Ctx,
    keys: KeyRing,
    *,
    username: str,
    role: str,
    password: str,
    full_name: str | None = None,
    title: str | None = None,
) -> User:
    """A new account of this post (chief or admin only); without a full name the account
    name stands in for it. Only a role whose rights the acting account holds itself may be
    given (refused and audited otherwise)."""
    ctx.require(Permission.ACCOUNTS, "user")
    require_grant(ctx, role)
    raise_if_errors(
        check_add_account(
            ctx,
            username=username,
            role=role,
            password=password,
            full_name=full_name,
            title=title,
        )
    )
    username = (username or "").strip()
    full_name = clean_text(full_name) or username
    unit_id = ctx.local_unit().id
    user = User(
        username=username, full_name=full_name, title=clean_text(title), role=role, unit_id=unit_id
    )
    ctx.session.add(user)
    ctx.session.flush()
    written = ["username", "full_name", "role"] + (["title"] if user.title else [])
    ctx.audit("account_create", "user", user.id, written, role)
    keys.set_password(ctx.session, username, password, role)
    return user


def set_password(ctx: Ctx, keys: KeyRing, *, username: str, password: str) -> User:
    """A new password: anyone for their own account (the login or the change-password dialog
    asked for the current one), a chief or admin for another account whose role's rights
    they hold (an admin never resets a chief's: only another chief does).

    The account gets a new key pair, and the keys it could unwrap are rotated (a new
    database key, and a new fields key when its role reads sensitive data), so its old
    password opens nothing current, even with an old copy of the key file.
    """
    if username != ctx.actor.username:
        ctx.require(Permission.ACCOUNTS, "user")
    user = _existing(ctx, username)
    _require_manageable(ctx, user, "password_reset")
    problems = password_problems(password, username)
    if not user.active:
        problems.append(Problem("username", "user.disabled", {"value": username}))
    raise_if_errors(problems)
    change = rotation.Change(username, user.role, password, hierarchy.entitled(user.role))
    done = _rotate(ctx, keys, change)
    ctx.audit("password_change", "user", user.id, ["password"])
    _audit_rotation(ctx, user, done)
    return user


def _rotate(ctx: Ctx, keys: KeyRing, change: rotation.Change) -> rotation.Rotation:
    return rotation.rotate(
        ctx.session,
        keys,
        change,
        actor=ctx.actor.username,
        on_fields_key_change=ON_FIELDS_KEY_CHANGE,
    )


def _audit_rotation(ctx: Ctx, user: User, done: rotation.Rotation) -> None:
    ctx.audit("key_rotation", "user", user.id, [], done.detail())


def _active_managers(ctx: Ctx) -> list[str]:
    return list(
        ctx.session.execute(
            select(User.username).where(
                User.role.in_(MANAGERS), User.active.is_(True), User.deleted.is_(False)
            )
        ).scalars()
    )


def disable_account(ctx: Ctx, keys: KeyRing, *, username: str) -> User:
    """The account can no longer log in (its key slot is removed and the keys it could
    unwrap are rotated); its history stays."""
    ctx.require(Permission.ACCOUNTS, "user")
    user = _existing(ctx, username)
    _require_manageable(ctx, user, "account_disable")
    if not user.active:
        raise ValidationFailed.single("username", "user.disabled", value=username)
    _require_not_last_chief(ctx, user, "account_disable")
    if _active_managers(ctx) == [username]:
        raise ValidationFailed.single("username", "user.last_manager", value=username)
    user.active = False
    drafts.forget_account(ctx.session, username)  # nobody will log in to take them back
    ctx.session.flush()
    change = rotation.Change(username, None, could_read_fields=hierarchy.entitled(user.role))
    done = _rotate(ctx, keys, change)
    ctx.audit("account_disable", "user", user.id, ["active"])
    _audit_rotation(ctx, user, done)
    return user


def enable_account(ctx: Ctx, keys: KeyRing, *, username: str, password: str) -> User:
    """A disabled account may log in again, with a new password (only by an account that
    holds every right of its role)."""
    ctx.require(Permission.ACCOUNTS, "user")
    user = _existing(ctx, username)
    _require_manageable(ctx, user, "account_enable")
    raise_if_errors(password_problems(password, username))
    user.active = True
    ctx.audit("account_enable", "user", user.id, ["active", "password"])
    keys.set_password(ctx.session, username, password, user.role)
    return user


def check_change_role(ctx: Ctx, *, username: str, role: str) -> list[Problem]:
    """Every problem :func:`change_role` would refuse with; reads only."""
    ctx.require(Permission.ACCOUNTS, "user")
    user = _user(ctx, username)
    if user is None:
        return [Problem("username", "user.unknown", {"value": username})]
    problems = [p for p in [_manage_problem(ctx, user)] if p is not None]
    if role not in {r.value for r in ACCOUNT_ROLES}:
        allowed = [r.value for r in ACCOUNT_ROLES]
        problems.append(Problem("role", "choice", {"value": role, "allowed": allowed}))
    elif (refused := _grant_problem(ctx, role)) is not None:
        problems.append(refused)
    elif role != user.role and user.active and _active_chiefs(ctx) == [user.username]:
        problems.append(Problem("username", "user.last_chief", {"value": user.username}))
    return problems


def change_role(ctx: Ctx, keys: KeyRing, *, username: str, role: str) -> User:
    """Give an account another role (it applies from its next login), audited. Refused, and
    the refusal audited, when the acting account lacks a right of the old or the new role,
    or when it would leave the post without an active chief. A role that no longer reads
    sensitive data rotates the keys (the account keeps only the new database key); a role
    that does gets the fields key wrapped to it."""
    ctx.require(Permission.ACCOUNTS, "user")
    user = _existing(ctx, username)
    problems = check_change_role(ctx, username=username, role=role)
    refusals = {"user.chief_only", "user.not_manageable", "user.role_not_grantable"}
    refusals.add("user.last_chief")
    for p in problems:
        if p.code in refusals:
            _refuse(ctx, p, f"grant {role}", user)
    raise_if_errors(problems)
    if user.role != role:
        before = user.role
        user.role = role
        ctx.session.flush()
        ctx.audit("account_role", "user", user.id, ["role"], role)
        if hierarchy.entitled(before) and not hierarchy.entitled(role):
            change = rotation.Change(username, role, could_read_fields=True)
            _audit_rotation(ctx, user, _rotate(ctx, keys, change))
        elif hierarchy.entitled(role) and not hierarchy.entitled(before):
            keys.grant_fields_key(ctx.session, username)
    return user


def accounts(ctx: Ctx, keys: KeyRing) -> list[AccountRow]:
    """Every account of the post, with whether it can log in and its failed attempts."""
    ctx.require(Permission.ACCOUNTS)
    can_log_in = keys.names(hierarchy.trusted_publics(ctx.session))
    rows = ctx.session.execute(
        select(User).where(User.deleted.is_(False)).order_by(User.username)
    ).scalars()
    return [
        AccountRow(
            username=u.username,
            full_name=u.full_name,
            role=u.role,
            active=u.active,
            can_log_in=u.active and u.username in can_log_in,
            failures=keys.failures(u.username),
            title=u.title,
        )
        for u in rows
    ]


def check_edit_account(
    ctx: Ctx, *, username: str, full_name: str | None = None, title: str | None = None
) -> list[Problem]:
    """Every problem :func:`edit_account` would refuse the name and title with; reads only.
    A chief or admin may change any account's, an officer only their own."""
    if username != ctx.actor.username:
        ctx.require(Permission.ACCOUNTS)
    problems: list[Problem] = []
    if _user(ctx, username) is None:
        problems.append(Problem("username", "user.unknown", {"value": username}))
    name = clean_text(full_name)
    if full_name is not None and not name:
        problems.append(Problem("full_name", "required"))
    problems += max_length("full_name", name, 120)
    problems += max_length("title", clean_text(title), 120)
    return problems


def account_id(ctx: Ctx, username: str) -> str | None:
    """The id of account ``username`` (None: there is none), for an editor to guard."""
    found = ctx.session.execute(select(User.id).where(User.username == username))
    return found.scalar_one_or_none()


def edit_account(
    ctx: Ctx, *, username: str, full_name: str | None = None, title: str | None = None
) -> User:
    """Change the full name and title (chức vụ, cấp bậc) printed for an account, audited.
    None keeps what is recorded; a blank title clears it, a blank name is refused."""
    if username != ctx.actor.username:
        ctx.require(Permission.ACCOUNTS)
    raise_if_errors(check_edit_account(ctx, username=username, full_name=full_name, title=title))
    user = _existing(ctx, username)
    values = {"full_name": clean_text(full_name), "title": clean_text(title)}
    given = {"full_name": full_name, "title": title}
    changed = apply_changes(user, {k: v for k, v in values.items() if given[k] is not None})
    if changed:
        ctx.session.flush()
        ctx.audit("account_edit", "user", user.id, changed)
    return user


@dataclass(frozen=True)
class Officer:
    """An account's officer as choosers and printed pages name them."""

    username: str
    full_name: str
    title: str | None
    role: str

    @property
    def named(self) -> bool:
        """Whether a full name was given (not only the account name standing in for it)."""
        return bool(self.full_name) and self.full_name != self.username

    @property
    def label(self) -> str:
        """ "Thượng úy Lê Văn Công" (the name alone when no title is known)."""
        return f"{self.title} {self.full_name}" if self.title else self.full_name


def officers(ctx: Ctx) -> list[Officer]:
    """The post's active accounts by full name (chief first): whom a dossier may be given
    to, who signs. Any reader may list them (the names are printed on every booklet)."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(User).where(User.deleted.is_(False), User.active.is_(True))
    ).scalars()
    found = [Officer(u.username, u.full_name or u.username, u.title, u.role) for u in rows]
    return sorted(found, key=lambda o: (o.role not in MANAGERS, o.full_name))


def chief(session: Session, unit_id: str | None = None) -> Officer | None:
    """The chief (the first active chief account, of ``unit_id`` when given), whose name
    and title go under the seal of printed documents; None when there is none."""
    query = select(User).where(
        User.deleted.is_(False), User.active.is_(True), User.role == Role.CHIEF.value
    )
    if unit_id is not None:
        query = query.where(User.unit_id == unit_id)
    u = session.execute(query.order_by(User.username).limit(1)).scalar_one_or_none()
    return Officer(u.username, u.full_name or u.username, u.title, u.role) if u else None


def first_chief(
    session: Session,
    unit: Unit,
    password: str,
    kdf: KdfParams,
    naming: tuple[str | None, str | None],
    demo: bool,
    keys: tuple[bytes, bytes],
) -> tuple[KeyFile, Actor]:
    """A new post's first account made its chief (``naming``: full name, title), its slot
    in the post's first key file wrapping the database and fields keys (``keys``), the
    setup audited: the same for a post's file and a server's database."""
    name, title = naming
    admin = session.execute(select(User).where(User.unit_id == unit.id)).scalar_one()
    admin.role = Role.CHIEF.value
    admin.full_name = name or admin.username
    admin.title = title
    actor = Actor(admin.username, admin.role)
    first = KeyFile(PostLabel(unit.code, unit.name, demo))
    public = hierarchy.new_account_slot(
        first, admin.username, password, kdf, db_keys={1: keys[0]}, fields_keys={1: keys[1]}
    )
    hierarchy.record_public(session, admin.username, public)
    hierarchy.set_fields_key_id(session, 1)
    ctx = Ctx(session, actor, datetime.now().date())
    ctx.audit("setup", "unit", unit.id, ["code", "name"], detail=unit.code)
    if name:
        named = ["full_name"] + (["title"] if title else [])
        ctx.audit("account_edit", "user", admin.id, named)
    return first, actor
