"""``antt-desktop``: open the post database (or set it up, or the demo post) in the window.

Exit codes follow the command line's: 0 done; 1 unexpected error (a log is written) or a
failed self-test; 5 the database is open in another window.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import filelock
import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from antt_desktop.gui.common.icons import app_icon
from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.gui.common.qt_translation import GettextQtTranslator, LanguageSwitch
from antt_desktop.gui.common.screen_fit import fitting
from antt_desktop.gui.common.settings_store import (
    SETTINGS_FILENAME,
    Preferences,
    SettingsStore,
    apply_font_size,
)
from antt_desktop.gui.common.worker import OperationCancelled, Progress, run_operation
from antt_desktop.gui.warm_up import WindowPreparer, start_data_layer
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.errors import KeyFileMissing
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyslots import key_file_path
from antt_desktop.store.errors import DatabaseLocked, KnownError
from antt_desktop.store.files import DB_FILENAME
from antt_desktop.store.private_files import private_dir, private_umask, write_private

if TYPE_CHECKING:  # the database layer is imported while the login window is up
    from antt_desktop.gui.common.context import AppContext
    from antt_desktop.security.login import Unlocked

EXIT_OK, EXIT_ERROR, EXIT_LOCKED = 0, 1, 5
APP_NAME = "ANTT Desktop"
DEMO_FOLDER = "demo"
# The same demo post as the command line's `antt demo` (the window may not import the CLI).
DEMO_POST = {
    "unit_code": "05611",
    "unit_name": "Công an xã Phú Lương",
    "upper_code": "CAT-TN",
    "upper_name": "Công an tỉnh Thái Nguyên",
}
LOCKED = N_(
    "The database is already open in another window of ANTT Desktop or in another program. "
    "Close that window, then start again."
)
DEMO_STAGES = {
    "areas": N_("Residential areas and officers"),
    "people": N_("Residents"),
    "pledges": N_("Households and pledges"),
    "teams": N_("Security teams"),
    "dossiers": N_("Dossiers and assessments"),
    "initiatives": N_("Initiatives and activities"),
    "done": N_("Finishing"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antt-desktop", description="ANTT Desktop — records for commune police posts."
    )
    parser.add_argument("--data-dir", type=Path, help="folder of the post database")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a post's database on a PostgreSQL server (postgresql://…); default:"
        " $ANTT_DATABASE_URL, else the post's file in the data folder",
    )
    parser.add_argument("--demo", action="store_true", help="open the demo post (made once)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language (default: as last set)")
    parser.add_argument(
        "--self-test", action="store_true", help="open every page of the demo post and exit"
    )
    parser.add_argument("--demo-factor", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    return parser


def default_data_dir() -> Path:
    """``$ANTT_DATA_DIR``, else the user's data folder (as the command line uses)."""
    env = os.environ.get("ANTT_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def needs_offscreen() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _message(parent: QWidget | None, text: str, *, quiet: bool) -> None:
    """Tell the officer (a message box), or print it when no one is looking (self-test)."""
    if quiet:
        print(text, file=sys.stderr)
    else:
        QMessageBox.critical(parent, "ANTT Desktop", text)


def _write_log(data_dir: Path, text: str) -> Path:
    folder = data_dir / "logs"
    try:
        private_dir(folder)
        path = write_private(folder / f"antt-desktop-{datetime.now():%Y%m%d-%H%M%S}.log", text)
    except OSError:
        return Path("(no log: data folder not writable)")
    return path


def _fill_demo(post: Unlocked, tr: Translator, today: date, factor: float) -> None:
    """Demo data for a demo post that has no residents yet (made once, with progress)."""
    from antt_desktop.services import post_rows
    from antt_desktop.services.context import Ctx

    db = post.db
    # before the window: no AppContext yet, so the read's context is made here
    with db.read() as session:
        if post_rows.has_residents(Ctx(session, post.actor, today)):
            return
    from antt_desktop.demo.generate import generate

    def work(progress: Progress) -> object:
        def step(stage: str, done: int, total: int) -> bool:
            label = tr(N_("Creating the demo post: {stage}…")).format(
                stage=tr(DEMO_STAGES.get(stage, stage))
            )
            return progress(label, done, total)

        return generate(db, scale="commune", seed=1, today=today, progress=step, factor=factor)

    run_operation(None, tr(N_("Creating the demo post (only the first time)")), work)


def _set_aside_old_demo(path: Path) -> None:
    """A demo post from before accounts (no key file): made-up data, moved out of the way
    so a new, encrypted demo post is made (refused while another window holds it)."""
    lock = filelock.FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise DatabaseLocked(path=str(path)) from exc
    try:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(path) + suffix)
            if old.exists():
                old.replace(old.with_name(f"{old.name}.before-accounts-{stamp}"))
    finally:
        lock.release()


