"""Interface language: Duidu's own translations plus Qt's, switchable while the app runs.

Source strings are English; `resources/i18n/duidu_<locale>.qm` carries the Chinese. Qt's `qtbase_*`
catalogue translates the standard buttons and dialogs (OK, Cancel, the file dialog). Installing a new
translator sends every widget a LanguageChange event, and widgets re-set their texts in `retranslate_ui`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app.paths import resource

#: (setting value, name shown in the preferences); "" follows the system.
LANGUAGES: tuple[tuple[str, str], ...] = (("", ""), ("zh_CN", "简体中文"), ("en", "English"))


def i18n_dir() -> str:
    return str(resource("i18n"))


def locale_for(language: str) -> QLocale:
    """The locale a setting value stands for ("" → the system's)."""
    return QLocale(language) if language else QLocale.system()


class Translations:
    """Owns the installed translators so that switching language can remove the previous ones."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.locale = QLocale.system()

    def apply(self, language: str) -> QLocale:
        """Install the translators for `language` ("" = system) and make its locale the default."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        locale = locale_for(language)
        QLocale.setDefault(locale)
        self.locale = locale
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, directory in (("qtbase", qt_dir), ("duidu", i18n_dir())):
            translator = QTranslator()
            loaded = translator.load(locale, name, "_", directory)
            if not loaded and name == "duidu":  # a language we lack: English, with its plural forms
                loaded = translator.load(QLocale("en"), name, "_", directory)
            if loaded and app is not None:
                app.installTranslator(translator)
                self._installed.append(translator)
        if app is not None:  # deliver the posted LanguageChange events now, so the UI is consistent on return
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return locale

    def is_chinese(self) -> bool:
        return self.locale.language() == QLocale.Language.Chinese
