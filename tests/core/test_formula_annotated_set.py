"""The hand-annotated formula set (tests/data/formulas): every file loads, spans hold their text, the split
is what GUIDE.md says, and the detector keeps the held-out recall and precision it reached.

The issue asks for held-out recall ≥ 0.85 at precision ≥ 0.90. The held-out part is the 12 excerpts annotated
in issue 14b before any detector change of that round; measured at commit 5ebe5ff: recall 0.81, precision 0.89
(0.886; 96f1391, main before 14b: 0.78 / 0.89). The floors below guard what was reached; they are not the goal.
(Running this test scores the held-out part: do not use it while tuning — use `--split tune` of the eval.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.core.formulas.shipped import default_matcher
from tests.bench.eval_formulas import RULE_KIND, evaluate
from tests.bench.formula_annotations import ANNOTATIONS, KINDS, Detected, load_set, parse

pytestmark = pytest.mark.corpus
HELD_OUT_RECALL_FLOOR = 0.80
HELD_OUT_PRECISION_FLOOR = 0.88


def test_the_set_covers_genres_and_keeps_a_third_held_out(corpus):
    speeches = [s for s, _t in load_set(corpus)]  # raises if a span or a SHA-256 does not match
    assert len(speeches) >= 12
    assert len({Path(s.path).parts[0] for s in speeches}) >= 7
    splits = Counter(s.split for s in speeches)
    assert set(splits) == {"tune", "heldout"} and splits["heldout"] * 3 >= len(speeches) - 1
    assert {span.kind for s in speeches for span in s.spans} == set(KINDS)


def test_a_file_names_its_range_and_every_span_lies_inside():
    for path in ANNOTATIONS.glob("*.tsv"):
        speech = parse(path)
        assert speech.spans and all(speech.start <= s.start < s.end <= speech.end for s in speech.spans)


def test_held_out_recall_and_precision(corpus):
    speeches = [(s, t) for s, t in load_set(corpus) if s.split == "heldout"]
    matcher = default_matcher()
    hits = {
        str(corpus / s.path): [
            Detected(h.start, h.end, RULE_KIND.get(h.rule, "lexicon") if h.source != "lexicon" else "lexicon")
            for h in matcher.find(t)
        ]
        for s, t in speeches
    }
    per_kind, _per_speech = evaluate(speeches, hits, corpus)
    assert per_kind["all"].recall >= HELD_OUT_RECALL_FLOOR
    assert per_kind["all"].precision >= HELD_OUT_PRECISION_FLOOR
