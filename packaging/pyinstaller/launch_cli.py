"""Entry point of the frozen ``antt`` program (the command line)."""

import sys

from antt_desktop.cli.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
