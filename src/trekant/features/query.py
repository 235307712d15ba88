"""What a client may ask of a layer: typed property filters, a time interval, a page (pure parsing).

Every bad value raises QueryError naming the parameter, so the web face answers 400 with the
field, and no query reaches the store.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from shapely.geometry import Polygon

from trekant.features.layers import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, Layer

MAX_LIMIT = 10_000
DEFAULT_LIMIT = 10


class QueryError(ValueError):
    """A query parameter with a value that cannot be used."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class ItemQuery:
    """A selection of features: box (in the store CRS), properties equal to values, time, page."""

    area: Polygon | None = None
    bounds: tuple[float, float, float, float] | None = None
    filters: dict[str, object] = field(default_factory=dict)
    interval: tuple[datetime | None, datetime | None] | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def parse_value(layer: Layer, prop: str, text: str):
    """A filter value read as the property's type (komnr=0621 stays text; anvgen=21 an integer)."""
    kind = layer.property_type(prop)
    try:
        if kind == INTEGER:
            return int(text)
        if kind == NUMBER:
            value = float(text)
            if not math.isfinite(value):
                raise ValueError
            return value
        if kind == BOOLEAN:
            return {"true": True, "false": False, "1": True, "0": False}[text.lower()]
        if kind == DATE:
            return date.fromisoformat(text)
        if kind == DATETIME:
            return _instant(text)
    except (ValueError, KeyError):
        raise QueryError(prop, f"{text!r} is not a valid {kind} for the property {prop}") from None
    return text


def parse_filters(layer: Layer, given: dict[str, str]) -> dict[str, object]:
    return {prop: parse_value(layer, prop, text) for prop, text in given.items()}


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def parse_datetime(text: str) -> tuple[datetime | None, datetime | None]:
    """An RFC 3339 instant or interval ('a/b', '../b', 'a/..', '/b', 'a/') as (start, end), UTC."""
    parts = text.split("/")
    if len(parts) > 2 or not text:
        raise QueryError("datetime", f"{text!r} is not an RFC 3339 date-time or interval")
    try:
        ends = [None if p in ("", "..") else _instant(p) for p in parts]
    except ValueError:
        raise QueryError("datetime", f"{text!r} is not an RFC 3339 date-time or interval") from None
    if len(ends) == 1:
        if ends[0] is None:
            raise QueryError("datetime", f"{text!r} is not an RFC 3339 date-time or interval")
        return ends[0], ends[0]
    start, end = ends
    if start is None and end is None:
        raise QueryError("datetime", "an interval needs at least one end")
    if start and end and start > end:
        raise QueryError("datetime", "the interval starts after it ends")
    return start, end


def parse_count(name: str, text: str | None, default: int, low: int, high: int | None) -> int:
    """limit (1…10000) or offset (≥ 0): an integer in range, else QueryError."""
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise QueryError(name, f"{text!r} is not an integer") from None
    if value < low or (high is not None and value > high):
        bound = f"{low}…{high}" if high is not None else f"≥ {low}"
        raise QueryError(name, f"{value} is out of range ({bound})")
    return value
