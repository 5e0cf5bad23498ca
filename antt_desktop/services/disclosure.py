"""What of a person's sensitive data a reader may see (SECURITY.md, "Data subject rights").

Two rules, applied by every service that hands out personal data:

- A role without ``Permission.READ_SENSITIVE`` (viewer, admin) never receives a sensitive
  value: the personal ID number is masked (``•••••••••678``), the legacy ID, ethnicity,
  religion and photo are withheld (None).
- A role with the permission sees the ID number masked in lists as well, and in full only in
  the opened record (the dossier window, ``person show``, the personal data sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from antt_desktop.security.roles import Permission, allows
from antt_desktop.services.context import Ctx

MASK = "••••"
#: How many last digits of an ID number a masked one shows.
SHOWN = 3
#: Fields whose values count as sensitive personal data (masked or withheld).
SENSITIVE = ("ethnic_code", "religion_code", "photo_sha256", "id_number", "legacy_id")
#: Withheld whole from roles without the permission (the ID number is masked instead).
WITHHELD = ("ethnic_code", "religion_code", "photo_sha256", "legacy_id")
#: What a dossier holds that roles without the permission do not see either (DOMAIN.md
#: marks risk notes and criminal and violation data sensitive): the field, and the text
#: columns of its violations.
DOSSIER_WITHHELD = ("risk_notes",)
VIOLATION_WITHHELD = ("description", "decision_ref")


def mask_id_number(number: str | None) -> str:
    """``019012345678`` → ``•••••••••678``: the last three digits, enough to tell two people
    apart in a list, not to rebuild the number. (The old ``0190••••5678`` left only the
    two digits after the birth year unknown once the birth date was seen: the first six
    are the province, sex and century and the year.) A 9-digit old ID: ``••••••095``."""
    if not number:
        return ""
    if len(number) <= 6:
        return MASK
    return "•" * (len(number) - SHOWN) + number[-SHOWN:]


@dataclass(frozen=True)
class Disclosure:
    """How much of the sensitive fields one reader sees in one place.

    Attributes:
        sensitive: the reader's role may read sensitive values (READ_SENSITIVE).
        opened: the values go to an opened record (not a list).
    """

    sensitive: bool
    opened: bool

    @property
    def full_id(self) -> bool:
        return self.sensitive and self.opened

    def id_number(self, value: str | None) -> str | None:
        """The ID number as this reader may see it (None stays None)."""
        if not value:
            return value
        return value if self.full_id else mask_id_number(value)

    def value(self, name: str, value: Any) -> Any:
        """``value`` of the person field ``name`` as this reader may see it."""
        if name == "id_number":
            return self.id_number(value)
        if name in WITHHELD and not self.sensitive:
            return None
        return value

    def withheld(self, values: dict[str, Any]) -> list[str]:
        """The fields of ``values`` that hold something this reader is not shown whole."""
        return [n for n in SENSITIVE if values.get(n) and self.value(n, values[n]) != values[n]]

    def record_value(self, name: str, value: Any) -> Any:
        """A dossier's or violation's column as this reader may see it (None: withheld)."""
        if not self.sensitive and name in (*DOSSIER_WITHHELD, *VIOLATION_WITHHELD):
            return None
        return value

    def person(self, values: dict[str, Any]) -> dict[str, Any]:
        """A copy of a person's field values with what this reader may not see masked."""
        return {k: self.value(k, v) for k, v in values.items()}


def may_read_sensitive(role: str) -> bool:
    return allows(role, Permission.READ_SENSITIVE)


def in_list(ctx: Ctx) -> Disclosure:
    """For rows of a list or search: the ID number masked for every role."""
    return Disclosure(sensitive=ctx.may(Permission.READ_SENSITIVE), opened=False)


def in_record(ctx: Ctx) -> Disclosure:
    """For an opened record: everything for roles with READ_SENSITIVE, masked otherwise."""
    return Disclosure(sensitive=ctx.may(Permission.READ_SENSITIVE), opened=True)


def for_role(role: str, *, opened: bool) -> Disclosure:
    """The same, for callers that hold only the role (the window's list models)."""
    return Disclosure(sensitive=may_read_sensitive(role), opened=opened)
