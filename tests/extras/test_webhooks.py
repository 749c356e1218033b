"""Alert webhooks against the official SDK's recordings (sdk-vectors-realtime.json `webhooks`)."""

from __future__ import annotations

import hmac
import json
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest

from trigger_facade import webhooks as wh
from trigger_facade.errors import InvalidInputError, TriggerError
from trigger_facade.webhooks import (
    SIGNATURE_HEADER,
    DeploymentSucceededEvent,
    RunFailedEvent,
    WebhookPayloadError,
    WebhookSignatureError,
)

from .vectors import realtime

WEBHOOKS = realtime("webhooks")
BY_NAME = {v["name"]: v for v in WEBHOOKS["vectors"]}
VALID = BY_NAME["runFailed.valid"]


def test_header_name_and_algorithm() -> None:
    assert WEBHOOKS["headerName"] == SIGNATURE_HEADER
    assert wh.sign_webhook(VALID["body"].encode(), VALID["secret"]) == VALID["header"]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def typed_view(value: Any) -> Any:
    """Our event in the SDK's typed view: camelCase keys, absent optionals dropped, dates as {$type: Date}."""
    if isinstance(value, datetime):
        return {"$type": "Date", "iso": value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")}
    if attrs.has(type(value)):
        fields = {f.name: getattr(value, f.name) for f in attrs.fields(type(value)) if f.name != "raw"}
        return {_camel(k): typed_view(v) for k, v in fields.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [typed_view(v) for v in value]
    if isinstance(value, dict):
        return {k: typed_view(v) for k, v in value.items()}
    return value


def sdk_shape(event: wh.WebhookEvent) -> dict[str, Any]:
    flat = typed_view(event)
    common = {"id": flat.pop("id"), "created": flat.pop("created"), "webhookVersion": flat.pop("webhookVersion")}
    if "vercelDeploymentUrl" in flat:
        flat["vercel"] = {"deploymentUrl": flat.pop("vercelDeploymentUrl")}
    return {**common, "type": event.type, "object": flat}


@pytest.mark.parametrize("vector", [v for v in WEBHOOKS["vectors"] if v["error"] is None], ids=lambda v: v["name"])
def test_valid_deliveries_parse_to_the_sdk_result(vector: dict[str, Any]) -> None:
    headers = {"Content-Type": "application/json", "X-Trigger-Signature-HmacSha256": vector["header"]}
    event = wh.parse_webhook(vector["body"].encode(), headers, vector["secret"])
    assert sdk_shape(event) == vector["result"]
    assert event.raw == json.loads(vector["body"])


def test_typed_access() -> None:
    event = wh.parse_webhook(VALID["body"], {SIGNATURE_HEADER: VALID["header"]}, VALID["secret"])
    assert isinstance(event, RunFailedEvent)
    assert event.type == "alert.run.failed"
    assert event.run.created_at == datetime(2025, 1, 2, 3, 0, tzinfo=UTC)
    assert event.run.error["message"] == "card declined"
    assert event.run.tags == ("user:123",)
    assert event.environment.type == "PRODUCTION"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.run.status = "COMPLETED"  # type: ignore[misc]
    success = BY_NAME["deploymentSuccess.valid.viaRequest"]
    deployed = wh.parse_webhook(
        success["body"], [(b"x-trigger-signature-hmacsha256", success["header"].encode())], "whsec_test_0123456789"
    )
    assert isinstance(deployed, DeploymentSucceededEvent)
    assert deployed.tasks[0].trigger_source == "STANDARD"
    assert deployed.git is None


@pytest.mark.parametrize("name", ["runFailed.tamperedSignature", "runFailed.uppercaseHex", "runFailed.wrongSecret"])
def test_bad_signatures(name: str) -> None:
    vector = BY_NAME[name]
    assert vector["error"]["message"] == "Invalid signature"
    with pytest.raises(WebhookSignatureError, match=r"^Invalid signature$") as info:
        wh.parse_webhook(vector["body"], {SIGNATURE_HEADER: vector["header"]}, vector["secret"])
    assert vector["secret"] not in str(info.value)
    assert isinstance(info.value, TriggerError)


def test_missing_header() -> None:
    vector = BY_NAME["request.missingHeader"]
    with pytest.raises(WebhookSignatureError, match=vector["error"]["message"]):
        wh.parse_webhook(vector["body"], {"content-type": "application/json"}, vector["secret"])


def test_unknown_type_after_a_valid_signature() -> None:
    vector = BY_NAME["validSignature.unknownType"]
    assert vector["error"]["message"].startswith("Webhook parsing failed: ")
    wh.verify_webhook(vector["body"], {SIGNATURE_HEADER: vector["header"]}, vector["secret"])
    with pytest.raises(WebhookPayloadError, match=r"Webhook parsing failed: unknown event type 'alert.unknown'"):
        wh.parse_webhook(vector["body"], {SIGNATURE_HEADER: vector["header"]}, vector["secret"])


def test_an_empty_secret_is_bad_input() -> None:
    # the SDK says "Signature verification failed"; an empty secret is a configuration mistake here
    vector = BY_NAME["emptySecret"]
    assert vector["header"] == hmac.new(b"", vector["body"].encode(), "sha256").hexdigest()
    with pytest.raises(InvalidInputError, match="secret must be"):
        wh.verify_webhook(vector["body"], {SIGNATURE_HEADER: vector["header"]}, "")


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_TRIGGER_SIGNATURE_HMACSHA256": VALID["header"]},  # WSGI environ
        [("X-Trigger-Signature-HmacSha256", VALID["header"])],
        {SIGNATURE_HEADER: [VALID["header"]]},
    ],
)
def test_header_spellings(headers: Any) -> None:
    wh.verify_webhook(VALID["body"].encode(), headers, VALID["secret"])


