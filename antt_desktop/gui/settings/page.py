"""Cài đặt: language, font size, where the data lives, and a backup at the press of a button."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import debounced
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.settings_store import (
    FONT_POINTS,
    IDLE_LOCK_MINUTES,
    IDLE_LOCK_RANGE,
    Preferences,
)
from antt_desktop.gui.common.worker import OperationCancelled, Progress, run_operation
from antt_desktop.gui.forms.ui_settings import Ui_SettingsForm
from antt_desktop.gui.printing.render import failure_text
from antt_desktop.gui.settings.restore_backup import RESTORE_BUTTON, BackupRestorer
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.texts.accounts import ACCOUNTS, CHANGE_PASSWORD
from antt_desktop.i18n.translator import N_
from antt_desktop.security.backups import SUFFIX as BACKUP_SUFFIX
from antt_desktop.security.backups import write_backup
from antt_desktop.services.audit_events import record_setting
from antt_desktop.services.context import Permission
from antt_desktop.store.errors import KnownError

if TYPE_CHECKING:
    from antt_desktop.gui.settings.accounts_dialog import AccountsDialog
    from antt_desktop.gui.settings.audit_browser import AuditBrowser
    from antt_desktop.gui.settings.password_dialog import PasswordDialog

#: Each language is named in itself, so an officer can always find their own.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
FONT_SIZE_LABELS = {"small": N_("Small"), "normal": N_("Normal"), "large": N_("Large")}
BACKUP_FOLDER = "backups"
IDLE_SAVE_DELAY_MS = 800  # the arrows step the minutes: one change recorded, not each step


class SettingsPage(Page):
    """Preferences of this computer and the post's data folder."""

    title = N_("Settings")

    def __init__(
        self, app: AppContext, parent: QWidget | None = None, *, prefs: Preferences | None = None
    ) -> None:
        super().__init__(app, parent)
        self.prefs = prefs
        self.ui = Ui_SettingsForm()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        heading = QFont(self.ui.titleLabel.font())
        heading.setPointSize(heading.pointSize() + 4)
        heading.setBold(True)
        self.ui.titleLabel.setFont(heading)
        for group in (self.ui.appearanceGroup, self.ui.dataGroup, self.ui.securityGroup):
            group.setMaximumWidth(900)  # a readable width on a wide screen
        for code, name in LANGUAGE_NAMES:
            self.ui.languageCombo.addItem(name, code)
        for size in FONT_POINTS:
            self.ui.fontSizeCombo.addItem(size, size)
        self.ui.dataFolderEdit.setText(str(self.data_folder))
        self.ui.databaseEdit.setText(app.db.url or str(app.db.path))  # a server: its URL
        self._sync_choices()
        if prefs is None:  # opened without the window's preferences: show, don't change
            self.ui.languageCombo.setEnabled(False)
            self.ui.fontSizeCombo.setEnabled(False)
        self.ui.languageCombo.currentIndexChanged.connect(self._on_language)
        self.ui.fontSizeCombo.currentIndexChanged.connect(self._on_font_size)
        self.ui.openFolderButton.clicked.connect(self._open_folder)
        self.ui.backupButton.clicked.connect(lambda _checked=False: self.backup_now())
        self.ui.backupAsButton.clicked.connect(self._backup_as)
        # restoring replaces the post: the chief's (the restorer checks again, and the password)
        self.restoreButton = QPushButton(self.ui.dataGroup)
        self.restoreButton.setObjectName("restoreButton")
        self.ui.backupRow.insertWidget(2, self.restoreButton)
        self.restoreButton.setVisible(app.may(Permission.RESTORE))
        self.restorer = BackupRestorer(self, app, self.ui.backupStatusLabel.setText)
        self.restoreButton.clicked.connect(lambda _checked=False: self.restorer.choose())
        self.ui.auditLogButton.setVisible(app.may(Permission.AUDIT))  # the services check too
        self.ui.idleLockSpin.setRange(*IDLE_LOCK_RANGE)
        self.ui.idleLockSpin.setValue(prefs.idle_lock_minutes if prefs else IDLE_LOCK_MINUTES)
        # guards the data: the chief's or the admin's to change (the audit entry checks too)
        self.ui.idleLockSpin.setEnabled(prefs is not None and app.may(Permission.SETTINGS))
        self._idle_timer = debounced(self, self._save_idle_lock, IDLE_SAVE_DELAY_MS)
        self.ui.idleLockSpin.valueChanged.connect(lambda _v: self._idle_timer.start())
        self.ui.idleLockSpin.editingFinished.connect(self._save_idle_lock)
        self.ui.lockNowButton.clicked.connect(self.lock_now)
        self.ui.auditLogButton.clicked.connect(self.open_audit_log)
        # every account changes its own password; the chief and the admin manage the others
        self.ui.changePasswordButton.setVisible(app.keys is not None)
        self.ui.accountsButton.setVisible(app.keys is not None and app.may(Permission.ACCOUNTS))
        self.ui.changePasswordButton.clicked.connect(self.change_password)
        self.ui.accountsButton.clicked.connect(self.open_accounts)
        self.last_backup: Path | None = None
        self.retranslate()

    @property
    def data_folder(self) -> Path:
        return self.app.db.path.parent

    def _sync_choices(self) -> None:
        lang = self.prefs.language if self.prefs else self.app.tr.lang
        size = self.prefs.font_size if self.prefs else "normal"
        for combo, value in ((self.ui.languageCombo, lang), (self.ui.fontSizeCombo, size)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def retranslate(self) -> None:
        ui, tr = self.ui, self.tr_
        ui.titleLabel.setText(tr(N_("Settings")))
        ui.appearanceGroup.setTitle(tr(N_("Appearance")))
        ui.languageLabel.setText(tr(N_("&Language:")))
        ui.fontSizeLabel.setText(tr(N_("Font si&ze:")))
        for row in range(ui.fontSizeCombo.count()):
            ui.fontSizeCombo.setItemText(row, tr(FONT_SIZE_LABELS[ui.fontSizeCombo.itemData(row)]))
        ui.dataGroup.setTitle(tr(N_("Data")))
        ui.dataFolderLabel.setText(tr(N_("&Data folder:")))
        ui.openFolderButton.setText(tr(N_("&Open folder")))
        ui.databaseLabel.setText(tr(N_("Data&base file:")))
        ui.backupButton.setText(tr(N_("&Back up now")))
        ui.backupButton.setToolTip(
            tr(N_("Copies the database into the folder {folder}")).format(
                folder=self.data_folder / BACKUP_FOLDER
            )
        )
        ui.backupAsButton.setText(tr(N_("Back up &to a file…")))
        self.restoreButton.setText(tr(RESTORE_BUTTON))
        self.restoreButton.setToolTip(
            tr(N_("Replaces all the data of this post with a backup; only the chief may"))
        )
        ui.securityGroup.setTitle(tr(N_("Security")))
        ui.idleLockLabel.setText(tr(N_("Loc&k after:")))
        ui.idleLockSpin.setSuffix(tr(N_(" minutes without use")))
        ui.lockNowButton.setText(tr(N_("Lock &now (Ctrl+L)")))
        ui.idleLockHint.setText(
            tr(
                N_(
                    "The windows are covered and the password of the account is asked for"
                    " again; open editors keep what was typed. Only the chief or the"
                    " administrator changes the period."
                )
            )
        )
        ui.changePasswordButton.setText(tr(CHANGE_PASSWORD))
        ui.accountsButton.setText(tr(ACCOUNTS))
        ui.auditLogButton.setText(tr(N_("Audit &log…")))
        ui.auditLogButton.setToolTip(
            tr(N_("Who opened, changed, printed or exported which record, and when"))
        )
        self._sync_choices()

    # --- preferences --------------------------------------------------------------------
    def _on_language(self, row: int) -> None:
        if self.prefs is not None:
            lang = str(self.ui.languageCombo.itemData(row))
            self.prefs.set_language(lang)
            self.audit_setting("language", lang)

    def _on_font_size(self, row: int) -> None:
        if self.prefs is not None:
            size = str(self.ui.fontSizeCombo.itemData(row))
            self.prefs.set_font_size(size)
            self.audit_setting("font_size", size)

    def audit_setting(self, name: str, value: object) -> bool:
        """Record the change of the setting ``name`` in the audit log (False: refused)."""
        try:
            with self.app.write() as ctx:
                record_setting(ctx, name, value)
        except (KnownError, ValidationFailed) as exc:
            self.ui.backupStatusLabel.setText(failure_text(exc, self.app))
            return False
        return True

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))

    def _save_idle_lock(self) -> None:
        self._idle_timer.stop()
        minutes = self.ui.idleLockSpin.value()
        if self.prefs is None or minutes == self.prefs.idle_lock_minutes:
            return
        if self.audit_setting("idle_lock_minutes", minutes):  # refused: nothing changes
            self.prefs.set_idle_lock_minutes(minutes)
        else:
            self.ui.idleLockSpin.blockSignals(True)
            self.ui.idleLockSpin.setValue(self.prefs.idle_lock_minutes)
            self.ui.idleLockSpin.blockSignals(False)

    def lock_now(self) -> None:
        """Lock the session at once (the main window's Ctrl+L)."""
        lock = getattr(self.window(), "lock_session", None)
        if callable(lock):
            lock()

    def open_audit_log(self) -> AuditBrowser | None:
        from antt_desktop.gui.settings.audit_browser import open_audit_browser

        return open_audit_browser(self.app, self)

    def change_password(self) -> PasswordDialog:
        from antt_desktop.gui.settings.password_dialog import change_own_password

        return change_own_password(self.app, self)

    def open_accounts(self) -> AccountsDialog:
        from antt_desktop.gui.settings.accounts_dialog import open_accounts

        return open_accounts(self.app, self)

    # --- backup ---------------------------------------------------------------------------
    def default_backup_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return self.data_folder / BACKUP_FOLDER / f"antt-{stamp}{BACKUP_SUFFIX}"

    def backup_now(self, target: Path | None = None) -> Path | None:
        """Back the database up, encrypted with its key slots (into the backups folder unless
        ``target`` is given); the backup is recorded in the audit log."""
        target = Path(target) if target else self.default_backup_path()
        app = self.app

        def work(progress: Progress) -> Path:
            progress(self.tr_(N_("Backing up the database…")), 0, 1)
            with app.write() as ctx:
                ctx.require(Permission.BACKUP)
            if app.db.url is not None and app.keys is not None:  # pg_dump, sealed the same
                from antt_desktop.security.server_backups import write_server_backup

                done = write_server_backup(app.db, target, app.keys)
            else:
                done = write_backup(app.db, target)
            with app.write() as ctx:
                ctx.audit("backup", detail=str(done))
            return done

        tr = self.tr_
        try:
            done = run_operation(self, tr(N_("Back up now")), work, cancellable=False, app=self.app)
        except OperationCancelled:
            return None
        except KnownError as exc:
            self.ui.backupStatusLabel.setText(sentence(exc.code, exc.params, self.app.tr))
            return None
        except OSError as exc:
            self.ui.backupStatusLabel.setText(
                tr(N_("The backup could not be written: {reason}")).format(reason=exc)
            )
            return None
        self.last_backup = Path(done)
        self.ui.backupStatusLabel.setText(tr(N_("Backed up to {path}")).format(path=done))
        return self.last_backup

    def _backup_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr_(N_("Back up to a file")),
            str(self.default_backup_path().name),
            self.tr_(N_("ANTT Desktop backups (*{suffix})")).format(suffix=BACKUP_SUFFIX),
        )
        if path:
            self.backup_now(Path(path))
