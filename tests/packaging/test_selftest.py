"""`duidu --self-test`: the report, the exit code, and what counts as a failure."""

from __future__ import annotations

import pytest

from app.cli import run
from app.cli.selftest import STEPS, Step, Unavailable, app_modules, report, run_steps


def _ok(ctx):
    return "fine"


def _broken(ctx):
    raise RuntimeError("the dictionary is missing")


def _missing(ctx):
    raise Unavailable("app.core.future is not in this build")


def test_a_failing_step_is_reported_and_the_others_still_run() -> None:
    outcomes = run_steps((Step("first", _broken), Step("second", _ok)))
    assert [(o.name, o.status) for o in outcomes] == [("first", "FAILED"), ("second", "ok")]
    text = report(outcomes)
    assert "the dictionary is missing" in text
    assert text.splitlines()[-1] == "self-test FAILED: first"


def test_a_missing_piece_fails_only_when_it_is_required() -> None:
    optional = run_steps((Step("later", _missing, required=False),))
    required = run_steps((Step("now", _missing),))
    assert optional[0].status == "not available"
    assert report(optional).endswith("self-test passed")
    assert required[0].status == "FAILED"


def test_every_step_of_the_shipped_self_test_is_required() -> None:
    """Everything the self-test exercises exists by now; an optional step would hide a broken build."""
    assert all(step.required for step in STEPS)


def test_module_walk_skips_the_migration_scripts() -> None:
    names = list(app_modules())
    assert "app.cli.selftest" in names and "app.core.text" in names
    assert not [name for name in names if ".migrations" in name]


@pytest.mark.slow
def test_self_test_flag_passes_from_a_checkout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("self-test passed"), out
    assert out.count("  ok ") == len(STEPS)