def test_a_repeated_header_is_refused() -> None:
    with pytest.raises(WebhookSignatureError, match="repeated"):
        wh.verify_webhook(VALID["body"], [(SIGNATURE_HEADER, VALID["header"])] * 2, VALID["secret"])


def test_the_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    wh.verify_webhook(VALID["body"], {SIGNATURE_HEADER: VALID["header"]}, VALID["secret"])
    assert calls == [(VALID["header"].encode(), VALID["header"].encode())]


def test_a_non_ascii_signature_is_just_wrong() -> None:
    with pytest.raises(WebhookSignatureError, match="Invalid signature"):
        wh.verify_webhook(VALID["body"], {SIGNATURE_HEADER: "é" * 64}, VALID["secret"])


def _signed(body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    return raw, {SIGNATURE_HEADER: wh.sign_webhook(raw, "s")}


COMMON = {"id": "alert_1", "created": "2025-01-02T03:04:05.678Z", "webhookVersion": "v1"}
ORG = {"id": "org_1", "slug": "acme", "name": "Acme"}
PROJECT = {"id": "proj_1", "ref": "proj_x", "slug": "shop", "name": "Shop"}


def test_deployment_failed_and_error_alert_events() -> None:
    failed = {
        **COMMON,
        "type": "alert.deployment.failed",
        "object": {
            "deployment": {
                "id": "d1",
                "status": "FAILED",
                "version": "1",
                "shortCode": "abc",
                "failedAt": 1735787045000,
            },
            "error": {"name": "BuildError", "message": "npm ci failed", "stderr": "..."},
            "environment": {"id": "env_1", "type": "PREVIEW", "slug": "preview", "branchName": "feat-x"},
            "organization": ORG,
            "project": PROJECT,
            "git": {
                "branch": "feat-x",
                "commitSha": "abc",
                "commitMessage": "m",
                "commitUrl": "u",
                "branchUrl": "b",
                "pullRequestNumber": 7,
            },
            "vercel": {"deploymentUrl": "https://v"},
        },
    }
    event = wh.parse_webhook(*_signed(failed), "s")
    assert isinstance(event, wh.DeploymentFailedEvent)
    assert event.deployment.failed_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert (event.error.name, event.error.stack, event.error.stderr) == ("BuildError", None, "...")
    assert event.git is not None
    assert event.git.pull_request_number == 7
    assert (event.environment.branch_name, event.vercel_deployment_url) == ("feat-x", "https://v")

    alert = {
        **COMMON,
        "type": "alert.error",
        "object": {
            "classification": "regression",
            "error": {
                "fingerprint": "fp",
                "type": "TypeError",
                "message": "x is undefined",
                "firstSeen": "2025-01-01T00:00:00Z",
                "lastSeen": "2025-01-02T00:00:00Z",
                "occurrenceCount": 3,
                "taskIdentifier": "t",
            },
            "environment": {"id": "env_1", "name": "prod"},
            "organization": ORG,
            "project": PROJECT,
            "dashboardUrl": "https://cloud",
        },
    }
    error_event = wh.parse_webhook(*_signed(alert), "s")
    assert isinstance(error_event, wh.ErrorAlertEvent)
    assert (error_event.classification, error_event.error.occurrence_count) == ("regression", 3)
    assert error_event.environment == wh.WebhookEnvironment(id="env_1", name="prod")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda b: b["object"]["run"].pop("number"), "webhook.object.run.number must be a whole number, got missing"),
        (lambda b: b["object"]["run"].update(createdAt="soon"), "webhook.object.run.createdAt must be a date"),
        (lambda b: b["object"]["run"].update(tags="a"), "tags must be a list of strings"),
        (lambda b: b["object"].update(project=None), "webhook.object.project must be an object"),
        (lambda b: b.update(created=True), "webhook.created must be a date"),
    ],
)
def test_bodies_that_do_not_fit_name_the_field(change: Any, words: str) -> None:
    body = json.loads(VALID["body"])
    change(body)
    with pytest.raises(WebhookPayloadError) as info:
        wh.parse_webhook(*_signed(body), "s")
    assert words in str(info.value)


def test_a_body_that_is_not_json() -> None:
    raw = b"not json"
    with pytest.raises(WebhookPayloadError, match="not JSON"):
        wh.parse_webhook(raw, {SIGNATURE_HEADER: wh.sign_webhook(raw, "s")}, "s")
