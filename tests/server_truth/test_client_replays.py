"""Our client (sync and async) against every recorded answer of the real server that a facade call meets.

Each case calls one facade method through a MockTransport that plays back recorded exchanges
(tests/server_truth/client_replay.py), then holds (a) every request the client sent against the
recorded request, (b) the client's result against the recorded answer's values, or, for recorded
errors, the typed error (class, status, body, may_have_succeeded), and (c) the number of attempts
(the client retries only what the server invites or what is safe to repeat).

Every recorded exchange is accounted for: produced by a case, fed to the nearest call as an answer
the client cannot provoke itself (`Expect(answer_only=True)`), refused by the client before the
network (`refuses`), or never sent by this client (NOT_SENT, with the reason). Client bugs the
recordings reveal are listed in KNOWN_CLIENT_BUGS with a reason; such a case must still fail, so a
fix fails its entry and the table shrinks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from trigger_facade import QueueRef
from trigger_facade.errors import (
    AuthenticationError,
    BadRequestError,
    BatchAlreadyExistsError,
    BatchPartiallySentError,
    ConfigurationError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    RunCancelledError,
    RunFailedError,
    UnprocessableEntityError,
)

from .client_replay import (
    KEY,
    RECORDED,
    Expect,
    Replay,
    collect,
    dropped,
    make_client,
    maybe,
    request_differences,
    sha256,
    status_error_differences,
    with_ids,
)

Body = Callable[[Any, Replay], Awaitable[None]]


@dataclass(frozen=True)
class Case:
    id: str
    script: tuple[dict[str, Any], ...]
    body: Body
    expect: dict[str, Expect] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)  # recorded name -> times sent (default 1)
    key: str = KEY
    refuses: tuple[str, ...] = ()  # exchanges the client refuses to send (nothing may reach the network)

    @property
    def covers(self) -> set[str]:
        return {e["name"] for e in self.script if e["name"] in RECORDED} | set(self.refuses)


CASES: list[Case] = []


def replays(
    *script: str | dict[str, Any],
    variant: str = "",
    expect: dict[str, Expect] | None = None,
    attempts: dict[str, int] | None = None,
    key: str = KEY,
    refuses: tuple[str, ...] = (),
) -> Callable[[Body], Body]:
    """Register a case: `script` are the recorded exchanges (names, or with_ids/dropped exchanges) its
    facade call must meet, in order."""
    exchanges = tuple(RECORDED[item] if isinstance(item, str) else item for item in script)

    def register(body: Body) -> Body:
        named = [item for item in script if isinstance(item, str)]
        about = named[-1] if named else refuses[0]  # the exchange the case is about: its last named one
        name = about + (f"/{variant}" if variant else "")
        assert name not in {case.id for case in CASES}, name
        CASES.append(Case(name, exchanges, body, expect or {}, attempts or {}, key, refuses))
        return body

    return register


def body(name: str) -> Any:
    return RECORDED[name]["response"]["body"]


def header(name: str, header_name: str) -> str:
    value: str = RECORDED[name]["response"]["headers"][header_name]
    return value


def path_id(name: str, index: int = 4) -> str:
    """An id from a recorded request path (/api/v3/runs/<id> -> index 4)."""
    return str(RECORDED[name]["request"]["path"].split("/")[index])


async def raises(expected: type[BaseException], call: Callable[[], Any]) -> Any:
    """The error `call()` raises (at once with the sync client, when awaited with the async one)."""
    with pytest.raises(expected) as info:
        await maybe(call())
    return info.value


def assert_status_error(error: BaseException, name: str) -> None:
    problems = status_error_differences(error, RECORDED[name])
    assert not problems, f"{name}: " + "; ".join(problems)


MISSING_RUN = "run_doesnotexist00000000000"
RUN = body("trigger")["id"]  # st-echo {"n": 1}, completed, then tagged, given metadata and replayed
FAILED_RUN = body("trigger_failing")["id"]
CRASHED_RUN = body("trigger_crashing")["id"]
SLOW_RUN = body("trigger_slow")["id"]
DELAYED_RUN = body("trigger_delayed")["id"]
REALTIME_RUN = body("trigger_for_realtime")["id"]
STREAM_RUN = body("trigger_streaming")["id"]
TOKEN = body("token_create")["id"]
CALLBACK_TOKEN_URL = body("token_create_for_callback")["url"]
BATCH = body("batch_create")["id"]
SCHEDULE = body("schedule_create")["id"]
IDEM = RECORDED["trigger_with_idempotency_key"]["request"]["body"]["options"]["idempotencyKey"]
ENV_VAR = RECORDED["envvar_create"]["request"]["body"]["name"]
OTHER_VAR = "ST_OTHER_" + ENV_VAR.rsplit("_", 1)[1]
EMPTY_VAR = "ST_EMPTY_" + ENV_VAR.rsplit("_", 1)[1]
WP_KEY = RECORDED["token_create_with_key"]["request"]["body"]["idempotencyKey"]
BATCH_KEY = RECORDED["batch_create_with_key"]["request"]["body"]["idempotencyKey"]
PUBLIC_TOKEN = header("trigger_for_realtime", "x-trigger-jwt")  # signature redacted; the replay does not check it


def retrieve_as(run_id: str) -> dict[str, Any]:
    """The recorded retrieve of a completed st-echo run, standing in for a retrieve of `run_id`
    (which the scenario did not make)."""
    return with_ids("retrieve_completed", {RUN: run_id})


# ---------------------------------------------------------------------------------------------- runs


@replays("trigger")
async def _trigger(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 1}, tags=["st"], metadata={"step": "trigger"}))
    assert (handle.id, handle.is_cached, handle.status) == (RUN, False, None)
    assert handle.public_access_token == header("trigger", "x-trigger-jwt")


@replays("trigger_with_idempotency_key")
async def _trigger_with_key(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 2}, idempotency_key=IDEM))
    assert (handle.id, handle.is_cached) == (body("trigger_with_idempotency_key")["id"], False)


@replays("trigger_repeated_idempotency_key", retrieve_as(body("trigger_repeated_idempotency_key")["id"]))
async def _trigger_repeated_key(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 3}, idempotency_key=IDEM))
    # O6/W10: the same run, cached; the client reads its status (a reused key may name a finished run)
    assert (handle.id, handle.is_cached) == (body("trigger_with_idempotency_key")["id"], True)
    assert handle.status == "COMPLETED"
    assert handle.public_access_token == header("trigger_repeated_idempotency_key", "x-trigger-jwt")


HEADER_KEY = RECORDED["trigger_idempotency_key_header"]["request"]["headers"]["idempotency-key"]


@replays("trigger_idempotency_key_header")
async def _trigger_key_as_header(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 4}, idempotency_key=HEADER_KEY))
    assert (handle.id, handle.is_cached) == (body("trigger_idempotency_key_header")["id"], False)


@replays("trigger_idempotency_key_header_repeated", retrieve_as(body("trigger_idempotency_key_header")["id"]))
async def _trigger_key_as_header_repeated(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 4}, idempotency_key=HEADER_KEY))
    assert (handle.id, handle.is_cached, handle.status) == (
        body("trigger_idempotency_key_header")["id"],
        True,
        "COMPLETED",
    )


@replays("trigger_request_key")
async def _trigger_request_key(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 5}))
    assert (handle.id, handle.is_cached) == (body("trigger_request_key")["id"], False)


@replays("trigger_request_key_repeated")
async def _trigger_request_key_repeated(c: Any, r: Replay) -> None:
    # O4: the request key dedupes nothing, the answer is a second run; the client hands back what it got
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 5}))
    assert handle.id == body("trigger_request_key_repeated")["id"] != body("trigger_request_key")["id"]


@replays("retrieve_completed")
async def _retrieve_completed(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(RUN))
    assert (run.id, run.status, run.task_identifier) == (RUN, "COMPLETED", "st-echo")
    assert run.output == {"ok": True, "n": 1}
    assert run.payload == {"n": 1}
    assert run.metadata == {"step": "trigger"}
    assert run.tags == ["st"]
    assert (run.is_success, run.is_completed, run.is_failed, run.is_cancelled, run.is_waiting) == (
        True,
        True,
        False,
        False,
        False,
    )
    assert run.attempt_count == 1


@replays("retrieve_completed", variant="runs.result")
async def _result_completed(c: Any, r: Replay) -> None:
    result = await maybe(c.runs.result(RUN))  # O15: from the run, never /api/v1/runs/{id}/result
    assert (result.id, result.ok, result.output, result.error) == (RUN, True, {"ok": True, "n": 1}, None)


@replays("trigger", "retrieve_completed", variant="handle.result")
async def _handle_result(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 1}, tags=["st"], metadata={"step": "trigger"}))
    assert await maybe(handle.result(timeout=5)) == {"ok": True, "n": 1}


@replays("retrieve_missing_404", attempts={"retrieve_missing_404": 5})
async def _retrieve_missing(c: Any, r: Replay) -> None:
    # W5/O2: x-should-retry: true (the run may not be replicated yet), so the client asks again
    assert_status_error(await raises(NotFoundError, lambda: c.runs.retrieve(MISSING_RUN)), "retrieve_missing_404")


@replays("metadata_get")
async def _metadata_get(c: Any, r: Replay) -> None:
    assert await maybe(c.runs.retrieve_metadata(RUN)) == {"step": "trigger"}  # W1: a JSON string, decoded


@replays("metadata_put")
async def _metadata_put(c: Any, r: Replay) -> None:
    assert await maybe(c.runs.update_metadata(RUN, {"progress": 0.5})) == {"progress": 0.5}


@replays("metadata_get_after_put")
async def _metadata_get_after_put(c: Any, r: Replay) -> None:
    assert await maybe(c.runs.retrieve_metadata(RUN)) == {"progress": 0.5}


@replays("metadata_get_missing_404")
async def _metadata_get_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.runs.retrieve_metadata(MISSING_RUN))
    assert_status_error(error, "metadata_get_missing_404")


@replays("metadata_put_missing")
async def _metadata_put_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.runs.update_metadata(MISSING_RUN, {"a": 1}))
    assert_status_error(error, "metadata_put_missing")


@replays("tags_add")
async def _tags_add(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.add_tags(RUN, ["st-extra", "st-more"]))).message == body("tags_add")["message"]


@replays("tags_add_missing")
async def _tags_add_missing(c: Any, r: Replay) -> None:
    assert_status_error(await raises(NotFoundError, lambda: c.runs.add_tags(MISSING_RUN, ["x"])), "tags_add_missing")


@replays("retrieve_after_tags_and_metadata")
async def _retrieve_after_tags(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(RUN))
    assert run.tags == ["st", "st-extra", "st-more"]
    assert run.metadata == {"progress": 0.5}


@replays("replay")
async def _replay(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.replay(RUN))).id == body("replay")["id"]


@replays("replay_missing")
async def _replay_missing(c: Any, r: Replay) -> None:
    assert_status_error(await raises(NotFoundError, lambda: c.runs.replay(MISSING_RUN)), "replay_missing")


@replays("replay_request_key")
async def _replay_request_key(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.replay(RUN))).id == body("replay_request_key")["id"]


@replays("replay_request_key_repeated")
async def _replay_request_key_repeated(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.replay(RUN))).id == body("replay_request_key_repeated")["id"]


@replays("retrieve_replayed")
async def _retrieve_replayed(c: Any, r: Replay) -> None:
    replayed = body("replay")["id"]
    run = await maybe(c.runs.retrieve(replayed))
    # O17: the replay keeps payload, tags and the trigger's metadata
    assert (run.id, run.status, run.payload, run.metadata) == (replayed, "COMPLETED", {"n": 1}, {"step": "trigger"})
    assert run.tags == ["st", "st-extra", "st-more"]


# the scenario triggered with the raw key and reset it raw; our client hashes it both times, as the SDK does
@replays(
    "idempotency_key_reset",
    expect={"idempotency_key_reset": Expect(path=f"/api/v1/idempotencyKeys/{sha256(IDEM)}/reset")},
)
async def _idempotency_key_reset(c: Any, r: Replay) -> None:
    assert await maybe(c.idempotency_keys.reset("st-echo", IDEM)) is True


@replays("trigger_after_idempotency_key_reset")
async def _trigger_after_reset(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-echo", {"n": 7}, idempotency_key=IDEM))
    assert (handle.id, handle.is_cached) == (body("trigger_after_idempotency_key_reset")["id"], False)


UNKNOWN_IDEM = path_id("idempotency_key_reset_unknown")


@replays(
    "idempotency_key_reset_unknown",
    expect={"idempotency_key_reset_unknown": Expect(path=f"/api/v1/idempotencyKeys/{sha256(UNKNOWN_IDEM)}/reset")},
)
async def _idempotency_key_reset_unknown(c: Any, r: Replay) -> None:
    assert await maybe(c.idempotency_keys.reset("st-echo", UNKNOWN_IDEM)) is False


# ------------------------------------------------------------------------------------------ outcomes


@replays("trigger_failing")
async def _trigger_failing(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-fail", {}))).id == FAILED_RUN


@replays("trigger_retrying")
async def _trigger_retrying(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-retry", {}))).id == body("trigger_retrying")["id"]


@replays("retrieve_failed")
async def _retrieve_failed(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(FAILED_RUN))
    assert (run.status, run.is_failed, run.is_success, run.is_completed) == ("FAILED", True, False, True)
    assert run.error is not None
    assert (run.error["name"], run.error["message"]) == ("Error", "st-fail always fails")  # O14: no `type`
    assert run.output is None


@replays("retrieve_failed", variant="runs.result")
async def _result_failed(c: Any, r: Replay) -> None:
    result = await maybe(c.runs.result(FAILED_RUN))
    assert (result.ok, result.status, result.error["message"]) == (False, "FAILED", "st-fail always fails")
    with pytest.raises(RunFailedError):
        result.unwrap()


@replays("trigger_failing", "retrieve_failed", variant="handle.result")
async def _handle_result_failed(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-fail", {}))
    error = await raises(RunFailedError, lambda: handle.result(timeout=5))
    assert (error.run_id, error.status, error.message) == (FAILED_RUN, "FAILED", "st-fail always fails")


@replays("retrieve_failed_after_retry")
async def _retrieve_failed_after_retry(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(body("trigger_retrying")["id"]))
    assert (run.status, run.attempt_count, run.error["message"]) == ("FAILED", 2, "st-retry fails every attempt")


@replays("trigger_crashing")
async def _trigger_crashing(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-crash", {}))).id == CRASHED_RUN


@replays("retrieve_crashed")
async def _retrieve_crashed(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(CRASHED_RUN))
    assert (run.status, run.is_failed, run.is_terminal, run.is_cancelled) == ("CRASHED", True, True, False)


@replays("trigger_crashing", "retrieve_crashed", variant="handle.result")
async def _handle_result_crashed(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-crash", {}))
    error = await raises(RunFailedError, lambda: handle.result(timeout=5))
    assert (error.status, error.message) == (
        "CRASHED",
        "trigger.dev internal error (TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE)",
    )


@replays("trigger_slow")
async def _trigger_slow(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-slow", {"seconds": 30}))).id == SLOW_RUN


@replays("cancel")
async def _cancel(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.cancel(SLOW_RUN))).id == SLOW_RUN  # O7: at /api/v2


@replays("trigger_slow", "cancel", variant="handle.cancel")
async def _handle_cancel(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-slow", {"seconds": 30}))
    assert (await maybe(handle.cancel())).id == SLOW_RUN


@replays("cancel_repeated")
async def _cancel_repeated(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.cancel(SLOW_RUN))).id == SLOW_RUN  # again 200


@replays("cancel_missing_404")
async def _cancel_missing(c: Any, r: Replay) -> None:
    assert_status_error(await raises(NotFoundError, lambda: c.runs.cancel(MISSING_RUN)), "cancel_missing_404")


@replays("retrieve_canceled")
async def _retrieve_canceled(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(SLOW_RUN))
    assert (run.status, run.is_cancelled, run.is_failed, run.is_terminal) == ("CANCELED", True, True, True)
    assert run.error == {"message": "Canceled by user"}  # O12


@replays("trigger_slow", "retrieve_canceled", variant="handle.result")
async def _handle_result_canceled(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-slow", {"seconds": 30}))
    error = await raises(RunCancelledError, lambda: handle.result(timeout=5))
    assert (error.status, error.message) == ("CANCELED", "Canceled by user")


@replays("tags_add_canceled")
async def _tags_add_canceled(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.add_tags(SLOW_RUN, "st-after-cancel"))).message == body("tags_add_canceled")["message"]


@replays("trigger_delayed")
async def _trigger_delayed(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-echo", {"n": 6}, delay="1h"))).id == DELAYED_RUN


@replays("retrieve_delayed")
async def _retrieve_delayed(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(DELAYED_RUN))
    assert (run.status, run.is_queued, run.is_terminal) == ("DELAYED", True, False)
    assert run.delayed_until is not None
    assert run.delayed_until.isoformat().startswith("2026-11-30T14:04:12.843")


@replays("reschedule_delayed")
async def _reschedule_delayed(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.reschedule(DELAYED_RUN, delay="2h"))
    assert (run.id, run.status) == (DELAYED_RUN, "DELAYED")
    assert run.delayed_until is not None
    assert run.delayed_until.isoformat().startswith("2026-11-30T15:04:12.904")


@replays("reschedule_not_delayed_400")
async def _reschedule_not_delayed(c: Any, r: Replay) -> None:
    error = await raises(BadRequestError, lambda: c.runs.reschedule(FAILED_RUN, delay="1h"))  # W6: 400, not 422
    assert_status_error(error, "reschedule_not_delayed_400")


@replays("reschedule_missing")
async def _reschedule_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.runs.reschedule(MISSING_RUN, delay="1h"))
    assert_status_error(error, "reschedule_missing")


@replays("cancel_delayed")
async def _cancel_delayed(c: Any, r: Replay) -> None:
    assert (await maybe(c.runs.cancel(DELAYED_RUN))).id == DELAYED_RUN


@replays("retrieve_delayed_canceled")
async def _retrieve_delayed_canceled(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(DELAYED_RUN))
    assert (run.status, run.is_cancelled, run.attempt_count) == ("CANCELED", True, 0)


# -------------------------------------------------------------------------------------------- errors


@replays("bad_key_401", key="tr_dev_notthekeynotthekey00")
async def _bad_key(c: Any, r: Replay) -> None:
    assert_status_error(await raises(AuthenticationError, lambda: c.runs.retrieve(MISSING_RUN)), "bad_key_401")


# the client always sends its key: the problem+json 401 is fed to the call that would meet it
@replays("no_key_401", expect={"no_key_401": Expect(answer_only=True)})
async def _no_key(c: Any, r: Replay) -> None:
    error = await raises(AuthenticationError, lambda: c.runs.retrieve(MISSING_RUN))
    assert_status_error(error, "no_key_401")
    assert "No authorization header provided" in str(error)


# the client writes its JSON itself: these 400s are fed to a trigger, to check how it reads them
@replays("invalid_json_400", expect={"invalid_json_400": Expect(answer_only=True)})
async def _invalid_json(c: Any, r: Replay) -> None:
    assert_status_error(await raises(BadRequestError, lambda: c.tasks.trigger("st-echo", {"n": 1})), "invalid_json_400")


@replays("trigger_body_not_object_400", expect={"trigger_body_not_object_400": Expect(answer_only=True)})
async def _body_not_object(c: Any, r: Replay) -> None:
    error = await raises(BadRequestError, lambda: c.tasks.trigger("st-echo", {"n": 1}))
    assert_status_error(error, "trigger_body_not_object_400")


# ------------------------------------------------------------------------------------------- batches

ITEMS = [{"task": "st-echo", "payload": {"i": 0}}, {"task": "st-echo", "payload": {"i": 1}}]


@replays("batch_create", "batch_items")
async def _batch_trigger(c: Any, r: Replay) -> None:
    handle = await maybe(c.batch.trigger(ITEMS))
    assert (handle.ids, handle.run_count, handle.is_cached) == ([BATCH], 2, False)
    assert (handle.batches[0].items_accepted, handle.batches[0].items_deduplicated) == (2, 0)
    assert handle.public_access_token == header("batch_create", "x-trigger-jwt")


@replays("batch_create", "batch_items", variant="tasks.batch_trigger")
async def _task_batch_trigger(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.batch_trigger("st-echo", [{"payload": {"i": 0}}, {"payload": {"i": 1}}]))
    assert (handle.id, handle.run_count) == (BATCH, 2)


# the items' answer was lost after the server took them: the resent stream meets the sealed batch
@replays("batch_create", dropped("batch_items"), "batch_items_repeated_on_sealed_batch")
async def _batch_items_resent(c: Any, r: Replay) -> None:
    handle = await maybe(c.batch.trigger(ITEMS))
    assert (handle.id, handle.run_count) == (BATCH, 2)
    assert r.attempts("dropped:batch_items") == 1


# the client streams items only to the batch it just created: these 422s are fed to that stream
@replays("batch_create", "batch_items_unknown_batch", expect={"batch_items_unknown_batch": Expect(answer_only=True)})
async def _batch_items_unknown(c: Any, r: Replay) -> None:
    error = await raises(BatchPartiallySentError, lambda: c.batch.trigger(ITEMS))
    assert (error.batch_ids, error.next_index) == ([BATCH], 0)
    assert isinstance(error.__cause__, UnprocessableEntityError)
    assert_status_error(error.__cause__, "batch_items_unknown_batch")


@replays(
    "batch_create_one",
    "batch_items_index_beyond_run_count",
    expect={"batch_items_index_beyond_run_count": Expect(answer_only=True)},
)
async def _batch_items_beyond(c: Any, r: Replay) -> None:
    error = await raises(BatchPartiallySentError, lambda: c.batch.trigger(ITEMS[:1]))
    assert error.batch_ids == [body("batch_create_one")["id"]]
    assert isinstance(error.__cause__, UnprocessableEntityError)
    assert_status_error(error.__cause__, "batch_items_index_beyond_run_count")


# the client splits at 1,000 items (tested in the rows): the 400 is fed to a create
@replays("batch_create_over_max_400", expect={"batch_create_over_max_400": Expect(answer_only=True)})
async def _batch_over_max(c: Any, r: Replay) -> None:
    error = await raises(BadRequestError, lambda: c.batch.trigger(ITEMS[:1]))
    assert_status_error(error, "batch_create_over_max_400")


KEYED_BATCH = body("batch_create_with_key")["id"]


@replays(
    "batch_create_with_key",
    with_ids("batch_items", {BATCH: KEYED_BATCH}),
    expect={f"batch_items[{KEYED_BATCH}]": Expect(answer_only=True)},
)
async def _batch_with_key(c: Any, r: Replay) -> None:
    handle = await maybe(c.batch.trigger(ITEMS[:1], idempotency_key=BATCH_KEY))
    assert (handle.id, handle.run_count, handle.is_cached) == (KEYED_BATCH, 1, False)


@replays("batch_create_repeated_key_422")
async def _batch_repeated_key(c: Any, r: Replay) -> None:
    error = await raises(BatchAlreadyExistsError, lambda: c.batch.trigger(ITEMS[:1], idempotency_key=BATCH_KEY))
    assert error.status_code == 422
    assert error.body == body("batch_create_repeated_key_422")
    # O5: the batch may have been made by this very call (an attempt whose answer was lost)
    assert error.may_have_succeeded is True


@replays("batch_retrieve_v2")
async def _batch_retrieve(c: Any, r: Replay) -> None:
    batch = await maybe(c.batch.retrieve(BATCH))
    assert (batch.id, str(batch.status), batch.run_count) == (BATCH, "COMPLETED", 2)
    assert list(batch.runs) == body("batch_retrieve_v2")["runs"]


BATCH_RUNS = body("batch_retrieve_v2")["runs"]


@replays("batch_retrieve_v2", retrieve_as(BATCH_RUNS[0]), retrieve_as(BATCH_RUNS[1]), variant="batch.results")
async def _batch_results(c: Any, r: Replay) -> None:
    results = await maybe(c.batch.results(BATCH))  # O15: from the runs, never /api/v1/batches/{id}/results
    assert [(x.id, x.ok, x.output) for x in results] == [(run, True, {"ok": True, "n": 1}) for run in BATCH_RUNS]


@replays(
    "batch_create",
    "batch_items",
    "batch_retrieve_v2",
    retrieve_as(BATCH_RUNS[0]),
    retrieve_as(BATCH_RUNS[1]),
    variant="handle.results",
)
async def _batch_handle_results(c: Any, r: Replay) -> None:
    handle = await maybe(c.batch.trigger(ITEMS))
    results = await maybe(handle.results(timeout=5))
    assert [(x.id, x.ok) for x in results] == [(run, True) for run in BATCH_RUNS]


# the client reads batches at v2; the v1 404 (x-should-retry: true) is fed to its retrieve
@replays(
    "batch_retrieve_missing_404",
    expect={"batch_retrieve_missing_404": Expect(answer_only=True)},
    attempts={"batch_retrieve_missing_404": 5},
)
async def _batch_retrieve_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.batch.retrieve("batch_doesnotexist0000000000"))
    assert_status_error(error, "batch_retrieve_missing_404")


# ------------------------------------------------------------------------------------------ env vars


@replays("envvar_create")
async def _envvar_create(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.create(ENV_VAR, "one", env="dev"))).success is True


@replays("envvars_list")
async def _envvars_list(c: Any, r: Replay) -> None:
    variables = await maybe(c.envvars.list(env="dev"))
    assert [(v.name, v.value) for v in variables] == [(ENV_VAR, "one")]


@replays(refuses=("envvars_other_environment_slug",))
async def _envvars_other_env(c: Any, r: Replay) -> None:
    # W11: the server would silently answer with the key's own environment
    await raises(ConfigurationError, lambda: c.envvars.list(env="prod"))


@replays("envvar_create_existing_overwrites")
async def _envvar_overwrite(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.create(ENV_VAR, "two", env="dev"))).success is True  # O9: overwritten


@replays("envvar_retrieve")
async def _envvar_retrieve(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.retrieve(ENV_VAR, env="dev"))).value == "two"


@replays("envvar_update")
async def _envvar_update(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.update(ENV_VAR, "three", env="dev"))).success is True


@replays("envvar_retrieve_after_update")
async def _envvar_retrieve_updated(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.retrieve(ENV_VAR, env="dev"))).value == "three"


@replays("envvar_import_conflict_400")
async def _envvar_import_conflict(c: Any, r: Replay) -> None:
    variables = {ENV_VAR: "four", OTHER_VAR: "x"}
    error = await raises(BadRequestError, lambda: c.envvars.upload(variables, env="dev", override=False))
    assert_status_error(error, "envvar_import_conflict_400")
    assert error.body["variableErrors"][0]["key"] == ENV_VAR


@replays("envvar_retrieve_after_refused_import")
async def _envvar_after_refused(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.envvars.retrieve(OTHER_VAR, env="dev"))
    assert_status_error(error, "envvar_retrieve_after_refused_import")


@replays("envvar_import_override")
async def _envvar_import_override(c: Any, r: Replay) -> None:
    variables = {ENV_VAR: "five", OTHER_VAR: "y", EMPTY_VAR: ""}
    assert (await maybe(c.envvars.upload(variables, env="dev", override=True))).success is True


@replays("envvar_retrieve_imported")
async def _envvar_retrieve_imported(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.retrieve(ENV_VAR, env="dev"))).value == "five"


@replays("envvar_retrieve_empty_dropped")
async def _envvar_empty_dropped(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.envvars.retrieve(EMPTY_VAR, env="dev"))
    assert_status_error(error, "envvar_retrieve_empty_dropped")


@replays(refuses=("envvar_import_bad_body_400",))
async def _envvar_import_bad_body(c: Any, r: Replay) -> None:
    await raises(InvalidInputError, lambda: c.envvars.upload("nope", env="dev"))


@replays("envvar_delete")
async def _envvar_delete(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.delete(ENV_VAR, env="dev"))).success is True


@replays("envvar_retrieve_deleted_404")
async def _envvar_retrieve_deleted(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.envvars.retrieve(ENV_VAR, env="dev"))
    assert_status_error(error, "envvar_retrieve_deleted_404")


@replays("envvar_delete_missing")
async def _envvar_delete_missing(c: Any, r: Replay) -> None:
    assert_status_error(
        await raises(NotFoundError, lambda: c.envvars.delete(ENV_VAR, env="dev")), "envvar_delete_missing"
    )


@replays("envvar_delete_other")
async def _envvar_delete_other(c: Any, r: Replay) -> None:
    assert (await maybe(c.envvars.delete(OTHER_VAR, env="dev"))).success is True


@replays(refuses=("envvars_unknown_slug",))
async def _envvars_unknown_slug(c: Any, r: Replay) -> None:
    await raises(InvalidInputError, lambda: c.envvars.list(env="nope"))  # O9: the server would answer 200 []


@replays("envvars_unknown_project_400")
async def _envvars_unknown_project(c: Any, r: Replay) -> None:
    error = await raises(
        BadRequestError, lambda: c.envvars.list(env="dev", project_ref=path_id("envvars_unknown_project_400"))
    )
    assert_status_error(error, "envvars_unknown_project_400")


# ----------------------------------------------------------------------------------------- schedules

SCHEDULE_ARGS: dict[str, Any] = {"task": "st-cron", "cron": "0 0 * * *", "external_id": "st", "timezone": "UTC"}


@replays("schedule_create")
async def _schedule_create(c: Any, r: Replay) -> None:
    key = RECORDED["schedule_create"]["request"]["body"]["deduplicationKey"]
    schedule = await maybe(c.schedules.create(deduplication_key=key, **SCHEDULE_ARGS))
    assert (schedule.id, schedule.active, schedule.generator.expression) == (SCHEDULE, True, "0 0 * * *")


@replays("schedule_create_same_dedup_key")
async def _schedule_create_again(c: Any, r: Replay) -> None:
    key = RECORDED["schedule_create"]["request"]["body"]["deduplicationKey"]
    assert (await maybe(c.schedules.create(deduplication_key=key, **SCHEDULE_ARGS))).id == SCHEDULE


@replays(refuses=("schedule_create_without_dedup_key_400",))
async def _schedule_without_dedup(c: Any, r: Replay) -> None:
    with pytest.raises(TypeError, match="deduplication_key"):
        c.schedules.create(task="st-cron", cron="0 0 * * *")


@replays("schedule_create_not_a_scheduled_task_422")
async def _schedule_not_scheduled(c: Any, r: Replay) -> None:
    key = RECORDED["schedule_create_not_a_scheduled_task_422"]["request"]["body"]["deduplicationKey"]

    def call() -> Any:
        return c.schedules.create(deduplication_key=key, **{**SCHEDULE_ARGS, "task": "st-echo"})

    assert_status_error(await raises(UnprocessableEntityError, call), "schedule_create_not_a_scheduled_task_422")


@replays(refuses=("schedule_create_bad_cron",))
async def _schedule_bad_cron(c: Any, r: Replay) -> None:
    await raises(InvalidInputError, lambda: c.schedules.create(deduplication_key="k", **{**SCHEDULE_ARGS, "cron": "x"}))


@replays("schedule_list")
async def _schedule_list(c: Any, r: Replay) -> None:
    schedules = await collect(c.schedules.list(per_page=2))
    assert [(s.id, s.task, s.active) for s in schedules] == [(SCHEDULE, "st-cron", True)]


@replays("schedule_retrieve")
async def _schedule_retrieve(c: Any, r: Replay) -> None:
    schedule = await maybe(c.schedules.retrieve(SCHEDULE))
    assert (schedule.id, schedule.timezone, schedule.external_id) == (SCHEDULE, "UTC", "st")


@replays("schedule_update")
async def _schedule_update(c: Any, r: Replay) -> None:
    call = c.schedules.update(SCHEDULE, task="st-cron", cron="0 1 * * *", timezone="Europe/Paris")
    schedule = await maybe(call)
    assert (schedule.generator.expression, schedule.timezone) == ("0 1 * * *", "Europe/Paris")


@replays("schedule_deactivate")
async def _schedule_deactivate(c: Any, r: Replay) -> None:
    assert (await maybe(c.schedules.deactivate(SCHEDULE))).active is False


@replays("schedule_activate")
async def _schedule_activate(c: Any, r: Replay) -> None:
    assert (await maybe(c.schedules.activate(SCHEDULE))).active is True


@replays("schedule_delete")
async def _schedule_delete(c: Any, r: Replay) -> None:
    assert (await maybe(c.schedules.delete(SCHEDULE))).id == SCHEDULE


@replays("schedule_retrieve_deleted")
async def _schedule_retrieve_deleted(c: Any, r: Replay) -> None:
    assert_status_error(
        await raises(NotFoundError, lambda: c.schedules.retrieve(SCHEDULE)), "schedule_retrieve_deleted"
    )


@replays("schedule_retrieve_missing")
async def _schedule_retrieve_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.schedules.retrieve(path_id("schedule_retrieve_missing")))
    assert_status_error(error, "schedule_retrieve_missing")


# ---------------------------------------------------------------------------------------- waitpoints


@replays("token_create")
async def _token_create(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.create_token(timeout="1h", tags=["st"]))
    assert (token.id, token.url, token.status, token.is_cached) == (
        TOKEN,
        body("token_create")["url"],
        "WAITING",
        False,
    )
    assert token.public_access_token == header("token_create", "x-trigger-jwt")


@replays("token_create_with_key")
async def _token_create_with_key(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.create_token(idempotency_key=WP_KEY, tags=[WP_KEY]))
    assert (token.id, token.is_cached) == (body("token_create_with_key")["id"], False)


@replays("token_create_repeated_key")
async def _token_create_repeated_key(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.create_token(idempotency_key=WP_KEY, tags=[WP_KEY]))
    assert (token.id, token.is_cached) == (body("token_create_with_key")["id"], True)  # O6


@replays("token_create_request_key")
async def _token_create_request_key(c: Any, r: Replay) -> None:
    assert (await maybe(c.waitpoints.create_token(timeout="1h"))).id == body("token_create_request_key")["id"]


@replays("token_create_request_key_repeated")
async def _token_create_request_key_repeated(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.create_token(timeout="1h"))
    assert token.id == body("token_create_request_key_repeated")["id"]


@replays("token_retrieve")
async def _token_retrieve(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.retrieve_token(TOKEN))
    assert (token.id, token.status, token.output, token.output_is_error) == (TOKEN, "WAITING", None, False)


@replays("token_retrieve_missing", attempts={"token_retrieve_missing": 5})
async def _token_retrieve_missing(c: Any, r: Replay) -> None:
    # O8: an unmapped "Waitpoint not found" is a 500: a read, so retried, then a 5xx error
    error = await raises(InternalServerError, lambda: c.waitpoints.retrieve_token(path_id("token_retrieve_missing", 5)))
    assert_status_error(error, "token_retrieve_missing")


@replays("token_complete")
async def _token_complete(c: Any, r: Replay) -> None:
    assert (await maybe(c.waitpoints.complete_token(TOKEN, {"ok": True}))).success is True


@replays("token_complete_repeated")
async def _token_complete_repeated(c: Any, r: Replay) -> None:
    assert (await maybe(c.waitpoints.complete_token(TOKEN, {"ok": 2}))).success is True  # O16: again


@replays("token_retrieve_completed")
async def _token_retrieve_completed(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.retrieve_token(TOKEN))
    assert (token.status, token.output) == ("COMPLETED", {"ok": True})  # O16: superjson output, decoded


@replays("token_complete_missing")
async def _token_complete_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.waitpoints.complete_token(path_id("token_complete_missing", 5)))
    assert_status_error(error, "token_complete_missing")


@replays("token_list")
async def _token_list(c: Any, r: Replay) -> None:
    tokens = await collect(c.waitpoints.list_tokens(page_size=2, limit=2))
    assert [t.id for t in tokens] == [t["id"] for t in body("token_list")["data"]]
    assert {t.status for t in tokens} == {"WAITING"}


@replays("token_list_by_tag")
async def _token_list_by_tag(c: Any, r: Replay) -> None:
    tokens = await collect(c.waitpoints.list_tokens(tags=WP_KEY))
    assert [t.id for t in tokens] == [body("token_create_with_key")["id"]]


@replays("token_create_for_callback")
async def _token_create_for_callback(c: Any, r: Replay) -> None:
    assert (await maybe(c.waitpoints.create_token())).url == CALLBACK_TOKEN_URL


@replays("token_callback_complete")
async def _token_callback_complete(c: Any, r: Replay) -> None:
    assert (await maybe(c.waitpoints.complete_token_by_url(CALLBACK_TOKEN_URL, {"via": "callback"}))).success is True


@replays("token_retrieve_after_callback")
async def _token_after_callback(c: Any, r: Replay) -> None:
    token = await maybe(c.waitpoints.retrieve_token(body("token_create_for_callback")["id"]))
    assert (token.status, token.output) == ("COMPLETED", {"via": "callback"})


@replays("token_callback_wrong_hash")
async def _token_callback_wrong_hash(c: Any, r: Replay) -> None:
    url = "http://127.0.0.1:3030" + RECORDED["token_callback_wrong_hash"]["request"]["path"]
    error = await raises(AuthenticationError, lambda: c.waitpoints.complete_token_by_url(url, {}))
    assert_status_error(error, "token_callback_wrong_hash")


# ------------------------------------------------------------------------------------------ platform


@replays("queues_list")
async def _queues_list(c: Any, r: Replay) -> None:
    queues = await collect(c.queues.list(per_page=2, limit=2))
    assert [q.name for q in queues] == ["st-crash", "st-cron"]


@replays("queue_retrieve_by_task")
async def _queue_by_task(c: Any, r: Replay) -> None:
    queue = await maybe(c.queues.retrieve(QueueRef.task("st-cron")))
    assert (queue.id, queue.name, queue.paused) == (body("queue_retrieve_by_task")["id"], "st-cron", False)


# the client always names the identifier's type; `id` is the server's default, which the scenario left out
@replays("queue_retrieve_by_id", expect={"queue_retrieve_by_id": Expect(query={"type": "id"})})
async def _queue_by_id(c: Any, r: Replay) -> None:
    queue_id = body("queue_retrieve_by_id")["id"]
    assert (await maybe(c.queues.retrieve(queue_id))).name == "st-crash"


@replays("queue_retrieve_missing")
async def _queue_missing(c: Any, r: Replay) -> None:
    error = await raises(NotFoundError, lambda: c.queues.retrieve(QueueRef.task("no-such-task")))
    assert_status_error(error, "queue_retrieve_missing")


# the route reads `type` from the body (its schema); the scenario also sent it as a query
@replays("queue_pause", expect={"queue_pause": Expect(query={})})
async def _queue_pause(c: Any, r: Replay) -> None:
    assert (await maybe(c.queues.pause(QueueRef.task("st-cron")))).paused is True


@replays("queue_resume", expect={"queue_resume": Expect(query={})})
async def _queue_resume(c: Any, r: Replay) -> None:
    assert (await maybe(c.queues.resume(QueueRef.task("st-cron")))).paused is False


@replays("queue_concurrency_override")
async def _queue_override(c: Any, r: Replay) -> None:
    queue = await maybe(c.queues.override_concurrency_limit(QueueRef.task("st-cron"), 3))
    assert queue.concurrency_limit == 3


@replays("queue_concurrency_reset")
async def _queue_reset(c: Any, r: Replay) -> None:
    assert (await maybe(c.queues.reset_concurrency_limit(QueueRef.task("st-cron")))).concurrency_limit is None


@replays("deployments_list")
async def _deployments_list(c: Any, r: Replay) -> None:
    assert await collect(c.deployments.list(page_size=5)) == []


@replays(refuses=("deployments_list_bad_period",))
async def _deployments_bad_period(c: Any, r: Replay) -> None:
    await raises(InvalidInputError, lambda: c.deployments.list(period="soon"))  # W8: the server would answer 500


@replays("deployments_latest")
async def _deployments_latest(c: Any, r: Replay) -> None:
    assert_status_error(await raises(NotFoundError, lambda: c.deployments.latest()), "deployments_latest")


@replays("timezones")
async def _timezones(c: Any, r: Replay) -> None:
    zones = await maybe(c.schedules.timezones())
    assert zones == body("timezones")["timezones"]
    assert zones[0] == "UTC"


# excludeUtc=false is the server's default, which the client leaves out
@replays("timezones_with_utc", expect={"timezones_with_utc": Expect(query={})})
async def _timezones_with_utc(c: Any, r: Replay) -> None:
    assert await maybe(c.schedules.timezones(exclude_utc=False)) == body("timezones_with_utc")["timezones"]


# ------------------------------------------------------------------------------------------ realtime


@replays("trigger_for_realtime")
async def _trigger_for_realtime(c: Any, r: Replay) -> None:
    handle = await maybe(c.tasks.trigger("st-slow", {"seconds": 3}))
    assert (handle.id, handle.public_access_token) == (REALTIME_RUN, PUBLIC_TOKEN)


def feed_query(name: str, **ours: str) -> Expect:
    """The recorded feed query plus the Electric parameters our client adds (log=full; the live
    request's cursor, empty until a live answer names one)."""
    return Expect(query={**RECORDED[name]["request"]["query"], "log": "full", **ours})


@replays(
    "realtime_run_first",
    "realtime_run_live",
    expect={
        "realtime_run_first": feed_query("realtime_run_first"),
        "realtime_run_live": feed_query("realtime_run_live", cursor=""),
    },
)
async def _realtime_first_and_live(c: Any, r: Replay) -> None:
    runs = await collect(c.runs.subscribe(REALTIME_RUN), limit=2)
    # O18: raw rows (PENDING, numbers as strings, no Z), read as runs in the REST vocabulary
    assert [run.id for run in runs] == [REALTIME_RUN, REALTIME_RUN]
    assert [run.status for run in runs] == ["QUEUED", "EXECUTING"]  # the row's PENDING, as REST names it
    assert runs[0].payload == {"seconds": 3}
    assert runs[1].started_at is not None


@replays("realtime_run_completed", expect={"realtime_run_completed": feed_query("realtime_run_completed")})
async def _realtime_completed(c: Any, r: Replay) -> None:
    runs = await collect(c.runs.subscribe(REALTIME_RUN))  # ends by itself after a finished run
    assert [(run.status, run.output, run.is_success) for run in runs] == [("COMPLETED", {"slept": 3}, True)]


@replays(
    "realtime_run_with_public_token",
    key=PUBLIC_TOKEN,
    expect={"realtime_run_with_public_token": feed_query("realtime_run_with_public_token")},
)
async def _realtime_public_token(c: Any, r: Replay) -> None:
    runs = await collect(c.runs.subscribe(REALTIME_RUN))
    assert [(run.id, run.status) for run in runs] == [(REALTIME_RUN, "COMPLETED")]


@replays("retrieve_with_public_token", key=PUBLIC_TOKEN)
async def _retrieve_public_token(c: Any, r: Replay) -> None:
    run = await maybe(c.runs.retrieve(REALTIME_RUN))
    assert (run.status, run.output) == ("COMPLETED", {"slept": 3})  # O13: plain JSON on REST


@replays("realtime_run_missing_404", expect={"realtime_run_missing_404": feed_query("realtime_run_missing_404")})
async def _realtime_missing(c: Any, r: Replay) -> None:
    with pytest.raises(NotFoundError) as info:
        await collect(c.runs.subscribe(MISSING_RUN))
    assert_status_error(info.value, "realtime_run_missing_404")


@replays("trigger_streaming")
async def _trigger_streaming(c: Any, r: Replay) -> None:
    assert (await maybe(c.tasks.trigger("st-stream", {"count": 3}))).id == STREAM_RUN


CHUNKS = [{"i": i, "text": f"chunk-{i}"} for i in range(3)]


@replays("stream_read")
async def _stream_read(c: Any, r: Replay) -> None:
    chunks = await collect(c.runs.stream(STREAM_RUN, "chunks", idle_timeout=2))
    assert [chunk.data for chunk in chunks] == CHUNKS  # O19: one SSE event per chunk
    assert [chunk.event_id for chunk in chunks] == ["1796043862028-0", "1796043862028-1", "1796043862339-0"]


@replays("stream_resume")
async def _stream_resume(c: Any, r: Replay) -> None:
    call = c.runs.stream(STREAM_RUN, "chunks", idle_timeout=2, last_event_id="1796043862028-0")
    assert [chunk.data for chunk in await collect(call)] == CHUNKS[1:]


@replays("stream_unknown_key")
async def _stream_unknown_key(c: Any, r: Replay) -> None:
    assert await collect(c.runs.stream(STREAM_RUN, "nope", idle_timeout=2)) == []


# ------------------------------------------------------------------------- what the client never sends

NOT_SENT: dict[str, str] = {
    "result_completed": "runs.result reads the run (GET /api/v3/runs): the result route answers 404 for v4 runs (O15)",
    "result_missing": "runs.result reads the run, never the result route (O15)",
    "result_failed": "runs.result reads the run, never the result route (O15)",
    "result_canceled": "runs.result reads the run, never the result route (O15)",
    "batch_results": "batch results are read from the runs; the v1 results route answers items: [] (O15)",
    "batch_retrieve": "the client reads batches at /api/v2/batches (the v1 route answers the same ids and counts)",
    "batch_trigger_v2": "the client batches with the two-phase /api/v3/batches API, never /api/v2/tasks/batch",
    "batch_create_header_key": (
        "the client sends a batch key in the body only; the idempotency-key header dedupes nothing (O4)"
    ),
    "batch_create_header_key_repeated": "as batch_create_header_key",
}

# case id -> (why the client still fails it, a text its failure must contain). The case asserts the right
# behaviour; the entry keeps the suite green until the client is fixed, and fails once it is.
KNOWN_CLIENT_BUGS: dict[str, tuple[str, str]] = {}


# -------------------------------------------------------------------------------------------- tests


def _problems(case: Case, mode: str) -> list[str]:
    replay = Replay(list(case.script))

    async def run() -> None:
        client = make_client(mode, replay, key=case.key)
        try:
            await case.body(client, replay)
        finally:
            await maybe(client.close())

    found: list[str] = []
    try:
        asyncio.run(run())
    except Exception as exc:  # an assertion of the case, or an error the client should not have raised
        found.append(f"{type(exc).__name__}: {exc}")
    if case.refuses and replay.sent:
        found.append(f"refused input reached the network: {[s.request.url.path for s in replay.sent]}")
    if replay.unplayed():
        found.append(f"recorded exchanges never requested: {replay.unplayed()}")
    for name in {s.exchange["name"] for s in replay.sent}:
        expected = case.attempts.get(name, 1)
        if replay.attempts(name) != expected:
            found.append(f"{name}: sent {replay.attempts(name)} times, expected {expected}")
    for sent in replay.sent:
        if sent.attempt > 1:
            continue
        expect = case.expect.get(sent.exchange["name"], Expect())
        for line in request_differences(sent.request, sent.exchange, expect, case.key):
            found.append(f"{sent.exchange['name']} request: {line}")
    return found


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_client_reads_the_recorded_answer(case: Case, mode: str) -> None:
    problems = _problems(case, mode)
    known = KNOWN_CLIENT_BUGS.get(case.id)
    if known is None:
        assert not problems, f"{case.id} ({mode}):\n  " + "\n  ".join(problems)
    else:
        reason, marker = known
        assert problems, f"{case.id} ({mode}) passes now: delete its KNOWN_CLIENT_BUGS entry ({reason})"
        assert any(marker in line for line in problems), f"{case.id} ({mode}) fails otherwise now: {problems}"


def test_every_recorded_exchange_is_accounted_for() -> None:
    covered = set().union(*(case.covers for case in CASES))
    assert not covered & set(NOT_SENT), "an exchange is both replayed and listed as never sent"
    missing = set(RECORDED) - covered - set(NOT_SENT)
    assert not missing, f"recorded exchanges no case replays and NOT_SENT does not explain: {sorted(missing)}"
    assert set(NOT_SENT) <= set(RECORDED)


def test_the_known_bugs_name_cases() -> None:
    assert set(KNOWN_CLIENT_BUGS) <= {case.id for case in CASES}


def test_the_replay_would_catch_a_wrong_request() -> None:
    """The request check can fail: another path, a lost body key and a foreign key are each reported."""
    trigger = RECORDED["trigger"]
    wrong = httpx.Request(
        "POST",
        "https://x.test/api/v1/tasks/other/trigger",
        headers={"authorization": f"Bearer {KEY}", "content-type": "application/json"},
        json={"payload": {"n": 2}, "options": {"tags": ["st"], "surprise": 1}},
    )
    found = request_differences(wrong, trigger, Expect(), KEY)
    assert any(line.startswith("path:") for line in found)
    assert any("body.payload" in line for line in found)
    assert any("body.options.metadata: recorded, not sent" in line for line in found)
    assert any("surprise" in line for line in found)
    assert any("x-trigger-api-version" in line for line in found)
