"""The shipped lexicon, idiom list and general dictionary, loaded once per process on first use.

Loading is lazy (the GUI must start in under 2 s) and guarded by a lock, because the first caller
may well be a worker thread while another worker asks at the same moment.
"""

from __future__ import annotations

import gc
import importlib.util
import re
import threading
from functools import cache
from pathlib import Path

from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import LoadedLexicon, load_lexicon, parse_idioms
from app.paths import resource

LEXICON_FILE = "formulas.tsv"
IDIOM_FILE = "thuocl_chengyu.txt"
_lock = threading.Lock()


def lexicon_path() -> Path:
    return resource("lexicon", LEXICON_FILE)


def idiom_path() -> Path:
    return resource("lexicon", IDIOM_FILE)


@cache
def _shipped_lexicon() -> LoadedLexicon:
    return load_lexicon(lexicon_path())


def shipped_lexicon() -> LoadedLexicon:
    """The lexicon in `resources/lexicon/formulas.tsv` (with any problems its rows have)."""
    with _lock:
        return _shipped_lexicon()


@cache
def _idioms() -> frozenset[str]:
    return parse_idioms(idiom_path().read_text(encoding="utf-8"))


def idioms() -> frozenset[str]:
    """THUOCL's four-character idioms: never formulas."""
    with _lock:
        return _idioms()


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


@cache
def _general_words() -> frozenset[str]:
    # A regular expression instead of splitting 350k lines in Python: half the time, which matters because
    # the first comparison waits for this. It runs over ~64 KB slices cut at line ends, so that a worker
    # loading the lexicon never holds the interpreter lock from the GUI thread for more than ~15 ms.
    text = _jieba_dictionary().read_text(encoding="utf-8")
    words: set[str] = set()
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK) + 1 or len(text)
        words.update(_DICT_WORD.findall(text, start, end))
        start = end
    found = frozenset(words)
    _keep_for_life()
    return found


def general_words() -> frozenset[str]:
    """Words of jieba's general dictionary (pre-2012 vocabulary): ordinary words, not new formulas."""
    with _lock:
        return _general_words()


@cache
def _default_matcher() -> FormulaMatcher:
    matcher = FormulaMatcher(_shipped_lexicon().entries, idioms=_idioms(), common_words=_general_words())
    _keep_for_life()
    return matcher


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
        return _default_matcher()


def formula_coverage(normalised_text: str) -> float:
    """Fraction of a normalised, punctuation-free string covered by shipped lexicon formulas.

    The passage engine calls this per shared passage to label it `formula` rather than `copy`.
    """
    return default_matcher().coverage(normalised_text)
