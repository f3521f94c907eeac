"""The labelled reuse queries of tests/data/tracing/reuse_queries.json: a library and the queries' texts.

The library is the whole shared corpus plus a few synthetic speeches (versions of corpus speeches, see
`build_library`); a query is a corpus file (then it is in the library and left out of its own results) or
a text made from corpus files by one of the recipes below. Every recipe is deterministic: a seeded
`random.Random`, paragraphs as the corpus files have them. tests/data/tracing/README.md says how each
query was found and which part is held out.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.model import DocumentMeta
from app.store import Library, add_document, list_documents, open_library
from app.store.importing import import_paths

LABELS = Path(__file__).resolve().parents[1] / "data" / "tracing" / "reuse_queries.json"
#: Characters a substitution puts in: common ones, so an edited clause still reads as prose.
_SUBSTITUTES = (
    "的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
)
#: An own framing sentence around an excerpt (a speaker quoting a source in a short piece of their own).
_FRAME = ("同志们，下面我结合学习体会谈几点认识。", "以上是我的几点体会，不妥之处请批评指正。")


def paragraphs(text: str) -> list[str]:
    """Paragraphs as the corpus has them: lines, or runs of ideographic spaces in the one-line files."""
    return [p.strip() for p in re.split(r"\n|\u3000{2,}", text) if p.strip()]


def substitute(text: str, rng: random.Random, rate: float = 0.005) -> str:
    """Replace `rate` of the CJK characters by another common character (a typo, a changed word)."""
    chars = list(text)
    spots = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(spots, round(len(spots) * rate)):
        chars[i] = rng.choice(_SUBSTITUTES.replace(chars[i], ""))
    return "".join(chars)


def revise(text: str, rng: random.Random, insert: str) -> str:
    """A later version: one paragraph dropped, `insert` (another speech's paragraph) added, two neighbours
    swapped, 进一步 put into every third paragraph, then 0.5 % of the characters substituted."""
    parts = paragraphs(text)
    if len(parts) > 4:
        del parts[rng.randrange(1, len(parts))]
    parts.insert(rng.randrange(1, len(parts) + 1), insert)
    if len(parts) > 3:
        i = rng.randrange(1, len(parts) - 1)
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    for i in range(1, len(parts), 3):
        at = rng.randrange(len(parts[i]))
        parts[i] = parts[i][:at] + "进一步" + parts[i][at:]
    return substitute("\n".join(parts), rng)


def mix(texts: list[str], shares: list[float], rng: random.Random, chars: int) -> str:
    """About `chars` characters: a contiguous run of paragraphs from each source in proportion to
    `shares` (the first source dominant), shuffled together, with 0.5 % substitutions."""
    chosen: list[str] = []
    for text, share in zip(texts, shares, strict=True):
        parts = paragraphs(text)
        want = chars * share
        start = rng.randrange(max(1, len(parts) // 3))
        taken = 0
        for part in parts[start:] + parts[:start]:
            if taken >= want:
                break
            chosen.append(part)
            taken += len(part)
    rng.shuffle(chosen)
    return substitute("\n".join(chosen), rng)


def embed(short: str, others: list[str], rng: random.Random, each: int) -> str:
    """A longer piece holding the whole of a `short` source (every paragraph, in order) among contiguous
    runs of about `each` characters of paragraphs from each of `others`, paragraphs shuffled by source
    block, with 0.5 % substitutions: a source much shorter than the query that copies it."""
    blocks = ["\n".join(paragraphs(short))]
    for text in others:
        parts = paragraphs(text)
        start = rng.randrange(max(1, len(parts) // 3))
        taken: list[str] = []
        for part in parts[start:] + parts[:start]:
            if sum(map(len, taken)) >= each:
                break
            taken.append(part)
        blocks.append("\n".join(taken))
    rng.shuffle(blocks)
    return substitute("\n".join(blocks), rng)


def excerpt(text: str, rng: random.Random, chars: int) -> str:
    """A short piece quoting about `chars` characters of contiguous paragraphs from the middle of a long
    source, framed by two sentences of its own, with 0.5 % substitutions."""
    parts = paragraphs(text)
    start = rng.randrange(len(parts) // 4, max(len(parts) // 4 + 1, len(parts) * 3 // 4))
    taken: list[str] = []
    for part in parts[start:]:
        taken.append(part)
        if sum(map(len, taken)) >= chars:
            break
    return "\n".join([_FRAME[0], substitute("\n".join(taken), rng), _FRAME[1]])


#: Numbers a template sentence is filled in with: ASCII and full-width digits, Chinese numerals.
_NUMERALS = ("0123456789", "０１２３４５６７８９", "一二三四五六七八九十")
#: The slots of a template sentence: digit runs, and the numerals of 第…届/次/个, …中全会, …届.
_SLOTS = re.compile(
    r"[0-9０-９]+|(?<=第)[一二三四五六七八九十]+(?=[届次个])|[一二三四五六七八九十]+(?=中全会|届)"
)


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    digits = "一二三四五六七八九"
    return (
        (digits[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (digits[ones - 1] if ones else "")
    )


def reslot(text: str, rng: random.Random) -> str:
    """The same template sentences filled in with other numbers and dates (another session, year, count)."""

    def other(match: re.Match[str]) -> str:
        found = match.group()
        if found[0] in _NUMERALS[2]:  # a Chinese number: another one, written out (一 … 二十九)
            n = rng.choice([k for k in range(1, 30) if _chinese(k) != found])
            return _chinese(n)
        digits = next(d for d in _NUMERALS[:2] if found[0] in d)
        return "".join(rng.choice(digits.replace(c, "")) for c in found)

    return _SLOTS.sub(other, text)


def templated(opening: str, closing: str, body: str, rng: random.Random, chars: int, frame: int) -> str:
    """A short text of a templated genre (a plenum communiqué, an NPC resolution): its first paragraphs (about
    `frame` characters) are those of `opening`, its last those of `closing` — template sentences filled in
    with other numbers and dates — and its middle restates two contiguous runs of about `chars` / 2
    characters of paragraphs from the middle of a long `body` (the source), with 0.5 % substitutions."""
    head: list[str] = []
    for part in paragraphs(opening):
        head.append(part)
        if sum(map(len, head)) >= frame:
            break
    tail: list[str] = []
    for part in reversed(paragraphs(closing)):
        tail.insert(0, part)
        if sum(map(len, tail)) >= frame // 2:
            break
    parts = paragraphs(body)
    middle: list[str] = []
    for half in (slice(len(parts) // 5, len(parts) // 2), slice(len(parts) // 2, len(parts) * 4 // 5)):
        span = parts[half] or parts
        start = rng.randrange(max(1, len(span) // 2))
        taken: list[str] = []
        for part in span[start:]:
            taken.append(part)
            if sum(map(len, taken)) >= chars // 2:
                break
        middle += taken
    return "\n".join(
        [reslot("\n".join(head), rng), substitute("\n".join(middle), rng), reslot("\n".join(tail), rng)]
    )


@dataclass(frozen=True)
class Query:
    """One labelled query: its text, its own library id (None for a synthetic text) and the answers."""

    key: str
    split: str
    kind: str
    text: str
    own_id: int | None
    first: str
    top3: tuple[str, ...]


def _labels() -> dict:
    return json.loads(LABELS.read_text(encoding="utf-8"))


class ReuseSet:
    """Texts by name (corpus relative paths and synthetic names) and how to make each recipe's text."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.labels = _labels()
        self._made: dict[str, str] = {}

    def text(self, name: str) -> str:
        if name in self._made:
            return self._made[name]
        for spec in self.labels["library"]:
            if spec["name"] == name:
                self._made[name] = self._recipe(spec)
                return self._made[name]
        return (self.corpus / name).read_text(encoding="utf-8")

    def _recipe(self, spec: dict) -> str:
        rng = random.Random(spec["seed"])
        recipe = spec["recipe"]
        if recipe == "revise":
            insert = max(paragraphs(self.text(spec["insert_from"])), key=len)
            return revise(self.text(spec["from"]), rng, insert)
        if recipe == "mix":
            return mix([self.text(s) for s in spec["from"]], spec["shares"], rng, spec["chars"])
        if recipe == "embed":
            return embed(
                self.text(spec["from"][0]), [self.text(s) for s in spec["from"][1:]], rng, spec["each"]
            )
        if recipe == "excerpt":
            return excerpt(self.text(spec["from"]), rng, spec["chars"])
        if recipe == "templated":
            opening, closing, body = (self.text(s) for s in spec["from"])
            return templated(opening, closing, body, rng, spec["chars"], spec["frame"])
        if recipe == "header":  # the same body under another title line of the same length
            return spec["title"] + "\n" + "\n".join(paragraphs(self.text(spec["from"]))[1:])
        if recipe == "substitute":
            return substitute(self.text(spec["from"]), rng, spec.get("rate", 0.005))
        raise ValueError(f"unknown recipe {recipe!r}")

    def synthetic_library(self) -> list[tuple[str, str, str]]:
        """(name, date, text) of the synthetic speeches the library holds besides the corpus."""
        return [(s["name"], s["date"], self.text(s["name"])) for s in self.labels["library"] if s.get("date")]

    def queries(self, ids: dict[str, int], split: str | None = None) -> Iterator[Query]:
        for q in self.labels["queries"]:
            if split is not None and q["split"] != split:
                continue
            name = q["query"]
            yield Query(
                q["key"], q["split"], q["kind"], self.text(name), ids.get(name), q["first"], tuple(q["top3"])
            )


def build_library(corpus: Path, path: Path) -> dict[str, int]:
    """The corpus and the synthetic speeches in a new library at `path`; returns name → id."""
    reuse = ReuseSet(corpus)
    with open_library(str(path)) as library:
        report = import_paths(library.writer, [corpus])
        assert report.failed == 0
        with library.writer.begin() as session:
            for name, date, text in reuse.synthetic_library():
                add_document(session, text, DocumentMeta(title=name, date=date, source_path=name))
        return names_to_ids(library, corpus)


def names_to_ids(library: Library, corpus: Path) -> dict[str, int]:
    prefix = str(corpus) + "/"
    with library.reader() as session:
        return {d.meta.source_path.removeprefix(prefix): d.id for d in list_documents(session)}


def name_of(source: str, corpus: Path) -> str:
    return source.removeprefix(str(corpus) + "/")


Ranker = Callable[[Library, Query], list[str]]


@dataclass
class Score:
    top1: int = 0
    top3: int = 0
    total: int = 0
    misses: list[str] | None = None

    def line(self) -> str:
        return f"top-1 {self.top1}/{self.total} = {self.top1 / max(1, self.total):.2f}, top-3 {self.top3}/{self.total} = {self.top3 / max(1, self.total):.2f}"


def evaluate(library: Library, queries: list[Query], rank: Ranker) -> Score:
    """Top-1: the expected first answer is first. Top-3: the expected first is among the first three and
    nothing outside the acceptable three is ranked above it."""
    score = Score(misses=[])
    for query in queries:
        names = rank(library, query)
        score.total += 1
        if names[:1] == [query.first]:
            score.top1 += 1
        if query.first in names[:3]:
            score.top3 += 1
        if names[:1] != [query.first]:
            assert score.misses is not None
            score.misses.append(f"{query.key}: expected {query.first}, got {names[:3]}")
    return score


@contextmanager
def opened(path: Path) -> Iterator[Library]:
    with open_library(str(path)) as library:
        yield library
