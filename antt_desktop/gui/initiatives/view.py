"""One initiative: its particulars with funding and assets, its activities, evaluations and
commendations, each on a tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import ListTab, fill_commendations
from antt_desktop.gui.common.records_list import RecordView
from antt_desktop.gui.common.records_widgets import catalogue_names, fill_table, named, setup_table
from antt_desktop.gui.initiatives.activity_dialog import ActivityDialog
from antt_desktop.gui.initiatives.dialog import InitiativeDialog
from antt_desktop.gui.initiatives.evaluation_dialog import EvaluationDialog
from antt_desktop.gui.initiatives.model import STATUS_LABELS
from antt_desktop.gui.initiatives.tabs import decision_text, fill_activities, fill_evaluations
from antt_desktop.i18n.formatting import fmt_date, fmt_int, fmt_money
from antt_desktop.i18n.texts.initiatives import FUNDING_SOURCES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues, initiative_rows
from antt_desktop.store.errors import NotFound

#: (field, label) of the particulars shown on the first tab.
INFO_ROWS = (
    ("type", N_("Type of initiative")),
    ("status", N_("Status")),
    ("launched", N_("Launched on")),
    ("decision", N_("Founding decision")),
    ("lead_body", N_("Lead body")),
    ("partners", N_("Partner bodies")),
    ("members", N_("Number of members")),
    ("areas", N_("Residential areas covered")),
    ("description", N_("Description")),
)


class InitiativeView(RecordView):
    """The initiative page with the tabs Thông tin, Hoạt động, Đánh giá, Khen thưởng."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: QDialog | None = None
        self.back_button = named(QPushButton(self), "backButton")
        self.back_button.clicked.connect(self.back.emit)
        self.title = named(QLabel(), "titleLabel", wordWrap=True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.edit_button = named(QPushButton(self), "editButton")
        self.edit_button.clicked.connect(self.edit)
        self.tabs = named(QTabWidget(), "tabs")
        self.info_tab = named(QWidget(), "infoTab")
        self.info_form = QFormLayout()
        self.info_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key, _label in INFO_ROWS:
            caption, value = QLabel(), named(QLabel(), f"{key}Value", wordWrap=True)
            self.info_form.addRow(caption, value)
            self.info_labels[key] = (caption, value)
        self.funding_box = named(QGroupBox(), "fundingBox")
        self.funding = named(QTableWidget(), "fundingTable")
        self.funding_total = named(QLabel(), "fundingTotal")
        self.assets_box = named(QGroupBox(), "assetsBox")
        self.assets = named(QTableWidget(), "assetsTable")
        for table in (self.funding, self.assets):
            setup_table(table, stretch=0)
        funding_layout = QVBoxLayout(self.funding_box)
        funding_layout.addWidget(self.funding)
        funding_layout.addWidget(self.funding_total)
        QVBoxLayout(self.assets_box).addWidget(self.assets)
        right = QVBoxLayout()
        right.addWidget(self.funding_box)
        right.addWidget(self.assets_box)
        info = QHBoxLayout(self.info_tab)
        form_body = QWidget()
        form_body.setLayout(self.info_form)
        form_scroll = QScrollArea()  # a long description on a small screen scrolls, uncut
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_body)
        info.addWidget(form_scroll, 3)
        info.addLayout(right, 2)
        self.activities_tab = ListTab(app, "activitiesTab")
        self.activity_button = self.activities_tab.add_button("activityButton")
        self.activity_button.clicked.connect(self.record_activity)
        self.activities_tab.finish_buttons()
        self.evaluations_tab = ListTab(app, "evaluationsTab")
        self.evaluate_button = self.evaluations_tab.add_button("evaluateButton")
        self.evaluate_button.clicked.connect(self.evaluate)
        self.evaluations_tab.finish_buttons()
        self.commendations_tab = ListTab(app, "commendationsTab")
        for tab in (
            self.info_tab,
            self.activities_tab,
            self.evaluations_tab,
            self.commendations_tab,
        ):
            self.tabs.addTab(tab, "")
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        t = self.tr_
        self.back_button.setText(t(N_("← &List")))
        self.back_button.setToolTip(t(N_("Back to the list (Alt+Left)")))
        self.edit_button.setText(t(N_("&Edit initiative")))
        for i, text in enumerate(
            (N_("&Information"), N_("&Activities"), N_("E&valuations"), N_("&Commendations"))
        ):
            self.tabs.setTabText(i, t(text))
        for key, label in INFO_ROWS:
            self.info_labels[key][0].setText(f"{t(label)}:")
        self.funding_box.setTitle(t(N_("Funding by source")))
        self.assets_box.setTitle(t(N_("Equipment and assets")))
        self.activity_button.setText(t(N_("&Record an activity")))
        self.evaluate_button.setText(t(N_("&Score the initiative")))
        self.reload()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def edit(self) -> None:
        if self.record_id:
            self._open(InitiativeDialog(self.app, self.record_id, parent=self))

    def record_activity(self) -> None:
        if self.record_id:
            self.tabs.setCurrentWidget(self.activities_tab)
            self._open(ActivityDialog(self.app, self.record_id, parent=self))

    def evaluate(self) -> None:
        if self.record_id:
            self.tabs.setCurrentWidget(self.evaluations_tab)
            self._open(EvaluationDialog(self.app, self.record_id, parent=self))

    def reload(self) -> None:
        if self.record_id is None:
            return
        t, tr = self.tr_, self.app.tr
        try:
            with self.app.read() as ctx:
                ini = initiative_rows.initiative_page(ctx, self.record_id)
                activities = initiative_rows.activities_of(ctx, self.record_id)
                evaluations = initiative_rows.evaluations_of(ctx, self.record_id)
        except NotFound:
            self.back.emit()
            return
        types = catalogue_names(self.app, catalogues.INITIATIVE_TYPE)
        self.title.setText(ini.name)
        values = {
            "type": types.get(ini.type_code, ini.type_name),
            "status": t(STATUS_LABELS.get(ini.status, ini.status))
            + (f" ({fmt_date(ini.ended_on, tr)})" if ini.ended_on else ""),
            "launched": fmt_date(ini.launched_on, tr),
            "decision": decision_text(
                ini.decision_number, ini.decision_date, ini.decision_issuer, self.app
            ),
            "lead_body": ini.lead_body or "",
            "partners": ini.partners or "",
            "members": fmt_int(ini.member_count, tr) if ini.member_count is not None else "",
            "areas": ", ".join(a.name for a in ini.areas),
            "description": ini.description or "",
        }
        for key, text in values.items():
            self.info_labels[key][1].setText(text)
        fill_table(
            self.funding,
            [t(N_("Source")), t(N_("Amount"))],
            [
                (source, (t(FUNDING_SOURCES.get(source, source)), fmt_money(amount, tr)))
                for source, amount in ini.funding_by_source
            ],
        )
        self.funding_total.setText(
            t(N_("Total funding: {amount}")).format(amount=fmt_money(ini.funding_total, tr))
        )
        fill_table(
            self.assets,
            [t(N_("Equipment or asset")), t(N_("Quantity"))],
            [(a.id, (a.kind, fmt_int(a.count, tr))) for a in ini.assets],
        )
        for table in (self.funding, self.assets):  # titles whole, even with the large font
            header = table.horizontalHeader()
            titles = sum(header.sectionSizeHint(c) for c in range(header.count()))
            table.setMinimumWidth(titles + 2 * table.frameWidth() + 4)
        fill_activities(self.activities_tab, activities, ini.activities)
        fill_evaluations(self.evaluations_tab, evaluations)
        fill_commendations(self.commendations_tab, "initiative", ini.id)
