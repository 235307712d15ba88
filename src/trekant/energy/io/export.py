"""Hourly results to CSV or Parquet (for plots): one row per hour, one column per flow (MW).

The target is checked before any model is built (`check_target`), and written through a temporary
file in the same directory that replaces the target only when complete: a failed or interrupted
export never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from trekant import sheets
from trekant.errors import InputError

SUFFIXES = (".csv", ".parquet")


def check_target(path: Path) -> None:
    """Fail early on a target that cannot be written, before minutes of solving."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(str(path), "--export", "export to a .csv or .parquet file")
    if path.is_dir():
        raise InputError(str(path), "--export", "is a directory; give a file name")
    if not path.parent.is_dir():
        raise InputError(str(path), "--export", f"no such directory: {path.parent}")


def write_hourly(frame: pd.DataFrame, path: Path) -> str:
    check_target(path)
    out = frame.rename_axis("utc_timestamp")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), "--export", f"cannot write: {exc.strerror or exc}") from None
    os.close(handle)
    try:
        sheets.write_csv(out, temporary, index=True, encoding="utf-8") if path.suffix.lower() == ".csv" \
            else out.to_parquet(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise InputError(str(path), "--export", f"cannot write: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return str(path)
