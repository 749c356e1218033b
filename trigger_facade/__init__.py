"""trigger-facade: a typed Python client for the Trigger.dev Management REST API.

from trigger_facade import TriggerClient
with TriggerClient() as client:            # TRIGGER_SECRET_KEY from the environment
    handle = client.tasks.trigger("my-task", {"a": 1}, idempotency_key="order-1")
    output = handle.result(timeout=300)    # or raises RunFailedError with the run's error
    token = client.auth.create_public_token(scopes={"read": {"runs": [handle.id]}}, expiration="1h")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import durations, errors, idempotency_keys, status
from ._client import AsyncTriggerClient, TriggerClient
from ._config import KeyKind
from ._retry import Clock, RetryPolicy
from ._version import __version__
from .durations import parse_duration
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BatchAlreadyExistsError,
    BatchNotSealedError,
    BatchPartiallySentError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    PayloadDecodeError,
    PermissionDeniedError,
    PublicTokenError,
    RateLimitError,
    RealtimeProtocolError,
    ResponseTooLargeError,
    ResponseValidationError,
    RunCancelledError,
    RunExpiredError,
    RunFailedError,
    RunWaitTimeoutError,
    TriggerError,
    UnprocessableEntityError,
    UnreadableResponseError,
    WebhookError,
    WebhookPayloadError,
    WebhookSignatureError,
)
from .models import BatchPart, Page, Run, RunError, RunResult
from .queues_ref import QueueRef

if TYPE_CHECKING:
    from . import public_tokens, superjson, types, webhooks
    from ._async._batching import AsyncBatchHandle
    from ._async.paginators import AsyncPaginator
    from ._async.tasks import AsyncRunHandle
    from .realtime.streams import StreamChunk
    from .resources._batching import BatchHandle
    from .resources.paginators import SyncPaginator
    from .resources.tasks import RunHandle
    from .sansio.waitpoints import WaitpointToken
    from .webhooks import RunFailedEvent, parse_webhook, verify_webhook

# handles and paginators live with the resources that make them, `types` loads the generated models, and the
# extras (tokens, webhooks, superjson) are for some programs only:
# imported on first use so `import trigger_facade` stays cheap (every returned type: trigger_facade.types)
_LAZY = {
    "RunHandle": "trigger_facade.resources.tasks",
    "BatchHandle": "trigger_facade.resources._batching",
    "AsyncRunHandle": "trigger_facade._async.tasks",
    "AsyncBatchHandle": "trigger_facade._async._batching",
    "SyncPaginator": "trigger_facade.resources.paginators",
    "AsyncPaginator": "trigger_facade._async.paginators",
    "WaitpointToken": "trigger_facade.sansio.waitpoints",
    "StreamChunk": "trigger_facade.realtime.streams",
    "RunFailedEvent": "trigger_facade.webhooks",
    "parse_webhook": "trigger_facade.webhooks",
    "verify_webhook": "trigger_facade.webhooks",
    # modules most programs never touch (a backend's tokens, a webhook receiver, the payload format)
    "public_tokens": "trigger_facade",
    "superjson": "trigger_facade",
    "webhooks": "trigger_facade",
    "types": "trigger_facade",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'trigger_facade' has no attribute {name!r}")
    import importlib

    if module == "trigger_facade":
        value: Any = importlib.import_module(f"trigger_facade.{name}")
        globals()[name] = value
        return value
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBatchHandle",
    "AsyncPaginator",
    "AsyncRunHandle",
    "AsyncTriggerClient",
    "AuthenticationError",
    "BadRequestError",
    "BatchAlreadyExistsError",
    "BatchHandle",
    "BatchNotSealedError",
    "BatchPart",
    "BatchPartiallySentError",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidInputError",
    "KeyKind",
    "NotFoundError",
    "Page",
    "PayloadDecodeError",
    "PermissionDeniedError",
    "PublicTokenError",
    "QueueRef",
    "RateLimitError",
    "RealtimeProtocolError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "Run",
    "RunCancelledError",
    "RunError",
    "RunExpiredError",
    "RunFailedError",
    "RunFailedEvent",
    "RunHandle",
    "RunResult",
    "RunWaitTimeoutError",
    "StreamChunk",
    "SyncPaginator",
    "TriggerClient",
    "TriggerError",
    "UnprocessableEntityError",
    "UnreadableResponseError",
    "WaitpointToken",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "__version__",
    "durations",
    "errors",
    "idempotency_keys",
    "parse_duration",
    "parse_webhook",
    "public_tokens",
    "status",
    "superjson",
    "types",
    "verify_webhook",
    "webhooks",
]
