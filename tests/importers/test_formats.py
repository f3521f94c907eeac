"""Real speeches round-trip through generated .docx, .pdf, .html and .md files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.normalize import normalize
from app.importers import read_document
from app.importers.html import html_to_text, read_html
from app.importers.md import strip_markdown
from tests.importers.conftest import make_docx, make_html, make_pdf


def _html_paragraphs(text: str) -> list[str]:
    """What HTML keeps of a paragraph: runs of ASCII spaces collapse to one, as browsers show them."""
    collapsed = (re.sub(r"[ \t\r\f\u00a0]+", " ", line).strip(" ") for line in text.split("\n"))
    return [line for line in collapsed if line.strip()]


@pytest.mark.corpus
def test_docx_round_trip_keeps_every_paragraph(sample: str, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "speech.docx", sample.split("\n"))
    doc = read_document(path)
    assert doc.text == sample
    assert doc.format == "docx"


def test_docx_keeps_tables_in_reading_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "t.docx",
        ["一、主要指标", "表格之后的段落。"],
        table=[["指标", "目标"], ["地区生产总值增长", "5%左右"]],
        at=1,
    )
    assert read_document(path).text == "一、主要指标\n指标\t目标\n地区生产总值增长\t5%左右\n表格之后的段落。"


@pytest.mark.corpus
def test_pdf_round_trip_finds_the_same_text(sample: str, cjk_font: str, tmp_path: Path) -> None:
    """PDF wraps lines where the page ends, so compare the normalised view (whitespace dropped)."""
    path = make_pdf(tmp_path / "speech.pdf", sample, cjk_font)
    doc = read_document(path)
    assert doc.format == "pdf"
    assert normalize(doc.text).text == normalize(sample).text


@pytest.mark.corpus
def test_html_round_trip_drops_navigation_and_keeps_paragraphs(sample: str, tmp_path: Path) -> None:
    path = tmp_path / "speech.html"
    path.write_text(make_html(sample), encoding="utf-8")
    doc = read_document(path)
    assert doc.text.split("\n") == _html_paragraphs(sample)
    for noise in ("首页", "政务要闻", "当前位置", "相关文章", "分享到", "版权所有", "track", "text-indent"):
        assert noise not in doc.text


def test_html_declared_gb2312_is_read_as_gb18030(tmp_path: Path) -> None:
    text = "市委书记在全市经济工作会议上的讲话\n同志们：\n今天召开会议，部署明年工作。"
    path = tmp_path / "page.htm"
    path.write_bytes(make_html(text, charset="gb2312").encode("gb18030"))
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.text == text


def test_html_in_utf8_with_a_stale_gb2312_declaration() -> None:
    """These UTF-8 bytes also decode as GB18030 (into mojibake): valid UTF-8 must win."""
    text = "社进五区成有几关日业几强"
    page = f'<html><head><meta charset="gb2312"><title>x</title></head><body><p>{text}</p></body></html>'
    assert page.encode("utf-8").decode("gb18030") != page  # the trap is real
    assert read_html(page.encode("utf-8"))[0] == text


def test_html_without_article_uses_the_block_holding_the_paragraphs() -> None:
    page = """<html><body>
      <div id="top"><a href="/">首页</a> <a href="/a">机构</a> <a href="/b">政务公开</a></div>
      <div class="layout"><div class="left-col"><p>热点：</p><ul><li>一</li><li>二</li></ul></div>
        <div class="content"><h1>在全县干部大会上的讲话</h1>
          <p>同志们：</p><p>这次会议的主要任务是，总结过去一年的工作。</p>
          <p>一、过去一年的主要工作</p><p>全县经济运行稳中有进，<br>民生持续改善。</p>
        </div></div>
      <div id="bottom"><p>主办单位：县人民政府办公室</p></div></body></html>"""
    text, title = html_to_text(page)
    assert text == (
        "在全县干部大会上的讲话\n同志们：\n这次会议的主要任务是，总结过去一年的工作。\n"
        "一、过去一年的主要工作\n全县经济运行稳中有进，\n民生持续改善。"
    )
    assert title == "在全县干部大会上的讲话"


def test_html_table_layout_with_br_paragraphs_keeps_only_the_speech_cell() -> None:
    """Old county sites: a layout table, links down the side, paragraphs separated by <br> only."""
    page = """<html><body><table><tr><td><a href=/>首页</a> | <a href=/a>机构概况</a></td></tr>
      <tr><td><table><tr><td><a href=/x>通知公告一则标题很长很长</a><br><a href=/y>另一则通知公告标题</a></td>
      <td><b>县长在全县经济工作会议上的讲话</b><br>同志们：<br>　　这次会议的主要任务是总结今年工作。<br>
      　　今年以来，全县上下团结一心，经济运行稳中有进，民生持续改善。</td></tr></table></td></tr>
      <tr><td>版权所有：某某县人民政府 地址：某某路1号</td></tr></table></body></html>"""
    text, _ = html_to_text(page)
    assert text == (
        "县长在全县经济工作会议上的讲话\n同志们：\n　　这次会议的主要任务是总结今年工作。\n"
        "　　今年以来，全县上下团结一心，经济运行稳中有进，民生持续改善。"
    )


def test_html_source_line_breaks_inside_chinese_do_not_become_spaces() -> None:
    text, _ = html_to_text("<article><p>坚持以人民\n   为中心的发展思想，\nKeep  it simple</p></article>")
    assert text == "坚持以人民为中心的发展思想， Keep it simple"


@pytest.mark.corpus
def test_md_round_trip_of_plain_speech_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    """The seed speech redacts names with `**`; as Markdown, every marker must survive."""
    text = (corpus / "seed/city-secretary-study-session-2023.txt").read_text(encoding="utf-8")
    assert text.count("**") > 10
    path = tmp_path / "speech.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == text
    assert doc.format == "md"


def test_md_strips_markup_but_keeps_redactions_and_numbering() -> None:
    source = (
        "---\ntitle: x\n---\n"
        "# 在全市**工作会议上的讲话\n\n"
        "> 同志们：\n\n"
        "**一、总体要求**\n"
        "在**县调研，***同志指出，全市GDP突破****亿元。\n"
        "这是**重要**的。\n"
        "- 坚持[党的领导](https://example.org)；\n"
        "1. 第一点 ![图](a.png)\n"
        "***\n"
        "访问 <https://example.org> 或 `代码`，转义\\*号。\n"
    )
    assert strip_markdown(source) == (
        "在全市**工作会议上的讲话\n\n"
        "同志们：\n\n"
        "一、总体要求\n"
        "在**县调研，***同志指出，全市GDP突破****亿元。\n"
        "这是**重要**的。\n"
        "坚持党的领导；\n"
        "1. 第一点 \n"
        "访问 https://example.org 或 代码，转义*号。\n"
    )


def test_title_falls_back_to_format_hint_then_file_stem(tmp_path: Path) -> None:
    body = "同志们：\n今天召开会议，部署明年工作。"
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>全县工作会议讲话</title></head><body><p>{body}</p></body></html>")
    assert read_document(page).meta.title == "全县工作会议讲话"
    plain = tmp_path / "县长讲话2023.txt"
    plain.write_text(body, encoding="utf-8")
    doc = read_document(plain)
    assert doc.meta.title == "县长讲话2023"
    assert doc.meta.source_path == doc.source_path == str(plain.absolute())
    assert doc.meta.genre == "讲话"


def test_pdf_title_from_word_is_cleaned_when_the_text_has_none(cjk_font: str, tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=cjk_font)
    pdf.set_font("cjk", size=11)
    pdf.set_title("Microsoft Word - 县长在全县工作会议上的讲话.docx")
    pdf.multi_cell(w=0, h=6, text="同志们：\n今天召开全县工作会议。")
    pdf.output(str(tmp_path / "printed.pdf"))
    assert read_document(tmp_path / "printed.pdf").meta.title == "县长在全县工作会议上的讲话"
