"""One byte form for everything that is signed or hashed: sorted keys, no spaces, UTF-8."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any


def canonical(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def loads_object(data: bytes) -> dict[str, Any]:
    """A JSON object from untrusted bytes (ValueError if it is anything else)."""
    value = json.loads(data.decode("utf-8"), parse_constant=_no_constants)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def loads_array(data: bytes) -> list[Any]:
    """A JSON array from untrusted bytes (ValueError if it is anything else)."""
    value = json.loads(data.decode("utf-8"), parse_constant=_no_constants)
    if not isinstance(value, list):
        raise ValueError("not a JSON array")
    return value


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
