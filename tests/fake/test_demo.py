"""`make demo` runs the main job against the loopback fake; nothing secret is printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# a whole key: the kind prefix followed by secret characters (the client shows only "tr_dev_…")
KEY_SHAPE = re.compile(r"tr_(?:dev|stg|prod|preview|pat|oat)_[A-Za-z0-9]{4,}")

DEMO = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


def run_demo(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DEMO), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


@pytest.mark.parametrize("attempt", range(3))
def test_demo_runs_the_main_job_against_the_fake(attempt: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIGGER_")}
    result = run_demo(env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "against the local fake at http://127.0.0.1:" in out
    assert "is_cached=True" in out
    assert "3 batches (1000, 1000, 500 items)" in out
    assert "2500 runs" in out
    assert "paused=True" in out
    assert "paused=False" in out
    assert "{'approved': True, 'by': 'ada'}" in out
    assert out.count("  row ") == 3
    assert KEY_SHAPE.search(out + result.stderr) is None  # each run had a fresh random key


def test_demo_refuses_a_real_key_without_live() -> None:
    env = {**os.environ, "TRIGGER_SECRET_KEY": "tr_prod_realrealrealrealrealreal"}
    result = run_demo(env=env)
    assert result.returncode != 0
    assert "--live" in result.stderr
    assert KEY_SHAPE.search(result.stdout + result.stderr) is None
