"""Issue 14, session 11 (14p11b): 排比 of clauses in one sentence that open alike (`clause_anaphora`).

Each test reads a stretch of a minable corpus file and asks the rule (and, for the first, the whole matcher).
"""

from __future__ import annotations

import pytest

from app.core.formulas import clause_anaphora
from app.core.formulas.shipped import default_matcher
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus


def _finds(text: str) -> list[str]:
    return [text[h.start : h.end] for h in clause_anaphora.clause_anaphora_hits(text)]


def test_six_clauses_with_one_opener_make_one_run(corpus):
    path = "cpc-plenum-communiques/communique-2006-cc16-plenum06.txt"
    text = _excerpt(corpus, path, "必须坚持以人为本", "全社会共同建设")
    run = (
        "必须坚持以人为本，必须坚持科学发展，必须坚持改革开放，必须坚持民主法治，"
        "必须坚持正确处理改革发展稳定的关系，必须坚持在党的领导下全社会共同建设"
    )
    assert _finds(text) == [run]
    assert run in {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}


def test_a_later_member_may_add_an_adverb_before_the_opener(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-09-24-1.txt", "可以为人们认识", "提供有益启发")
    assert _finds(text) == [
        "可以为人们认识和改造世界提供有益启迪，可以为治国理政提供有益启示，也可以为道德建设提供有益启发"
    ]


def test_a_preposition_alone_needs_four_members(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-11-11-1.txt", "为亚太地区繁荣进步", "干杯")
    found = _finds(text)
    assert len(found) == 1 and found[0].startswith("为亚太地区繁荣进步，为亚太经合组织蓬勃发展，")
    # the same toast without its last member has three: a preposition alone is then no frame
    three = text[: text.index("，为各位嘉宾")]
    assert _finds(three) == []


def test_a_governing_verb_or_an_adverb_of_effort_alone_opens_a_task_list(corpus):
    path = "cpc-plenum-communiques/communique-2006-cc16-plenum06.txt"
    tasks = _excerpt(corpus, path, "加强安全生产", "国防建设")
    assert tasks.count("，加强") >= 2 and _finds(tasks) == []
    path = "cpc-plenum-communiques/communique-2017-cc18-plenum07.txt"
    effort = _excerpt(corpus, path, "坚定不移贯彻落实新发展理念", "反腐败斗争")
    assert effort.count("，坚定不移") == 2 and _finds(effort) == []


def test_a_copula_alone_makes_no_frame(corpus):
    path = "cpc-plenum-communiques/communique-2014-cc18-plenum04.txt"
    text = _excerpt(corpus, path, "是社会主义法治的根本要求", "题中应有之义")
    assert text.count("，是") == 3 and _finds(text) == []


def _refrains(text: str, is_formula=lambda _w: False) -> list[str]:
    return [text[h.start : h.end] for h in clause_anaphora.refrain_sentence_hits(text, is_formula)]


def test_sentences_that_open_with_one_refrain_are_members(corpus):
    path = "xi-speeches-2013-2018/xi-2015-09-27-1.txt"
    text = _excerpt(corpus, path, "面对重重挑战", "热切向往。")
    assert _refrains(text) == [
        "唯有发展，才能消除冲突的根源",
        "唯有发展，才能保障人民的基本权利",
        "唯有发展，才能满足人民对美好生活的热切向往",
    ]
    # two of them are no run
    assert _refrains(text[: text.index("唯有发展，才能满足")]) == []


def test_two_refrains_may_alternate(corpus):
    text = _excerpt(corpus, "xi-speeches-2020/xi-2020-10-24-1.txt", "经此一战，中国人民粉碎", "历史潮流！")
    found = _refrains(text)
    assert sum(f.startswith("经此一战，") for f in found) == 5
    assert sum(f.startswith("这一战，") for f in found) == 5  # (the last one two sentences after its refrain)
    assert "这一战，再次证明正义必定战胜强权，和平发展是不可阻挡的历史潮流" in found
    whole = {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}
    assert set(found) <= whole


def test_a_refrain_that_is_a_formula_is_the_topic(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-05-01-1.txt", "党校姓党，是党校", "积极贡献")
    assert len(_refrains(text)) >= 3  # by shape alone
    matcher = default_matcher()
    assert _refrains(text, lambda w: matcher.canonical_of(w) is not None) == []


def test_a_longer_refrain_with_a_pronoun_or_time_word_is_a_frame(corpus):
    # (a connective, time word or pronoun ALONE is no refrain; with more words it is one)
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-10-21-1.txt", "我们坚定，是因为", "根本利益")
    assert _refrains(text) == [
        "我们坚定，是因为我们追求的是真理",
        "我们坚定，是因为我们遵循的是规律",
        "我们坚定，是因为我们代表的是最广大人民根本利益",
    ]


def test_a_preposition_over_six_clauses_with_a_count_of_years(corpus):
    # (几千年 is no date: a date needs figures or a numeral of two characters, 一九五八年)
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-09-24-1.txt", "对中华文明形成", "都发挥了")
    found = _finds(text)
    assert len(found) == 1 and found[0].startswith("对中华文明形成并延续发展几千年而从未中断，对形成和维护")
    assert found[0].endswith("促进中国社会利益和社会关系平衡")


def test_a_list_of_attendees_is_no_frame(corpus):
    path = "xi-speeches-2013-2018/xi-2017-09-26-2.txt"
    text = _excerpt(corpus, path, "中共中央政治局委员、中央政策研究室主任", "参加开幕式")
    assert text.count("，中共中央政治局委员") == 2 and _finds(text) == []


def test_the_shared_scan_of_sentence_starts_gives_the_same_refrain_members_on_the_corpus(corpus):
    """`detect` hands the rule the refrain starts of `opener_frames.sentence_starts` (one scan of the sentence
    ends for three rules); on every minable file they give the members the rule's own scan gives."""
    from app.core.formulas.opener_frames import sentence_starts
    from tests.core.test_formula_scan_shortcuts import _minable_texts

    members = 0
    for path, text in _minable_texts(corpus):
        own = [(h.start, h.end) for h in clause_anaphora.refrain_sentence_hits(text)]
        starts = sentence_starts(text)[2]
        shared = [(h.start, h.end) for h in clause_anaphora.refrain_sentence_hits(text, starts=starts)]
        assert shared == own, path.name
        members += len(own)
    assert members > 50
