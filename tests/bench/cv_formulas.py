"""Two-fold cross-validation of the mined-wording thresholds on the hand-annotated formula set.

The annotated files are split in two halves (alternating in name order, so each half holds every genre).
For each half, the thresholds of app.core.formulas.mining that score best on it (highest recall with
precision ≥ the target, else highest F1) are chosen, and the other half is scored with them: the mean of the
two is what the rule is expected to do on speeches it was not tuned on. The whole-set figures of the chosen
thresholds are printed too, with the shipped lexicon alone (no mined wordings) as the baseline.

Run: python -m tests.bench.cv_formulas [--target-precision 0.9]
"""

from __future__ import annotations

import argparse
import itertools
import re
import time

from app.core.formulas import mining, shipped
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import load_lexicon
from tests.bench.eval_formulas import RULE_KIND, evaluate
from tests.bench.formula_annotations import ANNOTATIONS, CORPUS, Detected, Tally, load_set, minable

GRID = {
    "min_groups": (3, 6),
    "min_collections": (2,),
    "min_chars": (7,),
    "min_governed": (0.8,),
    "chain_min_groups": (2,),
    "chain_min_collections": (3,),
    "chain_max_part": (5, 7),
    "word_min_groups": (10, 1000),
    "word_min_governed": (0.8,),
    "wide_min_groups": (20,),
    "wide_min_governed": (0.5,),
    "numbered_min_groups": (2, 3, 4, 1000),
}


def _round(speech) -> int:
    """The annotation round of a file (its `annotator:` header names round 4 and later; earlier files do not)."""
    for line in (ANNOTATIONS / f"{speech.name}.tsv").read_text(encoding="utf-8").splitlines():
        found = re.match(r"# annotator: round (\d+)", line)
        if found:
            return int(found.group(1))
    return 1


def _kept(m: mining.Mined, params: dict[str, float]) -> bool:
    """Whether a wording mined at the loosest thresholds passes `params` (what `mine` would keep)."""
    if m.kind == "chain":
        return (
            m.groups >= params["chain_min_groups"] and m.collections >= params["chain_min_collections"]
            and max(map(len, m.text.split("、"))) <= params["chain_max_part"]
        )  # fmt: skip
    if m.kind == "numbered":
        return m.groups >= params["numbered_min_groups"] and m.collections >= params["chain_min_collections"]
    if m.kind == "named":
        return m.groups >= params.get("named_min_groups", 1000) and m.free >= params.get(
            "named_min_free", 1.0
        )
    if m.kind == "word":
        return (
            m.groups >= params["word_min_groups"] and m.collections >= params["min_collections"]
            and m.governed >= params["word_min_governed"] * m.groups
        )  # fmt: skip
    return (
        m.groups >= params["min_groups"] and m.collections >= params["min_collections"]
        and len(m.text) - m.text.count("、") >= params["min_chars"]
        and m.governed >= (
            params["wide_min_governed"] if m.groups >= params["wide_min_groups"] else params["min_governed"]
        ) * m.groups
    )  # fmt: skip


def _hits(matcher: FormulaMatcher, text: str) -> list[Detected]:
    return [
        Detected(
            h.start, h.end, RULE_KIND.get(h.rule, "lexicon") if h.source != "lexicon" else "lexicon", h.text
        )
        for h in matcher.find(text)
    ]


def _tally(speeches, hits) -> Tally:
    return evaluate(speeches, hits)[0]["all"]


