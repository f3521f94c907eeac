"""Issue 14P's 排比 and slogan shapes: sibling paragraph leads and ；-segments with one head, clause runs
opened by one preposition, short weak-head runs, 更加…/全面…/一体… list frames, long slot items, and the
slogan shapes (equal items before 的 + a norm noun, closed verb–object lists, quoted sibling
couplets). Every sentence is quoted from a corpus file of the tuning part (named next to it;
`test_quoted_sentences_are_in_the_corpus` checks it is there)."""

from __future__ import annotations

import pytest

from app.core.formulas import frames, sibling_frames, slogans
from app.core.formulas.patterns import list_items
from app.core.formulas.shipped import default_matcher

PLENUM_2008 = "cpc-plenum-communiques/communique-2008-cc17-plenum03.txt"
SEGMENTS = (
    "要遵循以下重大原则：必须巩固和加强农业基础地位，始终把解决好十几亿人口吃饭问题作为治国安邦的头等大事；"
    "必须切实保障农民权益，始终把实现好、维护好、发展好广大农民根本利益作为农村一切工作的出发点和落脚点；"
    "必须不断解放和发展农村社会生产力，始终把改革创新作为农村发展的根本动力；"
)
HUST_07 = "hust-party-building/hust-07-公管学院体育学院分党校第17期入党积极分子培训班.txt"
HUST_35 = "hust-party-building/hust-35-2026-04-23-入党积极分子发言稿-李爽.txt"
PARTY_DAY_22 = "party-day-news/partyday-22-百年接力，党旗映照清华园-中华人民共和国教育部政.txt"
PARTY_DAY_08 = "party-day-news/partyday-08-乘强国巴士学强国党史—岩土研究生党支部开展主题党.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (PLENUM_2008, SEGMENTS),
    (
        "cpc-plenum-communiques/communique-2020-cc19-plenum05.txt",
        "坚持以人民为中心，坚持新发展理念，坚持深化改革开放，坚持系统观念。",
    ),
    (XI_0731, "实行更加积极、更加开放、更加有效的人才政策，"),
    ("xi-speeches-2020/xi-2020-11-25-1.txt", "要适应新技术新业态新模式的迅猛发展，"),
    (
        "cpc-plenum-communiques/communique-2023-cc20-plenum02.txt",
        "推动党对社会主义现代化建设的领导在机构设置上更加科学、在职能配置上更加优化、在体制机制上更加完善、在运行管理上更加高效。",
    ),
    ("seed/city-secretary-study-session-2023.txt", "结合起来，一体领会、一体把握、一体践行，确保"),
    (
        HUST_07,
        "号召同学们用脚步丈量祖国大地，用眼睛发现中国精神，用耳朵倾听人民呼声，用内心感应时代脉搏，成为",
    ),
    (
        HUST_35,
        "我渴望从党史中读懂信仰的力量，从党章中明确前行的方向，从老师们的授课中拓宽视野，从同学们的交流中汲取经验。",
    ),
    (
        PARTY_DAY_22,
        "围绕“铭记光辉历程、认识伟大贡献”“感悟初心宗旨，传承伟大精神”“学习重要讲话，贯彻指示要求”“",
    ),
    (PARTY_DAY_08, "开展了“追寻红色足迹，汲取奋进力量”主题党日活动。"),
    (
        "cpc-plenum-communiques/communique-1996-cc14-plenum06.txt",
        "按照政治强、业务精、作风正的要求，造就一支",
    ),
    (XI_0731, "新时代党的组织路线提出坚持德才兼备、以德为先、任人唯贤的方针，"),
    ("xi-speeches-2013-2018/xi-2016-12-30-1.txt", "我们要高举和平、发展、合作、共赢的旗帜，"),
    (XI_0731, "我们要应变局、育新机、开新局、谋复兴，关键是"),
]


def _texts(hits):
    return [h.formula if hasattr(h, "formula") else h for h in hits]


def test_segments_that_open_with_one_head_are_one_member_each():
    found = [SEGMENTS[h.start : h.end] for h in sibling_frames.segment_hits(SEGMENTS)]
    assert found == [
        "必须巩固和加强农业基础地位，始终把解决好十几亿人口吃饭问题作为治国安邦的头等大事",
        "必须切实保障农民权益，始终把实现好、维护好、发展好广大农民根本利益作为农村一切工作的出发点和落脚点",
        "必须不断解放和发展农村社会生产力，始终把改革创新作为农村发展的根本动力",
    ]
    # two segments are no frame, and a weak head (坚持…；坚持…) makes none either
    two = SEGMENTS.rsplit("必须不断", 1)[0]
    assert sibling_frames.segment_hits(two) == []
    assert sibling_frames.segment_hits(SEGMENTS.replace("必须", "坚持")) == []


