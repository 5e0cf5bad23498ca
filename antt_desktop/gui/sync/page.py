"""Đồng bộ: sync with the upper unit (or the posts below) by sync files on USB sticks.

Four tabs: the exchange (this computer, each unit and how far the exchange has got, export
and import), conflicts to settle, dossier transfers, and enrolment (cards, roster,
fingerprints). Every tab reads through the sync package; long work runs on the worker.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.sync.conflicts import ConflictsPanel
from antt_desktop.gui.sync.enrol import EnrolPanel
from antt_desktop.gui.sync.overview import SyncOverview
from antt_desktop.gui.sync.proposals import TITLE as PROPOSALS
from antt_desktop.gui.sync.proposals import ProposalsPanel
from antt_desktop.gui.sync.transfers import TransfersPanel
from antt_desktop.i18n.translator import N_
from antt_desktop.services.changes import EVERYTHING, SYNC, Changes, Kind

#: The kinds of records the page shows (a change to the rest it ignores).
SHOWS = (*SYNC, Kind.UNIT, Kind.DOSSIER, Kind.PERSON, Kind.HOUSEHOLD, Kind.PLEDGE)


class SyncPage(Page):
    """The sync page; its tabs are ``overview``, ``conflicts``, ``proposals``, ``transfers``,
    ``enrol``."""

    title = N_("Sync")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.overview = SyncOverview(app)
        self.conflicts = ConflictsPanel(app)
        self.proposals = ProposalsPanel(app)
        self.transfers = TransfersPanel(app)
        self.enrol = EnrolPanel(app)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        for panel in (self.overview, self.conflicts, self.proposals, self.transfers, self.enrol):
            self.tabs.addTab(panel, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.enrol.changed.connect(lambda: self.refresh(EVERYTHING))
        self.transfers.changed.connect(lambda: self.refresh(EVERYTHING))
        self.retranslate()
        self.refresh(EVERYTHING)

    def refresh(self, changes: Changes) -> None:
        if not changes.touches(*SHOWS):
            return
        self.overview.refresh()
        self.conflicts.refresh()
        self.proposals.refresh()
        self.transfers.refresh()
        self.enrol.refresh()
        self._titles()

    def _titles(self) -> None:
        tr = self.tr_
        count = self.conflicts.model.rowCount()
        conflicts = tr(N_("Conflicts"))
        self.tabs.setTabText(0, tr(N_("Exchange")))
        self.tabs.setTabText(1, f"{conflicts} ({count})" if count else conflicts)
        waiting = self.proposals.waiting
        self.tabs.setTabText(2, f"{tr(PROPOSALS)} ({waiting})" if waiting else tr(PROPOSALS))
        self.tabs.setTabText(3, tr(N_("Dossier transfers")))
        self.tabs.setTabText(4, tr(N_("Enrolment")))

    def retranslate(self) -> None:
        self.heading.setText(self.tr_(N_("Sync")))
        for panel in (self.overview, self.conflicts, self.proposals, self.transfers, self.enrol):
            panel.retranslate()
        self._titles()
