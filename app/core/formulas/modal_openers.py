"""排比 of sentences or paragraphs that open with one phrase holding a modal, without dashes or ordinals (14p11).

`opener_frames` and `point_frames` need a dash or an ordinal before each member; `sibling_frames` a two-character
head of short leads. Speeches also set out a programme in plain sentences or paragraphs that repeat one opener
of a subject and a modal or programme verb, then vary what follows:

- 我们应该坚持尊重网络主权，…。我们应该坚持维护和平安全，…。我们应该坚持促进开放合作，… (xi-2015-12-16);
- 迈向命运共同体，必须坚持合作共赢、共同发展。… (paragraph after paragraph, xi-2015-03-29);
- 实现伟大梦想，必须进行伟大斗争。… 实现伟大梦想，必须建设伟大工程。… (congress-19);
- 我们继续推进全面深化改革，…。我们继续推进全面依法治国，… (xi-2016-12-30).

The shape: ≥ 3 sentences in a row, or the first sentences of ≥ 3 paragraphs in a row, that share an opener of
≥ `_OPENER` characters holding a modal or programme verb (应该, 要, 将, 必须, 坚持, 继续…). Without one the shared
words are the subject of plain prose (邓小平同志强调…。邓小平同志指导…; 各成员国遵循…。各成员国秉持…), and an
opener with 的 is a noun phrase (大会通过的报告…。大会通过的党章修正案…). The member (GUIDE §1.3, one span each) is
each sentence's opening clause, up to its first comma; when those clauses are all one refrain (迈向命运共同体，) it
is the whole sentence. A bare modal and an adverb of effort (要进一步…) lists a report's tasks. Members longer than `_MAX_MEMBER` characters are statements, and members that differ by an
ordinal only (培训班第一讲, 第二讲) are numbering.

The run may start mid-sentence (14a12b): two sentences in a row that share an opener and a clause of the sentence
before them that opens with it (…，更加注重向民生领域倾斜，…。更加注重加强薄弱环节，…。更加注重勤俭节约，…). An
opener without a modal is a programme too when it starts with an adverb of degree or effort (更加, 全面, 进一步…).
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit, _common_prefix
from app.core.formulas.regex_scan import finditer
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

_OPENER = 4
_MAX_MEMBER = 40
#: A sentence or a paragraph of at most this many characters before the next one with the same opener.
_MAX_SENTENCE = 300
_MAX_PARAGRAPH = 1500
_SPACE = r"[ \t\u3000]*"
#: After a sentence end (and spaces), a sentence whose opener the next sentence repeats: `next` marks where the
#: second one starts. A lookahead, part of `opener_frames`' scan of sentence starts, which finds these pairs
#: along with the dashes and ordinals it looks for.
NEXT_OPENER = (
    rf"(?=(?P<opener>[{HAN}“”]{{{_OPENER}}})[^。！？!?\n]{{0,{_MAX_SENTENCE}}}+(?:[。！？!?]\n*|\n+)"
    rf"{_SPACE}(?P<next>)(?P=opener))"
)
#: A sentence end and the spaces after it, then `NEXT_OPENER` (for callers without `opener_frames`' scan).
_NEXT_SENTENCE_RE = re.compile(rf"[。！？!?\n]{_SPACE}{NEXT_OPENER}")
#: The same for paragraphs: a line break, then a paragraph whose opener the next paragraph repeats.
_NEXT_PARAGRAPH_RE = re.compile(
    rf"\n{_SPACE}(?=([{HAN}“”]{{{_OPENER}}})[^\n]{{0,{_MAX_PARAGRAPH}}}+\n+{_SPACE}(?P<next>)\1)"
)
#: Modals and programme verbs that make a shared opener a programme (我们应该…, 必须坚持…, 我们将继续…).
_MODAL_RE = re.compile("应该|应当|要|将|必须|需要|坚持|继续|一定|愿|希望|做")
#: A bare modal and an adverb of effort is how a report lists its tasks (要进一步保持…。要进一步做好…。要进一步
#:深化…; communiqué 2013), and a year opens a report's plans (一九五八年将…): no 排比 opener.
_TASK_OPENER_RE = re.compile(
    "(?:要|必须|应该|应当|需要)(?:进一步|切实|认真|努力|大力|着力|不断)|[〇零一二三四五六七八九]{2,}年"
)
#: Adverbs of degree and effort: an opener without a modal that starts with one is still a programme (更加注重
#: 向民生领域倾斜，…。更加注重加强薄弱环节，…), where a shared noun is the subject of plain prose (经济全球化是…。
#: 经济全球化为…; 中国共产党以…。中国共产党高举…).
_EFFORT_RE = re.compile("更加|更好|进一步|大力|积极|切实|努力|不断|全面|坚决|着力|持续|深入|加快|始终")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
_CLAUSE_END_RE = re.compile(r"[，,；;：:]")
_ORDINAL_OR_FIGURE_RE = re.compile(r"[第一二三四五六七八九十0-9０-９]")
_FIGURE_RE = re.compile(r"[0-9０-９%％]")


def _runs(pairs: list[tuple[int, int]], least: int = _MIN_MEMBERS) -> list[list[int]]:
    """Chains of ≥ `least` starts from (start, next start) pairs (in text order)."""
    runs: list[list[int]] = []
    for start, nxt in pairs:
        if runs and runs[-1][-1] == start:
            runs[-1].append(nxt)
        else:
            runs.append([start, nxt])
    return [run for run in runs if len(run) >= least]


def _clause_before(text: str, start: int) -> int | None:
    """Where a clause of the sentence before `start` opens with the sentence's opener (…，更加注重向民生领域倾斜，
    …。更加注重加强薄弱环节，…): the run's first member, mid-sentence."""
    opener = text[start : start + _OPENER]
    head = max(0, start - _MAX_SENTENCE)
    begin = max(text.rfind(ch, head, start - 1) for ch in "。！？!?\n") + 1
    at = max(text.rfind("，" + opener, begin, start - 1), text.rfind("；" + opener, begin, start - 1))
    return at + 1 if at >= 0 else None


