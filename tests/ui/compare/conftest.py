"""Compare-view fixtures: real speeches (the shared corpus and the shipped demo library), tasks inline."""

from __future__ import annotations

import pytest

from app.core.text import clean_text, content_hash
from app.paths import resource
from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareDocument, CompareView

EXT_B = "\U0002000b"  # 𠀋, two UTF-16 units


def corpus_document(corpus, year: int) -> CompareDocument:
    text = clean_text((corpus / "gwr-state-council" / f"gwr-{year}.txt").read_text(encoding="utf-8"))
    return CompareDocument(f"gwr-{year}.txt", text, content_hash(text))


def sample_document(name: str, prefix: str = "") -> CompareDocument:
    text = prefix + (resource("samples") / name).read_text(encoding="utf-8")
    return CompareDocument(name, text, content_hash(text))


@pytest.fixture
def open_view(qtbot):
    """Build a compare view with matching run inline and every highlight applied."""

    def make(documents, size=(1400, 900), **options) -> CompareView:
        view = CompareView(documents, runner=TaskRunner(inline=True), **options)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        view.wait_until_highlighted()
        assert view.result is not None
        return view

    return make
