"""Text cells written for spreadsheets (CSV, TSV) that a spreadsheet will not run as formulas.

Excel and LibreOffice treat a cell starting with `=`, `+`, `-` or `@` as a formula, and a leading tab
or carriage return can smuggle one past a check; a speech or a user's note can start with any of
them (`=HYPERLINK("http://…")`). Following the OWASP rule, such a cell gets a leading apostrophe, which
spreadsheets show as text. The full-width forms (＝ ＋ － ＠) count too: Chinese input methods type
them, and some spreadsheet locales fold them to the ASCII ones. Every CSV/TSV export goes through
`neutralise_cell`; files Duidu reads back (the lexicon TSV) go through `restore_cell`, so a round trip
gives back exactly what was exported.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_QUOTE = "'"


def _triggers(value: str) -> bool:
    """True when the value, past any apostrophes already there, starts like a formula."""
    return value.lstrip(_QUOTE).startswith(FORMULA_TRIGGERS)


def neutralise_cell(value: object) -> object:
    """`value` with an apostrophe in front when it is text a spreadsheet would take for a formula.

    Numbers pass unchanged (a negative number is not an attack). A value that already starts with
    apostrophes before a trigger gets one more, so `restore_cell` can tell ours from the user's.
    """
    if isinstance(value, str) and _triggers(value):
        return _QUOTE + value
    return value


def restore_cell(value: str) -> str:
    """The text `neutralise_cell` was given: its added apostrophe removed, anything else untouched."""
    if value.startswith(_QUOTE) and _triggers(value[1:]):
        return value[1:]
    return value
