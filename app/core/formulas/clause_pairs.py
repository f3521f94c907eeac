"""Clause separators followed by two whole clauses of Han characters, found in one scan for two rules (14v10).

`clause_frames.equal_clause_hits` (clauses of 4–10 characters after four Han characters) and
`frames._clause_slot_runs` (clauses of 5–12 characters that open with one character) each looked for the
separators that two such clauses follow, with an expression of their own tried at every separator of the
text; both take their separators from this one wider scan and keep the ones their shape allows.
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN
from app.core.formulas.regex_scan import finditer

#: A clause separator, a clause of 4–12 Han characters (a whole run: possessive), the same separator and
#: another such clause (a lookahead: the match is the separator alone, so every separator of a run is found).
_TWO_CLAUSES_RE = re.compile(rf"([，,；;])(?=([{HAN}]{{4,12}}+)\1([{HAN}]{{4,12}}+)(?![{HAN}]))")

#: (separator, end of the second clause, end of the third); the second starts after the separator, the third
#: one character after the second's end.
ClausePair = tuple[int, int, int]


def clause_pairs(text: str) -> list[ClausePair]:
    """Every separator that two whole clauses of 4–12 Han characters follow, with the same separator between
    them, in text order."""
    return [(m.start(), m.end(2), m.end(3)) for m in finditer(_TWO_CLAUSES_RE, text)]
