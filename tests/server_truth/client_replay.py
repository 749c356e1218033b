"""Our client against the real server's recorded answers: a MockTransport that plays them back.

A case names the recorded exchanges its facade call should produce, in order. `Replay` answers each
request with the next recorded response (status, headers, body exactly as recorded; the recordings
hold the server's own ids, so nothing needs un-normalising except where a case says so with
`with_ids`) and keeps what the client sent. A retry of the same request after an answer that invites
one (x-should-retry: true, 5xx, 408/409/429) gets the same recorded answer again, as the server would
give it. Afterwards `request_differences` holds every request next to the recorded one.

What "the same request" means here (the client is ours, the scenario used plain httpx):
- method, path and query are equal (a case may say which path or query its call sends instead);
- every header the scenario sent is sent (our own x-trigger-request-idempotency-key is a fresh UUID;
  a user-level `idempotency-key` header is sent by our client, as by the SDK, in the body instead);
- every JSON body key the scenario sent is sent with the same value, where a payload travels as
  superjson text (compared decoded) and an idempotency key may be its SHA-256 (as the SDK hashes
  it); keys the scenario did not send are allowed only when they are ours (OUR_BODY_KEYS);
- a trigger or waitpoint-token create the caller gave no key carries our automatic one (the server
  dedupes only by a user-level key, O6), hashed from its material and kept one hour.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
import uuid
from collections.abc import AsyncIterable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from trigger_facade import AsyncTriggerClient, TriggerClient, superjson
from trigger_facade.errors import APIStatusError
from trigger_facade.idempotency_keys import AUTOMATIC_PREFIX, AUTOMATIC_TTL
from trigger_facade.testing import FakeClock

from .recordings import by_name

RECORDED: dict[str, dict[str, Any]] = by_name()
KEY = "tr_dev_replayreplayreplay01"  # stands in for the redacted tr_dev_ key of the recordings
BASE_URL = "https://trigger.replay.test"
PROJECT = "proj_rrkpdguyagvsoktglnod"  # the recordings' project
SUPERJSON = "application/super+json"

# body keys our client sends that the scenario's plain requests did not: payload encoding (the SDK's
# payloadType/payloadSize), the automatic idempotency key (checked below), create-batch's task list,
# an env var's explicit isSecret, a waitpoint completion's explicit data
OUR_BODY_KEYS = frozenset(
    {
        "payloadType",
        "payloadSize",
        "idempotencyKey",
        "idempotencyKeyTTL",
        "idempotencyKeyOptions",
        "taskIdentifiers",
        "isSecret",
        "data",
        "options",
    }
)


def recorded_response(exchange: dict[str, Any]) -> httpx.Response:
    """The recorded answer as httpx gives it: status, headers and body bytes."""
    answer = exchange["response"]
    body = answer["body"]
    if body is None:
        content = b""
    elif isinstance(body, str):
        content = body.encode()
    else:
        content = json.dumps(body).encode()
    return httpx.Response(answer["status"], headers=answer["headers"], content=content)


def with_ids(name: str, replacements: dict[str, str]) -> dict[str, Any]:
    """A recorded exchange with some of its ids replaced (a recorded answer shape standing in for an
    answer to another id of the same scenario run, which the scenario did not fetch itself)."""
    text = json.dumps(RECORDED[name])
    for old, new in replacements.items():
        text = text.replace(old, new)
    exchange: dict[str, Any] = json.loads(text)
    exchange["name"] = f"{name}[{','.join(replacements.values())}]"
    return exchange


def dropped(name: str) -> dict[str, Any]:
    """A request of exchange `name` whose answer is lost (the connection drops after it was sent): the
    server may have acted, as the recording's next exchange shows."""
    return {**RECORDED[name], "name": f"dropped:{name}", "dropped": True}


def _invites_retry(response: httpx.Response) -> bool:
    verdict = response.headers.get("x-should-retry")
    if verdict is not None:
        return bool(verdict == "true")
    return response.status_code in (408, 409, 429) or response.status_code >= 500


