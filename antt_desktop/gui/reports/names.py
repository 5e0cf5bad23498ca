"""Short forms of names where the window has little room (chart labels, tiles).

Labels of figures and names of periods are the presenters' (``antt_desktop.presenters.
words``), so the window, ``antt stats`` and the printed report word them alike.
"""

from __future__ import annotations

from antt_desktop.presenters.words import capitalised


def short_unit_name(name: str) -> str:
    """A post's name without the leading "Công an" (chart labels have little room)."""
    for prefix in ("Công an ", "CÔNG AN "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return capitalised(name[len(prefix) :])
    return name


def elide(text: str, limit: int = 32) -> str:
    """``text`` cut to ``limit`` characters with "…" (chart labels)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"