def _better(a: Tally, b: Tally | None, target: float) -> bool:
    if b is None:
        return True
    ok_a, ok_b = a.precision >= target, b.precision >= target
    if ok_a != ok_b:
        return ok_a
    return (a.recall, a.precision) > (b.recall, b.precision) if ok_a else a.f1 > b.f1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target-precision", type=float, default=0.90)
    parser.add_argument(
        "--folds",
        choices=("rounds", "alternate"),
        default="rounds",
        help="rounds: annotation rounds 1–3 against round 4 (different annotators); alternate: by name order",
    )
    parser.add_argument("--errors", action="store_true", help="wrong hits and misses of the mined wordings")
    args = parser.parse_args(argv)
    started = time.process_time()
    speeches = load_set()
    if args.folds == "rounds":
        late = [_round(s) >= 4 for s, _t in speeches]
        halves = (
            [x for x, r in zip(speeches, late, strict=True) if not r],
            [x for x, r in zip(speeches, late, strict=True) if r],
        )
    else:
        halves = (speeches[0::2], speeches[1::2])
    print(f"folds ({args.folds}): {len(halves[0])} and {len(halves[1])} files")
    documents = [
        (str(p.relative_to(CORPUS)), p.read_text(encoding="utf-8"))
        for p in sorted(CORPUS.rglob("*.txt"))
        if minable(p)  # the held-out round's files are never mined
    ]
    idioms, words = shipped.idioms(), shipped.general_words()
    loose = mining.MiningParams(
        min_groups=min(GRID["min_groups"]),
        min_collections=1,
        min_chars=min(GRID["min_chars"]),
        min_governed=0.0,
        chain_min_groups=min(GRID["chain_min_groups"]),
        chain_min_collections=1,
        chain_max_part=max(GRID["chain_max_part"]),
        numbered_min_groups=min(GRID["numbered_min_groups"]),
        word_min_groups=min(GRID["word_min_groups"]),
        word_min_governed=0.0,
    )
    entries = load_lexicon(shipped.lexicon_path()).entries  # the hand-made lexicon alone
    known = [w for e in entries for w, _s in e.forms()]
    ordinary = lambda g: g in idioms or g in words  # noqa: E731
    mined = mining.mine(documents, ordinary=ordinary, params=loose)
    mined = mining.without_known(
        mined
        + mining.mine_chains(documents, ordinary=ordinary, params=loose)
        + mining.mine_numbered(documents, params=loose),
        known,
    )
    print(
        f"mined at the loosest thresholds: {len(mined)} wordings ({time.process_time() - started:.1f} s CPU)"
    )

    def run(params: dict[str, int] | None):
        chosen = [m for m in mined if params is not None and _kept(m, params)]
        matcher = FormulaMatcher(
            (*entries, *mining.as_entries(chosen)), idioms=idioms, common_words=shipped.general_words()
        )
        hits = {str(CORPUS / s.path): _hits(matcher, t) for s, t in speeches}
        return hits, len(chosen)

    base_hits, _n = run(None)
    results = {}
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID, values, strict=True))
        hits, n = run(params)
        results[values] = (hits, n)
    fold_tallies = []
    for k, (tune, test) in enumerate((halves, halves[::-1])):
        best, best_tally = None, None
        for values, (hits, _n) in results.items():
            t = _tally(tune, hits)
            if _better(t, best_tally, args.target_precision):
                best, best_tally = values, t
        on_test = _tally(test, results[best][0])
        base_test = _tally(test, base_hits)
        fold_tallies.append((on_test, base_test))
        print(
            f"fold {k + 1}: chosen on its tuning half {dict(zip(GRID, best, strict=True))} "
            f"(tune R {best_tally.recall:.3f} P {best_tally.precision:.3f}); other half: "
            f"R {base_test.recall:.3f} → {on_test.recall:.3f}, P {base_test.precision:.3f} → {on_test.precision:.3f}"
        )
    cv, cv_base = Tally(), Tally()
    for on_test, base_test in fold_tallies:
        cv.add(on_test)
        cv_base.add(base_test)
    print(
        f"cross-validated (both test halves pooled): R {cv_base.recall:.3f} → {cv.recall:.3f}, "
        f"P {cv_base.precision:.3f} → {cv.precision:.3f}"
    )
    default = mining.MiningParams()
    values = tuple(getattr(default, name) for name in GRID)
    whole = _tally(speeches, results[values][0])
    base = _tally(speeches, base_hits)
    print(
        f"shipped thresholds {values} ({results[values][1]} wordings), whole set: R {base.recall:.3f} → "
        f"{whole.recall:.3f}, P {base.precision:.3f} → {whole.precision:.3f}"
    )
    for label, (tune, _test) in (("A", halves), ("B", halves[::-1])):
        t0, t1 = _tally(tune, base_hits), _tally(tune, results[values][0])
        print(
            f"  half {label}: R {t0.recall:.3f} → {t1.recall:.3f}, P {t0.precision:.3f} → {t1.precision:.3f}"
        )
    if args.errors:
        gained = set(whole.wrong) - set(base.wrong)
        print("new wrong hits:", "; ".join(sorted(gained)))
        print("still missed:", "; ".join(whole.missed))
    print(f"CPU {time.process_time() - started:.1f} s")


if __name__ == "__main__":
    main()
