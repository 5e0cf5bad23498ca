"""The one editor framework: every dialog that writes a record is a :class:`RecordDialog`,
with validation as the officer types (each problem under its field, in Vietnamese), Ctrl+S
to save, and the unsaved-changes question on Esc or close. The pieces it is built of (the
problem lines, the question, mnemonics) are in :mod:`antt_desktop.gui.common.form_support`.

A dialog subclasses :class:`RecordDialog`, registers its input widgets with :meth:`watch`
(each under the service's field name) — or lays out a plain form with :meth:`lay_out` —
and implements :meth:`check` (the problems of the input as typed, from the service's
``check_…`` function run in a read: nothing is written until Save) and :meth:`write` (the
service call that saves, which runs the same check first).

Nothing typed is lost: the multi-line texts of an open editor are kept as a draft every few
seconds (:mod:`antt_desktop.gui.common.drafts`), removed when it is saved or its changes
discarded; what the editor was opened with (its arguments, recorded here for every subclass)
lets the draft open the same editor again after a crash. The shell asks once for all the
unsaved editors before it closes (:mod:`antt_desktop.gui.common.leaving`).
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common import form_support
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.drafts import DRAFT_INTERVAL_MS, DraftKeeper, text_fields
from antt_desktop.gui.common.edit_conflict import ask_save_over, changed_notice, notice_text
from antt_desktop.gui.common.form_support import (
    SAVE,
    VALIDATE_DELAY_MS,
    Answer,
    FieldProblems,
    debounced,
    label_fields,
    mnemonic_of,
)
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import N_
from antt_desktop.services import edit_guard
from antt_desktop.services.changes import Changes
from antt_desktop.services.context import Ctx


def signal_of(widget: QWidget) -> Any:
    """The signal a widget emits when its value changes."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractSpinBox):
        return widget.valueChanged  # type: ignore[attr-defined]
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return getattr(widget, "changed", None)


def _row_in(form: QFormLayout, row: QWidget | QLayout) -> int:
    """The row of ``row`` (a widget, or a layout nested in the form) in ``form``, -1 when
    the form does not hold it."""
    position: Any = (
        form.getLayoutPosition(row) if isinstance(row, QLayout) else form.getWidgetPosition(row)
    )
    return int(position[0])


def group_of(field: str) -> str:
    """``recipients[2].achievement`` → ``recipients``; ``scores.crime`` → ``scores``."""
    return field.split(".", 1)[0].split("[", 1)[0]


_JSON_SCALARS = (str, int, float, bool, type(None))


