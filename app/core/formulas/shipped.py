"""The shipped lexicon, idiom list and general dictionary, loaded once per process on first use.

Loading is lazy (the GUI must start in under 2 s) and guarded by a lock, because the first caller
may well be a worker thread while another worker asks at the same moment. All of it (with the compiled
matcher) comes from one file in the user cache folder, rebuilt when the lexicon files change
(app.core.formulas.lexicon_cache).
"""

from __future__ import annotations

import gc
import importlib.util
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from app.core import normalize
from app.core.formulas import detect, inflect, lexicon, lexicon_cache, word_list
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import LoadedLexicon, load_lexicon, parse_idioms
from app.core.formulas.word_list import LazyWordList, WordList
from app.paths import cache_dir, resource

LEXICON_FILE = "formulas.tsv"
IDIOM_FILE = "thuocl_chengyu.txt"
CACHE_FILE = "formula-lexicon.cache"
WORDS_CACHE_FILE = "general-words.cache"
T = TypeVar("T")
_lock = threading.Lock()


def lexicon_path() -> Path:
    return resource("lexicon", LEXICON_FILE)


def idiom_path() -> Path:
    return resource("lexicon", IDIOM_FILE)


def shipped_lexicon() -> LoadedLexicon:
    """The lexicon in `resources/lexicon/formulas.tsv` (with any problems its rows have)."""
    with _lock:
        return _compiled().lexicon


def idioms() -> frozenset[str]:
    """THUOCL's four-character idioms: never formulas."""
    with _lock:
        return _compiled().idioms


#: A line of jieba's dictionary ("word frequency tag") whose word has 2–8 characters.
_DICT_WORD = re.compile(r"^([^ \n]{2,8}) ", re.MULTILINE)


def _jieba_dictionary() -> Path:
    """jieba's general dictionary, found without importing jieba (its import alone costs ~0.15 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


#: Characters of the dictionary scanned per regex call (each call holds the interpreter lock).
_CHUNK = 1 << 16


def _dictionary_words() -> set[str]:
    # A regular expression instead of splitting 350k lines in Python: half the time. It runs over ~64 KB
    # slices cut at line ends, so that a worker building the cache never holds the interpreter lock from
    # the GUI thread for more than ~15 ms.
    text = _jieba_dictionary().read_text(encoding="utf-8")
    words: set[str] = set()
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK) + 1 or len(text)
        words.update(_DICT_WORD.findall(text, start, end))
        start = end
    return words


def general_words() -> WordList:
    """Words of jieba's general dictionary (pre-2012 vocabulary): ordinary words, not new formulas."""
    with _lock:
        return _general_words()


@dataclass(frozen=True)
class _Shipped:
    lexicon: LoadedLexicon
    idioms: frozenset[str]
    matcher: FormulaMatcher


#: FormulaMatcher attributes that are the word lists (stored once, not inside the matcher's state).
_WORD_ATTRIBUTES = ("idioms", "common_words")


def _build() -> dict[str, Any]:
    """The cache payload, from the files: plain data, the entries and the matcher's compiled state."""
    loaded = load_lexicon(lexicon_path())
    found_idioms = parse_idioms(idiom_path().read_text(encoding="utf-8"))
    matcher = FormulaMatcher(loaded.entries, idioms=found_idioms, common_words=LazyWordList(general_words))
    matcher._fragment_automaton()  # built now, so that the cache holds it too
    state = {k: v for k, v in vars(matcher).items() if k not in _WORD_ATTRIBUTES}
    return {"lexicon": loaded, "idioms": found_idioms, "matcher": state}


def _restore(payload: dict[str, Any]) -> _Shipped:
    matcher = FormulaMatcher.__new__(FormulaMatcher)
    for name, value in payload["matcher"].items():
        setattr(matcher, name, value)
    # The general words (3 MB) load on first use: lexicon coverage, all a comparison asks, never needs them.
    matcher.idioms, matcher.common_words = payload["idioms"], LazyWordList(general_words)
    loaded, found_idioms = payload["lexicon"], payload["idioms"]
    if not isinstance(loaded, LoadedLexicon) or not isinstance(found_idioms, frozenset):
        raise TypeError("not a lexicon cache payload")
    if matcher.entries != loaded.entries:
        raise ValueError("matcher and lexicon differ")
    return _Shipped(loaded, found_idioms, matcher)


def cache_path() -> Path:
    return cache_dir() / CACHE_FILE


def words_cache_path() -> Path:
    return cache_dir() / WORDS_CACHE_FILE


def _code() -> list[Path | None]:
    """The modules whose code decides what the caches hold."""
    modules = (detect, inflect, lexicon, lexicon_cache, normalize, word_list)
    return [*(Path(m.__file__) if m.__file__ else None for m in modules), Path(__file__)]


def _load_cached(
    path: Callable[[], Path], inputs: tuple[Path, ...], build: Callable[[], Any], check: Callable[[Any], T]
) -> T:
    key = lexicon_cache.cache_key(inputs, _code())
    try:
        where = path()
    except OSError:  # no cache folder can be made: build in memory
        return check(build())
    return lexicon_cache.load_or_build(where, key, build, check)


@cache
def _compiled() -> _Shipped:
    shipped = _load_cached(cache_path, (lexicon_path(), idiom_path()), _build, _restore)
    _keep_for_life()
    return shipped


@cache
def _general_words() -> WordList:
    words = _load_cached(
        words_cache_path, (_jieba_dictionary(),), lambda: WordList(_dictionary_words()).to_strings(),
        WordList.from_strings,
    )  # fmt: skip
    _keep_for_life()
    return words


def _keep_for_life() -> None:
    """Take every object alive now out of the cyclic garbage collector's reach (`gc.freeze`, O(1)).

    Called once the dictionary (337k words) or the matcher is built: they live as long as the process,
    as do the modules imported by then, and every full collection traversed them all (~60 ms per
    "similar speeches" query on a 10,000-speech library, a fifth of it). Objects created later are
    collected as before; garbage in cycles alive at this moment is never freed, a one-time cost.
    """
    gc.freeze()


def default_matcher() -> FormulaMatcher:
    """A matcher over the shipped lexicon (user entries are merged in by the caller that has them)."""
    with _lock:
        return _compiled().matcher


def formula_coverage(normalised_text: str) -> float:
    """Fraction of a normalised, punctuation-free string covered by shipped lexicon formulas.

    The passage engine calls this per shared passage to label it `formula` rather than `copy`.
    """
    return default_matcher().coverage(normalised_text)
