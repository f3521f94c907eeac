"""Formula recall and precision on the hand-annotated set, this checkout against a baseline revision.

The set and its marking rules are in tests/data/formulas (GUIDE.md); scoring is span level (an annotated
span is found when hits cover ≥ 50 % of it, a hit is correct when annotation covers ≥ 50 % of it), see
tests/bench/formula_annotations.py. The baseline is another revision of this repository (default `main`),
exported with `git archive` into a temporary folder and run in a subprocess on the same texts, so both
numbers come from the same run and the same machine.

Run: python -m tests.bench.eval_formulas [--split tune|heldout|all] [--rounds 1-4] [--baseline-rev REV] [--errors]
Tune rules with `--split tune` only; the held-out files are for the final check.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.formula_annotations import (
    CORPUS,
    KINDS,
    AnnotatedSpeech,
    Detected,
    Tally,
    load_set,
    minable,
    score,
)

ROOT = Path(__file__).resolve().parents[2]
#: Which annotation kind a detector rule's hits belong to, for precision per kind.
RULE_KIND = {
    "": "lexicon",
    "quoted": "quoted",
    "numbered": "numbered",
    "enumeration": "parallel",
    "parallel": "parallel",
    "frame": "parallel",
    "reference": "reference",
    "slogan": "slogan",
    "library": "lexicon",
}

#: Run in a subprocess with PYTHONPATH at a checkout: prints every hit of `duidu formulas` per file. With
#: "library" as argument it adds the library signal built from the whole corpus but the held-out round-10 files
#: (speaker groups = the corpus's collections; each file is taken out of the counts when it is looked at).
_DETECT_SCRIPT = """
import json, sys
from pathlib import Path
from app.core.formulas.shipped import default_matcher
request = json.load(sys.stdin)
signal = None
if request["library"]:
    from app.core.formulas.library import LibrarySignal, count_units
    from app.core.formulas.shipped import general_words, idioms
    corpus = Path(request["corpus"])
    skip = set(request["skip"])
    counts = count_units(
        (p.parent.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt")) if str(p) not in skip
    )
    signal = LibrarySignal(counts, idioms(), general_words())
out = {}
for path in request["paths"]:
    text = open(path, encoding="utf-8").read()
    extra = {"library": signal, "group": Path(path).parent.name} if signal else {}
    out[path] = [(h.start, h.end, h.source, h.rule, h.text) for h in default_matcher().find(text, **extra)]
json.dump(out, sys.stdout)
"""


def export_revision(rev: str) -> Path:
    """The app and resources of `rev`, unpacked once into a cache folder keyed by the commit id."""
    commit = subprocess.run(
        ["git", "rev-parse", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    target = Path(tempfile.gettempdir()) / f"duidu-formula-baseline-{commit[:12]}"
    if not (target / "app").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit, "app", "resources"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def detect_with(
    checkout: Path, paths: list[Path], *, library: bool = False
) -> tuple[dict[str, list[Detected]], float]:
    """Hits of the checkout's shipped matcher on each file, and the seconds the subprocess took."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    skip = [str(p) for p in sorted(CORPUS.rglob("*.txt")) if not minable(p)] if library else []
    request = {"paths": [str(p) for p in paths], "library": library, "corpus": str(CORPUS), "skip": skip}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _DETECT_SCRIPT],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=checkout,
        env=env,
        check=True,
    )
    elapsed = time.perf_counter() - started
    raw = json.loads(result.stdout)
    hits = {
        path: [Detected(s, e, RULE_KIND.get(rule, "lexicon") if src != "lexicon" else "lexicon", t)
               for s, e, src, rule, t in rows]
        for path, rows in raw.items()
    }  # fmt: skip
    return hits, elapsed


def _fmt(value: float) -> str:
    return "  -  " if value != value else f"{value:5.2f}"


