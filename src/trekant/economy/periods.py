"""Period labels as Statistics Denmark writes them, ordered and measured in years.

Danish StatBank output writes quarters as 2008K1; English as 2008Q1. Both become 2008Q1 here,
so series from either language land on the same period.
"""

from __future__ import annotations

import re
from datetime import date

from trekant.errors import InputError
from trekant.region.periods import frequency, period_start

_DANISH_QUARTER = re.compile(r"^(\d{4})K([1-4])$")
_PER_YEAR = {"year": 1, "half-year": 2, "quarter": 4, "month": 12}


def normalise(label: str) -> str:
    """'2008K1' → '2008Q1'; other labels unchanged apart from surrounding space."""
    text = str(label).strip()
    match = _DANISH_QUARTER.match(text)
    return f"{match.group(1)}Q{match.group(2)}" if match else text


def option(label: str | None, name: str) -> str | None:
    """A period given as a command option, normalised; InputError naming the option if it is none."""
    if label is None:
        return None
    text = normalise(label)
    try:
        period_start(text)
    except ValueError as exc:
        raise InputError(name, reason=str(exc)) from None
    return text


def check_window(first: str, last: str) -> None:
    """A window must run forward in time."""
    if position_years(last) <= position_years(first):
        raise InputError("window", reason=f"the end {last} must come after the start {first}")


def start(label: str) -> date:
    """First day of the period (ValueError for anything that is no period label)."""
    return period_start(normalise(label))


def position_years(label: str) -> float:
    """The period's place on a time axis in years: 2018Q3 → 2018.5, 2021M10 → 2021.75."""
    text = normalise(label)
    first = period_start(text)
    steps = _PER_YEAR[frequency(text)]
    index = (first.month - 1) * steps // 12
    return first.year + index / steps


def years_between(first: str, last: str) -> float:
    """Length of the window first → last in years (2008Q1 → 2020Q1 is 12.0)."""
    return position_years(last) - position_years(first)


def season(label: str) -> str:
    """The part of the label within the year: '' for years, 'Q1', 'M10', 'H2'."""
    text = normalise(label)
    return text[4:]
