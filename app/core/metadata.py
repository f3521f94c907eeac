"""Guess a speech's metadata from its opening lines.

Official texts announce themselves in a small number of ways: a title line (`市委书记在…上的发言材料`,
`习近平：在…上的讲话`, `政府工作报告`), a subtitle (`——2023年3月5日在…会议上`), a dated line
(`（2013年3月22日，莫斯科）`, `发布时间：2013-03-23`), a speaker line (`国务院总理　李强`), then a
salutation (`同志们：`) and the body. Some sources run all of that into one line. We read only the head
of the text, classify its lines, and take each field from the most reliable place it appears.
Everything here is a guess the user can correct, so a field is left empty rather than filled wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.core.dates import first_date
from app.core.genres import (
    GENRES,
    SALUTATION_RE,
    SPOKEN_ALTERNATION,
    genre_from_body,
    genre_from_words,
    occasion_from_body,
)
from app.core.model import DocumentMeta
from app.core.speakers import SpeakerGuess, speaker_at, speaker_from_line, speaker_from_prefix

__all__ = ["GENRES", "guess_metadata"]

_HEAD_CHARS = 3000
_HEAD_LINES = 14
_MAX_TITLE = 80
_INVISIBLE = " \t\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
#: Three Han characters anywhere: searched (stops at the third) instead of listing every one of a long line.
_THREE_HAN_RE = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){2}")
_RUN_ON = 200  # a "line" longer than this is a whole speech with `　　` paragraph breaks


_LABEL_RE = re.compile(r"^(?:.{0,8}(?:专栏|栏目)|目录|全文|正文|\[!?\w*\])$")
_PUBLISHED_RE = re.compile(r"^(?:发布时间|发布日期|发表时间|日期|时间|来源|作者|编辑|责任编辑)\s*[:：]")
_SUBTITLE_RE = re.compile(r"^(?:[—–\-－─]{1,4})\s*(?=\S)")
_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．]|0\d\s)"
)
_OCCASION_RE = re.compile(
    rf"(?<![现正存实所自内好])在(?P<occ>[^，。；：:\n]{{2,60}}?)(?:上|时|中)?的[\u4e00-\u9fff]{{0,4}}?(?:{SPOKEN_ALTERNATION})"
)
_SUBTITLE_OCCASION_RE = re.compile(r"(?<![现正存实所自内好])在(?P<occ>[^，。；：:\n]{2,60}?)上\s*$")
_ADOPTED_RE = re.compile(r"日\s*(?P<occ>[^，。；（）()]{4,60}?)(?:通过|批准)\s*[）)]")
_DATELINE_RE = re.compile(
    r"^(?:新华社|新华网|人民网|中新网|央视网|[^。，\s]{0,10}新闻网)[^。，\s]{0,12}?\d{1,2}月\d{1,2}日电\s*"
)
_RUN_ON_TITLE_RE = re.compile(
    rf"^(?P<title>[^。！？\n]{{4,{_MAX_TITLE}}}?(?:{SPOKEN_ALTERNATION}))(?=\s*[（(]|※)|^(?P<starred>[^。！？\n]{{4,60}}?)※"
)
_LETTER_SPACED_RE = re.compile(r"^(?:\S[ \u3000])+\S$")
_DATED_OCCASION_RE = re.compile(r"^[\d０-９一二三四五六七八九〇○年月日号\s]{6,}在.{2,60}上$")
_ADOPTION_LINE_RE = re.compile(r"^[（(][^（）()]*\d[^（）()]*(?:通过|批准|发布|印发)[）)]$")
_BRACKETED_RE = re.compile(r"^[（(\[【].*[）)\]】]$")
#: A line ending like this is a sentence broken by the source, not a title.
_UNFINISHED = ("：", ":", "的", "了", "和", "与", "及", "在", "是", "对", "把", "被", "将", "向", "为")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    kind: str  # title fragment label published date subtitle speaker salutation heading body


def _head_lines(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text[:_HEAD_CHARS].split("\n"):
        pieces = re.split(r"\u3000{2,}", raw) if len(raw) > _RUN_ON else [raw]
        for piece in pieces:
            stripped = piece.strip(_INVISIBLE)
            if stripped:
                lines.append(stripped)
        if len(lines) >= _HEAD_LINES:
            break
    return lines[:_HEAD_LINES]


def _is_date_line(line: str) -> bool:
    """A line that is essentially a date, maybe in brackets and with a place: `（2013年3月22日，莫斯科）`."""
    match = first_date(line)
    if not match:
        return False
    rest = (line[: match.start] + line[match.end :]).strip("（）()[]【】 ,，、\u3000")
    return len(rest) <= 12 and "。" not in rest and not rest.startswith("在")


def _classify(line: str) -> str:
    if _DATELINE_RE.match(line):
        rest = _DATELINE_RE.sub("", line, count=1)
        if not rest or _BRACKETED_RE.match(rest):
            return "published"  # `新华社北京1月19日电` on its own, or with `（通讯员…）`
    if len(line) <= 2 and _HAN_RE.match(line):
        return "fragment"  # `告` under `政府工作报`, or a place name under a time stamp
    if _LABEL_RE.match(line) or not _THREE_HAN_RE.search(line):
        return "date" if first_date(line) else "label"
    if _PUBLISHED_RE.match(line):
        return "published"
    if _SUBTITLE_RE.match(line) or _DATED_OCCASION_RE.match(line):
        return "subtitle"
    if _is_date_line(line) or _ADOPTION_LINE_RE.match(line):
        return "date"
    if SALUTATION_RE.match(line) and len(line) <= 60 and "。" not in line:
        return "salutation"
    if _HEADING_RE.match(line):
        return "heading"
    if speaker_from_line(line):
        return "speaker"
    if (
        "。" in line
        or len(line) > _MAX_TITLE
        or line.endswith(_UNFINISHED)
        or (len(line) > 40 and line.count("，") >= 2)
        or _BRACKETED_RE.match(line)
    ):
        return "body"
    return "title"


def _tidy_title(title: str) -> str:
    title = re.sub(r"^题\s*[:：]\s*", "", _DATELINE_RE.sub("", title, count=1))
    if _LETTER_SPACED_RE.match(title):  # 政 府 工 作 报 告
        title = re.sub(r"[ \u3000]", "", title)
    return re.sub(r"\s+", " ", title).strip()


def _join(first: str, second: str) -> str:
    tight = len(first) <= 2 or len(second) <= 2 or first.endswith(("、", "，", ",", "：", "—"))
    return first + ("" if tight else " ") + second


def _find_title(lines: list[_Line]) -> tuple[str, int]:
    """The title and the index of its last line (-1 when there is none)."""
    i = 0
    while i < len(lines) and lines[i].kind in ("label", "published", "date", "fragment"):
        i += 1
    if i >= len(lines) or lines[i].kind != "title":
        return "", -1
    kinds = [line.kind for line in lines[i : i + 5]]
    if len(kinds) >= 4 and all(kind == "title" for kind in kinds[:4]) and "subtitle" not in kinds:
        return "", -1  # verse lines opening a news post, not a title
    title, last = lines[i].text, i
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    after = lines[i + 2].kind if i + 2 < len(lines) else ""
    if nxt and nxt.kind == "fragment":
        title, last = title + nxt.text, i + 1
    elif (
        nxt
        and nxt.kind == "title"
        and (title.endswith(("、", "，", ",")) or after in ("subtitle", "date", "published", "speaker"))
    ):
        title, last = _join(title, nxt.text), i + 1
    return _tidy_title(title)[:_MAX_TITLE], last


_TITLE_DATE_RE = re.compile(
    r"\s*[（(][^（）()]{0,10}(?:\d{4}|[〇○一二三四五六七八九]{4})\s*年[^（）()]*[）)]"
)


def _split_dated_title(title: str) -> tuple[str, str]:
    """`在…上的讲话（2020年2月3日）习近平` → the title, and what follows it from the date on."""
    match = _TITLE_DATE_RE.search(title)
    if not match or match.start() < 4:
        return title, ""
    return title[: match.start()], title[match.start() :]


def _run_on_title(text: str) -> str:
    head = _DATELINE_RE.sub("", text[:_HEAD_CHARS].lstrip(_INVISIBLE), count=1)
    match = _RUN_ON_TITLE_RE.match(head)
    if not match:
        return ""
    return _tidy_title(match["title"] or match["starred"])


def _date_candidates(lines: list[_Line], title: str, body: str) -> Iterator[str]:
    """Dates by where they stand, best first: dated header lines, then publication lines, then other
    header lines, then the first body sentence (news ledes, communiqués), then a year in the title."""
    for kinds in (("date", "subtitle"), ("published",), ("title", "speaker", "label")):
        for line in lines:
            if line.kind in kinds:
                match = first_date(line.text)
                if match:
                    yield match.iso
    first_sentence = re.split(r"[。！？]", body.lstrip(_INVISIBLE), maxsplit=1)[0][:160]
    match = first_date(first_sentence)
    if match and match.has_day:
        yield match.iso
    match = first_date(title, year_only=True)
    if match:
        yield match.iso


def _find_date(lines: list[_Line], title: str, body: str) -> str:
    """The best-placed date; a partial one (`（2015年10月l6日）`, a typo) is completed by a later
    candidate that agrees with it (`发布时间：2015-10-16`)."""
    candidates = _date_candidates(lines, title, body)
    best = next(candidates, "")
    if best and len(best) < 10:
        best = next((iso for iso in candidates if iso.startswith(best) and len(iso) > len(best)), best)
    return best


def _find_occasion(candidates: list[str]) -> str:
    for candidate in candidates:
        for pattern in (_OCCASION_RE, _SUBTITLE_OCCASION_RE, _ADOPTED_RE):
            match = pattern.search(candidate)
            if match:
                return match["occ"].strip()
    return ""


def guess_metadata(text: str) -> DocumentMeta:
    """Title, date, speaker, role, organisation, occasion and genre guessed from the text's head."""
    lines = [_Line(line, _classify(line)) for line in _head_lines(text)]
    title, title_end = _find_title(lines)
    title, run_on_rest = _split_dated_title(title)
    header = lines[: title_end + 1] if title_end >= 0 else []
    # The header continues with subtitles, dates and speaker lines until the body starts.
    for line in lines[title_end + 1 :]:
        if line.kind in ("body", "salutation", "heading"):
            break
        header.append(line)
    body_start = next((line.text for line in lines if line.kind in ("body", "salutation", "heading")), "")
    body = text[text.find(body_start) :] if body_start else text.lstrip(_INVISIBLE)
    if not title:
        title = _run_on_title(text)
        if title:
            opening = _DATELINE_RE.sub("", text.lstrip(_INVISIBLE), count=1)
            body = run_on_rest = opening[opening.find(title) + len(title) :]

    header_texts = [title, *(line.text for line in header if line.kind != "title")]
    genre = genre_from_words(" ".join(header_texts)) or genre_from_body(body)
    speaker = _find_speaker(header, title, run_on_rest)
    occasion = _find_occasion([*header_texts, run_on_rest[:300]]) or occasion_from_body(genre, body)
    return DocumentMeta(
        title=title,
        speaker=speaker.name,
        role=speaker.role,
        organisation=speaker.organisation,
        date=_find_date(header or lines[:3], title, run_on_rest or body),
        occasion=occasion,
        genre=genre,
    )


