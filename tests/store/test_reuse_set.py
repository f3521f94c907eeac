"""The labelled reuse set loads and its recipes do what they say (no ranking is run here)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.store.reuse_set import _SLOTS, ReuseSet, paragraphs, reslot, templated

SPLITS = {"tuning", "held-out", "blind", "blind2", "blind3", "blind4"}


def test_reslot_changes_the_numbers_and_nothing_else() -> None:
    text = "中国共产党第十六届中央委员会第五次全体会议，于２００５年１０月８日在北京举行。党的十六届四中全会以来，团结一致。"
    out = reslot(text, random.Random(1))
    assert _SLOTS.sub("#", out) == _SLOTS.sub("#", text)
    assert _SLOTS.findall(out) != _SLOTS.findall(text)
    assert all(a != b for a, b in zip(_SLOTS.findall(out), _SLOTS.findall(text), strict=True))
    assert "团结一致" in out and "党的" in out


def test_templated_takes_the_frame_from_the_genre_and_the_middle_from_the_body() -> None:
    opening = "\n".join(
        ["某某会议第三次全体会议公报", "会议于２００５年１０月举行。" * 5, "开头以后的段落" * 10]
    )
    closing = "\n".join(["结尾之前的段落" * 10, "全会号召，全党同志团结奋斗！" * 3])
    body = "\n".join(f"报告第{i}段的内容" * 8 for i in range(20))
    text = templated(opening, closing, body, random.Random(3), chars=200, frame=60)
    parts = paragraphs(text)
    assert (
        re.fullmatch("某某会议第[一二三四五六七八九十]+次全体会议公报", parts[0]) and "第三次" not in parts[0]
    )
    assert "开头以后的段落" not in text
    assert parts[1] != paragraphs(opening)[1] and "会议于" in parts[1]  # the same sentence, another date
    assert parts[-1] == "全会号召，全党同志团结奋斗！" * 3 and "结尾之前的段落" not in text
    middle = parts[2:-1]
    lines = paragraphs(body)

    def source(part: str) -> int:  # the body paragraph it restates (0.5 % of the characters substituted)
        return next(
            i
            for i, b in enumerate(lines)
            if len(b) == len(part) and sum(x != y for x, y in zip(b, part, strict=False)) <= 2
        )

    numbers = [source(p) for p in middle]
    assert (
        len(middle) >= 2 and min(numbers) >= 4 and max(numbers) < 16
    )  # the middle of the body, not its ends
    assert text == templated(opening, closing, body, random.Random(3), chars=200, frame=60)


def test_every_label_names_a_document_and_every_query_text_is_made(corpus: Path) -> None:
    reuse = ReuseSet(corpus)
    specs = {s["name"]: s for s in reuse.labels["library"]}
    seeds = [s["seed"] for s in specs.values() if s.get("seed")]
    assert len(seeds) == len(set(seeds)) and len(specs) == len(reuse.labels["library"])
    keys = [q["key"] for q in reuse.labels["queries"]]
    assert len(keys) == len(set(keys))

    def known(name: str) -> bool:
        return name in specs or (corpus / name).is_file()

    for spec in specs.values():
        sources = spec.get("from", [])
        for name in ([sources] if isinstance(sources, str) else sources) + [
            spec.get("insert_from", spec["name"])
        ]:
            assert known(name), (spec["name"], name)
    for q in reuse.labels["queries"]:
        assert q["split"] in SPLITS and q["first"] in q["top3"], q["key"]
        assert known(q["query"]) and all(known(n) for n in q["top3"]), q["key"]
        assert len(reuse.text(q["query"])) > 100, q["key"]


def test_blind4_is_new_and_made_the_same_way_twice(corpus: Path) -> None:
    labels = ReuseSet(corpus).labels
    blind4 = [q for q in labels["queries"] if q["split"] == "blind4"]
    assert len(blind4) >= 45
    earlier = {q["query"] for q in labels["queries"] if q["split"] != "blind4"}
    specs = {s["name"]: s for s in labels["library"]}
    for q in blind4:
        assert q["query"] not in earlier and q["query"].startswith("synthetic/blind4-"), q["key"]
        assert not specs[q["query"]].get("date")  # not in the library: the other splits are unchanged
        assert specs[q["query"]]["seed"] >= 2400
    one, two = ReuseSet(corpus), ReuseSet(corpus)
    assert all(one.text(q["query"]) == two.text(q["query"]) for q in blind4)
