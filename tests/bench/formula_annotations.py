"""The hand-annotated formula set in tests/data/formulas: loading, drafting and span-level scoring.

The rules an annotator follows are in tests/data/formulas/GUIDE.md. Files reference the corpus by path and
SHA-256 (the texts are not copied into the project); `load_set` checks both, so an edited corpus file
fails loudly instead of scoring against moved offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "formulas"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
KINDS = ("lexicon", "numbered", "parallel", "slogan", "quoted", "reference")
#: An annotated span is found (a hit is correct) when the other side covers this share of its characters.
MIN_OVERLAP = 0.5
#: Corpus files of the held-out round 16 (drawn and annotated in session 12, kept out of the set until a later session
#: scores it): no corpus-wide count (the eval's library signal, the leave-one-round-out mining) may read them, or a
#: wording mined from them would be tuned on held-out text. Names without `.txt`; a name ending in a digit after a
#: dash is matched whole (xi-2016-07-03-1), others as a prefix of the file name.
HELD_OUT_CORPUS_FILES = (
    *("xi-2013-03-30-1", "xi-2014-06-29-1", "xi-2014-12-20-1", "xi-2015-10-16-1", "xi-2015-11-19-1"),
    *("xi-2016-07-03-1", "xi-2017-01-26-1", "xi-2017-09-04-1"),
    *("xi-2020-02-29-1", "xi-2020-06-02-1", "xi-2020-07-22-1", "xi-2020-08-25-1"),
    *("xi-2020-09-01-1", "xi-2020-09-20-1"),
    *("communique-1962-cc08-plenum10", "communique-1966-cc08-plenum11", "communique-1970-cc09-plenum02"),
    *("gwr-1956", "gwr-1975"),
)
#: the annotation round those files are annotated in (session 12's draw, the lead's round16_draw.py:
#: random.Random(20261208) over files no earlier round used or drew, leaving out Xi's speeches of the same occasion
#: (the same date or a day apart) as a used or drawn file and near-copies (none of the drawn excerpts has more than
#: 19 % of its 12-character shingles in a used file): eight Xi speeches of 2013–2018, six of 2020, and five texts
#: before 1978 (the plenums of 1962, 1966 and 1970, the work reports of 1956 and 1975), since no later report,
#: resolution or party-building text is left unused)
HELD_OUT_ROUND = 16


def minable(path: Path) -> bool:
    """Whether a corpus file may be counted by corpus-wide mining (not a file of the held-out round)."""
    name = path.name.removesuffix(".txt")
    return not any(name == held or name.startswith(held + "-") for held in HELD_OUT_CORPUS_FILES)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class AnnotatedSpeech:
    name: str
    path: str
    sha256: str
    start: int
    end: int
    split: str
    spans: tuple[Span, ...]
    #: Annotation round (GUIDE §6): the `round N` of the annotator line; rounds 1–3 did not write one.
    round: int = 3


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse(path: Path) -> AnnotatedSpeech:
    """Read one annotation file (format in GUIDE.md §4)."""
    meta: dict[str, str] = {}
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and ":" in line:
            key, value = line[2:].split(":", 1)
            meta[key.strip()] = value.strip()
        elif line.strip() and not line.startswith("#"):
            start, end, kind, text = line.split("\t")
            if kind not in KINDS:
                raise ValueError(f"{path.name}: unknown kind {kind!r}")
            spans.append(Span(int(start), int(end), kind, _unescape(text)))
    lo, hi = (int(v) for v in meta["range"].split()[0].split("-"))
    named_round = re.search(r"\bround (\d+)", meta.get("annotator", ""))
    return AnnotatedSpeech(
        path.stem, meta["file"], meta["sha256"], lo, hi, meta["split"].split()[0], tuple(spans),
        int(named_round.group(1)) if named_round else 3,
    )  # fmt: skip


def load_set(corpus: Path = CORPUS) -> list[tuple[AnnotatedSpeech, str]]:
    """Every annotated speech with its corpus text; raises if a file changed since it was annotated."""
    loaded = []
    for path in sorted(ANNOTATIONS.glob("*.tsv")):
        speech = parse(path)
        source = corpus / speech.path
        if sha256_of(source) != speech.sha256:
            raise ValueError(f"{speech.path} changed since it was annotated (SHA-256 differs)")
        text = source.read_text(encoding="utf-8")
        for span in speech.spans:
            if (
                text[span.start : span.end] != span.text
                or not speech.start <= span.start < span.end <= speech.end
            ):
                raise ValueError(f"{path.name}: span {span.start}-{span.end} does not hold {span.text!r}")
        loaded.append((speech, text))
    return loaded


def draft_to_tsv(draft: str, corpus: Path = CORPUS, annotator: str = "") -> str:
    """Turn a reading-order draft into an annotation file: the annotator writes the surfaces, this finds them.

    Draft lines: `file: PATH`, `split: tune|heldout`, `range: START-END`, then `kind<TAB>surface` in the
    order the surfaces occur in the text (each surface is looked for after the previous one, so repeated
    wordings are listed once per occurrence and no offset has to be counted by hand).
    """
    meta: dict[str, str] = {}
    rows = []
    for line in draft.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip()
            continue
        kind, surface = line.split("\t", 1)
        rows.append((kind.strip(), _unescape(surface.strip("\n"))))
    source = corpus / meta["file"]
    text = source.read_text(encoding="utf-8")
    lo, hi = (int(v) for v in meta["range"].split("-"))
    cursor = lo
    out = [
        f"# file: {meta['file']}",
        f"# sha256: {sha256_of(source)}",
        f"# range: {lo}-{hi}",
        f"# split: {meta['split']}",
        f"# annotator: {annotator or meta.get('annotator', '')}",
        "#start\tend\tkind\ttext",
    ]
    for kind, surface in rows:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} for {surface!r}")
        at = text.find(surface, cursor, hi)
        if at < 0:
            raise ValueError(f"{surface!r} not found after offset {cursor} in {meta['file']}")
        out.append(f"{at}\t{at + len(surface)}\t{kind}\t{_escape(surface)}")
        cursor = at + len(surface)  # spans never nest (GUIDE §2): search after this one
    return "\n".join(out) + "\n"


@dataclass(frozen=True, slots=True)
class Detected:
    """A detector's hit, reduced to what scoring needs: span and the kind of rule that found it."""

    start: int
    end: int
    kind: str
    text: str = ""


