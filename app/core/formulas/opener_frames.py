"""排比 of whole sentences that open with one long fixed phrase (issue 14, session 5).

`sibling_frames` compares the two-character heads of short paragraph leads and of ；-segments. Speeches of the
Xi era (and summaries of a campaign) repeat a longer opener over whole sentences that hold commas, inside one
paragraph or across paragraphs, often after an ordinal:

- 面对突如其来的严重疫情，党中央统揽全局…。/ 面对突如其来的严重疫情，广大医务人员白衣为甲、逆行出征…。(×5,
  xi-2020-09-09);
- 一是各级党组织和广大党员、干部深入学习…。二是各级党组织和广大党员、干部…。(×6, xi-2020-01-08);
- 一是考古发现展示了中华文明起源和发展的历史脉络。二是考古发现展示了中华文明的灿烂成就。(xi-2020-09-28).

Members are set off as items of a list: a dash or an ordinal stands before each (session 7). Sentences that
only share their subject (党的各级组织必须…。党的各级组织和全体党员必须…; 第六个五年计划期间，… ×10, gwr-1982) are
prose: on the tuning rounds 9 of 10 such hits were unmarked.

GUIDE §1.3 marks one span per member: the sentence without its ordinal and its end mark. A member counts when
≥ 3 sentences, each at most `_MAX_GAP` characters after the one before, open with the same `_OPENER`
characters; openers that begin any sentence of the genre (我们要…, 习近平总书记…, 全会指出) make no frame, and
sentences longer than `_MAX_MEMBER` characters are statements, not members.
"""

from __future__ import annotations

import re
from collections import defaultdict

from app.core.formulas.clause_anaphora import REFRAIN_AHEAD, REFRAIN_AT_RE
from app.core.formulas.modal_openers import NEXT_OPENER
from app.core.formulas.patterns import HAN, NUM, PatternHit
from app.core.formulas.regex_scan import finditer
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

#: Characters two sentences must share at their start (after an ordinal): six is a phrase, not a word.
_OPENER = 6
_MAX_MEMBER = 90
_MAX_GAP = 1500
_ORDINAL = rf"(?:[{NUM}]{{1,2}}是|第[{NUM}]{{1,2}}[，,、])"
#: A member's start: after an end mark or a line break (spaces skipped), a dash, an ordinal (一是, 第三，) or both,
#: before two Han characters (a member needs `_OPENER`, `point_frames` fewer).
#: The match starts at the mark (split into one literal search per mark by `regex_scan.finditer`). The mark is
#: required here, not filtered afterwards: a sentence start without one (most) is no member, and its options are
#: tried in the order an optional mark's were (dash and ordinal, dash, ordinal), so each member starts where an
#: optional mark put it (`tests/core/test_formula_scan_shortcuts.py` compares both on the corpus).
#: The same scan also finds, where a sentence start has no mark, whether the next sentence opens with its first
#: four characters (`modal_openers.NEXT_OPENER`: groups `opener` and `next`), so that the text's sentence ends are
#: read once for both rules (14p11), and, last, whether the sentence opens with a short clause as a refrain
#: (`clause_anaphora.REFRAIN_AHEAD`: group `refrain`; 14p11b).
_MEMBER_START_RE = re.compile(
    rf"[。！？!?\n][ \t\u3000]*(?:(?P<mark>(?:——|――){_ORDINAL}?|{_ORDINAL})(?=[{HAN}“”]{{2}})|{NEXT_OPENER}"
    rf"|{REFRAIN_AHEAD})"
)
#: A member's start after a photo credit that the text glues to it (新华社记者 鞠鹏/摄第四，抓好…; Xinhua prints of
#: Xi's speeches): the credit ends the caption like a sentence end. Its own expression, led by a literal.
_CREDIT_START_RE = re.compile(rf"/摄[ \t\u3000]*(?P<mark>(?:——|――){_ORDINAL}?|{_ORDINAL})(?=[{HAN}“”]{{2}})")
#: A member's opener: the first `_OPENER` characters of the sentence after its mark.
_OPENER_RE = re.compile(rf"[{HAN}“”]{{{_OPENER}}}")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
#: Members that hold figures (中央财政安排426亿元…, 增长59%) are a report's statistics, not a 排比.
_STATISTIC_RE = re.compile(r"[0-9０-９%％]")
#: Openers of unrelated sentences of the genre: a subject plus a modal or a speech verb (我们要, 全党必须),
#: and the two-character discourse heads of paragraph leads.
_NOT_OPENER_RE = re.compile(
    r"^(?:我们|我国|中国|全党|全会|会议|这|那|党中央|习近平|总书记|同志们|要|必须|坚持|加强|推进)"
)


