"""排比 of clauses in one sentence that open alike, whatever follows (issue 14, session 11).

The other clause rules need more than a shared opening: `sibling_frames.preposition_run_hits` a preposition and
another shared character or one length, `clause_frames` clauses of one length, `tail_frames` a shared tail. Fresh
speeches (round 14: recall of `parallel` 0.53) repeat an opening of two or more characters over clauses of any
length and shape, and the annotators mark the run as one span (GUIDE §1.3, a frame repeated inside a sentence):

- 必须坚持以人为本，必须坚持科学发展，必须坚持改革开放，… (communiqué 2006);
- 可以为人们认识和改造世界提供有益启迪，可以为治国理政提供有益启示，也可以为道德建设提供有益启发 (Xi 2014-09-24);
- 为亚太地区繁荣进步，为亚太经合组织蓬勃发展，为这次领导人非正式会议圆满成功，为各位嘉宾和家人的健康 (Xi 2014-11-11).

The shape: ≥ 3 clauses in a row (，between them, each at most `_MAX_CLAUSE` characters) that open with the same
≥ 2 characters, a later one maybe after an adverb of addition (也可以为…); or with the same one character of
`_ONE_CHARACTER_OPENERS` (对…, 为…: a preposition) over ≥ `_MIN_ONE_CHARACTER` clauses. The span
runs from the first member's opener to the last member's end. Not a frame: a subject pronoun, a conjunction or a
discourse head alone (我们…，我们…; 同时…; 有的…，有的…: prose that restarts its subject), a governing verb, bare
modal, adverb of effort or prohibition alone (加强…，加强…; 必须…; 坚定不移…; 不能…: a task list or rules) — but 坚持
alone states principles (坚持稳中求进工作总基调，坚持新发展理念，…; 14a12) unless a member joins it to a second
verb (坚持和完善…), correlatives (不是…而是),
figures and dates (a report's statistics: 全年…，全年…), names (…同志).

The same anaphora over sentences (`refrain_sentence_hits`): ≥ 3 sentences, each at most `_MAX_BETWEEN` sentences
after the one before (or each leading a paragraph near the last, when all share the two characters after the
refrain's comma: 坚持实事求是，就要…, Xi 2013-12-26; 14p12c), that open with one short clause as a refrain (经此一战，中国人民粉碎了…。这一战，拼来了…。经此一战，
… ×5, Xi 2020-10-24; 唯有发展，才能… ×3, Xi 2015-09-27; 这一伟大胜利，… Xi 2015-09-03). The refrain carries the
frame without a modal (which `modal_openers` needs of a longer opener); each member is the whole sentence
(GUIDE §1.3, one span per member sentence). Not a refrain: a connective, time word or speech verb (同时，; 目前，;
全会指出，), a discourse head, a salutation (同志们，), and a refrain that is itself a formula (党校姓党，是…。党校姓党，
决定了…: the sentences explain the slogan, which is marked on its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.core.formulas.patterns import _VERB_PREFIXES, HAN, PatternHit, _common_prefix
from app.core.formulas.regex_scan import finditer
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

_ENDS = "，,；;。！？!?\n：:"
_MAX_CLAUSE = 60
_CLAUSE_END_RE = re.compile(f"[{_ENDS}]")
#: Adverbs of addition a later member may put before the shared opening (也可以为…, 还要…).
_ADDITION = "也还又更并"
#: A comma whose next two clauses open with the same character (after an adverb of addition): the comma is
#: matched (a literal search), the clauses tested in a lookahead; Python then finds the run around it.
_PAIR_RE = re.compile(rf"，(?=[{_ADDITION}]?([{HAN}])[^{_ENDS}]{{0,{_MAX_CLAUSE}}}+，[{_ADDITION}]?\1)")
#: Prepositions that open a frame alone (对…，对…; 为…，为…: a toast). A copula alone (是…，是…) restates its
#: subject; the rounds marked such runs only half the time.
_ONE_CHARACTER_OPENERS = "对为"
_CONJUNCTIONS = "和与及"
_MIN_ONE_CHARACTER = 4
#: Openings that restart a subject or a connective, not a frame.
_NOT_OPENERS = frozenset(
    (
        *("我们", "他们", "你们", "大家", "我国", "中国", "这是", "这些", "这个", "那些", "这样", "其中"),
        *(
            "同时",
            "并且",
            "而且",
            "但是",
            "因此",
            "所以",
            "如果",
            "只有",
            "只要",
            "一方",
            "另一",
            "不是",
            "而是",
        ),
        *("不仅", "既要", "又要", "也要", "一个", "一些", "有些", "每个", "每一"),
    )
)
#: A governing verb or a bare modal alone opens the items of a task list (加强安全生产，加强社会治安综合治理，…;
#: 坚持党的全面领导，坚持和完善…): the rounds leave those unmarked or mark the formulas inside.
_TASK_OPENERS = frozenset(
    (
        *(p for p in _VERB_PREFIXES if len(p) >= 2),
        *("必须", "应该", "需要", "支持", "反对"),
        # adverbs of effort (坚定不移推进…，坚定不移推进…) and prohibitions (不能包办…，不能代替…: rules, 14s7)
        *("认真", "努力", "坚决", "彻底", "坚定不移", "不能", "不得", "不准", "不许", "严禁"),
    )
)
#: Figures, dates and names: a report's statistics and chronicles (…同志), a news item's list of attendees
#: (中共中央政治局委员、…王沪宁，中共中央政治局委员…), not a frame.
_NOT_FRAME_RE = re.compile(r"[0-9０-９%％.．]|[〇零一二三四五六七八九十百千万]{2,}|同志|委员|副总理|部长")


def _clause_end(text: str, at: int) -> int:
    found = _CLAUSE_END_RE.search(text, at)
    return found.start() if found else len(text)


def _opening(clause: str) -> str:
    """The clause without an adverb of addition before its opening."""
    return clause[1:] if clause[:1] in _ADDITION else clause


def _run(text: str, comma: int) -> list[tuple[int, int]]:
    """The clauses around the comma at `comma` that open with the character after it: the one before the comma
    when it does, and those after it while each does."""
    first = _opening(text[comma + 1 : comma + 3])[:1]
    lowest = max(0, comma - _MAX_CLAUSE - 1)
    start = max(text.rfind(c, lowest, comma) for c in _ENDS) + 1
    members = []
    # (a clause before the comma longer than `_MAX_CLAUSE`, with no end in reach, is no member)
    if (start > 0 or lowest == 0) and _opening(text[start:comma]).startswith(first):
        members.append((start, comma))
    at = comma
    while at < len(text) and text[at] == "，":
        end = _clause_end(text, at + 1)
        if end - at - 1 > _MAX_CLAUSE or not _opening(text[at + 1 : end]).startswith(first):
            break
        members.append((at + 1, end))
        at = end
    return members


def _principles(opener: str, clauses: list[str]) -> bool:
    """Whether clauses that open with a governing verb alone state principles: 坚持稳中求进工作总基调，坚持新发展
    理念，坚持推动高质量发展，… (a verb of upholding, not of a task; 坚持和完善… is a compound verb, a task)."""
    return opener == "坚持" and not any(c[2:3] in _CONJUNCTIONS for c in clauses)


def _is_frame(clauses: list[str]) -> bool:
    if len(clauses) < _MIN_MEMBERS or len(set(clauses)) < len(clauses):
        return False
    opener = _common_prefix([_opening(c) for c in clauses])
    if len(opener) < 2 and not (opener in _ONE_CHARACTER_OPENERS and len(clauses) >= _MIN_ONE_CHARACTER):
        return False
    if (
        opener in _NOT_OPENERS
        or (opener in _TASK_OPENERS and not _principles(opener, clauses))
        or opener[:2] in _DISCOURSE_HEADS
        or min(map(len, clauses)) <= len(opener) + 1
    ):
        return False
    return _NOT_FRAME_RE.search("|".join(clauses)) is None


def clause_anaphora_hits(text: str) -> list[PatternHit]:
    """Runs of ≥ 3 clauses of one sentence that open alike (`_is_frame`): one hit from the first to the last."""
    hits: list[PatternHit] = []
    done = -1
    for m in _PAIR_RE.finditer(text):
        if m.start() < done:
            continue  # (a later comma of a run already looked at)
        members = _run(text, m.start())
        if not members:
            continue
        done = members[-1][1]
        if _is_frame([text[s:e] for s, e in members]):
            start, end = members[0][0], members[-1][1]
            hits.append(PatternHit(start, end, text[start:end], "parallel"))
    return hits


#: At a sentence start (after its end mark and spaces): a short opening clause, 2–6 Han characters and a comma
#: (group `refrain`). A lookahead, part of `opener_frames`' scan of sentence starts, so that the text's sentence
#: ends are read once for three rules; `_REFRAIN_RE` is the same scan alone (for callers without it).
REFRAIN_AHEAD = rf"(?=(?P<refrain>[{HAN}]{{2,6}})，)"
_REFRAIN_RE = re.compile(rf"[。！？!?\n][ \t\u3000]*{REFRAIN_AHEAD}")
#: The refrain at a sentence start found by one of the scan's other options (a mark, a repeated opener).
REFRAIN_AT_RE = re.compile(rf"[{HAN}]{{2,6}}(?=，)")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
#: Refrains that open any prose: a connective, time word or pronoun alone (同时，; 目前，; 我们，), a speech verb
#: (全会指出，) or a salutation (同志们，) at the end, a date. (A longer refrain with one of them is a frame:
#: 今天的亚太，…; 我们坚定，是因为…; 这些成绩，是在…)
_NOT_REFRAIN_RE = re.compile(
    "(?:同时|因此|为此|所以|但是|然而|此外|另外|其次|首先|最后|总之|现在|目前|当前|今天|近年来|这些年|我们|这样)$"
    "|.*(?:指出|强调|认为|表示|提出|要求|说|们)$|.*[〇零一二三四五六七八九十]+[年月日]"
)
#: Sentences between two members at most (经此一战，…。这一战，…。经此一战，…: the refrains alternate).
_MAX_BETWEEN = 2
_MAX_SENTENCE = 160
#: Members that lead paragraphs and share the frame after the refrain (`_FRAME_AFTER`) may stand further apart:
#: at most this many characters from one to the next (坚持实事求是，就要…。… ⏎坚持实事求是，就要…: each paragraph
#: explains its point, 14p12c; not 长征的胜利，是…。… ⏎长征的胜利，靠的是…: a topic the paragraphs return to).
_MAX_PARAGRAPH_GAP = 600
#: Characters after the refrain's comma that members leading paragraphs far apart share (…，就要…).
_FRAME_AFTER = 2


def _near(text: str, last: tuple[int, int], member: tuple[int, int], framed: bool) -> bool:
    """Whether `member` continues a run whose last member is `last`: few sentences between, or (members that
    share a frame after the refrain) both lead paragraphs close together."""
    if len(_SENTENCE_END_RE.findall(text, last[1] + 1, member[0])) <= _MAX_BETWEEN:
        return True
    return (
        framed
        and member[0] - last[0] <= _MAX_PARAGRAPH_GAP
        and text[last[0] - 1 : last[0]] == "\n"
        and text[member[0] - 1 : member[0]] == "\n"
    )


def refrain_sentence_hits(
    text: str, is_formula: Callable[[str], bool] = lambda _w: False, starts: list[int] | None = None
) -> list[PatternHit]:
    """Sentences (≥ 3, near each other) that open with one short refrain clause: one hit per sentence.
    `is_formula` tells a refrain that is a formula of its own (a slogan the sentences explain); `starts` are the
    refrain starts of `opener_frames.sentence_starts`, when the caller has them already."""
    if starts is None:
        starts = [m.start("refrain") - 1 for m in finditer(_REFRAIN_RE, "\n" + text)]
    by_refrain: dict[str, list[int]] = {}
    for start in starts:
        refrain = REFRAIN_AT_RE.match(text, start)
        if refrain is not None:
            by_refrain.setdefault(refrain.group(), []).append(start)
    hits: list[PatternHit] = []
    for refrain, starts in by_refrain.items():
        if len(starts) < _MIN_MEMBERS or refrain[:2] in _DISCOURSE_HEADS or _NOT_REFRAIN_RE.match(refrain):
            continue
        after = len(refrain) + 1
        if is_formula(refrain):
            continue
        framed = len({text[s + after : s + after + _FRAME_AFTER] for s in starts}) == 1
        members = []
        for start in starts:
            end = _SENTENCE_END_RE.search(text, start)
            members.append((start, end.start() if end else len(text)))
        run = members[:1]
        for member in [*members[1:], None]:
            if member and _near(text, run[-1], member, framed):
                run.append(member)
                continue
            if len(run) >= _MIN_MEMBERS and all(e - s <= _MAX_SENTENCE for s, e in run):
                hits += [PatternHit(s, e, text[s:e], "parallel") for s, e in run]
            run = [member] if member else []
    return sorted(hits, key=lambda h: h.start)
