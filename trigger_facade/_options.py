"""Trigger options: Python keyword names in, the server's option object out (validated)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, TypedDict, Unpack

from . import _validate as check
from . import idempotency_keys
from .durations import parse_duration, to_delay, to_idempotency_key_ttl, to_ttl
from .errors import InvalidInputError


class TriggerOptions(TypedDict, total=False):
    """The options of one trigger, by their Python names (tasks.trigger keywords, batch item "options")."""

    delay: str | datetime | timedelta
    ttl: str | int | timedelta
    idempotency_key: str | Sequence[str]
    idempotency_key_ttl: str | timedelta
    tags: str | Sequence[str]
    metadata: Mapping[str, Any]
    queue: str
    concurrency_key: str | int
    machine: str
    max_attempts: int
    max_duration: int
    priority: int | float
    region: str
    debounce: Mapping[str, Any]
    version: str
    external_deployment_id: str
    test: bool


OPTION_NAMES: tuple[str, ...] = tuple(TriggerOptions.__annotations__)
_OPTION_SET = frozenset(OPTION_NAMES)

# the order the official SDK writes trigger options in (wire-observed §2); `test` is not in the
# recordings (the SDK copies it from a parent run only) and goes last
SDK_OPTION_ORDER: tuple[str, ...] = (
    "queue",
    "concurrency",
    "concurrencyKey",
    "payloadType",
    "payloadSize",
    "idempotencyKey",
    "idempotencyKeyTTL",
    "idempotencyKeyOptions",
    "delay",
    "ttl",
    "tags",
    "maxAttempts",
    "metadata",
    "maxDuration",
    "machine",
    "priority",
    "region",
    "lockToVersion",
    "externalDeploymentId",
    "debounce",
    "test",
)
_RANK = {name: rank for rank, name in enumerate(SDK_OPTION_ORDER)}


def in_sdk_order(options: dict[str, Any]) -> dict[str, Any]:
    """`options` with its keys in the SDK's order (unknown names last, as given), so the bytes match."""
    return dict(sorted(options.items(), key=lambda item: _RANK.get(item[0], len(_RANK))))


