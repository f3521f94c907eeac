"""The lexicon TSV: loading, bad rows, round trip, merging user entries over the shipped ones."""

from __future__ import annotations

from app.core.formulas.lexicon import (
    FormulaEntry,
    lexicon_to_tsv,
    load_lexicon,
    merge_entries,
    parse_idioms,
    parse_lexicon_tsv,
)
from app.core.formulas.shipped import idioms, lexicon_path, shipped_lexicon
from app.paths import resource


def test_shipped_lexicon_loads_without_problems():
    loaded = shipped_lexicon()
    assert loaded.problems == ()
    assert len(loaded.entries) >= 250
    by_name = {e.canonical: e for e in loaded.entries}
    assert by_name["两个维护"].category == "numbered"
    assert by_name["四个意识"].expansion.startswith("政治意识")
    assert by_name["四个自信"].outdated == ("三个自信",)
    # first_year only where a reference document verifies it
    assert by_name["一带一路"].first_year == 2015
    assert "GWR 2015" in by_name["一带一路"].first_year_source
    assert by_name["国之大者"].first_year is None


def test_idiom_list_ships_with_its_licence():
    assert resource("lexicon", "THUOCL_LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")
    assert "坚定不移" in idioms()
    assert "真抓实干" not in idioms()
    assert lexicon_path().parent == resource("lexicon")


def test_empty_file_is_an_empty_lexicon(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("", encoding="utf-8")
    loaded = load_lexicon(path)
    assert loaded.entries == () and loaded.problems == ()
    header_only = parse_lexicon_tsv("#canonical\tvariants\n\n")
    assert header_only.entries == () and header_only.problems == ()


def test_malformed_rows_are_reported_with_line_numbers_and_the_rest_loads():
    text = "\n".join(
        [
            "#canonical\tvariants\toutdated\texpansion\tcategory\tfirst_year\tsource\tnote",
            "两个维护\t\t\t坚决维护…\tnumbered\t2019\tGWR\t",
            "\t变体\t\t\t\t\t\t",  # line 3: no canonical
            "四个意识\t\t\t\tnumbered\tsoon\t\t",  # line 4: bad year
            "a\tb\tc\td\te\t2000\tf\tg\th\ti",  # line 5: too many columns
            "“”\t\t\t\t\t\t\t",  # line 6: nothing left to match
            "两个维护\t\t\t\t\t\t\t",  # line 7: duplicate
            "两个确立\t两个维护\t\t\t\t\t\t",  # line 8: wording owned by another entry
            "三严三实\t\t\t\tnumbered",  # short rows are fine
        ]
    )
    loaded = parse_lexicon_tsv(text)
    assert [e.canonical for e in loaded.entries] == ["两个维护", "三严三实"]
    assert [p.line for p in loaded.problems] == [3, 4, 5, 6, 7, 8]
    assert "first_year" in loaded.problems[1].message
    assert str(loaded.problems[0]).startswith("line 3:")


def test_tsv_round_trip_keeps_every_field():
    entries = (
        FormulaEntry(
            "四个自信", ("“四个自信”",), ("三个自信",), "道路…", "numbered", 2018, "GWR 2018", "x\ty"
        ),
        FormulaEntry("新提法"),
    )
    again = parse_lexicon_tsv(lexicon_to_tsv(entries))
    assert again.problems == ()
    assert again.entries[0].note == "x y"  # tabs cannot survive in TSV
    assert again.entries[0].variants == ("“四个自信”",) and again.entries[0].first_year == 2018
    assert again.entries[1] == FormulaEntry("新提法")
    shipped = shipped_lexicon().entries
    assert parse_lexicon_tsv(lexicon_to_tsv(shipped)).entries == shipped


def test_user_entries_override_and_remove_shipped_ones():
    base = (FormulaEntry("甲乙", ("甲乙甲",)), FormulaEntry("丙丁"), FormulaEntry("戊己"))
    user = (FormulaEntry("丙丁", note="mine"), FormulaEntry("庚辛", variants=("甲乙甲",)))
    merged = merge_entries(base, user, removed=("戊己",))
    by_name = {e.canonical: e for e in merged}
    assert set(by_name) == {"甲乙", "丙丁", "庚辛"}
    assert by_name["丙丁"].note == "mine"
    assert by_name["甲乙"].variants == ()  # the user moved that wording to 庚辛
    assert parse_lexicon_tsv(lexicon_to_tsv(merged)).problems == ()


def test_idiom_parser_reads_thuocl_format():
    assert parse_idioms("坚定不移\t54113\n# c\n\n全力以赴\t1\n") == {"坚定不移", "全力以赴"}
