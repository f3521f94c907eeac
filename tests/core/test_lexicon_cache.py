"""The shipped lexicon's disk cache: same results as building from the files, rebuilt when they change,
and never a crash on a damaged or unwritable cache file."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.formulas import lexicon_cache, shipped
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import parse_idioms
from app.core.formulas.shipped import formula_coverage
from app.core.formulas.word_list import WordList
from app.core.normalize import normalize
from tests.conftest import REPO

SAMPLES = sorted((REPO / "resources" / "samples").glob("*.txt"))


@pytest.fixture
def fresh() -> Iterator[None]:
    """Forget the process's loaded lexicon before and after, so each load goes through the disk cache."""
    shipped._compiled.cache_clear()
    shipped._general_words.cache_clear()
    yield
    shipped._compiled.cache_clear()
    shipped._general_words.cache_clear()


def _from_files() -> FormulaMatcher:
    """The matcher as it was built before the cache existed: straight from the files, word lists as sets."""
    entries = shipped.load_shipped_files().entries
    found_idioms = parse_idioms(shipped.idiom_path().read_text(encoding="utf-8"))
    return FormulaMatcher(entries, idioms=found_idioms, common_words=frozenset(shipped._dictionary_words()))


def test_a_cached_matcher_finds_what_one_built_from_the_files_finds(fresh):
    assert not shipped.cache_path().exists()
    built = shipped.default_matcher()  # builds and writes the cache
    assert shipped.cache_path().is_file()
    built.coverage("坚持稳中求进工作总基调")
    assert not shipped.words_cache_path().exists()  # lexicon coverage never needs the general words
    shipped._compiled.cache_clear()
    shipped._general_words.cache_clear()
    cached = shipped.default_matcher()  # read back from the file
    assert cached is not built
    reference = _from_files()
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    texts.append("要做到“两个维护”，坚持“发展”和“稳中求进”，落实“放管服”改革。")
    for text in texts:
        assert cached.find(text) == reference.find(text) == built.find(text)
        flat = normalize(text, keep_punctuation=False).text
        assert cached.coverage(flat) == reference.coverage(flat)
    assert shipped.shipped_lexicon().entries == shipped.load_shipped_files().entries
    words = shipped.general_words()
    assert set(words) == reference.common_words and len(words) == len(reference.common_words)
    assert "发展" in words and "两个维护" not in words and 12 not in words
    assert shipped.idioms() == reference.idioms


DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],  # a partial write
    "garbage": lambda data: b"garbage",
    "zeroed-tail": lambda data: data[:-10] + bytes(10),  # damaged payload: the checksum catches it
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_cache_file_is_rebuilt_and_rewritten(damage, tmp_path: Path):
    path, key, builds = tmp_path / "cache", b"k" * 32, []

    def build() -> tuple[dict[str, list[int]], list[str]]:
        builds.append(1)
        return {"payload": list(range(100))}, ["second"]

    assert lexicon_cache.load_or_build(path, key, build, dict) == {"payload": list(range(100))}
    path.write_bytes(damage(path.read_bytes()))
    parts = lexicon_cache.Parts(path, key, build)
    assert (parts.get(0, dict), parts.get(1, list)) == ({"payload": list(range(100))}, ["second"])
    assert len(builds) == 2
    assert lexicon_cache.load_or_build(path, key, build, dict) == {"payload": list(range(100))}
    assert len(builds) == 2  # the rewritten file is whole again
    assert lexicon_cache.load_or_build(path, b"x" * 32, build, dict) and len(builds) == 3  # another key


def test_a_payload_of_the_wrong_shape_is_rebuilt(tmp_path: Path):
    path, key = tmp_path / "cache", b"k" * 32
    lexicon_cache.write(path, key, [{"not": "a lexicon"}])
    words = lexicon_cache.load_or_build(path, key, lambda: ({"words": {2: "发展"}},), lambda p: p["words"])
    assert words == {2: "发展"}


def test_a_later_part_is_unpickled_only_when_asked_for_and_rebuilt_when_damaged(tmp_path: Path):
    path, key, builds = tmp_path / "cache", b"k" * 32, []

    def build() -> tuple[str, list[int]]:
        builds.append(1)
        return "first", list(range(1000))

    lexicon_cache.write(path, key, ("first", list(range(1000))))
    data = path.read_bytes()
    path.write_bytes(data[:-100] + bytes(100))  # the second part's tail zeroed
    parts = lexicon_cache.Parts(path, key, build)
    assert parts.get(0, str) == "first" and not builds and not parts.rebuilt  # read without the second part
    assert parts.get(1, list) == list(range(1000)) and builds == [1] and parts.rebuilt
    assert path.read_bytes() == data  # rewritten whole
    fine = lexicon_cache.Parts(path, key, build)
    assert fine.get(1, list) == list(range(1000)) and fine.get(0, str) == "first" and builds == [1]
    wrong_shape = lexicon_cache.Parts(path, key, build)  # a check that refuses the stored part: rebuilt too
    assert wrong_shape.get(1, lambda p: p if builds[1:] else {}[p]) == list(range(1000)) and len(builds) == 2


