"""Entry point of the frozen ``antt-desktop`` program (the window)."""

import sys

from antt_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
