"""`batch`: JSON Lines in, one line per server batch out; a half-sent batch prints what exists and
where to resume, and `--start-index` resumes without running anything twice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from trigger_facade.testing import FakeTrigger

from .helpers import cli

STREAM = re.compile(r"/api/v3/batches/[^/]+/items")


def items_file(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps({"payload": n}) + "\n" for n in range(count)))
    return path


def payloads(fake: FakeTrigger) -> list[object]:
    return sorted(run.payload for run in fake.runs.values())


def failing_stream(fake: FakeTrigger, which: int, *, after_work: bool) -> httpx.MockTransport:
    """The fake, except that the `which`-th items stream (1-based) is answered 400; with `after_work`
    the fake has taken the items first (the answer is lost), else it never sees them."""
    seen = {"streams": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and STREAM.fullmatch(request.url.path):
            seen["streams"] += 1
            if seen["streams"] == which:
                if after_work:
                    fake.handle(request)
                return httpx.Response(400, json={"error": "injected: items stream refused"})
        return fake.handle(request)

    return httpx.MockTransport(handler)


def test_batch_json_output_and_start_index(fake: FakeTrigger, tmp_path: Path) -> None:
    path = items_file(tmp_path, 10)
    code, out, _ = cli("batch", "double", "--items", str(path), "--start-index", "7", "--json")
    assert code == 0
    (part,) = json.loads(out)
    assert (part["runCount"], part["isCached"], part["firstIndex"]) == (3, False, 0)
    assert part["id"] in fake.batches
    assert payloads(fake) == [7, 8, 9]


@pytest.mark.parametrize("start", ["10", "11"])
def test_start_index_past_the_items_is_a_usage_error(fake: FakeTrigger, tmp_path: Path, start: str) -> None:
    code, _, err = cli("batch", "double", "--items", str(items_file(tmp_path, 10)), "--start-index", start)
    assert code == 2
    assert "--start-index" in err or "no items from index" in err
    assert fake.batches == {}


def test_bare_payload_lines_and_blank_lines(fake: FakeTrigger, tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text('1\n\n"two"\r\n{"payload": {"n": 3}, "options": {"tags": ["x"]}}\n[4]\n')
    code, out, _ = cli("batch", "double", "--items", str(path))
    assert code == 0
    assert out.split()[1:3] == ["4", "runs"]
    runs = sorted(fake.runs.values(), key=lambda run: str(run.payload))
    assert [run.payload for run in runs] == [1, [4], "two", {"n": 3}]
    assert [run.tags for run in runs if run.payload == {"n": 3}] == [["x"]]


def test_a_failed_first_batch_resumes_from_index_0(fake: FakeTrigger, tmp_path: Path) -> None:
    path = items_file(tmp_path, 1200)
    transport = failing_stream(fake, 1, after_work=True)
    code, out, err = cli("batch", "double", "--items", str(path), "--idempotency-key", "k", transport=transport)
    assert code == 1
    assert len(out.splitlines()) == 1  # the batch whose items stream failed
    assert "--start-index 0 --idempotency-key" in err
    code, _, err = cli("batch", "double", "--items", str(path), "--start-index", "0", "--idempotency-key", "k")
    assert code == 0, err
    assert payloads(fake) == list(range(1200))


@pytest.mark.parametrize("after_work", [False, True], ids=["refused", "answer-lost"])
def test_a_half_sent_batch_prints_its_batches_and_resumes_without_duplicates(
    fake: FakeTrigger, tmp_path: Path, after_work: bool
) -> None:
    path = items_file(tmp_path, 2500)
    transport = failing_stream(fake, 2, after_work=after_work)
    code, out, err = cli("batch", "double", "--items", str(path), "--idempotency-key", "orders", transport=transport)

    assert code == 1
    assert "Traceback" not in err
    created = [line.split()[0] for line in out.splitlines()]
    assert len(created) == 2  # the sealed first batch, and the second whose items failed
    assert set(created) <= set(fake.batches)
    assert "injected: items stream refused" in err
    assert f"created batches: {', '.join(created)}" in err
    assert "first item not sent: index 1000" in err
    assert f"--items {path} --start-index 1000 --idempotency-key" in err
    assert len(fake.runs) == (2000 if after_work else 1000)

    code, out, err = cli(
        "batch", "double", "--items", str(path), "--start-index", "1000", "--idempotency-key", "orders"
    )
    assert code == 0, err
    assert [line.split()[1] for line in out.splitlines()] == ["1000", "500"]
    assert payloads(fake) == list(range(2500))  # every item ran exactly once

    # the same resume again runs nothing twice: every item's run exists under its key
    code, out, err = cli(
        "batch", "double", "--items", str(path), "--start-index", "1000", "--idempotency-key", "orders"
    )
    assert code == 0, err
    assert len(fake.runs) == 2500


def test_a_half_sent_batch_in_json_mode(fake: FakeTrigger, tmp_path: Path) -> None:
    path = items_file(tmp_path, 1500)
    code, out, err = cli(
        "batch", "double", "--items", str(path), "--json", transport=failing_stream(fake, 2, after_work=False)
    )
    assert code == 1
    answer = json.loads(out)
    assert answer["nextIndex"] == 1000
    assert [part["runCount"] for part in answer["created"]] == [1000, 500]
    assert "injected" in answer["error"]
    assert "may run twice" in err  # no idempotency key: the resend is not protected


def test_a_failure_before_any_batch_exists_is_a_plain_error(fake: FakeTrigger, tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "injected: no batches today"})

    code, out, err = cli(
        "batch", "double", "--items", str(items_file(tmp_path, 5)), transport=httpx.MockTransport(refuse)
    )
    assert (code, out) == (1, "")
    assert err == "trigger-facade: 400: injected: no batches today\n"


def test_bad_options_after_the_first_batch_stop_with_line_and_resume_index(fake: FakeTrigger, tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    lines = [json.dumps({"payload": n}) for n in range(1500)]
    lines[1200] = json.dumps({"payload": 1200, "options": {"ttl": "forever"}})
    path.write_text("\n".join(lines) + "\n")
    code, out, err = cli("batch", "double", "--items", str(path))
    assert code == 2  # bad input, though the first server batch was already sent
    (sent,) = out.splitlines()
    assert sent.split()[1:3] == ["1000", "runs"]
    assert f"--items {path} line 1201 options.ttl='forever' is not a duration" in err
    assert "first item not sent: index 1000" in err
    assert len(fake.runs) == 1000
