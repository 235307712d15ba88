"""Choose the reader by file type: .csv/.txt StatBank CSV, .px PC-Axis, .json/.jsonstat JSON-stat."""

from __future__ import annotations

from pathlib import Path

from trekant.economy.io import jsonstat, pcaxis, statbank_csv
from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.textfile import file_problem, raise_issue

READERS = {".csv": statbank_csv.read, ".txt": statbank_csv.read, ".px": pcaxis.read,
           ".json": jsonstat.read, ".jsonstat": jsonstat.read}


def read(path: Path) -> RawTable:
    path = Path(path)
    problem = file_problem(path)
    if problem:
        raise_issue(problem)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(str(path), reason=f"unknown file type {path.suffix!r} (use {', '.join(READERS)})")
    return reader(path)
