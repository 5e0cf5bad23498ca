"""Entry point of both frozen programs: ``antt`` (the command line) and ``antt-desktop``
(the window) are built from this one script, and each runs as its own file name says, so
the two share one analysis, one copy of the libraries and one build pass."""

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem.lower() == "antt":
        from antt_desktop.cli.app import main as run
    else:
        from antt_desktop.gui.app import main as run
    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