def test_a_cache_file_of_the_previous_format_is_rebuilt(tmp_path: Path):
    path, key = tmp_path / "cache", b"k" * 32
    payload = pickle.dumps({"payload": 1})
    path.write_bytes(b"duidu-lexicon-cache 1\n" + key + hashlib.sha256(payload).digest() + payload)
    assert lexicon_cache.read(path, key) is None
    assert lexicon_cache.load_or_build(path, key, lambda: ({"payload": 2},), dict) == {"payload": 2}


def test_a_damaged_shipped_cache_still_gives_the_same_formulas(fresh):
    text = SAMPLES[0].read_text(encoding="utf-8")
    expected = shipped.default_matcher().find(text)
    path = shipped.cache_path()
    path.write_bytes(path.read_bytes()[:-1000])
    shipped._compiled.cache_clear()
    assert shipped.default_matcher().find(text) == expected


def test_a_comparison_reads_only_the_coverage_part_of_the_shipped_cache(fresh, monkeypatch):
    """Coverage (all a comparison asks) never unpickles the entries and forms; the first use of anything
    else loads them, with the same results as a matcher built from the files."""
    flat = normalize("坚持稳中求进工作总基调，推动高质量发展", keep_punctuation=False).text
    expected = shipped.default_matcher().coverage(flat)
    shipped._compiled.cache_clear()
    unpickled: list[int] = []
    real = lexicon_cache._unpickle
    monkeypatch.setattr(lexicon_cache, "_unpickle", lambda *a: unpickled.append(1) or real(*a))
    matcher = shipped.default_matcher()
    assert matcher.coverage(flat) == expected > 0 and formula_coverage.of_document(flat).share(0, len(flat))
    assert len(unpickled) == 1 and "_forms" not in vars(matcher)
    assert matcher.canonical_of("稳中求进工作总基调") and len(unpickled) == 2  # loaded on first use
    assert shipped.shipped_lexicon().entries == shipped.load_shipped_files().entries and len(unpickled) == 2


def test_a_damaged_second_part_of_the_shipped_cache_is_rebuilt_on_first_use(fresh, monkeypatch):
    text = SAMPLES[0].read_text(encoding="utf-8")
    expected = _from_files().find(text)
    shipped.default_matcher()
    path = shipped.cache_path()
    data = path.read_bytes()
    path.write_bytes(data[:-1000] + bytes(1000))  # the same length: found only when the part is read
    shipped._compiled.cache_clear()
    matcher = shipped.default_matcher()
    assert matcher.coverage(normalize(text, keep_punctuation=False).text) > 0  # the coverage part is whole
    assert matcher.find(text) == expected  # the rest rebuilt, not a traceback
    assert shipped.idioms() == _from_files().idioms
    shipped._compiled.cache_clear()
    monkeypatch.setattr(shipped, "_build", lambda: pytest.fail("the rewritten cache file is whole"))
    assert shipped.default_matcher().find(text) == expected


def test_a_cache_file_that_would_run_code_is_refused(tmp_path: Path):
    path, key, marker = tmp_path / "cache", b"k" * 32, tmp_path / "ran"
    lexicon_cache.write(path, key, [_Exploit(str(marker))])  # right key and checksum, hostile payload
    assert lexicon_cache.load_or_build(path, key, lambda: ([1],), list) == [1]
    lexicon_cache.write(path, key, [[1], _Exploit(str(marker))])  # hostile in a part read later
    parts = lexicon_cache.Parts(path, key, lambda: ([1], [2]))
    assert parts.get(0, list) == [1] and parts.get(1, list) == [2]
    assert not marker.exists()


class _Exploit:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_a_changed_lexicon_is_rebuilt(fresh, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    text = "我们要坚持对读工作法。"
    assert not shipped.default_matcher().find(text)
    changed = tmp_path / "formulas.tsv"
    changed.write_text(
        shipped.lexicon_path().read_text(encoding="utf-8") + "\n对读工作法\t\t\t\ttest\t\t\t\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shipped, "lexicon_path", lambda: changed)
    shipped._compiled.cache_clear()
    assert [h.formula for h in shipped.default_matcher().find(text)] == ["对读工作法"]


def test_an_unwritable_cache_folder_only_costs_the_rebuild(fresh, monkeypatch: pytest.MonkeyPatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(lexicon_cache.tempfile, "mkstemp", refuse)
    assert shipped.default_matcher().find("坚持稳中求进工作总基调")
    assert not shipped.cache_path().exists()


def test_a_word_list_round_trips_and_refuses_a_bad_form():
    words = WordList(["发展", "改革开放", "发展", "好"])
    assert len(words) == 3 and sorted(words) == sorted({"发展", "改革开放", "好"})
    again = WordList.from_strings(words.to_strings())
    assert set(again) == set(words) and "改革开放" in again and "改革" not in again
    with pytest.raises(ValueError):
        WordList.from_strings({2: "发展好"})
    assert pickle.loads(pickle.dumps(words.to_strings())) == words.to_strings()