@dataclass
class Sent:
    exchange: dict[str, Any]
    request: httpx.Request
    attempt: int  # 1 for the first sending, 2.. for the client's retries of it


@dataclass
class Replay:
    """The MockTransport handler playing back `script` (exchanges, in the order the call should send them)."""

    script: list[dict[str, Any]]
    sent: list[Sent] = field(default_factory=list)
    position: int = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        last = self.sent[-1] if self.sent else None
        if last is not None and not last.exchange.get("dropped") and _same_request(last.request, request):
            previous = recorded_response(last.exchange)
            if _invites_retry(previous):
                self.sent.append(Sent(last.exchange, request, last.attempt + 1))
                return previous
        if self.position >= len(self.script):
            names = [s["name"] for s in self.script]
            raise AssertionError(f"the client sent {request.method} {request.url.path} after the script {names}")
        exchange = self.script[self.position]
        self.position += 1
        self.sent.append(Sent(exchange, request, 1))
        if exchange.get("dropped"):
            raise httpx.RemoteProtocolError("the connection closed before the answer (dropped)", request=request)
        return recorded_response(exchange)

    def attempts(self, name: str) -> int:
        return sum(1 for s in self.sent if s.exchange["name"] == name)

    def unplayed(self) -> list[str]:
        return [exchange["name"] for exchange in self.script[self.position :]]


def _same_request(a: httpx.Request, b: httpx.Request) -> bool:
    return a.method == b.method and a.url == b.url and a.content == b.content


def make_client(mode: str, replay: Replay, *, key: str = KEY) -> Any:
    """A TriggerClient ("sync") or AsyncTriggerClient ("async") whose network is `replay`."""
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(
        secret_key=key,
        base_url=BASE_URL,
        project_ref=PROJECT,
        transport=httpx.MockTransport(replay),
        clock=FakeClock(),
        environ={},
    )


async def maybe(value: Any) -> Any:
    """`value`, awaited when the async client handed back an awaitable: one case body serves both clients."""
    if inspect.isawaitable(value):
        return await value
    return value


async def collect(items: Iterable[Any] | AsyncIterable[Any], limit: int | None = None) -> list[Any]:
    """Up to `limit` items of a sync or async iterable (a paginator, a feed, a stream); the iteration
    is closed after the last one taken, as a caller breaking out of its loop closes it."""
    out: list[Any] = []
    if isinstance(items, AsyncIterable):
        iterator = aiter(items)
        try:
            while limit is None or len(out) < limit:
                try:
                    out.append(await anext(iterator))
                except StopAsyncIteration:
                    break
        finally:
            close = getattr(iterator, "aclose", None)
            if close is not None:
                await close()
        return out
    sync_iterator = iter(items)
    try:
        while limit is None or len(out) < limit:
            try:
                out.append(next(sync_iterator))
            except StopIteration:
                break
    finally:
        close_sync = getattr(sync_iterator, "close", None)
        if close_sync is not None:
            close_sync()
    return out


# ------------------------------------------------------------------------------- request comparison


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Expect:
    """How one sent request is held against its recorded one. `path`/`query` replace the recorded
    ones where the client sends another (said why in the case); `answer_only` compares the method
    alone (the recorded answer is fed to the nearest call the client makes, to check its reading)."""

    path: str | None = None
    query: dict[str, str] | None = None
    answer_only: bool = False
    body: Callable[[Any, Any], list[str]] | None = None


