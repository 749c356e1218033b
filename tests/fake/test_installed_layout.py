"""The fake works from an installed wheel: nothing in trigger_facade/testing reads a file the wheel lacks.

The wheel ships `trigger_facade` and `trigger_api` (from generated/) and nothing else: no spec/, no
../shared. This copies exactly those two packages into an empty folder and drives the fake from there in
a fresh interpreter whose import path no longer sees the source checkout, in-process and over loopback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.path[:] = [p for p in sys.path if p.rstrip("/") not in ({repo!r}, {generated!r})]
sys.path.insert(0, {site!r})
import pathlib
import trigger_facade, trigger_facade.testing
from trigger_facade.testing import FakeTrigger
assert pathlib.Path(trigger_facade.__file__).is_relative_to({site!r}), trigger_facade.__file__
fake = FakeTrigger(scheduled_tasks={{"nightly"}})
fake.task("double", lambda payload: payload * 2)
client = fake.client()
assert client.runs.wait(client.tasks.trigger("double", 21).id, timeout=5, poll_interval=0.01).output == 42
with fake.serve() as url:
    import httpx
    key = {{"authorization": "Bearer " + fake.secret_key}}
    made = httpx.post(url + "/api/v1/schedules", headers=key, timeout=5,
                      json={{"task": "nightly", "cron": "0 0 * * *", "deduplicationKey": "d"}})
    assert made.status_code == 200, made.text
    assert httpx.get(url + "/api/v1/timezones", timeout=5).json()["timezones"][0] == "UTC"
print("ok")
"""


def test_the_fake_runs_from_the_packages_a_wheel_ships(tmp_path: Path) -> None:
    site = tmp_path / "site"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "trigger_facade", site / "trigger_facade", ignore=ignore)
    shutil.copytree(REPO / "generated" / "trigger_api", site / "trigger_api", ignore=ignore)
    code = SCRIPT.format(repo=str(REPO), generated=str(REPO / "generated"), site=str(site))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