def _debounce(value: Any, argument: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{argument} must be a dict with 'key' and 'delay' (and optional 'mode', 'max_delay')")
    unknown = set(value) - {"key", "delay", "mode", "max_delay", "maxDelay"}
    if unknown:
        raise InvalidInputError(f"{argument} has unknown keys {sorted(unknown)}; accepted: key, delay, mode, max_delay")
    key = value.get("key")
    if not isinstance(key, str) or not key or len(key) > 512:
        raise InvalidInputError(f"{argument}['key'] must be a non-empty string of at most 512 characters")
    out: dict[str, Any] = {"key": key}
    delay = value.get("delay")
    if not isinstance(delay, str):
        raise InvalidInputError(f"{argument}['delay'] must be a duration string such as '5s' (dates are refused)")
    delay_td = parse_duration(delay, argument=f"{argument}['delay']")
    out["delay"] = delay
    mode = value.get("mode")
    if mode is not None:
        if mode not in ("leading", "trailing"):
            raise InvalidInputError(f"{argument}['mode']={mode!r} must be 'leading' or 'trailing'")
        out["mode"] = mode
    max_delay = value.get("max_delay", value.get("maxDelay"))
    if max_delay is not None:
        if not isinstance(max_delay, str) or parse_duration(max_delay, argument=f"{argument}['max_delay']") <= delay_td:
            raise InvalidInputError(f"{argument}['max_delay'] must be a duration longer than 'delay'")
        out["maxDelay"] = max_delay
    return out


def build_options(where: str = "", **given: Unpack[TriggerOptions]) -> dict[str, Any]:
    """The `options` object of a trigger body, in the order the official SDK writes it.

    `where` prefixes argument names in error messages (e.g. "items[3].options.").
    """
    options: dict[str, Any] = {}
    delay, ttl = given.get("delay"), given.get("ttl")
    idempotency_key, idempotency_key_ttl = given.get("idempotency_key"), given.get("idempotency_key_ttl")
    tags, metadata, queue = given.get("tags"), given.get("metadata"), given.get("queue")
    concurrency_key, machine, region = given.get("concurrency_key"), given.get("machine"), given.get("region")
    max_attempts, max_duration = given.get("max_attempts"), given.get("max_duration")
    priority, debounce, version, test = (
        given.get("priority"),
        given.get("debounce"),
        given.get("version"),
        given.get("test"),
    )
    external_deployment_id = given.get("external_deployment_id")
    if queue is not None:
        options["queue"] = {"name": check.identifier(queue, f"{where}queue")}
    if concurrency_key is not None:
        if isinstance(concurrency_key, bool) or not isinstance(concurrency_key, (str, int)) or concurrency_key == "":
            raise InvalidInputError(f"{where}concurrency_key must be a non-empty string (or an int)")
        options["concurrencyKey"] = str(concurrency_key)
    if idempotency_key is not None:
        key, material = idempotency_keys.normalize(idempotency_key, argument=f"{where}idempotency_key")
        options["idempotencyKey"] = key
        if idempotency_key_ttl is not None:
            options["idempotencyKeyTTL"] = to_idempotency_key_ttl(
                idempotency_key_ttl, argument=f"{where}idempotency_key_ttl"
            )
        if material is not None:
            options["idempotencyKeyOptions"] = {"key": material, "scope": "global"}
    elif idempotency_key_ttl is not None:
        raise InvalidInputError(f"{where}idempotency_key_ttl needs an idempotency_key")
    if delay is not None:
        options["delay"] = to_delay(delay, argument=f"{where}delay")
    if ttl is not None:
        options["ttl"] = to_ttl(ttl, argument=f"{where}ttl")
    if tags is not None:
        options["tags"] = check.tags(tags, f"{where}tags")
    if max_attempts is not None:
        options["maxAttempts"] = check.int_in_range(max_attempts, f"{where}max_attempts", 1)
    if metadata is not None:
        options["metadata"] = check.json_object(metadata, f"{where}metadata", max_bytes=check.MAX_METADATA_BYTES)
    if max_duration is not None:
        options["maxDuration"] = check.int_in_range(max_duration, f"{where}max_duration", 5)
    if machine is not None:
        options["machine"] = check.machine(machine, f"{where}machine")
    if priority is not None:
        options["priority"] = check.number_at_least(priority, f"{where}priority", 0)
    if region is not None:
        options["region"] = check.identifier(region, f"{where}region")
    if version is not None:
        options["lockToVersion"] = check.identifier(version, f"{where}version")
    if external_deployment_id is not None:
        if not isinstance(external_deployment_id, str):
            raise InvalidInputError(f"{where}external_deployment_id must be a string, got {external_deployment_id!r}")
        if external_deployment_id.strip():  # trimmed, and empty means none, as the SDK sends it
            options["externalDeploymentId"] = external_deployment_id.strip()
    if debounce is not None:
        options["debounce"] = _debounce(debounce, f"{where}debounce")
    if test is not None:
        if not isinstance(test, bool):
            raise InvalidInputError(f"{where}test must be True or False")
        options["test"] = test
    return in_sdk_order(options)


def with_defaults(
    options: dict[str, Any], *, version: str | None, external_deployment_id: str | None
) -> dict[str, Any]:
    """The client's defaults (TRIGGER_VERSION, TRIGGER_EXTERNAL_DEPLOYMENT_ID) for options the call left out."""
    if version is not None and "lockToVersion" not in options:
        options = {**options, "lockToVersion": version}
    if external_deployment_id is not None and "externalDeploymentId" not in options:
        options = {**options, "externalDeploymentId": external_deployment_id}
    return in_sdk_order(options)


def options_from_mapping(value: Any, where: str) -> dict[str, Any]:
    """Options given as a dict (batch items): the same snake_case names as trigger()'s keywords."""
    if value is None:
        return {}
    if not isinstance(value, dict) and not isinstance(value, Mapping):
        raise InvalidInputError(f"{where}options must be a dict of trigger options, got {type(value).__name__}")
    unknown = value.keys() - _OPTION_SET
    if unknown:
        raise InvalidInputError(
            f"{where}options has unknown names {sorted(unknown)}; accepted: {', '.join(OPTION_NAMES)}"
        )
    return build_options(f"{where}options.", **value)


@functools.cache
def _propagator() -> Any:
    """opentelemetry's propagate.inject, or None without the optional `otel` extra (looked up once)."""
    try:
        from opentelemetry.propagate import inject
    except ImportError:
        return None
    return inject


def trace_headers() -> dict[str, str]:
    """The current OpenTelemetry context as W3C headers (traceparent, tracestate), so a triggered run
    links to the caller's span; {} when opentelemetry-api is not installed or no span is active."""
    inject = _propagator()
    if inject is None:
        return {}
    carrier: dict[str, str] = {}
    inject(carrier)
    return {name: value for name, value in carrier.items() if name in ("traceparent", "tracestate")}