def request_differences(sent: httpx.Request, exchange: dict[str, Any], expect: Expect, client_key: str) -> list[str]:
    recorded = exchange["request"]
    found: list[str] = []
    if sent.method != recorded["method"]:
        found.append(f"method: recorded {recorded['method']}, sent {sent.method}")
    if expect.answer_only:
        return found
    path = expect.path if expect.path is not None else recorded["path"]
    if sent.url.path != path:
        found.append(f"path: expected {path}, sent {sent.url.path}")
    query = expect.query if expect.query is not None else recorded["query"]
    if dict(sent.url.params) != query:
        found.append(f"query: expected {query}, sent {dict(sent.url.params)}")
    body = _sent_body(sent)
    found += _header_differences(sent, recorded["headers"], body, client_key)
    found += _missing_automatic_key(sent, recorded, body)
    if expect.body is not None:
        found += expect.body(recorded["body"], body)
    elif isinstance(recorded["body"], str) and sent.headers.get("content-type", "").startswith("application/x-ndjson"):
        found += ndjson_differences(recorded["body"], body)
    else:
        # a user-level key the scenario sent as a header travels in our body (checked with the headers)
        found += json_differences(recorded["body"], body, caller_key="idempotency-key" in recorded["headers"])
    return found


# writes the server dedupes only by a user-level key (O6): without the caller's, ours must go along
_KEYED_WRITES = {
    "trigger": re.compile(r"/api/v1/tasks/[^/]+/trigger"),
    "token": re.compile(r"/api/v1/waitpoints/tokens"),
}


def _missing_automatic_key(sent: httpx.Request, recorded: dict[str, Any], body: Any) -> list[str]:
    if sent.method != "POST" or not isinstance(body, dict):
        return []
    if _KEYED_WRITES["trigger"].fullmatch(sent.url.path):
        holder = body.get("options") or {}
    elif _KEYED_WRITES["token"].fullmatch(sent.url.path):
        holder = body
    else:
        return []
    if "idempotencyKey" in holder:
        return []
    return [f"{sent.url.path}: sent without an idempotency key (the caller gave none, so ours must go)"]


def _sent_body(sent: httpx.Request) -> Any:
    if not sent.content:
        return None
    if sent.headers.get("content-type", "").startswith("application/json"):
        return json.loads(sent.content)
    return sent.content.decode()


def _header_differences(sent: httpx.Request, recorded: dict[str, str], body: Any, client_key: str) -> list[str]:
    found = []
    for name, value in recorded.items():
        mine = sent.headers.get(name)
        if name == "authorization":
            if mine != f"Bearer {client_key}":
                found.append("header authorization: the client's own key was not sent")
        elif name == "x-trigger-request-idempotency-key":
            if mine is None or not _is_uuid(mine):
                found.append(f"header {name}: expected our own UUID, sent {mine!r}")
        elif name == "idempotency-key":
            # the SDK and our client send a user-level key in the body, hashed
            options = body.get("options", {}) if isinstance(body, dict) else {}
            if options.get("idempotencyKey") != sha256(value):
                found.append(f"idempotency-key {value!r}: not sent as options.idempotencyKey (hashed)")
        elif name == "content-type":
            if mine is None or mine.split(";")[0] != value.split(";")[0]:
                found.append(f"header content-type: recorded {value}, sent {mine}")
        elif mine != value:
            found.append(f"header {name}: recorded {value!r}, sent {mine!r}")
    if "authorization" not in recorded and "authorization" in sent.headers:
        found.append("header authorization: sent where the scenario sent none")
    return found


def json_differences(recorded: Any, sent: Any, where: str = "body", *, caller_key: bool = False) -> list[str]:
    if recorded is None:
        return (
            []
            if sent is None or (isinstance(sent, dict) and set(sent) <= OUR_BODY_KEYS)
            else [f"{where}: sent {sent!r}"]
        )
    if isinstance(recorded, dict):
        if not isinstance(sent, dict):
            return [f"{where}: recorded an object, sent {sent!r}"]
        found = []
        for key, value in recorded.items():
            if key not in sent:
                found.append(f"{where}.{key}: recorded, not sent")
            elif key == "payload":
                found += _payload_differences(value, sent, f"{where}.payload")
            elif key == "idempotencyKey":
                if sent[key] not in (value, sha256(value)):
                    found.append(f"{where}.idempotencyKey: {sent[key]!r} is neither {value!r} nor its SHA-256")
            else:
                found += json_differences(value, sent[key], f"{where}.{key}", caller_key=caller_key)
        extra = set(sent) - set(recorded) - OUR_BODY_KEYS
        if isinstance(sent.get("options"), dict) and "options" not in recorded:
            found += json_differences({}, sent["options"], f"{where}.options", caller_key=caller_key)
        if extra:
            found.append(f"{where}: sent keys the scenario did not: {sorted(extra)}")
        if "idempotencyKey" in sent and "idempotencyKey" not in recorded and not caller_key:
            found += automatic_key_differences(sent, where)
        return found
    return [] if recorded == sent else [f"{where}: recorded {recorded!r}, sent {sent!r}"]


