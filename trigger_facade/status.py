"""Run statuses in both server vocabularies, and what each means.

The server sends the current vocabulary when asked with `x-trigger-api-version: 2025-07-16` (this
client always asks) and the legacy one otherwise; both are understood here. Unlike the server's own
`isCompleted`, TERMINAL includes EXPIRED and TIMED_OUT, so waiting on such a run ends. A status this
module does not know is treated as still in progress and never raises.
"""

from __future__ import annotations

__all__ = [
    "CANCELLED",
    "EXECUTING",
    "FAILED",
    "QUEUED",
    "SUCCESS",
    "TERMINAL",
    "WAITING",
    "is_cancelled",
    "is_completed",
    "is_executing",
    "is_failed",
    "is_queued",
    "is_success",
    "is_terminal",
    "is_waiting",
]

QUEUED = frozenset({"QUEUED", "WAITING_FOR_DEPLOY", "DELAYED", "PENDING_VERSION"})
EXECUTING = frozenset({"EXECUTING", "DEQUEUED", "REATTEMPTING"})
WAITING = frozenset({"WAITING", "FROZEN"})
SUCCESS = frozenset({"COMPLETED"})
CANCELLED = frozenset({"CANCELED"})
FAILED = frozenset({"FAILED", "CRASHED", "SYSTEM_FAILURE", "INTERRUPTED", "EXPIRED", "TIMED_OUT", "CANCELED"})
TERMINAL = SUCCESS | FAILED


def is_queued(status: str) -> bool:
    """Not started yet: queued, delayed, or waiting for a deployment of its version."""
    return status in QUEUED


def is_executing(status: str) -> bool:
    """Picked up by a worker (dequeued, executing, or retrying after a failed attempt)."""
    return status in EXECUTING


def is_waiting(status: str) -> bool:
    """WAITING or its legacy name FROZEN. The current server never reports it: a run blocked on a
    token, a wait or between two retry attempts reads EXECUTING (server-truth O11), so this is true
    only for statuses from other sources (legacy vocabularies, webhooks)."""
    return status in WAITING


def is_success(status: str) -> bool:
    return status in SUCCESS


def is_failed(status: str) -> bool:
    """Finished without success, including cancelled, expired and timed-out runs."""
    return status in FAILED


def is_cancelled(status: str) -> bool:
    return status in CANCELLED


def is_terminal(status: str) -> bool:
    """Finished for good: nothing about this run will change again."""
    return status in TERMINAL


def is_completed(status: str) -> bool:
    """Alias of is_terminal, under the SDK's name (but EXPIRED and TIMED_OUT count here)."""
    return status in TERMINAL
