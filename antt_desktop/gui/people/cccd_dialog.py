"""Reading a citizen ID card into the person form (Đọc thẻ CCCD): the scanner typing into any
field of the form, or this dialog: a box for the scanner, a photo or scan of the card, or the
webcam (Qt Multimedia) when there is one.

The person form adds it with one line (:class:`CardReading`) and fills its fields in
``PersonEditor.fill_from_card``; the normal checks then run as for typed data.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PIL import Image
from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.cccd import MAX_LENGTH, CardData, find_candidate, parse_card
from antt_desktop.domain.cccd_picture import card_in, card_in_file
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.photo import read_limited
from antt_desktop.gui.common.cccd_input import CardScanCatcher
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import ERROR_COLOUR
from antt_desktop.gui.common.records_editor import inform
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import N_

log = logging.getLogger(__name__)

READ_CARD = N_("Read ID card…")
READ_CARD_TIP = N_("Fill the form from the QR code of the citizen ID card (Ctrl+Shift+Q)")
SHORTCUT = "Ctrl+Shift+Q"
TITLE = N_("Read the citizen ID card")
HOW = N_(
    "Scan the QR code on the card with the scanner: the cursor is in the box below. Or read"
    " the code from a photo of the card, or show the card to the camera."
)
CODE_HINT = N_("The scanned code appears here")
FROM_PICTURE = N_("Read from a &picture…")
PICTURE_FILTER = N_("Pictures (*.jpg *.jpeg *.png)")
USE_CAMERA = N_("Use the ca&mera")
STOP_CAMERA = N_("Stop the ca&mera")
NO_CAMERA = N_("No camera found")
CAMERA_HINT = N_("Hold the card's QR code in front of the camera, close and still.")
NOT_READ = N_("The card could not be read")
#: A camera frame is searched at most this often (an old PC decodes one in tens of ms).
FRAME_EVERY_MS = 250


class CardForm(Protocol):
    """What :class:`CardReading` needs of the person form."""

    app: AppContext

    def fill_from_card(self, values: dict[str, str]) -> None: ...


def problem_lines(problems: list[Problem], app: AppContext) -> str:
    """One line per problem; "this is not a card" alone, without a field before it."""
    tr = app.tr
    return "\n".join(
        tr(N_("This is not the QR code of a citizen identity card"))
        if p.code == "cccd.not_card"
        else describe(p, tr)
        for p in problems
    )


def frame_card(frame: QImage, today: Any = None) -> CardData | list[Problem]:
    """The card whose QR code is in a camera frame, or why none was read."""
    gray = frame.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())[: stride * height]
    image = Image.frombytes("L", (width, height), data, "raw", "L", stride)
    return card_in(image, today=today)


class CardReadDialog(QDialog):
    """Read a card: scanner box, picture file, or camera. ``card_read`` carries the card."""

    card_read = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_read_dialog")
        self.app = app
        tr = app.tr
        self.setWindowTitle(tr(TITLE))
        self.how = QLabel(tr(HOW))
        self.how.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("card_code")
        self.code.setMaxLength(MAX_LENGTH)
        self.code.setPlaceholderText(tr(CODE_HINT))
        self.code.returnPressed.connect(lambda: self.read_text(self.code.text()))
        self.problem = QLabel()
        self.problem.setObjectName("card_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.hide()
        self.picture_button = QPushButton(tr(FROM_PICTURE))
        self.picture_button.setObjectName("card_picture_button")
        self.picture_button.clicked.connect(self.choose_picture)
        self.camera_button = QPushButton(tr(USE_CAMERA))
        self.camera_button.setObjectName("card_camera_button")
        self.camera_button.clicked.connect(self.toggle_camera)
        self.preview = QLabel()
        self.preview.setObjectName("card_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr(N_("Close")))
        buttons.rejected.connect(self.reject)
        for button in (self.picture_button, self.camera_button, *buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # the scanner's Enter reads the box, nothing else
        row = QHBoxLayout()
        row.addWidget(self.picture_button)
        row.addWidget(self.camera_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.how)
        layout.addWidget(self.code)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(520, 220)
        self._camera: Any = None
        self._clock = QElapsedTimer()
        self._find_camera()

    # --- the three ways in ------------------------------------------------------------------
    def read_text(self, text: str) -> bool:
        """Read a card's code (what the scanner typed); True when it was a card."""
        code = find_candidate(text) or text  # a scan after text left in the box
        self.code.clear()
        return self._done(parse_card(code, today=self.app.today()))

    def choose_picture(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self, self.app.tr(FROM_PICTURE).replace("&", ""), "", self.app.tr(PICTURE_FILTER)
        )
        return self.read_picture(Path(path)) if path else False

    def read_picture(self, path: Path) -> bool:
        """Read the card's code from a photo or scan of it (JPEG or PNG)."""
        try:
            with path.open("rb") as fh:
                data = read_limited(fh)
        except ValidationFailed as exc:
            return self._done(exc.problems)
        except OSError:
            return self._done([Problem("cccd_picture", "photo.unreadable", {"file": path.name})])
        return self._done(card_in_file(data, today=self.app.today()))

    def toggle_camera(self) -> None:
        if self._camera is not None and self._camera.isActive():
            self.stop_camera()
            return
        devices = self._devices()
        if not devices:
            self._find_camera()
            return
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        self._camera = QCamera(devices[0], self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._clock.start()
        self._camera.start()
        self.preview.show()
        self.preview.setText(self.app.tr(CAMERA_HINT))
        self.camera_button.setText(self.app.tr(STOP_CAMERA))
        self.resize(self.width(), 560)

    def stop_camera(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self.camera_button.setText(self.app.tr(USE_CAMERA))

    # --- internals --------------------------------------------------------------------------
    @staticmethod
    def _devices() -> list[Any]:
        """The cameras; none when Qt's multimedia cannot load on this computer (a system
        library it needs is missing): the card is then read from a picture only."""
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as exc:
            log.warning("no camera: Qt's multimedia did not load (%s)", exc)
            return []
        return list(QMediaDevices.videoInputs())

    def _find_camera(self) -> None:
        found = bool(self._devices())
        self.camera_button.setEnabled(found)
        self.camera_button.setText(self.app.tr(USE_CAMERA if found else NO_CAMERA))

    def _frame(self, frame: Any) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio)
        )
        if self._clock.elapsed() < FRAME_EVERY_MS:
            return
        self._clock.restart()
        result = frame_card(image, self.app.today())
        if isinstance(result, CardData):  # a frame without a card is not a problem: go on
            self._done(result)

    def _done(self, result: CardData | list[Problem]) -> bool:
        if isinstance(result, list):
            self.problem.setText(problem_lines(result, self.app))
            self.problem.show()
            return False
        self.stop_camera()
        self.card_read.emit(result)
        self.accept()
        return True

    def done(self, result: int) -> None:
        self.stop_camera()
        super().done(result)


