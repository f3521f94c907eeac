"""Copy or formula: is a shared passage prose someone reused, or text everybody writes?

Three signals, strongest first:
1. the formula lexicon, through `PassageParams.formula_oracle` (share of the passage that known
   formulas cover) — when it is given it replaces the built-in stock phrases below;
2. corpus-wide boilerplate, through `PassageParams.boilerplate`, e.g. a `BoilerplateIndex` built from a
   reference library: share of the passage inside shingles that occur in `min_df` other documents;
3. without a lexicon, a short built-in list of stock phrases and the numbered-formula shape (四个意识).
A passage is `formula` when the larger share reaches `formula_share` (or `short_formula_share` for
passages up to `short_chars` long, where a formula plus a connecting word is still boilerplate).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.normalize import REDACTION, normalize
from app.core.passages.model import PassageKind, PassageParams
from app.core.text import content_hash

#: Fallback when no lexicon is wired: sentence-level stock phrases of the genre (normalised, no punctuation).
STOCK_PHRASES: tuple[str, ...] = (
    "以习近平同志为核心的党中央",
    "习近平新时代中国特色社会主义思想",
    "中国特色社会主义",
    "马克思列宁主义",
    "毛泽东思想",
    "邓小平理论",
    "三个代表重要思想",
    "科学发展观",
    "党中央国务院",
    "坚强领导",
    "全面建设社会主义现代化国家",
    "全面建成小康社会",
    "中华民族伟大复兴",
    "中国式现代化",
    "高质量发展",
    "新发展理念",
    "新发展格局",
    "稳中求进工作总基调",
    "全面从严治党",
    "全面深化改革",
    "全面依法治国",
    "党的领导",
    "党的二十大精神",
    "党的十九大精神",
    "人民群众",
    "以人民为中心",
    "团结奋斗",
    "共同富裕",
    "人类命运共同体",
    "社会主义核心价值观",
    "深刻领悟",
    "决定性意义",
)
_NUM = "[一二两三四五六七八九十]"
_WORD = "(?:(?![一二两三四五六七八九十])[\u4e00-\u9fff])"
#: 四个意识 / 三严三实 / 两学一做 / 两不愁三保障: numbered formulas by their shape
_NUMBERED = re.compile(f"{_NUM}+个{_WORD}{{2}}|{_NUM}{_WORD}{{1,2}}{_NUM}{_WORD}{{1,2}}")


def stock_phrase_share(text: str) -> float:
    """Fraction of a normalised text covered by built-in stock phrases or numbered formulas."""
    if not text:
        return 0.0
    covered = bytearray(len(text))
    for phrase in STOCK_PHRASES:
        start = text.find(phrase)
        while start >= 0:
            covered[start : start + len(phrase)] = b"\x01" * len(phrase)
            start = text.find(phrase, start + 1)
    for match in _NUMBERED.finditer(text):
        covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sum(covered) / len(text)


class BoilerplateIndex:
    """Document frequency of character shingles in a reference set (e.g. the library).

    Text whose shingles occur in at least `min_df` documents other than the two compared is
    boilerplate. Build it once per library (`from_texts`) and pass it as `PassageParams.boilerplate`.
    """

    def __init__(self, df: dict[str, int], hashes: frozenset[str], shingle: int, min_df: int) -> None:
        self.df = df
        self.hashes = hashes
        self.shingle = shingle
        self.min_df = min_df

    @classmethod
    def from_texts(cls, texts: Iterable[str], shingle: int = 8, min_df: int = 3) -> BoilerplateIndex:
        """Count, for each shingle of the normalised texts, how many documents contain it."""
        df: dict[str, int] = {}
        hashes = set()
        for text in texts:
            hashes.add(content_hash(text))
            norm = normalize(text, keep_punctuation=False).text
            seen = {norm[i : i + shingle] for i in range(len(norm) - shingle + 1)}
            for gram in seen:
                if REDACTION not in gram:
                    df[gram] = df.get(gram, 0) + 1
        return cls(df, frozenset(hashes), shingle, min_df)

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        """Fraction of the text inside shingles found in `min_df` reference documents besides `exclude`."""
        text, k = normalised_text, self.shingle
        if len(text) < k:
            return 0.0
        need = self.min_df + len(exclude & self.hashes)
        covered = bytearray(len(text))
        get = self.df.get
        for i in range(len(text) - k + 1):
            if get(text[i : i + k], 0) >= need:
                covered[i : i + k] = b"\x01" * k
        return sum(covered) / len(text)


def formula_share(text: str, params: PassageParams, exclude: frozenset[str]) -> float:
    """The share of a normalised passage that is formula or boilerplate, by the strongest signal."""
    lexical = params.formula_oracle(text) if params.formula_oracle is not None else stock_phrase_share(text)
    corpus = params.boilerplate.share(text, exclude) if params.boilerplate is not None else 0.0
    return max(lexical, corpus)


def classify(share: float, length: int, params: PassageParams) -> PassageKind:
    threshold = params.short_formula_share if length <= params.short_chars else params.formula_share
    return "formula" if share >= threshold else "copy"
