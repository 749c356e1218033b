"""client.queues.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from ..queues_ref import QueueRef

QueueArg = str | QueueRef
