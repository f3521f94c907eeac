"""Formula wordings mined from a corpus of speeches: the library signal, computed once and shipped.

A wording that speeches of many different speakers and years use in the same form is a formula candidate
(经济平稳较快发展, 转变经济发展方式, 社会主义新农村建设 — older stock wordings the hand-made lexicon lacks),
while a speaker's own prose is not repeated by others. So the unit counted is a *group* — one collection of
the corpus in one year (a speaker-year: a year's government work report, a year of Xi's speeches, one
district's report) — and a wording counts when at least `min_groups` groups of at least `min_collections`
collections use it verbatim. Stock phrasing is repeated too (取得显著成效, 国内生产总值), so a term must pass a
general-vocabulary test: it is no dictionary word or idiom, has no function word or governing verb at its
edges, is not a piece of a longer repeated wording, and is *cited*: in most of its groups a governing verb
stands right before it (坚持|以人为本, 保持|经济平稳较快发展), or the copula or 作为 before a stock description
(中国仍然是|世界上最大的发展中国家). Slogan chains (促改革、调结构、惠民生、防风险) are
counted whole, as runs of equal short clauses.

Counting is level-wise over character n-grams inside clauses (punctuation other than 、 is a boundary,
quote marks are dropped): an n-gram can only reach the count floor when both its (n−1)-grams do, so each
level looks only at the positions the previous one kept (discover._Levels does the counting).

`python -m app.core.formulas.mining CORPUS_DIR OUT_TSV` writes resources/lexicon/mined_formulas.tsv; the
thresholds are the defaults of `MiningParams` (chosen by two-fold cross-validation on the annotated set,
tests/bench/cv_formulas.py) and are written into the file's header, so the resource can be regenerated and
checked (tests/bench/test_mined_formulas_resource.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass
from fnmatch import fnmatch
from pathlib import Path

import ahocorasick

from app.core.formulas.detect import MINED_CATEGORY
from app.core.formulas.discover import DiscoveryParams, _Levels
from app.core.formulas.lexicon import FormulaEntry, lexicon_to_tsv, load_lexicon, overlap_test
from app.core.formulas.named_terms import free_share, named_shape
from app.core.formulas.patterns import HAN

#: Quote marks are dropped (“四个意识” and 四个意识 are one wording); 、 stays inside a clause.
_QUOTES = str.maketrans("", "", "“”‘’「」『』\"'")
_CLAUSE_RE = re.compile(rf"[{HAN}、]+")
_YEAR_RE = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
#: Characters a formula does not start or end with (particles, pronouns, prepositions, measure words,
#: sentence adverbs).
_EDGE_STOP = frozenset(
    "的了和与及是在对把被为以等中上下也都就而并其之这那我你他她它们要将从向到于由所有让使着过得地个、"
    "更很还又再已已才只各每该此"
)
#: …except these at the start (以人为本, 以经济建设为中心).
_MAY_START = frozenset("以")
#: The end of a document is sign-offs, sources and licence notes: not counted.
_TAIL_CHARS = 300
CATEGORY = MINED_CATEGORY
#: 和/与 joining two parts (not the 和 of 和平, 和谐, 和睦: 两岸关系和平发展 is one wording).
_PAIR_RE = re.compile(r"[和与](?![平谐睦])")
#: Endings of the reform names that `MiningParams.drop_reform_names` leaves out.
_REFORM_ENDS = ("体制改革", "制度改革")
#: n-grams are counted down to this many groups whatever the thresholds, so that the governing-verb and
#: piece tests see the same counts at every threshold (and the cross-validation's loosest run equals the
#: shipped one at the shipped thresholds).
COUNT_FLOOR = 3


@dataclass(frozen=True, slots=True)
class MiningParams:
    #: speaker-years (collection + year) that use the wording
    min_groups: int = 6
    #: collections (kinds of speaker: State Council, congress, Xi, a district, a university…)
    min_collections: int = 2
    #: characters, list commas not counted
    min_chars: int = 7
    max_chars: int = 16
    #: a wording is a piece of a longer one when a one-character extension keeps this share of its groups
    piece_share: float = 0.6
    #: share of its groups in which a governing verb precedes it (the term test)
    min_governed: float = 0.8
    #: a term used by very many groups needs a governing verb in fewer of them (社会主义现代化建设 is cited as
    #: often in a genitive, 社会主义现代化建设的…, as after 推进)
    wide_min_groups: int = 20
    wide_min_governed: float = 0.5
    #: slogan chains (守初心、担使命; 稳增长、促改革、调结构): speaker-years and collections that use one whole
    chain_min_groups: int = 2
    chain_min_collections: int = 3
    #: numbered frameworks (两个基本点, 两个文明, 三个有利于): a count + label, unquoted, that this many groups of
    #: `chain_min_collections` collections use in the same form (1000: none; the cross-validation ties 2–4)
    numbered_min_groups: int = 3
    #: the longest clause of a chain (聚精会神搞建设、一心一意谋发展 has two of 7)
    chain_max_part: int = 5
    #: dictionary words and idioms (以人为本, 节能减排, 依法行政) are ordinary vocabulary unless cited: kept when
    #: they have ≥ `word_min_chars` characters, ≥ `word_min_groups` groups of `min_collections` collections, and a
    #: governing verb before them in ≥ `word_min_governed` of their groups (1000 groups: none is kept)
    word_min_chars: int = 4
    word_min_groups: int = 1000
    word_min_governed: float = 0.8
    #: named terms (GUIDE §3a: the name of a policy, system, institution type, principle, strategy or campaign):
    #: a two-verb motto (节能降耗: `named_terms.motto_shape`), or a wording of ≥ `named_min_chars` characters whose
    #: head is a naming noun (…制度, …体制, …政策, …经济, …特区: `named_terms.NAMED_HEADS`), needs neither the length
    #: of a term nor a governing verb, and may be a dictionary word; it must be used by ≥ `named_min_groups`
    #: groups of ≥ `min_collections` collections and stand free: in ≥ `named_min_free` of its occurrences a
    #: clause edge, a function character or a governing verb borders it on each side (`named_terms.free_share`),
    #: where a fragment of a longer phrase has a word going on. Chosen by leave-one-round-out mining
    #: (tests/bench/loro_formulas.py --mining, notes/14m7.md, 14m8.md). Session 7: head-noun names lowered
    #: precision on every round because rounds 1–7 left such names unmarked, so only mottos were on. After the
    #: §3a re-check of rounds 1–7, names of ≥ 5 characters at free ≥ 0.6 gain recall on every left-out round
    #: (+11 spans in all: 党的民族政策, 安全生产责任制, 区域发展总体战略…) and lower no round's precision by more
    #: than 0.01 (+16 wrong hits); 4 characters or no freedom test add unmarked area names (民生保障, 世界经济)
    named_min_chars: int = 5
    named_min_groups: int = 6
    named_min_free: float = 0.6
    #: a mined wording of two short parts joined by 和/与 (法规|和|政策, 文化事业|和|文化产业, 世界和平|与|发展) is mostly
    #: two plain things listed, not one wording (GUIDE §2): a term or name whose parts on either side of its joining
    #: 和/与 have at most this many characters each is left out (0: none). Session 10 (14a10): such mined wordings
    #: hit 0 marked and 12 unmarked occurrences in rounds 1–12 (leave-one-round-out: 11 fewer wrong hits, no span
    #: lost), while every marked mined 和-wording has a longer side (国民经济和社会信息化, 惩治和预防腐败体系建设).
    #: The fixed short pairs that do circulate (保障和改善民生, 统筹发展和安全) are hand-made or curated entries.
    pair_max_part: int = 4
    #: reform names of the X体制改革 / X制度改革 shape (行政审批制度改革, 科技体制改革) are left out (0: kept):
    #: annotators leave them unmarked (GUIDE §6, the round-8 rule that 14q9 applied to the tuning files)
    drop_reform_names: int = 1
    #: 是 and 作为 count as governing verbs (`COPULAS`: a stock description cited as a complement) when 1; terms of one
    #: counted thing or a collective of persons are then left out (0: the verbs alone, as before session 12)
    copula_cited: int = 1


@dataclass(frozen=True, slots=True)
class Mined:
    text: str
    groups: int
    collections: int
    #: groups in which a governing verb stands right before it (summed over the verbs; may exceed `groups`)
    governed: int = 0
    #: "term" (a wording inside clauses), "word" (a dictionary word or idiom, kept only when cited), "named"
    #: (a §3a name by its head noun or motto shape), "chain" (a run of short equal clauses used whole) or
    #: "numbered" (两个基本点)
    kind: str = "term"
    #: the smaller share of its occurrences with a free left or right edge (named terms only, `_freedom`)
    free: float = 0.0


#: Verbs that govern a formula as their object (坚持|以人为本, 保持|经济平稳较快发展, 严明|政治纪律和政治规矩).
#: A wording that is mostly used after one of them is a term the speakers cite, not a predicate of theirs.
_GOVERNING_VERBS_TEXT = (
    "坚持 保持 促进 推进 推动 加快 实现 提高 提升 增强 加强 深化 完善 落实 贯彻 严明 严守 遵守 维护 构建 "
    "实施 树立 坚定 发挥 弘扬 发扬 践行 培育 健全 建立 形成 建设 发展 巩固 坚守 牢记 把握 落实好 贯彻落实 "
    "全面贯彻 深入贯彻 深入实施 大力推进 扎实推进 全面推进 积极推进 坚决维护 坚定不移 始终坚持 "
    "按照 围绕 推行 开展 抓好 做好 保障 强化 贯穿 体现 坚决"
)
GOVERNING_VERBS = tuple(_GOVERNING_VERBS_TEXT.split())


#: The copula and 作为 cite a stock description as their complement (中国仍然是|世界上最大的发展中国家, 科学技术是|第一
#: 生产力, 把创新作为|引领发展的第一动力): with `MiningParams.copula_cited` they count as governing verbs.
COPULAS = ("是", "作为")
#: Terms that such a complement often is and that are no formula: a count of one thing (一项长期而艰巨的任务, 一个
#: 发展中国家) and a collective of persons (全党全军全国各族人民: GUIDE §3 marks no persons).
_ONE_THING_RE = re.compile(r"^一[个项种场支条次件门批位]")
_PERSON_HEADS = ("人民", "群众", "干部", "同志", "党员", "青年", "职工", "官兵")


def _verbs_ending(ch: str, copulas: bool = False) -> tuple[str, ...]:
    return _CITING_BY_LAST.get(ch, ()) if copulas else _VERBS_BY_LAST.get(ch, ())


def _by_last(verbs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    by_last: dict[str, tuple[str, ...]] = {}
    for verb in verbs:
        by_last[verb[-1]] = (*by_last.get(verb[-1], ()), verb)
    return by_last


_VERBS_BY_LAST = _by_last(GOVERNING_VERBS)
_CITING_BY_LAST = _by_last(GOVERNING_VERBS + COPULAS)


def governed(g: str, df: dict[str, int], copulas: bool = False) -> int:
    """In how many groups a governing verb (or, with `copulas`, 是 or 作为) stands right before `g` (as far as
    the counts reach)."""
    return sum(df.get(v + g, 0) for v in (GOVERNING_VERBS + COPULAS if copulas else GOVERNING_VERBS))


def group_of(relative_path: str) -> tuple[str, str]:
    """(group, collection) of a corpus file: its collection folder plus the year its name carries."""
    parts = Path(relative_path).parts
    collection = parts[0] if len(parts) > 1 else ""
    year = _YEAR_RE.search(parts[-1])
    return (f"{collection}/{year.group(1)}" if year else collection), collection


def clauses(text: str) -> list[str]:
    """The clauses of a text without its tail, quote marks dropped, list commas kept."""
    body = text[: max(0, len(text) - _TAIL_CHARS)] if len(text) > 2 * _TAIL_CHARS else text
    return _CLAUSE_RE.findall(body.translate(_QUOTES))


def mine(
    documents: Iterable[tuple[str, str]],
    *,
    ordinary: Callable[[str], bool],
    params: MiningParams | None = None,
) -> list[Mined]:
    """Mined wordings over (relative path, text) documents, most widely used first.

    `ordinary(wording)` is the general-vocabulary test (a dictionary word or idiom)."""
    params = params or MiningParams()
    by_group: defaultdict[str, list[str]] = defaultdict(list)
    collection_of: dict[str, str] = {}
    for path, text in documents:
        group, collection = group_of(path)
        collection_of[group] = collection
        by_group[group].extend(clauses(text))
    names = sorted(by_group)
    runs = ["|".join(by_group[g]) for g in names]
    floor = min(params.min_groups, params.named_min_groups, COUNT_FLOOR)
    levels = _Levels(runs, DiscoveryParams(min_df=floor, max_len=params.max_chars + 4), None)
    df = levels.df
    pool = []
    words: set[str] = set()
    named: set[str] = set()
    take_words = params.word_min_groups < 1000
    copulas = bool(params.copula_cited)
    for grams in levels.by_level.values():
        for g in grams:
            size = len(g) - g.count("、")
            if "、、" in g or size > params.max_chars:
                continue
            if (g[0] in _EDGE_STOP and g[0] not in _MAY_START) or g[-1] in _EDGE_STOP:
                continue
            if short_pair(g, params.pair_max_part) or (params.drop_reform_names and g.endswith(_REFORM_ENDS)):
                continue
            if (
                df[g] >= params.named_min_groups
                and "、" not in g
                and named_shape(g, params.named_min_chars)
                and not g.startswith(GOVERNING_VERBS)
            ):
                named.add(g)
                pool.append(g)
                continue
            if df[g] < params.min_groups or size < params.word_min_chars:
                continue
            if ordinary(g):
                if not take_words or df[g] < params.word_min_groups:
                    continue
                words.add(g)
            elif size < params.min_chars:
                continue
            if "了" in g or g.startswith(GOVERNING_VERBS):
                continue  # a predicate (奠定了坚实基础), or a formula with its verb (落实|党的二十大): not a name
            pool.append(g)
    # A wording is a piece of a longer one when an extension keeps most of its groups — except when the
    # extension is a governing verb in front (保持|经济平稳较快发展): the verb is not part of the formula.
    extensions: defaultdict[str, int] = defaultdict(int)
    for grams in levels.by_level.values():
        for h in grams:
            extensions[h[:-1]] = max(extensions[h[:-1]], df[h])
            if not any(
                df.get(v + h[1:], 0) and not ordinary((v + h[1:])[:4]) for v in _verbs_ending(h[0], copulas)
            ):
                extensions[h[1:]] = max(extensions[h[1:]], df[h])
    pool = [g for g in pool if extensions.get(g, 0) < params.piece_share * df[g]]
    spread = _collections(pool, runs, [collection_of[g] for g in names])
    freedom = free_share([g for g in pool if g in named], runs, _EDGE_STOP, GOVERNING_VERBS)
    found = [
        Mined(g, df[g], spread[g], governed(g, df, copulas), "named", freedom[g])
        if g in named
        else Mined(g, df[g], spread[g], governed(g, df, copulas), "word" if g in words else "term")
        for g in pool
        if spread[g] >= params.min_collections
        and (
            freedom[g] >= params.named_min_free
            if g in named
            else _cited(g, df, _governed_share(params, g in words, df[g]), copulas)
        )
    ]
    found.sort(key=lambda m: (-m.groups, -len(m.text), m.text))
    return found


def _cited(g: str, df: dict[str, int], share: float, copulas: bool) -> bool:
    """Whether a governing verb stands before `g` in `share` of its groups — or, with `copulas`, a governing verb,
    是 or 作为, when `g` is no count of one thing and no collective of persons."""
    if governed(g, df) >= share * df[g]:
        return True
    return (
        copulas
        and not _ONE_THING_RE.match(g)
        and not g.endswith(_PERSON_HEADS)
        and governed(g, df, copulas=True) >= share * df[g]
    )


def short_pair(g: str, max_part: int) -> bool:
    """Whether `g` is two parts of at most `max_part` characters joined by one 和/与 (法规和政策, 世界和平与发展)."""
    parts = _PAIR_RE.split(g)
    return len(parts) == 2 and all(0 < len(p) <= max_part for p in parts)


def _governed_share(params: MiningParams, word: bool, groups: int) -> float:
    if word:
        return params.word_min_governed
    return params.wide_min_governed if groups >= params.wide_min_groups else params.min_governed


#: A chain is 2–6 clauses of 3–5 characters, all of one length, separated by ， or 、 (and nothing else).
_CHAIN_TOKEN_RE = re.compile(rf"[{HAN}]+|[，、,]|[^{HAN}，、,]+")
_CHAIN_PART = range(3, 6)
_CHAIN_MAX_PARTS = 6
#: Parts that make a chain genre furniture or plain grammar (女士们、先生们; 复杂的、严峻的).
_CHAIN_BAD_END = frozenset("们的了地得着过")


def chains(text: str, longest_part: int = 5) -> set[str]:
    """The slogan chains of a text, parts joined by 、: every run of ≥ 2 consecutive equal-length clauses,
    starting at any clause of a run (稳增长、促改革、调结构、惠民生、防风险 yields 促改革、调结构 too)."""
    tokens = _CHAIN_TOKEN_RE.findall(text.translate(_QUOTES))
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if not _CHAIN_PART.start <= len(token) <= longest_part or not _is_han(token):
            continue
        parts = [token]
        j = i + 1
        while j + 1 < len(tokens) and len(parts) < _CHAIN_MAX_PARTS and tokens[j] in "，、,":
            nxt = tokens[j + 1]
            if len(nxt) != len(token) or not _is_han(nxt):
                break
            parts.append(nxt)
            found.add("、".join(parts))
            j += 2
    return found


def _is_han(token: str) -> bool:
    return _CLAUSE_RE.fullmatch(token) is not None and "、" not in token


def _spread(
    documents: Iterable[tuple[str, str]], wordings_of: Callable[[str], Iterable[str]]
) -> tuple[defaultdict[str, set[str]], defaultdict[str, set[str]]]:
    """(speaker-years, collections) that use each wording `wordings_of` finds in a document's body (its
    licence/source tail left out)."""
    groups: defaultdict[str, set[str]] = defaultdict(set)
    collections: defaultdict[str, set[str]] = defaultdict(set)
    for path, text in documents:
        group, collection = group_of(path)
        body = text[: max(0, len(text) - _TAIL_CHARS)] if len(text) > 2 * _TAIL_CHARS else text
        for wording in wordings_of(body):
            groups[wording].add(group)
            collections[wording].add(collection)
    return groups, collections


def mine_chains(
    documents: Iterable[tuple[str, str]],
    *,
    ordinary: Callable[[str], bool],
    params: MiningParams | None = None,
) -> list[Mined]:
    """Slogan chains that speeches of at least `chain_min_groups` speaker-years of `chain_min_collections`
    collections use whole; a chain of dictionary words and idioms only (心怀家国、脚踏实地) is ordinary."""
    params = params or MiningParams()
    longest = params.chain_max_part
    groups, collections = _spread(documents, lambda body: chains(body, longest))
    found = [
        Mined(chain, len(g), len(collections[chain]), kind="chain")
        for chain, g in groups.items()
        if len(g) >= params.chain_min_groups and len(collections[chain]) >= params.chain_min_collections
        and not any(part[-1] in _CHAIN_BAD_END for part in chain.split("、"))
        and not all(ordinary(part) for part in chain.split("、"))
    ]  # fmt: skip
    found.sort(key=lambda m: (-m.groups, -len(m.text), m.text))
    return found


#: 两个基本点, 三个有利于 (quote marks dropped): a count of several, 个 or 大, and a 2–6 character label that ends at
#: a clause mark or a linking word; not after an ordinal or a demonstrative (第三个…, 这两个…).
_NUMBERED_LABEL_RE = re.compile(
    rf"(?<![第这那每几前后头一二三四五六七八九十百千万])([两二三四五六七八九十][个大](?:[{HAN}]{{2,6}}?))"
    r"(?=[，。、；：！？）》和与的]|$)"
)


def _numbered_label_ok(label: str) -> bool:
    from app.core.formulas.patterns import _COUNT_NOUNS

    return not re.match(rf"(?:{_COUNT_NOUNS})", label[2:]) and not label.endswith(
        ("方面", "五年计划", "五年规划", *_COUNTED_HEADS)
    )


#: Heads of a label that make it a count of things, not a framework (两个超级大国: two countries; 两个历史性课题:
#: two questions) — GUIDE §1.2: counts are not numbered formulas. Both hit only unmarked occurrences in rounds
#: 1–12 (14a10).
_COUNTED_HEADS = ("大国", "国家", "课题", "问题")


def mine_numbered(documents: Iterable[tuple[str, str]], *, params: MiningParams | None = None) -> list[Mined]:
    """Numbered frameworks that at least `numbered_min_groups` speaker-years of `chain_min_collections`
    collections name in the same form (两个基本点, 两个积极性, 三个有利于); counts of things (三个方面) are not."""
    params = params or MiningParams()
    groups, collections = _spread(
        documents, lambda body: {m.group(1) for m in _NUMBERED_LABEL_RE.finditer(body.translate(_QUOTES))}
    )
    found = [
        Mined(label, len(g), len(collections[label]), kind="numbered")
        for label, g in groups.items()
        if len(g) >= params.numbered_min_groups and len(collections[label]) >= params.chain_min_collections
        and _numbered_label_ok(label)
    ]  # fmt: skip
    found.sort(key=lambda m: (-m.groups, -len(m.text), m.text))
    return found


def _collections(wordings: list[str], runs: list[str], collections: list[str]) -> Counter[str]:
    """In how many collections each wording occurs (one scan of every group's clauses)."""
    automaton = ahocorasick.Automaton()
    for g in wordings:
        automaton.add_word(g, g)
    seen: defaultdict[str, set[str]] = defaultdict(set)
    if wordings:
        automaton.make_automaton()
        for run, collection in zip(runs, collections, strict=True):
            for _end, g in automaton.iter(run):
                seen[g].add(collection)
    return Counter({g: len(c) for g, c in seen.items()})


def without_known(mined: list[Mined], known: Collection[str]) -> list[Mined]:
    """Mined wordings the lexicon does not already find (`lexicon.overlap_test`): the hand-made lexicon
    keeps its names and boundaries. A numbered framework is named alone too (两个基本点 outside
    一个中心、两个基本点), so only an equal or held wording removes it."""
    overlaps = overlap_test(known)
    return [m for m in mined if not overlaps(m.text, m.kind in _NAMED_ALONE)]


#: Kinds that are names used on their own too, so a longer known wording holding them does not remove them
#: (两个基本点 outside 一个中心、两个基本点; 民族团结 outside 民族团结进步).
_NAMED_ALONE = frozenset({"numbered", "named"})


def mine_all(
    documents: list[tuple[str, str]], *, ordinary: Callable[[str], bool], params: MiningParams
) -> list[Mined]:
    """Terms, named terms, slogan chains and numbered frameworks of the documents."""
    return (
        mine(documents, ordinary=ordinary, params=params)
        + mine_chains(documents, ordinary=ordinary, params=params)
        + mine_numbered(documents, params=params)
    )


def as_entries(mined: list[Mined]) -> list[FormulaEntry]:
    return [
        FormulaEntry(m.text, category=CATEGORY, note=f"{m.groups} 组/{m.collections} 类文献同文使用")
        for m in mined
    ]


def corpus_documents(corpus: Path, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(relative path, text) of the corpus's .txt files, in name order, without those matching a `skip` glob
    (relative to the corpus: the files of a held-out annotation round are never mined)."""
    patterns = tuple(skip)
    documents = []
    for path in sorted(corpus.rglob("*.txt")):
        relative = path.relative_to(corpus).as_posix()
        if not any(fnmatch(relative, g) for g in patterns):
            documents.append((relative, path.read_text(encoding="utf-8")))
    return documents


def main(argv: list[str] | None = None) -> None:
    """Regenerate the shipped resource:
    python -m app.core.formulas.mining CORPUS_DIR OUT_TSV [--skip GLOBS_FILE] (one glob a line: files left out)."""
    import argparse

    from app.core.formulas import shipped

    parser = argparse.ArgumentParser(description="Mine formula wordings from a corpus of speeches.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--skip", type=Path, help="a file of globs (relative to the corpus) of files to leave out"
    )
    args = parser.parse_args(argv)
    skip = []
    if args.skip:
        lines = args.skip.read_text(encoding="utf-8").splitlines()
        skip = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    params = MiningParams()
    idioms, words = shipped.idioms(), shipped.general_words()
    documents = corpus_documents(args.corpus, skip)
    mined = mine_all(documents, ordinary=lambda g: g in idioms or g in words, params=params)
    known = [w for e in load_lexicon(shipped.lexicon_path()).entries for w, _s in e.forms()]
    mined = without_known(mined, known)
    header = (
        "# Generated by `python -m app.core.formulas.mining CORPUS_DIR OUT_TSV --skip HELD_OUT_GLOBS` from the "
        f"shared corpus ({len(documents)} files; {len(skip)} globs of held-out files left out); do not edit by "
        "hand. Thresholds: " + ", ".join(f"{k}={v}" for k, v in asdict(params).items()) + "\n"
    )
    args.out.write_text(header + lexicon_to_tsv(as_entries(mined)), encoding="utf-8")
    print(f"{len(mined)} wordings written to {args.out}")


if __name__ == "__main__":
    main()
