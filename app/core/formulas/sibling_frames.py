"""排比 members that stand apart: paragraph leads and ；-segments that open with one fixed head (issue 14P).

`patterns.parallel_hits` compares short lead sentences inside one paragraph, `frames` compares clauses of
one sentence. Two 排比 shapes of the genre repeat their head across larger units instead:

- the lead sentences of sibling paragraphs: ——必须坚持把发展作为党执政兴国的第一要务。… / ——必须坚持以人为本。…
  / ——必须坚持统筹兼顾。…; ——长征是一次理想信念的伟大远征。… (×6); heading lines 以研修为抓手，全面提升… ;
- the ；-segments of one long sentence: 必须巩固和加强农业基础地位，始终把…作为…；必须切实保障农民权益，始终
  把…作为…；必须不断解放… .

The GUIDE (§1.3) marks one span per member: the lead sentence (without its dash, ordinal and end mark) or
the whole segment. Heads that open any paragraph of a report (我们, 全会, 坚持, 加强…) make no frame.
"""

from __future__ import annotations

import re
from collections import Counter

from app.core.formulas.frames import _WEAK_HEADS
from app.core.formulas.patterns import HAN, NUM, PatternHit
from app.core.formulas.regex_scan import finditer

_MIN_MEMBERS = 3
#: Paragraph openers of reports and news that begin unrelated paragraphs (全会指出, 今年要…, 同志们).
_DISCOURSE_HEADS = frozenset(
    (
        *(
            "全会",
            "会议",
            "同志",
            "今年",
            "明年",
            "去年",
            "一年",
            "过去",
            "当前",
            "目前",
            "各位",
            "习近",
            "总书",
        ),
        *(
            "尊敬",
            "亲爱",
            "有的",
            "关于",
        ),  # salutations (addressees are no formula, GUIDE §3), examples, topics
    )
)
_DASH = "(?:——|――|—|－－)?"
_ORDINAL = (
    rf"(?:[{NUM}]{{1,2}}[是要][，,]?|第[{NUM}]{{1,2}}[，,、]|[{NUM}]{{1,2}}、|[（(][{NUM}]{{1,2}}[）)])?"
)
#: A paragraph's lead: a sentence of 4–40 characters up to its end mark, or a whole heading line of up to
#: 30 characters that may hold a comma (以研修为抓手，全面提升干部综合素质).
_PARAGRAPH_LEAD_RE = re.compile(
    rf"\n[ \t\u3000]*{_DASH}{_ORDINAL}"
    rf"(?:(?P<sentence>[{HAN}“”、]{{4,40}}+)(?=[。！？!?])|(?P<line>[{HAN}“”、，]{{6,30}}+)[ \t\u3000]*(?=\n|$))"
)
#: Members of one frame lie close together: at most this many characters from one lead to the next.
_MAX_GAP = 1500
_SEGMENT_MAX = 80
_SEGMENT_RE = re.compile(rf"[{HAN}“”、，,]{{4,{_SEGMENT_MAX}}}+")
_SENTENCE_RE = re.compile(r"[^。！？!?\n]+")
#: A segment longer than `_SEGMENT_MAX` is a member by its lead clause, up to the first comma (紧紧围绕更好保障和
#: 改善民生、促进社会公平正义深化社会体制改革，改革收入分配制度，…；紧紧围绕建设美丽中国深化生态文明体制改革，…).
_LEAD_CLAUSE_RE = re.compile(rf"[{HAN}“”、]{{4,60}}+(?=，)")
_LONG_SEGMENT = 60
#: Characters of a first segment's sentence before the head it shares with the next segments.
_MAX_LEAD_IN = 16


def _head(member: str) -> str:
    return member.lstrip("“")[:2]


def _makes_frame(head: str) -> bool:
    return (
        len(head) == 2
        and re.fullmatch(rf"[{HAN}]{{2}}", head) is not None
        and head not in _WEAK_HEADS
        and head not in _DISCOURSE_HEADS
        and head[0] not in NUM
    )


