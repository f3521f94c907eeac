"""Leave-one-round-out checks of the formula detector on the annotated set (issue 14, session 5).

Rounds 1–8 are all tuning files now; to see whether a change generalises, look at each round as if it were
held out: the rounds are 1–3 (no round named), 4, 5, 6, 7 and 8. Without options this prints every round's recall
and precision for this checkout. With `--mining` it runs the corpus-wide mining the way a held-out round sees
it: for each round, the miner (`mining.mine_all`, the generator's pipeline) counts the corpus without that
round's files and without the held-out round-10 files (`formula_annotations.minable`); its wordings take the
place of the shipped mined file (merged as the loader merges it: `shipped.merge_lexicons`), and the round is
scored. Each round is scored with no mined wordings, with the shipped defaults of the miner (`MiningParams()`)
and with those defaults changed by `--set NAME=VALUE` options (the candidate), all in the same run; `--errors`
lists, per round, the spans the candidate finds or loses against the shipped defaults and its new wrong hits.
`--candidate NAME=VALUE,NAME=VALUE` (repeatable) adds further candidates to the same run, so that the shipped
defaults are mined once per round for all of them.

With `--block TAG` it checks one engineer's block of the curated lexicon (the rows after `# TAG` in
curated_formulas.tsv) the same way: each round is also scored without the whole block, and without the block's
entries that equal an annotated span text found in that round only (entries that may have been copied from the
round's own annotations), which is what a fresh held-out round would see of the block.

Run: python -m tests.bench.loro_formulas [--mining [--errors] [--set named_min_groups=6 ...]] [--block TAG]
(about 12 s of CPU per round and parameter set for the mining).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections import Counter

from app.core.formulas import shipped
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry, LoadedLexicon, load_lexicon, match_key
from app.core.formulas.mining import MiningParams, as_entries, mine_all, without_known
from tests.bench.curated_lexicon import block_entries
from tests.bench.eval_formulas import RULE_KIND
from tests.bench.formula_annotations import CORPUS, Detected, Tally, load_set, minable, score


def _matcher(mined: list | None = None, without: frozenset[str] = frozenset()) -> FormulaMatcher:
    """The shipped matcher; with `mined`, those wordings take the place of the shipped mined file."""
    if mined is None:
        entries = shipped.load_shipped_files().entries
    else:
        curated = load_lexicon(shipped.curated_path())
        entries = shipped.merge_lexicons(
            load_lexicon(shipped.lexicon_path()), curated, LoadedLexicon(mined)
        ).entries
    entries = [e for e in entries if e.canonical not in without]
    return FormulaMatcher(entries, idioms=shipped.idioms(), common_words=shipped.general_words())


def _params(settings: list[str]) -> MiningParams:
    """MiningParams() with NAME=VALUE changes (each value read as the field's type)."""
    default = MiningParams()
    changes = {}
    for setting in settings:
        name, value = setting.split("=", 1)
        changes[name] = type(getattr(default, name))(value)
    return dataclasses.replace(default, **changes)


def _round_tally(matcher: FormulaMatcher, speeches: list) -> Tally:
    total = Tally()
    for speech, text in speeches:
        hits = [
            Detected(h.start, h.end, RULE_KIND.get(h.rule, "lexicon"), h.text) for h in matcher.find(text)
        ]
        total.add(score(speech, hits)["all"])
    return total


def own_round_copies(
    block: tuple[FormulaEntry, ...], rounds_of: dict[str, set[int]], number: int
) -> frozenset[str]:
    """The block's entries whose wording is annotated (as a whole span) in round `number` and in no other round."""
    return frozenset(
        e.canonical
        for e in block
        if rounds_of.get(match_key(e.canonical)) and rounds_of[match_key(e.canonical)] <= {number}
    )


def _line(label: str, tally: Tally) -> str:
    return (
        f"{label:<12} R {tally.found:>4}/{tally.annotated:<4} = {tally.recall:.3f}   "
        f"P {tally.correct:>4}/{tally.hits:<4} = {tally.precision:.3f}   F1 {tally.f1:.3f}"
    )


def print_changes(before: Tally, after: Tally) -> None:
    """What a candidate detector changes against the shipped one on a round: spans found and lost, wrong hits
    added and gone (also used by the clause model's bench)."""
    for label, items in (
        ("found", Counter(before.missed) - Counter(after.missed)),
        ("lost", Counter(after.missed) - Counter(before.missed)),
        ("new wrong", Counter(after.wrong) - Counter(before.wrong)),
        ("no longer wrong", Counter(before.wrong) - Counter(after.wrong)),
    ):
        if items:
            print(f"    {label}:", "; ".join(sorted(items.elements())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mining", action="store_true")
    parser.add_argument(
        "--errors", action="store_true", help="spans the candidate finds or loses, new wrong hits"
    )
    parser.add_argument(
        "--set", action="append", default=[], help="a miner threshold of the candidate: NAME=VALUE"
    )
    parser.add_argument(
        "--candidate",
        action="append",
        default=[],
        help="a further candidate scored in the same run: NAME=VALUE[,NAME=VALUE…] (repeatable)",
    )
    parser.add_argument("--block", help="tag of a block of curated_formulas.tsv to check round by round")
    args = parser.parse_args()
    rounds: dict[int, list] = {}
    rounds_of: dict[str, set[int]] = {}
    for speech, text in load_set():
        rounds.setdefault(speech.round, []).append((speech, text))
        for span in speech.spans:
            rounds_of.setdefault(match_key(span.text), set()).add(speech.round)
    block = block_entries(args.block) if args.block else ()
    block_totals = [Tally(), Tally()]
    shipped_matcher = _matcher()
    documents = []
    if args.mining:
        documents = [
            (str(p.relative_to(CORPUS)), p.read_text(encoding="utf-8"))
            for p in sorted(CORPUS.rglob("*.txt"))
            if minable(p)
        ]
        words = shipped.general_words()
        idioms = shipped.idioms()
        known = [w for e in load_lexicon(shipped.lexicon_path()).entries for w, _s in e.forms()]
        variants = {"shipped miner": MiningParams(), "candidate": _params(args.set)}
        for k, spec in enumerate(args.candidate, start=2):
            variants[f"candidate {k}"] = _params(spec.split(","))
        for name, params in list(variants.items())[1:]:
            print(f"{name}:", {k: v for k, v in dataclasses.asdict(params).items()
                               if v != getattr(MiningParams(), k)})  # fmt: skip
        no_mined = _matcher([])
    totals = [Tally() for _k in range(2 + len(variants) if args.mining else 2)]
    for number in sorted(rounds):
        label = "rounds 1–3" if number == 3 else f"round {number}"
        base = _round_tally(shipped_matcher, rounds[number])
        totals[0].add(base)
        print(_line(label, base))
        if block:
            without = _round_tally(_matcher(without=frozenset(e.canonical for e in block)), rounds[number])
            copies = own_round_copies(block, rounds_of, number)
            fresh = _round_tally(_matcher(without=copies), rounds[number])
            block_totals[0].add(without)
            block_totals[1].add(fresh)
            print(_line("  no block", without))
            print(
                _line("  fresh", fresh),
                f"(without the block's {len(copies)} entries annotated in this round only)",
            )
        if not args.mining:
            continue
        none = _round_tally(no_mined, rounds[number])
        totals[1].add(none)
        print(_line("  no mined", none))
        own = {speech.path for speech, _t in rounds[number]}
        tallies = []
        for k, (name, params) in enumerate(variants.items(), start=2):
            start = time.process_time()
            found = mine_all(
                [(path, text) for path, text in documents if path not in own],
                ordinary=lambda g: g in idioms or g in words,
                params=params,
            )
            found = without_known(found, known)
            mined = _round_tally(_matcher(as_entries(found)), rounds[number])
            totals[k].add(mined)
            tallies.append(mined)
            print(_line(f"  {name}", mined), f"({len(found)} wordings, {time.process_time() - start:.1f} s)")
        if args.errors:
            for name, tally in zip(list(variants)[1:], tallies[1:], strict=True):
                print(f"   {name}:")
                print_changes(tallies[0], tally)
    print(_line("all", totals[0]))
    if block:
        print(_line("  no block", block_totals[0]))
        print(_line("  fresh", block_totals[1]))
    if args.mining:
        for k, name in enumerate(("no mined", *variants), start=1):
            print(_line(f"  {name}", totals[k]))


if __name__ == "__main__":
    main()
