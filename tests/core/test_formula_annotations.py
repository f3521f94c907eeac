"""Recall on the hand-annotated seed speech and precision on hand-judged corpus documents.

How the numbers are counted is in tests/core/formula_scoring.py and the headers of the data files:
recall over the formula types and over the occurrences annotated in seed_formulas.tsv; precision over
every hit (occurrences) in the documents of precision_sample.txt, judged in precision_judgements.tsv.
"""

from __future__ import annotations

import pytest

from app.core.formulas.shipped import default_matcher
from tests.core.formula_scoring import DATA, read_annotations, recall

SEED = "seed/city-secretary-study-session-2023.txt"

pytestmark = pytest.mark.corpus


def test_seed_recall_of_official_formulas(corpus):
    text = (corpus / SEED).read_text(encoding="utf-8")
    annotations = read_annotations(DATA / "seed_formulas.tsv")
    result = recall(text, annotations, default_matcher().find(text))
    print(
        f"seed recall: types {result.types_found}/{result.types} = {result.type_recall:.1%}, "
        f"occurrences {result.occurrences_found}/{result.occurrences} = {result.occurrence_recall:.1%}; "
        f"missed: {', '.join(result.missed)}"
    )
    assert result.type_recall >= 0.85
    assert result.occurrence_recall >= 0.85


def test_pattern_rules_carry_part_of_the_seed_recall(corpus):
    """The lexicon alone must not be the whole story: local slogans come from the pattern rules."""
    text = (corpus / SEED).read_text(encoding="utf-8")
    annotations = read_annotations(DATA / "seed_formulas.tsv")
    lexicon_only = recall(text, annotations, default_matcher().find(text, use_patterns=False))
    full = recall(text, annotations, default_matcher().find(text))
    assert full.types_found - lexicon_only.types_found >= 20


def _judgements() -> dict[tuple[str, str, str], int]:
    table = {}
    for line in (DATA / "precision_judgements.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc, text, source, genuine, _note = line.split("\t")
        table[(doc, text, source)] = int(genuine)
    return table


def test_precision_on_judged_sample(corpus):
    judged = _judgements()
    docs = [
        line.strip()
        for line in (DATA / "precision_sample.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    total = genuine = pattern_total = pattern_genuine = 0
    unjudged = []
    for doc in docs:
        for hit in default_matcher().find((corpus / doc).read_text(encoding="utf-8")):
            key = (doc, hit.text.replace("\n", "\\n"), hit.source)
            if key not in judged:
                unjudged.append(key)
                continue
            total += 1
            genuine += judged[key]
            if hit.source == "pattern":
                pattern_total += 1
                pattern_genuine += judged[key]
    assert not unjudged, f"hits nobody judged yet (add them to precision_judgements.tsv): {unjudged[:20]}"
    print(
        f"precision: {genuine}/{total} = {genuine / total:.1%} over {len(docs)} documents; "
        f"pattern hits alone {pattern_genuine}/{pattern_total} = {pattern_genuine / pattern_total:.1%}"
    )
    assert genuine / total >= 0.90
    assert pattern_genuine / pattern_total >= 0.80
