"""Issue 14, session 6 (14f6): shape rules for 排比 and slogans.

- framed stretches inside longer 、-runs and lists whose last item is joined by 和 (`sub_lists`);
- list items that share only 不/新/更 (`patterns._FRAME_PREFIXES`).

Every sentence is quoted from a minable corpus file (named next to it; `test_quoted_sentences_are_in_the_corpus`
checks that it is there and that the file is not one of the held-out round's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formulas import patterns, sub_lists
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import minable

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

GWR_1984 = "gwr-state-council/gwr-1984.txt"
GWR_2013 = "gwr-state-council/gwr-2013.txt"
GWR_2001 = "gwr-state-council/gwr-2001.txt"
PLENUM_2009 = "cpc-plenum-communiques/communique-2009-cc17-plenum04.txt"
XI_1230 = "xi-speeches-2013-2018/xi-2016-12-30-1.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"
GWR_2008 = "gwr-state-council/gwr-2008.txt"

NUCLEAR = "近年来在欧洲、日本和其他许多国家兴起的反对核武器、核威胁、核竞赛的强大和平运动"
CADRES = "及时把那些愿干事、真干事、干成事的干部发现出来、任用起来。"
POLICY = "保持政策连续性和稳定性，增强前瞻性、针对性和灵活性。"
STRUCTURE = "我们坚持全面调整产业结构、地区结构和城乡结构，"
UNSTABLE = "我国经济回升基础还不稳定、不巩固、不平衡，"
HONG_KONG = "确保“一国两制”实践不动摇、不走样、不变形。"
ADDRESSEES = "向各民主党派、各人民团体和各界人士"

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (GWR_1984, NUCLEAR),
    (XI_0731, CADRES),
    (GWR_2013, POLICY),
    ("gwr-state-council/gwr-2003.txt", STRUCTURE),
    (PLENUM_2009, UNSTABLE),
    (XI_1230, HONG_KONG),
    (GWR_2008, ADDRESSEES),
]

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return CORPUS


def test_quoted_sentences_are_in_the_corpus(corpus):
    for path, sentence in QUOTED:
        assert minable(corpus / path), path
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


def _texts(sentence: str, rule: str = "") -> list[str]:
    return [h.text for h in default_matcher().find(sentence) if not rule or h.rule == rule]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (NUCLEAR, "核武器、核威胁、核竞赛"),  # the run starts at 欧洲; 国家兴起的反对核武器 is a clause piece
        (CADRES, "愿干事、真干事、干成事"),  # the run goes on to 发现出来、任用起来
        (POLICY, "前瞻性、针对性和灵活性"),  # one list comma, the last item joined by 和
        (STRUCTURE, "产业结构、地区结构和城乡结构"),
    ],
)
def test_framed_sub_lists_are_found(corpus, sentence, expected):
    assert expected in _texts(sentence)


def test_sub_lists_split_runs_at_clause_pieces():
    lists = patterns.list_items(NUCLEAR)
    assert [raw for _l, _r, raw in sub_lists.sub_lists(NUCLEAR, lists)] == [
        ["日本和其他许多国家兴起的反对核武器", "核威胁", "核竞赛的强大和平运动"]
    ]
    start, end, _raw = sub_lists.sub_lists(NUCLEAR, lists)[0]
    assert NUCLEAR[start:end] == "日本和其他许多国家兴起的反对核武器、核威胁、核竞赛的强大和平运动"


def test_addressee_lists_are_no_sub_lists(corpus):
    assert sub_lists.sub_lists(ADDRESSEES, patterns.list_items(ADDRESSEES)) == []
    assert not [t for t in _texts(ADDRESSEES) if "人士" in t]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [(UNSTABLE, "不稳定、不巩固、不平衡"), (HONG_KONG, "不动摇、不走样、不变形")],
)
def test_one_character_frame_prefixes(corpus, sentence, expected):
    assert expected in _texts(sentence, "enumeration")


def test_frame_prefixes_are_one_character():
    sentence = "要不断深化、不断拓展、不断完善改革"  # 不断… is a verb prefix, not the frame's 不
    assert not patterns.enumeration_hits(sentence, frozenset())