def _runs_by_head(members: list[tuple[int, int, str]], max_gap: int) -> list[list[tuple[int, int, str]]]:
    """Consecutive members (≥ 3, distinct) that share their two-character head, each near the one before."""
    heads = [_head(m[2]) for m in members]
    frequent = {h for h, n in Counter(heads).items() if n >= _MIN_MEMBERS and _makes_frame(h)}
    runs = []
    i = 0
    while frequent and i < len(members):
        head = heads[i]
        j = i + 1
        if head in frequent:
            while j < len(members) and heads[j] == head and members[j][0] - members[j - 1][1] <= max_gap:
                j += 1
            run = members[i:j]
            if len(run) >= _MIN_MEMBERS and len({m[2] for m in run}) == len(run):
                runs.append(run)
        i = j
    return runs


def paragraph_lead_hits(text: str) -> list[PatternHit]:
    """Lead sentences (or heading lines) of nearby paragraphs that open with one head: one hit per member."""
    leads = []
    for m in _PARAGRAPH_LEAD_RE.finditer("\n" + text):  # each attempt starts at a line break (a literal)
        group = "sentence" if m.group("sentence") else "line"
        if m.group(group)[-1] == "，":
            continue  # a salutation line (尊敬的…，) is no heading
        leads.append((m.start(group) - 1, m.end(group) - 1, m.group(group)))
    return [
        PatternHit(s, e, "/".join(m[2] for m in run), "parallel")
        for run in _runs_by_head(leads, _MAX_GAP)
        for s, e, _t in run
    ]


def _cut_first_members(segments: list[tuple[int, int, str]]) -> None:
    """A segment before two that share a head may hold that head after words of its sentence (新形势下，中韩两国
    应该坚持睦邻友好，…；应该坚持互利合作，…；应该坚持…), near its start or at the start of a later clause: its
    member starts at the head (in place)."""
    for i in range(len(segments) - 2):
        head = _head(segments[i + 1][2])
        if _head(segments[i][2]) == head or _head(segments[i + 2][2]) != head or not _makes_frame(head):
            continue
        start, end, body = segments[i]
        cut = body.find(head, 1, _MAX_LEAD_IN)
        if (
            cut < 0
        ):  # (or at the start of a later clause: …的现代产权制度，有利于维护公有财产权，…；有利于保护…)
            cut = body.rfind("，" + head) + 1
        if cut > 0:
            segments[i] = (start + cut, end, body[cut:])


def segment_hits(text: str) -> list[PatternHit]:
    """；-segments (≥ 3 in a row) of one sentence that open with one head: one hit per segment."""
    hits: list[PatternHit] = []
    at = text.find("；")
    while at >= 0:
        sentence = _SENTENCE_RE.search(text, text.rfind("\n", 0, at) + 1)
        while sentence is not None and sentence.end() <= at:
            sentence = _SENTENCE_RE.search(text, sentence.end() + 1)
        if sentence is None:
            break
        s_start, s_end = sentence.span()
        if text.count("；", s_start, s_end) < _MIN_MEMBERS - 1:
            at = text.find("；", s_end)
            continue
        segments = []
        long_ones: set[int] = set()
        pos = s_start
        for part in text[s_start:s_end].split("；"):
            body = part.rsplit("：", 1)[-1]  # a segment run may follow an announcing colon
            start = pos + len(part) - len(body)
            if len(body) <= _LONG_SEGMENT and _SEGMENT_RE.fullmatch(body):
                segments.append((start, start + len(body), body))
            elif lead := _LEAD_CLAUSE_RE.match(body):  # a long segment: its lead clause (GUIDE §1.3)
                segments.append((start, start + lead.end(), lead.group()))
                long_ones.add(start)
            else:
                segments.append((start, start, ""))  # no member: breaks the run
            pos += len(part) + 1
        _cut_first_members(segments)
        # (segments of one sentence in a row: a segment that is no member breaks the run, no gap need be checked)
        for run in _runs_by_head(segments, s_end - s_start):
            if any(m[0] in long_ones for m in run):  # one extent for all members: each one's lead clause
                run = [
                    (m[0], m[0] + lead.end(), lead.group()) if (lead := _LEAD_CLAUSE_RE.match(m[2])) else m
                    for m in run
                ]
            formula = "/".join(m[2] for m in run)
            hits += [PatternHit(s, e, formula, "parallel") for s, e, _t in run]
        at = text.find("；", s_end)
    return hits


