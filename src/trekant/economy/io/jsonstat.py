"""JSON-stat (1.x and 2.0), as the StatBank API and many statistics offices serve it, via pyjstat."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
from pyjstat import pyjstat

from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.textfile import parse_json, read_utf8

VALUE = "value"
# The table pyjstat builds has one row per cell of the declared cube. StatBank hands out at most a few
# million cells per extract; a 200-byte file declaring 3000 × 3000 × 3000 would need terabytes.
MAX_CELLS = 10_000_000


def _dataset(path: Path) -> tuple[dict, pyjstat.Dataset]:
    text = read_utf8(path, "JSON-stat", hint="JSON-stat is UTF-8")
    document = parse_json(text, str(path))
    if isinstance(document, dict) and "dataset" in document and "class" not in document:
        document = document["dataset"]  # JSON-stat 1.x bundle of one dataset
    if not isinstance(document, dict) or "dimension" not in document or "value" not in document:
        raise InputError(str(path), reason="not a JSON-stat dataset (needs 'dimension' and 'value')")
    _check_declared_size(document, str(path))
    try:
        return document, pyjstat.Dataset.read(json.dumps(document))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(str(path), reason=f"not a readable JSON-stat dataset: {exc}") from None


def _categories(dimension: object) -> int | None:
    """How many categories a dimension lists (index or label), or None when it lists none."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        return None
    listed = category.get("index") or category.get("label")
    return len(listed) if isinstance(listed, (dict, list)) and listed else None


def _check_declared_size(document: dict, source: str) -> None:
    """Refuse, before anything is allocated, a cube larger than MAX_CELLS or sizes its dimensions do not list."""
    dimensions = document.get("dimension") or {}
    ids = document.get("id") or (dimensions.get("id") if isinstance(dimensions, dict) else None) or []
    sizes = document.get("size") or (dimensions.get("size") if isinstance(dimensions, dict) else None) or []
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes) \
            or not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes):
        raise InputError(source, "id/size", "JSON-stat 'id' and 'size' must be lists of equal length "
                                            "(dimension names, and whole numbers of categories)")
    cells = 1
    for name, size in zip(ids, sizes):
        listed = _categories(dimensions.get(name) if isinstance(dimensions, dict) else None)
        if listed != size:
            raise InputError(source, f"dimension {name}", f"declares {size} categories but lists {listed or 0}")
        cells *= size
    if cells > MAX_CELLS:
        raise InputError(source, "size", f"declares {cells:,} cells ({' × '.join(map(str, sizes))}), more than the "
                                         f"{MAX_CELLS:,} a JSON-stat import reads; fetch a smaller selection")


def _frames(path: Path, dataset: pyjstat.Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    try:
        with warnings.catch_warnings():  # pyjstat's own write() calls its deprecated from_json_stat()
            warnings.simplefilter("ignore", DeprecationWarning)
            return dataset.write("dataframe", naming="label"), dataset.write("dataframe", naming="id")
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(str(path), reason=f"JSON-stat dimensions and values do not fit together: {exc}") from None


def read(path: Path) -> RawTable:
    document, dataset = _dataset(path)
    labels, ids = _frames(path, dataset)
    if len(labels.columns) != len(ids.columns):
        raise InputError(str(path), reason="JSON-stat dimensions have inconsistent labels")
    value_label = labels.columns[-1]
    frame = labels.rename(columns={value_label: VALUE}).copy()
    frame[VALUE] = ["" if pd.isna(v) else str(v) for v in frame[VALUE]]
    dimension_names = list(frame.columns[:-1])
    alternatives = {name: ids.iloc[:, i].astype(str) for i, name in enumerate(dimension_names)}
    time_dimensions = set((document.get("role") or {}).get("time", []))
    for i, dim_id in enumerate(ids.columns[:-1]):
        if dim_id in time_dimensions or dim_id.lower() in ("tid", "time"):
            frame[dimension_names[i]] = ids.iloc[:, i].astype(str)  # ids are the canonical period labels
    frame.columns = [*(_dimension_id(ids, i) for i in range(len(dimension_names))), VALUE]
    alternatives = {_dimension_id(ids, i): alternatives[n] for i, n in enumerate(dimension_names)}
    return RawTable(str(path), frame, VALUE, title=str(document.get("label", "")),
                    unit=_unit(document), origin=str(document.get("source", "")),
                    alternatives=alternatives, row_word="value", row_offset=1)


def _dimension_id(ids: pd.DataFrame, i: int) -> str:
    return str(ids.columns[i])


def _unit(document: dict) -> str:
    extension = document.get("extension") or {}
    unit = extension.get("unit") if isinstance(extension, dict) else None
    if isinstance(unit, dict):
        return str(unit.get("label") or unit.get("base") or "")
    return str(unit or "")
