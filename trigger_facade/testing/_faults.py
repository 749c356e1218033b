"""What goes wrong on purpose: dropped connections, 5xx and 429 bursts, latency."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field


class DropConnection(Exception):
    """Raised by the fake after it has done the work: the answer never reaches the client."""


@dataclass
class Faults:
    """Fault injection. Probabilities are per request; a burst repeats its answer `*_burst` times.

    drop_after_work: the request is carried out, then the connection drops (the client sees a
    network error although the run exists). error_5xx / rate_limit: answered before any work; an
    injected 429 has the shape the route's own limiter gives (W12), and routes the server never
    rate-limits (timezones, packets) are never given one.
    """

    drop_after_work: float = 0.0
    error_5xx: float = 0.0
    error_5xx_burst: int = 1
    rate_limit: float = 0.0
    rate_limit_burst: int = 1
    rate_limit_retry_after: float = 0.05
    latency: float = 0.0
    seed: int = 0
    _rng: random.Random = field(init=False, repr=False)
    _pending_5xx: int = field(default=0, init=False, repr=False)
    _pending_429: int = field(default=0, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    counts: dict[str, int] = field(default_factory=lambda: {"dropped": 0, "5xx": 0, "429": 0}, init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def before(self, *, limited: bool = True) -> str | None:
        """ "5xx" or "429" to answer at once without doing anything, else None."""
        with self._lock:
            if self._pending_5xx == 0 and self.error_5xx and self._rng.random() < self.error_5xx:
                self._pending_5xx = self.error_5xx_burst
            if self._pending_5xx:
                self._pending_5xx -= 1
                self.counts["5xx"] += 1
                return "5xx"
            if not limited:
                return None
            if self._pending_429 == 0 and self.rate_limit and self._rng.random() < self.rate_limit:
                self._pending_429 = self.rate_limit_burst
            if self._pending_429:
                self._pending_429 -= 1
                self.counts["429"] += 1
                return "429"
            return None

    def drop_now(self) -> bool:
        with self._lock:
            if self.drop_after_work and self._rng.random() < self.drop_after_work:
                self.counts["dropped"] += 1
                return True
            return False
