"""Web pages built to hang or crash the importer: deep nesting, too many elements, deep noise."""

from __future__ import annotations

import time

import pytest

from app.importers.base import ImportFailure
from app.importers.html import read_html
from app.importers.limits import MAX_DEPTH, MAX_HTML_ELEMENTS
from tests.importers.hostile import nested_html

_PARAGRAPH = "深度嵌套的网页正文，一段足够长的文字。" * 20


def test_two_hundred_thousand_nested_divs_are_refused_at_once() -> None:
    page = nested_html(200_000)
    assert len(page) > 2_000_000
    started = time.process_time()
    with pytest.raises(ImportFailure, match="nested too deeply"):
        read_html(page)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize("tag", ["div", "span", "section"])
def test_nesting_just_within_the_limit_imports_the_text(tag: str) -> None:
    # Past Python's recursion limit once each level costs a couple of frames; the walks are iterative.
    started = time.process_time()
    text, _title = read_html(nested_html(MAX_DEPTH - 10, tag))
    assert text == _PARAGRAPH
    assert time.process_time() - started < 2.0


def test_deeply_nested_noise_is_removed_in_linear_time() -> None:
    depth = MAX_DEPTH - 10
    menu = '<div class="nav">' * depth + "<a>首页</a>" + "</div>" * depth
    page = f"<html><body>{menu}<p>{_PARAGRAPH}</p></body></html>".encode()
    started = time.process_time()
    assert read_html(page)[0] == _PARAGRAPH
    assert time.process_time() - started < 2.0


def test_a_page_with_too_many_elements_is_refused() -> None:
    page = ("<html><body><p>正文。</p>" + "<i></i>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>").encode()
    with pytest.raises(ImportFailure, match="too many elements"):
        read_html(page)
