"""Issue 14, session 11 (14p11): 排比 of unmarked sentences or paragraphs that open with one modal phrase
(`modal_openers`). Test texts are stretches of minable corpus files."""

from __future__ import annotations

import pytest

from app.core.formulas import modal_openers
from app.core.formulas.shipped import default_matcher
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus

XI_0905 = "xi-speeches-2013-2018/xi-2016-09-05-1.txt"


def _members(text: str) -> list[str]:
    return [text[h.start : h.end] for h in modal_openers.modal_opener_hits(text)]


def test_paragraphs_that_open_with_one_modal_phrase(corpus):
    # each paragraph: 全球经济治理应该以X为Y。+ its explanation; the member is the opening sentence's first clause
    text = _excerpt(corpus, XI_0905, "全球经济治理应该以平等为基础", "全球经济治理应该以共享为目标")
    members = ["全球经济治理应该以平等为基础", "全球经济治理应该以开放为导向", "全球经济治理应该以合作为动力"]
    members.append("全球经济治理应该以共享为目标")
    assert _members(text) == members
    parallel = {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}
    assert set(members) <= parallel


def test_a_refrain_before_each_member_makes_the_sentence_the_member(corpus):
    text = _excerpt(
        corpus, "cpc-congress-reports/cpc-19-congress-report.txt", "实现伟大梦想，必须进行", "伟大事业。"
    )
    assert _members(text) == [
        "实现伟大梦想，必须进行伟大斗争",
        "实现伟大梦想，必须建设伟大工程",
        "实现伟大梦想，必须推进伟大事业",
    ]


def test_sentences_in_a_row_with_a_subject_and_a_modal(corpus):
    text = _excerpt(
        corpus, "xi-speeches-2013-2018/xi-2016-12-30-1.txt", "我们继续推进全面深化改革", "全面从严治党"
    )
    assert _members(text) == [
        "我们继续推进全面深化改革",
        "我们继续推进全面依法治国",
        "我们继续推进全面从严治党",
    ]


def test_a_shared_subject_without_a_modal_is_prose(corpus):
    # 各成员国在…秉持合作精神。各成员国加快…。各成员国遵循多边程序…: what the members did, no programme
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-01-16-1.txt", "各成员国在协定谈判", "高标准。")
    assert text.count("。各成员国") == 2
    assert _members(text) == []


def test_a_bare_modal_and_an_adverb_of_effort_lists_tasks(corpus):
    text = _excerpt(
        corpus,
        "cpc-plenum-communiques/communique-2013-cc18-plenum02.txt",
        "要进一步保持经济发展良好势头",
        "要进一步加强党的建设",
    )
    assert text.count("。要进一步") == 3
    assert _members(text) == []


def test_the_shared_scan_of_sentence_starts_gives_the_same_members_on_the_corpus(corpus):
    """`detect` hands the rule the sentence pairs of `opener_frames.sentence_starts` (one scan for both rules);
    on every minable file they give the members the rule's own scan gives."""
    from app.core.formulas.opener_frames import sentence_starts
    from tests.core.test_formula_scan_shortcuts import _minable_texts

    members = 0
    for path, text in _minable_texts(corpus):
        own = [(h.start, h.end) for h in modal_openers.modal_opener_hits(text)]
        shared = [(h.start, h.end) for h in modal_openers.modal_opener_hits(text, sentence_starts(text)[1])]
        assert shared == own, path.name
        members += len(own)
    assert members > 100
