"""Enrolment from the window: this computer's card with its fingerprint in groups (and as a
QR code) to read out by phone; at the upper unit, a post's card enrolled once its
fingerprint is confirmed, and the roster issued; at a post, the upper unit's roster taken."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import segno
from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.sync.importing import problem_text
from antt_desktop.i18n.translator import N_
from antt_desktop.services import sync_rows
from antt_desktop.store.errors import KnownError
from antt_desktop.sync import enrolment, identity

CARD_FILTER = N_("Enrolment cards and rosters (*.json)")


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    """A QR code of ``text`` (segno), as a picture the window can show."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return QPixmap.fromImage(QImage.fromData(QByteArray(buffer.getvalue())))


def fingerprint_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(font.pointSize() + 3)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EnrolPanel(QWidget):
    """The enrolment tab. ``changed`` after a card or roster was taken."""

    changed = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.role = "post"
        self.own = QGroupBox()
        self.own_intro = QLabel(wordWrap=True)
        self.own_fingerprint = fingerprint_label("sync_own_fingerprint")
        self.own_qr = named(QLabel(), "sync_own_qr")
        self.card_button = named(QPushButton(), "sync_card_save")
        own = QHBoxLayout(self.own)
        text = QVBoxLayout()
        text.addWidget(self.own_intro)
        text.addWidget(self.own_fingerprint)
        text.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        own.addLayout(text, 1)
        own.addWidget(self.own_qr)
        # the upper unit: a post's card, then the roster
        self.below = QGroupBox()
        self.below_intro = QLabel(wordWrap=True)
        self.card_path = named(QLineEdit(), "sync_card_path")
        self.card_browse = named(QPushButton(), "sync_card_browse")
        self.card_fp = named(QLineEdit(), "sync_card_fingerprint")
        self.enrol_button = named(QPushButton(), "sync_card_enrol")
        self.roster_button = named(QPushButton(), "sync_roster_issue")
        self.card_path_label, self.card_fp_label = QLabel(), QLabel()
        form = QFormLayout(self.below)
        form.addRow(self.below_intro)
        form.addRow(self.card_path_label, self._row(self.card_path, self.card_browse))
        form.addRow(self.card_fp_label, self.card_fp)
        form.addRow("", self._row(self.enrol_button, self.roster_button))
        # a post: the upper unit's roster
        self.above = QGroupBox()
        self.above_intro = QLabel(wordWrap=True)
        self.roster_path = named(QLineEdit(), "sync_roster_path")
        self.roster_browse = named(QPushButton(), "sync_roster_browse")
        self.roster_fp = named(QLineEdit(), "sync_roster_fingerprint")
        self.roster_import = named(QPushButton(), "sync_roster_import")
        self.roster_path_label, self.roster_fp_label = QLabel(), QLabel()
        form = QFormLayout(self.above)
        form.addRow(self.above_intro)
        form.addRow(self.roster_path_label, self._row(self.roster_path, self.roster_browse))
        form.addRow(self.roster_fp_label, self.roster_fp)
        form.addRow("", self._row(self.roster_import))
        self.message = named(QLabel(), "sync_enrol_message", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for box in (self.own, self.below, self.above):
            box.setMaximumWidth(980)
            layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.card_button.clicked.connect(self.save_card)
        self.card_browse.clicked.connect(lambda: self._browse(self.card_path))
        self.roster_browse.clicked.connect(lambda: self._browse(self.roster_path))
        self.enrol_button.clicked.connect(self.enrol_card)
        self.roster_button.clicked.connect(self.save_roster)
        self.roster_import.clicked.connect(self.take_roster)

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        """Widgets side by side; a line edit takes the room, buttons keep their size."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
        if not any(isinstance(w, QLineEdit) for w in widgets):
            row.addStretch(1)
        return box

    def retranslate(self) -> None:
        tr = self.app.tr
        self.own.setTitle(tr(N_("This computer's enrolment card")))
        self.own_intro.setText(
            tr(
                N_(
                    "Save the card to the USB stick for the upper unit, then read this"
                    " fingerprint to its officer by phone or in person, group by group:"
                )
            )
        )
        self.card_button.setText(tr(N_("&Save the enrolment card…")))
        self.below.setTitle(tr(N_("Enrol a post below this unit")))
        self.below_intro.setText(
            tr(
                N_(
                    "Choose the post's card and type the fingerprint its officer reads out; the"
                    " card is taken only if they match. Then issue the roster and give it to"
                    " the post."
                )
            )
        )
        self.card_path_label.setText(tr(N_("Card file:")))
        self.card_fp_label.setText(tr(N_("Fingerprint read out:")))
        self.card_browse.setText(tr(N_("Choose…")))
        self.enrol_button.setText(tr(N_("&Enrol the post")))
        self.roster_button.setText(tr(N_("Issue the &roster…")))
        self.above.setTitle(tr(N_("Roster of the upper unit")))
        self.above_intro.setText(
            tr(
                N_(
                    "Choose the roster the upper unit gave you. The first time, type the"
                    " upper unit's fingerprint as its officer reads it out."
                )
            )
        )
        self.roster_path_label.setText(tr(N_("Roster file:")))
        self.roster_fp_label.setText(tr(N_("Fingerprint of the upper unit:")))
        self.roster_browse.setText(tr(N_("Choose…")))
        self.roster_import.setText(tr(N_("&Accept the roster")))

    def refresh(self) -> None:
        with self.app.read() as ctx:
            missing = not sync_rows.has_identity(ctx)
        if missing:
            with self.app.write() as ctx:
                identity.ensure(ctx.session)
        with self.app.read() as ctx:
            me = identity.load(ctx.session)
        self.role = me.role
        self.own_fingerprint.setText(me.fingerprint)
        self.own_qr.setPixmap(qr_pixmap(me.fingerprint.replace(" ", "")))
        with self.app.read() as ctx:
            has_upper = sync_rows.has_upper_unit(ctx, me.unit_id)
        self.below.setVisible(me.role != "post")
        self.above.setVisible(me.role == "post" or (me.role == "upper" and has_upper))

    def _browse(self, edit: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "", "", self.app.tr(CARD_FILTER))
        if name:
            edit.setText(name)

    def _save_name(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "", suggested, self.app.tr(CARD_FILTER))
        return Path(name) if name else None

    def _attempt(self, action: Callable[[], str]) -> bool:
        try:
            text = action()
        except (KnownError, ValidationFailed) as exc:
            self.message.setProperty("error", True)
            self.message.setText(problem_text(exc, self.app.tr) or str(exc))
            return False
        self.message.setProperty("error", False)
        self.message.setText(text)
        self.changed.emit()
        return True

    def save_card(self, path: Any = None) -> bool:
        target = path if isinstance(path, Path) else self._save_name("phieu-dang-ky.json")
        if target is None:
            return False

        def act() -> str:
            with self.app.write() as ctx:
                written = enrolment.write_card(ctx, target)
            return self.app.tr(
                N_("Enrolment card written to {file}. Fingerprint to read out: {fingerprint}")
            ).format(file=written.path, fingerprint=written.fingerprint)

        return self._attempt(act)

    def enrol_card(self) -> bool:
        path, typed = Path(self.card_path.text().strip()), self.card_fp.text()

        def act() -> str:
            with self.app.write() as ctx:
                peer = enrolment.enrol(ctx, path, typed)
                unit = peer.unit_name
            return self.app.tr(N_("{unit} is enrolled for sync; now issue the roster.")).format(
                unit=unit
            )

        return self._attempt(act)

    def save_roster(self, path: Any = None) -> bool:
        target = path if isinstance(path, Path) else self._save_name("danh-sach-dong-bo.json")
        if target is None:
            return False

        def act() -> str:
            with self.app.write() as ctx:
                written = enrolment.issue_roster(ctx, target)
            return self.app.tr(
                N_("Roster written to {file}. Fingerprint of this unit: {fingerprint}")
            ).format(file=written.path, fingerprint=written.fingerprint)

        return self._attempt(act)

    def take_roster(self) -> bool:
        path, typed = Path(self.roster_path.text().strip()), self.roster_fp.text().strip()

        def act() -> str:
            with self.app.write() as ctx:
                peer, version = enrolment.accept_roster(ctx, path, typed or None)
                unit = peer.unit_name
            return self.app.tr(N_("Roster of {unit} accepted (version {version})")).format(
                unit=unit, version=version
            )

        return self._attempt(act)
