"""Metadata guessed from a speech's head: small constructed texts and real corpus files."""

from __future__ import annotations

import csv
import re
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.dates import find_dates, parse_date
from app.core.metadata import GENRES, guess_metadata
from app.core.model import DocumentMeta
from app.core.speakers import SpeakerGuess, speaker_from_line, speaker_from_prefix


def _set_fields(meta: DocumentMeta) -> dict[str, object]:
    return {name: value for name, value in asdict(meta).items() if value}


# ---- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023年4月12日", "2023-04-12"),
        ("（２０１３年１月１日）", "2013-01-01"),
        ("2023-04-12", "2023-04-12"),
        ("2023.4.12", "2023-04-12"),
        ("2023/4/12", "2023-04-12"),
        ("2023年4月", "2023-04"),
        ("2023-04", "2023-04"),
        ("2026年 4月23日", "2026-04-23"),
        ("二〇一五年九月二十六日", "2015-09-26"),
        ("二○一六年一月二十一日", "2016-01-21"),
        ("一九六一年一月十四日至十八日", "1961-01-14"),
        ("1989年", "1989"),
    ],
)
def test_dates_in_every_official_spelling(written: str, iso: str) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "text", ["1.2万亿元", "2024-2025学年", "2023年13月5日", "第2023.4号", "9:00", "2023/04"]
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_bare_years_only_on_request() -> None:
    assert list(find_dates("2014年工作回顾")) == []
    assert [m.iso for m in find_dates("2014年工作回顾", year_only=True)] == ["2014"]


def test_date_offsets_point_into_the_original_text() -> None:
    text = "会议于２００３年１０月１１日举行"
    (match,) = find_dates(text)
    assert text[match.start : match.end] == "２００３年１０月１１日"


# ---- speakers -------------------------------------------------------------------------------------


def test_speaker_lines() -> None:
    assert speaker_from_line("国务院总理　李　强") == speaker_from_line("国务院总理李强")
    assert speaker_from_line("李　强") == SpeakerGuess("李强")
    guess = speaker_from_line("呼伦贝尔市海拉尔区人民政府代区长  萨国文")
    assert guess and (guess.name, guess.role, guess.organisation) == (
        "萨国文",
        "代区长",
        "呼伦贝尔市海拉尔区人民政府",
    )
    assert speaker_from_line("北京") is None  # not a surname: a place under a time stamp
    assert speaker_from_line("发言稿") is None
    assert speaker_from_prefix("习近平主席在论坛上的主旨演讲").role == "主席"
    assert speaker_from_prefix("市委书记**在会上的讲话").name == ""


# ---- whole heads ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市委书记张三在全市经济工作会议上的讲话\n（2023年4月12日）\n\n同志们：\n今天召开会议。",
            {"title": "市委书记张三在全市经济工作会议上的讲话", "speaker": "张三", "role": "市委书记",
             "date": "2023-04-12", "occasion": "全市经济工作会议", "genre": "讲话"},
        ),
        (
            "市委书记XXX在全市经济工作会议上的讲话\n2023.4.12\n同志们：\n今天召开会议。",
            {"title": "市委书记XXX在全市经济工作会议上的讲话", "role": "市委书记", "date": "2023-04-12",
             "occasion": "全市经济工作会议", "genre": "讲话"},
        ),
        (
            "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　李克强\n"
            "各位代表：\n现在，我代表国务院，向大会报告政府工作。",
            {"title": "政府工作报告", "speaker": "李克强", "role": "国务院总理", "date": "2023-03-05",
             "occasion": "第十四届全国人民代表大会第一次会议", "genre": "政府工作报告"},
        ),
        (
            "政 府 工 作 报 告\n----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上\n"
            "海拉尔区人民政府区长　　张天喜\n各位代表：",
            {"title": "政府工作报告", "speaker": "张天喜", "role": "区长", "organisation": "海拉尔区人民政府",
             "date": "2012-02-29", "occasion": "海拉尔区第十三届人民代表大会第六次会议", "genre": "政府工作报告"},
        ),
        (
            "习近平：在全国政协新年茶话会上的讲话\n\n发布时间：2013-01-02\n\n在全国政协新年茶话会上的讲话\n\n"
            "（２０１３年１月１日）\n\n习近平\n\n同志们，朋友们：\n今天是元旦。",
            {"title": "习近平：在全国政协新年茶话会上的讲话", "speaker": "习近平", "date": "2013-01-01",
             "occasion": "全国政协新年茶话会", "genre": "讲话"},
        ),
        (
            "在“不忘初心、牢记使命”主题教育总结大会上的讲话（2020年1月8日）习近平同志们：在全党开展主题教育。",
            {"title": "在“不忘初心、牢记使命”主题教育总结大会上的讲话", "speaker": "习近平", "date": "2020-01-08",
             "occasion": "“不忘初心、牢记使命”主题教育总结大会", "genre": "讲话"},
        ),
        (
            "中国共产党第二十届中央委员会第二次全体会议公报\n"
            "（2023年2月28日中国共产党第二十届中央委员会第二次全体会议通过）\n"
            "中国共产党第二十届中央委员会第二次全体会议，于2023年2月26日至28日在北京举行。",
            {"title": "中国共产党第二十届中央委员会第二次全体会议公报", "date": "2023-02-28",
             "occasion": "中国共产党第二十届中央委员会第二次全体会议", "genre": "公报"},
        ),
        (
            "第十届全国人民代表大会第五次会议听取和审议了国务院总理温家宝所作的政府工作报告。会议决定批准这个报告。",
            {"occasion": "第十届全国人民代表大会第五次会议", "genre": "决议"},
        ),
        (
            "在第18期入党积极分子培训班开班典礼上的致辞\n（2026年 4月23日）\n同学们：",
            {"title": "在第18期入党积极分子培训班开班典礼上的致辞", "date": "2026-04-23",
             "occasion": "第18期入党积极分子培训班开班典礼", "genre": "致辞"},
        ),
        (
            "县长在全县脱贫攻坚推进会上的发言\n2023-04\n",
            {"title": "县长在全县脱贫攻坚推进会上的发言", "role": "县长", "date": "2023-04",
             "occasion": "全县脱贫攻坚推进会", "genre": "发言"},
        ),
        ("参观红色教育基地心得体会\n这次参观让我深受教育。", {"title": "参观红色教育基地心得体会", "genre": "心得"}),
        ("贺信\n值此建校100周年之际，我代表党中央表示祝贺。", {"genre": "贺信"}),
        (
            "为深入学习贯彻党的二十大精神，4月12日，公共管理学院组织党员参观革命博物馆。活动中，大家认真聆听讲解。",
            {"genre": "新闻"},
        ),
        ("", {}),
    ],
)  # fmt: skip
def test_guesses_from_constructed_heads(text: str, expected: dict[str, str]) -> None:
    assert _set_fields(guess_metadata(text)) == expected


