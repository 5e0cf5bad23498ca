"""The first-run assistant: set up this post from the official list of communes and wards.

The officer picks the province and then the commune (type-ahead, accents optional: "phu
luong" finds "Xã Phú Lương"); the unit name, its code and the upper unit are filled in from
the choice and can be corrected. "Mở đơn vị mẫu" opens the demo post instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QPushButton, QWidget
from vietnam_provinces import Province, Ward

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.text import fold
from antt_desktop.gui.forms.ui_first_run import Ui_FirstRunDialog
from antt_desktop.i18n.messages import describe, describe_all, sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.login import Unlocked
from antt_desktop.security.passwords import MIN_LENGTH
from antt_desktop.services.accounts import create_post
from antt_desktop.store.database import Database
from antt_desktop.store.errors import KnownError

FOLD_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


class FoldCompleter(QCompleter):
    """Completes on accent-folded names, matching anywhere: "phu luong" → "Xã Phú Lương"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCompletionRole(FOLD_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def place_model(rows: list[tuple[str, int]], parent: QObject | None = None) -> QStandardItemModel:
    """A list of (official name, code), each also under FOLD_ROLE for matching."""
    model = QStandardItemModel(parent)
    for name, code in rows:
        item = QStandardItem(name)
        item.setData(fold(name), FOLD_ROLE)
        item.setData(code, CODE_ROLE)
        item.setEditable(False)
        model.appendRow(item)
    return model


def resolve(combo: QComboBox, text: str) -> int:
    """The row the typed ``text`` means: an exact match ignoring accents, else the only
    name containing it; -1 when none or several do."""
    wanted = fold(text)
    if not wanted:
        return -1
    folded = [str(combo.itemData(r, FOLD_ROLE)) for r in range(combo.count())]
    if wanted in folded:
        return folded.index(wanted)
    hits = [r for r, name in enumerate(folded) if wanted in name]
    return hits[0] if len(hits) == 1 else -1


def unit_name_for(ward_name: str) -> str:
    """ "Xã Phú Lương" → "Công an xã Phú Lương" (the unit's usual name)."""
    m = re.match(r"^(Phường|Xã|Đặc khu)\s+(.*)$", ward_name)
    return f"Công an {m.group(1).lower()} {m.group(2)}" if m else f"Công an {ward_name}"


def upper_for(province: Province) -> tuple[str, str]:
    """(name, code) of the province police: "Công an tỉnh Thái Nguyên", "CAT-TN"."""
    bare = re.sub(r"^(Thành phố|Tỉnh)\s+", "", province.name)
    is_city = "thành phố" in str(province.division_type.value)
    initials = "".join(word[0] for word in fold(bare).split()).upper()
    return f"Công an {'thành phố' if is_city else 'tỉnh'} {bare}", f"CAT-{initials}"


class FirstRunDialog(QDialog):
    """Set up the post in the database at ``db_path`` (encrypted, with the chief's account
    and password), or choose the demo post.

    After ``exec()``: :attr:`session` is the new post, logged in as its chief (accepted), or
    :attr:`wants_demo` is True (the officer chose the demo post), or neither (quit).
    ``kdf`` is the cost of the password's key derivation (tests lower it).
    """

    def __init__(
        self,
        tr: Translator,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        kdf: KdfParams = PRODUCTION,
    ) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.db_path = db_path
        self.kdf = kdf
        self.session: Unlocked | None = None
        self.wants_demo = False
        #: the post's database on a server ("Máy chủ dữ liệu"): set up there, or logged in to
        self.server_url: str | None = None
        self._auto_name = ""
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        heading = QFont(self.ui.titleLabel.font())
        heading.setPointSize(heading.pointSize() + 5)
        heading.setBold(True)
        self.ui.titleLabel.setFont(heading)
        provinces = sorted(Province.iter_all(), key=lambda p: fold(p.name))
        self._provinces = {int(p.code): p for p in provinces}
        self._setup_combo(self.ui.provinceCombo, [(p.name, int(p.code)) for p in provinces])
        self._setup_combo(self.ui.wardCombo, [])
        self.ui.provinceCombo.currentIndexChanged.connect(self._on_province)
        self.ui.wardCombo.currentIndexChanged.connect(self._on_ward)
        self.ui.repeatEdit.returnPressed.connect(self.create_post)
        self.ui.createButton.clicked.connect(self.create_post)
        self.ui.demoButton.clicked.connect(self._choose_demo)
        self.serverButton = QPushButton(self)
        self.serverButton.setObjectName("serverButton")
        self.serverButton.setAutoDefault(False)
        self.ui.buttonRow.insertWidget(1, self.serverButton)
        self.serverButton.clicked.connect(self._choose_server)
        self.ui.quitButton.clicked.connect(self.reject)
        self.retranslate()
        self.ui.provinceCombo.setFocus()

    def _setup_combo(self, combo: QComboBox, rows: list[tuple[str, int]]) -> None:
        completer = FoldCompleter(combo)
        combo.setCompleter(completer)
        completer.activated[str].connect(  # type: ignore[index]
            lambda text, c=combo: self._pick(c, text)
        )
        line = combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda c=combo: self._pick(c, c.currentText()))
        self._fill(combo, rows)

    def _fill(self, combo: QComboBox, rows: list[tuple[str, int]]) -> None:
        model = place_model(rows, combo)  # the combo deletes the model it owned before
        combo.blockSignals(True)
        combo.setModel(model)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)
        completer = combo.completer()
        assert completer is not None
        completer.setModel(model)

    def _pick(self, combo: QComboBox, text: str) -> None:
        row = resolve(combo, text)
        if row >= 0 and row != combo.currentIndex():
            combo.setCurrentIndex(row)
        elif row >= 0:
            combo.setEditText(combo.itemText(row))

    def retranslate(self) -> None:
        ui, tr = self.ui, self.tr_
        self.setWindowTitle(tr(N_("Set up ANTT Desktop")))
        ui.titleLabel.setText(tr(N_("Welcome to ANTT Desktop")))
        ui.introLabel.setText(
            tr(
                N_(
                    "Set up your post once: choose your province and your commune or ward from "
                    "the official list (type a few letters, accents are optional), check the "
                    "names, and name the chief's account with its password. Or open the demo post"
                    " to look around."
                )
            )
        )
        ui.unitGroup.setTitle(tr(N_("Your post")))
        ui.provinceLabel.setText(tr(N_("&Province or city:")))
        ui.wardLabel.setText(tr(N_("&Commune or ward:")))
        ui.unitNameLabel.setText(tr(N_("Unit &name:")))
        ui.unitCodeLabel.setText(tr(N_("Unit code:")))
        ui.upperGroup.setTitle(tr(N_("Upper unit")))
        ui.upperNameLabel.setText(tr(N_("Upper unit na&me:")))
        ui.upperCodeLabel.setText(tr(N_("Upper unit c&ode:")))
        ui.accountGroup.setTitle(tr(N_("First account")))
        ui.adminNameLabel.setText(tr(N_("Chief's f&ull name:")))
        ui.adminNameEdit.setPlaceholderText(
            tr(N_("as printed under the seal, e.g. Hoàng Minh Tuấn"))
        )
        ui.adminTitleLabel.setText(tr(N_("Chief's &title:")))
        ui.adminTitleEdit.setPlaceholderText(tr(N_("e.g. Trưởng Công an xã, or a rank: Thiếu tá")))
        ui.adminLabel.setText(tr(N_("Chief's &account name:")))
        ui.adminEdit.setPlaceholderText(tr(N_("for example truongcong")))
        ui.passwordLabel.setText(tr(N_("&Password:")))
        ui.repeatLabel.setText(tr(N_("&Repeat the password:")))
        ui.passwordNoteLabel.setText(
            tr(
                N_(
                    "At least {min} characters. The data is encrypted with it: keep it safe,"
                    " nobody can recover a forgotten password (other chiefs can set a new one)."
                )
            ).format(min=MIN_LENGTH)
        )
        ui.demoButton.setText(tr(N_("Open the &demo post")))
        self.serverButton.setText(tr(N_("Data&base server…")))
        ui.createButton.setText(tr(N_("Set &up this post")))
        ui.quitButton.setText(tr(N_("&Quit")))

    # --- choices ----------------------------------------------------------------------------
    def _on_province(self, row: int) -> None:
        code = self.ui.provinceCombo.itemData(row, CODE_ROLE)
        province = self._provinces.get(int(code)) if code is not None else None
        wards = []
        if province is not None:
            wards = sorted(Ward.iter_by_province(province.code), key=lambda w: fold(w.name))
        self._fill(self.ui.wardCombo, [(w.name, int(w.code)) for w in wards])
        self.ui.wardCombo.setEditText("")
        self.ui.unitCodeEdit.clear()
        if province is not None:
            name, code_text = upper_for(province)
            self.ui.upperNameEdit.setText(name)
            self.ui.upperCodeEdit.setText(code_text)

    def _on_ward(self, row: int) -> None:
        code = self.ui.wardCombo.itemData(row, CODE_ROLE)
        if code is None:
            return
        self.ui.unitCodeEdit.setText(f"{int(code):05d}")
        name = unit_name_for(self.ui.wardCombo.itemText(row))
        if self.ui.unitNameEdit.text().strip() in ("", self._auto_name):
            self.ui.unitNameEdit.setText(name)  # keep a name the officer typed themselves
        self._auto_name = name

    def _choose_demo(self) -> None:
        self.wants_demo = True
        self.accept()

    def _choose_server(self) -> None:
        """The post's database on a server: log in to the post there, or set it up there
        (an empty database) with this form."""
        from antt_desktop.gui.server_dialog import ServerDialog

        dialog = ServerDialog(self.tr_, self)
        if not dialog.exec():
            return
        self.server_url = dialog.url
        if dialog.post is not None:  # a post is there already: its login comes next
            self.accept()
            return
        self.ui.introLabel.setText(
            self.tr_(N_("The post will be set up in the database on the server {url}.")).format(
                url=dialog.url
            )
        )

    @property
    def database(self) -> Database | None:
        """The new post's database (after an accepted set-up)."""
        return self.session.db if self.session is not None else None

    # --- creating -------------------------------------------------------------------------
    def create_post(self) -> None:
        """Set the post up in one transaction, or say what is wrong and write nothing."""
        ui, tr = self.ui, self.tr_
        self._pick(ui.provinceCombo, ui.provinceCombo.currentText())
        self._pick(ui.wardCombo, ui.wardCombo.currentText())
        if resolve(ui.wardCombo, ui.wardCombo.currentText()) < 0 or not ui.unitCodeEdit.text():
            ui.problemsLabel.setText(
                tr(N_("Choose the province, then the commune or ward from the list."))
            )
            (ui.wardCombo if ui.wardCombo.count() else ui.provinceCombo).setFocus()
            return
        if not ui.adminNameEdit.text().strip():
            ui.problemsLabel.setText(
                describe(Problem("admin_name", "required"), tr)
                + " "
                + tr(N_("(it is printed under the seal and in the booklets)"))
            )
            ui.adminNameEdit.setFocus()
            return
        if ui.passwordEdit.text() != ui.repeatEdit.text():
            ui.problemsLabel.setText(tr(N_("The two passwords are not the same.")))
            ui.repeatEdit.clear()
            ui.repeatEdit.setFocus()
            return
        setup: dict[str, Any] = {
            "password": ui.passwordEdit.text(),
            "kdf": self.kdf,
            "unit_code": ui.unitCodeEdit.text(),
            "unit_name": ui.unitNameEdit.text(),
            "admin": ui.adminEdit.text().strip(),
            "admin_name": ui.adminNameEdit.text(),
            "admin_title": ui.adminTitleEdit.text(),
            "upper_code": ui.upperCodeEdit.text().strip() or None,
            "upper_name": ui.upperNameEdit.text().strip() or None,
        }
        try:
            if self.server_url is not None:  # an empty database on a server: set up there
                from antt_desktop.services.server_post import create_server_post

                local = self.db_path.parent  # the desk's own files
                self.session = create_server_post(self.server_url, local_dir=local, **setup)
            else:
                self.session = create_post(self.db_path, **setup)
        except ValidationFailed as exc:
            ui.problemsLabel.setText("\n".join(describe_all(exc.problems, tr)))
            return
        except KnownError as exc:
            ui.problemsLabel.setText(sentence(exc.code, exc.params, tr))
            return
        ui.passwordEdit.clear()
        ui.repeatEdit.clear()
        self.accept()
