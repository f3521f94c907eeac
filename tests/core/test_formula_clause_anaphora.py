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
