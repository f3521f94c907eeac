"""Tools → Formula lexicon: the merged lexicon as a filterable table; add, edit, remove, import and export.

Every change is a snapshot-based undo command: before a change the user-lexicon state of the formulas it
touches is read, and undo writes that state back (a removed shipped formula comes back, an edit returns
to the previous wording). Changes go through MergedLexicon, which tells the window to refresh its readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.formulas.lexicon import FormulaEntry, LoadedLexicon
from app.ui.common.merged_lexicon import MergedLexicon, UserState, tsv_canonicals
from app.ui.common.prompts import warn
from app.ui.common.tasks import Task, TaskRunner
from app.ui.common.widget_setup import setup_result_table
from app.ui.lexicon.entry_dialog import LexiconEntryDialog
from app.ui.lexicon.table_model import CANONICAL_ROLE, Column, LexiconFilter, LexiconTableModel

TSV_FILTER = "TSV (*.tsv *.txt);;*"


def choose_import_file(parent: QWidget) -> str:
    title = QCoreApplication.translate("LexiconDialog", "Import formula entries")
    return QFileDialog.getOpenFileName(parent, title, "", TSV_FILTER)[0]


def choose_export_file(parent: QWidget) -> str:
    title = QCoreApplication.translate("LexiconDialog", "Export your formula entries")
    return QFileDialog.getSaveFileName(parent, title, "formulas.tsv", TSV_FILTER)[0]


class LexiconCommand(QUndoCommand):
    """One change to the user lexicon; undo puts back the touched formulas' earlier state."""

    def __init__(
        self, lexicon: MergedLexicon, label: str, canonicals: Iterable[str], change: Callable[[], object]
    ) -> None:
        super().__init__(label)
        self._lexicon = lexicon
        self._canonicals = set(canonicals)
        self._change: Callable[[], object] | None = change
        self._before: dict[str, UserState] = {}
        self._after: dict[str, UserState] = {}
        self.result: object = None

    def redo(self) -> None:
        if self._change is not None:  # the first time: do it for real, and remember both states
            self._before = self._lexicon.snapshot(self._canonicals)
            self.result = self._change()
            self._change = None
            self._after = self._lexicon.snapshot(self._canonicals)
        else:
            self._lexicon.apply(self._after)

    def undo(self) -> None:
        self._lexicon.apply(self._before)


