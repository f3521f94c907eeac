"""Quoted names of activities, series, talks and contests are not formulas (app/core/formulas/quoted_titles.py).
Sentences are quoted from corpus files of the tuning part; `test_quoted_text_is_in_the_corpus` checks it."""

from __future__ import annotations

from app.core.formulas.shipped import default_matcher

HUST_41 = "hust-party-building/hust-41-2026-党员面对面系列活动推文.txt"
PARTY_DAY_29 = "party-day-news/partyday-29-西安交大党委组织部（党校）党支部开展“听党指挥薪.txt"
SEED = "seed/city-secretary-study-session-2023.txt"
SERIES = '党建专栏 | 心贴心、面对面、实打实！公管学院"党员面对面"系列活动来了'
AGAIN = '3月中旬到4月初，公管学院本科生党建工作中心在紫菘活动中心连办四场"党员面对面"，场场都是干货。'
CONTEST = '公管学院，在C刊发过论文，拿过"寻是杯"全国一等奖，她跟同学'
BRANCH_DAY = "党支部开展“听党指挥 薪火百年”主题党日活动，支部全"
CAMPAIGN = "论普及联盟，广泛开展“七进”活动，打造“网"
QUOTED = [
    (HUST_41, SERIES),
    (HUST_41, AGAIN),
    (HUST_41, CONTEST),
    (PARTY_DAY_29, BRANCH_DAY),
    (SEED, CAMPAIGN),
]


def test_quoted_text_is_in_the_corpus(corpus):
    for path, sentence in QUOTED:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


def _quoted(text: str) -> list[str]:
    return [h.text for h in default_matcher().find(text) if h.rule == "quoted"]


def test_a_label_the_text_calls_a_series_is_no_formula_anywhere_in_it():
    # without the title test, the label quoted three times counts as the speech's own formula
    text = "\n".join((SERIES, AGAIN, AGAIN.replace("连办四场", "又办一场")))
    assert "党员面对面" not in _quoted(text)
    assert "党员面对面" in _quoted("\n".join((AGAIN, AGAIN.replace("连办四场", "又办一场"), AGAIN)))


def test_contest_names_and_titles_with_a_space_are_no_formulas():
    assert _quoted(CONTEST) == []
    assert _quoted(BRANCH_DAY) == []


def test_a_campaign_label_before_plain_activity_is_still_a_formula():
    assert "七进" in _quoted(CAMPAIGN)
