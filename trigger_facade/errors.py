"""Every exception the client raises.

    TriggerError
    ├── InvalidInputError (also ValueError)      bad argument, raised before any request
    │   └── ConfigurationError                   missing key, wrong key kind, missing project ref...
    ├── RunWaitTimeoutError (also TimeoutError)  runs.wait gave up; the run may still finish
    ├── RunFailedError                           handle.result(): the run failed (error kept)
    │   ├── RunCancelledError                    ... it was cancelled
    │   └── RunExpiredError                      ... it expired unstarted (ttl) or hit maxDuration
    ├── PayloadDecodeError (also ValueError)     a payload or output that cannot be decoded
    ├── PublicTokenError (also ValueError)       a public token that does not verify or read
    ├── WebhookError                             a webhook delivery was refused
    │   ├── WebhookSignatureError                missing or wrong signature
    │   └── WebhookPayloadError (also ValueError) signed, but not an event this version reads
    ├── RealtimeProtocolError                    the realtime server broke its protocol
    └── APIError
        ├── APIConnectionError                   no usable answer (may_have_succeeded says if the
        │   └── APITimeoutError                  server could have acted on the request)
        ├── ResponseValidationError              a 2xx body that does not fit the spec (raw body kept)
        └── APIStatusError                       the server answered with an error status
            ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
            ├── NotFoundError 404, ConflictError 409, UnprocessableEntityError 422,
            ├── RateLimitError 429 (retry_after), InternalServerError 5xx
            └── BatchNotSealedError              the items stream never sealed its batch

Messages carry the server's own words; no exception ever holds the secret key or request headers.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._error_responses import REDACTED as REDACTED
from ._error_responses import (
    decode_body,
    rebuild_error,
    response_state,
    safe_url,
    sanitized,
    server_message,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchAlreadyExistsError",
    "BatchNotSealedError",
    "BatchPartiallySentError",
    "ConfigurationError",
    "ConflictError",
    "DeadlineExceededError",
    "InternalServerError",
    "InvalidInputError",
    "NotFoundError",
    "PaginationLoopError",
    "PayloadDecodeError",
    "PermissionDeniedError",
    "PublicTokenError",
    "RateLimitError",
    "RealtimeProtocolError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RunCancelledError",
    "RunExpiredError",
    "RunFailedError",
    "RunWaitTimeoutError",
    "TriggerError",
    "UnprocessableEntityError",
    "UnreadableResponseError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
]


class TriggerError(Exception):
    """Base of every error raised by trigger-facade."""


class InvalidInputError(TriggerError, ValueError):
    """An argument is not in an accepted form; nothing was sent."""


class ConfigurationError(InvalidInputError):
    """The client cannot make this call as configured (key, key kind, project ref, branch, URL)."""


class RunWaitTimeoutError(TriggerError, TimeoutError):
    """runs.wait() reached its timeout before the run finished. The run itself goes on."""

    def __init__(self, run_id: str, timeout: float, last_status: str | None) -> None:
        super().__init__(f"run {run_id} did not finish within {timeout:g} s (last status: {last_status or 'unknown'})")
        self.run_id = run_id
        self.timeout = timeout
        self.last_status = last_status


class RunFailedError(TriggerError):
    """A run a handle waited for ended without output: `error` is the run's error as the server gave
    it (e.g. {"name": "Error", "message": "boom", "stackTrace": "..."}), `status` its final status."""

    def __init__(self, run_id: str, status: str, error: dict[str, Any] | None) -> None:
        detail = ""
        if error:
            name, message = error.get("name"), error.get("message")
            detail = ": " + ": ".join(str(part) for part in (name, message) if part)
        super().__init__(f"run {run_id} ended {status}{detail}" if run_id else f"an item ended {status}{detail}")
        self.run_id = run_id
        self.status = status
        self.error = error

    @property
    def message(self) -> str | None:
        """The run error's message, if it has one."""
        value = (self.error or {}).get("message")
        return value if isinstance(value, str) else None


class RunCancelledError(RunFailedError):
    """The run was cancelled (by a user, a bulk action or its parent) before it produced output."""


class RunExpiredError(RunFailedError):
    """The run never finished in time: EXPIRED (its ttl passed before it started) or TIMED_OUT
    (it ran past maxDuration)."""


class PayloadDecodeError(TriggerError, ValueError):
    """A payload or output could not be decoded (bad superjson text, unknown annotation, bad value)."""


class PublicTokenError(TriggerError, ValueError):
    """A token does not verify (signature, algorithm, issuer, audience, expiry) or cannot be read."""


class WebhookError(TriggerError):
    """A webhook delivery was refused."""


class WebhookSignatureError(WebhookError):
    """The signature header is missing, repeated, or does not match the body and secret."""


class WebhookPayloadError(WebhookError, ValueError):
    """The signature matches but the body is not a Trigger.dev webhook event this version reads."""


class RealtimeProtocolError(TriggerError):
    """The realtime server answered something the protocol does not allow (a missing or malformed
    header, a body that is not the expected JSON, a value that does not fit its column type)."""