class LexiconDialog(QDialog):
    """The library's formula lexicon (shipped + user entries), kept open beside the main window."""

    def __init__(
        self, lexicon: MergedLexicon, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lexicon = lexicon
        #: Works out, in the background, when the library first used each undated formula.
        self.runner = runner
        self._first_seen_task: Task | None = None
        self._first_seen_generation = 0
        self.undo_stack = QUndoStack(self)
        self.model = LexiconTableModel(self)
        self.proxy = LexiconFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CANONICAL, Qt.SortOrder.AscendingOrder)
        setup_result_table(self.table, selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = (
            (Column.CANONICAL, 170),
            (Column.VARIANTS, 120),
            (Column.EXPANSION, 220),
            (Column.CATEGORY, 90),
            (Column.FIRST_YEAR, self._first_used_width()),
            (Column.SOURCE, 70),
        )
        for column, width in widths:
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = QPushButton()
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_file)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.remove_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.undo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        edit_row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.restore_button):
            edit_row.addWidget(button)
        edit_row.addSpacing(12)
        edit_row.addWidget(self.undo_button)
        edit_row.addWidget(self.redo_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.import_button)
        edit_row.addWidget(self.export_button)
        edit_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(edit_row)
        self.resize(980, 600)

        self.lexicon.add_listener(self.reload)
        self.retranslate_ui()
        self.reload()

    def _first_used_width(self) -> int:
        """Room for "library 2023-07-28" in the current language (italic, so a little extra)."""
        sample = QCoreApplication.translate("LexiconTableModel", "library %1").replace("%1", "2000-00-00")
        return max(110, self.table.fontMetrics().horizontalAdvance(sample) + 24)

    # ---- language --------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Formula lexicon"))
        self.filter.setPlaceholderText(self.tr("Filter by formula, variant, expansion, category…"))
        self.add_button.setText(self.tr("&Add…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.restore_button.setText(self.tr("Re&store shipped"))
        self.restore_button.setToolTip(self.tr("Drop your changes to the selected formulas"))
        self.undo_button.setText(self.tr("&Undo"))
        self.redo_button.setText(self.tr("Re&do"))
        self.import_button.setText(self.tr("&Import TSV…"))
        self.export_button.setText(self.tr("E&xport TSV…"))
        self.close_button.setText(self.tr("Close"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.set_rows(self.model.rows())
        super().changeEvent(event)

    # ---- contents --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the lexicon as stored now, keeping the selected formulas selected."""
        selected = self.selected_canonicals()
        self.model.set_rows(self.lexicon.rows())
        self.select(selected)
        self._find_first_seen()
        self._update_count()
        self._update_buttons()

    def _find_first_seen(self) -> None:
        """Look up the first dated speech using each formula (again: the lexicon or matcher changed)."""
        if self.runner is None:
            return
        if self._first_seen_task is not None:
            self._first_seen_task.cancel()
        lexicon = self.lexicon
        self._first_seen_generation += 1
        generation = self._first_seen_generation
        self._first_seen_task = self.runner.start(
            lambda progress, cancelled: lexicon.first_seen(progress, cancelled),
            on_success=lambda seen: self._on_first_seen(generation, seen),
            on_failure=lambda _exc: None,  # the column keeps saying "in the library"
        )

    def _on_first_seen(self, generation: int, seen: dict[str, str]) -> None:
        if isValid(self) and generation == self._first_seen_generation:  # else superseded or cancelled
            self.model.set_first_seen(seen)

    def cancel_work(self) -> None:
        self._first_seen_generation += 1  # a cancelled run returns what it had: ignore it
        if self._first_seen_task is not None:
            self._first_seen_task.cancel()

    def select(self, canonicals: Iterable[str]) -> None:
        wanted = set(canonicals)
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CANONICAL_ROLE) in wanted:
                selection.select(index, flags)
                self.table.scrollTo(index)

    def selected_canonicals(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [str(index.data(CANONICAL_ROLE)) for index in sorted(rows, key=lambda i: i.row())]

    def shown_canonicals(self) -> list[str]:
        return [str(self.proxy.index(row, 0).data(CANONICAL_ROLE)) for row in range(self.proxy.rowCount())]

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = self.tr("%n formula(s)", "", total)
        if shown != total:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.count.setText(text)

    def _update_buttons(self) -> None:
        writable = not self.lexicon.readonly
        selected = self.selected_canonicals()
        sources = {row.entry.canonical: row.source for row in self.model.rows()}
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and len(selected) == 1)
        self.remove_button.setEnabled(writable and bool(selected))
        self.restore_button.setEnabled(writable and any(sources.get(c) == "edited" for c in selected))

    def _entry(self, canonical: str) -> FormulaEntry | None:
        return self.lexicon.entry_for(canonical)

    def _categories(self) -> list[str]:
        return sorted({row.entry.category for row in self.model.rows() if row.entry.category})

    # ---- changes ---------------------------------------------------------------------------------------

    def _push(self, label: str, canonicals: Iterable[str], change: Callable[[], object]) -> object:
        command = LexiconCommand(self.lexicon, label, canonicals, change)
        self.undo_stack.push(command)
        return command.result

    def entry_dialog(self, entry: FormulaEntry | None) -> LexiconEntryDialog:
        """The add/edit form (tests fill it in and accept it)."""
        replacing = entry.canonical if entry else None
        return LexiconEntryDialog(
            entry, self._categories(), lambda e: self.lexicon.clash(e, replacing=replacing), self
        )

    def add_entry(self) -> None:
        dialog = self.entry_dialog(None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.entry())

    def edit_selected(self) -> None:
        selected = self.selected_canonicals()
        entry = self._entry(selected[0]) if len(selected) == 1 else None
        if entry is None or self.lexicon.readonly:
            return
        dialog = self.entry_dialog(entry)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.entry(), replacing=entry.canonical)

    def save(self, entry: FormulaEntry, *, replacing: str | None = None) -> None:
        """Add an entry or replace `replacing` with it (undoable)."""
        if replacing is not None and self._entry(replacing) == entry:
            return
        label = self.tr("Edit “%1”") if replacing else self.tr("Add “%1”")
        touched = {entry.canonical} | ({replacing} if replacing else set())
        self._push(
            label.replace("%1", entry.canonical),
            touched,
            lambda: self.lexicon.save(entry, replacing=replacing),
        )
        self.select([entry.canonical])
        self.status.setText(self.tr("Saved “%1” in this library.").replace("%1", entry.canonical))

    def remove_selected(self) -> None:
        self.remove(self.selected_canonicals())

    def remove(self, canonicals: list[str]) -> None:
        if not canonicals or self.lexicon.readonly:
            return
        label = self.tr("Remove %n formula(s)", "", len(canonicals))
        self._push(label, canonicals, lambda: self.lexicon.remove(canonicals))
        self.status.setText(
            self.tr("Removed %1. Undo puts it back.").replace("%1", "、".join(canonicals[:5]))
        )

    def restore_selected(self) -> None:
        canonicals = self.selected_canonicals()
        if canonicals:
            label = self.tr("Restore %n formula(s)", "", len(canonicals))
            self._push(label, canonicals, lambda: self.lexicon.restore(canonicals))

    def import_file(self) -> None:
        path = choose_import_file(self)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> LoadedLexicon | None:
        """Load every good row of a lexicon TSV; the bad ones are reported with their line numbers."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            warn(self, self.tr("Cannot import formula entries"), f"{path}: {exc}")
            return None
        label = self.tr("Import %1").replace("%1", path.name)
        loaded = self._push(label, tsv_canonicals(text), lambda: self.lexicon.import_tsv(text))
        assert isinstance(loaded, LoadedLexicon)
        self.select(e.canonical for e in loaded.entries)
        summary = self.tr("Imported %n formula entrie(s) from %1.", "", len(loaded.entries)).replace(
            "%1", path.name
        )
        self.status.setText(summary)
        if loaded.problems:
            lines = [
                self.tr("Line %1: %2").replace("%1", str(p.line)).replace("%2", p.message)
                for p in loaded.problems
            ]
            skipped = self.tr("%n row(s) could not be read and were skipped:", "", len(loaded.problems))
            warn(self, self.tr("Some rows were skipped"), f"{summary}\n\n{skipped}\n" + "\n".join(lines[:20]))
        return loaded

    def export_file(self) -> None:
        path = choose_export_file(self)
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> None:
        """Write the user's own entries (not the shipped ones) as lexicon TSV."""
        text = self.lexicon.export_tsv()
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            warn(self, self.tr("Cannot export formula entries"), f"{path}: {exc.strerror or exc}")
            return
        count = text.count("\n") - 1
        self.status.setText(
            self.tr("Exported %n formula entrie(s) to %1.", "", count).replace("%1", str(path))
        )

    def detach(self) -> None:
        """Stop following the lexicon (the library is being closed)."""
        self.lexicon.remove_listener(self.reload)