def _makes_opener(opener: str) -> bool:
    return opener[:2] not in _DISCOURSE_HEADS and _NOT_OPENER_RE.match(opener) is None


def sentence_starts(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, int]], list[int]]:
    """The text's `sentence_marks`, the (start, start of the next) of every unmarked sentence whose next
    sentence opens with its first four characters (for `modal_openers`), and the start of every sentence that
    opens with a short clause and a comma (for `clause_anaphora.refrain_sentence_hits`): one scan of the
    sentence ends."""
    marks: list[tuple[int, str]] = []
    pairs: list[tuple[int, int]] = []
    refrains: list[int] = []
    for m in finditer(_MEMBER_START_RE, "\n" + text):
        if m.group("refrain") is not None:
            refrains.append(m.start("refrain") - 1)
            continue
        if m.group("mark") is None:
            start = m.end() - 1
            pairs.append((start, m.start("next") - 1))
        else:
            start = m.start("mark") - 1
            marks.append((m.end() - 1, m.group("mark")))
        if REFRAIN_AT_RE.match(text, start):  # (a sentence start the scan's earlier options took)
            refrains.append(start)
    return _with_credits(text, marks), pairs, refrains


def sentence_marks(text: str) -> list[tuple[int, str]]:
    """(start, mark) of every sentence that opens with a dash or an ordinal: where the sentence starts after its
    mark, and the mark (——, 第三，, 二是, ——第一，). One scan of the text serves this rule and `point_frames`.
    A photo credit glued to the point (…/摄第三，) stands for the sentence end before it."""
    return sentence_starts(text)[0]


def _with_credits(text: str, marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`marks` and the marks after a photo credit (`_CREDIT_START_RE`), in text order."""
    if "/摄" in text:  # (a photo credit before a point: rare, and only in news prints)
        marks = sorted(marks + [(m.end(), m.group("mark")) for m in _CREDIT_START_RE.finditer(text)])
    return marks


def opener_sentence_hits(text: str, marks: list[tuple[int, str]] | None = None) -> list[PatternHit]:
    """Sentences (≥ 3, near each other) that open with one six-character phrase: one hit per sentence.

    `marks` are the text's `sentence_marks`, when the caller has them already."""
    by_opener: defaultdict[str, list[int]] = defaultdict(list)
    # (sentences that only share their subject, 党的各级组织必须…, are prose, not a 排比: a member has a mark)
    for start, _mark in sentence_marks(text) if marks is None else marks:
        if _OPENER_RE.match(text, start):
            by_opener[text[start : start + _OPENER]].append(start)
    hits: list[PatternHit] = []
    for opener, starts in by_opener.items():
        if len(starts) < _MIN_MEMBERS or not _makes_opener(opener):
            continue
        members: list[tuple[int, int]] = []
        for start in starts:
            end = _SENTENCE_END_RE.search(text, start)
            if end is None or end.group() in "\n？?":
                continue  # a heading line or question (国家战略腹地为何建？), or the text's last words
            members.append((start, end.start()))
        for run in _near_runs(members):
            bodies = [text[s:e] for s, e in run]
            if len(set(bodies)) < len(bodies) or any(_STATISTIC_RE.search(b) for b in bodies):
                continue
            short = [(s, e) for s, e in run if e - s <= _MAX_MEMBER]
            if len(short) >= 2:  # a long member is a statement: it counts for the run but is not marked
                hits += [PatternHit(s, e, opener, "parallel") for s, e in short]
    return hits


def _near_runs(members: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of ≥ 3 members, each starting at most `_MAX_GAP` characters after the one before ends."""
    runs, run = [], members[:1]
    for member in members[1:]:
        if member[0] - run[-1][1] <= _MAX_GAP:
            run.append(member)
        else:
            runs.append(run)
            run = [member]
    runs.append(run)
    return [r for r in runs if len(r) >= _MIN_MEMBERS]
