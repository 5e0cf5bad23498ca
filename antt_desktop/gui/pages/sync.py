"""Đồng bộ: who this computer is in the sync network, and what USB sync will do.

The sync bundles themselves are being built (see the issues); until they land this page says
so plainly and offers no buttons that would do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from antt_desktop.gui.context import AppContext
from antt_desktop.gui.page import Page
from antt_desktop.i18n.translator import N_
from antt_desktop.store.models import LocalNode, Unit


class SyncPage(Page):
    """This node's identity (node id, unit, upper unit) and an honest word on USB sync."""

    title = N_("Sync")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.identity = QGroupBox()
        self.identity.setMaximumWidth(820)
        form = QFormLayout(self.identity)
        self._labels: list[tuple[QLabel, str]] = []
        self.node_value = self._row(form, N_("Node id:"))
        self.unit_value = self._row(form, N_("Unit:"))
        self.upper_value = self._row(form, N_("Upper unit:"))
        self.explanation = QLabel()
        self.explanation.setObjectName("syncExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setMaximumWidth(820)  # lines short enough to read
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.identity)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.refresh(set())
        self.retranslate()

    def _row(self, form: QFormLayout, label_id: str) -> QLabel:
        label = QLabel()
        value = QLabel()
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, value)
        self._labels.append((label, label_id))
        return value

    def refresh(self, changed: set[str]) -> None:
        if changed and "unit" not in changed:
            return
        with self.app.read() as ctx:
            node = ctx.session.get(LocalNode, 1)
            unit = ctx.local_unit()
            upper = ctx.session.get(Unit, unit.parent_id) if unit.parent_id else None
            self.node_value.setText(node.node_id if node else "")
            self.unit_value.setText(f"{unit.name} ({unit.code})")
            if upper is not None:
                self.upper_value.setText(f"{upper.name} ({upper.code})")
            else:
                self.upper_value.setText(unit.upper_label or unit.parent_body or "—")

    def retranslate(self) -> None:
        tr = self.tr_
        self.heading.setText(tr(N_("Sync")))
        self.identity.setTitle(tr(N_("This computer in the sync network")))
        for label, label_id in self._labels:
            label.setText(tr(label_id))
        self.explanation.setText(
            tr(
                N_(
                    "Posts exchange their records with the upper unit by encrypted sync files "
                    "carried on a USB stick: this post exports a file, the upper unit imports it "
                    "and gives one back. That part of the program is still being built and is "
                    "not in this version yet, so there is nothing to export or import here for "
                    "now. Everything you enter is kept and will travel with the first sync."
                )
            )
        )