def test_run_on_speech_names_its_speaker_with_role_after_the_date() -> None:
    text = "共抗疫情，共谋和平——在第三届巴黎和平论坛的致辞（2020年11月12日，北京）中华人民共和国主席　习近平女士们，先生们："
    meta = guess_metadata(text)
    assert (meta.title, meta.date, meta.speaker, meta.role, meta.genre) == (
        "共抗疫情，共谋和平——在第三届巴黎和平论坛的致辞",
        "2020-11-12",
        "习近平",
        "主席",
        "致辞",
    )


def test_dated_title_line_is_cut_at_its_date() -> None:
    text = (
        "在中央政治局常委会会议上的讲话（2020年2月3日）习近平　　武汉新冠肺炎疫情发生后，党中央高度重视。" * 3
    )
    meta = guess_metadata(text)
    assert (meta.title, meta.date, meta.speaker) == ("在中央政治局常委会会议上的讲话", "2020-02-03", "习近平")


@pytest.mark.parametrize(
    ("title", "speaker", "role", "organisation", "occasion", "genre"),
    [
        ("南京市委书记韩立明在全市高质量发展大会上的讲话", "韩立明", "市委书记", "南京", "全市高质量发展大会", "讲话"),
        ("区委副书记、区长李四在区十届人大三次会议上的政府工作报告", "李四", "区委副书记、区长", "",
         "区十届人大三次会议", "政府工作报告"),
        ("中共中央总书记、国家主席、中央军委主席习近平在庆祝大会上的讲话", "习近平",
         "中共中央总书记、国家主席、中央军委主席", "", "庆祝大会", "讲话"),
        ("校党委书记在2023级新生开学典礼上的致辞", "", "校党委书记", "", "2023级新生开学典礼", "致辞"),
        ("在全市“两会”开幕式上的开幕词", "", "", "", "全市“两会”开幕式", "致辞"),
    ],
)  # fmt: skip
def test_roles_held_together_and_occasions_of_every_spoken_genre(
    title: str, speaker: str, role: str, organisation: str, occasion: str, genre: str
) -> None:
    meta = guess_metadata(title + "\n同志们：\n今天开会。")
    assert (meta.title, meta.speaker, meta.role, meta.organisation, meta.occasion, meta.genre) == (
        title,
        speaker,
        role,
        organisation,
        occasion,
        genre,
    )


def test_verse_opening_is_not_a_title() -> None:
    text = "从辛亥革命的第一声枪响\n到新民主主义革命的曙光绽放\n革命先烈擎起复兴的火炬\n抛洒热血，铸就荣光\n正文。"
    assert guess_metadata(text).title == ""


def test_body_sentence_broken_by_the_source_is_not_a_title() -> None:
    text = (
        "第十二届全国人民代表大会第二次会议听取和审议了国务院总理李克强所作的\n政府工作报告\n。会议决定批准。"
    )
    assert guess_metadata(text).title == ""


