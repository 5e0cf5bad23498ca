"""Qt's GUI module collected as PyInstaller's own hook does, less two plugins the program
never loads: the virtual keyboard input method (it drags in Qt Quick and QML, some 20 MB)
and the GTK theme (it needs GTK at run time; Qt draws its own dialogs without it). Taken out
here, before PyInstaller looks for their libraries, so the build log names nothing missing."""

import re

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGIN = re.compile(r"(virtualkeyboard|qgtk3)", re.IGNORECASE)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if not UNUSED_PLUGIN.search(src)]
