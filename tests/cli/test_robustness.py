"""Bad days: bad input files, garbage and escape sequences from the server, Ctrl-C; never a traceback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from trigger_facade.testing import FakeTrigger

from .helpers import cli, subprocess_env

Handler = Callable[[httpx.Request], httpx.Response]


def answering(handler: Handler) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


def assert_one_clean_line(err: str) -> None:
    assert "Traceback" not in err
    assert err.startswith("trigger-facade: ")
    assert err.count("\n") == 1
    assert "\x1b" not in err


# ---------------------------------------------------------------------------- our input


def test_payload_file_that_is_not_utf8(fake: FakeTrigger, tmp_path: Path) -> None:
    payload = tmp_path / "payload.json"
    payload.write_bytes(b'{"name": "caf\xe9"}')
    code, _, err = cli("trigger", "double", "--payload", f"@{payload}")
    assert code == 2
    assert "not UTF-8 text (byte 0xe9 on line 1)" in err
    assert "Traceback" not in err
    assert fake.runs == {}


def test_missing_payload_file(fake: FakeTrigger, tmp_path: Path) -> None:
    code, _, err = cli("trigger", "double", "--payload", f"@{tmp_path / 'nope.json'}")
    assert code == 2
    assert "No such file or directory" in err


def test_items_file_that_is_not_utf8(fake: FakeTrigger, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_bytes(b'{"payload": 1}\n{"payload": "\xff"}\n')
    code, _, err = cli("batch", "double", "--items", str(items))
    assert code == 2
    assert "not UTF-8 text (byte 0xff on line 2)" in err
    assert fake.batches == {}


def test_a_bad_json_line_fails_before_anything_is_sent(fake: FakeTrigger, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    lines = [json.dumps({"payload": n}) for n in range(1500)]
    lines[1200] = '{"payload": 1200,'  # past the first server batch: still nothing may be sent
    items.write_text("\n".join(lines) + "\n")
    code, out, err = cli("batch", "double", "--items", str(items))
    assert code == 2
    assert f"--items {items}: line 1201 is not JSON" in err
    assert "Traceback" not in err
    assert out == ""
    assert fake.batches == {}
    assert fake.runs == {}


def test_deeply_nested_json_is_an_error_not_a_crash(fake: FakeTrigger) -> None:
    code, _, err = cli("trigger", "double", "--payload", "[" * 100_000)
    assert code == 2
    assert "not JSON" in err
    assert "Traceback" not in err


def test_bad_item_options_name_the_line_and_the_flag_free_option(fake: FakeTrigger, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"payload": 1}\n\n{"payload": 2, "options": {"delay": "soon"}}\n')
    code, _, err = cli("batch", "double", "--items", str(items))
    assert code == 2
    assert f"--items {items} line 3" in err
    assert "items[" not in err
    assert fake.runs == {}


# ---------------------------------------------------------------------------- errors name flags


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("trigger", "double", "--delay", "2x"), "--delay '2x' is not a duration"),
        (("trigger", "double", "--ttl", "soon"), "--ttl 'soon' is not a duration"),
        (
            ("runs", "list", "--period", "1d", "--from", "2026-01-01T00:00:00Z"),
            "--period cannot be combined with --from",
        ),
        (("runs", "reschedule", "run_x", "--delay", "later"), "--delay 'later' is not a duration"),
        (("waitpoints", "create", "--timeout", "1y"), "--timeout '1y'"),
        (("--base-url", "http://example.com", "runs", "list"), "--base-url 'http://example.com' is plain HTTP"),
        (("queues", "limit", "task:double", "--percent", "500"), "--percent 500.0 must be a number"),
    ],
)
def test_input_errors_name_cli_flags(fake: FakeTrigger, argv: tuple[str, ...], expected: str) -> None:
    code, _, err = cli(*argv)
    assert code == 2
    assert expected in err
    python_names = ("delay=", "ttl=", "period=", "timeout=", "created_after", "created_before", "base_url", "percent=")
    for python_name in (*python_names, "allow_insecure_http"):
        assert python_name not in err
    assert fake.runs == {}


# ---------------------------------------------------------------------------- the server's output


def test_control_characters_from_the_server_are_escaped(fake: FakeTrigger) -> None:
    def hostile(payload: object) -> object:
        raise ValueError("\x1b]0;owned\x07\x1b[2Jgone")

    fake.task("hostile", hostile)
    code, out, _ = cli("trigger", "hostile", "--tag", "t\x1b[31mred", "--wait")
    assert code == 1
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\u001b]0;owned\\u0007\\u001b[2Jgone" in out  # the error object is shown as JSON
    code, out, _ = cli("runs", "list", "--tag", "t\x1b[31mred")
    assert code == 0
    assert "t\\x1b[31mred" in out
    assert "\x1b" not in out
    code, out, _ = cli("runs", "list", "--json")
    assert json.loads(out)[0]["tags"] == ["t\x1b[31mred"]  # JSON output keeps the exact value, escaped by JSON
    assert "\x1b" not in out


def test_control_characters_in_server_error_messages_are_escaped(fake: FakeTrigger) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "bad \x1b[2J\x1b]8;;http://evil\x07link\r\nforged line"})

    code, _, err = cli("runs", "get", "run_1", transport=answering(handler))
    assert code == 1
    assert_one_clean_line(err)
    assert "\\x1b[2J" in err
    assert "\r" not in err
    assert "\\x0d\\x0aforged line" in err


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, content=b"<html>proxy error</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, content=b'{"id": null, "status": 7}'),
        httpx.Response(200, content=b'{"id": "run_\xff\xfe"'),
        httpx.Response(200, content=b'[1, "x"]'),
        httpx.Response(502, content=b"\x00\x01\x1b[5m upstream"),
    ],
    ids=["html", "wrong-types", "bad-utf8", "array", "502-binary"],
)
def test_garbage_from_the_server_is_one_line_and_exit_1(fake: FakeTrigger, response: httpx.Response) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(response.status_code, content=response.content, headers=response.headers)

    commands = [
        ("runs", "get", "run_1"),
        ("trigger", "double"),
        ("runs", "list"),
        ("queues", "list"),
        ("schedules", "list"),
        ("envvars", "list", "--env", "dev"),
        ("deployments", "current"),
        ("waitpoints", "create"),
        ("query", "SELECT run_id FROM runs"),
    ]
    for argv in commands:
        code, _, err = cli("--max-retries", "0", *argv, transport=answering(handler))
        assert code == 1, (argv, err)
        assert_one_clean_line(err)


@pytest.mark.parametrize(("flags", "attempts"), [(("--max-retries", "0"), 1), (("--max-retries", "2"), 3)])
def test_max_retries(fake: FakeTrigger, flags: tuple[str, ...], attempts: int) -> None:
    seen: list[str] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(503, json={"error": "down"}, headers={"retry-after": "0"})

    code, _, err = cli(*flags, "runs", "get", "run_1", transport=answering(unavailable))
    assert (code, err) == (1, "trigger-facade: 503: down\n")
    assert seen == ["/api/v3/runs/run_1"] * attempts


def test_no_key_on_a_pipe_is_a_usage_error(fake: FakeTrigger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRIGGER_SECRET_KEY")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = cli("runs", "list")
    assert code == 2
    assert "TRIGGER_SECRET_KEY" in err


# ---------------------------------------------------------------------------- waiting and interrupting


def test_trigger_wait_prints_the_run_id_before_waiting(fake: FakeTrigger) -> None:
    code, out, err = cli("trigger", "double", "--payload", "1", "--delay", "1h", "--wait", "--timeout", "0.3")
    assert code == 1  # the wait timed out: the run is still DELAYED
    (run_id,) = fake.runs
    first, second = err.splitlines()
    assert first.startswith(f"triggered {run_id}; waiting up to 0.3s")
    assert second.startswith(f"trigger-facade: run {run_id} did not finish")
    assert out == ""


def test_ctrl_c_exits_130_without_a_traceback(fake: FakeTrigger) -> None:
    run_id = cli("trigger", "double", "--delay", "1h")[1].strip()
    process = subprocess.Popen(
        [sys.executable, "-m", "trigger_facade", "runs", "watch", run_id, "--interval", "0.05"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(fake),
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the first status line: the watch is under way
    assert first.rstrip().endswith(f"{run_id}  DELAYED")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "trigger-facade: interrupted"


def test_broken_pipe_is_quiet(fake: FakeTrigger) -> None:
    fake.seed_runs(3000)  # far more than a pipe buffer holds, so the writer meets the closed pipe
    script = (
        f"{sys.executable} -m trigger_facade runs list --limit 0 --json | {sys.executable} -c "
        "'import sys; sys.stdin.readline()'"
    )
    result = subprocess.run(
        ["/bin/sh", "-c", script], capture_output=True, text=True, env=subprocess_env(fake), timeout=60, check=False
    )
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def test_the_key_never_reaches_the_output_even_when_an_error_quotes_it(fake: FakeTrigger) -> None:
    def quoting(request: httpx.Request) -> httpx.Response:
        # what h11 or a proxy library may do: put a header value in an exception message
        raise RuntimeError(f"illegal header value {request.headers['authorization']!r}")

    for argv in (("runs", "get", "run_1"), ("trigger", "double", "--wait")):
        code, out, err = cli(*argv, transport=answering(quoting))
        assert code == 1
        assert fake.secret_key not in out + err
        assert fake.secret_key[:12] not in out + err
        assert_one_clean_line(err)


def test_an_output_encoding_that_cannot_carry_the_text_is_one_line(fake: FakeTrigger) -> None:
    cli("trigger", "double", "--tag", "héllo☃")
    env = {**subprocess_env(fake), "PYTHONIOENCODING": "ascii"}
    for argv in (("runs", "list"), ("runs", "list", "--csv")):
        result = subprocess.run(
            [sys.executable, "-m", "trigger_facade", *argv], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 1
        assert result.stderr == (
            "trigger-facade: the output cannot be written in this terminal's encoding (ascii); "
            "try PYTHONIOENCODING=utf-8\n"
        )
