"""Formula concordance and timeline against a brute-force count over the texts; the speeches × formulas table."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from app.core.concordance import lookup_keys
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry
from app.core.model import DocumentMeta
from app.core.normalize import normalize
from app.store import add_document, list_documents
from app.store.concordance import formula_concordance, resolve_entry, speeches_by_formulas
from app.store.models import Document
from tests.store import tracing_library
from tests.store.tracing_library import CorpusLibrary

corpus_library = tracing_library.corpus_library


def _brute_force(library, wording: str) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Uses per document: non-overlapping occurrences in the punctuation-free normalised text."""
    with library.reader() as session:
        rows = session.query(Document.id, Document.text).all()
    counts = {}
    for doc_id, text in rows:
        n = len(re.findall(re.escape(wording), normalize(text, keep_punctuation=False).text))
        if n:
            counts[doc_id] = n
    return counts


@pytest.mark.corpus
@pytest.mark.parametrize(
    "wording", ["两个维护", "四个意识", "全面从严治党", "中国特色社会主义", "供给侧结构性改革"]
)
def test_concordance_counts_match_a_brute_force_count(corpus_library: CorpusLibrary, wording: str) -> None:
    with corpus_library.open() as library:
        expected = _brute_force(library, wording)
        concordance = formula_concordance(library, FormulaEntry(canonical=wording))
        with library.reader() as session:
            dates = {d.id: d.meta.date for d in list_documents(session)}
    found = Counter(line.document_id for line in concordance.lines)
    assert dict(found) == expected
    assert concordance.stats.uses == sum(expected.values()) and concordance.stats.documents == len(expected)
    per_year = Counter()
    for doc_id, n in expected.items():
        per_year[dates[doc_id][:4]] += n
    assert {g.key: g.uses for g in concordance.stats.by_year} == dict(per_year)
    first_date = min(dates[d] for d in expected if dates[d])
    assert concordance.stats.first is not None and concordance.stats.first.date == first_date
    assert all(wording in normalize(line.match, keep_punctuation=False).text for line in concordance.lines)


@pytest.mark.corpus
def test_non_users_of_a_period_and_the_first_use(corpus_library: CorpusLibrary) -> None:
    with corpus_library.open() as library:
        concordance = formula_concordance(
            library, FormulaEntry(canonical="两个维护"), date_from="2019", date_to="2020"
        )
        with library.reader() as session:
            from app.store import DocumentFilter

            period = {d.id for d in list_documents(session, DocumentFilter(date_from="2019", date_to="2020"))}
    users = {line.document_id for line in concordance.lines}
    assert users and users <= period
    assert {f.id for f in concordance.non_users} == period - users
    assert all(f.date[:4] in {"2019", "2020"} for f in concordance.non_users)


def test_a_formula_interrupted_by_a_quote_or_line_break_is_still_found(library) -> None:
    texts = ["增强“四个\n意识”，坚定“四个自信”。", "做到两个维护。", "“四个意识”是政治要求。四个意识"]
    with library.writer.begin() as session:
        ids = [add_document(session, t, DocumentMeta(date=f"20{18 + i}")).id for i, t in enumerate(texts)]
    concordance = formula_concordance(library, FormulaEntry(canonical="四个意识"))
    assert [(line.document_id, line.match) for line in concordance.lines] == [
        (ids[0], "四个\n意识".replace("\n", " ")),
        (ids[2], "四个意识"),
        (ids[2], "四个意识"),
    ]
    assert concordance.lines[0].left == "增强“" and concordance.lines[0].right.startswith("”，坚定")
    assert concordance.stats.first is not None and concordance.stats.first.id == ids[0]
    assert lookup_keys(FormulaEntry(canonical="不忘初心、牢记使命", variants=("“不忘初心 牢记使命”",))) == [
        "不忘初心牢记使命"
    ]


def test_resolve_entry_finds_the_lexicon_entry_of_a_variant() -> None:
    entries = [
        FormulaEntry(canonical="两个确立"),
        FormulaEntry(canonical="不忘初心、牢记使命", variants=("不忘初心牢记使命",)),
    ]
    assert resolve_entry("不忘初心，牢记使命", entries).canonical == "不忘初心、牢记使命"
    assert resolve_entry("新提法", entries) == FormulaEntry(canonical="新提法")


def test_speeches_by_formulas_table(library) -> None:
    with library.writer.begin() as session:
        a = add_document(
            session, "坚持全面从严治党，增强四个意识。全面从严治党永远在路上。", DocumentMeta()
        ).id
        b = add_document(session, "增强四个意识，做到两个维护。", DocumentMeta()).id
    matcher = FormulaMatcher(
        [FormulaEntry(canonical=f) for f in ("全面从严治党", "四个意识", "两个维护", "两个确立")]
    )
    table, facts = speeches_by_formulas(library, [b, a], matcher)
    assert table.documents == (b, a) and set(facts) == {a, b}
    assert table.formulas[0] == "四个意识"  # used by both speeches
    column = {f: i for i, f in enumerate(table.formulas)}
    assert table.counts[1][column["全面从严治党"]] == 2 and table.counts[0][column["全面从严治党"]] == 0
    assert table.counts[0][column["两个维护"]] == 1
    assert "两个确立" not in column


def test_the_libraries_own_lexicon_entries_count(library) -> None:
    from app.store.concordance import library_lexicon
    from app.store.lexicon import save_entry

    with library.writer.begin() as session:
        save_entry(session, FormulaEntry(canonical="两个先行", variants=("两个率先",)))
        first = add_document(session, "坚持两个先行，推进两个率先。", DocumentMeta(date="2020")).id
    entry = resolve_entry("两个率先", library_lexicon(library))
    assert entry.canonical == "两个先行"
    concordance = formula_concordance(library, entry)
    assert [(line.document_id, line.match, line.status) for line in concordance.lines] == [
        (first, "两个先行", "canonical"),
        (first, "两个率先", "variant"),
    ]
