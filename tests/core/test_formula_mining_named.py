"""Named terms of the miner (GUIDE §3a: names of a policy, system, principle, campaign): a wording whose head is a
naming noun or that has a two-verb motto shape is kept without a governing verb, even when it is a dictionary
word, when it stands free in its sentences; a fragment of a longer phrase is not. Also the miner's corpus reading,
which leaves the held-out annotation round's files out."""

from __future__ import annotations

from app.core.formulas import mining, named_terms

NAMED = mining.MiningParams(named_min_groups=6, named_min_free=0.6, named_min_chars=5)


def _docs(texts: list[str], groups: int = 9) -> list[tuple[str, str]]:
    return [(f"c{i % 3}/r-{1990 + i}.txt", texts[i % len(texts)]) for i in range(groups)]


def _mined(docs: list[tuple[str, str]], params: mining.MiningParams, ordinary=frozenset()) -> set[str]:
    return {m.text for m in mining.mine(docs, ordinary=lambda g: g in ordinary, params=params)}


def test_the_shapes_of_a_name():
    assert named_terms.motto_shape("节能降耗") and named_terms.motto_shape("退耕还林")
    assert not named_terms.motto_shape("人民群众") and not named_terms.motto_shape("节能降耗工作")
    assert named_terms.named_shape("现代企业制度", 5) and named_terms.named_shape("最低生活保障", 5)
    assert not named_terms.named_shape("民生保障", 5)  # an area plus its head
    assert named_terms.named_shape("民生保障", 4)
    assert not named_terms.named_shape("经济社会发展", 4)  # an area of work: no naming head


def test_a_free_standing_name_is_mined_without_a_governing_verb_even_as_a_dictionary_word():
    texts = [
        "建立现代企业制度，",
        "现代企业制度是方向。",
        "以现代企业制度为目标的改革",
        "按照现代企业制度的要求",
    ]
    docs = _docs(texts)
    assert "现代企业制度" in _mined(docs, NAMED, ordinary={"现代企业制度"})
    # the old tests alone: it is a dictionary word and rarely after a governing verb, so it is not kept
    assert "现代企业制度" not in _mined(
        docs, mining.MiningParams(min_chars=5, named_min_chars=99), ordinary={"现代企业制度"}
    )
    # and a two-verb motto of four characters (节能降耗) is a name too
    motto = _docs(["大力推进节能降耗，", "节能降耗取得成效。", "抓好节能降耗和环境保护"])
    assert "节能降耗" in _mined(motto, NAMED)


def test_a_fragment_of_longer_phrases_is_not_a_name():
    # 运用市场经济 ends in 经济 but goes on into a word in every sentence: its right edge is not free
    texts = ["运用市场经济手段调节，", "要运用市场经济杠杆。", "运用市场经济规律办事"]
    found = _mined(_docs(texts), NAMED)
    assert not any(w.endswith("市场经济") for w in found)
    assert "市场经济" not in _mined(_docs(texts), mining.MiningParams(named_min_groups=6, named_min_chars=4))


def test_a_name_used_by_too_few_speaker_years_or_one_collection_is_not_mined():
    texts = ["建立现代企业制度，", "现代企业制度是方向。"]
    assert "现代企业制度" not in _mined(_docs(texts, groups=5), NAMED)
    one_collection = [(f"gwr/gwr-{1990 + i}.txt", texts[i % 2]) for i in range(9)]
    assert "现代企业制度" not in _mined(one_collection, NAMED)


def test_a_named_wording_inside_a_longer_known_wording_is_kept():
    named = mining.Mined("民族团结", 30, 5, kind="named")
    term = mining.Mined("民族团结", 30, 5)
    known = ["民族团结进步"]
    assert mining.without_known([named], known) == [named]  # used on its own too
    assert mining.without_known([term], known) == []
    assert mining.without_known([named], ["民族团结"]) == []


def test_the_corpus_reading_leaves_skipped_files_out(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ("gwr/gwr-2010.txt", "gwr/gwr-2011.txt", "xi/xi-2020-09-05-1.txt", "SOURCES.md"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(name, encoding="utf-8")
    read = mining.corpus_documents(corpus, ["*/gwr-2011.txt", "*/xi-2020-09-05-1*"])
    assert [path for path, _text in read] == ["gwr/gwr-2010.txt"]
    skip = tmp_path / "skip.txt"
    skip.write_text("# held out\n*/gwr-2011.txt\n", encoding="utf-8")
    out = tmp_path / "mined.tsv"
    mining.main([str(corpus), str(out), "--skip", str(skip)])
    assert "(2 files; 1 globs of held-out files left out)" in out.read_text(encoding="utf-8").splitlines()[0]
