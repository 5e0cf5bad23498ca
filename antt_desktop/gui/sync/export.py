"""Export a sync file to a USB stick chosen from the drives present (USB sticks first, a
folder chooser as the fallback). The file is written on a worker thread, copied to the
drive, read back and checked; only then does the dialog say the stick may be removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.common.worker import OperationCancelled, Progress, start_operation
from antt_desktop.gui.sync.drives import Drive, drives
from antt_desktop.gui.sync.importing import problem_text
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.services import sync_rows
from antt_desktop.services.changes import SYNC, of_kinds
from antt_desktop.sync.export import ExportResult, export

STEPS = {"capture": N_("Collecting the changes…"), "write": N_("Writing the sync file…")}
PATH_ROLE = Qt.ItemDataRole.UserRole


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{max(1, n // 2**20)} MB"


class ExportDialog(QDialog):
    """Choose the unit and the drive, then write the sync file there."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("sync_export_dialog")
        self.operation: Any = None
        self.written: ExportResult | None = None
        self.folder: Path | None = None
        self.peer_box = named(QComboBox(), "sync_export_peer")
        self.drive_list = named(QListWidget(), "sync_export_drives")
        self.other_button = named(QPushButton(), "sync_export_folder")
        self.message = named(QLabel(), "sync_export_message", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = named(QPushButton(), "sync_export_run")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel(wordWrap=True)
        self.peer_label, self.drive_label = QLabel(), QLabel()
        self.peer_label.setBuddy(self.peer_box)  # "Gửi cho đơn &vị:": Alt+V, not a shown "&"
        self.drive_label.setBuddy(self.drive_list)
        form = QFormLayout()
        form.addRow(self.peer_label, self.peer_box)
        form.addRow(self.drive_label, self.drive_list)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.other_button)
        folder_row.addStretch(1)
        form.addRow("", folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.other_button.clicked.connect(self.choose_folder)
        self.export_button.clicked.connect(self.run_export)
        self.drive_list.currentRowChanged.connect(self._update)
        self._fill()
        self.retranslate()
        self.resize(640, 460)

    def retranslate(self) -> None:
        tr = self.app.tr
        self.setWindowTitle(tr(N_("Export a sync file")))
        self.intro.setText(
            tr(
                N_(
                    "Plug in the USB stick, choose the unit the file is for and the drive."
                    " The file holds every change that unit has not confirmed yet."
                )
            )
        )
        self.peer_label.setText(tr(N_("For the &unit:")))
        self.drive_label.setText(tr(N_("On the &drive:")))
        self.other_button.setText(tr(N_("Another &folder…")))
        self.export_button.setText(tr(N_("&Export")))

    def _fill(self) -> None:
        with self.app.read() as ctx:
            peers = sync_rows.active_peers(ctx)
        for peer in peers:
            self.peer_box.addItem(f"{peer.unit_name} ({peer.unit_code})", peer.node_id)
        self.set_drives(drives())

    def set_drives(self, found: list[Drive]) -> None:
        tr = self.app.tr
        self.drive_list.clear()
        for drive in found:
            kind = tr(N_("USB drive")) if drive.removable else tr(N_("disk"))
            text = tr(N_("{label} — {kind}, {free} free")).format(
                label=drive.label, kind=kind, free=_size(drive.free_bytes)
            )
            item = QListWidgetItem(f"{text}  ({drive.root})")
            item.setData(PATH_ROLE, str(drive.root))
            self.drive_list.addItem(item)
        if found and found[0].removable:
            self.drive_list.setCurrentRow(0)
        self._update()

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.app.tr(N_("Choose the folder for the sync file"))
        )
        if name:
            self.use_folder(Path(name))

    def use_folder(self, folder: Path) -> None:
        """Write to ``folder`` (the fallback when the stick is not listed)."""
        item = QListWidgetItem(str(folder))
        item.setData(PATH_ROLE, str(folder))
        self.drive_list.addItem(item)
        self.drive_list.setCurrentItem(item)

    def target(self) -> Path | None:
        item = self.drive_list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _update(self) -> None:
        busy = self.operation is not None and self.operation.running
        ready = self.peer_box.count() > 0 and self.target() is not None
        self.export_button.setEnabled(ready and not busy)
        if self.peer_box.count() == 0:
            self.message.setText(
                self.app.tr(N_("No unit is enrolled for sync yet: enrol one on the Enrolment tab."))
            )

    def run_export(self) -> None:
        target, peer = self.target(), self.peer_box.currentData()
        if target is None or peer is None:
            return
        tr, db, actor = self.app.tr, self.app.db, self.app.actor.username

        def work(progress: Progress) -> ExportResult:
            def step(text: str, done: int, total: int) -> bool:
                return progress(tr(STEPS.get(text, N_("Writing the sync file…"))), done, total)

            return export(db, str(peer), target, actor=actor, progress=step)

        self.message.setText(tr(N_("Writing the sync file… do not remove the USB stick.")))
        self.operation = start_operation(
            self,
            tr(N_("Exporting the sync file…")),
            work,
            app=self.app,
            changed=of_kinds(*SYNC),
        )
        self.operation.succeeded.connect(self._done)
        self.operation.failed.connect(self._failed)
        self.operation.ended.connect(self._update)
        self._update()

    def _done(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.written = result
        tr = self.app.tr
        files = ", ".join(p.name for p in result.files)
        self.message.setProperty("error", False)
        self.message.setText(
            tr(
                N_("Sync file for {unit} written to {folder}: {files} ({rows} records, {size} kB).")
            ).format(
                unit=result.peer_unit,
                folder=result.files[0].parent if result.files else "",
                files=files,
                rows=fmt_int(result.total, tr),
                size=fmt_int(max(1, result.bytes // 1024), tr),
            )
            + "\n"
            + tr(
                N_(
                    "The file was read back from the drive and checked:"
                    " it is safe to remove the USB stick."
                )
            )
        )

    def _failed(self, exc: object) -> None:
        tr = self.app.tr
        if isinstance(exc, OperationCancelled):
            self.message.setText(tr(N_("The export was stopped; nothing was changed.")))
            return
        text = problem_text(exc, tr) if isinstance(exc, BaseException) else None
        if text is None:
            raise exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        self.message.setProperty("error", True)
        self.message.setText(text)
