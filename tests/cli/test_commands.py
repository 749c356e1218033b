"""Every trigger-facade command against the fake over loopback: output, JSON/CSV modes and exit codes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from trigger_facade.testing import FakeTrigger

from .helpers import cli


def test_trigger_prints_the_run_id_and_dedupes(fake: FakeTrigger) -> None:
    code, out, _ = cli("trigger", "double", "--payload", "21", "--idempotency-key", "k", "--tag", "a", "--tag", "b")
    assert code == 0
    run_id = out.strip()
    assert run_id in fake.runs
    assert fake.runs[run_id].tags == ["a", "b"]
    code, out, _ = cli("trigger", "double", "--payload", "21", "--idempotency-key", "k")
    assert code == 0
    assert out.startswith(run_id)
    assert "cached" in out


def test_trigger_wait_exit_codes(fake: FakeTrigger, tmp_path: Path) -> None:
    payload = tmp_path / "payload.json"
    payload.write_text("21")
    code, out, _ = cli("trigger", "double", "--payload", f"@{payload}", "--wait", "--json")
    assert code == 0
    assert json.loads(out)["output"] == 42
    code, out, _ = cli("trigger", "fails", "--payload", "{}", "--wait", "--realtime", "--json")
    assert code == 1
    assert json.loads(out)["status"] == "FAILED"


def test_runs_list_json_csv_and_table(fake: FakeTrigger) -> None:
    for n in range(3):
        cli("trigger", "double", "--payload", str(n), "--tag", "listed")
    code, out, _ = cli("runs", "list", "--task", "double", "--tag", "listed", "--limit", "2", "--json")
    assert code == 0
    runs = json.loads(out)
    assert len(runs) == 2
    assert {r["taskIdentifier"] for r in runs} == {"double"}
    code, out, _ = cli("runs", "list", "--csv")
    assert code == 0
    assert out.splitlines()[0] == "id,taskIdentifier,status,createdAt,tags"
    assert len(out.splitlines()) == 4
    code, out, _ = cli("runs", "list", "--status", "COMPLETED", "--period", "1d")
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "taskIdentifier", "status", "createdAt", "tags"]


def test_runs_get_cancel_replay_reschedule_watch(fake: FakeTrigger) -> None:
    _, out, _ = cli("trigger", "double", "--payload", "1", "--delay", "1h")
    run_id = out.strip()
    code, out, _ = cli("runs", "get", run_id, "--json")
    assert code == 0
    assert json.loads(out)["status"] == "DELAYED"
    code, out, _ = cli("runs", "reschedule", run_id, "--delay", "2h")
    assert code == 0
    assert run_id in out
    code, out, _ = cli("runs", "cancel", run_id)
    assert (code, out.strip()) == (0, f"cancelled {run_id}")
    code, out, _ = cli("runs", "replay", run_id)
    assert code == 0
    new_id = out.split()[-1]
    assert new_id in fake.runs
    code, out, _ = cli("runs", "watch", new_id, "--interval", "0.01")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith("COMPLETED")
    code, out, _ = cli("runs", "watch", new_id, "--realtime")
    assert code == 0
    assert out.strip().endswith("COMPLETED")
    code, out, _ = cli("runs", "watch", run_id)
    assert code == 1  # cancelled is a failure state
    assert out.strip().endswith("CANCELED")


def test_errors_print_the_server_message_without_traceback_or_key(fake: FakeTrigger) -> None:
    code, out, err = cli("runs", "get", "run_missing")
    assert code == 1
    assert re.fullmatch(r"trigger-facade: 404: (Run n|N)ot found\n", err)  # the server says "Not found" (W5)
    assert "Traceback" not in err
    assert fake.secret_key not in out + err
    code, _, err = cli("runs", "list", "--status", "DONE")
    assert code == 2
    assert "unknown run statuses" in err


def test_usage_errors_exit_2(fake: FakeTrigger) -> None:
    assert cli("runs")[0] == 2
    assert cli("trigger", "t", "--payload", "{not json")[0] == 2
    assert cli("runs", "list", "--from", "yesterday")[0] == 2
    assert cli("nonsense")[0] == 2


def test_no_key_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRIGGER_SECRET_KEY", raising=False)
    monkeypatch.delenv("TRIGGER_ACCESS_TOKEN", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = cli("runs", "list")
    assert code == 2
    assert "TRIGGER_SECRET_KEY" in err


def test_batch_from_jsonl(fake: FakeTrigger, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text("".join(json.dumps({"payload": n}) + "\n" for n in range(1200)))
    code, out, err = cli("batch", "double", "--items", str(items))
    assert code == 0
    lines = out.strip().splitlines()
    assert [line.split()[1] for line in lines] == ["1000", "200"]
    assert err.splitlines()[-1] == "batching double: 1200/1200 items"  # off a terminal: one summary line
    assert len(fake.runs) == 1200
    assert sorted(run.payload for run in fake.runs.values()) == list(range(1200))


def test_schedules(fake: FakeTrigger) -> None:
    # the server accepts schedules only for scheduled tasks; a fake that knows declares them
    getattr(fake, "scheduled_task", fake.task)("nightly", lambda payload: None)
    code, out, _ = cli("schedules", "create", "--task", "nightly", "--cron", "0 9 * * *", "--dedup-key", "d")
    schedule_id = out.strip()
    assert code == 0
    assert json.loads(cli("schedules", "list", "--json")[1])[0]["id"] == schedule_id
    assert cli("schedules", "deactivate", schedule_id)[1].strip() == f"{schedule_id} active=False"
    assert cli("schedules", "activate", schedule_id)[1].strip() == f"{schedule_id} active=True"
    assert cli("schedules", "delete", schedule_id)[1].strip() == f"deleted {schedule_id}"


def test_envvars(fake: FakeTrigger, tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text('# comment\nA=1\nexport B="two words"\n')
    assert cli("envvars", "import", str(dotenv), "--env", "dev")[1].strip() == "imported 2 variables"
    assert cli("envvars", "set", "C", "3", "--env", "dev")[0] == 0
    assert cli("envvars", "get", "B", "--env", "dev")[1].strip() == "two words"
    assert cli("envvars", "export", "--env", "dev")[1] == "A='1'\nB='two words'\nC='3'\n"
    assert [v["name"] for v in json.loads(cli("envvars", "list", "--env", "dev", "--json")[1])] == ["A", "B", "C"]
    assert cli("envvars", "delete", "C", "--env", "dev")[0] == 0
    code, _, err = cli("envvars", "list", "--env", "prod")
    assert code == 2
    assert "does not match" in err


def test_queues(fake: FakeTrigger) -> None:
    assert cli("queues", "pause", "task:double")[1].strip().endswith("paused=True limit=None")
    assert "paused=False" in cli("queues", "resume", "task:double")[1]
    assert cli("queues", "limit", "task:double", "5")[1].strip().endswith("limit=5")
    assert cli("queues", "limit", "task:double", "reset")[1].strip().endswith("limit=None")
    assert cli("queues", "limit", "task:double", "lots")[0] == 2
    names = [q["name"] for q in json.loads(cli("queues", "list", "--json")[1])]
    assert "double" in names


def test_waitpoints(fake: FakeTrigger) -> None:
    code, out, _ = cli("waitpoints", "create", "--timeout", "1h", "--tag", "approval")
    assert code == 0
    token_id, callback = out.strip().splitlines()
    assert callback.startswith("callback: http://127.0.0.1:")
    assert cli("waitpoints", "complete", token_id, "--data", '{"ok": true}')[0] == 0
    assert fake.tokens[token_id]["status"] == "COMPLETED"


def test_query_formats(fake: FakeTrigger) -> None:
    cli("trigger", "double", "--payload", "1")
    rows = json.loads(cli("query", "SELECT run_id, status FROM runs", "--format", "json")[1])
    assert set(rows[0]) == {"run_id", "status"}
    assert cli("query", "SELECT status FROM runs", "--format", "csv")[1].splitlines()[0] == "status"
    code, _, err = cli("query", "SELECT nope FROM runs")
    assert code == 1
    assert "Unknown column 'nope'" in err


def test_deployments(fake: FakeTrigger) -> None:
    fake.deploy("20250101.1")  # the fake, like a dev environment, starts with none
    assert json.loads(cli("deployments", "list", "--json")[1])[0]["version"] == "20250101.1"
    assert "20250101.1" in cli("deployments", "current")[1]
    assert cli("deployments", "promote", "20250101.1")[1].startswith("promoted 20250101.1")
    assert cli("deployments", "promote", "1999")[0] == 1


def test_a_missing_project_ref_names_the_flag_and_the_variable(
    fake: FakeTrigger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRIGGER_PROJECT_REF")
    code, _, err = cli("envvars", "list", "--env", "dev")
    assert code == 2
    assert "--project-ref 'proj_...'" in err
    assert "TRIGGER_PROJECT_REF" in err
    assert "project_ref" not in err
    assert "to the client" not in err
    assert cli("--project-ref", fake.project_ref, "envvars", "list", "--env", "dev")[0] == 0