def _covered_share(start: int, end: int, others: Iterable[tuple[int, int]]) -> float:
    covered = bytearray(end - start)
    for s, e in others:
        lo, hi = max(s, start), min(e, end)
        if lo < hi:
            covered[lo - start : hi - start] = b"\x01" * (hi - lo)
    return sum(covered) / max(1, end - start)


@dataclass
class Tally:
    """Counts for recall (annotated spans found) and precision (hits that are formulas)."""

    annotated: int = 0
    found: int = 0
    hits: int = 0
    correct: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.annotated += other.annotated
        self.found += other.found
        self.hits += other.hits
        self.correct += other.correct
        self.missed += other.missed
        self.wrong += other.wrong

    @property
    def recall(self) -> float:
        return self.found / self.annotated if self.annotated else float("nan")

    @property
    def precision(self) -> float:
        return self.correct / self.hits if self.hits else float("nan")

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p > 0 else 0.0


def score(speech: AnnotatedSpeech, hits: list[Detected]) -> dict[str, Tally]:
    """Per-kind tallies ("all" included): recall by annotation kind, precision by hit kind."""
    inside = [h for h in hits if speech.start <= h.start < speech.end]
    gold = [(s.start, s.end) for s in speech.spans]
    found_by = [(h.start, h.end) for h in inside]
    tallies: dict[str, Tally] = {"all": Tally()}
    for span in speech.spans:
        tally = tallies.setdefault(span.kind, Tally())
        ok = _covered_share(span.start, span.end, found_by) >= MIN_OVERLAP
        for t in (tally, tallies["all"]):
            t.annotated += 1
            t.found += ok
            if not ok:
                t.missed.append(f"{span.kind}:{span.text}")
    for hit in inside:
        tally = tallies.setdefault(hit.kind, Tally())
        ok = _covered_share(hit.start, hit.end, gold) >= MIN_OVERLAP
        for t in (tally, tallies["all"]):
            t.hits += 1
            t.correct += ok
            if not ok:
                t.wrong.append(f"{hit.kind}:{hit.text}")
    return tallies


def unquotable(corpus: Path, quoted: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (corpus file, sentence) pairs of a rule test whose sentence is not in its file, or whose file is one
    of the held-out round's (rule tests quote real sentences of minable files only)."""
    return [
        (path, sentence)
        for path, sentence in quoted
        if not minable(corpus / path) or sentence not in (corpus / path).read_text(encoding="utf-8")
    ]
