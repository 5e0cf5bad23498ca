"""The first tab of Đồng bộ: this computer (and the version of each catalogue it holds, as
the upper unit last sent them), each unit it exchanges with and how far each exchange has
got (in plain sentences), and the two everyday actions: export a sync file to a USB stick,
import the ones brought back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.common.worker import OperationCancelled
from antt_desktop.gui.sync.export import ExportDialog
from antt_desktop.gui.sync.importing import (
    FILTER,
    ImportOutcome,
    ImportReportDialog,
    outcome_lines,
    problem_text,
    start_import,
)
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.catalogue_text import catalogue_name
from antt_desktop.services import catalogue_rows, sync_rows
from antt_desktop.services.catalogue_rows import Version
from antt_desktop.services.catalogue_specs import KEYS
from antt_desktop.sync import identity, status_text
from antt_desktop.sync.status import SyncStatus, status


class SyncOverview(QWidget):
    """Peers and their state, export and import. ``imported(outcome)`` after an import."""

    imported = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.state: SyncStatus | None = None
        self.versions: list[tuple[str, Version]] = []
        self.operation: Any = None
        self.export_dialog: ExportDialog | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.me_box = QGroupBox()
        form = QFormLayout(self.me_box)
        self.form_labels = [QLabel() for _ in range(4)]
        self.unit_value = named(QLabel(), "sync_unit")
        self.node_value = named(QLabel(), "sync_node")
        self.fingerprint_value = named(QLabel(), "sync_fingerprint")
        self.catalogues_value = named(QLabel(), "sync_catalogues", wordWrap=True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.fingerprint_value.setFont(mono)
        for label, value in zip(
            self.form_labels,
            (self.unit_value, self.node_value, self.fingerprint_value, self.catalogues_value),
            strict=True,
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        self.peers_box = QGroupBox()
        self.peers_text = named(QLabel(), "sync_peers", wordWrap=True)
        self.peers_text.setTextFormat(Qt.TextFormat.RichText)
        bigger = self.peers_text.font()
        bigger.setPointSize(bigger.pointSize() + 1)
        self.peers_text.setFont(bigger)
        self.peers_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        peers = QVBoxLayout(self.peers_box)
        peers.addWidget(self.peers_text)
        self.export_button = named(QPushButton(), "sync_export")
        self.import_button = named(QPushButton(), "sync_import")
        self.dry_run = named(QCheckBox(), "sync_dry_run")
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.dry_run)
        actions.addStretch(1)
        self.result = named(QLabel(), "sync_result", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.intro = named(QLabel(), "sync_intro", wordWrap=True)
        self.intro.setMaximumWidth(1100)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.peers_box.setMaximumWidth(1100)
        self.me_box.setMaximumWidth(1100)
        layout.addWidget(self.peers_box)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addSpacing(12)
        layout.addWidget(self.me_box)
        layout.addStretch(1)
        self.export_button.clicked.connect(self.open_export)
        self.import_button.clicked.connect(self.choose_files)

    def retranslate(self) -> None:
        tr = self.app.tr
        self.intro.setText(
            tr(
                N_(
                    "At each visit: export a sync file to the USB stick and hand it over; the"
                    " other unit imports it and gives back a file of its own, which you import"
                    " here. Nothing is lost if a stick goes missing: the next file carries"
                    " everything the other unit has not confirmed."
                )
            )
        )
        self.me_box.setTitle(tr(N_("This computer")))
        for label, text in zip(
            self.form_labels,
            (N_("Unit:"), N_("Node id:"), N_("Fingerprint:"), N_("Catalogues:")),
            strict=True,
        ):
            label.setText(tr(text))
        self.peers_box.setTitle(tr(N_("Units this computer exchanges sync files with")))
        self.export_button.setText(tr(N_("&Export a sync file to a USB stick…")))
        self.import_button.setText(tr(N_("&Import sync files…")))
        self.dry_run.setText(tr(N_("Only check (write nothing)")))
        self._show()

    def refresh(self) -> None:
        with self.app.read() as ctx:
            missing = not sync_rows.has_identity(ctx)
        if missing:
            with self.app.write() as ctx:
                identity.ensure(ctx.session)
        with self.app.read() as ctx:
            self.state = status(ctx.session)
            self.versions = [(key, catalogue_rows.version(ctx, key)) for key in KEYS]
        self._show()

    def _show(self) -> None:
        st, tr = self.state, self.app.tr
        if st is None:
            return
        self.unit_value.setText(st.unit)
        self.node_value.setText(st.node_id)
        self.fingerprint_value.setText(st.fingerprint)
        self.catalogues_value.setText(
            "\n".join(
                tr(N_("{catalogue}: version {number} of {day}")).format(
                    catalogue=catalogue_name(key, tr),
                    number=v.number,
                    day=v.issued_on.strftime("%d/%m/%Y"),
                )
                for key, v in self.versions
            )
        )
        parts = []
        for p in st.peers:
            lines = "<br>".join(_escape(s) for s in status_text.sentences(p, tr))
            parts.append(f"<p><b>{_escape(status_text.heading(p, tr))}</b><br>{lines}</p>")
        if not st.peers:
            parts.append(
                _escape(tr(N_("No unit is enrolled for sync yet: enrol one on the Enrolment tab.")))
            )
        parts.append(
            "<p>"
            + _escape(
                tr(
                    N_("Records waiting for a parent record: {count}; open conflicts: {conflicts}")
                ).format(count=st.pending, conflicts=st.open_conflicts)
            )
            + "</p>"
        )
        if st.proposals:  # the upper unit's changes waiting on the proposals tab
            parts.append(
                "<p><b>"
                + _escape(tr(N_("{count} proposals waiting")).format(count=st.proposals))
                + "</b></p>"
            )
        self.peers_text.setText("".join(parts))
        self.export_button.setEnabled(any(p.status == "active" for p in st.peers))

    # --- export ------------------------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.app, self)
        dialog.finished.connect(lambda _code: self.refresh())
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # --- import ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.app.tr(N_("Choose the sync files to import")), "", self.app.tr(FILTER)
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        self.result.setText("")
        self.operation = start_import(self, self.app, paths, dry_run=self.dry_run.isChecked())
        self.operation.succeeded.connect(self._imported)
        self.operation.failed.connect(self._failed)

    def _imported(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        tr = self.app.tr
        self.result.setProperty("error", bool(outcome.refused))
        self.result.setText("\n".join(outcome_lines(outcome, tr)))
        self.refresh()
        if outcome.reports:
            self.report_dialog = ImportReportDialog(tr, outcome, self)
            self.report_dialog.open()
        self.imported.emit(outcome)

    def _failed(self, exc: object) -> None:
        tr = self.app.tr
        if isinstance(exc, OperationCancelled | InterruptedError):
            self.result.setText(tr(N_("The import was stopped; nothing of that file was written.")))
            return
        text = problem_text(exc, tr) if isinstance(exc, BaseException) else None
        if text is None:
            raise exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        self.result.setProperty("error", True)
        self.result.setText(text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
