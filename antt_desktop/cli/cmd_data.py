"""Commands that read many records at once: stats, import."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """No data commands registered yet."""
