"""On a terminal: rich tables, the live `runs watch` view and the batch progress bar; server text still escaped."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from trigger_facade.cli import main
from trigger_facade.cli.output import emit
from trigger_facade.testing import FakeTrigger

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(*argv: str) -> tuple[int, str, str]:
    out, err = Terminal(), Terminal()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_watch_is_a_live_view_ending_with_the_final_status(fake: FakeTrigger) -> None:
    run_id = on_terminal("trigger", "double", "--payload", "2")[1].strip()
    code, out, _ = on_terminal("runs", "watch", run_id, "--interval", "0.01")
    assert code == 0
    assert "\x1b[" in out  # drawn by rich: cursor movement and colour
    shown = ANSI.sub("", out)
    final = shown[shown.rindex(run_id) :]
    assert final.split()[:3] == [run_id, "double", "COMPLETED"]


def test_watch_exit_code_follows_the_run(fake: FakeTrigger) -> None:
    run_id = on_terminal("trigger", "fails", "--payload", "{}")[1].strip()
    code, out, _ = on_terminal("runs", "watch", run_id, "--interval", "0.01")
    assert code == 1
    assert "FAILED" in ANSI.sub("", out)


def test_table_on_a_terminal_escapes_server_text(fake: FakeTrigger) -> None:
    on_terminal("trigger", "double", "--payload", "1", "--tag", "x\x1b]0;title\x07y")
    code, out, _ = on_terminal("runs", "list")
    assert code == 0
    shown = ANSI.sub("", out)
    assert "x\\x1b]0;title\\x07y" in shown
    assert "\x1b]" not in out  # no operating-system command reached the terminal
    assert "\x07" not in out
    assert shown.split()[:5] == ["id", "taskIdentifier", "status", "createdAt", "tags"]


def test_batch_progress_bar_on_a_terminal(fake: FakeTrigger, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text("".join(json.dumps({"payload": n}) + "\n" for n in range(250)))
    code, out, err = on_terminal("batch", "double", "--items", str(items))
    assert code == 0
    assert out.split()[1:3] == ["250", "runs"]
    shown = ANSI.sub("", err)
    assert "batching double" in shown
    assert "250/250" in shown
    assert "━" in shown  # the bar itself


@pytest.mark.parametrize(("count", "drawn_by_rich"), [(1000, True), (1001, False)])
def test_long_tables_are_plain_columns(count: int, drawn_by_rich: bool) -> None:
    rows = [{"id": f"run_{n:04d}", "status": "COMPLETED"} for n in range(count)]
    out = Terminal()
    assert emit(rows, ["id", "status"], "table", out) == count
    lines = ANSI.sub("", out.getvalue()).splitlines()
    assert ("\x1b[" in out.getvalue()) is drawn_by_rich  # rich makes the header bold
    assert lines[0].split() == ["id", "status"]
    assert lines[-1].split() == [f"run_{count - 1:04d}", "COMPLETED"]
