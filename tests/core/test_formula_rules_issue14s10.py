"""Issue 14, session 10 (14s10): slogans and 排比 in speeches and party-building texts.

- slogan shapes that hit general Chinese, not mottos: couplets whose halves both open with distributive 各 or the
  simile 如 (各施所长，各尽所能; 如切如磋，如琢如磨), and lists of three-character names (程秀英、仲浩天…) that the
  verb–object slogan rule took for units (GUIDE §3: idioms, classical quotations and persons are not marked);

Every test text is a sentence of a minable corpus file (`unquotable` checks that it is in its file and that the file
is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import couplets, patterns, slogans
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

XI_0605 = "xi-speeches-2013-2018/xi-2014-06-05-1.txt"
HUST_27 = "hust-party-building/hust-27-校园文化节｜华科大“国潮奇遇记”绽放古韵新声.txt"
HUST_31 = "hust-party-building/hust-31-迎新季｜公共管理学院2025级本科新生，今日起航.txt"
XI_1018 = "xi-speeches-2020/xi-2020-10-18-1.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"

EACH = "共建，就是各施所长，各尽所能，把双方优势和潜能充分发挥出来"
POLISH = "“如切如磋，如琢如磨”"
UNTIL_DONE = "各级党委和政府务必保持攻坚态势，善始善终，善作善成，不获全胜决不收兵。"
TEACHERS = "本科新生班主任程秀英、仲浩天、张译文、牛海沣，本科教务负责人"
UNITS = "我们要应变局、育新机、开新局、谋复兴，关键是要把党的各级领导班子和干部"
#: (corpus file, sentence) for every sentence quoted here.
QUOTED = [(XI_0605, EACH), (HUST_27, POLISH), (XI_1018, UNTIL_DONE), (HUST_31, TEACHERS), (XI_0731, UNITS)]


def test_every_quoted_sentence_is_in_its_minable_file(corpus):
    assert unquotable(corpus, QUOTED) == []


def _couplets(text: str) -> list[str]:
    return [h.formula for h in couplets.couplet_hits(text)]


def test_a_couplet_of_general_each_or_simile_pairs_is_no_slogan():
    assert _couplets(EACH) == []
    assert _couplets(POLISH) == []
    assert _couplets(UNTIL_DONE) == ["善始善终，善作善成"]  # a motto pair opening alike stays


def _units(text: str) -> list[str]:
    words = default_matcher().common_words
    return [h.formula for h in slogans.verb_object_list_hits(patterns.list_items(text), words)]


def test_a_list_of_names_is_no_verb_object_slogan():
    assert _units(TEACHERS) == []
    assert _units(UNITS) == ["应变局、育新机、开新局、谋复兴"]


def test_the_detector_marks_neither_as_a_slogan():
    for text in (EACH, POLISH, TEACHERS):
        assert [h.text for h in default_matcher().find(text) if h.rule == "slogan"] == []
