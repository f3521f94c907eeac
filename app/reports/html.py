"""The self-contained HTML comparison report: evidence header, copy ratios, and side-by-side texts.

One file, no external resources (inline CSS, a few lines of inline JS), so it can be mailed or archived
as evidence. Each pair gets two columns with the full texts; every passage has one colour on both sides
and links to its partner; formulas are shown apart (grey, dashed) because they are not copying.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape

from app import __version__
from app.core.passages import Comparison, Passage
from app.reports.comparison import ReportDocument

#: Okabe–Ito hues lightened for backgrounds: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#f9d9a6", "#bfe3f7", "#b7ebd9", "#fbf3b0", "#b9d4ee", "#f6c9ad", "#ecc9e0", "#d9d2f3")
FORMULA_COLOUR = "#e4e4e4"

_CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0} td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;
vertical-align:top} code{font-size:.85em;word-break:break-all}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.doc{white-space:pre-wrap;line-height:1.8;border:1px solid #ddd;padding:.75em;max-height:80vh;overflow:auto}
.doc h3{white-space:normal;margin:0 0 .5em 0;font-size:1em}
mark{border-radius:2px;padding:0 1px} mark.formula{border-bottom:2px dashed #888}
mark a{color:inherit;text-decoration:none} .d{text-decoration:underline wavy #c0392b} mark:target,mark.hl{outline:2px solid #d55e00}
.legend mark{display:inline-block;min-width:2em}
"""

_JS = """
document.addEventListener('click',function(e){var a=e.target.closest('a[data-partner]');if(!a)return;
e.preventDefault();document.querySelectorAll('mark.hl').forEach(function(m){m.classList.remove('hl')});
var t=document.getElementById(a.dataset.partner);if(t){t.classList.add('hl');a.parentNode.classList.add('hl');
t.scrollIntoView({block:'center',behavior:'smooth'});}});
"""


Mark = tuple[int, int, str, str, str, str, tuple[tuple[int, int], ...]]


