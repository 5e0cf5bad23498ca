"""A resident's photo in a window: the picture, and "Chọn ảnh…" / "Xóa ảnh" for the roles
that may write. A refused file is named in a clear sentence under the picture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.worker import Operation, Progress, start_operation
from antt_desktop.i18n.messages import describe_all
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services import photos

SIZE = (150, 200)  # 3×4, as on the paper dossier
NO_PHOTO = N_("Photo\n3×4")
HIDDEN = N_("Photo\n(hidden)")
CHOOSE = N_("Choose a photo…")
REMOVE = N_("Remove the photo")
FILTER = N_("Pictures (*.jpg *.jpeg *.png *.bmp *.webp)")
TITLE = N_("Choose the person's photo")
SAVING = N_("Saving the photo…")


class PhotoPanel(QWidget):
    """The photo of one person (``show_person``), changed through the photo service.

    Signals:
        changed(): the photo was set or removed (the database holds the new state).
    """

    changed = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.person_id: str | None = None
        self.shown_sha: str | None = None
        self.withheld = False  # a photo this reader may not see
        self.operation: Operation | None = None
        self.picture = QLabel()
        self.picture.setObjectName("photo")
        self.picture.setFixedSize(*SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("border: 1px dashed #888; color: #666;")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("photo_choose_button")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("photo_remove_button")
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setObjectName("photo_message")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(SIZE[0] + 60)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()

    # --- showing -----------------------------------------------------------------------------
    def show_person(
        self, person_id: str, photo_sha256: str | None, *, withheld: bool = False
    ) -> None:
        """Show this person's photo; it is read again only when it changed (each reading is
        an audited view of sensitive data). ``withheld``: the person has a photo this
        reader may not see (its hash is withheld too)."""
        if (person_id, photo_sha256, withheld) == (self.person_id, self.shown_sha, self.withheld):
            self._enable()
            return
        self.person_id, self.shown_sha, self.withheld = person_id, photo_sha256, withheld
        data = None
        if photo_sha256 is not None and self.app.may(Permission.READ_SENSITIVE):
            with self.app.read() as ctx:
                data = photos.photo_of(ctx, person_id)
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data, "JPEG"):
            self.picture.setPixmap(
                pixmap.scaled(
                    self.picture.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.picture.setPixmap(QPixmap())
        self.retranslate()

    @property
    def has_photo(self) -> bool:
        return self.shown_sha is not None or self.withheld

    def retranslate(self) -> None:
        tr = self.app.tr
        self.choose_button.setText(tr(CHOOSE))
        self.remove_button.setText(tr(REMOVE))
        if self.picture.pixmap().isNull():
            hidden = self.has_photo and not self.app.may(Permission.READ_SENSITIVE)
            self.picture.setText(tr(HIDDEN) if hidden else tr(NO_PHOTO))
        self._enable()

    def _enable(self) -> None:
        writer = self.app.may(Permission.WRITE) and self.person_id is not None
        busy = self.operation is not None and self.operation.running
        self.choose_button.setEnabled(writer and not busy)
        self.remove_button.setEnabled(writer and not busy and self.has_photo)

    # --- changing ----------------------------------------------------------------------------
    def choose(self) -> None:
        tr = self.app.tr
        name, _ = QFileDialog.getOpenFileName(self, tr(TITLE), "", tr(FILTER))
        if name:
            self.set_from_file(Path(name))

    def set_from_file(self, path: Path) -> Operation:
        """Check the picture and save it, on a worker thread (a big file takes a moment)."""
        assert self.person_id is not None
        person_id, app = self.person_id, self.app

        def work(_progress: Progress) -> str:
            prepared = photos.prepare_file(path)
            with app.write() as ctx:
                return photos.set_photo(ctx, person_id, prepared).sha256

        self.message.hide()
        op = start_operation(self, app.tr(SAVING), work, cancellable=False, app=app)
        op.succeeded.connect(self._saved)
        op.failed.connect(self._refused)
        op.ended.connect(self._enable)
        self.operation = op
        self._enable()
        return op

    def remove(self) -> None:
        assert self.person_id is not None
        try:
            with self.app.write() as ctx:
                photos.remove_photo(ctx, self.person_id)
        except ValidationFailed as exc:
            self._refused(exc)
            return
        self.message.hide()
        self.show_person(self.person_id, None)
        self.changed.emit()

    def _saved(self, sha256: object) -> None:
        assert self.person_id is not None
        self.show_person(self.person_id, str(sha256))
        self.changed.emit()

    def _refused(self, exc: object) -> None:
        if not isinstance(exc, ValidationFailed):
            raise exc if isinstance(exc, BaseException) else RuntimeError(exc)
        self.message.setText("\n".join(describe_all(exc.problems, self.app.tr)))
        self.message.show()
