"""Copy or formula: is a shared passage prose someone reused, or text everybody writes?

The signals, combined per passage side:
1. what the genre always says, whoever the speaker: the formula lexicon through
   `PassageParams.formula_oracle` (share of the text that known formulas cover), together with a short
   built-in list of stock phrases, the numbered-formula shape (四个意识), the institutional addressees
   (各级党委和政府, 各级领导干部) and the boilerplate sentence frames of research R6 (团结在…周围,
   在…领导下, 以…为指导): their covered characters are united, not just the best one taken;
2. corpus-wide boilerplate, through `PassageParams.boilerplate`, e.g. a `BoilerplateIndex` built from a
   reference library: share of the passage inside shingles that occur in `min_df` other documents;
3. cited document titles (《…》), which everyone citing the document writes out in full.
A passage is `formula` when the larger share reaches `formula_share`, or `short_formula_share` for
passages up to `short_chars` long. In such short passages the function words and the governance verbs
that carry a formula (的, 和, 要; 加强, 推进, 坚持 …) are neither formula nor prose: a clause such as
加强社会主义精神文明建设 or 各级党委和政府以及各级领导干部要 is judged on what remains. A short clause
that two texts share with no longer shared passage next to it is `formula` whatever its share
(`lone_clauses`): two texts on one subject share many such clauses that no list holds.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache

import ahocorasick

from app.core.normalize import REDACTION, NormalizedView, normalize
from app.core.passages.extend import Candidate
from app.core.passages.model import PassageKind, PassageParams
from app.core.passages.parallel_lists import ARRAY_CHARS, FUNCTION_CHARS, ListScreen, parallel_spans
from app.core.text import content_hash

#: Stock phrases of the genre (normalised, no punctuation), counted with or without the lexicon.
STOCK_PHRASES: tuple[str, ...] = (
    "以习近平同志为核心的党中央",
    "习近平新时代中国特色社会主义思想",
    "中国特色社会主义",
    "马克思列宁主义",
    "毛泽东思想",
    "邓小平理论",
    "三个代表重要思想",
    "科学发展观",
    "党中央国务院",
    "坚强领导",
    "全面建设社会主义现代化国家",
    "全面建成小康社会",
    "中华民族伟大复兴",
    "中国式现代化",
    "高质量发展",
    "新发展理念",
    "新发展格局",
    "稳中求进工作总基调",
    "全面从严治党",
    "全面深化改革",
    "全面依法治国",
    "党的领导",
    "党的二十大精神",
    "党的十九大精神",
    "人民群众",
    "以人民为中心",
    "团结奋斗",
    "共同富裕",
    "人类命运共同体",
    "社会主义核心价值观",
    "深刻领悟",
    "决定性意义",
)
_NUM = "[一二两三四五六七八九十]"
_WORD = "(?:(?![一二两三四五六七八九十])[\u4e00-\u9fff])"
#: 四个意识 / 三严三实 / 两学一做 / 两不愁三保障: numbered formulas by their shape
_NUMBERED = re.compile(f"{_NUM}+个{_WORD}{{2}}|{_NUM}{_WORD}{{1,2}}{_NUM}{_WORD}{{1,2}}")


#: Institutional addressees and fixed wording of official prose (R6): boilerplate wherever they stand.
BOILERPLATE_PHRASES: tuple[str, ...] = (
    "各级党委和政府",
    "各级党委政府",
    "各级党委",
    "各级政府",
    "各级党组织",
    "各级领导干部",
    "党员领导干部",
    "广大党员干部",
    "各地区各部门",
    "全党全军全国各族人民",
    "全国各族人民",
    "全党全国各族人民",
    "团结带领",
    "受中央政治局委托",
    "重大现实意义",
    "深远历史意义",
    "可以预见和难以预见",
    "全党同志",
    "决策部署",
    "重要讲话精神",
    "重要指示精神",
    "伟大旗帜",
    "奋斗目标",
    "新征程",
)
#: Boilerplate sentence frames (R6): fixed words around a slot of at most the given length. The fixed
#: words are boilerplate; the slot counts only as far as the other signals cover it.
FRAMES: tuple[tuple[str, str, int], ...] = (
    ("团结在", "周围", 16),
    ("在", "领导下", 16),
    ("在", "进程中", 12),
    ("在", "征程上", 12),
    ("以", "为指导", 20),
    ("高举", "伟大旗帜", 16),
    ("深入学习贯彻", "精神", 20),
    ("贯彻落实", "精神", 20),
    ("同", "保持高度一致", 20),
    ("是", "坚强领导的结果", 20),
    ("是", "团结奋斗的结果", 20),
    ("为", "而奋斗", 20),
    ("向", "进军", 12),
)
#: Each frame's tail and head, which every match of its expression holds, and the expression.
_FRAME_RES = tuple(
    (
        tail,
        head,
        re.compile(f"({re.escape(head)})(?:(?!{re.escape(head)}).){{1,{slot}}}?({re.escape(tail)})"),
    )
    for head, tail, slot in FRAMES
)
#: Neither formula nor prose in a short passage: function words (`FUNCTION_CHARS`), and the verbs and
#: adverbs that take a formula as their object (加强/推进 + 社会主义精神文明建设).
CARRIER_WORDS: tuple[str, ...] = (
    "进一步",
    "以及",
    "加强",
    "推进",
    "推动",
    "坚持",
    "深化",
    "实现",
    "坚定",
    "坚决",
    "全面",
    "不断",
    "切实",
    "大力",
    "积极",
    "努力",
    "扎实",
    "认真",
    "深入",
    "贯彻",
    "落实",
    "完善",
    "健全",
    "更加",
    "始终",
)


#: References to party congresses, plenums and five-year plans (党的十九大和十九届二中、三中全会精神): fixed wording.
_MEETINGS = re.compile(
    f"(?:党的)?{_NUM}+大(?:和{_NUM}+届(?:{_NUM}+中)+全会)?(?:精神)?|{_NUM}+届(?:{_NUM}+中)+全会(?:精神)?"
    f"|国民经济和社会发展第{_NUM}+个五年规划(?:和{_NUM}+年远景目标)?"
)


#: The stock phrases and the addressees, covered in one automaton pass (every occurrence of each, as two).
_FIXED_PHRASES = STOCK_PHRASES + BOILERPLATE_PHRASES


def _cover(covered: bytearray, start: int, end: int) -> None:
    covered[start:end] = b"\x01" * (end - start)


def _cover_all(text: str, phrases: tuple[str, ...], covered: bytearray) -> None:
    """Cover every occurrence (overlapping ones too) of every phrase: one automaton pass over the text,
    not a `find` loop per phrase (which cost 56 calls for each passage of every pair)."""
    for end, size in _phrase_automaton(phrases).iter(text):
        _cover(covered, end - size + 1, end + 1)


@cache
def _phrase_automaton(phrases: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


def builtin_coverage(text: str) -> bytearray:
    """Per character of a normalised text: 1 where a stock phrase, numbered formula, addressee, party
    meeting, parallel slogan list or the fixed words of a boilerplate frame stand."""
    return _builtin_coverage(text, lists=True)


def _builtin_coverage(text: str, lists: bool) -> bytearray:
    """`builtin_coverage`, leaving out the slogan lists when the caller knows that the text holds none
    (`DocumentBuiltins`)."""
    covered = bytearray(len(text))
    _cover_all(text, _FIXED_PHRASES, covered)
    for match in _NUMBERED.finditer(text):
        _cover(covered, match.start(), match.end())
    # An expression is only run on a text holding the words each of its matches holds: a substring test
    # costs little beside a search, and the engine asks about short passages by the thousand.
    if "大" in text or "届" in text or "五年规划" in text:  # every match of _MEETINGS holds one
        for match in _MEETINGS.finditer(text):
            _cover(covered, match.start(), match.end())
    if lists:
        for start, end in parallel_spans(text):
            _cover(covered, start, end)
    for tail, head, frame in _FRAME_RES:
        if tail in text and head in text:
            for match in frame.finditer(text):
                _cover(covered, *match.span(1))
                _cover(covered, *match.span(2))
    return covered


class DocumentBuiltins:
    """`builtin_coverage` of any stretch of one normalised document, made once per document for all the
    stretches a comparison asks about (a document is in N - 1 pairs of an N-pane view, in many of a scan).

    A stretch's slogan lists are those found in its own text, as `builtin_coverage` finds them; the
    document's `ListScreen` only says where none can be, and they are not looked for there (most passage
    sides: in the 8 congress reports' 28 pairs, 520 of 3,099 stretches may hold one, 383 do).
    """

    __slots__ = ("_asked", "_lists", "_text")

    #: Stretches looked at whole before the screen is made: a document compared once, with few passages
    #: (a candidate of "similar speeches"), would spend more on it than it saves.
    SCREEN_AFTER = 16

    def __init__(self, text: str, screen: ListScreen | bool | None = True) -> None:
        """`screen`: the text's `ListScreen` (or None: no screen) when another process made it; made here
        by default, once `SCREEN_AFTER` stretches were asked about (with numpy, as `parallel_spans` takes
        it: a short text in a process without numpy has none, and every stretch is looked at)."""
        self._text = text
        self._asked = 0
        self._lists: ListScreen | bool | None = screen

    @property
    def screen(self) -> ListScreen | None:
        """The list screen, made now if it is still to make."""
        if self._lists is True:
            text = self._text
            self._lists = ListScreen(text) if len(text) >= ARRAY_CHARS or "numpy" in sys.modules else None
        return self._lists or None

    def coverage(self, start: int, end: int) -> bytearray:
        """`builtin_coverage(text[start:end])`."""
        screen = self._lists
        if screen is True:
            self._asked += 1
            screen = self.screen if self._asked > self.SCREEN_AFTER else None
        lists = not screen or screen.may_hold(start, end)  # type: ignore[union-attr]
        return _builtin_coverage(self._text[start:end], lists)


def stock_phrase_share(text: str) -> float:
    """Fraction of a normalised text covered by the built-in stock phrases, numbered formulas,
    addressees and boilerplate frames."""
    return builtin_coverage(text).count(1) / len(text) if text else 0.0


#: Stretches of two or more characters that no built-in list covers, found in the coverage bytes.
_UNCOVERED = re.compile(b"\x00{2,}")


def _with_oracle(size: int, covered: bytearray, oracle_share: Callable[[int, int], float]) -> int:
    """Characters covered by the built-in lists or the lexicon oracle (which only reports a share).

    The oracle is asked (`oracle_share(start, end)`: its share of that stretch of the text) about the
    whole text and about each stretch the built-in lists left uncovered; the larger of "oracle alone" and
    "built-in plus oracle on the rest" approximates their union. Asked only where the answer can change
    the count: with nothing covered, the one uncovered stretch is the whole text; with everything
    covered, the oracle can add nothing.
    """
    total = covered.count(1)  # (a C count of the 1 bytes: `sum` walks them as ints)
    if total == size:
        return size
    alone = round(oracle_share(0, size) * size)
    if not total:
        return alone
    for gap in _UNCOVERED.finditer(covered):
        start, end = gap.span()
        total += round(oracle_share(start, end) * (end - start))
    return max(alone, total)


def _neutral(text: str, covered: bytearray) -> int:
    """Uncovered characters of function words and formula-carrying verbs."""
    carriers = bytearray(len(text))
    _cover_all(text, CARRIER_WORDS, carriers)
    return sum(1 for i, ch in enumerate(text) if not covered[i] and (carriers[i] or ch in FUNCTION_CHARS))


def lexical_share(
    text: str,
    params: PassageParams,
    oracle_share: Callable[[int, int], float] | None = None,
    covered: bytearray | None = None,
) -> float:
    """Share of a normalised passage side that the genre's fixed wording covers (signal 1).

    In short passages the function words and carrier verbs are left out of the count. `oracle_share`
    (start, end → `params.formula_oracle` of text[start:end]) and `covered` (`builtin_coverage(text)`) are
    for a caller that has the oracle and the built-in lists ready for the document the text is a stretch
    of (app.core.passages.engine.PreparedDocument).
    """
    if not text:
        return 0.0
    if covered is None:
        covered = builtin_coverage(text)
    oracle = params.formula_oracle
    if oracle is None:
        count = covered.count(1)
    else:
        count = _with_oracle(len(text), covered, oracle_share or (lambda start, end: oracle(text[start:end])))
    if not count:
        return 0.0
    size = len(text)
    if size <= params.short_chars:
        size -= _neutral(text, covered)
    return min(1.0, count / size) if size > 0 else 1.0


class BoilerplateIndex:
    """Document frequency of character shingles in a reference set (e.g. the library).

    Text whose shingles occur in at least `min_df` documents other than the two compared is
    boilerplate. Build it once per library (`from_texts`) and pass it as `PassageParams.boilerplate`.
    """

    def __init__(self, df: dict[str, int], hashes: frozenset[str], shingle: int, min_df: int) -> None:
        self.df = df
        self.hashes = hashes
        self.shingle = shingle
        self.min_df = min_df

    @classmethod
    def from_texts(cls, texts: Iterable[str], shingle: int = 8, min_df: int = 3) -> BoilerplateIndex:
        """Count, for each shingle of the normalised texts, how many documents contain it."""
        df: dict[str, int] = {}
        hashes = set()
        for text in texts:
            hashes.add(content_hash(text))
            norm = normalize(text, keep_punctuation=False).text
            seen = {norm[i : i + shingle] for i in range(len(norm) - shingle + 1)}
            for gram in seen:
                if REDACTION not in gram:
                    df[gram] = df.get(gram, 0) + 1
        return cls(df, frozenset(hashes), shingle, min_df)

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        """Fraction of the text inside shingles found in `min_df` reference documents besides `exclude`."""
        text, k = normalised_text, self.shingle
        if len(text) < k:
            return 0.0
        need = self.min_df + len(exclude & self.hashes)
        covered = bytearray(len(text))
        get = self.df.get
        for i in range(len(text) - k + 1):
            if get(text[i : i + k], 0) >= need:
                covered[i : i + k] = b"\x01" * k
        return covered.count(1) / len(text)


def formula_share(text: str, params: PassageParams, exclude: frozenset[str]) -> float:
    """The share of a normalised passage that is formula or boilerplate, by the strongest signal."""
    lexical = lexical_share(text, params)
    corpus = params.boilerplate.share(text, exclude) if params.boilerplate is not None else 0.0
    return max(lexical, corpus)


#: A title in book-title marks (《中共中央关于制定…的建议》): everyone who cites the document writes it out.
_TITLE = re.compile(r"《[^《》\n]{2,120}》")


def title_spans(text: str, view: NormalizedView) -> list[tuple[int, int]]:
    """Normalised spans of the document titles a stored text cites (sorted, disjoint)."""
    return [view.normalised_span(*m.span()) for m in _TITLE.finditer(text)]


def title_share(titles: list[tuple[int, int]], start: int, end: int) -> float:
    """Share of the normalised range [start, end) inside cited titles: quoting a title is no copying."""
    if end <= start:
        return 0.0
    covered = 0
    # (by index: a slice of the titles from there copied the rest of them, per passage of a long pair)
    for at in range(max(bisect_right(titles, (start, start)) - 1, 0), len(titles)):
        t0, t1 = titles[at]
        if t0 >= end:
            break
        covered += max(0, min(t1, end) - max(t0, start))
    return covered / (end - start)


def classify(share: float, length: int, params: PassageParams) -> PassageKind:
    threshold = params.short_formula_share if length <= params.short_chars else params.formula_share
    return "formula" if share >= threshold else "copy"


def lone_clauses(boxes: list[Candidate], params: PassageParams, x_size: int, y_size: int) -> set[int]:
    """Indices of short passages with no longer shared passage within `group_gap` in both texts.

    Two official texts on one subject share many clauses of stock wording (我国发展不平衡不充分问题仍然突出,
    坚持党对人民军队的绝对领导), often several of them close together, that no lexicon lists in full. Reused
    prose comes as a passage of sentence length, or as pieces close to one; a short clause that is not
    next to one is such wording, unless it is all one of the documents says (a quotation looked up).
    """
    shortest = min(params.lone_chars, params.short_chars + 1)
    order = sorted(range(len(boxes)), key=lambda n: boxes[n].x0)
    reach = params.group_gap
    found = set()

    def short(box: Candidate) -> bool:
        return min(box.x1 - box.x0, box.y1 - box.y0) < shortest

    for k, n in enumerate(order):
        box = boxes[n]
        if not short(box) or box.x1 - box.x0 == x_size or box.y1 - box.y0 == y_size:
            continue
        # passages are disjoint in x: only the neighbours in x order can be within reach of it
        near = False
        for step in (-1, 1):
            m = k + step
            while 0 <= m < len(order) and not near:
                other = boxes[order[m]]
                if max(other.x0 - box.x1, box.x0 - other.x1) > reach:
                    break
                near = not short(other) and max(other.y0 - box.y1, box.y0 - other.y1) <= reach
                m += step
        if not near:
            found.add(n)
    return found
