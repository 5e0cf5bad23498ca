"""Nhật ký hệ thống: the chief (or the admin) browses the audit log, filters it by days,
account, action and record, reads whether the hash chain is intact, and prints it.

The window opens only for a role with Permission.AUDIT, and every read behind it goes through
:mod:`antt_desktop.services.audit_log`, which refuses the others too.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import ERROR_COLOUR
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.gui.settings.audit_model import AuditModel
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.texts.audit import action_text, chain_text
from antt_desktop.i18n.texts.audit_chain import CHAIN_CUT
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services.audit_log import (
    AuditFilter,
    ChainStatus,
    accounts_in_log,
    actions_in_log,
    chain_status,
)
from antt_desktop.services.changes import Changes, Kind

SOUND_COLOUR = "#1b5e20"
ALL = N_("(all)")


def _date_edit(today: QDate) -> QDateEdit:
    edit = QDateEdit(today)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setEnabled(False)
    return edit


class AuditBrowser(QDialog):
    """The audit log, newest entry first.

    Raises:
        PermissionDenied: the account's role may not read the audit log.
    """

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        with app.read() as ctx:
            ctx.require(Permission.AUDIT)
        self.app = app
        self.setObjectName("audit_browser")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1180, 640)
        self.model = AuditModel(app, self)
        self.printing = PrintLauncher(app, self)
        self.status: ChainStatus | None = None
        today = QDate(app.today().year, app.today().month, app.today().day)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.chain = QLabel()
        self.chain.setObjectName("audit_chain")
        self.chain.setWordWrap(True)
        #: the red line shown while the log is behind what the upper unit acknowledged
        self.cut_banner = QLabel()
        self.cut_banner.setObjectName("audit_cut")
        self.cut_banner.setWordWrap(True)
        self.cut_banner.setStyleSheet(
            f"background: {ERROR_COLOUR}; color: white; font-weight: bold; padding: 6px;"
        )
        self.cut_banner.hide()
        self.since_box, self.until_box = QCheckBox(), QCheckBox()
        self.since, self.until = _date_edit(today.addDays(-30)), _date_edit(today)
        self.account_label, self.account = QLabel(), QComboBox()
        self.action_label, self.action = QLabel(), QComboBox()
        self.record_label, self.record = QLabel(), QLineEdit()
        self.record.setClearButtonEnabled(True)
        for label, buddy in (
            (self.account_label, self.account),
            (self.action_label, self.action),
            (self.record_label, self.record),
        ):
            label.setBuddy(buddy)
        self.clear_button = QPushButton()
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(AuditModel.WIDTHS):
            self.table.setColumnWidth(column, width * max(self.fontMetrics().height(), 16) // 16)
        self.count = QLabel()
        self.print_button, self.close_button = QPushButton(), QPushButton()
        self.print_button.setObjectName("audit_print")
        self._layout()
        self._connect()
        self._fill_choices()
        self.check_chain()
        self.apply_filter()
        app.changes.language_changed.connect(self.retranslate)
        app.changes.changed.connect(self._on_changed)
        self.retranslate()

    # --- building ---------------------------------------------------------------------------
    def _layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.since_box, self.since, self.until_box, self.until):
            filters.addWidget(widget)
        filters.addSpacing(12)
        for label, field in (
            (self.account_label, self.account),
            (self.action_label, self.action),
            (self.record_label, self.record),
        ):
            filters.addWidget(label)
            filters.addWidget(field, 1 if field is self.record else 0)
        filters.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.cut_banner)
        layout.addWidget(self.chain)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for box, edit in ((self.since_box, self.since), (self.until_box, self.until)):
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.apply_filter())
            edit.dateChanged.connect(lambda _day: self.apply_filter())
        self.account.currentIndexChanged.connect(lambda _row: self.apply_filter())
        self.action.currentIndexChanged.connect(lambda _row: self.apply_filter())
        self.record.editingFinished.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filter)
        self.print_button.clicked.connect(self.print_log)
        self.close_button.clicked.connect(self.close)

    def _fill_choices(self) -> None:
        with self.app.read() as ctx:
            accounts, actions = accounts_in_log(ctx), actions_in_log(ctx)
        for combo, values in ((self.account, accounts), (self.action, actions)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            for value in values:
                combo.addItem(value, value)
            combo.blockSignals(False)

    # --- reading ------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        def day(box: QCheckBox, edit: QDateEdit) -> object:
            return edit.date().toPython() if box.isChecked() else None

        since, until = day(self.since_box, self.since), day(self.until_box, self.until)
        return AuditFilter(
            since=since,  # type: ignore[arg-type]
            until=until,  # type: ignore[arg-type]
            user=self.account.currentData(),
            action=self.action.currentData(),
            record=self.record.text().strip() or None,
        )

    def apply_filter(self) -> None:
        """Show the entries of the filter chosen; a range the wrong way round is named."""
        try:
            self.model.set_filter(self.current_filter())
        except ValidationFailed as exc:
            self.problem.setText("\n".join(describe(p, self.app.tr) for p in exc.problems))
            self.problem.show()
            return
        self.problem.clear()
        self.problem.hide()
        self._show_count()

    def _on_changed(self, changes: Changes) -> None:
        """A change that wrote an entry of the log: show it (the filter stays)."""
        if not changes.touches(Kind.AUDIT, Kind.ACCOUNT):
            return
        self.model.reload()
        self._show_count()

    def clear_filter(self) -> None:
        for widget in (self.since_box, self.until_box, self.account, self.action):
            widget.blockSignals(True)
        self.since_box.setChecked(False)
        self.until_box.setChecked(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.account.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.record.clear()
        for widget in (self.since_box, self.until_box, self.account, self.action):
            widget.blockSignals(False)
        self.apply_filter()

    def check_chain(self) -> ChainStatus:
        """Check the whole chain again and say in plain words whether it is intact."""
        with self.app.read() as ctx:
            self.status = chain_status(ctx)
        self._show_chain()
        return self.status

    def _show_chain(self) -> None:
        s = self.status
        if s is None:
            return
        tr = self.app.tr
        self.chain.setText(
            chain_text(s.entries, s.first_broken, len(s.broken), tr, guarded=not s.unguarded)
        )
        colour = SOUND_COLOUR if s.intact else ERROR_COLOUR
        self.chain.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.cut_banner.setText(tr(CHAIN_CUT) if s.cut else "")
        self.cut_banner.setVisible(bool(s.cut))
        # "intact" under the red line would contradict it: the entries agree with each other,
        # but not with what the upper unit holds
        self.chain.setVisible(not s.cut or s.first_broken is not None or bool(s.unguarded))

    def _show_count(self) -> None:
        count = fmt_int(self.model.rowCount(), self.app.tr)
        self.count.setText(self.app.tr(N_("{count} entries")).format(count=count))

    def print_log(self) -> None:
        """The filtered log in the administrative format, in the print preview."""
        f = self.model.filter
        self.printing.preview(lambda: print_jobs.audit_log_job(self.app, f))

    # --- words ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        tr = self.app.tr
        self.setWindowTitle(tr(N_("Audit log")))
        self.heading.setText(tr(N_("Audit log")))
        self.since_box.setText(tr(N_("F&rom")))
        self.until_box.setText(tr(N_("&To")))
        self.account_label.setText(tr(N_("Acco&unt:")))
        self.action_label.setText(tr(N_("Act&ion:")))
        self.record_label.setText(tr(N_("Re&cord:")))
        self.record.setPlaceholderText(tr(N_("the start of the record's id")))
        self.clear_button.setText(tr(N_("C&lear the filter")))
        self.print_button.setText(tr(N_("&Print the log…")))
        self.close_button.setText(tr(N_("Close")))
        self.account.setItemText(0, tr(ALL))
        self.action.setItemText(0, tr(ALL))
        for row in range(1, self.action.count()):
            self.action.setItemText(row, action_text(str(self.action.itemData(row)), tr))
        self._show_chain()
        self._show_count()
        self.model.retranslate()


def open_audit_browser(app: AppContext, parent: QWidget) -> AuditBrowser | None:
    """The audit log's window, or the refusal said to the officer (None)."""
    try:
        browser = AuditBrowser(app, parent)
    except ValidationFailed as exc:
        text = "\n".join(describe(p, app.tr) for p in exc.problems)
        QMessageBox.warning(parent, app.tr(N_("Audit log")), text)
        return None
    browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser.show()
    return browser
