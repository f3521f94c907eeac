"""The Compare action of the main window and `duidu gui A B`: compare tabs over the open library."""

from __future__ import annotations

from app.core.text import content_hash
from app.paths import resource
from app.store.comparison_cache import pair_key
from app.store.models import CachedComparison
from app.ui.compare import CompareView
from app.ui.compare.integration import attach_compare, open_documents_from_args

SAMPLES = (
    "01-city-study-session.txt",
    "03-theme-education-mobilisation.txt",
    "04-county-exchange-remarks.txt",
)


def _import_samples(window) -> list[int]:
    from app.core.model import DocumentMeta

    ids = []
    for name in SAMPLES:
        text = (resource("samples") / name).read_text(encoding="utf-8")
        doc_id, _ = window.service.add_text(text, DocumentMeta(title=name.removesuffix(".txt")))
        ids.append(doc_id)
    window.reload()
    return ids


def test_compare_action_opens_a_tab_and_caches_the_pairs(window, qtbot):
    attach_compare(window)
    ids = _import_samples(window)
    window.select_ids(ids)
    window.act.compare.trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, CompareView)
    view.wait_until_highlighted()
    assert [d.doc_id for d in view.documents] == ids
    assert view.result.passages, "the demo speeches share passages"
    library = window.service.library
    with library.reader() as session:
        assert session.query(CachedComparison).count() == 3
    # the same speeches again: every pair comes from the library
    window.act.compare.trigger()
    again = window.tabs.currentWidget()
    assert again is not view
    again.wait_until_highlighted()
    assert again.result.cached_pairs == 3 and again.result.passages == view.result.passages
    key = pair_key(
        view.documents[0].sha256, view.documents[1].sha256, view.result.settings.engine_params().describe()
    )
    with library.reader() as session:
        assert session.get(CachedComparison, key) is not None


def test_gui_arguments_mix_files_and_library_ids(window, tmp_path):
    ids = _import_samples(window)
    outside = tmp_path / "outside.txt"
    outside.write_text(
        (resource("samples") / "06-forum-opening-address.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    view = open_documents_from_args(window, [str(outside), str(ids[0]), f"#{ids[1]}"])
    view.wait_until_highlighted()
    assert view.documents[0].path == str(outside) and view.documents[0].sha256 == content_hash(
        view.documents[0].text
    )
    assert [d.doc_id for d in view.documents[1:]] == ids[:2]
    assert window.tabs.currentWidget() is view
    assert open_documents_from_args(window, [str(outside), "no-such-file.txt"]) is None
    assert "no-such-file.txt" in window.statusBar().currentMessage()


def test_closing_a_tab_while_it_computes_cancels_quietly(make_window, gui_library, corpus, qtbot):
    from app.ui.compare.integration import open_compare

    from .conftest import corpus_document

    window = make_window(gui_library, inline=False)
    view = open_compare(window, [corpus_document(corpus, y) for y in (2021, 2022, 2023, 2024)])
    qtbot.waitUntil(lambda: view._task is not None, timeout=5_000)  # starts after its first paint
    task = view._task
    assert task is not None and not task.done
    window.close_tab(window.tabs.indexOf(view))
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert task.is_cancelled()
    qtbot.wait(20)  # late signals find the view gone and do nothing
