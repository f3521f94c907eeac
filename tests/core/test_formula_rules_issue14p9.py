"""Issue 14, session 9 (14p9): 排比 and slogans that the fresh rounds mark and the shape rules missed.

- the short lead sentences of numbered or dashed points (第一，…第二，…第三，…; ——我们要…) when the run's leads are
  balanced two-clause points, 4+4 mottos or share their head (`point_frames.point_lead_hits`), and not a report's
  list of achievements or tasks;
- mottos of two balanced sides joined by 则 (生态兴则文明兴; 治则兴，乱则衰) (`couplets.ze_motto_hits`).

Every test text is a stretch of a minable corpus file, cut from its first quoted words to its last
(`_excerpt` checks that the file is not one of the held-out round's); one test puts real leads under ordinals
out of order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formulas import couplets, point_frames
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import minable, unquotable

pytestmark = pytest.mark.corpus

XI_1110 = "xi-speeches-2020/xi-2020-11-10-1.txt"
XI_0606 = "xi-speeches-2013-2018/xi-2016-06-06-1.txt"
XI_0905 = "xi-speeches-2020/xi-2020-09-05-1.txt"
XI_0109 = "xi-speeches-2020/xi-2020-01-09-1.txt"
XI_0307 = "xi-speeches-2020/xi-2020-03-07-1.txt"
GWR_2024 = "gwr-state-council/gwr-2024.txt"
GWR_2014 = "gwr-state-council/gwr-2014.txt"
XI_1001 = "xi-speeches-2020/xi-2020-10-01-1.txt"
GWR_1992 = "gwr-state-council/gwr-1992.txt"
XI_1216 = "xi-speeches-2013-2018/xi-2015-12-16-1.txt"
XI_0926 = "xi-speeches-2013-2018/xi-2017-09-26-1.txt"

ECOLOGY = "工业文明创造了巨大物质财富，但也带来了生物多样性丧失和环境破坏的生态危机。生态兴则文明兴。"
ORDER = "，发展经济。治则兴，乱则衰。保持社会和"
#: (xi-2020-08-25-1's sentence gave way: drawn for the held-out round 16)
UNEQUAL = "促进开放合作。“天下兼相爱则治，交相恶则乱。”完善全"
OTHERWISE = "往往并不能简单对待，否则就可能陷入头痛医头、脚痛"
#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [(XI_1001, ECOLOGY), (GWR_1992, ORDER), (XI_1216, UNEQUAL), (XI_0926, OTHERWISE)]


def _excerpt(corpus: Path, path: str, first: str, last: str) -> str:
    """The file's text from the first occurrence of `first` through the next occurrence of `last`."""
    assert minable(corpus / path), path
    text = (corpus / path).read_text(encoding="utf-8")
    start = text.index(first)
    return text[start : text.index(last, start) + len(last)]


def _leads(text: str) -> list[str]:
    return [text[h.start : h.end] for h in point_frames.point_lead_hits(text)]


@pytest.mark.parametrize(
    ("path", "first", "last", "leads"),
    [
        (  # numbered points of two balanced clauses
            XI_1110,
            "第一，加强抗疫合作",
            "构建人文共同体。",
            [
                "加强抗疫合作，构建卫生健康共同体",
                "维护安全和稳定，构建安全共同体",
                "深化务实合作，构建发展共同体",
                "促进民心相通，构建人文共同体",
            ],
        ),
        (  # dashed points that share their head
            XI_0606,
            "——我们要增强两国互信",
            "——我们要厚植两国人民友谊。",
            [
                "我们要增强两国互信",
                "我们要积极拓展两国互利合作",
                "我们要妥善管控分歧和敏感问题",
                "我们要就亚太事务加强沟通和合作",
                "我们要厚植两国人民友谊",
            ],
        ),
        (  # numbered points that share their head
            XI_0905,
            "第一，共同营造",
            "共同开创互利共赢的合作局面。",
            ["共同营造开放包容的合作环境", "共同激活创新引领的合作动能", "共同开创互利共赢的合作局面"],
        ),
        (  # 4+4 mottos after 一是…六是
            XI_0109,
            "一是聚焦主题",
            "力戒虚功、务求实效。",
            [
                "聚焦主题、紧扣主线",
                "以上率下、示范带动",
                "有机融合、一体推进",
                "紧盯问题、精准整改",
                "严督实导、内外用力",
                "力戒虚功、务求实效",
            ],
        ),
        # a report's tasks after 一是 (一是着力深化改革开放，激发市场活力和内生动力。二是创新宏观调控思路和方式，…)
        (GWR_2014, "一是着力深化改革开放", "三是注重调整经济结构，提高发展质量和效益。", []),
        # results, how things changed (第三，贫困地区基本生产生活条件明显改善。第四，贫困地区经济社会发展明显加快。…)
        (XI_0307, "第一，", "减贫成就得到国际社会普遍认可。", []),
        # a work report's review (——经济总体回升向好。——现代化产业体系建设取得重要进展。…): no shared head
        (GWR_2024, "——经济总体回升向好", "——民生保障有力有效。", []),
    ],
)
def test_point_leads_that_make_a_frame(corpus, path, first, last, leads):
    assert _leads(_excerpt(corpus, path, first, last)) == leads


def test_points_are_parallel_hits_of_the_detector(corpus):
    text = _excerpt(corpus, XI_1110, "第一，加强抗疫合作", "构建人文共同体。")
    parallel = {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}
    assert "维护安全和稳定，构建安全共同体" in parallel


def test_points_must_count_up_in_a_row():
    # (the leads of xi-2020-11-10-1 under ordinals that do not follow each other: no run of three)
    text = "第一，加强抗疫合作，构建卫生健康共同体。第三，维护安全和稳定，构建安全共同体。第一，深化务实合作，构建发展共同体。"
    assert _leads(text) == []


def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, QUOTED) == []


def _ze(text: str) -> list[str]:
    return [text[h.start : h.end] for h in couplets.ze_motto_hits(text)]


@pytest.mark.parametrize(("text", "motto"), [(ECOLOGY, "生态兴则文明兴"), (ORDER, "治则兴，乱则衰")])
def test_balanced_ze_mottos_are_slogans(text, motto):
    assert _ze(text) == [motto]
    assert motto in [text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "slogan"]


@pytest.mark.parametrize("text", [UNEQUAL, OTHERWISE])
def test_unbalanced_or_running_ze_clauses_are_no_mottos(text):
    # 天下兼相爱则治，交相恶则乱: halves of unequal length; …，否则就可能…: 则 inside a longer clause
    assert _ze(text) == []
