"""Commands about teams (being written)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `antt` subcommands of this area."""
