"""The hand-annotated formula set (tests/data/formulas): every file loads, spans hold their text, the split
is what GUIDE.md says, and the detector keeps the recall and precision it reached.

The issue asks for held-out recall ≥ 0.85 at precision ≥ 0.90. Issue 14b's held-out part (12 excerpts) was
scored at 5ebe5ff (recall 0.81, precision 0.886) and is now tuning, like every earlier part: in this checkout all
59 files are tuning files, and new held-out files (`split: heldout`) are merged by the lead. Round 4 (25
files, two new annotators) was scored once (recall 0.52, precision 0.91) and is tuning now too (issue 14t2). The
tuning floors are what issue 14t2 measured on all 59 (recall 0.790, precision 0.929); they guard what was
reached and are not the goal. Round 5 (19 files) was scored once (recall 0.46, precision 0.83) and is tuning
now too (issue 14L): all 78 files are tuning files. The curated lexicon of issue 14L was built on rounds 1–4 and
scored once on round 5 (recall 0.46 → 0.63, precision 0.83 → 0.83). Round 6 (20 files) was scored once (recall 0.57,
precision 0.78) and is tuning since session 5 (issue 14d5). Round 7 (18 files) was scored once (recall 0.66,
precision 0.91) and is tuning since session 6. Round 8 (18 files) was scored once (recall 0.72, precision
0.88) and is tuning since session 7. Round 9 (20 files, marked twice and adjudicated) was scored once (recall
0.72, precision 0.875) and is tuning since session 8. Round 10 (19 files, marked twice and adjudicated) was scored
once (recall 0.70, precision 0.876) and is tuning since session 9. Round 11 (20 files, marked twice and adjudicated)
was scored once in session 9 (recall 0.79, precision 0.875) and is tuning since. Round 12 (20 files, marked twice and
adjudicated) was scored once in session 9 (recall 0.79, precision 0.84) and is tuning since session 10. Round 13 (19
files, marked twice and adjudicated) was scored once in session 10 (recall 0.79, precision 0.855) and is tuning since
the end of session 10. Round 14 (20 files, re-marked twice and adjudicated in session 11) was scored once in session 11
(recall 0.728, precision 0.946) and is tuning since. Round 15 (18 files, marked twice and adjudicated in session 11)
was scored once in session 12 (recall 0.704, precision 0.857) and is tuning since: all 270 files are tuning files. The
held-out floors apply to whatever held-out files there are (round 16, drawn and annotated in session 12, waits in
tests/data/formulas/pending/, which the set does not load, until a later session merges and scores it).
(Running the held-out test scores the held-out part: do not use it while tuning — use the eval's `--split tune`.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.core.formulas.shipped import default_matcher
from tests.bench.eval_formulas import RULE_KIND, evaluate, parse_rounds
from tests.bench.formula_annotations import (
    ANNOTATIONS,
    HELD_OUT_CORPUS_FILES,
    HELD_OUT_ROUND,
    KINDS,
    Detected,
    load_set,
    minable,
    parse,
)

pytestmark = pytest.mark.corpus
#: round 13 (19 files, 368 spans, each marked twice blind and adjudicated: plenums, NPC resolutions, Xi's speeches and
#: party-building texts, since no work report of 1978 or later was left unused), drawn in session 10, scored once at
#: 20:38 UTC 2026-12-07 (`eval_formulas --split heldout --baseline-rev cf72fd7`, 31c5287's code with a list mined
#: without round 13): recall 292/368 = 0.793 (cf72fd7: 0.78), precision 295/345 = 0.855 (cf72fd7: 0.84).
#: (Round 12 had scored 0.792 / 0.841 and round 11 0.794 / 0.875 in session 9; round 10 0.70 / 0.876 in session 8.)
#: round 14 (20 files, 423 spans, re-marked twice blind and adjudicated in session 11 after session 10's marking was
#: lost unscored: plenums 2006/2007/2013, the NPC 2010 resolution, twelve Xi speeches, three hust texts), scored once at
#: 22:59 UTC 2026-12-07 after session 11's four detector merges (`eval_formulas --split heldout --baseline-rev 4b8a057`,
#: session 10's final code, its list mined without round 14): recall 308/423 = 0.728 (4b8a057: 307/423 = 0.726),
#: precision 331/350 = 0.946 (4b8a057: 332/353 = 0.941). The most 排比-heavy round (111 parallel spans, recall 0.53).
#: round 15 (18 files, 372 spans, marked twice blind and adjudicated in session 11: the 1977 plenum, fifteen Xi speeches,
#: two hust texts), scored once at 01:32 UTC 2026-12-08 after session 12's six detector merges (`eval_formulas --split
#: heldout --baseline-rev 900ef95`, session 11's final code, its list mined without round 15): recall 254/372 = 0.683 →
#: 262/372 = 0.704, precision 272/314 = 0.866 → 276/322 = 0.857 (without the four excerpts holding a sentence a formula
#: test quotes: 0.633 → 0.642, 0.842 → 0.826). The floors are what the last fresh round scored.
HELD_OUT_RECALL_FLOOR = 0.70
HELD_OUT_PRECISION_FLOOR = 0.85
#: all 154 tuning files (rounds 1–9; round 9 joined at the start of session 8) at 291a092: recall 2742/3242 = 0.846,
#: precision 2808/3076 = 0.913 (rounds 1–8 alone: 0.863 / 0.918; round 9 alone scored 0.72 / 0.875 when held out);
#: with the mined list re-mined without the round-10 files (round 9 counted): 2752/3242 = 0.849, 2816/3083 = 0.913;
#: after the GUIDE §3a re-check of rounds 1–7 (14q8a–e, session 8: +233 lexicon spans, no span changed):
#: recall 2826/3475 = 0.813, precision 2885/3083 = 0.936 (the same hits, more of them marked); with 14m8's miner
#: (noun-ending names of >= 5 characters that stand free): recall 2837/3475 = 0.816, precision 2897/3111 = 0.931.
#: Session 9: round 10 joins the tuning part (173 files, 3,816 spans) and the list is re-mined with round 10 counted and
#: round 11 left out: recall 3088/3816 = 0.809, precision 3154/3405 = 0.926; after 14q9 settled the spans the §3a
#: re-checkers had listed as wrong (15 removed, 12 changed): recall 3077/3801 = 0.810, precision 3138/3405 = 0.922;
#: with 14k9's short §3a wordings (105) and 14p9's point frames and 则 mottos: recall 3295/3801 = 0.867, precision
#: 3359/3637 = 0.924. Round 11 joins the tuning part after its scoring (193 files, 4,204 spans) and the list is
#: re-mined with round 11 counted and round 12 left out: recall 3605/4204 = 0.858, precision 3675/4003 = 0.918.
#: Session 10: round 12 joins the tuning part (213 files, 4,608 spans) and the list is re-mined with round 12 counted
#: and round 13 left out: recall 3935/4608 = 0.854, precision 4005/4394 = 0.911; with 14a10's precision pass, 14s10's
#: slogans and clause 排比, 14c10's context rule and 14k10's stock wordings: recall 4122/4608 = 0.895, precision
#: 4205/4444 = 0.946. Round 13 joins the tuning part after its scoring (232 files, 4,976 spans) and the list is
#: re-mined with round 13 counted and round 14 left out: recall 4417/4976 = 0.888, precision 4504/4795 = 0.939.
#: Session 11: with 14k11's wordings, 14q11's slogan/quoted rules, 14m11's references and 14p11's 排比 shapes, rounds
#: 1–13: recall 4553/4976 = 0.915, precision 4603/4864 = 0.946; round 14 joins after its scoring (252 files, 5,399
#: spans) and the list is re-mined with round 14 counted and round 15 left out: recall 4858/5399 = 0.900, precision
#: 4931/5210 = 0.946; with 14p11b's clause anaphora and refrain sentences (written from round 14's misses): recall
#: 4878/5399 = 0.904, precision 4936/5215 = 0.947; session 12, with 14a12's anaphora loosenings (sentences near
#: each other, ；-segments by their lead clause, 坚持 runs, varying point heads): recall 4902/5399 = 0.908,
#: precision 4936/5222 = 0.945; with 14a12b's further anaphora shapes, 14g12's slogan runs, 14l12/14l12b's wordings and
#: 14c12's coordinate series, rounds 1–14: recall 4981/5399 = 0.923, precision 4977/5276 = 0.943. Round 15 joins after
#: its scoring (270 files, 5,771 spans) and the list is re-mined with round 15 counted and round 16 left out: recall
#: 5242/5771 = 0.908, precision 5252/5598 = 0.938 (round 15's fresh precision, 0.857, pulls the floor down)
TUNING_RECALL_FLOOR = 0.90
TUNING_PRECISION_FLOOR = 0.93


def test_the_set_covers_genres_and_keeps_a_third_held_out(corpus):
    speeches = [s for s, _t in load_set(corpus)]  # raises if a span or a SHA-256 does not match
    assert len(speeches) >= 12
    assert len({Path(s.path).parts[0] for s in speeches}) >= 7
    splits = Counter(s.split for s in speeches)
    assert set(splits) <= {"tune", "heldout"} and splits["tune"]
    if splits["heldout"]:  # none in a checkout whose held-out files have all been scored and moved to tuning
        assert splits["heldout"] >= 10  # a third of 59+ tuning files is more than a new round holds (14t2)
    assert {span.kind for s in speeches for span in s.spans} == set(KINDS)


def test_a_file_names_its_range_and_every_span_lies_inside():
    for path in ANNOTATIONS.glob("*.tsv"):
        speech = parse(path)
        assert speech.spans and all(speech.start <= s.start < s.end <= speech.end for s in speech.spans)


def _scores(corpus, split: str):
    speeches = [(s, t) for s, t in load_set(corpus) if s.split == split]
    if not speeches:
        pytest.skip(f"no {split} files in tests/data/formulas")
    matcher = default_matcher()
    hits = {
        str(corpus / s.path): [
            Detected(h.start, h.end, RULE_KIND.get(h.rule, "lexicon") if h.source != "lexicon" else "lexicon")
            for h in matcher.find(t)
        ]
        for s, t in speeches
    }
    per_kind, _per_speech = evaluate(speeches, hits, corpus)
    return per_kind["all"]


def test_tuning_recall_and_precision(corpus):
    tally = _scores(corpus, "tune")
    assert tally.recall >= TUNING_RECALL_FLOOR
    assert tally.precision >= TUNING_PRECISION_FLOOR


def test_held_out_recall_and_precision(corpus):
    tally = _scores(corpus, "heldout")
    assert tally.recall >= HELD_OUT_RECALL_FLOOR
    assert tally.precision >= HELD_OUT_PRECISION_FLOOR


def test_each_file_knows_its_annotation_round_for_the_eval_filter():
    rounds = Counter(parse(path).round for path in ANNOTATIONS.glob("*.tsv"))
    assert rounds == {
        3: 34,
        4: 25,
        5: 19,
        6: 20,
        7: 18,
        8: 18,
        9: 20,
        10: 19,
        11: 20,
        12: 20,
        13: 19,
        14: 20,
        15: 18,
    }  # rounds 1–3 name no round (GUIDE §6)
    assert parse_rounds("1-4") == range(1, 5) and parse_rounds("5") == range(5, 6)


def test_corpus_wide_mining_leaves_out_the_held_out_round_16_files_only(corpus):
    """The eval's library signal and the leave-one-round-out mining may not count the round-16 files (they are
    annotated while the detector changes); the annotated files of rounds 1–15 stay countable."""
    left_out = {path.name for path in corpus.rglob("*.txt") if not minable(path)}
    assert len(left_out) == len(HELD_OUT_CORPUS_FILES) == 19
    assert not minable(Path("xi-speeches-2013-2018/xi-2016-07-03-1.txt"))
    assert minable(Path("xi-speeches-2013-2018/xi-2016-06-24-1.txt"))  # round 15 is tuning now
    assert not minable(Path("gwr-state-council/gwr-1956.txt"))
    assert minable(Path("gwr-state-council/gwr-1954.txt"))
    speeches = [parse(path) for path in ANNOTATIONS.glob("*.tsv")]
    # once merged, round 16 is the one round mining leaves out
    assert all(minable(corpus / s.path) == (s.round != HELD_OUT_ROUND) for s in speeches)


def test_the_pending_round_is_the_held_out_round_and_loads(corpus):
    """Round 16 waits in tests/data/formulas/pending (not loaded by the set, so never scored): its files name only
    corpus files that mining leaves out, hold the text they quote, and are marked `heldout` in round 16."""
    pending = sorted((ANNOTATIONS / "pending").glob("*.tsv"))
    assert len(pending) == 19
    for path in pending:
        speech = parse(path)
        assert speech.split == "heldout" and speech.round == HELD_OUT_ROUND
        assert not minable(corpus / speech.path)
        text = (corpus / speech.path).read_text(encoding="utf-8")
        assert all(text[s.start : s.end] == s.text and speech.start <= s.start for s in speech.spans)