def prepare_demo(folder: Path, tr: Translator, today: date, kdf: KdfParams, factor: float) -> None:
    """Make the demo post in ``folder`` (encrypted, with its public account and demo data)
    unless it is there already.

    Raises:
        OperationCancelled: the officer cancelled the demo data (the next start makes it
            again, since the post has no residents yet).
    """
    from antt_desktop.security.login import login
    from antt_desktop.services.accounts import create_post

    path = folder / DB_FILENAME
    if path.exists() and not key_file_path(path).exists():
        _set_aside_old_demo(path)
    if not path.exists():
        setup: dict[str, Any] = {"admin": DEMO_USER, **DEMO_POST}
        create_post(path, password=DEMO_PASSWORD, kdf=kdf, demo=True, **setup).close()
    with login(path, DEMO_USER, DEMO_PASSWORD, kdf=kdf) as post:
        _fill_demo(post, tr, today, factor)


def _log_in(
    path: Path | str,
    tr: Translator,
    kdf: KdfParams,
    *,
    quiet: bool,
    last_page: str | None,
    local_dir: Path | None = None,
) -> Unlocked | None:
    """The login dialog (the self-test logs in to the demo post with its public account).
    ``path`` may be a server's URL: ``local_dir`` is then the desk's own folder."""
    if quiet:
        from antt_desktop.security.login import login

        return login(path, DEMO_USER, DEMO_PASSWORD, kdf=kdf, local_dir=local_dir)
    dialog = LoginDialog(tr, path, kdf=kdf, local_dir=local_dir)
    # while the password is typed: the database layer on a thread, the window's modules
    # on this thread once the login window is up
    start_data_layer(tr)
    WindowPreparer(dialog, last_page)
    dialog.exec()
    if dialog.locked_elsewhere:
        raise DatabaseLocked(path=str(path))
    return dialog.session


def _open_post(
    data_dir: Path,
    tr: Translator,
    *,
    demo: bool,
    factor: float,
    today: date,
    kdf: KdfParams,
    quiet: bool,
    last_page: str | None,
    server: str | None = None,
    remember: Callable[[str], None] | None = None,
) -> Unlocked | None:
    """The post to work on, logged in: the demo post, the post on a server (``server``: its
    URL), the set-up post, or one set up now."""
    if server and not demo:  # the keys are in the server's database; the desk's files here
        return _log_in(server, tr, kdf, quiet=quiet, last_page=last_page, local_dir=data_dir)
    if demo:
        prepare_demo(data_dir / DEMO_FOLDER, tr, today, kdf, factor)
        return _log_in(
            data_dir / DEMO_FOLDER / DB_FILENAME, tr, kdf, quiet=quiet, last_page=last_page
        )
    path = data_dir / DB_FILENAME
    if path.exists():
        if not key_file_path(path).exists():
            raise KeyFileMissing(path=str(key_file_path(path)))
        return _log_in(path, tr, kdf, quiet=quiet, last_page=last_page)
    # only on the first start: the official list of provinces and communes takes a while
    from antt_desktop.gui.first_run import FirstRunDialog

    dialog = FirstRunDialog(tr, path, kdf=kdf)
    dialog.exec()
    if dialog.server_url is not None and (dialog.session is not None or dialog.result()):
        if remember is not None:  # the next starts open the server's post
            remember(dialog.server_url)
        if dialog.session is not None:
            return dialog.session
        return _log_in(
            dialog.server_url, tr, kdf, quiet=quiet, last_page=last_page, local_dir=data_dir
        )
    if dialog.wants_demo:
        prepare_demo(data_dir / DEMO_FOLDER, tr, today, kdf, factor)
        return _log_in(
            data_dir / DEMO_FOLDER / DB_FILENAME, tr, kdf, quiet=quiet, last_page=last_page
        )
    return dialog.session


def _remember_server(store: SettingsStore, url: str) -> None:
    store.server_url = url
    store.sync()


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams = PRODUCTION) -> int:
    """Run the application; returns the exit code.

    ``kdf`` is the Argon2 cost of passwords set in this run (tests pass a cheap one).
    """
    args = build_parser().parse_args(argv)
    if args.self_test:
        args.demo = True
        if needs_offscreen():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName(APP_NAME)
    qapp.setWindowIcon(app_icon())
    with ExitStack() as cleanup:
        _restore_on_exit(cleanup, qapp)
        cleanup.enter_context(private_umask())  # what the window creates is the user's alone
        return _run(qapp, args, kdf)
    return EXIT_ERROR  # pragma: no cover - ExitStack does not swallow exceptions


