"""Is every curated formula (resources/lexicon/curated_formulas.tsv) used in the same form by the corpus?

A curated entry is a stock wording of its era written down by hand; it ships only when at least
`MIN_FILES` corpus files hold it verbatim (punctuation ignored, as the matcher ignores it). Files named
in the file that `$DUIDU_CORPUS_SKIP` points to (one glob per line, relative to the corpus) are left out
of the count, so that texts being annotated for a held-out round are never read while the list is built.

Run: python -m tests.bench.curated_lexicon   (lists the entries under the bar and the count per era)
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

import ahocorasick

from app.core.formulas.lexicon import FormulaEntry, load_lexicon, match_key, parse_lexicon_tsv
from app.core.formulas.shipped import curated_path
from tests.bench.formula_annotations import CORPUS

MIN_FILES = 2


def skipped_patterns() -> list[str]:
    """The globs of corpus files that must not be read (`$DUIDU_CORPUS_SKIP`, a file of globs)."""
    listed = os.environ.get("DUIDU_CORPUS_SKIP")
    if not listed:
        return []
    lines = Path(listed).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    patterns = skipped_patterns()
    return [
        p
        for p in sorted(corpus.rglob("*.txt"))
        if not any(fnmatch(p.relative_to(corpus).as_posix(), g) for g in patterns)
    ]


def files_holding(wordings: Iterable[str], corpus: Path = CORPUS) -> Counter[str]:
    """In how many corpus files each wording occurs (compared as match keys, one scan per file)."""
    automaton = ahocorasick.Automaton()
    for wording in wordings:
        key = match_key(wording)
        if key:
            automaton.add_word(key, key)
    counts: Counter[str] = Counter()
    if len(automaton):
        automaton.make_automaton()
        for path in corpus_files(corpus):
            text = match_key(path.read_text(encoding="utf-8"))
            counts.update({key for _end, key in automaton.iter(text)})
    return Counter({w: counts[match_key(w)] for w in wordings})


def block_entries(tag: str, path: Path | None = None) -> tuple[FormulaEntry, ...]:
    """The entries of one engineer's block of the curated file: the rows after the comment line `# <tag>` up to
    the next comment line (blocks are appended one after another, each opening with a comment naming its tag)."""
    lines = (path or curated_path()).read_text(encoding="utf-8").splitlines()
    # the tag is a whole word: `# 14k7` does not open the block `# 14k7b`
    opening = [i for i, line in enumerate(lines) if re.match(rf"# {re.escape(tag)}(?![0-9A-Za-z])", line)]
    if len(opening) != 1:
        raise ValueError(f"{len(opening)} blocks open with '# {tag}'")
    rows = []
    for line in lines[opening[0] + 1 :]:
        if line.startswith("#"):
            break
        rows.append(line)
    loaded = parse_lexicon_tsv("\n".join(rows))
    if loaded.problems:
        raise ValueError(f"block {tag}: {loaded.problems[0]}")
    return loaded.entries


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is not at {CORPUS}")
    entries = load_lexicon(curated_path()).entries
    counts = files_holding([e.canonical for e in entries])
    rare = [f"{e.canonical} ({counts[e.canonical]})" for e in entries if counts[e.canonical] < MIN_FILES]
    eras = Counter(e.note.split("；")[0] for e in entries)
    print(f"{len(entries)} curated entries, {len(corpus_files())} corpus files read; per era: {dict(eras)}")
    print(f"under {MIN_FILES} files: {len(rare)}", "; ".join(rare))


def block_hits_in_corpus_sentence(corpus: Path, path: str, sentence: str, tag: str | None) -> list:
    """The shipped matcher's hits of one block's wordings (tag None: of the whole curated file) in a sentence that
    a minable corpus file holds (the block tests check their wordings on real text that no held-out round reads)."""
    from app.core.formulas.shipped import default_matcher
    from tests.bench.formula_annotations import minable

    assert minable(corpus / path)
    assert sentence in (corpus / path).read_text(encoding="utf-8")
    entries = block_entries(tag) if tag is not None else load_lexicon(curated_path()).entries
    block = {e.canonical for e in entries}
    return [h for h in default_matcher().find(sentence) if h.formula in block]


def assert_block_finds(corpus: Path, path: str, sentence: str, wordings: list[str], tag: str | None) -> None:
    """The block test every curated block runs: in a real minable sentence, the shipped matcher reports exactly
    these wordings of the block, each as a lexicon hit."""
    hits = block_hits_in_corpus_sentence(corpus, path, sentence, tag)
    assert [h.text for h in hits] == wordings
    assert all(h.source == "lexicon" for h in hits)


def assert_longer_wording_wins(corpus: Path, path: str, sentence: str, longer: str, short: str) -> None:
    """GUIDE §2, the test every block with short entries runs: in a real minable sentence, the longest fixed wording
    is the span; the short entry is no hit of its own there, and the longer hit names it among the formulas it
    holds."""
    from app.core.formulas.shipped import default_matcher
    from tests.bench.formula_annotations import minable

    assert minable(corpus / path) and sentence in (corpus / path).read_text(encoding="utf-8")
    hits = [h for h in default_matcher().find(sentence) if h.source == "lexicon" and short in h.text]
    assert [h.text for h in hits] == [longer]
    assert short in hits[0].contains


def block_problems(tag: str, eras: Iterable[str]) -> list[str]:
    """The wordings of one block whose row breaks the block rules of sessions 12 on: at least 4 characters
    (GUIDE §3), a note `era；语料中 N 个文件同文使用` with a known era and N >= MIN_FILES, a kind among
    concept/historical/slogan."""
    known, wrong = set(eras), []
    for entry in block_entries(tag):
        era, _sep, count = entry.note.partition("；")
        number = count.removeprefix("语料中 ").removesuffix(" 个文件同文使用")
        if (
            len(match_key(entry.canonical)) < 4
            or era not in known
            or not number.isdigit()
            or int(number) < MIN_FILES
            or entry.category not in {"concept", "historical", "slogan"}
        ):
            wrong.append(entry.canonical)
    return wrong


def repeated_wordings(tag: str) -> list[str]:
    """The block's wordings that repeat one another or any form of an entry outside the block."""
    from app.core.formulas.shipped import lexicon_path

    block = block_entries(tag)
    others = [
        e
        for e in (*load_lexicon(lexicon_path()).entries, *load_lexicon(curated_path()).entries)
        if e not in block
    ]
    taken = {match_key(w) for e in others for w, _s in e.forms()}
    seen: set[str] = set()
    repeated = []
    for entry in block:
        key = match_key(entry.canonical)
        if key in taken or key in seen:
            repeated.append(entry.canonical)
        seen.add(key)
    return repeated


