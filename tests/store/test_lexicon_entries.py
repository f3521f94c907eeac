"""User formula entries in the library: add, edit, remove, restore, merge, TSV export/import."""

from __future__ import annotations

from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry
from app.core.formulas.shipped import shipped_lexicon
from app.store.lexicon import (
    export_user_tsv,
    import_user_tsv,
    list_user_entries,
    merged_lexicon,
    remove_entry,
    removed_formulas,
    restore_entry,
    save_entry,
)

SHIPPED = (FormulaEntry("两个维护", category="numbered"), FormulaEntry("四风", category="numbered"))


def test_add_edit_remove_and_restore(library) -> None:
    with library.writer.begin() as s:
        save_entry(s, FormulaEntry("三解三促", ("三解三促活动",), category="local", note="镇江"))
        save_entry(s, FormulaEntry("四风", category="numbered", note="my note"))
        remove_entry(s, "两个维护")
    with library.reader() as s:
        assert [e.canonical for e in list_user_entries(s)] == ["三解三促", "四风"]
        assert removed_formulas(s) == ["两个维护"]
        merged = {e.canonical: e for e in merged_lexicon(s, SHIPPED)}
    assert set(merged) == {"四风", "三解三促"}
    assert merged["四风"].note == "my note"
    assert merged["三解三促"].variants == ("三解三促活动",)

    with library.writer.begin() as s:
        save_entry(s, FormulaEntry("三解三促活动", category="local"), replacing="三解三促")
        restore_entry(s, "两个维护")
    with library.reader() as s:
        names = {e.canonical for e in merged_lexicon(s, SHIPPED)}
    assert names == {"两个维护", "四风", "三解三促活动"}


def test_user_entries_survive_reopening_and_drive_detection(library_path) -> None:
    from app.store import open_library

    with open_library(str(library_path)) as library, library.writer.begin() as s:
        save_entry(s, FormulaEntry("百企引航", category="local"))
    with open_library(str(library_path)) as library, library.reader() as s:
        entries = merged_lexicon(s, shipped_lexicon().entries)
    hits = FormulaMatcher(entries).find("开展百企引航行动", use_patterns=False)
    assert [(h.formula, h.category) for h in hits] == [("百企引航", "local")]


def test_tsv_export_and_import_round_trip(library, tmp_path) -> None:
    with library.writer.begin() as s:
        save_entry(s, FormulaEntry("三解三促", category="local", first_year=2023, note="a\tb"))
        text = export_user_tsv(s)
    assert text.startswith("#canonical\t")
    with library.writer.begin() as s:
        remove_entry(s, "三解三促")
        loaded = import_user_tsv(s, text + "\t变体\n两个确立\t\t\t\t\tlater\n")
    assert [p.line for p in loaded.problems] == [3, 4]
    with library.reader() as s:
        (entry,) = list_user_entries(s)
    assert (entry.canonical, entry.first_year, entry.note) == ("三解三促", 2023, "a b")
