"""The learned term detector's parts (tests/bench/term_candidates.py, tests/bench/term_model.py) and the shared
training data helpers (tests/bench/formula_training.py), on a real sentence of a minable corpus file."""

from __future__ import annotations

import pytest

from tests.bench import term_candidates
from tests.bench.formula_annotations import CORPUS, AnnotatedSpeech, Span, Tally, unquotable
from tests.bench.formula_training import term_candidate_label
from tests.bench.term_model import FoldCorpus, SpeechData, bar_failures, file_bucket, known_without

#: cpc-18-congress-report.txt
SENTENCE = "以科学发展为主题，以加快转变经济发展方式为主线，是关系我国发展全局的战略抉择。"
TERM = "转变经济发展方式"


def _span_of(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


@pytest.mark.corpus
def test_the_sentence_is_in_a_minable_corpus_file():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    assert unquotable(CORPUS, [("cpc-congress-reports/cpc-18-congress-report.txt", SENTENCE)]) == []


def test_a_candidate_starts_after_a_governing_word_and_ends_before_a_joining_word():
    found = term_candidates.candidates(SENTENCE, bytearray(len(SENTENCE)))
    by_span = {(c.start, c.end): c for c in found}
    term = by_span[_span_of(SENTENCE, TERM)]
    assert (term.opened_by, term.closed_by) == ("加快", "为")
    assert _span_of(SENTENCE, "加快" + TERM) in by_span  # after 以
    assert all(term_candidates.MIN_CHARS <= c.end - c.start <= term_candidates.MAX_CHARS for c in found)
    assert not any("，" in SENTENCE[c.start : c.end] for c in found)


def test_candidates_never_touch_text_another_hit_covers():
    covered = bytearray(len(SENTENCE))
    start, end = _span_of(SENTENCE, TERM)
    covered[start:end] = b"\x01" * (end - start)
    found = term_candidates.candidates(SENTENCE, covered)
    assert found  # 以科学发展为主题 is still a candidate
    assert not any(c.start < end and start < c.end for c in found)


def _term_candidate() -> term_candidates.Candidate:
    found = term_candidates.candidates(SENTENCE, bytearray(len(SENTENCE)))
    return next(c for c in found if (c.start, c.end) == _span_of(SENTENCE, TERM))


def test_features_name_the_head_the_governing_word_and_the_lexicon_pieces():
    candidate = _term_candidate()
    plain = term_candidates.features(SENTENCE, candidate)
    assert {"h2=方式", "o=加快", "c=为", "l2=加快", "rep=1", "n=8", "b=转变"} <= set(plain)
    known = term_candidates.KnownPieces.of(["加快转变经济发展方式", "经济发展方式转变"])
    with_known = term_candidates.features(SENTENCE, candidate, known)
    assert with_known[: len(plain)] == plain
    assert {"k=all", "k=tail"} <= set(with_known[len(plain) :])
    assert "k=head" not in with_known  # no lexicon key starts with 转变经济
    unrelated = term_candidates.KnownPieces.of(["中国特色社会主义"])
    assert term_candidates.features(SENTENCE, candidate, unrelated)[len(plain) :] == ["k=0"]
    counted = term_candidates.features(SENTENCE, candidate, corpus=lambda text: f"cf={len(text)}")
    assert counted[-1] == "cf=8"


def test_the_model_keeps_the_best_candidates_above_its_threshold_without_overlaps():
    found = term_candidates.candidates(SENTENCE, bytearray(len(SENTENCE)))
    model = term_candidates.TermModel({"o=加快": 2.0, "c=为": 1.0, "h2=主题": 0.5}, -2.5, 0.0)
    kept = model.select(SENTENCE, found)
    assert [SENTENCE[c.start : c.end] for c, _v in kept] == [TERM]
    assert kept[0][1] == pytest.approx(0.5)
    stricter = term_candidates.TermModel(model.weights, model.bias, 1.0)
    assert stricter.select(SENTENCE, found) == []


def test_the_weights_file_lists_bias_threshold_and_sorted_weights(tmp_path):
    path = tmp_path / "weights.tsv"
    term_candidates.write_model(
        path, term_candidates.TermModel({"o=加快": 2.0, "c=为": -1.0, "x": 0.0}, -2.5, 0.25)
    )
    assert path.read_text(encoding="utf-8").splitlines() == [
        "#bias\t-2.500000", "#threshold\t0.250000", "c=为\t-1.000000", "o=加快\t2.000000",
    ]  # fmt: skip


def _speech(
    spans: list[tuple[str, str]], name: str = "s", path: str = "c/s.txt", number: int = 9
) -> AnnotatedSpeech:
    found = []
    for kind, piece in spans:
        start, end = _span_of(SENTENCE, piece)
        found.append(Span(start, end, kind, piece))
    return AnnotatedSpeech(name, path, "", 0, len(SENTENCE), "tune", tuple(found), number)


def test_a_candidate_is_positive_negative_or_left_out_by_the_scorers_rules():
    speech = _speech([("lexicon", TERM), ("slogan", "以科学发展为主题")])
    assert term_candidate_label(speech, *_span_of(SENTENCE, TERM)) == 1
    assert term_candidate_label(speech, *_span_of(SENTENCE, "加快" + TERM)) == 1  # 8 of its 10 characters
    assert term_candidate_label(speech, *_span_of(SENTENCE, "关系我国发展全局")) == 0
    assert (
        term_candidate_label(speech, *_span_of(SENTENCE, "科学发展")) is None
    )  # inside a slogan: not a term
    assert term_candidate_label(speech, *_span_of(SENTENCE, "方式为主线")) is None  # finds less than half


def test_lexicon_pieces_leave_out_wordings_annotated_in_the_left_out_round_only():
    def data(number: int, spans: list[tuple[str, str]]) -> SpeechData:
        return SpeechData(_speech(spans, number=number), SENTENCE, [], [], [])

    by_round = {8: [data(8, [("slogan", "以科学发展为主题")])], 9: [data(9, [("lexicon", TERM)])]}
    keys = [TERM, "以科学发展为主题", "中国特色社会主义"]
    assert "经济发展" not in known_without(keys, by_round, 9).grams
    assert "经济发展" in known_without(keys, by_round, 8).grams
    assert "科学发展" not in known_without(keys, by_round, 8).grams
    assert "科学发展" in known_without(keys, by_round, 9).grams
    assert "社会主义" in known_without(keys, by_round, 9).grams  # never annotated: kept


def test_corpus_counts_leave_out_the_speech_itself_and_the_left_out_round():
    counts = FoldCorpus({TERM: {"a.txt", "b.txt", "c.txt", "own.txt"}}, left_out={"c.txt"})
    counts.own = "own.txt"
    assert counts(TERM) == file_bucket(2) == "cf=2"
    assert counts("没有的词") == "cf=0"


def test_the_bar_needs_recall_on_every_round_and_precision_kept():
    def tally(found: int, correct: int, hits: int) -> Tally:
        return Tally(annotated=100, found=found, hits=hits, correct=correct)

    gains = {3: (tally(80, 90, 100), tally(81, 91, 101)), 9: (tally(70, 92, 100), tally(72, 94, 102))}
    assert bar_failures(gains) == []
    no_gain = {**gains, 9: (tally(70, 92, 100), tally(70, 92, 100))}
    assert bar_failures(no_gain) == ["round 9: no recall gained"]
    costly = {**gains, 3: (tally(80, 90, 100), tally(82, 92, 110))}
    assert bar_failures(costly) == ["round 3: precision 0.900 → 0.836", "overall precision 0.877 < 0.91"]
