"""Trigger.dev alert webhooks: check the signature of a delivery, then read it as a typed event.

The server signs the exact body it sends: header `x-trigger-signature-hmacsha256` = lowercase hex of
HMAC-SHA256(key = the webhook secret as UTF-8, message = the raw body). Verify the raw bytes before
any framework parses them (a re-serialised body no longer matches). As in the official SDK the
comparison is exact and constant-time, so an uppercase hex signature fails.

    event = parse_webhook(await request.body(), request.headers, secret=os.environ["TRIGGER_WEBHOOK_SECRET"])
    if isinstance(event, RunFailedEvent):
        notify(event.run.id, event.run.error)

Event types (`event.type`): alert.run.failed, alert.deployment.success, alert.deployment.failed,
alert.error. Dates become aware datetimes in UTC. Run statuses and error classifications are kept
as the strings sent, so a value added by a newer server does not break the receiver.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from .errors import (
    InvalidInputError,
    PayloadDecodeError,
    WebhookError,
    WebhookPayloadError,
    WebhookSignatureError,
)
from .superjson import parse_js_date

__all__ = [
    "SIGNATURE_HEADER",
    "DeployError",
    "DeploymentFailedEvent",
    "DeploymentSucceededEvent",
    "DeploymentTask",
    "ErrorAlertEvent",
    "ErrorGroup",
    "Headers",
    "RunFailedEvent",
    "WebhookDeployment",
    "WebhookEnvironment",
    "WebhookError",
    "WebhookEvent",
    "WebhookGit",
    "WebhookOrganization",
    "WebhookPayloadError",
    "WebhookProject",
    "WebhookRun",
    "WebhookSignatureError",
    "WebhookTask",
    "parse_webhook",
    "read_webhook_event",
    "sign_webhook",
    "verify_webhook",
]

SIGNATURE_HEADER: Final = "x-trigger-signature-hmacsha256"

# any mapping (Starlette, Django, a dict, WSGI environ) or (name, value) pairs such as ASGI's raw headers
Headers: TypeAlias = Mapping[str, Any] | Iterable[tuple[str | bytes, Any]]


# ---------------------------------------------------------------------------------------------
# Signature


def _body_bytes(raw_body: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(raw_body, str):
        return raw_body.encode("utf-8")
    if isinstance(raw_body, (bytes, bytearray, memoryview)):
        return bytes(raw_body)
    raise InvalidInputError(f"raw_body must be the request body as bytes (or str), got {type(raw_body).__name__}")


def _secret_bytes(secret: str) -> bytes:
    if not isinstance(secret, str) or not secret:
        raise InvalidInputError("secret must be the webhook's secret from the dashboard (a non-empty string)")
    return secret.encode("utf-8")


def sign_webhook(raw_body: bytes | str, secret: str) -> str:
    """The signature the server sends for `raw_body` (lowercase hex HMAC-SHA256), e.g. to sign test deliveries."""
    return hmac.new(_secret_bytes(secret), _body_bytes(raw_body), hashlib.sha256).hexdigest()


def _header_name(name: str) -> str:
    # "X-Trigger-Signature-HmacSha256", and WSGI's "HTTP_X_TRIGGER_SIGNATURE_HMACSHA256", are the same header
    normal = name.lower().replace("_", "-")
    return normal.removeprefix("http-")


def _signature_header(headers: Headers) -> str:
    items = headers.items() if isinstance(headers, Mapping) else headers
    found: list[Any] = []
    for name, value in items:
        if isinstance(name, bytes):
            name = name.decode("latin-1")
        if isinstance(name, str) and _header_name(name) == SIGNATURE_HEADER:
            found.extend(value if isinstance(value, (list, tuple)) else [value])
    if not found:
        raise WebhookSignatureError(f"No signature header found ({SIGNATURE_HEADER})")
    if len(found) > 1:
        raise WebhookSignatureError(f"Signature header cannot be repeated ({SIGNATURE_HEADER} came {len(found)} times)")
    value = found[0]
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        raise WebhookSignatureError(f"{SIGNATURE_HEADER} must be a string, got {type(value).__name__}")
    return value


def verify_webhook(raw_body: bytes | str, headers: Headers, secret: str) -> None:
    """Raise WebhookSignatureError unless the delivery's signature header matches `raw_body` and `secret`.

    `headers` may be any mapping (case is ignored, WSGI `HTTP_...` names work) or a list of (name, value)
    pairs, e.g. ASGI's raw headers.
    """
    body = _body_bytes(raw_body)
    key = _secret_bytes(secret)
    received = _signature_header(headers).encode("utf-8")
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(received, expected):
        raise WebhookSignatureError("Invalid signature")


# ---------------------------------------------------------------------------------------------
# Events


@attrs.frozen
class WebhookOrganization:
    id: str
    slug: str
    name: str


@attrs.frozen
class WebhookProject:
    id: str
    ref: str
    slug: str
    name: str


@attrs.frozen
class WebhookEnvironment:
    """The environment of a run or deployment alert (`type` is PRODUCTION, STAGING, DEVELOPMENT or PREVIEW);
    an alert.error event carries only `id` and `name`."""

    id: str
    type: str | None = None
    slug: str | None = None
    branch_name: str | None = None
    name: str | None = None


@attrs.frozen
class WebhookTask:
    id: str
    file_path: str
    version: str
    sdk_version: str
    cli_version: str
    export_name: str | None = None


@attrs.frozen
class WebhookRun:
    id: str
    number: int
    status: str
    created_at: datetime
    is_test: bool
    tags: tuple[str, ...]
    error: Mapping[str, Any]  # the TaskRunError as sent: {"type": "BUILT_IN_ERROR", "name", "message", ...}
    is_out_of_memory_error: bool
    machine: str
    dashboard_url: str
    started_at: datetime | None = None
    completed_at: datetime | None = None
    idempotency_key: str | None = None


@attrs.frozen
class DeploymentTask:
    id: str
    file_path: str
    trigger_source: str
    export_name: str | None = None


@attrs.frozen
class WebhookDeployment:
    id: str
    status: str
    version: str
    short_code: str
    deployed_at: datetime | None = None
    failed_at: datetime | None = None


@attrs.frozen
class DeployError:
    name: str
    message: str
    stack: str | None = None
    stderr: str | None = None


@attrs.frozen
class WebhookGit:
    branch: str
    commit_sha: str
    commit_message: str
    commit_url: str
    branch_url: str
    pull_request_number: int | None = None
    pull_request_title: str | None = None
    pull_request_url: str | None = None
    provider: str | None = None


@attrs.frozen
class ErrorGroup:
    fingerprint: str
    type: str
    message: str
    first_seen: datetime
    last_seen: datetime
    occurrence_count: int
    task_identifier: str
    stack_trace: str | None = None


@attrs.frozen
class RunFailedEvent:
    """A run failed (alert.run.failed)."""

    type: ClassVar[str] = "alert.run.failed"
    id: str
    created: datetime
    webhook_version: str
    task: WebhookTask
    run: WebhookRun
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class DeploymentSucceededEvent:
    """A deployment finished (alert.deployment.success)."""

    type: ClassVar[str] = "alert.deployment.success"
    id: str
    created: datetime
    webhook_version: str
    deployment: WebhookDeployment
    tasks: tuple[DeploymentTask, ...]
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    git: WebhookGit | None
    vercel_deployment_url: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class DeploymentFailedEvent:
    """A deployment failed (alert.deployment.failed)."""

    type: ClassVar[str] = "alert.deployment.failed"
    id: str
    created: datetime
    webhook_version: str
    deployment: WebhookDeployment
    error: DeployError
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    git: WebhookGit | None
    vercel_deployment_url: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class ErrorAlertEvent:
    """An error group is new, regressed or was un-ignored (alert.error)."""

    type: ClassVar[str] = "alert.error"
    id: str
    created: datetime
    webhook_version: str
    classification: str  # new_issue, regression or unignored
    error: ErrorGroup
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    dashboard_url: str
    raw: Mapping[str, Any] = attrs.field(repr=False)


WebhookEvent: TypeAlias = RunFailedEvent | DeploymentSucceededEvent | DeploymentFailedEvent | ErrorAlertEvent


class _Reader:
    """Reads one JSON object, naming the path of anything missing or of the wrong type."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise WebhookPayloadError(f"Webhook parsing failed: {path} must be an object")
        self.data = data
        self.path = path

    def _fail(self, key: str, wanted: str) -> WebhookPayloadError:
        got = self.data.get(key)
        shown = "missing" if key not in self.data else f"{type(got).__name__} {json.dumps(got)[:40]}"
        return WebhookPayloadError(f"Webhook parsing failed: {self.path}.{key} must be {wanted}, got {shown}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def opt_text(self, key: str) -> str | None:
        return None if self.data.get(key) is None else self.text(key)

    def whole(self, key: str) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
            raise self._fail(key, "a whole number")
        return int(value)

    def opt_whole(self, key: str) -> int | None:
        return None if self.data.get(key) is None else self.whole(key)

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def date(self, key: str) -> datetime:
        value = self.data.get(key)
        try:
            if isinstance(value, str):
                return parse_js_date(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=value)
        except (PayloadDecodeError, OverflowError):
            pass
        raise self._fail(key, "a date")

    def opt_date(self, key: str) -> datetime | None:
        return None if self.data.get(key) is None else self.date(key)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(key, "a list of strings")
        return tuple(value)

    def obj(self, key: str) -> _Reader:
        return _Reader(self.data.get(key), f"{self.path}.{key}")

    def opt_obj(self, key: str) -> _Reader | None:
        return None if self.data.get(key) is None else self.obj(key)

    def objects(self, key: str) -> list[_Reader]:
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return [_Reader(item, f"{self.path}.{key}[{i}]") for i, item in enumerate(value)]


def _organization(r: _Reader) -> WebhookOrganization:
    return WebhookOrganization(id=r.text("id"), slug=r.text("slug"), name=r.text("name"))


def _project(r: _Reader) -> WebhookProject:
    return WebhookProject(id=r.text("id"), ref=r.text("ref"), slug=r.text("slug"), name=r.text("name"))


def _environment(r: _Reader) -> WebhookEnvironment:
    return WebhookEnvironment(
        id=r.text("id"), type=r.text("type"), slug=r.text("slug"), branch_name=r.opt_text("branchName")
    )


def _git(r: _Reader | None) -> WebhookGit | None:
    if r is None:
        return None
    return WebhookGit(
        branch=r.text("branch"),
        commit_sha=r.text("commitSha"),
        commit_message=r.text("commitMessage"),
        commit_url=r.text("commitUrl"),
        branch_url=r.text("branchUrl"),
        pull_request_number=r.opt_whole("pullRequestNumber"),
        pull_request_title=r.opt_text("pullRequestTitle"),
        pull_request_url=r.opt_text("pullRequestUrl"),
        provider=r.opt_text("provider"),
    )


def _vercel_url(r: _Reader) -> str | None:
    vercel = r.opt_obj("vercel")
    return vercel.text("deploymentUrl") if vercel is not None else None


def _deployment(r: _Reader) -> WebhookDeployment:
    return WebhookDeployment(
        id=r.text("id"),
        status=r.text("status"),
        version=r.text("version"),
        short_code=r.text("shortCode"),
        deployed_at=r.date("deployedAt") if "deployedAt" in r.data else None,
        failed_at=r.date("failedAt") if "failedAt" in r.data else None,
    )


def _run_failed(top: _Reader, common: dict[str, Any]) -> RunFailedEvent:
    o = top.obj("object")
    task, run = o.obj("task"), o.obj("run")
    error = run.obj("error")
    error.text("type")
    return RunFailedEvent(
        **common,
        task=WebhookTask(
            id=task.text("id"),
            file_path=task.text("filePath"),
            version=task.text("version"),
            sdk_version=task.text("sdkVersion"),
            cli_version=task.text("cliVersion"),
            export_name=task.opt_text("exportName"),
        ),
        run=WebhookRun(
            id=run.text("id"),
            number=run.whole("number"),
            status=run.text("status"),
            created_at=run.date("createdAt"),
            started_at=run.opt_date("startedAt"),
            completed_at=run.opt_date("completedAt"),
            is_test=run.flag("isTest"),
            idempotency_key=run.opt_text("idempotencyKey"),
            tags=run.strings("tags"),
            error=error.data,
            is_out_of_memory_error=run.flag("isOutOfMemoryError"),
            machine=run.text("machine"),
            dashboard_url=run.text("dashboardUrl"),
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
    )


def _deployment_success(top: _Reader, common: dict[str, Any]) -> DeploymentSucceededEvent:
    o = top.obj("object")
    deployment = o.obj("deployment")
    deployment.date("deployedAt")
    return DeploymentSucceededEvent(
        **common,
        deployment=_deployment(deployment),
        tasks=tuple(
            DeploymentTask(
                id=t.text("id"),
                file_path=t.text("filePath"),
                trigger_source=t.text("triggerSource"),
                export_name=t.opt_text("exportName"),
            )
            for t in o.objects("tasks")
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        git=_git(o.opt_obj("git")),
        vercel_deployment_url=_vercel_url(o),
    )


def _deployment_failed(top: _Reader, common: dict[str, Any]) -> DeploymentFailedEvent:
    o = top.obj("object")
    deployment = o.obj("deployment")
    deployment.date("failedAt")
    error = o.obj("error")
    return DeploymentFailedEvent(
        **common,
        deployment=_deployment(deployment),
        error=DeployError(
            name=error.text("name"),
            message=error.text("message"),
            stack=error.opt_text("stack"),
            stderr=error.opt_text("stderr"),
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        git=_git(o.opt_obj("git")),
        vercel_deployment_url=_vercel_url(o),
    )


def _error_alert(top: _Reader, common: dict[str, Any]) -> ErrorAlertEvent:
    o = top.obj("object")
    error, environment = o.obj("error"), o.obj("environment")
    return ErrorAlertEvent(
        **common,
        classification=o.text("classification"),
        error=ErrorGroup(
            fingerprint=error.text("fingerprint"),
            type=error.text("type"),
            message=error.text("message"),
            stack_trace=error.opt_text("stackTrace"),
            first_seen=error.date("firstSeen"),
            last_seen=error.date("lastSeen"),
            occurrence_count=error.whole("occurrenceCount"),
            task_identifier=error.text("taskIdentifier"),
        ),
        environment=WebhookEnvironment(id=environment.text("id"), name=environment.text("name")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        dashboard_url=o.text("dashboardUrl"),
    )


_READERS: Final[dict[str, Callable[[_Reader, dict[str, Any]], WebhookEvent]]] = {
    RunFailedEvent.type: _run_failed,
    DeploymentSucceededEvent.type: _deployment_success,
    DeploymentFailedEvent.type: _deployment_failed,
    ErrorAlertEvent.type: _error_alert,
}


def read_webhook_event(body: bytes | str) -> WebhookEvent:
    """The typed event in a webhook body, WITHOUT checking its signature (parse_webhook does both)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookPayloadError(f"Webhook parsing failed: the body is not JSON ({exc})") from None
    top = _Reader(data, "webhook")
    kind = data.get("type")
    reader = _READERS.get(kind) if isinstance(kind, str) else None
    if reader is None:
        known = ", ".join(_READERS)
        raise WebhookPayloadError(f"Webhook parsing failed: unknown event type {kind!r} (known: {known})")
    common = {"id": top.text("id"), "created": top.date("created"), "webhook_version": top.text("webhookVersion")}
    return reader(top, {**common, "raw": data})


def parse_webhook(raw_body: bytes | str, headers: Headers, secret: str) -> WebhookEvent:
    """Verify a delivery (verify_webhook) and return its typed event.

    Raises WebhookSignatureError for a missing or wrong signature (nothing of the body is read then)
    and WebhookPayloadError for a body that is not a known Trigger.dev event.
    """
    verify_webhook(raw_body, headers, secret)
    return read_webhook_event(_body_bytes(raw_body))
