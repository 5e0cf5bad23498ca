"""The "Hồ sơ đối tượng" page: managed persons (dossiers) and all residents, each a lazy
list with search as you type, filters, sorting in SQL and remembered columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.flow_layout import FlowLayout
from antt_desktop.gui.common.form_support import debounced
from antt_desktop.gui.common.lazy_model import ID_ROLE
from antt_desktop.gui.common.list_table import ListTable
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.dossiers.dialogs import OpenDossierDialog
from antt_desktop.gui.dossiers.model import DUE_OR_OVERDUE, OVERDUE_ONLY, DossierModel
from antt_desktop.gui.dossiers.purge_dialog import PurgeDialog
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.cccd_lookup import CardLookup
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.people.merge_dialog import MergeDialog
from antt_desktop.gui.people.model import PeopleModel, SqlListModel
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services import listing, people_rows
from antt_desktop.services.changes import Changes, Kind

T = TypeVar("T", bound=QDialog)

SEARCH_DELAY_MS = 150
TAB_DOSSIERS, TAB_PEOPLE = N_("Managed &persons"), N_("&Residents")
SEARCH_DOSSIERS = N_("Search by name, ID number or address (e.g. ng v duc)…")
COUNT = N_("{count} rows")
LOADING = N_("Loading…")
TRUNCATED = N_("Showing the {limit} best matches; type more to narrow the search.")
ALL = {
    "category": N_("All categories"),
    "status": N_("All states"),
    "area": N_("All residential areas"),
    "officer": N_("All officers"),
    "due": N_("Any assessment state"),
    "year": N_("Opened in any year"),
    "unit": N_("All posts"),
}
DUE_CHOICES = {DUE_OR_OVERDUE: N_("Assessment due or overdue"), OVERDUE_ONLY: N_("Overdue only")}
NEW_DOSSIER, NEW_PERSON = N_("&New dossier…"), N_("&New resident…")
OPEN_FOR_PERSON = N_("Open a &dossier for this person…")
MERGE_PEOPLE = N_("&Merge duplicate records…")
PURGE_PROPOSALS = N_("Proposed for &purging…")


class ListTab(QWidget):
    """A searchable, filterable list over a :class:`SqlListModel`."""

    def __init__(self, app: AppContext, model: SqlListModel, key: str, settings: QSettings) -> None:
        super().__init__()
        self.app, self.model, self.key, self.settings = app, model, key, settings
        self.search = QLineEdit()
        self.search.setObjectName(f"{key}_search")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.count = QLabel()
        self._count_size = QLabel(self)  # never shown: measures the count's text
        self._count_size.hide()
        self.note = QLabel()
        self.filters: dict[str, QComboBox] = {}
        # filters each as wide as its longest choice, wrapping onto more lines on a narrow
        # screen (a 1024-pixel screen or the large font never cuts "Mọi tình trạng nhận xét")
        self.filter_row = FlowLayout()
        self.view = ListTable(app, model, key, widths=getattr(model, "WIDTHS", ()), legacy=settings)
        self.view.setObjectName(f"{key}_table")
        self.top = QHBoxLayout()
        self.top.addWidget(self.search, 1)
        self.top.addWidget(self.new_button)
        # the results change at every keystroke of a search: the list keeps its scroll bar
        # (a short result would otherwise take it away, widen the list and refit every
        # column, twice the window's work for that keystroke), and the note's room is held
        # (below) so that its coming and going changes no layout
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.note)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._timer = debounced(self, self._apply_search, SEARCH_DELAY_MS)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        model.loaded.connect(self._update_count)
        self._pending = False

    def request_reload(self) -> None:
        """Load the list again now if it is on screen, else when its tab is next shown
        (the hidden list of 450,000 residents is not read for nothing)."""
        if self.isVisible():
            self._pending = False
            self.model.reload()
        else:
            self._pending = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._pending = False
            self.model.reload()

    def add_filter(self, name: str, apply: Callable[[Any], None]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"{self.key}_{name}_filter")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(320)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        def changed(_index: int) -> None:
            apply(combo.currentData())
            self.model.reload()

        combo.currentIndexChanged.connect(changed)
        self.filters[name] = combo
        self.filter_row.addWidget(combo)
        return combo

    def set_choices(self, name: str, items: list[tuple[Any, str]], keep: Any = None) -> None:
        """Fill a filter (first item: "all") without reloading the list."""
        combo = self.filters[name]
        current = combo.currentData() if keep is None else keep
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.app.tr(ALL[name]), None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _apply_search(self) -> None:
        self.model.search_text = self.search.text()
        self.model.reload()

    def _update_count(self, *_args: object) -> None:
        tr = self.app.tr
        n = fmt_int(self.model.rowCount(), tr)
        loading = self.model.loading
        self.count.setText(tr(COUNT).format(count=n) + (f" — {tr(LOADING)}" if loading else ""))
        # The count is held at the widest its text has been (its room kept after it): a
        # count that changes ("50 dòng" after "300 dòng — Đang tải…", at each keystroke of
        # a search) then changes no layout, which in a tab would lay the whole window out
        # again. (measured on a hidden twin: a label held at a size keeps its old size hint)
        self._count_size.setText(self.count.text())
        hint, held = self._count_size.sizeHint(), self.count.maximumSize()
        if held.height() != hint.height() or held.width() < hint.width():  # a new font, or
            self.count.setFixedSize(hint)  # a longer count
        limit = fmt_int(self.model.SEARCH_LIMIT, tr)
        message = tr(TRUNCATED).format(limit=limit)
        self._count_size.setText(message)  # the note held at the size of its one message
        hint = self._count_size.sizeHint()
        if self.note.minimumSize() != hint or self.note.maximumSize() != hint:
            self.note.setFixedSize(hint)
        self.note.setText(message if self.model.truncated else "")

    # --- remembered columns (common/list_table.py) -------------------------------------------
    def set_column_visible(self, column: int, visible: bool) -> None:
        self.view.set_column_shown(column, visible)

    def column_menu(self) -> QMenu:
        return self.view.column_menu()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_id(self, ident: str) -> bool:
        row = self.model.row_of(ident)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True


class DossiersPage(Page):
    """Managed persons and residents (Hồ sơ đối tượng)."""

    title = N_("Managed persons")

    def __init__(
        self, app: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(app, parent)
        self.setObjectName("dossiers_page")
        # where versions before 0.2 kept these lists' columns (the user's Qt settings): moved
        # into the post's settings file the first time each list opens (common/list_table.py)
        self.settings = settings if settings is not None else QSettings("ANTT", "ANTT Desktop")
        self.views: dict[str, DossierView] = {}
        self.dialog: QWidget | None = None
        self.dossier_model = DossierModel(app, self)
        self.people_model = PeopleModel(app, self)
        self.dossiers = ListTab(app, self.dossier_model, "dossiers", self.settings)
        self.people = ListTab(app, self.people_model, "people", self.settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dossiers, "")
        self.tabs.addTab(self.people, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._build_filters()
        self.dossiers.new_button.clicked.connect(self.new_dossier)
        self.people.new_button.clicked.connect(self.new_person)
        self.open_for_person = QPushButton()
        self.open_for_person.clicked.connect(lambda: self.new_dossier(self.people.current_id()))
        self.people.top.addWidget(self.open_for_person)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("merge_people_button")
        self.merge_button.clicked.connect(lambda: self.merge_people(self.people.current_id()))
        self.merge_button.setVisible(app.may(Permission.WRITE))
        self.people.top.addWidget(self.merge_button)
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("purge_proposals_button")
        self.purge_button.clicked.connect(self.open_purge_proposals)
        self.purge_button.setVisible(app.may(Permission.PURGE))  # the chief's
        self.dossiers.top.addWidget(self.purge_button)
        self.dossiers.view.activated.connect(self._open_dossier_at)
        self.people.view.activated.connect(self._edit_person_at)
        self._single_post: str | None = None
        # a citizen ID card scanned into a search box opens its holder or offers to add them
        self.card_lookup = CardLookup(
            app,
            self,
            lambda holder: self.new_person(holder.person_id),
            lambda card: self.new_person().fill_from_card(card.person_values()),
        ).watch(self.dossiers.search, self.people.search)
        self.retranslate()

    # --- filters ------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        d, m = self.dossiers, self.dossier_model
        d.add_filter("category", lambda v: setattr(m, "category_code", v))
        d.add_filter("status", lambda v: setattr(m, "status", v))
        d.add_filter("due", lambda v: setattr(m, "due", v or ""))
        d.add_filter("officer", lambda v: setattr(m, "officer", v))
        d.add_filter("year", lambda v: setattr(m, "year", v))
        d.add_filter("area", lambda v: setattr(m, "area_id", v))
        d.add_filter("unit", lambda v: self._set_unit(v))
        p = self.people
        p.add_filter("area", lambda v: setattr(self.people_model, "area_id", v))
        p.add_filter("unit", lambda v: self._set_unit(v))

    def _set_unit(self, unit_id: str | None) -> None:
        """The post filter applies to both lists (and chooses whose areas are listed)."""
        for tab in (self.dossiers, self.people):
            tab.model.unit_id = unit_id
            combo = tab.filters["unit"]
            if combo.currentData() != unit_id:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(unit_id)))
                combo.blockSignals(False)
        self._fill_areas()
        other = self.people if self.tabs.currentWidget() is self.dossiers else self.dossiers
        other.request_reload()

    def _fill_areas(self) -> None:
        unit_id = self.dossier_model.unit_id or self._single_post
        with self.app.read() as ctx:
            areas = list(people_rows.areas_of(ctx, unit_id)) if unit_id else []
        for tab, model in ((self.dossiers, self.dossier_model), (self.people, self.people_model)):
            tab.set_choices("area", areas)
            tab.filters["area"].setEnabled(bool(areas))
            model.area_id = tab.filters["area"].currentData()

    def _fill_choices(self) -> None:
        tr = self.app.tr
        with self.app.read() as ctx:
            choices = listing.dossier_choices(ctx)
        posts = choices.posts
        self._single_post = posts[0][0] if len(posts) == 1 else None
        d = self.dossiers
        cats = [(code, vi if tr.lang == "vi" else en) for code, vi, en in choices.categories]
        d.set_choices("category", cats)
        statuses = [(k, tr(v)) for k, v in DOSSIER_STATUSES.items()]
        d.set_choices("status", statuses, keep=self.dossier_model.status or "")
        d.set_choices("due", [(k, tr(v)) for k, v in DUE_CHOICES.items()])
        d.set_choices("officer", [(o, o) for o in choices.officers])
        d.set_choices("year", [(y, str(y)) for y in choices.years])
        unit_items = list(posts)
        for tab in (self.dossiers, self.people):
            tab.set_choices("unit", unit_items)
            tab.filters["unit"].setVisible(len(posts) > 1)
        self._fill_areas()

    # --- Page contract ------------------------------------------------------------------------
    def retranslate(self) -> None:
        tr = self.tr_
        self.tabs.setTabText(0, tr(TAB_DOSSIERS))
        self.tabs.setTabText(1, tr(TAB_PEOPLE))
        for tab in (self.dossiers, self.people):
            tab.search.setPlaceholderText(tr(SEARCH_DOSSIERS))
            tab.search.setAccessibleName(tr(SEARCH_DOSSIERS))
            last = tab.model.columnCount() - 1
            tab.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
            for name, combo in tab.filters.items():
                combo.setToolTip(tr(ALL[name]))
                combo.setAccessibleName(tr(ALL[name]))
        self.dossiers.new_button.setText(tr(NEW_DOSSIER))
        self.people.new_button.setText(tr(NEW_PERSON))
        self.open_for_person.setText(tr(OPEN_FOR_PERSON))
        self.merge_button.setText(tr(MERGE_PEOPLE))
        self.purge_button.setText(tr(PURGE_PROPOSALS))
        self._fill_choices()
        for tab in (self.dossiers, self.people):
            tab.request_reload()  # the rows hold translated words

    def refresh(self, changes: Changes) -> None:
        if changes.touches(Kind.DOSSIER, Kind.ASSESSMENT, Kind.PERSON, Kind.CATEGORY, Kind.UNIT):
            self._fill_choices()
            self.dossiers.request_reload()
        if changes.touches(Kind.PERSON, Kind.HOUSEHOLD, Kind.AREA, Kind.UNIT):
            self.people.request_reload()

    def new_record(self) -> None:
        if self.tabs.currentWidget() is self.people:
            self.new_person()
        else:
            self.new_dossier()

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ListTab):
            tab.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            tab.search.selectAll()

    def open_first_record(self) -> DossierView | None:
        """Open the first dossier of the list (the app's self-test uses it)."""
        model = self.dossier_model
        ids = [model.id_at(0)] if model.rowCount() else model.fetch_ids()  # still loading
        return self.open_dossier(ids[0]) if ids else None

    # --- actions -------------------------------------------------------------------------------
    def open_dossier(self, dossier_id: str) -> DossierView:
        view = self.views.get(dossier_id)
        if view is None or not view.isVisible():
            view = DossierView(self.app, dossier_id, self.window())
            self.views[dossier_id] = view
            view.finished.connect(lambda _r, i=dossier_id: self.views.pop(i, None))
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def _open_dossier_at(self, index: QModelIndex) -> None:
        self.open_dossier(str(index.data(ID_ROLE)))

    def _edit_person_at(self, index: QModelIndex) -> None:
        self.new_person(str(index.data(ID_ROLE)))

    def new_person(self, person_id: str | None = None) -> PersonEditor:
        self.tabs.setCurrentWidget(self.people)
        editor = PersonEditor(self.app, person_id, self)
        editor.saved.connect(self._person_saved)
        return self._show(editor)

    def merge_people(self, person_id: str | None) -> MergeDialog | None:
        """Gộp hồ sơ trùng: merge another record into the selected resident."""
        if person_id is None:
            self.people.view.setFocus()
            return None
        dialog = MergeDialog(self.app, person_id, self)
        return self._show(dialog)

    def open_purge_proposals(self) -> PurgeDialog:
        """The closed dossiers past their retention period, for the chief to purge."""
        return self._show(PurgeDialog(self.app, self))

    def new_dossier(self, person_id: str | None = None) -> OpenDossierDialog:
        dialog = OpenDossierDialog(self.app, person_id, self)
        dialog.saved.connect(self._dossier_saved)
        return self._show(dialog)

    def _show(self, dialog: T) -> T:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _person_saved(self, person_id: str) -> None:
        self._select_when_loaded(self.people, person_id)

    def _dossier_saved(self, dossier_id: str) -> None:
        self.tabs.setCurrentWidget(self.dossiers)
        self._select_when_loaded(self.dossiers, dossier_id)

    def _select_when_loaded(self, tab: ListTab, ident: str) -> None:
        if not tab.model.loading and tab.select_id(ident):
            return

        def select() -> None:
            tab.model.loaded.disconnect(select)
            tab.select_id(ident)

        tab.model.loaded.connect(select)
