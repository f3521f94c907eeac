"""The stored text, the normalised view and its offset map, paragraphs and the outline."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.normalize import REDACTION, fold_char, normalize
from app.core.structure import outline, paragraph_at, paragraphs
from app.core.text import clean_text, content_hash


def test_clean_text_removes_bom_and_unifies_line_ends_only():
    assert clean_text("\ufeff一\r\n二\r三\n　四 ") == "一\n二\n三\n　四 "
    assert clean_text("no change\n") == "no change\n"


def test_content_hash_is_sha256_of_utf8():
    assert content_hash("a") == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    assert content_hash("对读") == content_hash("对读\n"[:-1]) != content_hash("对读 ")


def test_normalised_view_folds_width_quotes_and_drops_space():
    view = normalize("全省“两个 维护”\n ＡＢＣ，ok")
    assert view.text == '全省"两个维护"abc,ok'
    assert view.original_span(2, 8) == (2, 9)  # the quoted formula with its quotes, across the space


def test_punctuation_can_be_dropped_for_matching():
    a = normalize("坚定“四个自信”，做到“两个维护”。", keep_punctuation=False)
    b = normalize("坚定四个自信、做到「两个维护」", keep_punctuation=False)
    assert a.text == "坚定四个自信做到两个维护"
    assert "、" not in b.text and b.text == a.text


def test_redactions_become_one_boundary_never_deleted():
    text = "在**县调研，***同志指出，全市增长××%，XX同志"
    view = normalize(text, keep_punctuation=False)
    assert view.text.count(REDACTION) == 4
    assert "在县" not in view.text
    first = view.text.index(REDACTION)
    assert view.original_span(first, first + 1) == (1, 3)
    second = view.text.index(REDACTION, first + 1)
    assert text[slice(*view.original_span(second, second + 1))] == "***"


def test_latin_words_with_xx_are_not_redactions():
    assert REDACTION not in normalize("Exxon maxx").text


def test_normalised_index_inverts_the_map():
    text = "一 二\n\n三“四”"
    view = normalize(text)
    for i, original in enumerate(view.offsets):
        assert view.normalised_index(original) == i
    assert view.normalised_span(0, len(text)) == (0, len(view.text))


@given(
    st.text(alphabet=st.sampled_from(list("两个维护学思想 \n　“”「」，,。*×Xx某ＡａA1１𠀋、—")), max_size=60)
)
def test_offset_map_points_back_to_the_right_characters(text: str):
    for keep in (True, False):
        view = normalize(text, keep_punctuation=keep)
        assert len(view.offsets) == len(view.text)
        assert view.offsets == sorted(set(view.offsets))
        for i, ch in enumerate(view.text):
            original = view.offsets[i]
            if ch == REDACTION:
                start, end = view.original_span(i, i + 1)
                assert start == original and end - start >= 1
                assert REDACTION not in text[start:end]
            else:
                assert fold_char(text[original], keep_punctuation=keep) == ch
        # every character that survives folding is represented exactly once
        covered = set()
        for i in range(len(view.text)):
            covered.update(range(*view.original_span(i, i + 1)))
        for j, ch in enumerate(text):
            if j not in covered:
                assert fold_char(ch, keep_punctuation=keep) == "" or ch in "某*×Xx"


def test_paragraphs_split_on_newlines_and_double_ideographic_spaces():
    text = "标题\n\n　　第一段。　　第二段。\n  第三段  \n"
    paras = paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["标题", "第一段。", "第二段。", "第三段"]
    assert paragraph_at(paras, text.index("二段")).index == 2
    assert paragraph_at(paras, 2) is None


def test_outline_levels_and_inline_enumeration():
    text = (
        "关于工作的讲话\n一、总体要求。内容\n（一）坚持党的领导。内容\n1.抓落实。内容\n"
        "重点有三：一是抓学习；二是抓调研；三是抓整改。\n二、主要任务\n"
    )
    heads = outline(text)
    assert [(h.level, h.label, h.title) for h in heads] == [
        (1, "一、", "总体要求"),
        (2, "（一）", "坚持党的领导"),
        (3, "1.", "抓落实"),
        (4, "一是", "抓学习"),
        (4, "二是", "抓调研"),
        (4, "三是", "抓整改"),
        (1, "二、", "主要任务"),
    ]
    assert text[heads[3].start : heads[3].start + 2] == "一是"


def test_decimal_numbers_are_not_headings():
    assert outline("3.5万亿元的投资\n2023年增长5.2%") == []
