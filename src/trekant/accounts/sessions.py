"""Session timeouts: a session ends after an idle spell or at an absolute age, whichever comes first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from trekant.accounts.model import SessionRecord

TOUCH_EVERY = timedelta(minutes=1)  # write last_seen_at at most this often (one write a minute, not per request)


@dataclass(frozen=True)
class Timeouts:
    idle: timedelta
    absolute: timedelta


def is_live(record: SessionRecord, now: datetime, timeouts: Timeouts) -> bool:
    """Alive while used within the idle timeout and younger than the absolute timeout."""
    return now - record.last_seen_at < timeouts.idle and now - record.created_at < timeouts.absolute


def needs_touch(record: SessionRecord, now: datetime) -> bool:
    return now - record.last_seen_at >= TOUCH_EVERY
