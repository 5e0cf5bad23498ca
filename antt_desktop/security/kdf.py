"""Password → key with Argon2id (memory-hard), the parameters stored beside each slot.

The production parameters follow RFC 9106's second recommendation (64 MiB, three passes).
Tests lower them by passing a :class:`KdfParams` explicitly; nothing reads a global.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16


class KdfParamsInvalid(ValueError):
    """Parameters read from a file are outside what this program will run."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: passes, memory in KiB, lanes."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_dict(cls, data: Any) -> KdfParams:
        """Parameters from a key file; refused when a hostile file asks for absurd work."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise KdfParamsInvalid("unknown key derivation")
        values = [data.get(k) for k in ("time_cost", "memory_kib", "parallelism")]
        if not all(type(v) is int for v in values):
            raise KdfParamsInvalid("parameters are not whole numbers")
        time_cost, memory_kib, parallelism = (int(v) for v in values)  # type: ignore[arg-type]
        if not (1 <= time_cost <= 20 and 1 <= parallelism <= 16):
            raise KdfParamsInvalid("passes or lanes out of range")
        if not (8 * parallelism <= memory_kib <= 1024 * 1024):
            raise KdfParamsInvalid("memory out of range")
        return cls(time_cost, memory_kib, parallelism)


#: What a real installation uses for every new or changed password.
PRODUCTION = KdfParams()


def derive_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    """The 32-byte key-encryption key for ``password`` (Argon2id)."""
    return hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


#: How a slot's key is derived from a password: :func:`derive_key`, or one begun ahead.
Derive = Callable[[str, bytes, KdfParams], bytes]


class DerivedAhead:
    """:func:`derive_key` for one password, salt and cost, begun now on a thread.

    Argon2 is C code that lets go of Python's lock while it works: begun as soon as a command's
    words name the account (the password in ``$ANTT_PASSWORD``), it runs while the program is
    still importing its database layer, and the login finds the key ready. Called with
    anything else (another account, a changed key file), it derives as usual, so a wrong
    guess here costs time, never a wrong key.
    """

    def __init__(
        self,
        password: str,
        salt: bytes = b"",
        params: KdfParams | None = None,
        *,
        find: Callable[[], tuple[bytes, KdfParams] | None] | None = None,
    ) -> None:
        """``find``: instead of ``salt`` and ``params``, what looks them up on the thread
        first (a server's key slots, read while the database layer loads); None found, or
        an error, leaves the login to derive as usual."""
        self._password = password
        self._asked: tuple[str, bytes, KdfParams] | None = (
            (password, salt, params) if params is not None else None
        )
        self._find = find
        self._key: bytes | None = None
        self._thread = threading.Thread(target=self._derive, name="argon2-ahead", daemon=True)
        self._thread.start()

    def _derive(self) -> None:
        try:
            if self._find is not None:
                found = self._find()
                if found is None:
                    return
                self._asked = (self._password, *found)
            if self._asked is not None:
                self._key = derive_key(*self._asked)
        except Exception:  # asked again at the login, which says what failed
            self._key = None

    def __call__(self, password: str, salt: bytes, params: KdfParams) -> bytes:
        if password == self._password:
            self._thread.join()
            if self._key is not None and (password, salt, params) == self._asked:
                return self._key
        return derive_key(password, salt, params)
