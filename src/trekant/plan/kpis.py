"""KPIs the plan register feeds to the joint strategy (discovered by the strategy module).

plan.open_conflicts: the number of cross-border environmental-distance conflicts among the live
(non-cancelled) frames now; its history is the same count at the end of each month in which
the plan changed (at most the last 12).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Connection

from trekant.kpi import KpiReading, KpiSource
from trekant.plan import checks, repo
from trekant.plan.codes import load_code_lists
from trekant.plan.model import DEFAULT_SENSITIVE_USES, LIVE_STATUSES
from trekant.settings import Settings

SOURCE = ("trekant plan register: frames closer than Miljøstyrelsen's recommended distance (2004) "
          "to a sensitive frame of another municipality")
HISTORY_MONTHS = 12


def _period(moment: datetime) -> str:
    return f"{moment:%Y}M{moment:%m}"


def _month_end(moment: datetime) -> datetime:
    first_next = (moment.replace(day=1) + timedelta(days=32)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first_next - timedelta(microseconds=1)


def _count(conn: Connection, at: datetime | None) -> tuple[int, bool]:
    codes = load_code_lists()
    frames = repo.read_check_frames(conn, LIVE_STATUSES, codes.source_classes(), DEFAULT_SENSITIVE_USES, at=at)
    if not len(frames):
        return 0, False
    return len(checks.environmental_conflicts(frames, codes.distance_m)), bool(frames["is_demo"].any())


def open_conflicts(conn: Connection, settings: Settings) -> KpiReading:
    now = datetime.now(timezone.utc)
    value, demo = _count(conn, None)
    months = sorted({_period(m): m for m in repo.change_moments(conn)}.items())[-HISTORY_MONTHS:]
    history = tuple((period, float(_count(conn, min(_month_end(m), now))[0])) for period, m in months)
    return KpiReading(value=float(value), period=_period(now), unit="conflicts", source=SOURCE, is_demo=demo,
                      history=history)


SOURCES: dict[str, KpiSource] = {"plan.open_conflicts": open_conflicts}
