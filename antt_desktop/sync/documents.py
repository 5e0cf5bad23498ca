"""Signed JSON documents (enrolment cards and rosters): read with a size limit, signed over
their canonical bytes without the ``signature`` member."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from antt_desktop.sync import identity
from antt_desktop.sync.canonical import b64, canonical, loads_object, unb64
from antt_desktop.sync.errors import EnrolmentRefused

MAX_DOCUMENT_BYTES = 4 * 1024 * 1024


def signed(body: dict[str, Any], key: identity.Identity) -> dict[str, Any]:
    return {**body, "signature": b64(key.sign(canonical(body)))}


def signature_ok(doc: dict[str, Any], sign_public: str) -> bool:
    body = {k: v for k, v in doc.items() if k != "signature"}
    try:
        signature = unb64(str(doc.get("signature", "")))
    except ValueError:
        return False
    return identity.verify(sign_public, signature, canonical(body))


def read(path: Path, kind: str, code: str) -> dict[str, Any]:
    """The document of ``kind`` in ``path``; EnrolmentRefused(``code``) when it is not one."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise EnrolmentRefused(code, file=path.name, detail=exc.strerror or str(exc)) from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        raise EnrolmentRefused(code, file=path.name, detail="too large")
    try:
        doc = loads_object(data)
    except ValueError as exc:
        raise EnrolmentRefused(code, file=path.name, detail="not JSON") from exc
    if doc.get("kind") != kind:
        raise EnrolmentRefused(code, file=path.name, detail=f"not a {kind}")
    return doc


def write(path: Path, doc: dict[str, Any]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(canonical(doc))
    partial.replace(path)
    return path


def text(doc: dict[str, Any], name: str, limit: int = 200) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError(name)
    return value
