"""The question an editor asks when its record was changed while it was open
(services/edit_guard.py): who changed it and when, the fields both sides changed, and that
what the officer typed is still there; "Lưu đè" or "Quay lại" (the default)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QMessageBox, QWidget

from antt_desktop.gui.common.form_support import GO_BACK, ask
from antt_desktop.i18n.messages import field_label, full_sentence, known_error
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.edit_guard import EditedMeanwhile

TITLE = N_("The record has changed")
BOTH = N_("You both changed: {fields}.")
KEPT = N_("What you typed is still in this window.")
CHOICE = N_(
    "Save over it writes the fields you changed onto the newer record;"
    " Go back lets you look again first."
)
GONE = N_("The record is gone: copy what you need from this window before closing it.")
SAVE_OVER = N_("Save &over it")
ASKED = N_("Save will ask whether to save over it.")


def conflict_text(exc: EditedMeanwhile, mine: Iterable[str], tr: Translator) -> str:
    """``Bản ghi vừa được Trần Văn B (canbo2) sửa lúc 14:32 ngày 06/12/2026.`` then the
    fields both sides changed (when known) and that the typed text is kept."""
    lines = [full_sentence(known_error(exc.code, exc.params, tr))]
    both = [f for f in exc.change.fields if f in set(mine)]
    if both:
        labels = ", ".join(field_label(f, tr) for f in both)
        lines.append(tr(BOTH).format(fields=labels))
    lines.append(tr(KEPT))
    return "\n".join(lines)


def ask_save_over(
    parent: QWidget, tr: Translator, exc: EditedMeanwhile, mine: Iterable[str]
) -> bool:
    """Show the change; True when the officer chose "Lưu đè" (a deleted record offers only
    "Quay lại")."""
    box = QMessageBox(parent)
    box.setObjectName("edited_meanwhile_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr(TITLE))
    box.setText(conflict_text(exc, mine, tr))
    save = None
    if not exc.change.deleted:
        box.setInformativeText(tr(CHOICE))
        save = box.addButton(tr(SAVE_OVER), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(tr(GONE))
    clicked = ask(box, box.addButton(tr(GO_BACK), QMessageBox.ButtonRole.RejectRole))
    return save is not None and clicked is save


def notice_text(exc: EditedMeanwhile, tr: Translator) -> str:
    """``Bản ghi vừa được … sửa lúc …. Khi lưu, anh/chị sẽ được hỏi có lưu đè không.``"""
    return f"{full_sentence(known_error(exc.code, exc.params, tr))} {tr(ASKED)}"


def changed_notice(dialog: QDialog) -> QLabel:
    """The warning line at the top of an open editor whose record somebody just changed
    (under the title when the editor's layout is a column, else as its own window line)."""
    label = QLabel(dialog)
    label.setObjectName("edited_meanwhile_notice")
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
        " padding: 4px 6px; }"
    )
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, label)
    return label
