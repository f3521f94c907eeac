"""Help → Keyboard shortcuts: every shortcut the app has, read from the live actions so the list cannot drift.

The main window's menus give their groups (File, Edit, Library, Trace, Tools, Help); the reader and the
comparison are tabs made on demand, so their keys come from the same functions their actions are built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.ui.compare.toolbar import compare_shortcuts
from app.ui.pane.zoom import zoom_shortcuts
from app.ui.reader.find_bar import find_shortcuts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

_NATIVE = QKeySequence.SequenceFormat.NativeText
# Shortcut scopes: window-wide keys work everywhere; the others only with focus inside that part.
WINDOW, LIBRARY, READER, COMPARISON = "window", "library", "reader", "comparison"


@dataclass(frozen=True)
class ShortcutRow:
    text: str
    keys: tuple[str, ...]  # native text of every binding, e.g. ("Ctrl+W", "Ctrl+F4")
    context: str


@dataclass(frozen=True)
class ShortcutGroup:
    title: str
    rows: tuple[ShortcutRow, ...]


def plain_text(text: str) -> str:
    """A menu label without its mnemonic: "&Import files…" → "Import files…", "比对(&C)" → "比对"."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _typeable(key: QKeySequence) -> bool:
    """False for the dedicated Open/Undo/Find… keys that standard bindings add and few keyboards have."""
    return not key.isEmpty() and key[0].key().value < Qt.Key.Key_Back.value


def native_keys(sequences: list[QKeySequence]) -> tuple[str, ...]:
    # dict: Return and Enter both read "回车" in Chinese
    return tuple(dict.fromkeys(key.toString(_NATIVE) for key in sequences if _typeable(key)))


def _row(action: QAction) -> ShortcutRow:
    scoped = action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    return ShortcutRow(
        plain_text(action.text()), native_keys(action.shortcuts()), LIBRARY if scoped else WINDOW
    )


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif not action.isSeparator() and not action.shortcut().isEmpty():
            found.append(action)
    return found


def _group(title: str, actions: list[QAction]) -> ShortcutGroup | None:
    return ShortcutGroup(plain_text(title), tuple(_row(a) for a in actions)) if actions else None


def _spec_group(title: str, specs: list[tuple[str, list[QKeySequence]]], context: str) -> ShortcutGroup:
    return ShortcutGroup(title, tuple(ShortcutRow(plain_text(t), native_keys(k), context) for t, k in specs))


def collect_shortcuts(window: QWidget) -> list[ShortcutGroup]:
    """The window's menus in menu-bar order, its other keyed actions, then the reader's and comparison's."""
    groups: list[ShortcutGroup | None] = []
    listed: set[QAction] = set()
    for bar_action in window.menuBar().actions():  # type: ignore[attr-defined]
        menu = bar_action.menu()
        if menu is None:
            continue
        actions = _menu_actions(menu)
        listed.update(actions)
        groups.append(_group(menu.title(), actions))
    others = [a for a in window.actions() if a not in listed and not a.shortcut().isEmpty()]
    groups.append(_group(QCoreApplication.translate("ShortcutsDialog", "Other"), others))
    groups.append(
        _spec_group(
            QCoreApplication.translate("ShortcutsDialog", "Reader"),
            find_shortcuts() + zoom_shortcuts(),
            READER,
        )
    )
    groups.append(
        _spec_group(
            QCoreApplication.translate("ShortcutsDialog", "Comparison"),
            compare_shortcuts() + zoom_shortcuts(),
            COMPARISON,
        )
    )
    return [group for group in groups if group is not None and group.rows]


class ShortcutsDialog(QDialog):
    """A two-column tree (command, keys) grouped by menu, with a filter box over both columns."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts-dialog")
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(660, 700)
        self._window = window
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every visible string (the rows too, as the actions relabel themselves on a language change)."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter.setPlaceholderText(self.tr("Filter by command or key…"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.fill(collect_shortcuts(self._window))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate_ui)  # after the window has relabelled its actions
        super().changeEvent(event)

    def fill(self, groups: list[ShortcutGroup]) -> None:
        self.tree.clear()
        for group in groups:
            parent = QTreeWidgetItem(self.tree, [group.title])
            parent.setFirstColumnSpanned(True)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in group.rows:
                QTreeWidgetItem(parent, [row.text, ", ".join(row.keys)])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        """Hide rows whose command and keys both miss `text` (any case), and groups left empty."""
        needle = text.strip().casefold()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                hit = not needle or any(needle in child.text(c).casefold() for c in (0, 1))
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """(command, keys) of the rows currently shown, in order."""
        rows = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group.isHidden():
                continue
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if not child.isHidden():
                    rows.append((child.text(0), child.text(1)))
        return rows


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
