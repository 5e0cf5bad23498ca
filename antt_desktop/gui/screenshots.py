"""``python -m antt_desktop.gui.screenshots --out resources/screenshots``: pictures for the
README, and of every page on each screen an officer may have.

Opens the demo post (made first if the data folder has none; by default in a temporary
folder), sizes the window to 1366×768, and saves one PNG per page plus the first-run
assistant and a dossier; then every page again as ``page-<page>-<setting>.png`` at each of
:data:`SETTINGS` (1366×768, 1024×600, the large font), the window fitted to that screen the
way the program fits it, and prints what does not fit there. Runs without a display (the
offscreen platform) where there is none. PNGs are saved with the fewest colours that keep
them sharp (a few tens of kilobytes each).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from antt_desktop.gui.app import DEMO_FOLDER, needs_offscreen, prepare_demo
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.fit_check import misfits
from antt_desktop.gui.common.navigation import PAGES
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.common.screen_fit import fitting, fixed_area
from antt_desktop.gui.common.settings_store import Preferences, SettingsStore, apply_font_size
from antt_desktop.gui.first_run import FirstRunDialog
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.self_test import settle
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.kdf import PRODUCTION
from antt_desktop.security.login import login
from antt_desktop.store.database import DB_FILENAME

SIZE = (1366, 768)
#: The screens every page is pictured on: name → (width, height, font size).
SETTINGS = {
    "1366x768": (1366, 768, "normal"),
    "1024x600": (1024, 600, "normal"),
    "large-font": (1366, 768, "large"),
}
#: Pages pictured with their first record open (an empty report says nothing).
SHOW_FIRST_RECORD = {"reports"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m antt_desktop.gui.screenshots",
        description="Save a picture of every page of the demo post.",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: a temporary one, made anew)"
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--wait-ms", type=int, default=1500, help="time each page gets to load")
    parser.add_argument("--demo-factor", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    return parser


def first_run_picture(tr: Translator, folder: Path, out: Path) -> Path:
    """The first-run assistant with a commune chosen, as an officer would see it."""
    dialog = FirstRunDialog(tr, folder / "not-created.sqlite3")
    ui = dialog.ui
    dialog._pick(ui.provinceCombo, "Thái Nguyên")
    dialog._pick(ui.wardCombo, "Xã Phú Lương")
    ui.adminEdit.setText("truongcong")
    dialog.resize(760, 640)
    dialog.show()
    settle(200)
    target = out / "00-first-run.png"
    save(dialog, target)
    dialog.reject()
    dialog.deleteLater()
    return target


def dossier_picture(window: MainWindow, args: argparse.Namespace) -> Path:
    """The first managed person's dossier: identity, assessments and what is due."""
    page = window.show_page("dossiers")
    view = page.open_first_record()  # type: ignore[attr-defined]
    view.tabs.setCurrentIndex(1)  # the assessments, with what is due
    view.resize(1100, 700)
    settle(args.wait_ms)
    target = args.out / f"{len(PAGES) + 1:02d}-dossier-view.png"
    save(view, target)
    view.close()
    return Path(target)


def save(widget: QWidget, target: Path) -> None:
    """``widget`` as a PNG of few colours, compressed hard (screens have few colours)."""
    image = widget.grab().toImage()
    small = image.convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
    )
    small.save(str(target), quality=0)


def setting_pictures(
    qapp: QApplication,
    app: AppContext,
    store: SettingsStore,
    languages: LanguageSwitch,
    data_dir: Path,
    args: argparse.Namespace,
    name: str,
) -> list[Path]:
    """Every page on the screen ``name`` of :data:`SETTINGS`, as ``page-<key>-<name>.png``;
    prints what does not fit there."""
    width, height, font = SETTINGS[name]
    apply_font_size(qapp, font)
    store.font_size = font  # the Settings page shows the size chosen ("Lớn")
    saved: list[Path] = []
    with fitting(qapp, fixed_area(width, height)):
        window = MainWindow(app, store, prefs=Preferences(store, qapp, languages, data_dir))
        window.resize(width, height)
        window.show()
        for entry in PAGES:
            page = window.show_page(entry.key)
            if entry.key in SHOW_FIRST_RECORD:
                page.open_first_record()  # type: ignore[attr-defined]
            settle(args.wait_ms)
            for problem in misfits(window, QRect(0, 0, width, height)):
                print(f"{name} {entry.key}: {problem}", file=sys.stderr)
            target = args.out / f"page-{entry.key}-{name}.png"
            save(window, target)
            saved.append(target)
        window.close()
        window.deleteLater()
    return saved


def take(args: argparse.Namespace, data_dir: Path) -> list[Path]:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    tr = Translator(args.lang)
    store = SettingsStore.at(data_dir / "screenshots.ini")  # never the officer's settings
    apply_font_size(qapp, "normal")
    store.font_size = "normal"
    today = args.today or date.today()
    prepare_demo(data_dir / DEMO_FOLDER, tr, today, PRODUCTION, args.demo_factor)
    post = login(data_dir / DEMO_FOLDER / DB_FILENAME, DEMO_USER, DEMO_PASSWORD)
    saved: list[Path] = []
    try:
        app = AppContext(post.db, post.actor, tr, today=lambda: today, keys=post.keys)
        languages = LanguageSwitch(qapp, app)
        saved.append(first_run_picture(tr, data_dir, args.out))
        window = MainWindow(app, store, prefs=Preferences(store, qapp, languages, data_dir))
        window.resize(*SIZE)
        window.show()
        for number, entry in enumerate(PAGES, start=1):
            page = window.show_page(entry.key)
            if entry.key in SHOW_FIRST_RECORD:  # the report of the year, not an empty page
                page.open_first_record()  # type: ignore[attr-defined]
            settle(args.wait_ms)
            target = args.out / f"{number:02d}-{entry.key}.png"
            save(window, target)
            saved.append(target)
        saved.append(dossier_picture(window, args))
        window.close()
        window.deleteLater()
        for name in SETTINGS:
            saved += setting_pictures(qapp, app, store, languages, data_dir, args, name)
        apply_font_size(qapp, "normal")
        languages.uninstall()
    finally:
        post.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.data_dir is not None:
        saved = take(args, args.data_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="antt-screenshots-") as folder:
            saved = take(args, Path(folder))
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
