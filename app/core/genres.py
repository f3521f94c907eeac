"""The genre of an official text: from the words of its title, or from how its body opens.

A title says what it is (`…的讲话`, `…公报`, `关于政府工作报告的决议`). Untitled texts still give
themselves away in their first sentences: NPC resolutions `听取和审议了…报告`, government work reports
`各位代表：…我代表国务院`, plenum communiqués `全会认为…`, news posts `为…，4月12日，…`.
"""

from __future__ import annotations

import re

#: Genre words in the order they win when several appear (`关于政府工作报告的决议` is a 决议).
_GENRE_WORDS: tuple[tuple[str, str], ...] = (
    ("决议", "决议"),
    ("公报", "公报"),
    ("政府工作报告", "政府工作报告"),
    ("发言材料", "发言材料"),
    ("发言稿", "发言稿"),
    ("讲稿", "讲稿"),
    ("整理稿", "讲稿"),
    ("致辞", "致辞"),
    ("致词", "致辞"),
    ("开幕词", "致辞"),
    ("闭幕词", "致辞"),
    ("贺信", "贺信"),
    ("贺词", "贺信"),
    ("贺电", "贺信"),
    ("回信", "回信"),
    ("演讲", "演讲"),
    ("讲话", "讲话"),
    ("发言", "发言"),
    ("报告", "报告"),
    ("观后感", "感想"),
    ("读后感", "感想"),
    ("感想", "感想"),
    ("感悟", "感想"),
    ("心得", "心得"),
)
#: Every genre the guesser can produce (for filters and pick lists).
GENRES: tuple[str, ...] = (*dict.fromkeys(genre for _, genre in _GENRE_WORDS), "说明", "新闻")
#: What a speech is called right after `在…上的`: the genres spoken at an occasion.
_SPOKEN = (
    "政府工作报告", "发言材料", "发言稿", "讲稿", "致辞", "致词", "开幕词", "闭幕词", "贺词", "演讲", "讲话",
    "发言", "报告",
)  # fmt: skip
SPOKEN_ALTERNATION = "|".join(_SPOKEN)

SALUTATION_RE = re.compile(
    r"^(?:尊敬的|各位|亲爱的|同志们|女士们|先生们|朋友们|同胞们|同学们|老师们|大会主席|主席先生|大家好).{0,60}[：:！!，,]?$"
)
_INVISIBLE = " \t\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"


def genre_from_words(text: str) -> str:
    """The genre named in a title or subtitle (spaces ignored: `政 府 工 作 报 告`)."""
    compact = re.sub(r"[\s\u3000]", "", text)
    for word, genre in _GENRE_WORDS:
        if word in compact:
            return genre
    return ""


_RESOLUTION_RE = re.compile(r"^[^。]{0,40}会议(?:听取|审议)[^。]{0,40}报告")
_PLENUM_RE = re.compile(
    r"中国共产党第[一二三四五六七八九十]{1,3}届中央委员会第[一二三四五六七八九十]{1,3}次全体会议"
)
_NPC_SESSION_RE = re.compile(
    r"第[一二三四五六七八九十]{1,3}届全国人民代表大会第[一二三四五六七八九十]{1,3}次会议"
)
_PLENUM_SENTENCE_RE = re.compile(
    r"(?:^|[。\n\u3000])\s*全会(?:认为|指出|强调|决定|通过|审议|听取|讨论|号召|要求|提出|分析)"
)
_GWR_RE = re.compile(
    r"^各位代表[：:！!，,][^。]*。?.{0,400}?(?:代表(?:中华人民共和国)?(?:国务院|[^。，]{0,8}政府)|国务院的委托"
    r"|政府工作报告|报告政府工作)",
    re.S,
)
_CONGRESS_RE = re.compile(
    r"^同志们[：:！!，,].{0,300}?(?:向(?:大会|[^。]{0,20}代表大会)作报告|作[^。]{0,20}的报告)", re.S
)
_NEWS_RE = re.compile(
    r"(?:新华社|新华网|人民网|中新网|央视网|\S{0,10}新闻网)[^。]{0,20}电"
    r"|(?:为|在)[^。]{4,120}[，,]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:[上下]午|晚上?|清晨)?[^。]{0,30}?[，,]"
)
_EXPLANATION_RE = re.compile(r"^受[^。]{0,20}委托[，,][^。]{0,100}作(?:说明|汇报)")


def genre_from_body(body: str) -> str:
    """Genre from how the body opens, for texts without a title line."""
    start = body[:600]
    if _RESOLUTION_RE.search(start):
        return "决议"
    if _GWR_RE.search(start):
        return "政府工作报告"
    if _CONGRESS_RE.search(start):
        return "报告"
    if _PLENUM_RE.search(start[:120]):
        return "公报"
    if start.startswith(("贺信", "回信")):
        return start[:2]
    if SALUTATION_RE.match(start.split("\n", 1)[0][:40]) or re.match(
        r"^(?:同志们|各位代表)[：:！!，,]", start
    ):
        return "讲话"
    if _EXPLANATION_RE.match(start):
        return "说明"
    if any(_NEWS_RE.match(sentence.strip(_INVISIBLE)) for sentence in start.split("。", 2)[:2]):
        return "新闻"
    if len(_PLENUM_SENTENCE_RE.findall(body[:3000])) >= 2:
        return "公报"
    return ""


def occasion_from_body(genre: str, body: str) -> str:
    """Communiqués and NPC resolutions name their meeting in the first sentence."""
    pattern = {"公报": _PLENUM_RE, "决议": _NPC_SESSION_RE}.get(genre)
    match = pattern.search(body[:300]) if pattern else None
    return match.group() if match else ""