class CardReading:
    """The person form's "Đọc thẻ CCCD…" button and shortcut, and the scanner recognised in
    every field of the form."""

    def __init__(self, form: CardForm, dialog: QDialog, buttons: QDialogButtonBox) -> None:
        self.form = form
        self.dialog = dialog
        self.reader: CardReadDialog | None = None
        self.message: QWidget | None = None
        self.button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.button.setObjectName("read_card_button")
        self.button.clicked.connect(self.open_reader)
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), dialog)
        self.shortcut.activated.connect(self.open_reader)
        self.catcher = CardScanCatcher.on(dialog, self.read_scan)
        self.catcher.watch_fields(dialog)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.form.app.tr
        self.button.setText(tr(READ_CARD))
        self.button.setToolTip(tr(READ_CARD_TIP))

    def open_reader(self) -> CardReadDialog:
        self.reader = CardReadDialog(self.form.app, self.dialog)
        self.reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reader.card_read.connect(self.fill)
        self.reader.open()
        return self.reader

    def read_scan(self, text: str) -> bool:
        """A card scanned into a field of the form: fill it, or say what is wrong."""
        result = parse_card(text, today=self.form.app.today())
        if isinstance(result, list):
            tr = self.form.app.tr
            self.message = inform(self.dialog, tr(NOT_READ), problem_lines(result, self.form.app))
            return False
        self.fill(result)
        return True

    def fill(self, card: CardData) -> None:
        self.form.fill_from_card(card.person_values())
