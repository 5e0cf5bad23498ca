"""Commands about dossiers, households, initiatives and teams (filled in as services land)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """No record commands registered yet."""
