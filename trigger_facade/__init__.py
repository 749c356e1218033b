"""trigger-facade: a typed Python client for the Trigger.dev Management REST API.

from trigger_facade import TriggerClient
with TriggerClient() as client:            # TRIGGER_SECRET_KEY from the environment
    handle = client.tasks.trigger("my-task", {"a": 1}, idempotency_key="order-1")
    run = client.runs.wait(handle.id)
"""

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
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    RunWaitTimeoutError,
    TriggerError,
    UnprocessableEntityError,
    UnreadableResponseError,
)
from .models import BatchHandle, BatchPart, Page, Run, RunHandle
from .queues_ref import QueueRef

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
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
    "PermissionDeniedError",
    "QueueRef",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "Run",
    "RunHandle",
    "RunWaitTimeoutError",
    "TriggerClient",
    "TriggerError",
    "UnprocessableEntityError",
    "UnreadableResponseError",
    "__version__",
    "durations",
    "errors",
    "idempotency_keys",
    "parse_duration",
    "status",
]
