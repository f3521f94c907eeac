"""When the library refuses a write (locked by another program, disk full), the user reads why, nothing
is recorded as done that was not, and nothing typed is lost."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from app.core.model import DocumentMeta
from app.store import LibraryError
from app.ui.common.library_service import LibraryService
from app.ui.library.paste_dialog import PasteDialog
from app.ui.shell import main_window as main_window_module

LOCKED = "library.sqlite is locked by another program; try again when it has finished"


def _refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
    raise LibraryError(LOCKED)


def _warnings(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(main_window_module, "warn", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def test_a_refused_edit_is_reported_and_not_put_on_the_undo_stack(window, monkeypatch) -> None:
    doc_id, _ = window.service.add_text("同志们：\n今天开会。\n", DocumentMeta(title="讲话", speaker="张三"))
    window.reload()
    shown = _warnings(monkeypatch)
    monkeypatch.setattr(LibraryService, "update_meta", _refuse)
    before = window.service.document(doc_id).meta
    window.apply_metadata(doc_id, before, replace(before, speaker="李四"))
    assert shown == [LOCKED]
    assert not window.undo_stack.canUndo()
    assert window.service.row(doc_id).speaker == "张三"


def test_a_refused_undo_keeps_the_removal_on_the_stack_for_another_try(window, qtbot, monkeypatch) -> None:
    doc_id, _ = window.service.add_text("同志们：\n今天开会。\n", DocumentMeta(title="讲话"))
    window.reload()
    monkeypatch.setattr(main_window_module, "ask", lambda *args, **kw: True)
    shown = _warnings(monkeypatch)
    window.select_ids([doc_id])
    window.act.delete.trigger()
    assert window.model.rowCount() == 0

    restore = LibraryService.restore
    monkeypatch.setattr(LibraryService, "restore", _refuse)
    window.act.undo.trigger()
    assert shown == [LOCKED]
    qtbot.waitUntil(window.undo_stack.canUndo)  # the stack is put back: the removal is still undoable
    assert not window.undo_stack.canRedo()
    assert window.model.rowCount() == 0

    monkeypatch.setattr(LibraryService, "restore", restore)
    window.act.undo.trigger()
    assert window.visible_titles() == ["讲话"]


def test_a_refused_paste_opens_the_dialog_again_with_the_text(window, monkeypatch) -> None:
    shown = _warnings(monkeypatch)
    add_text = LibraryService.add_text
    monkeypatch.setattr(LibraryService, "add_text", _refuse)
    seen: list[str] = []

    def exec_(dialog: PasteDialog) -> int:
        if not seen:
            dialog.text.setPlainText("同志们：\n这是粘贴的讲话。\n")
        seen.append(dialog.text.toPlainText())
        if len(seen) == 2:  # the second time the library takes it
            monkeypatch.setattr(LibraryService, "add_text", add_text)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", exec_)
    window.act.paste.trigger()
    assert shown == [LOCKED]
    assert seen == ["同志们：\n这是粘贴的讲话。\n"] * 2
    assert window.model.rowCount() == 1