def _marked(text: str, spans: Sequence[Mark]) -> str:
    """Text with non-overlapping passages wrapped in marks; their differing characters underlined.

    A span is (start, end, id, partner id, colour, css class, differing sub-spans).
    """
    out, pos = [], 0
    for start, end, ident, partner, colour, css, diffs in sorted(spans):
        start = max(start, pos)  # never nest marks; overlaps do not occur in engine output
        if start >= end:
            continue
        out.append(escape(text[pos:start]))
        inner, at = [], start
        for d0, d1 in diffs:
            d0, d1 = max(d0, at), min(d1, end)
            if d0 >= d1:
                continue
            inner.append(escape(text[at:d0]))
            inner.append(f'<span class="d">{escape(text[d0:d1])}</span>')
            at = d1
        inner.append(escape(text[at:end]))
        out.append(
            f'<mark id="{ident}" class="{css}" style="background:{colour}">'
            f'<a href="#{partner}" data-partner="{partner}">{"".join(inner)}</a></mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _differences(passage: Passage, side: str) -> tuple[tuple[int, int], ...]:
    """Sub-spans of one side that the alignment does not match (edits, changed punctuation)."""
    spans = []
    for seg in passage.alignment:
        if seg.tag != "equal":
            start, end = (seg.a_start, seg.a_end) if side == "a" else (seg.b_start, seg.b_end)
            if start < end:
                spans.append((start, end))
    return tuple(sorted(spans))


def _colour(passage: Passage, number: int) -> str:
    return FORMULA_COLOUR if passage.kind == "formula" else PALETTE[number % len(PALETTE)]


def comparison_html(
    documents: list[ReportDocument],
    comparison: Comparison,
    parameters: Mapping[str, object],
    *,
    generated: datetime | None = None,
) -> str:
    generated = generated or datetime.now(UTC)
    names = [escape(d.name) for d in documents]
    parts = [
        '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">',
        f"<title>对读 Duidu — {' / '.join(names)}</title><style>{_CSS}</style></head><body>",
        "<h1>对读 Duidu — comparison report</h1>",
        "<h2>Documents</h2><table><tr><th>#</th><th>name</th><th>characters</th><th>SHA-256</th></tr>",
    ]
    for n, d in enumerate(documents):
        parts.append(
            f"<tr><td>{n}</td><td>{names[n]}</td><td>{len(d.text):,}</td><td><code>{d.sha256}</code></td></tr>"
        )
    parts.append("</table><h2>Parameters</h2><table>")
    for key, value in {
        **parameters,
        "duidu version": __version__,
        "generated (UTC)": generated.isoformat(timespec="seconds"),
    }.items():
        parts.append(f"<tr><th>{escape(str(key))}</th><td>{escape(str(value))}</td></tr>")
    parts.append("</table><h2>Copy ratios (formulas excluded)</h2><table>")
    parts.append(
        "<tr><th>pair</th><th>share of A copied</th><th>share of B copied</th><th>copy passages</th><th>formula passages</th></tr>"
    )
    by_pair: dict[tuple[int, int], list[Passage]] = {}
    for p in comparison.passages:
        by_pair.setdefault((p.a, p.b), []).append(p)
    for s in comparison.summary:
        found = by_pair.get((s.a, s.b), [])
        copies = sum(p.kind == "copy" for p in found)
        parts.append(
            f"<tr><td>{names[s.a]} ↔ {names[s.b]}</td><td>{s.a_copy_ratio:.1%}</td><td>{s.b_copy_ratio:.1%}</td>"
            f"<td>{copies}</td><td>{len(found) - copies}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        f'<p class="legend"><mark style="background:{PALETTE[0]}">&nbsp;</mark> copied passage (one colour per '
        f'passage, on both sides; click to jump to its partner; <span class="d">wavy underline</span>: '
        f'characters that differ) &nbsp; <mark class="formula" '
        f'style="background:{FORMULA_COLOUR}">&nbsp;</mark> shared formula or boilerplate</p>'
    )
    for s in comparison.summary:
        found = by_pair.get((s.a, s.b), [])
        if not found:
            continue
        a_spans: list[Mark] = []
        b_spans: list[Mark] = []
        for number, p in enumerate(found):
            ident = f"p{s.a}-{s.b}-{number}"
            colour, css = _colour(p, number), p.kind
            a_spans.append((p.a_start, p.a_end, f"{ident}a", f"{ident}b", colour, css, _differences(p, "a")))
            b_spans.append((p.b_start, p.b_end, f"{ident}b", f"{ident}a", colour, css, _differences(p, "b")))
        parts.append(f"<h2>{names[s.a]} ↔ {names[s.b]}</h2>")
        parts.append(_passage_table(found))
        parts.append('<div class="pair">')
        parts.append(
            f'<div class="doc"><h3>A: {names[s.a]}</h3>{_marked(documents[s.a].text, a_spans)}</div>'
        )
        parts.append(
            f'<div class="doc"><h3>B: {names[s.b]}</h3>{_marked(documents[s.b].text, b_spans)}</div>'
        )
        parts.append("</div>")
    parts.append(f"<script>{_JS}</script></body></html>\n")
    return "".join(parts)


def _passage_table(found: list[Passage]) -> str:
    rows = [
        "<details><summary>passages</summary><table><tr><th>A span</th><th>B span</th><th>similarity</th><th>kind</th><th>A text</th></tr>"
    ]
    for p in found:
        excerpt = p.a_text if len(p.a_text) <= 80 else p.a_text[:78] + "…"
        rows.append(
            f"<tr><td>{p.a_start}–{p.a_end}</td><td>{p.b_start}–{p.b_end}</td><td>{p.similarity:.2f}</td>"
            f"<td>{p.kind}</td><td>{escape(excerpt)}</td></tr>"
        )
    rows.append("</table></details>")
    return "".join(rows)