def _restore_on_exit(cleanup: ExitStack, qapp: QApplication) -> None:
    """Leave the process as found (tests run the application in-process)."""
    font, locale, hook = qapp.font(), QLocale(), sys.excepthook
    cleanup.callback(qapp.setFont, font)
    cleanup.callback(QLocale.setDefault, locale)
    cleanup.callback(setattr, sys, "excepthook", hook)


def _run(qapp: QApplication, args: argparse.Namespace, kdf: KdfParams) -> int:
    data_dir: Path = args.data_dir or default_data_dir()
    store = SettingsStore.at(data_dir / SETTINGS_FILENAME)
    tr = Translator(args.lang or store.language)
    today_value: date | None = args.today
    today: Callable[[], date] = (lambda: today_value) if today_value else date.today
    apply_font_size(qapp, store.font_size)
    with fitting(qapp):  # every window and dialog fits the screen
        while True:  # again after the officer logs out: the login, then the window
            with ExitStack() as session:
                code = _session(qapp, args, session, kdf, data_dir, store, tr, today)
            if code is not None:
                return code


def _session(
    qapp: QApplication,
    args: argparse.Namespace,
    cleanup: ExitStack,
    kdf: KdfParams,
    data_dir: Path,
    store: SettingsStore,
    tr: Translator,
    today: Callable[[], date],
) -> int | None:
    """One login and its window; None when the officer logged out (log in again)."""
    boot = GettextQtTranslator(tr)
    qapp.installTranslator(boot)
    quiet = bool(args.self_test)
    try:
        post = _open_post(
            data_dir,
            tr,
            demo=args.demo,
            factor=args.demo_factor,
            today=today(),
            kdf=kdf,
            quiet=quiet,
            last_page=None if args.self_test else store.last_page,
            server=args.database or os.environ.get("ANTT_DATABASE_URL") or store.server_url,
            remember=lambda url: _remember_server(store, url),
        )
    except DatabaseLocked:
        _message(None, tr(LOCKED), quiet=quiet)
        return EXIT_LOCKED
    except OperationCancelled:
        return EXIT_ERROR
    except KnownError as exc:
        _message(None, sentence(exc.code, exc.params, tr), quiet=quiet)
        return exc.exit_code
    except Exception:
        log = _write_log(data_dir, traceback.format_exc())
        _message(None, sentence("error.unexpected", {"log": log}, tr), quiet=quiet)
        return EXIT_ERROR
    finally:
        qapp.removeTranslator(boot)
    if post is None:
        return EXIT_OK  # the officer closed the first-run assistant or the login
    cleanup.callback(post.close)
    from antt_desktop.gui.common.context import AppContext
    from antt_desktop.gui.main_window import MainWindow

    app = AppContext(post.db, post.actor, tr, today=today, keys=post.keys)
    languages = LanguageSwitch(qapp, app)
    cleanup.callback(languages.uninstall)
    prefs = Preferences(store, qapp, languages, data_dir)
    # a self-test leaves the officer's remembered window and page as they were
    window = MainWindow(app, None if args.self_test else store, prefs=prefs)
    # closed, then deleted (its pages' loaders finish) before the database closes
    cleanup.callback(QCoreApplication.sendPostedEvents, None, QEvent.Type.DeferredDelete.value)
    cleanup.callback(window.deleteLater)
    cleanup.callback(window.close)
    if args.self_test:
        from antt_desktop.gui.self_test import run_self_test

        return run_self_test(window, languages)
    sys.excepthook = _crash_reporter(data_dir, app, window)
    if window.geometry_restored:
        window.show()
    else:
        window.showMaximized()  # first start: all of a small laptop screen
    QTimer.singleShot(0, window.offer_drafts)  # what a crash or a power cut left typed
    code = int(qapp.exec())
    return None if window.logged_out else code


def _crash_reporter(
    data_dir: Path, app: AppContext, window: QWidget
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A bug in a slot: write the details to a log and tell the officer calmly."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KnownError):  # not a bug: a refusal in its own words (a sealed
            _message(window, sentence(exc.code, exc.params, app.tr), quiet=False)  # value
            return  # that does not open, say), no log to send
        text = "".join(traceback.format_exception(kind, exc, tb))
        print(text, file=sys.stderr)
        log = _write_log(data_dir, text)
        _message(window, sentence("error.unexpected", {"log": log}, app.tr), quiet=False)

    return hook
