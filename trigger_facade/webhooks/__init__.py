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

from ..errors import WebhookError, WebhookPayloadError, WebhookSignatureError
from ._events import (
    DeployError,
    DeploymentFailedEvent,
    DeploymentSucceededEvent,
    DeploymentTask,
    ErrorAlertEvent,
    ErrorGroup,
    RunFailedEvent,
    WebhookDeployment,
    WebhookEnvironment,
    WebhookEvent,
    WebhookGit,
    WebhookOrganization,
    WebhookProject,
    WebhookRun,
    WebhookTask,
)
from ._reading import read_webhook_event
from ._signature import SIGNATURE_HEADER, Headers, body_bytes, sign_webhook, verify_webhook

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


def parse_webhook(raw_body: bytes | str, headers: Headers, secret: str) -> WebhookEvent:
    """Verify a delivery (verify_webhook) and return its typed event.

    Raises WebhookSignatureError for a missing or wrong signature (nothing of the body is read then)
    and WebhookPayloadError for a body that is not a known Trigger.dev event.
    """
    verify_webhook(raw_body, headers, secret)
    return read_webhook_event(body_bytes(raw_body))
