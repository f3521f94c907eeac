"""Whether two trees ship the same formula lexicon: passages are labelled formula/copy by it, so benches that
compare passages between trees can only ask for identical results when it is the same."""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path("resources", "lexicon")


def lexicon_files(tree: Path) -> dict[str, bytes]:
    """The tree's shipped lexicon files (formulas.tsv, mined_formulas.tsv, …) by name."""
    return {p.name: p.read_bytes() for p in sorted((tree / LEXICON_DIR).glob("*.tsv"))}


def same_lexicon(tree: Path, other: Path) -> bool:
    return lexicon_files(tree) == lexicon_files(other)
