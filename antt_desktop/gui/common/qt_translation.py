"""Qt's own texts (dialog buttons, file dialogs, wizards) through our gettext catalogues.

Qt asks every installed :class:`QTranslator` for each of its strings ("&Yes", "Cancel",
"Look in:"...). :class:`GettextQtTranslator` answers from the same catalogues as the rest of
the application (the Vietnamese for Qt's standard texts lives in ``gui_shell.po`` under a
``qt|`` context), so one language switch changes everything, without a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from antt_desktop.i18n.translator import Translator

if TYPE_CHECKING:  # the application's context pulls in the database layer
    from antt_desktop.gui.common.context import AppContext

#: Qt's texts are kept in the catalogue as "qt|&Yes", so that a short word of Qt's ("Open",
#: "Close") never overrides the same word in the application's own texts, nor the reverse:
#: an application text "Print" must not rename the Print key Qt parses shortcuts with.
QT_CONTEXT = "qt|"

#: Qt's locale for each language: date pickers, spin boxes and numbers follow it.
QT_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}


class GettextQtTranslator(QTranslator):
    """A QTranslator that looks Qt's source texts up in a gettext :class:`Translator`."""

    def __init__(self, tr: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr

    def language(self) -> str:
        return self.tr_.lang

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation, or None (Qt then keeps the English source text)."""
        if not source_text or self.tr_.lang == "en":
            return None
        key = QT_CONTEXT + source_text
        text = self.tr_.gettext(key)
        return text if text != key else None


class LanguageSwitch:
    """Keeps the application's translator and Qt's in step.

    Created once per window session; :meth:`switch` replaces ``app.tr``, re-installs the Qt
    translator (Qt re-labels its own widgets on the LanguageChange event it sends) and emits
    ``app.changes.language_changed`` so every page runs its ``retranslate()``.
    """

    def __init__(self, qapp: QCoreApplication, app: AppContext) -> None:
        self._qapp = qapp
        self._app = app
        self._installed: GettextQtTranslator | None = None
        self._install(app.tr)

    @property
    def language(self) -> str:
        return self._app.tr.lang

    def _install(self, tr: Translator) -> None:
        translator = GettextQtTranslator(tr)
        if self._installed is not None:
            self._qapp.removeTranslator(self._installed)
        self._qapp.installTranslator(translator)
        self._installed = translator
        QLocale.setDefault(QT_LOCALES.get(tr.lang, QT_LOCALES["vi"]))

    def switch(self, lang: str) -> None:
        """Change the language of everything now (ValueError for an unknown language)."""
        if lang == self._app.tr.lang:
            return
        tr = Translator(lang)
        self._app.tr = tr
        self._install(tr)
        self._app.changes.language_changed.emit()

    def uninstall(self) -> None:
        """Take the Qt translator off the application (the window session ended)."""
        if self._installed is not None:
            self._qapp.removeTranslator(self._installed)
            self._installed = None
