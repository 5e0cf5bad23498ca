"""Roles and what each may do: the one table the services' permission check reads.

- **officer** (cán bộ): reads and writes the post's records (evaluations included), prints,
  exports and imports them.
- **chief** (lãnh đạo, chỉ huy): also closes dossiers, approves, manages accounts, settings,
  restores backups, reads the audit log and confirms purges.
- **viewer** (xem): reads, with sensitive fields masked; prints nothing sensitive.
- **upper** (đơn vị cấp trên): reads the posts it aggregates, writes catalogues, reviews
  and transfers.
- **admin** (quản trị cài đặt): installation set-up (accounts, settings, backups, check);
  sees records as a viewer does.
- **system**: the program itself (demo data, migrations); never an account's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    CHIEF = "chief"
    VIEWER = "viewer"
    UPPER = "upper"
    ADMIN = "admin"
    SYSTEM = "system"


#: Roles an account can have (the users table's CHECK constraint lists the same).
ACCOUNT_ROLES = (Role.OFFICER, Role.CHIEF, Role.VIEWER, Role.UPPER, Role.ADMIN)


class Permission(StrEnum):
    READ = "records.read"
    READ_SENSITIVE = "records.read_sensitive"
    WRITE = "records.write"
    CLOSE_DOSSIER = "dossiers.close"
    TRANSFER = "dossiers.transfer"
    APPROVE = "records.approve"
    REVIEW = "records.review"
    CATALOGUES = "catalogues.write"
    UNITS = "units.write"
    PRINT = "records.print"
    PRINT_SUMMARY = "reports.print"
    EXPORT = "records.export"
    IMPORT = "records.import"
    SYNC = "sync.exchange"
    ACCOUNTS = "accounts.manage"
    SETTINGS = "settings.change"
    AUDIT = "audit.read"
    BACKUP = "data.backup"
    RESTORE = "data.restore"
    PURGE = "records.purge"


P = Permission
_OFFICER = {
    P.READ,
    P.READ_SENSITIVE,
    P.WRITE,
    P.REVIEW,
    P.PRINT,
    P.PRINT_SUMMARY,
    P.EXPORT,
    P.IMPORT,
    P.SYNC,
    P.BACKUP,
}
# The chief holds every permission an account can be given (the upper unit's catalogues
# included): a chief grants any role, and an account grants only what it holds itself
# (:func:`may_grant`), so no role can make an account stronger than the one acting.
_CHIEF = _OFFICER | {
    P.CATALOGUES,
    P.CLOSE_DOSSIER,
    P.TRANSFER,
    P.APPROVE,
    P.UNITS,
    P.ACCOUNTS,
    P.SETTINGS,
    P.AUDIT,
    P.RESTORE,
    P.PURGE,
}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(_OFFICER),
    Role.CHIEF: frozenset(_CHIEF),
    Role.VIEWER: frozenset({P.READ, P.PRINT_SUMMARY}),
    Role.UPPER: frozenset(
        {
            P.READ,
            P.READ_SENSITIVE,
            P.PRINT,
            P.PRINT_SUMMARY,
            P.EXPORT,
            P.SYNC,
            P.CATALOGUES,
            P.UNITS,
            P.REVIEW,
            P.TRANSFER,
            P.BACKUP,
        }
    ),
    Role.ADMIN: frozenset(
        {P.READ, P.PRINT_SUMMARY, P.ACCOUNTS, P.SETTINGS, P.AUDIT, P.BACKUP, P.SYNC, P.UNITS}
    ),
    Role.SYSTEM: frozenset(Permission),
}


def allows(role: str, permission: Permission) -> bool:
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:
        return False  # an unknown role may do nothing


def roles_with(permission: Permission) -> list[Role]:
    """The account roles that may do ``permission`` (for the refusal message)."""
    return [r for r in ACCOUNT_ROLES if permission in GRANTS[r]]


def may_grant(role: str, target: str) -> bool:
    """Whether an account of ``role`` may give ``target`` to an account (create it with that
    role, change to it, enable it or reset its password): only when every permission of
    ``target`` is one ``role`` holds itself. An admin (no sensitive data) can thus never make
    a chief or an officer and log in as it."""
    try:
        mine, theirs = GRANTS[Role(role)], GRANTS[Role(target)]
    except ValueError:
        return False
    return theirs <= mine


def grantable_roles(role: str) -> list[Role]:
    """The account roles an account of ``role`` may give (for the role chooser)."""
    return [r for r in ACCOUNT_ROLES if may_grant(role, r.value)]


@dataclass(frozen=True)
class Actor:
    """Who acts: the account name and its role (established by the login)."""

    username: str
    role: str


#: The program itself, for work no person does (demo data, upgrades).
SYSTEM = Actor("system", Role.SYSTEM.value)
