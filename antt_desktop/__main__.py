"""``python -m antt_desktop``: the application window on the demo post (made on first use).

``python -m antt_desktop --text`` prints the demo post's figures instead (the command line's
``antt demo``); so does a Linux session with no display to open a window on.
"""

from __future__ import annotations

import os
import sys


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    )


def main(argv: list[str]) -> int:
    gui_only = ("--self-test",)
    if "--text" in argv or (_no_display() and not any(a in argv for a in gui_only)):
        from antt_desktop.cli.app import main as text_main

        if "--text" not in argv:
            from antt_desktop.i18n.translator import N_, Translator

            tr = Translator("en" if "en" in argv else "vi")
            note = N_("No display to open the window on: the demo post's figures follow.")
            print(tr(note), file=sys.stderr)
        return text_main(["demo", *(a for a in argv if a != "--text")])
    from antt_desktop.gui.app import main as gui_main

    return gui_main(["--demo", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
