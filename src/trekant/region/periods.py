"""Statistics Denmark period labels (2018, 2018Q1, 2021M10, 2018H1) → first day of the period."""

from __future__ import annotations

import re
from datetime import date

_PATTERNS = [
    (re.compile(r"^(\d{4})$"), lambda y: date(int(y), 1, 1)),
    (re.compile(r"^(\d{4})Q([1-4])$"), lambda y, q: date(int(y), 3 * int(q) - 2, 1)),
    (re.compile(r"^(\d{4})M(0[1-9]|1[0-2])$"), lambda y, m: date(int(y), int(m), 1)),
    (re.compile(r"^(\d{4})H([12])$"), lambda y, h: date(int(y), 6 * int(h) - 5, 1)),
]


def period_start(label: str) -> date:
    """First day of a period label; ValueError for anything else."""
    text = label.strip()
    for pattern, build in _PATTERNS:
        match = pattern.match(text)
        if match:
            return build(*match.groups())
    raise ValueError(f"not a period label (expected 2018, 2018Q1, 2018M01 or 2018H1): {label!r}")


def frequency(label: str) -> str:
    """'year', 'quarter', 'month' or 'half-year' for a valid label."""
    period_start(label)
    if "Q" in label:
        return "quarter"
    if "M" in label:
        return "month"
    if "H" in label:
        return "half-year"
    return "year"