#: Prepositions and coverbs that open the members of a clause 排比 (用脚步丈量…，用眼睛发现…; 从党史中…，从党章
#: 中…; 为勇于负责的干部负责、为勇于担当的干部担当、…). The first member may follow words of its clause
#: (号召同学们用脚步丈量…): it starts at its first preposition.
_PREPOSITIONS = "以用从为在把向对让靠"
_CLAUSE_SEP = "，、；"
_PREP_MEMBER = rf"[^{_CLAUSE_SEP}。！？!?\n：:]{{3,23}}+"
#: The second and later members: a separator, the preposition, a member, the same separator and
#: preposition again… The match starts at a separator (a character class, so the scan skips ahead); the
#: first member, in the clause before, is found after.
_PREP_RUN_RE = re.compile(
    rf"([{_CLAUSE_SEP}])([{_PREPOSITIONS}]){_PREP_MEMBER}\1\2{_PREP_MEMBER}(?:\1\2{_PREP_MEMBER})*"
)
_CLAUSE_START_RE = re.compile(rf"[{_CLAUSE_SEP}：:。！？!?\n]")
_NOT_SHARED = frozenset("的了是和与及在对把将从为以")


def preposition_run_hits(text: str) -> list[PatternHit]:
    """≥ 3 clauses in a row that open with one preposition and share more: another character in every
    member (从党史中…，从党章中…) or, with ≥ 4 members, one length (用脚步丈量祖国大地，用眼睛发现中国精神，…).
    One span over the run (GUIDE §1.3: a slot repeated inside one sentence)."""
    hits = []
    done = -1
    for m in finditer(_PREP_RUN_RE, text):
        sep, prep = m.group(1), m.group(2)
        clause = max(0, m.start() - 24)
        for mark in _CLAUSE_START_RE.finditer(text, clause, m.start()):
            clause = mark.end()
        start = text.find(prep, max(clause, m.start() - 24), m.start() - 4)
        if start < 0 or start < done:
            continue
        members = text[start : m.end()].split(sep)
        if len(set(members)) < len(members) or any(not re.fullmatch(f"[{HAN}“”]+", x) for x in members):
            continue
        shared = set(members[0][1:]).intersection(*(x[1:] for x in members[1:])) - _NOT_SHARED
        if shared or (len(members) >= 4 and len({len(x) for x in members}) == 1):
            hits.append(PatternHit(start, m.end(), text[start : m.end()], "parallel"))
            done = m.end()
    return hits


#: 以X为Y ×3, one separator between the members, where the later members may leave out 以 and keep 为 (以领导班子
#: 建设为重点、健全党组织为保证、三级联创活动为载体): the frame is the 为 before a two-character role. Led by the
#: literal 以 (a fast search); the role ends its clause.
_YI_WEI = rf"([{HAN}“”、]{{1,16}}?)为([{HAN}]{{2}})"
_YI_WEI_RUN_RE = re.compile(
    rf"以{_YI_WEI}([，、])以?{_YI_WEI.replace('(', '(?:', 1)}\3以?{_YI_WEI.replace('(', '(?:', 1)}(?![{HAN}])"
)


def yi_wei_run_hits(text: str) -> list[PatternHit]:
    """≥ 3 members of 以X为Y in a row with three different roles Y, one span over the run (GUIDE §1.3); a 以
    inside a word (所以, 可以) opens no run."""
    hits = []
    for m in _YI_WEI_RUN_RE.finditer(text):
        if m.start() > 0 and re.match(f"[{HAN}]", text[m.start() - 1]):
            continue
        roles = re.findall(rf"为([{HAN}]{{2}})(?=[，、]|$)", m.group())
        if len(set(roles)) == len(roles) >= _MIN_MEMBERS:
            hits.append(PatternHit(m.start(), m.end(), m.group(), "parallel"))
    return hits
