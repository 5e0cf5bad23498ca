"""``python -m antt_desktop``: the application (the GUI comes with its own issue).

Until the window exists this opens the demo post — creating it with demo data on first use —
and prints its figures for this year.
"""

from __future__ import annotations

import sys

from antt_desktop.cli.app import main

if __name__ == "__main__":
    sys.exit(main(["demo", *sys.argv[1:]]))