class APIError(TriggerError):
    """A request was made and did not succeed."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:
        # error trackers pickle exceptions: rebuild from the plain attributes (keyword-only
        # constructors cannot be rebuilt from args), never from live connections
        state = {k: v for k, v in self.__dict__.items() if k != "response"}
        if isinstance(self.__dict__.get("response"), httpx.Response):
            state["_pickled_response"] = response_state(self.__dict__["response"])
        return (rebuild_error, (type(self), self.args, state))


class ResponseTooLargeError(APIError):
    """The answer was larger than the client's cap (max_response_bytes, or max_download_bytes for
    presigned storage); it was not read further. Nothing is retried."""

    def __init__(self, message: str, *, method: str, url: str, limit: int) -> None:
        super().__init__(message, method=method, url=url)
        self.limit = limit


class UnreadableResponseError(APIError):
    """The answer's body could not be decoded (a corrupt or unrequested content encoding)."""


class PaginationLoopError(APIError):
    """A list's server handed back a page cursor it had given before; paging stopped there."""


class APIConnectionError(APIError):
    """No usable answer arrived (after retries).

    `may_have_succeeded` is False only when the request certainly never reached the server (the
    connection was refused or never opened); otherwise the server may have acted on it. Triggers are
    still safe to repeat: the same idempotency key makes the server answer with the same run.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        method: str | None = None,
        url: str | None = None,
        may_have_succeeded: bool = True,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.may_have_succeeded = may_have_succeeded


class APITimeoutError(APIConnectionError):
    """The request timed out (after retries)."""


class DeadlineExceededError(APITimeoutError):
    """A caller's deadline (a wait's `timeout`) left no time for the request or its next retry."""


class ResponseValidationError(APIError):
    """A successful answer whose body does not match the spec. `body` keeps what was received."""

    def __init__(self, message: str, *, status_code: int, body: Any, method: str, url: str) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.body = body


class APIStatusError(APIError):
    """The server answered with an error status; `status_code`, `headers` and `body` are kept.

    `response` is a copy of the answer whose request carries no credentials (the Authorization
    header reads `[redacted]`), so nothing reachable from the error holds the key.
    `may_have_succeeded` is True for 5xx and 408 answers, after which the server may have acted.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        response = sanitized(response)
        super().__init__(message, method=response.request.method, url=safe_url(response.request))
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body

    @property
    def may_have_succeeded(self) -> bool:
        return self.status_code >= 500 or self.status_code == 408

    @property
    def request_id(self) -> str | None:
        request_id = self.headers.get("x-request-id")
        return str(request_id) if request_id is not None else None


class BadRequestError(APIStatusError):
    """400: the server rejected the request's content."""


class AuthenticationError(APIStatusError):
    """401: the key is missing, wrong, or belongs to another environment."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but may not do this (a scoped key's preset, or a query scope too wide)."""


class NotFoundError(APIStatusError):
    """404: no such resource in this environment."""


class ConflictError(APIStatusError):
    """409: the resource is in a state that conflicts with the request."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but breaks a rule (too many tags, run not DELAYED...)."""


class RateLimitError(APIStatusError):
    """429 after the retries ran out. `retry_after` is the server's suggested wait in seconds."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, retry_after: float | None) -> None:
        super().__init__(message, response=response, body=body)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the server failed (after retries)."""


class BatchNotSealedError(APIStatusError):
    """The batch items stream was accepted but the batch never sealed (after retries)."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, batch_id: str) -> None:
        super().__init__(message, response=response, body=body)
        self.batch_id = batch_id


class BatchPartiallySentError(TriggerError):
    """A batch_trigger call stopped part-way: some server batches exist, later items were not sent.

    `created` holds the BatchPart of every batch already created (sealed or not), `next_index` the
    index (in the caller's items) of the first item that was not accepted. Resume with the items from
    `next_index` on; `__cause__` is the error that stopped the call.
    """

    def __init__(self, message: str, *, created: tuple[Any, ...], next_index: int) -> None:
        super().__init__(message)
        self.created = created
        self.next_index = next_index

    @property
    def batch_ids(self) -> list[str]:
        return [part.id for part in self.created]


class BatchAlreadyExistsError(UnprocessableEntityError):
    """422: a batch with this idempotency key was already created (perhaps by an earlier attempt whose
    answer was lost). The server does not say which batch it is, and its items may never have been sent."""

    @property
    def may_have_succeeded(self) -> bool:
        # the batch it reports may be this very call's, made by an attempt whose answer was lost (O5)
        return True


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
}


def make_status_error(response: httpx.Response, *, retry_after: float | None = None) -> APIStatusError:
    """The one mapping from an error response to an exception class."""
    body = decode_body(response)
    message = server_message(response.status_code, body)
    status = response.status_code
    if status == 429:
        return RateLimitError(message, response=response, body=body, retry_after=retry_after)
    if status >= 500:
        return InternalServerError(message, response=response, body=body)
    cls = _STATUS_CLASSES.get(status, APIStatusError)
    return cls(message, response=response, body=body)
