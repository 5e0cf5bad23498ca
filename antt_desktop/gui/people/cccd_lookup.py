"""A citizen ID card scanned into a search box: open the person who holds its number, or
offer "Thêm người mới từ thẻ" (the person form, filled from the card).

A page installs it on its search boxes with one line; it says what "open" means there (the
resident's form, their household).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from antt_desktop.domain.cccd import CardData, parse_card
from antt_desktop.gui.common.cccd_input import CardScanCatcher
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import inform
from antt_desktop.gui.people.cccd_dialog import NOT_READ, problem_lines
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services.cccd_rows import CardHolder, card_holder

NOT_FOUND_TITLE = N_("Not in the register")
NOT_FOUND = N_("Nobody with ID number {number} ({name}, born {born}) is in the register.")
ADD_FROM_CARD = N_("&Add a new person from the card")
CLOSE = N_("Close")
NO_ID_SEARCH = N_("Your account may not look people up by their ID number.")


class CardLookup(QObject):
    """What a card scanned into a page's search boxes does.

    Args:
        open_holder: opens the resident who holds the card's number.
        add_from_card: opens the person form filled from the card.
    """

    def __init__(
        self,
        app: AppContext,
        parent: QWidget,
        open_holder: Callable[[CardHolder], object],
        add_from_card: Callable[[CardData], object],
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.page = parent
        self.open_holder = open_holder
        self.add_from_card = add_from_card
        self.message: QMessageBox | None = None
        self.catcher = CardScanCatcher.on(self, self.scanned)

    def watch(self, *search_boxes: QWidget) -> CardLookup:
        self.catcher.watch(*search_boxes)
        return self

    def scanned(self, text: str) -> None:
        tr = self.app.tr
        card = parse_card(text, today=self.app.today())
        if isinstance(card, list):
            self.message = inform(self.page, tr(NOT_READ), problem_lines(card, self.app))
            return
        if not self.app.may(Permission.READ_SENSITIVE):
            self.message = inform(self.page, tr(NOT_READ), tr(NO_ID_SEARCH))
            return
        with self.app.read() as ctx:
            holder = card_holder(ctx, card.id_number)
        if holder is not None:
            self.open_holder(holder)
        else:
            self.offer(card)

    def offer(self, card: CardData) -> QMessageBox:
        """Ask whether to add the card's holder (the box is not modal to the window)."""
        tr = self.app.tr
        box = QMessageBox(self.page)
        box.setObjectName("card_not_found")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr(NOT_FOUND_TITLE))
        box.setText(
            tr(NOT_FOUND).format(
                number=card.id_number, name=card.full_name, born=card.born.strftime("%d/%m/%Y")
            )
        )
        add = box.addButton(tr(ADD_FROM_CARD), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(tr(CLOSE), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(add)
        box.setEscapeButton(close)
        add.setEnabled(self.app.may(Permission.WRITE))
        add.clicked.connect(lambda: self.add_from_card(card))
        self.message = box
        box.open()
        return box