def test_the_word_xianzai_is_not_an_occasion() -> None:
    """`现在` ends in 在: `我现在代表国务院…作…的报告` must not yield an occasion."""
    text = "各位代表：\n我现在代表国务院向本次大会作关于第一个五年计划的报告。"
    assert guess_metadata(text).occasion == ""


def test_genres_vocabulary_covers_every_guess() -> None:
    assert {
        "讲话",
        "报告",
        "政府工作报告",
        "发言材料",
        "公报",
        "决议",
        "致辞",
        "贺信",
        "讲稿",
        "心得",
        "感想",
    } <= set(GENRES)


# ---- real corpus files ---------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "seed/city-secretary-study-session-2023.txt",
            {"title": "市委书记在市委理论学习中心组专题研讨交流会上的发言材料", "role": "市委书记",
             "occasion": "市委理论学习中心组专题研讨交流会", "genre": "发言材料"},
        ),
        (
            "gwr-state-council/gwr-2024.txt",
            {"title": "政府工作报告", "speaker": "李强", "role": "国务院总理", "date": "2024-03-05",
             "occasion": "第十四届全国人民代表大会第二次会议", "genre": "政府工作报告"},
        ),
        (
            "gwr-state-council/gwr-2017.txt",  # title broken over two lines: 政府工作报 / 告
            {"title": "政府工作报告", "speaker": "李克强", "role": "国务院总理", "date": "2017-03-05",
             "occasion": "第十二届全国人民代表大会第五次会议", "genre": "政府工作报告"},
        ),
        (
            "xi-speeches-2013-2018/xi-2013-03-23-1.txt",  # delivered on the 22nd, published on the 23rd
            {"title": "习近平在俄罗斯“中国旅游年”开幕式上的致辞", "speaker": "习近平", "role": "主席",
             "organisation": "中华人民共和国", "date": "2013-03-22", "occasion": "俄罗斯“中国旅游年”开幕式",
             "genre": "致辞"},
        ),
        (
            "cpc-congress-reports/cpc-19-congress-report.txt",
            {"title": "决胜全面建成小康社会 为夺取新时代中国特色社会主义伟大胜利", "date": "2017-10-18",
             "occasion": "中国共产党第十九次全国代表大会", "genre": "报告"},
        ),
        (
            "npc-resolutions-on-gwr/npc-resolution-on-gwr-2020.txt",
            {"title": "第十三届全国人民代表大会第三次会议关于政府工作报告的决议", "date": "2020-05-28",
             "occasion": "第十三届全国人民代表大会第三次会议", "genre": "决议"},
        ),
        (
            "cpc-plenum-communiques/communique-1961-cc08-plenum09.txt",
            {"date": "1961-01-14", "occasion": "中国共产党第八届中央委员会第九次全体会议", "genre": "公报"},
        ),
        (
            "party-day-news/partyday-25-省博感想3.txt",
            {"title": "湖北省博物馆参观感悟", "genre": "感想"},
        ),
    ],
)  # fmt: skip
def test_guesses_on_real_speeches(corpus: Path, name: str, expected: dict[str, str]) -> None:
    assert _set_fields(guess_metadata((corpus / name).read_text(encoding="utf-8"))) == expected


@pytest.mark.corpus
def test_dated_collections_never_get_a_wrong_year(corpus: Path) -> None:
    """Where the index gives the year, a guessed date must lie in it, and most files get one."""
    dated = wrong = total = 0
    for index in sorted(corpus.glob("*/index.tsv")):
        for row in csv.DictReader(index.read_text(encoding="utf-8").splitlines(), delimiter="\t"):
            year = row.get("year") or row.get("meeting_year")
            if not year:
                continue
            total += 1
            guess = guess_metadata((index.parent / row["file"]).read_text(encoding="utf-8")).date
            dated += bool(guess)
            wrong += bool(guess) and not guess.startswith(year)
    assert total == 129
    assert wrong == 0
    assert dated >= 60  # reports that open with 各位代表： carry no date at all


@pytest.mark.corpus
def test_every_corpus_file_gets_a_genre_or_nothing_unknown(corpus: Path) -> None:
    genres = [
        guess_metadata(path.read_text(encoding="utf-8")).genre for path in sorted(corpus.rglob("*.txt"))
    ]
    assert set(genres) <= {*GENRES, ""}
    assert sum(1 for genre in genres if genre) >= 320


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

_SPEECHY = st.text(
    alphabet=st.sampled_from(
        list("在上的讲话报告市委书记同志们：（）年月日〇一二三2023-04.。，\n　 *×XＸ——发布时间政府工作李强")
    )
    | st.characters(),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(_SPEECHY)
def test_metadata_guess_is_well_formed_for_any_text(text: str) -> None:
    meta = guess_metadata(text)
    assert not meta.date or _ISO.match(meta.date)
    for value in (meta.title, meta.speaker, meta.role, meta.organisation, meta.occasion, meta.genre):
        assert "\n" not in value
    assert len(meta.title) <= 80