def _payload_differences(recorded: Any, container: dict[str, Any], where: str) -> list[str]:
    """A payload the scenario sent as plain JSON; ours goes as the SDK sends it (superjson text)."""
    sent = container["payload"]
    kind = (container.get("options") or {}).get("payloadType", "application/json")
    value = superjson.parse(sent) if kind == SUPERJSON and isinstance(sent, str) else sent
    return [] if value == recorded else [f"{where}: recorded {recorded!r}, sent {value!r} ({kind})"]


def automatic_key_differences(sent: dict[str, Any], where: str) -> list[str]:
    """A key the caller did not give is our automatic one (material shown in idempotencyKeyOptions for a
    trigger, sent as it is to a waitpoint token), kept one hour."""
    key = sent["idempotencyKey"]
    options = sent.get("idempotencyKeyOptions")
    material = options.get("key") if isinstance(options, dict) else key
    found = []
    if not isinstance(material, str) or not material.startswith(AUTOMATIC_PREFIX):
        found.append(f"{where}.idempotencyKey: {key!r} was not given by the caller and is not our automatic key")
    elif options is not None and key != sha256(material):
        found.append(f"{where}.idempotencyKey: not the SHA-256 of its material {material!r}")
    if sent.get("idempotencyKeyTTL") != AUTOMATIC_TTL:
        found.append(f"{where}.idempotencyKeyTTL: {sent.get('idempotencyKeyTTL')!r}, expected {AUTOMATIC_TTL!r}")
    return found


def ndjson_differences(recorded: str, sent: Any) -> list[str]:
    """Batch items: line by line, each recorded line's keys sent (the payload as superjson text)."""
    if not isinstance(sent, str):
        return [f"items: sent {sent!r}, not NDJSON"]
    mine = [json.loads(line) for line in sent.splitlines() if line.strip()]
    theirs = [json.loads(line) for line in recorded.splitlines() if line.strip()]
    if len(mine) != len(theirs):
        return [f"items: recorded {len(theirs)} lines, sent {len(mine)}"]
    found = []
    for number, (recorded_line, sent_line) in enumerate(zip(theirs, mine, strict=True)):
        found += json_differences(recorded_line, sent_line, f"items[{number}]")
    return found


# ----------------------------------------------------------------------------------- answer checks


def status_error_differences(error: BaseException, exchange: dict[str, Any]) -> list[str]:
    """A recorded error answer as the typed error it must become: status, body, the server's words,
    and may_have_succeeded (True only where the server may have acted: 5xx, 408)."""
    answer = exchange["response"]
    if not isinstance(error, APIStatusError):
        return [f"{type(error).__name__}: {error} (expected an APIStatusError for {answer['status']})"]
    found = []
    if error.status_code != answer["status"]:
        found.append(f"status_code {error.status_code}, recorded {answer['status']}")
    if error.body != answer["body"]:
        found.append(f"body {error.body!r}, recorded {answer['body']!r}")
    words = answer["body"].get("error") if isinstance(answer["body"], dict) else None
    if isinstance(words, str) and words not in str(error):
        found.append(f"message {str(error)!r} lacks the server's words {words!r}")
    acted = answer["status"] >= 500 or answer["status"] == 408
    if error.may_have_succeeded is not acted:
        found.append(f"may_have_succeeded {error.may_have_succeeded}, expected {acted}")
    return found
