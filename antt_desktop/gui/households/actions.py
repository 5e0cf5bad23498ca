"""What the officer does from a household's view: edit it, add, move or remove members,
change the head, record or change pledges, and set the poor / near-poor status."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import run_change
from antt_desktop.gui.common.records_widgets import current_id
from antt_desktop.gui.households.dialog import HouseholdDialog
from antt_desktop.gui.households.member_dialog import RELATIONS, MemberDialog
from antt_desktop.gui.households.pledge_dialog import PledgeDialog, PovertyDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.services import memberships, pledges


class HouseholdView(Protocol):
    """What the actions use of the household's view (households/view.py)."""

    app: AppContext
    record_id: str | None
    head_id: str | None
    members: QTableWidget
    pledges: QTableWidget
    poverty: QTableWidget
    edit_button: QPushButton
    add_member_button: QPushButton
    move_member_button: QPushButton
    remove_member_button: QPushButton
    make_head_button: QPushButton
    record_pledge_button: QPushButton
    edit_pledge_button: QPushButton
    violated_button: QPushButton
    poverty_button: QPushButton


class HouseholdActions(QObject):
    """The buttons of the household's view and the dialogs they open."""

    def __init__(self, view: HouseholdView, window: QWidget) -> None:
        """``window``: the view itself, as the parent of the dialogs and questions."""
        super().__init__(window)
        self.view = view
        self.window = window
        self.app = view.app
        self.dialog: QDialog | None = None
        view.edit_button.clicked.connect(self.edit_household)
        view.add_member_button.clicked.connect(self.add_member)
        view.move_member_button.clicked.connect(self.move_member)
        view.remove_member_button.clicked.connect(self.remove_member)
        view.make_head_button.clicked.connect(self.make_head)
        view.record_pledge_button.clicked.connect(self.record_pledge)
        view.edit_pledge_button.clicked.connect(self.edit_pledge)
        view.violated_button.clicked.connect(self.mark_violated)
        view.poverty_button.clicked.connect(self.set_poverty)
        view.pledges.activated.connect(lambda _i: self.edit_pledge())

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    @property
    def household_id(self) -> str:
        assert self.view.record_id is not None
        return self.view.record_id

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _member(self) -> tuple[str, str] | None:
        """(id, name) of the selected member, as the member list shows them."""
        ident = current_id(self.view.members)
        item = self.view.members.item(self.view.members.currentRow(), 0)
        return (ident, item.text()) if ident is not None and item is not None else None

    def edit_household(self) -> None:
        self._open(HouseholdDialog(self.app, self.household_id, parent=self.window))

    def add_member(self) -> None:
        self._open(MemberDialog(self.app, self.household_id, parent=self.window))

    def move_member(self) -> None:
        member = self._member()
        if member is not None:
            self._open(MemberDialog(self.app, self.household_id, member[0], parent=self.window))

    def remove_member(self) -> None:
        member = self._member()
        if member is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr_(N_("Remove from household")),
            self.tr_(N_("Take {name} out of this household?")).format(name=member[1]),
        )
        if answer == QMessageBox.StandardButton.Yes:
            run_change(
                self.window,
                self.app,
                lambda ctx: memberships.remove_member(ctx, self.household_id, member[0]),
            )

    def make_head(self) -> None:
        member = self._member()
        if member is None or member[0] == self.view.head_id:
            return
        relation, ok = QInputDialog.getItem(
            self.window,
            self.tr_(N_("Make head")),
            self.tr_(N_("{name} becomes the head. Relation of the former head to {name}:")).format(
                name=member[1]
            ),
            ["", *RELATIONS],
            0,
            True,
        )
        if ok:
            run_change(
                self.window,
                self.app,
                lambda ctx: memberships.change_head(
                    ctx, self.household_id, member[0], former_head_relation=relation or None
                ),
            )

    def record_pledge(self) -> None:
        self._open(PledgeDialog(self.app, self.household_id, parent=self.window))

    def edit_pledge(self) -> None:
        pledge_id = current_id(self.view.pledges)
        if pledge_id is not None:
            self._open(
                PledgeDialog(self.app, self.household_id, pledge_id=pledge_id, parent=self.window)
            )

    def mark_violated(self) -> None:
        pledge_id = current_id(self.view.pledges)
        if pledge_id is None:
            return
        notes, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr_(N_("Mark violated")),
            self.tr_(N_("What did the household do against its pledge?")),
        )
        if ok:
            run_change(
                self.window,
                self.app,
                lambda ctx: pledges.mark_violated(ctx, pledge_id, notes),
            )

    def set_poverty(self) -> None:
        year = current_id(self.view.poverty)
        chosen = int(year) if year else self.app.today().year
        self._open(PovertyDialog(self.app, self.household_id, chosen, parent=self.window))
