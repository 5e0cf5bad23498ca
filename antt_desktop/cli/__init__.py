"""The ``antt`` command line: a stable contract that scripts and tests rely on."""

from antt_desktop.cli.app import main

__all__ = ["main"]