class RecordDialog(QDialog):
    """An editor dialog with live validation, Ctrl+S, an unsaved-changes guard, and drafts
    of its long texts."""

    #: how often the long texts are kept as a draft (tests make it short)
    draft_interval_ms = DRAFT_INTERVAL_MS
    #: (``__init__``, args, kwargs) of the most derived editor class, recorded as it opened
    _opening: tuple[Callable[..., None], tuple[Any, ...], dict[str, Any]] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Record what every editor is opened with, so a draft can open it again."""
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is None:
            return

        @functools.wraps(init)
        def opening(self: RecordDialog, *args: Any, **kw: Any) -> None:
            if self._opening is None:  # the most derived class's arguments
                self._opening = (init, args, kw)
            init(self, *args, **kw)

        cls.__init__ = opening  # type: ignore[method-assign]

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.draft_id = str(uuid.uuid4())
        self.drafts: DraftKeeper | None = None
        self._draft_label: str | None = None
        self._watched: dict[QWidget, str] = {}
        self.tr_ = app.tr
        self._save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self._save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._save_shortcut.activated.connect(self.try_save)
        self.save_button: QAbstractButton | None = None
        self.dirty = False
        self.result_record: Any = None
        self.problems: list[Problem] = []
        self.shown: list[Problem] = []
        self._forms: list[QFormLayout] = []
        self._field_problems: FieldProblems | None = None
        self._fields: set[str] = set()
        self._touched: set[str] = set()
        self._show_all = False
        self._timer = debounced(self, self._validate_later, VALIDATE_DELAY_MS)
        #: the versions of the records this editor opened (its save is refused when one
        #: changed meanwhile: services/edit_guard.py)
        self.guarded: list[edit_guard.Opened] = []
        #: the line telling, as soon as it is known, that somebody changed the record
        self.changed_notice: QLabel | None = None
        self._saving = False
        app.changes.changed.connect(self._records_changed)

    # --- for subclasses ---------------------------------------------------------------------
    def check(self) -> list[Problem]:
        """The problems of the input as typed now (nothing is written)."""
        return []

    def write(self, ctx: Ctx) -> Any:
        """Save through the service (raises ValidationFailed when refused)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text again."""

    def _records_changed(self, changes: Changes) -> None:
        """Some records were written (here, or at another desk of the server): when this
        editor's record is among them, say who changed it and when — before the officer
        types on and is asked at Save."""
        if self._saving or not self.guarded or not self.isVisible():
            return
        touched = False
        for version in self.guarded:
            ids = changes.ids(edit_guard.table_of(version))
            touched = touched or (ids is None and changes.touches(edit_guard.table_of(version)))
            touched = touched or bool(ids and version.record_id in ids)
        if not touched:
            return
        with self.app.read() as ctx:
            change = edit_guard.changed_since(ctx, self.guarded)
        if change is not None:
            self._show_changed(change)

    def _show_changed(self, change: edit_guard.LastChange | None) -> None:
        if change is None:
            if self.changed_notice is not None:
                self.changed_notice.hide()
            return
        if self.changed_notice is None:
            self.changed_notice = changed_notice(self)
        self.changed_notice.setText(notice_text(edit_guard.EditedMeanwhile(change), self.tr_))
        self.changed_notice.show()

    def guard(self, ctx: Ctx, entity: str, record_id: str | None) -> None:
        """Remember the version of the record this editor shows (read in ``ctx``, the read
        its values came from): saving over somebody's later change is then asked first."""
        version = edit_guard.opened(ctx, entity, record_id)
        if version is not None:
            self.guarded.append(version)

    # --- wiring -----------------------------------------------------------------------------
    def use_buttons(self, box: QDialogButtonBox, general: QLabel, *forms: QFormLayout) -> None:
        """Save and Cancel from ``box``; each problem shown under its field in the form
        layout that holds it (one of ``forms``), those of other fields in ``general``."""
        box.setStandardButtons(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.try_save)
        box.rejected.connect(self.reject)
        self.button_box = box
        self.save_button = box.button(QDialogButtonBox.StandardButton.Save)
        self._forms = list(forms)
        self._field_problems = FieldProblems(self.app.tr, general, self)

    def lay_out(self, title: str, fields: list[tuple[str, QWidget]]) -> QFormLayout:
        """Lay out a plain editor of ``fields`` (``(field, widget)`` pairs, top to bottom):
        each field's translated name with a mnemonic, its problem line under it, a line for
        the other problems, then Save / Cancel. Every widget is watched; the labels are in
        ``self.labels``, the widgets in ``self.widgets``. Returns the form layout."""
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.widgets: dict[str, QWidget] = dict(fields)
        self.labels: dict[str, QLabel] = {}
        for field, widget in fields:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[field] = label
            self.form.addRow(label, widget)
        general = QLabel()
        general.setObjectName("general_problem")
        layout.addWidget(general)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons, general, self.form)
        for field, widget in fields:
            self.watch(field, widget)
        self.retranslate_buttons()
        label_fields(self.tr_, self.labels, extra=mnemonic_of(self.tr_(SAVE)))
        return self.form

    def retranslate_buttons(self) -> None:
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        save.setText(self.tr_(SAVE))
        save.setToolTip(self.tr_(N_("Save (Ctrl+S)")))
        cancel.setText(self.tr_(N_("Cancel")))
        cancel.setToolTip(self.tr_(N_("Cancel (Esc)")))

    def watch(self, field: str, widget: QWidget, row: QWidget | QLayout | None = None) -> None:
        """Validate again when ``widget`` changes; the problems of ``field`` are shown under
        ``row`` (the widget, or the layout, in the form's row; by default ``widget``)."""
        row = widget if row is None else row
        self._watched.setdefault(widget, field)
        form = next((f for f in self._forms if _row_in(f, row) >= 0), None)
        if form is not None and self._field_problems is not None and field not in self._fields:
            if isinstance(row, QLayout):
                self._field_problems.attach(form, field, widget, row)
            else:
                self._field_problems.attach(form, field, row)
            self._fields.add(field)
        signal = signal_of(widget)
        if signal is not None:
            signal.connect(lambda *_a, f=field: self.touch(f))

    def touch(self, field: str) -> None:
        """The officer changed ``field``: validate again shortly."""
        self.dirty = True
        self._touched.add(field)
        self._timer.start()

    # --- drafts -----------------------------------------------------------------------------
    def editor_name(self) -> str:
        """``module:Class``: the editor a draft opens again."""
        return f"{type(self).__module__}:{type(self).__qualname__}"

    def opened_with(self) -> dict[str, Any] | None:
        """The arguments the editor was opened with, but the context and the parent (the
        record it edits: ``{"dossier_id": …, "replacing": …}``); None when one of them is
        not a plain value, so the editor cannot be opened again from a draft."""
        if self._opening is None:
            return {}
        init, args, kw = self._opening
        try:
            bound = inspect.signature(init).bind(self, *args, **kw)
        except TypeError:
            return None
        values: dict[str, Any] = {}
        for name, value in list(bound.arguments.items())[1:]:
            kind = inspect.signature(init).parameters[name].kind
            if kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                return None
            if name == "parent" or isinstance(value, AppContext | QObject):
                continue
            if not isinstance(value, _JSON_SCALARS):
                return None
            values[name] = value
        return values

    def record_label(self) -> str:
        """What the record is called where the editor is named to the officer (in the
        question before the program closes, in a draft): the person of a dossier, the
        record window the editor was opened from, or the first line the officer typed in.
        An editor may say better by overriding this."""
        subject = self.findChild(QLabel, "subject_label")
        if subject is not None and subject.text().strip():
            return subject.text().split(" — ")[0].strip()
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        if window is not None and not isinstance(window, QMainWindow) and window.windowTitle():
            return window.windowTitle()
        if self._draft_label:
            return ""
        title = self.windowTitle()
        for widget, field in self._watched.items():
            typed = field in self._touched  # not a default the editor filled in
            if typed and isinstance(widget, QLineEdit) and widget.text().strip():
                text = widget.text().strip()
                return "" if text in title else text
        return ""

    def draft_label(self) -> str:
        """The editor and its record, e.g. "Viết nhận xét — Nguyễn Văn A"."""
        record = self.record_label()
        if not record and self._draft_label:
            return self._draft_label
        title = self.windowTitle().strip() or type(self).__name__
        return f"{title} — {record}" if record else title

    def draft_texts(self) -> dict[str, str]:
        """The multi-line texts typed in the editor, by field."""
        return {k: e.toPlainText() for k, e in text_fields(self, self._watched).items()}

    def adopt_draft(self, draft_id: str, label: str, texts: dict[str, str]) -> None:
        """Open as the editor of draft ``draft_id``: its texts typed back in (the editor
        counts as changed), the draft kept until this editor is saved or discarded."""
        self.draft_id = draft_id
        self._draft_label = label
        self._start_drafts()  # what the editor opened with, before the draft is typed in
        edits = text_fields(self, self._watched)
        for key, text in texts.items():
            edit = edits.get(key)
            if edit is not None:
                edit.setPlainText(text)
        if self.drafts is not None:
            self.drafts.adopt(texts)
        self.dirty = True

    def _start_drafts(self) -> None:
        if self.drafts is None and text_fields(self, self._watched):
            self.drafts = DraftKeeper(self, self, self.draft_interval_ms)

    def keep_draft(self) -> bool:
        """Keep the texts now (the session locks, the program is asked to close)."""
        return self.drafts.keep_now() if self.drafts is not None else False

    def _forget_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.forget()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start_drafts()  # after the subclass filled the record in

    # --- validation -------------------------------------------------------------------------
    def _validate_later(self) -> None:
        self.validate_now()

    def validate_now(self) -> list[Problem]:
        """Check the input and show the problems of the fields already touched."""
        self._timer.stop()
        if not self.isVisible():
            return self.problems
        self.problems = self.check()
        self.show_problems(
            self.problems if self._show_all else [p for p in self.problems if self._seen(p)]
        )
        return self.problems

    def _seen(self, problem: Problem) -> bool:
        return problem.field in self._touched or group_of(problem.field) in self._touched

    def show_problems(self, problems: Iterable[Problem]) -> None:
        self.shown = list(problems)
        if self._field_problems is not None:
            self._field_problems.show(self.shown)

    def problem_text(self) -> str:
        """Every problem shown, one sentence each naming its field."""
        return "\n".join(describe(p, self.app.tr) for p in self.shown)

    def field_problem(self, field: str) -> str:
        """The problem line shown under ``field`` (empty when none)."""
        if self._field_problems is None:
            return ""
        label = self._field_problems.label(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # --- save / cancel ----------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.dirty

    def can_save(self) -> bool:
        return self.save_button is None or self.save_button.isEnabled()

    def try_save(self) -> None:
        """Ctrl+S or the Save button: save and close when it worked."""
        if self.can_save() and self.save():
            self.accept()

    def reject(self) -> None:
        """Esc, Cancel or closing the window: ask "Lưu thay đổi?" first when there are
        changes (Quay lại keeps the dialog, Lưu saves and closes if the save works)."""
        if self.is_dirty():
            answer = form_support.ask_save_changes(self, self.tr_)
            if answer is Answer.BACK:
                return
            if answer is Answer.SAVE:
                self.try_save()
                return
        self.discard_changes()

    def discard_changes(self) -> None:
        """Close without saving and without asking (the officer chose "Bỏ thay đổi");
        the draft goes too."""
        self._forget_draft()
        self.dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    def save(self) -> bool:
        """Write through the service; on refusal show every problem and keep the dialog."""
        self._show_all = True
        self._timer.stop()
        self._saving = True
        try:
            with self.app.write() as ctx:
                edit_guard.check_unchanged(ctx, self.guarded)
                self.result_record = self.write(ctx)
        except edit_guard.EditedMeanwhile as exc:
            self._saving = False
            if not ask_save_over(self, self.tr_, exc, self._touched):
                return False
            with self.app.read() as ctx:  # "Lưu đè": over the version there is now
                self.guarded = [
                    v
                    for g in self.guarded
                    if (v := edit_guard.opened(ctx, g.entity, g.record_id)) is not None
                ]
            self._show_changed(None)
            return self.save()
        except ValidationFailed as exc:
            self.problems = exc.problems
            self.show_problems(exc.problems)
            return False
        finally:
            self._saving = False
        self.dirty = False  # app.write() announced what the save wrote
        self._forget_draft()
        return True

    def done(self, result: int) -> None:
        self._timer.stop()  # a closed editor validates nothing more
        if self.drafts is not None:
            self.drafts.stop()  # a closed editor keeps no more drafts
        super().done(result)


def inform(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Show a message without blocking (the box is returned, e.g. for tests to read)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.open()
    return box


def run_change(parent: QWidget, app: AppContext, call: Callable[[Ctx], Any]) -> bool:
    """Make one change through a service; a refusal is shown in a message naming the
    fields (``app.write()`` announces what it wrote when it succeeds)."""
    try:
        with app.write() as ctx:
            call(ctx)
    except ValidationFailed as exc:
        lines = "\n".join(f"• {describe(p, app.tr)}" for p in exc.problems)
        inform(parent, app.tr(N_("Not saved")), lines)
        return False
    return True
