"""Durations, idempotency keys and statuses against the official SDK's own values."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

import pytest

from trigger_facade import InvalidInputError, durations, idempotency_keys, parse_duration, status
from trigger_facade.durations import format_duration, to_delay, to_idempotency_key_ttl, to_ttl

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "sdk-vectors.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", VECTORS["durations"], ids=lambda c: repr(c["input"]))
def test_duration_grammar_matches_the_sdk(case: dict[str, Any]) -> None:
    if case["ms"] is None:
        with pytest.raises(InvalidInputError):
            parse_duration(case["input"])
    else:
        assert parse_duration(case["input"]) == timedelta(milliseconds=case["ms"])


@pytest.mark.parametrize(
    ("text", "ms"), [("1w2d3h4m5s", 788_645_000), ("2hr", 7_200_000), ("30s2h1d", 93_630_000), ("100d", 8_640_000_000)]
)
def test_more_durations_from_sdk_facts(text: str, ms: int) -> None:
    assert parse_duration(text) == timedelta(milliseconds=ms)


@pytest.mark.parametrize("case", VECTORS["stringifyDuration"], ids=lambda c: str(c["seconds"]))
def test_seconds_to_duration_strings_match_the_sdk(case: dict[str, Any]) -> None:
    assert format_duration(case["seconds"]) == case["output"]


@pytest.mark.parametrize("case", VECTORS["idempotencyKeys"], ids=lambda c: repr(c["input"]))
def test_idempotency_keys_match_the_sdk(case: dict[str, Any]) -> None:
    scope = (case["options"] or {}).get("scope", "run")
    assert idempotency_keys.create(case["input"], scope=scope) == case["output"]


@pytest.mark.parametrize("case", VECTORS["batchItemDerivedKeys"], ids=lambda c: f"{c['batchKey']}-{c['index']}")
def test_batch_item_keys_match_the_sdk(case: dict[str, Any]) -> None:
    assert idempotency_keys.for_batch_item(case["batchKey"], case["index"]) == case["output"]


def test_sdk_facts_key_vectors() -> None:
    assert idempotency_keys.create("my-key") == "5e78863ed1ffb9fc66b1d61634b126bf8eb20267e7996297eeeb9b19c8c0f732"
    assert (
        idempotency_keys.create(["user-123", "order-456"], scope="global")
        == "ee41a8f1317622f6eaca2786b6d21cd9e73e420358fab77069ef05d7f0fffdec"
    )
    assert idempotency_keys.create("my-batch") == "b55d2178a8f3c05daae131875187933d2dc36eda044c5354f0e3dd7b7bdeb626"
    assert idempotency_keys.for_batch_item("my-batch", 1) == (
        "a0cd90a736bc1fe68848c55f25bc9c07e23dd2d7da9acbd6c7bea2009321a1ba"
    )
    with pytest.raises(InvalidInputError, match="scope"):
        idempotency_keys.create("k", scope="forever")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "wire"), [("30m", "30m"), ("1d", "1d"), (timedelta(hours=2), "2h"), (timedelta(seconds=90), "90s")]
)
def test_idempotency_key_ttl(value: Any, wire: str) -> None:
    assert to_idempotency_key_ttl(value) == wire


@pytest.mark.parametrize("value", [0, 3600, timedelta(0), timedelta(hours=1), "1h"])
def test_ttl_forms(value: Any) -> None:
    assert to_ttl(value) in (0, 3600, "1h")


@pytest.mark.parametrize("value", ["", "1h ", "1.5h", "10ms", "500", timedelta(milliseconds=1500), 5])
def test_delay_refusals(value: Any) -> None:
    with pytest.raises(InvalidInputError, match="delay"):
        to_delay(value)


# (status, queued, executing, waiting, success, failed, cancelled, terminal)
STATUS_TABLE = [
    ("PENDING_VERSION", 1, 0, 0, 0, 0, 0, 0),
    ("WAITING_FOR_DEPLOY", 1, 0, 0, 0, 0, 0, 0),
    ("DELAYED", 1, 0, 0, 0, 0, 0, 0),
    ("QUEUED", 1, 0, 0, 0, 0, 0, 0),
    ("DEQUEUED", 0, 1, 0, 0, 0, 0, 0),
    ("EXECUTING", 0, 1, 0, 0, 0, 0, 0),
    ("REATTEMPTING", 0, 1, 0, 0, 0, 0, 0),
    ("WAITING", 0, 0, 1, 0, 0, 0, 0),
    ("FROZEN", 0, 0, 1, 0, 0, 0, 0),
    ("COMPLETED", 0, 0, 0, 1, 0, 0, 1),
    ("CANCELED", 0, 0, 0, 0, 1, 1, 1),
    ("FAILED", 0, 0, 0, 0, 1, 0, 1),
    ("CRASHED", 0, 0, 0, 0, 1, 0, 1),
    ("INTERRUPTED", 0, 0, 0, 0, 1, 0, 1),
    ("SYSTEM_FAILURE", 0, 0, 0, 0, 1, 0, 1),
    ("EXPIRED", 0, 0, 0, 0, 1, 0, 1),
    ("TIMED_OUT", 0, 0, 0, 0, 1, 0, 1),
    ("SOMETHING_NEW", 0, 0, 0, 0, 0, 0, 0),
]


def test_the_status_table_covers_all_17_statuses() -> None:
    from trigger_facade._validate import RUN_STATUSES

    assert {row[0] for row in STATUS_TABLE} - {"SOMETHING_NEW"} == RUN_STATUSES


@pytest.mark.parametrize("row", STATUS_TABLE, ids=lambda r: r[0])
def test_status_booleans(row: tuple[Any, ...]) -> None:
    name, *flags = row
    got = [
        status.is_queued(name),
        status.is_executing(name),
        status.is_waiting(name),
        status.is_success(name),
        status.is_failed(name),
        status.is_cancelled(name),
        status.is_terminal(name),
    ]
    assert got == [bool(f) for f in flags]


class _NoOffset(tzinfo):
    """A time zone that does not know its offset: a datetime in it is as naive as one without."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


@pytest.mark.parametrize("moment", [datetime(2030, 1, 1), datetime(2030, 1, 1, tzinfo=_NoOffset())])
def test_one_check_refuses_a_datetime_that_is_not_an_instant(moment: datetime) -> None:
    with pytest.raises(InvalidInputError, match=r"^created_after is a naive datetime; pass an aware one"):
        durations.aware(moment, "created_after")
    with pytest.raises(InvalidInputError, match=r"^delay is a naive datetime"):
        durations.to_delay(moment, argument="delay")


def test_an_aware_datetime_passes_unchanged() -> None:
    moment = datetime(2030, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    assert durations.aware(moment, "when") is moment
