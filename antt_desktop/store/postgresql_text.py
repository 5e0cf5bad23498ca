"""How a PostgreSQL server keeps a sealed value (bytes, which SQLite keeps in a text column):
as text, a mark and base64. Standard library only, so the store's SQLite-minded modules
(store/field_crypto.py's resealing) convert without loading the server's driver."""

from __future__ import annotations

import base64

#: The first character of a sealed value stored as text (base64 follows): plain text never
#: starts with a control character (store/text_guard.py).
SEALED_MARK = "\x01"


def sealed_text(value: bytes) -> str:
    """A sealed value (bytes, which SQLite keeps in a text column) as the server's text."""
    return SEALED_MARK + base64.b64encode(value).decode("ascii")


def stored_value(value: str) -> str | bytes:
    """What SQLite would have kept: the sealed bytes back from :func:`sealed_text`."""
    if value.startswith(SEALED_MARK):
        return base64.b64decode(value[1:])
    return value
