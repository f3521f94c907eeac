"""排比 of sentences that open with one subject and modal, near each other rather than in a row (14a12).

`modal_openers` needs the sentences (or paragraphs) in a row and four shared characters; `point_frames` a dash or
an ordinal before each. Fresh speeches set out a programme in sentences of one paragraph with explanation in
between, or in paragraphs whose leads open with a bare modal (round 14):

- 我们要坚持对话协商。中东很多事情盘根错节，…。我们要坚守主权原则，反对搞分裂割据。我们要倡导包容性和解，…
  (xi-2016-01-21: sentences of one paragraph);
- 要牢牢抓住互联互通这个“龙头”。… / 要积极推动油气合作、低碳能源合作“双轮”转动。… / 要努力实现金融合作、
  高新技术合作“两翼”齐飞。… (the same speech: paragraph leads);
- 要坚持协调发展、加强社会事业建设，…。… 要加强制度建设、保障社会公平正义，…。… (communiqué 2006: the lead
  clauses of a point's sentences, spread over one long paragraph).

The shape: ≥ 3 sentences that open (after a dash or an ordinal, if any) with the same opener — up to three
characters of a subject and a modal (我们要, 中方愿, 要, 将…: `_START_RE`) — and either
- are short (≤ `_SHORT_SENTENCE` characters) and stand in one paragraph with at most `_MAX_BETWEEN` other
  sentences between two of them: the member is the sentence;
- stand in one paragraph and open with a lead clause of two balanced verb phrases (要坚持协调发展、加强社会事业
  建设，): the member is that clause;
- or are short sentences that lead paragraphs near each other: the member is the sentence.
The tuning rounds leave a report's task sentences unmarked (要加强科学管理。… 要推进企业技术进步。…): a
first cut that took the lead clause of every such sentence added 316 hits there, 77 right; so a lead clause of a
long sentence is a member by its balanced shape only. Not members: sentences with figures (a report's plans), members that are alike (one
sentence said again), and words that end in a modal's character (重要, 主要…: `_NOT_MODAL`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from app.core.formulas.patterns import HAN, NUM, PatternHit, _common_prefix
from app.core.formulas.regex_scan import finditer
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

#: A sentence start (after an end mark or a line break, spaces, a dash or an ordinal: ——, 第三，, （二）, 一是) and its opener: up to three
#: characters of a subject, then a modal (group `opener`); group `lead` is empty after a line break.
_START_RE = re.compile(
    rf"(?:(?P<line>\n)|[。！？!?])[ \t\u3000]*(?:——|第[{NUM}]{{1,2}}，|[（(][{NUM}]{{1,2}}[）)]|[{NUM}]{{1,2}}是，?)?"
    rf"(?P<opener>[{HAN}]{{0,3}}?(?:要|将|应该|应当|必须|愿))(?=[{HAN}“])"
)
#: Words that end in a modal's character without being a subject and a modal.
_NOT_MODAL = re.compile(r".*(?:主要|重要|只要|需要|将来|即将|必要|想要)$|.*的")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
_CLAUSE_END_RE = re.compile(r"[，,；;：:]")
#: A member sentence at most this long is a member whole (我们要坚守主权原则，反对搞分裂割据); a longer one by its
#: lead clause, when that is at most `_MAX_LEAD` characters.
_SHORT_SENTENCE = 30
_MAX_LEAD = 40
#: Paragraph leads of one frame lie close together: at most this many characters from one to the next.
_MAX_GAP = 1500
_FIGURE_RE = re.compile(r"[0-9０-９%％]")
#: Sentences of one paragraph between two members at most (我们要坚持对话协商。中东很多事情…。我们要坚守…).
_MAX_BETWEEN = 2
#: A long sentence's lead clause that is two balanced verb phrases (坚持协调发展、加强社会事业建设，).
_BALANCED_RE = re.compile(rf"[{HAN}]{{3,9}}、[{HAN}]{{3,14}}(?=，)")
#: A sentence of a frame around a varying word is a member up to this length.
_MAX_FRAMED = 60


def _sentence(text: str, start: int) -> tuple[int, int] | None:
    """The sentence that starts at `start` (without its end mark), when short and without figures."""
    found = _SENTENCE_END_RE.search(text, start)
    if found is None or found.group() == "\n" or found.start() - start > _SHORT_SENTENCE:
        return None
    return None if _FIGURE_RE.search(text, start, found.start()) else (start, found.start())


def _balanced_lead(text: str, start: int, opener: str) -> tuple[int, int] | None:
    """The sentence's lead clause when it is two balanced verb phrases after the opener (要坚持协调发展、加强社会
    事业建设，…)."""
    found = _BALANCED_RE.match(text, start + len(opener))
    return (start, found.end()) if found else None


def _distinct(text: str, members: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(members) < _MIN_MEMBERS or len({text[s:e] for s, e in members}) < len(members):
        return []
    return members


def _dense_runs(text: str, members: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of members with at most `_MAX_BETWEEN` other sentences between one and the next."""
    runs: list[list[tuple[int, int]]] = []
    for member in members:
        if runs and len(_SENTENCE_END_RE.findall(text, runs[-1][-1][1] + 1, member[0])) <= _MAX_BETWEEN:
            runs[-1].append(member)
        else:
            runs.append([member])
    return [run for run in runs if len(run) >= _MIN_MEMBERS]