_DATED_NOTE_RE = re.compile(r"^\s*(?:[（(][^）)]{4,30}[）)]|※)")


def _find_speaker(header: list[_Line], title: str, run_on_rest: str) -> SpeakerGuess:
    """A speaker line under the title wins; else the part of a title line before `在…的讲话`/`：`;
    else, in run-on texts, the name right after `（date）` or `※`."""
    best = SpeakerGuess()
    for index, line in enumerate(header):
        if line.kind != "speaker":
            continue
        guess = speaker_from_line(line.text) or SpeakerGuess()
        if not title and not guess.role:
            continue  # a bare name over an untitled news post is its author or photographer
        if not guess.name and index + 1 < len(header):
            follow = speaker_from_line(header[index + 1].text)
            if follow and follow.name and not follow.role:
                guess = SpeakerGuess(follow.name, guess.role, guess.organisation)
        if guess.name:
            return guess
        best = best if best.role else guess
    for candidate in [title, *(line.text for line in header if line.kind in ("title", "subtitle"))]:
        found = speaker_from_prefix(candidate)
        if found.name or found.role:
            return SpeakerGuess(
                found.name or best.name, found.role or best.role, found.organisation or best.organisation
            )
    return speaker_at(_DATED_NOTE_RE.sub("", run_on_rest, count=1)) or best
