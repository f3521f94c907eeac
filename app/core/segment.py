"""Word segmentation for word statistics, with the formula lexicon as jieba user words.

Formula matching never depends on this (jieba splits 两个维护 into 两个/维护, hence the character-level
matcher); segmentation is for word counts and keyness. Three choices come from measurements in
research/formulas.md §4:
- a private `jieba.Tokenizer`, never the module global, so nothing else in the process changes it;
- user words are added WITHOUT frequencies: jieba then picks the smallest frequency that keeps the
  word whole, whereas a large frequency lets formulas swallow their neighbours
  (加强大学思想政治教育 → 大/学思想; 四风险点 → 四风/险点);
- initialisation (1–2 s, ~90 MB) happens lazily, once, under a lock, so a worker thread can pay
  for it while the GUI stays responsive; the dictionary cache lives in a directory the caller gives
  (the app's cache directory), not in the system temp folder.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jieba

from app.core.formulas.lexicon import FormulaEntry

CACHE_FILE = "jieba.cache"
#: Wordings are split into parts at punctuation (学思想、强党性 → 学思想, 强党性); longer parts are
#: sentence-sized boilerplate and make no sense as words.
_MAX_WORD = 12
_PART_SPLIT_RE = re.compile(r"[\s、，,。；;：:“”\"'‘’「」『』（）()·]+")

logging.getLogger("jieba").setLevel(logging.WARNING)


@dataclass(frozen=True, slots=True)
class Token:
    """One word with its code-point span in the text that was cut."""

    start: int
    end: int
    text: str


def lexicon_words(entries: Iterable[FormulaEntry]) -> list[str]:
    """The user words a lexicon contributes: every wording, split at punctuation, 2–12 characters."""
    words: dict[str, None] = {}
    for entry in entries:
        for wording, _status in entry.forms():
            for part in _PART_SPLIT_RE.split(wording):
                if 2 <= len(part) <= _MAX_WORD:
                    words[part] = None
    return list(words)


class Segmenter:
    """A jieba tokenizer whose user dictionary is the formula lexicon; thread-safe, initialised lazily."""

    def __init__(self, words: Iterable[str] = (), *, cache_dir: Path | None = None, hmm: bool = True) -> None:
        self._words = tuple(words)
        self._cache_dir = cache_dir
        self._hmm = hmm
        self._lock = threading.Lock()
        self._tokenizer: jieba.Tokenizer | None = None

    @classmethod
    def from_lexicon(
        cls, entries: Iterable[FormulaEntry], *, cache_dir: Path | None = None, hmm: bool = True
    ) -> Segmenter:
        return cls(lexicon_words(entries), cache_dir=cache_dir, hmm=hmm)

    @property
    def initialized(self) -> bool:
        return self._tokenizer is not None

    def initialize(self) -> None:
        """Load the dictionary now (call it from a worker thread to keep the first cut fast)."""
        self._ready()

    def _ready(self) -> jieba.Tokenizer:
        tokenizer = self._tokenizer
        if tokenizer is not None:
            return tokenizer
        with self._lock:
            if self._tokenizer is None:
                tokenizer = jieba.Tokenizer()
                if self._cache_dir is not None:
                    self._cache_dir.mkdir(parents=True, exist_ok=True)
                    tokenizer.tmp_dir = str(self._cache_dir)
                    tokenizer.cache_file = CACHE_FILE
                tokenizer.initialize()
                for word in self._words:
                    tokenizer.add_word(word)  # no frequency: see the module docstring
                self._tokenizer = tokenizer
            return self._tokenizer

    def cut(self, text: str) -> list[str]:
        """The words of `text`, in order (punctuation and spaces come back as their own tokens)."""
        return list(self._ready().cut(text, HMM=self._hmm))

    def tokens(self, text: str) -> list[Token]:
        """Words with their spans, so that statistics can point back into the stored text."""
        return [Token(start, end, word) for word, start, end in self._ready().tokenize(text, HMM=self._hmm)]