def _members(text: str, starts: list[int], modal_free: bool = False) -> list[tuple[int, int]]:
    """The members of sentences that start at `starts` and share an opener, or [] when they make no frame."""
    ends = []
    for start in starts:
        end = _SENTENCE_END_RE.search(text, start)
        ends.append(end.start() if end else len(text))
    sentences = [text[s:e] for s, e in zip(starts, ends, strict=True)]
    common = _common_prefix(sentences)
    if (
        common[:2] in _DISCOURSE_HEADS
        or "的" in common
        or "同志" in common
        or (not modal_free and _MODAL_RE.search(common) is None)
        or (modal_free and _MODAL_RE.search(common) is None and _EFFORT_RE.match(common) is None)
        or _TASK_OPENER_RE.match(common)
    ):
        return []
    firsts = []
    for s, e in zip(starts, ends, strict=True):
        clause = _CLAUSE_END_RE.search(text, s, e)
        firsts.append((s, clause.start() if clause else e))
    refrain = len({text[s:e] for s, e in firsts}) == 1
    members = list(zip(starts, ends, strict=True)) if refrain else firsts
    bodies = [text[s:e] for s, e in members]
    if (
        len(set(bodies)) < len(bodies)
        or any(len(b) > _MAX_MEMBER or _FIGURE_RE.search(b) for b in bodies)
        or any(_ORDINAL_OR_FIGURE_RE.match(b, len(common)) for b in bodies)
    ):
        return []
    return members


def modal_opener_hits(text: str, sentence_pairs: list[tuple[int, int]] | None = None) -> list[PatternHit]:
    """Members of ≥ 3 sentences, or paragraphs' first sentences, in a row that open with one modal phrase.

    `sentence_pairs` are the pairs of `opener_frames.sentence_starts`, when the caller has them already."""
    if sentence_pairs is None:  # (the scan `opener_frames` makes along with its marks, made here alone)
        sentence_pairs = [
            (m.end() - 1, m.start("next") - 1) for m in finditer(_NEXT_SENTENCE_RE, "\n" + text)
        ]
    paragraph_pairs = [(m.end() - 1, m.start("next") - 1) for m in _NEXT_PARAGRAPH_RE.finditer("\n" + text)]
    found: dict[tuple[int, int], None] = {}
    for pairs in (sentence_pairs, paragraph_pairs):
        for run in _runs(pairs):
            found.update(dict.fromkeys(_members(text, run, modal_free=True)))
    for run in _runs(sentence_pairs, 2):
        first = _clause_before(text, run[0])
        if first is not None:
            found.update(dict.fromkeys(_members(text, [first, *run], modal_free=True)))
    return [PatternHit(s, e, text[s:e], "parallel") for s, e in sorted(found)]
