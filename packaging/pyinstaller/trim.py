"""What the one-folder build leaves out, shared by the spec and the tests that keep it true.

Left out: babel's data for the ~800 locales the program never formats for (it formats
vi_VN and en_US), Qt's own translations (the program translates Qt's few strings itself,
gui/common/qt_translation.py), Qt's software OpenGL for Windows (20 MB; only an OpenGL context
loads it, and the window draws with QPainter: widgets, charts, the PDF preview) and, should
anything still bring them, Qt Quick, QML, the virtual keyboard and WebEngine
(hooks/hook-PySide6.QtGui.py keeps out the two plugins that would).
"""

import re

#: Python modules never analysed: the window is Qt Widgets only; SQLAlchemy's hook names
#: every DB-API driver it knows, and the program uses sqlite3 and SQLCipher.
EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "pysqlite2",
    "MySQLdb",
]
#: Babel locales kept (root is every locale's parent).
KEEP_LOCALES = {"root", "en", "en_US", "vi", "vi_VN"}

_DROP = re.compile(
    r"""(
        ^PySide6/(Qt/)?translations/
      | ^PySide6/(Qt/)?qml/
      | (^|/)(lib)?Qt6(Quick|Qml|VirtualKeyboard|WebEngine|WebChannel|3D)\w*\.(so[.\d]*|dll)$
      | (^|/)opengl32sw\.dll$
    )""",
    re.VERBOSE,
)
_LOCALE_DATA = re.compile(r"^babel/locale-data/(\w+)\.dat$")


def kept(dest: str) -> bool:
    """Whether the file that would land at ``dest`` (inside the folder) is kept."""
    dest = dest.replace("\\", "/")
    locale = _LOCALE_DATA.match(dest)
    if locale:
        return locale.group(1) in KEEP_LOCALES
    return not _DROP.search(dest)
