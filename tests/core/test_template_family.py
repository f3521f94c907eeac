"""Template wording: numerals are slots, and a sentence the query's other candidates hold with other
numbers in it is marked, unless too few of them (the compared one left out) hold it."""

from __future__ import annotations

import numpy as np

from app.core.template_family import SLOT, TemplateFamily, has_slots, skeleton

OPENING = "中国共产党第{}届中央委员会第{}次全体会议于{}年{}月{}日至{}日在北京举行出席这次全会的有中央委员{}人"


def opening(*numbers: str) -> str:
    return OPENING.format(*numbers)


def test_a_run_of_numerals_is_one_slot_and_maps_back_to_its_text() -> None:
    text = "第十七届会议于2011年10月举行"
    skel, starts = skeleton(text)
    assert skel == f"第{SLOT}届会议于{SLOT}年{SLOT}月举行"
    assert len(starts) == len(skel) + 1 and starts[-1] == len(text)
    assert text[starts[1] : starts[2]] == "十七"  # the slot spans the whole run
    assert text[starts[6] : starts[7]] == "2011"
    assert has_slots(text) and not has_slots("全会由中央政治局主持")


def test_template_wording_is_what_enough_other_candidates_hold_with_other_numbers() -> None:
    query = (
        "开头的话" + opening("十七", "六", "2011", "10", "15", "18", "202") + "这是本文自己的内容没有别人有"
    )
    siblings = {
        i: opening(a, b, y, "9", "28", "30", n) + f"各自的正文第{i}篇"
        for i, (a, b, y, n) in enumerate(
            [
                ("十六", "四", "2004", "198"),
                ("十七", "三", "2008", "203"),
                ("十八", "二", "2013", "205"),
                ("十五", "五", "2000", "187"),
                ("十九", "四", "2019", "202"),
            ]
        )
    }
    family = TemplateFamily(siblings, 8, query)
    covered = family.covered(query, leave_out={0}, bar=4)
    assert covered is not None
    start = query.index("中国共产党")
    marked = np.flatnonzero(covered)
    assert (
        marked.min() == start
        and marked.max() == start + len(opening("十七", "六", "2011", "10", "15", "18", "202")) - 1
    )
    assert not covered[:start].any()  # the query's own words are no template
    # with two of the five left out, three hold it: under a bar of four nothing is template
    assert family.covered(query, leave_out={0, 1}, bar=4) is None
    # one more candidate without the opening: five are left besides the compared one, four hold it
    more = TemplateFamily({**siblings, 9: "另一篇讲话的内容与会议无关"}, 8, query)
    assert more.covered(query, leave_out={0}, bar=5) is None
    assert more.covered(query, leave_out={9}, bar=5) is not None
    assert TemplateFamily({}, 8, query).covered(query, leave_out=(), bar=1) is None