def mined_knocked_out(tag: str) -> set[str]:
    """The mined wordings that the loader drops because of the block (a curated entry holding or overlapping them)."""
    from app.core.formulas.lexicon import LoadedLexicon
    from app.core.formulas.shipped import lexicon_path, merge_lexicons, mined_path

    hand, curated, mined = (load_lexicon(p) for p in (lexicon_path(), curated_path(), mined_path()))
    block = set(block_entries(tag))
    without = LoadedLexicon(tuple(e for e in curated.entries if e not in block))

    def loaded_mined(cur: LoadedLexicon) -> set[str]:
        return {e.canonical for e in merge_lexicons(hand, cur, mined).entries if e.category == "mined"}

    return loaded_mined(without) - loaded_mined(curated)


def rare_in_minable_files(corpus: Path, tag: str) -> list[str]:
    """The block's wordings that fewer than MIN_FILES minable corpus files hold (punctuation ignored, as the
    matcher compares); held-out files are never read."""
    from tests.bench.formula_annotations import minable

    keys = {match_key(e.canonical): e.canonical for e in block_entries(tag)}
    files = dict.fromkeys(keys, 0)
    for path in sorted(corpus.rglob("*.txt")):
        if minable(path):
            text = match_key(path.read_text(encoding="utf-8"))
            for key in keys:
                files[key] += key in text
    return [keys[k] for k, n in files.items() if n < MIN_FILES]


if __name__ == "__main__":
    main()