def sentence_anaphora_hits(text: str) -> list[PatternHit]:
    """Members of sentences that open with one subject and modal: ≥ 3 short sentences of one paragraph close
    together, ≥ 3 sentences of one paragraph whose lead clauses are balanced, or ≥ 3 short paragraph leads near
    each other. One hit per member."""
    in_paragraph: defaultdict[tuple[int, str], list[int]] = defaultdict(list)
    leads: defaultdict[str, list[list[int]]] = defaultdict(list)
    paragraph = 0
    last_line = 0
    for m in finditer(_START_RE, "\n" + text):
        opener = m.group("opener")
        start = m.start("opener") - 1
        line = text.rfind("\n", last_line, start)
        if line >= 0:
            paragraph += 1
            last_line = line + 1
        if opener[:2] in _DISCOURSE_HEADS or _NOT_MODAL.match(opener):
            continue
        in_paragraph[(paragraph, opener)].append(start)
        if m.group("line") is not None:
            runs = leads[opener]
            if runs and start - runs[-1][-1] <= _MAX_GAP:
                runs[-1].append(start)
            else:
                runs.append([start])
    found: set[tuple[int, int]] = set()
    for (_p, opener), starts in in_paragraph.items():
        if len(starts) < _MIN_MEMBERS:
            continue
        short = [m for s in starts if (m := _sentence(text, s))]
        for run in _dense_runs(text, short):
            found.update(_distinct(text, run))
        found.update(_distinct(text, [m for s in starts if (m := _balanced_lead(text, s, opener))]))
    for runs in leads.values():
        for starts in runs:
            if len(starts) >= _MIN_MEMBERS:
                found.update(_distinct(text, [m for s in starts if (m := _sentence(text, s))]))
    return [PatternHit(s, e, text[s:e], "parallel") for s, e in sorted(found)]


#: A sentence start whose next sentence repeats its frame around a varying word: two characters (group `head`),
#: two or three that vary, two more (group `tail`) — 亚洲发展需要…。亚洲稳定需要…; 我们的人民是伟大的人民。我们的
#: 国家是伟大的国家。 Group `next` marks where the second sentence starts.
_FRAMED_NEXT_RE = re.compile(
    rf"[。！？!?\n][ \t\u3000]*(?=(?P<head>[{HAN}]{{2}})[{HAN}]{{2,3}}?(?P<tail>[{HAN}]{{2}})"
    rf"[^。！？!?\n]{{0,{_MAX_FRAMED}}}+[。！？!?][ \t\u3000]*(?P<next>)(?P=head)[{HAN}]{{2,3}}?(?P=tail))"
)
#: Sentences that share this many characters from their start share an opener, not a frame around a varying
#: word: the rules of shared openers judge them (邓小平同志强调…。邓小平同志指导…).
_SHARED_OPENER = 4


def framed_sentence_hits(text: str) -> list[PatternHit]:
    """Sentences (≥ 3 in a row) that share a frame around a varying word: 亚洲发展需要乘势而上，…。亚洲稳定需要
    共同呵护、…。亚洲合作需要百尺竿头、更进一步。 One hit per sentence."""
    runs: list[list[int]] = []
    for m in finditer(_FRAMED_NEXT_RE, "\n" + text):
        start, nxt = m.start("head") - 1, m.start("next") - 1
        if runs and runs[-1][-1] == start:
            runs[-1].append(nxt)
        else:
            runs.append([start, nxt])
    found: list[PatternHit] = []
    for run in runs:
        if len(run) < _MIN_MEMBERS:
            continue
        members = []
        for start in run:
            end = _SENTENCE_END_RE.search(text, start)
            members.append((start, end.start() if end else len(text)))
        if (
            len(_common_prefix([text[s:e] for s, e in members])) >= _SHARED_OPENER
            or text[run[0] : run[0] + 2] in _DISCOURSE_HEADS
            or any(e - s > _MAX_FRAMED or _FIGURE_RE.search(text, s, e) for s, e in members)
        ):
            continue
        found += [PatternHit(s, e, text[s:e], "parallel") for s, e in _distinct(text, members)]
    return found
