"""Real corpus samples and generated .docx/.pdf/.html files for the importer tests."""

from __future__ import annotations

import glob
import html
from pathlib import Path

import pytest

#: Varied real texts: a redacted city speech with `**`, a run-on speech with `　　` paragraph breaks,
#: a district report converted from GB18030 with letter-spaced title and stray spaces, a campus news
#: post mixing ASCII and Chinese.
SAMPLE_FILES = (
    "seed/city-secretary-study-session-2023.txt",
    "xi-speeches-2020/xi-2020-01-08-1.txt",
    "hailar-district-gwr/hailar-district-gwr-2012.txt",
    "party-day-news/partyday-01-2025SGer，欢迎你！.txt",
)
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


@pytest.fixture(scope="session", params=SAMPLE_FILES, ids=lambda name: name.split("/")[0])
def sample(request: pytest.FixtureRequest, corpus: Path) -> str:
    """The text of one varied real corpus file (UTF-8, LF: its content is its stored text)."""
    return (corpus / request.param).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def cjk_font() -> str:
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = sorted(glob.glob("/usr/share/fonts/**/*[Ww]q[Yy]*.tt?", recursive=True))
    found += sorted(glob.glob("/usr/share/fonts/**/*CJK*.tt?", recursive=True))
    if not found:
        pytest.skip("no CJK font installed (install fonts-wqy-microhei) to generate a Chinese PDF")
    return found[0]


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, at: int = 0) -> Path:
    """A .docx with the given paragraphs and, optionally, a table inserted before paragraph `at`."""
    from docx import Document

    document = Document()
    for index, text in enumerate(paragraphs):
        if table is not None and index == at:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pdf(path: Path, text: str, font: str, *, with_image: bool = False) -> Path:
    """A PDF with `text` in a CJK font (or, with `with_image` and no text, an image-only page)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.add_font("cjk", fname=font)
        pdf.set_font("cjk", size=11)
        pdf.multi_cell(w=0, h=6, text=text)
    if with_image:
        from PIL import Image

        image = Image.new("RGB", (120, 40), "white")
        pdf.image(image, x=10, y=10, w=60)
    pdf.output(str(path))
    return path


def make_html(text: str, *, charset: str = "utf-8") -> str:
    """A realistic page: the speech's paragraphs in an <article> among navigation, header and footer."""
    paragraphs = "\n".join(f"  <p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>站点 - 讲话全文</title>
<style>p {{ text-indent: 2em; }}</style><script>var menu = "首页 | 新闻";</script></head>
<body>
<header><div class="logo">某某市人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">政务要闻</a></li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 领导讲话</div>
<article>
{paragraphs}
</article>
<aside><h3>相关文章</h3><ul><li><a href="/x">另一篇讲话</a></li></ul></aside>
<div class="share-bar">分享到：微信 微博</div>
<footer><p>版权所有 © 某某市人民政府办公室 备案号</p></footer>
<script>track();</script>
</body></html>"""
