"""HTML and CSV/JSON reports of a comparison: escaping, matching colours, contract keys."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.passages import PassageParams, compare_pair
from app.core.text import content_hash
from app.reports.comparison import ReportDocument, comparison_json, passages_csv
from app.reports.html import FORMULA_COLOUR, PALETTE, comparison_html

SHARED = "要把<script>学习贯彻</script>落实工作抓紧抓实抓出成效，确保取得实实在在的效果。"
A = (
    "开头一段不同的话。"
    + SHARED
    + "今年春耕生产形势很好，粮食总产量再创历史新高，农民收入持续增长。以习近平同志为核心的党中央"
)
B = SHARED + "另外一些话。团结在以习近平同志为核心的党中央周围"


def _docs() -> list[ReportDocument]:
    return [ReportDocument(name, text, content_hash(text)) for name, text in (("a&b.txt", A), ("b.txt", B))]


def test_html_escapes_text_and_gives_partners_one_colour():
    comparison = compare_pair(A, B)
    kinds = [p.kind for p in comparison.passages]
    assert kinds.count("copy") == 1 and kinds.count("formula") == 1
    html = comparison_html(
        _docs(), comparison, PassageParams().describe(), generated=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert "<script>学习" not in html and "&lt;script&gt;学习" in html
    assert "a&amp;b.txt" in html and "2026-01-01T00:00:00+00:00" in html
    copy_index = kinds.index("copy")
    for side in "ab":
        assert f'id="p0-1-{copy_index}{side}" class="copy" style="background:{PALETTE[copy_index]}"' in html
    assert html.count(f'background:{FORMULA_COLOUR}"><a') == 2


def test_json_and_csv_carry_every_passage():
    comparison = compare_pair(A, B)
    data = comparison_json(_docs(), comparison)
    assert (
        len(data["passages"])
        == len(comparison.passages)
        == len(passages_csv(_docs(), comparison).splitlines()) - 1
    )
    assert data["documents"][0] == {"index": 0, "name": "a&b.txt", "chars": len(A), "sha256": content_hash(A)}


def test_html_underlines_the_characters_a_near_copy_changed():
    a = "要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"
    b = "要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，切实推动高质量发展。"
    comparison = compare_pair(a, b)
    docs = [ReportDocument(n, t, content_hash(t)) for n, t in (("a", a), ("b", b))]
    html = comparison_html(docs, comparison, {})
    assert '<span class="d">着力</span>' in html and '<span class="d">切实</span>' in html
