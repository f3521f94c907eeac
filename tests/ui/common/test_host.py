"""The parts reach the main window only through small protocols; the real window must provide all of them,
so a part cannot come to depend on something the window lacks (or the window drop something a part uses)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from app.ui.common.host import HostTabs, SelectionSource, WindowHost
from app.ui.shell.window_actions import ActionTarget


def test_the_main_window_provides_what_the_parts_ask_of_it(window) -> None:
    assert isinstance(window, WindowHost)
    assert isinstance(window.tabs, HostTabs)
    assert isinstance(window.library_view, SelectionSource)
    assert isinstance(window, ActionTarget)


def test_a_plain_window_is_not_a_host(qtbot) -> None:
    plain = QMainWindow()
    qtbot.addWidget(plain)
    assert not isinstance(plain, WindowHost)
    assert not isinstance(plain, ActionTarget)


def test_the_compare_view_is_what_an_export_needs(qtbot) -> None:
    from app.ui.common.tasks import TaskRunner
    from app.ui.compare import CompareDocument, CompareView
    from app.ui.compare.export import ExportingView

    documents = [CompareDocument(f"{n}.txt", f"同志们：\n第{n}次会议。\n", f"hash{n}") for n in (1, 2)]
    view = CompareView(documents, runner=TaskRunner(inline=True))
    qtbot.addWidget(view)
    assert isinstance(view, ExportingView)