@pytest.mark.corpus
def test_sibling_paragraph_leads_with_one_head(corpus):
    report = (corpus / "cpc-congress-reports/cpc-17-congress-report.txt").read_text(encoding="utf-8")
    leads = [report[h.start : h.end] for h in sibling_frames.paragraph_lead_hits(report)]
    for member in ("必须坚持把发展作为党执政兴国的第一要务", "必须坚持以人为本", "必须坚持统筹兼顾"):
        assert member in leads
    speech = (corpus / "xi-speeches-2013-2018/xi-2016-10-21-1.txt").read_text(encoding="utf-8")
    leads = [speech[h.start : h.end] for h in sibling_frames.paragraph_lead_hits(speech)]
    assert "长征是一次理想信念的伟大远征" in leads and "长征是一次检验真理的伟大远征" in leads
    news = (
        corpus / "party-day-news/partyday-06-政治与公共管理学院成功举办广东省社会保险经办机构.txt"
    ).read_text(encoding="utf-8")
    leads = [news[h.start : h.end] for h in sibling_frames.paragraph_lead_hits(news)]
    assert "以研修为抓手，全面提升干部综合素质" in leads  # a heading line with a comma


def test_salutation_and_discourse_leads_are_no_frame():
    letters = "\n尊敬的普京总统，\n尊敬的祖马总统，\n尊敬的特梅尔总统，\n"
    assert sibling_frames.paragraph_lead_hits(letters) == []
    plenum = "\n全会指出，这是一个原则。\n全会强调，这是一个原则。\n全会提出，这是一个原则。\n"
    assert sibling_frames.paragraph_lead_hits(plenum) == []


def test_short_members_make_a_weak_head_run_a_frame():
    sentence = QUOTED[1][1]
    assert [h.formula for h in frames.frame_hits(sentence)] == [
        "坚持以人民为中心，坚持新发展理念，坚持深化改革开放，坚持系统观念"
    ]
    # long members after 坚持 are a list of tasks, as before
    tasks = "坚持稳中求进工作总基调，坚持新发展理念，坚持推动高质量发展，坚持以供给侧结构性改革为主线。"
    assert frames.frame_hits(tasks) == []


def test_adverb_heads_unseparated_repeats_and_long_slot_items():
    # (a 、-list head run keeps the last item's clause tail, as the older head-run frames do)
    assert _texts(frames.frame_hits(QUOTED[2][1])) == ["更加积极、更加开放、更加有效的人才政策"]
    assert _texts(frames.frame_hits(QUOTED[3][1])) == ["新技术新业态新模式"]
    assert _texts(frames.frame_hits(QUOTED[4][1])) == [
        "在机构设置上更加科学、在职能配置上更加优化、在体制机制上更加完善、在运行管理上更加高效"
    ]
    assert _texts(frames.frame_hits(QUOTED[5][1])) == ["一体领会、一体把握、一体践行"]
    # 深入… is a verb: a list of tasks stays unmarked
    assert frames.frame_hits("要深入基层、深入一线、深入群众，") == []


def test_clause_runs_opened_by_one_preposition():
    assert _texts(sibling_frames.preposition_run_hits(QUOTED[6][1])) == [
        "用脚步丈量祖国大地，用眼睛发现中国精神，用耳朵倾听人民呼声，用内心感应时代脉搏"
    ]
    assert _texts(sibling_frames.preposition_run_hits(QUOTED[7][1])) == [
        "从党史中读懂信仰的力量，从党章中明确前行的方向，从老师们的授课中拓宽视野，从同学们的交流中汲取经验"
    ]
    # three clauses with one preposition and nothing else in common are no frame
    assert sibling_frames.preposition_run_hits("，在会上发言，在北京工作，在年底回家。") == []


def test_quoted_couplets_beside_other_quotes_are_slogans():
    hits = [h for h in default_matcher().find(QUOTED[8][1]) if h.rule == "quoted"]
    assert [h.text for h in hits] == [
        "铭记光辉历程、认识伟大贡献",
        "感悟初心宗旨，传承伟大精神",
        "学习重要讲话，贯彻指示要求",
    ]
    # a couplet quoted alone is as often an activity's title (GUIDE §1.5): not marked
    assert [h for h in default_matcher().find(QUOTED[9][1]) if h.rule == "quoted"] == []


@pytest.mark.parametrize(
    ("index", "expected"),
    [(10, "政治强、业务精、作风正"), (11, "德才兼备、以德为先、任人唯贤"), (12, "和平、发展、合作、共赢")],
)
def test_equal_items_before_a_norm_noun_are_a_slogan(index, expected):
    sentence = QUOTED[index][1]
    words = default_matcher().common_words
    hits = slogans.norm_list_hits(sentence, list_items(sentence), words)
    assert [sentence[h.start : h.end] for h in hits] == [expected]


def test_norm_noun_lists_need_equal_items():
    sentence = "按照粮食、能源、重要矿产的要求，"
    assert slogans.norm_list_hits(sentence, list_items(sentence), default_matcher().common_words) == []


def test_closed_verb_object_lists_are_slogans():
    sentence = QUOTED[13][1]
    words = default_matcher().common_words
    assert _texts(slogans.verb_object_list_hits(list_items(sentence), words)) == [
        "应变局、育新机、开新局、谋复兴"
    ]
    nouns = "发展制造业、服务业、手工业、建筑业，"
    assert slogans.verb_object_list_hits(list_items(nouns), words) == []
