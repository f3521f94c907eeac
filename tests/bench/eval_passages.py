"""Quality of the passage engine on synthetic reuse cases built from real speeches (PAN measures).

A passage of a real speech (xi-speeches-*) is edited and inserted into a real host document of another
collection; the engine must find it. Four edit levels: none; light (punctuation, quote style, a place
name or number); medium (light + ~5% character edits + filler words 进一步/切实/不断/全面); heavy
(sentences reordered + ~10% character edits + fillers). The ground truth of a case is the whole inserted
block and the whole source passage, as in PAN. A difflib baseline (SequenceMatcher, autojunk=False,
matching blocks of at least `min_chars` on the same normalised view) runs on the same cases.

Scores are reported two ways. Strict (PAN): every detection outside the planted passage counts
against precision, including text the source and host really shared before the insertion (formulas,
quotation) — that is how an independent evaluation with the same ground truth will score. Relaxed:
detections outside the inserted block that also appear between the source and the untouched host are
ignored, for the engine and the baseline alike. "copy-only" keeps the passages of kind `copy`, which is
what the copy ratio and an analyst's list of reuse show; the engine runs with the shipped formula
lexicon, as `duidu compare` does.

Run: python -m tests.bench.eval_passages [--help]  (or python -m pytest tests/bench/test_eval_passages.py -s)
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from app.core.formulas.shipped import formula_coverage
from app.core.normalize import normalize
from app.core.passages import BoilerplateIndex, BoilerplateSignal, PassageParams, compare_pair
from app.core.text import content_hash
from tests.bench.pan_measures import Annotation, PanScores, pan_scores

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SOURCES = ("xi-speeches-2020", "xi-speeches-2013-2018")
HOSTS = (
    "party-day-news",
    "hust-party-building",
    "hailar-district-gwr",
    "cpc-plenum-communiques",
    "gwr-state-council",
)
LEVELS = ("none", "light", "medium", "heavy")
FILLERS = ("进一步", "切实", "不断", "全面")
PLACES = (
    "北京",
    "上海",
    "天津",
    "重庆",
    "广东",
    "浙江",
    "江苏",
    "河南",
    "四川",
    "湖北",
    "湖南",
    "福建",
    "山东",
    "陕西",
    "云南",
    "武汉",
)
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该价严龙飞"
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』]?|\n+")


@dataclass(frozen=True)
class BaseCase:
    source_path: Path
    host_path: Path
    src_start: int
    src_end: int
    insert_at: int


@dataclass(frozen=True)
class Case:
    key: str
    level: str
    source: str
    susp: str
    host: str
    insert_at: int
    inserted_len: int
    annotation: Annotation


def _load(collection: str, lo: int = 1500, hi: int = 12000) -> list[tuple[Path, str]]:
    docs = []
    for path in sorted((CORPUS / collection).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if lo <= len(text) <= hi:
            docs.append((path, text))
    return docs


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _pick_passage(text: str, rng: random.Random) -> tuple[int, int] | None:
    ends = [0, *_sentence_ends(text)]
    target = rng.randint(80, 420)
    for _ in range(20):
        k = rng.randrange(len(ends) - 2)
        start = ends[k]
        while start < len(text) and text[start] in "\n　 ":
            start += 1
        stop, sentences = None, 0
        for end in ends[k + 1 :]:
            if text[start:end].strip():
                sentences += 1
            if end - start >= target and sentences >= 2:
                stop = end
                break
        if stop is None or stop - start > 700 or "\n\n" in text[start:stop].strip():
            continue
        passage = text[start:stop]
        norm = normalize(passage, keep_punctuation=False).text
        if text.count(passage) != 1 or normalize(text, keep_punctuation=False).text.count(norm[:30]) != 1:
            continue  # a passage the source repeats has two right answers
        if len(re.findall(r"[\u4e00-\u9fff]", passage)) >= 0.7 * len(passage.strip()):
            return start, stop
    return None


def base_cases(n: int, seed: int = 20261125) -> list[BaseCase]:
    rng = random.Random(seed)
    sources = [doc for c in SOURCES for doc in _load(c)]
    hosts = [doc for c in HOSTS for doc in _load(c)]
    out: list[BaseCase] = []
    while len(out) < n:
        s_path, s_text = rng.choice(sources)
        h_path, h_text = rng.choice(hosts)
        span = _pick_passage(s_text, rng)
        host_ends = _sentence_ends(h_text)
        if span is None or not host_ends:
            continue
        out.append(BaseCase(s_path, h_path, span[0], span[1], rng.choice(host_ends)))
    return out


def _light(text: str, rng: random.Random) -> str:
    quotes = rng.choice([("「", "」"), ('"', '"'), ("‘", "’"), ("“", "”")])
    text = text.replace("“", quotes[0]).replace("”", quotes[1])
    chars = []
    for ch in text:
        if ch == "，" and rng.random() < 0.3:
            ch = rng.choice(["、", "", "；", "。"])
        elif ch == "。" and rng.random() < 0.2:
            ch = rng.choice(["；", "！", "，"])
        chars.append(ch)
    text = "".join(chars)
    present = [p for p in PLACES if p in text]
    if present:
        old = rng.choice(present)
        text = text.replace(old, rng.choice([p for p in PLACES if p != old]), 1)
    else:
        digits = re.search(r"\d+", text)
        if digits:
            text = (
                text[: digits.start()] + str(int(digits.group()) + rng.randint(1, 9)) + text[digits.end() :]
            )
    return text


def _char_edits(text: str, rate: float, rng: random.Random) -> str:
    out = []
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < rate:
            op = rng.random()
            if op < 0.5:
                out.append(rng.choice(COMMON))
            elif op < 0.75:
                continue
            else:
                out.extend((ch, rng.choice(COMMON)))
        else:
            out.append(ch)
    return "".join(out)


def _fillers(text: str, rng: random.Random) -> str:
    han = [i for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"]
    for pos in sorted(rng.sample(han, min(len(han), max(1, len(text) // 60))), reverse=True):
        text = text[:pos] + rng.choice(FILLERS) + text[pos:]
    return text


def _reorder(text: str, rng: random.Random) -> str:
    pieces = [p for p in re.split(r"(?<=[。！？；])", text) if p]
    if len(pieces) >= 2:
        original = list(pieces)
        while pieces == original:
            rng.shuffle(pieces)
    return "".join(pieces)


#: Edits the engine was not tuned on, to see how it degrades (python -m tests.bench.eval_passages --extra).
EXTRA_LEVELS = ("edits15", "edits20", "synonyms", "clauses", "fillers3")
_SYNONYMS = (
    ("加强", "强化"),
    ("推进", "推动"),
    ("坚持", "坚决"),
    ("建设", "构建"),
    ("提高", "提升"),
    ("工作", "任务"),
    ("人民", "群众"),
)


def _clauses_shuffled(text: str, rng: random.Random) -> str:
    pieces = [p for p in re.split(r"(?<=[，。；！？])", text) if p]
    rng.shuffle(pieces)
    return "".join(pieces)


def _synonyms(text: str, rng: random.Random) -> str:
    for old, new in _SYNONYMS:
        if rng.random() < 0.7:
            text = text.replace(old, new)
    return _light(text, rng)


def edit(text: str, level: str, rng: random.Random) -> str:
    if level == "edits15":
        return _char_edits(text, 0.15, rng)
    if level == "edits20":
        return _char_edits(text, 0.20, rng)
    if level == "synonyms":
        return _synonyms(text, rng)
    if level == "clauses":
        return _char_edits(_clauses_shuffled(text, rng), 0.05, rng)
    if level == "fillers3":
        return _fillers(_fillers(_fillers(text, rng), rng), rng)
    if level == "none":
        return text
    if level == "light":
        return _light(text, rng)
    if level == "medium":
        return _fillers(_char_edits(_light(text, rng), 0.05, rng), rng)
    return _fillers(_char_edits(_reorder(text, rng), 0.10, rng), rng)


def build_cases(n: int = 25, seed: int = 20261125, levels: tuple[str, ...] = LEVELS) -> list[Case]:
    cases = []
    for number, base in enumerate(base_cases(n, seed)):
        source = base.source_path.read_text(encoding="utf-8")
        host = base.host_path.read_text(encoding="utf-8")
        for level in levels:
            rng = random.Random(f"{seed}-{number}-{level}")
            inserted = edit(source[base.src_start : base.src_end], level, rng)
            susp = host[: base.insert_at] + inserted + host[base.insert_at :]
            key = f"{level}-{number}"
            annotation = (key, base.insert_at, base.insert_at + len(inserted), base.src_start, base.src_end)
            cases.append(Case(key, level, source, susp, host, base.insert_at, len(inserted), annotation))
    return cases


#: (source, susp, host) -> [(susp span, src span)]; `host` is the document the suspicious text was made
#: from, which only a library-aware detector needs (to leave it out of its reference library).
Detector = Callable[[str, str, str], list[tuple[int, int, int, int]]]


def engine_detector(
    params: PassageParams | None = None, kinds: tuple[str, ...] = ("copy", "formula")
) -> Detector:
    """The engine as `duidu compare` runs it: with the shipped formula lexicon unless params say otherwise."""
    params = params or PassageParams(formula_oracle=formula_coverage)

    def detect(source: str, susp: str, host: str) -> list[tuple[int, int, int, int]]:
        result = compare_pair(source, susp, params)
        return [(p.b_start, p.b_end, p.a_start, p.a_end) for p in result.passages if p.kind in kinds]

    return detect


class _LibraryWithout:
    """A reference library minus the host of the case (the suspicious text is an edited copy of it)."""

    def __init__(self, index: BoilerplateSignal, host_hash: str) -> None:
        self.index, self.host_hash = index, host_hash

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        return self.index.share(normalised_text, exclude | {self.host_hash})


def library_detector(kinds: tuple[str, ...] = ("copy",)) -> Detector:
    """The engine with the shipped lexicon and the whole corpus as its library (document frequency of
    text in other documents, `BoilerplateIndex`), as an analyst comparing inside a large library would
    run it. The compared source and the host are never counted among the "other documents"."""
    index = BoilerplateIndex.from_texts(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt")))
    return _detector_with(index, kinds)


def store_library_detector(kinds: tuple[str, ...] = ("copy",)) -> Detector:
    """As `library_detector`, but the signal is what the app uses: the corpus imported into a temporary
    SQLite library and its winnowed shingle index (app.store.boilerplate)."""
    import tempfile

    from app.core.model import DocumentMeta
    from app.store import add_document, open_library
    from app.store.boilerplate import LibraryBoilerplate

    folder = tempfile.mkdtemp(prefix="duidu-eval-")
    library = open_library(str(Path(folder) / "library.sqlite"))
    started = time.perf_counter()
    with library.writer.begin() as session:
        for path in sorted(CORPUS.glob("*/*.txt")):
            add_document(session, path.read_text(encoding="utf-8"), DocumentMeta(title=path.stem))
    signal = LibraryBoilerplate(library.reader)
    print(f"store library: {signal.documents} documents, df ≥ {signal.threshold}, "
          f"built in {time.perf_counter() - started:.1f} s")  # fmt: skip
    return _detector_with(signal, kinds)


def _detector_with(index: BoilerplateSignal, kinds: tuple[str, ...]) -> Detector:
    def detect(source: str, susp: str, host: str) -> list[tuple[int, int, int, int]]:
        library = _LibraryWithout(index, content_hash(host))
        params = PassageParams(formula_oracle=formula_coverage, boilerplate=library)
        result = compare_pair(source, susp, params)
        return [(p.b_start, p.b_end, p.a_start, p.a_end) for p in result.passages if p.kind in kinds]

    return detect


def difflib_detector(min_chars: int = 12) -> Detector:
    def detect(source: str, susp: str, host: str) -> list[tuple[int, int, int, int]]:
        vs, vt = normalize(source, keep_punctuation=False), normalize(susp, keep_punctuation=False)
        matcher = SequenceMatcher(None, vs.text, vt.text, autojunk=False)
        out = []
        for block in matcher.get_matching_blocks():
            if block.size >= min_chars:
                s0, s1 = vs.original_span(block.a, block.a + block.size)
                t0, t1 = vt.original_span(block.b, block.b + block.size)
                out.append((t0, t1, s0, s1))
        return out

    return detect


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass(frozen=True)
class Scored:
    """One detector on one set of cases, scored both ways.

    `strict`: every detection outside the planted case counts against precision (the PAN reading; an
    independent evaluation will most likely score this way). `relaxed`: detections outside the planted
    block that the source and the untouched host already shared are ignored (they are real shared text,
    not errors). `pre_existing` lists those detections, by level, for inspection.
    """

    strict: dict[str, PanScores]
    relaxed: dict[str, PanScores]
    seconds: float
    pre_existing: dict[str, list[tuple[Case, tuple[int, int, int, int]]]]


def _by_level(cases: list[Case], detections: dict[str, list[Annotation]]) -> dict[str, PanScores]:
    scores = {
        level: pan_scores([c.annotation for c in cases if c.level == level], found)
        for level, found in detections.items()
    }
    scores["overall"] = pan_scores(
        [c.annotation for c in cases], [d for ds in detections.values() for d in ds]
    )
    return scores


def evaluate(cases: list[Case], detector: Detector) -> Scored:
    """PAN scores per level and overall, strict and relaxed, from one detection run per case."""
    levels = tuple(dict.fromkeys(c.level for c in cases))
    strict: dict[str, list[Annotation]] = {level: [] for level in levels}
    relaxed: dict[str, list[Annotation]] = {level: [] for level in levels}
    ignored: dict[str, list[tuple[Case, tuple[int, int, int, int]]]] = {level: [] for level in levels}
    elapsed = 0.0
    before_cache: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
    for case in cases:
        start = time.perf_counter()
        found = detector(case.source, case.susp, case.host)
        elapsed += time.perf_counter() - start
        ident = (id(case.source), case.insert_at)
        if ident not in before_cache:
            before_cache[ident] = detector(case.source, case.host, case.host)
        shift = case.inserted_len
        before = [
            (t0 + shift if t0 >= case.insert_at else t0, t1 + shift if t1 > case.insert_at else t1, s0, s1)
            for t0, t1, s0, s1 in before_cache[ident]
        ]
        lo, hi = case.insert_at, case.insert_at + case.inserted_len
        for t0, t1, s0, s1 in found:
            strict[case.level].append((case.key, t0, t1, s0, s1))
            pre_existing = not _overlaps(t0, t1, lo, hi) and any(
                _overlaps(t0, t1, b0, b1) and _overlaps(s0, s1, c0, c1) for b0, b1, c0, c1 in before
            )
            if pre_existing:
                ignored[case.level].append((case, (t0, t1, s0, s1)))
            else:
                relaxed[case.level].append((case.key, t0, t1, s0, s1))
    return Scored(_by_level(cases, strict), _by_level(cases, relaxed), elapsed, ignored)


def _print_table(name: str, scored: Scored, cases: int) -> None:
    print(f"\n{name}: {cases} cases, {scored.seconds:.2f} s detecting")
    print(f"{'':<8} {'---------- strict ----------':>35}   {'---------- relaxed ---------':>35}")
    head = f"{'prec':>6} {'rec':>6} {'gran':>6} {'plagdet':>8} {'dets':>5}"
    print(f"{'level':<8} {head}   {head}")
    for level, s in scored.strict.items():
        r = scored.relaxed[level]
        print(
            f"{level:<8} {s.precision:6.3f} {s.recall:6.3f} {s.granularity:6.3f} {s.plagdet:8.3f} {s.detections:5d}"
            f"   {r.precision:6.3f} {r.recall:6.3f} {r.granularity:6.3f} {r.plagdet:8.3f} {r.detections:5d}"
        )


def _print_summary(results: dict[str, Scored]) -> None:
    names = list(results)
    print("\nplagdet, strict / relaxed")
    print(f"{'level':<8} " + " ".join(f"{n:>22}" for n in names))
    for level in next(iter(results.values())).strict:
        cells = [f"{r.strict[level].plagdet:.3f} / {r.relaxed[level].plagdet:.3f}" for r in results.values()]
        print(f"{level:<8} " + " ".join(f"{c:>22}" for c in cells))


def _print_pre_existing(scored: Scored, level: str) -> None:
    """The detections strict scoring counts as false positives (shared before the insertion)."""
    print(f"\ndetections outside the planted passages ({level}):")
    for case, (t0, t1, s0, s1) in scored.pre_existing[level]:
        print(f"  {case.key}: src «{case.source[s0:s1]}»  susp «{case.susp[t0:t1]}»".replace("\n", "/"))


def failure_modes(case: Case, found: list[tuple[int, int, int, int]]) -> list[str]:
    """Why one case scores below 1 (strict): detections outside the planted passage (`outside`), the
    passage in several detections (`split`), not found (`missed`), found in part (`partial`), or a
    detection reaching past it (`overshoot`)."""
    _, t0, t1, s0, s1 = case.annotation
    inside = [d for d in found if _overlaps(d[0], d[1], t0, t1) and _overlaps(d[2], d[3], s0, s1)]
    modes = ["outside"] if len(inside) < len(found) else []
    if not inside:
        return [*modes, "missed"]
    scores = pan_scores([case.annotation], [(case.key, *d) for d in inside])
    if len(inside) > 1:
        modes.append("split")
    if scores.recall < 0.95:
        modes.append("partial")
    if scores.precision < 0.97:
        modes.append("overshoot")
    return modes


def print_failures(cases: list[Case], detector: Detector, threshold: float = 0.95) -> None:
    """Each case whose strict plagdet is below `threshold`, with its failure modes and detections,
    then how often each mode occurred per level."""
    counts: dict[tuple[str, str], int] = {}
    for case in cases:
        found = detector(case.source, case.susp, case.host)
        score = pan_scores([case.annotation], [(case.key, *d) for d in found])
        if score.plagdet >= threshold:
            continue
        modes = failure_modes(case, found)
        for mode in modes:
            counts[(case.level, mode)] = counts.get((case.level, mode), 0) + 1
        _, t0, t1, s0, s1 = case.annotation
        print(f"\n{case.key}: plagdet {score.plagdet:.2f} {modes}  planted susp[{t0}:{t1}] src[{s0}:{s1}]")
        for d0, d1, e0, e1 in found:
            where = "in " if _overlaps(d0, d1, t0, t1) and _overlaps(e0, e1, s0, s1) else "out"
            text = case.susp[d0:d1].replace("\n", "/")
            print(f"  {where} susp[{d0}:{d1}] src[{e0}:{e1}] «{text[:60]}{'…' if len(text) > 60 else ''}»")
    print("\nfailure modes (cases):", ", ".join(f"{lv} {m}: {c}" for (lv, m), c in sorted(counts.items())))


def seed_summary(seeds: list[int], n: int, levels: tuple[str, ...]) -> None:
    """Strict copy-only plagdet per seed (overall and the last level), to see how the engine generalises
    over draws it was not tuned on."""
    detector = engine_detector(kinds=("copy",))
    for seed in seeds:
        strict = evaluate(build_cases(n, seed, levels), detector).strict
        last = levels[-1]
        print(
            f"seed {seed}: overall {strict['overall'].plagdet:.3f} (P {strict['overall'].precision:.3f} "
            f"R {strict['overall'].recall:.3f} G {strict['overall'].granularity:.3f})  {last} "
            f"{strict[last].plagdet:.3f}"
        )


def report(
    n: int = 25,
    seed: int = 20261125,
    with_baseline: bool = True,
    levels: tuple[str, ...] = LEVELS,
    show_false_positives: bool = False,
    with_library: bool = False,
    with_store_library: bool = False,
) -> dict[str, Scored]:
    """Print, per method, strict and relaxed PAN scores per level, then a plagdet summary."""
    cases = build_cases(n, seed, levels)
    methods: dict[str, Detector] = {
        "engine": engine_detector(),
        "engine copy-only": engine_detector(kinds=("copy",)),
    }
    if with_library:
        methods["engine copy-only + library"] = library_detector()
    if with_store_library:
        methods["engine copy-only + store library"] = store_library_detector()
    if with_baseline:
        methods["difflib"] = difflib_detector()
    results = {}
    for name, detector in methods.items():
        results[name] = evaluate(cases, detector)
        _print_table(name, results[name], len(cases))
    _print_summary(results)
    if show_false_positives:
        for name in ("engine copy-only", "engine copy-only + library", "engine copy-only + store library"):
            if name in results:
                print(f"\n{name}:", end="")
                _print_pre_existing(results[name], levels[0])
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.eval_passages",
        description="PAN scores (strict and relaxed) of the passage engine and a difflib baseline on "
        "synthetic reuse cases built from ../shared/corpus.",
    )
    parser.add_argument("--n", type=int, default=25, help="base cases (each is edited at every level)")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--extra", action="store_true", help="edit levels the engine was not tuned on")
    parser.add_argument("--no-baseline", action="store_true", help="skip difflib (slow)")
    parser.add_argument(
        "--library",
        action="store_true",
        help="also run the engine with the whole corpus as its boilerplate library (~300 MB, a few s)",
    )
    parser.add_argument(
        "--store-library",
        action="store_true",
        help="also run it with the corpus imported into a temporary library, its shingle index as signal",
    )
    parser.add_argument(
        "--show-false-positives",
        action="store_true",
        help="print the copy passages strict scoring counts against precision",
    )
    parser.add_argument(
        "--failures",
        action="store_true",
        help="print each case the copy-only engine scores below 0.95 (strict), with its failure modes",
    )
    parser.add_argument(
        "--seeds", help="comma-separated seeds: one line of strict copy-only plagdet per seed, nothing else"
    )
    args = parser.parse_args(argv)
    levels = EXTRA_LEVELS if args.extra else LEVELS
    if args.seeds:
        seed_summary([int(s) for s in args.seeds.split(",")], args.n, levels)
        return
    if args.failures:
        seed = 11 if args.extra and args.seed == 20261125 else args.seed
        print_failures(build_cases(args.n, seed, levels), engine_detector(kinds=("copy",)))
        return
    report(
        n=30 if args.extra and args.n == 25 else args.n,
        seed=11 if args.extra and args.seed == 20261125 else args.seed,
        with_baseline=not args.no_baseline,
        levels=EXTRA_LEVELS if args.extra else LEVELS,
        show_false_positives=args.show_false_positives,
        with_library=args.library,
        with_store_library=args.store_library,
    )


if __name__ == "__main__":
    main()
