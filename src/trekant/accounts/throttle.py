"""Login throttling: after `limit` failures within a window, further attempts are refused (HTTP 429)
until the window ends. Counted per account and per client address; the counts live in the store, so
every worker and machine sees the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

ADDRESS_FACTOR = 4  # an address may fail this many times the per-account limit (several people behind one NAT)


@dataclass(frozen=True)
class Counter:
    failures: int
    window_start: datetime


@dataclass(frozen=True)
class Policy:
    limit: int
    window: timedelta

    def for_address(self) -> "Policy":
        return Policy(self.limit * ADDRESS_FACTOR, self.window)


def account_key(name: str) -> str:
    return f"account:{name.strip().lower()}"


def address_key(address: str) -> str:
    return f"address:{address}"


def retry_after(counter: Counter | None, now: datetime, policy: Policy) -> int:
    """Seconds until attempts are allowed again (0 when they are allowed now)."""
    if counter is None or counter.failures < policy.limit:
        return 0
    ends = counter.window_start + policy.window
    return max(0, int((ends - now).total_seconds() + 0.999)) if now < ends else 0


def after_failure(counter: Counter | None, now: datetime, policy: Policy) -> Counter:
    """The counter once one more failure happened now (a new window when the old one has passed)."""
    if counter is None or now >= counter.window_start + policy.window:
        return Counter(1, now)
    return Counter(counter.failures + 1, counter.window_start)