def _row(label: str, tallies: list[Tally]) -> str:
    recall = " → ".join(_fmt(t.recall) for t in tallies)
    precision = " → ".join(_fmt(t.precision) for t in tallies)
    hits = "→".join(f"{t.hits:>3}" for t in tallies)
    f1 = " → ".join(_fmt(t.f1) for t in tallies)
    return f"{label:<34} {tallies[0].annotated:>4}  R {recall}  P {precision} ({hits} hits)  F1 {f1}"


def evaluate(
    speeches: list[tuple[AnnotatedSpeech, str]], hits: dict[str, list[Detected]], corpus: Path = CORPUS
) -> tuple[dict[str, Tally], dict[str, Tally]]:
    """Totals per kind over the speeches (hits keyed by corpus path), and the all-kinds tally per speech."""
    per_kind: dict[str, Tally] = {}
    per_speech: dict[str, Tally] = {}
    for speech, _text in speeches:
        tallies = score(speech, hits[str(corpus / speech.path)])
        per_speech[speech.name] = tallies["all"]
        for kind, tally in tallies.items():
            per_kind.setdefault(kind, Tally()).add(tally)
    return per_kind, per_speech


def report(
    split: str, baseline_rev: str, errors: bool, rounds: range | None = None
) -> dict[str, dict[str, Tally]]:
    speeches = [
        (s, t)
        for s, t in load_set()
        if (split == "all" or s.split == split) and (rounds is None or s.round in rounds)
    ]
    paths = [CORPUS / s.path for s, _t in speeches]
    runs = {
        "baseline": detect_with(export_revision(baseline_rev), paths),
        "current": detect_with(ROOT, paths),
        "current+library": detect_with(ROOT, paths, library=True),
    }
    scored = {name: evaluate(speeches, hits) for name, (hits, _t) in runs.items()}
    chars = sum(s.end - s.start for s, _t in speeches)
    times = ", ".join(f"{name} {t:.1f} s" for name, (_h, t) in runs.items())
    print(
        f"formula set, split={split}{_rounds_label(rounds)}: {len(speeches)} speeches, {chars:,} annotated chars, "
        f"{scored['baseline'][0]['all'].annotated} spans. Columns: baseline ({baseline_rev}) → this checkout "
        f"(shipped lexicon + rules, as `duidu formulas FILE`) → this checkout + library signal (corpus as "
        f"the library). Subprocess times incl. start-up: {times}"
    )
    print("\nper kind (recall by annotated kind, precision by the kind of rule that hit)")
    for kind in ("all", *KINDS):
        print(_row(kind, [kinds.get(kind, Tally()) for kinds, _s in scored.values()]))
    print("\nper speech")
    for speech, _text in speeches:
        label = f"{speech.name[:30]} [{speech.split}]"
        print(_row(label, [per_speech[speech.name] for _k, per_speech in scored.values()]))
    if errors:
        for name in ("current", "current+library"):
            total = scored[name][0]["all"]
            print(f"\nmissed by {name}:", "; ".join(total.missed))
            print(f"\nwrong hits of {name}:", "; ".join(total.wrong))
    return {name: kinds for name, (kinds, _s) in scored.items()}


def _rounds_label(rounds: range | None) -> str:
    return "" if rounds is None else f", rounds {rounds.start}–{rounds.stop - 1}"


def parse_rounds(text: str) -> range:
    """`4` or `1-4` → the annotation rounds to score (a file's round: GUIDE §6, its annotator line)."""
    first, _sep, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument(
        "--baseline-rev",
        default=os.environ.get("DUIDU_FORMULA_BASE_REV", "01434fb"),
        help="git revision to compare with (default: $DUIDU_FORMULA_BASE_REV, else 01434fb, main before issue 14t)",
    )
    parser.add_argument("--errors", action="store_true", help="list missed spans and wrong hits")
    parser.add_argument(
        "--rounds",
        type=parse_rounds,
        help="only files of these annotation rounds, e.g. 1-4 or 5 (default: all)",
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is not at {CORPUS}")
    report(args.split, args.baseline_rev, args.errors, args.rounds)


if __name__ == "__main__":
    main()
