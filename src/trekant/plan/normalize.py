"""Map a plan layer as found in the wild onto the canonical frame columns (pure, no I/O).

Real Plandata exports drift in types: codes as floats (anvgen 71.0), komnr as 630 or "0630",
dates as 20211013, 20230228.0 or ISO text, the status in `planstatus`. Everything is coerced
here, and every value that cannot be coerced becomes an Issue naming feature and field.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import MultiPolygon

from trekant.errors import Issue
from trekant.plan.codes import CodeLists
from trekant.plan.model import CODE_COLUMNS, DATE_COLUMNS, FRAME_COLUMNS, MEASURE_COLUMNS, STORE_CRS

ALIASES = {"planstatus": "status", "kommunekode": "komnr", "komkode": "komnr", "geometri": None}
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
MAX_CODE = 1_000_000  # Plandata codes have at most 4 digits; anything this large is garbage
EXACT_INTEGER_LIMIT = 2.0 ** 53  # a float64 holds every whole number below this exactly, and not all above


def shown(value) -> str:
    """A value as the user wrote it, for messages: numpy scalars as plain Python (20210230, not np.int32(20210230))."""
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value)


class Normalizer:
    """Collects issues while turning one raw layer into canonical frames."""

    def __init__(self, source: str, codes: CodeLists):
        self.source = source
        self.codes = codes
        self.issues: list[Issue] = []
        self.where: np.ndarray = np.array([], dtype=object)

    def add(self, severity: str, code: str, rows, field: str | None, message) -> None:
        """One issue per row index in `rows`; message may be a str or a callable(row) -> str."""
        for row in rows:
            text = message(row) if callable(message) else message
            self.issues.append(Issue(severity, code, self.source, str(self.where[row]), text, field))

    def file_issue(self, code: str, message: str) -> None:
        self.issues.append(Issue("error", code, self.source, "file", message, None))


def canonical_columns(attributes: pd.DataFrame) -> pd.DataFrame:
    """Lower-case names, Plandata's aliases (planstatus → status), anvspec1 → anvspec."""
    renamed = attributes.rename(columns=lambda c: str(c).strip().lower())
    renamed = renamed.loc[:, ~renamed.columns.duplicated()]
    for alias, target in ALIASES.items():
        if alias in renamed.columns and target and target not in renamed.columns:
            renamed = renamed.rename(columns={alias: target})
    if "anvspec" not in renamed.columns and "anvspec1" in renamed.columns:
        renamed = renamed.rename(columns={"anvspec1": "anvspec"})
    for column in FRAME_COLUMNS:
        if column not in renamed.columns:
            renamed[column] = None
    return renamed


def as_text(values: pd.Series) -> pd.Series:
    """Strings with floats that are whole numbers written without '.0'; blanks become None."""
    def one(v):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return None
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        text = str(v).strip()
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
        return text or None
    return pd.Series([one(v) for v in values], index=values.index, dtype=object)  # map() would turn None into NaN


def inexact_rows(values: pd.Series) -> np.ndarray:
    """Rows holding a floating-point number too large to be a whole number exactly: GDAL reads a
    planid of 21 digits (or 1e40) as a float, which changes it and can make two ids equal."""
    numbers = pd.to_numeric(values.where(values.map(lambda v: isinstance(v, (float, np.floating)))), errors="coerce")
    return np.flatnonzero((numbers.abs() >= EXACT_INTEGER_LIMIT).fillna(False).to_numpy(dtype=bool))


def exact_text(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """as_text, with an error on each number too large to be read exactly (see inexact_rows)."""
    n.add("error", "invalid-value", inexact_rows(values), field, lambda r: (
        f"{float(values.iloc[r]):.17g} is too large to be read exactly: the file holds it as a number, "
        "which changes it (and can make two ids the same); write it as text"))
    return as_text(values)


def nan_values(n: Normalizer, nan_cells: dict, columns) -> None:
    """NaN written in the file is no value at all: an error naming feature and field (a null is fine)."""
    for column, rows in sorted(nan_cells.items()):
        if column.lower() in columns:
            n.add("error", "invalid-value", rows, column.lower(), "NaN is not a number (leave the field empty instead)")


def text_with_nul(n: Normalizer, text: pd.Series, field: str) -> None:
    bad = np.flatnonzero([isinstance(v, str) and "\0" in v for v in text])
    n.add("error", "invalid-value", bad, field, "a NUL character in the text (readers cut the text there)")


def as_number(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """Floats; text that is no number (or 'true'/'false') is an invalid-value error."""
    text = values.map(lambda v: None if v is None else (str(v).strip() or None) if isinstance(v, str) else v)
    numbers = pd.to_numeric(text.map(lambda v: v.replace(",", ".") if isinstance(v, str) else v), errors="coerce")
    bad = np.flatnonzero(text.notna().to_numpy() & numbers.isna().to_numpy())
    n.add("error", "invalid-value", bad, field, lambda r: f"{shown(values.iloc[r])} is not a number")
    inf = np.flatnonzero(np.isinf(numbers.to_numpy(dtype=float)))
    n.add("error", "invalid-value", inf, field, "infinite value")
    return numbers.where(np.isfinite(numbers.to_numpy(dtype=float)))


def as_code(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """Whole-number codes as nullable integers (71.0 → 71); 71.5 or 1e20 is an unknown code."""
    numbers = as_number(n, values, field)
    present = numbers.notna().to_numpy()
    plausible = (numbers.abs() < MAX_CODE) & (numbers % 1 == 0)
    bad = np.flatnonzero(present & ~plausible.fillna(False).to_numpy(dtype=bool))
    n.add("error", "unknown-code", bad, field, lambda r: f"{numbers.iloc[r]:g} is not a whole-number code")
    return numbers.where(plausible).round().astype("Int64")


def as_komnr(n: Normalizer, values: pd.Series) -> pd.Series:
    """Four-digit municipality codes: 630, 630.0, '630' and '0630' all become '0630'."""
    text = as_text(values)
    ok = np.array([v is None or (v.isdigit() and len(v) <= 4) for v in text], dtype=bool)
    n.add("error", "unknown-code", np.flatnonzero(~ok), "komnr", lambda r: f"{shown(values.iloc[r])} is not a municipality code")
    codes = [v.zfill(4) if good and v is not None else None for v, good in zip(text, ok)]
    return pd.Series(codes, index=values.index, dtype=object)


def _date_text(v) -> str | None:
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, (pd.Timestamp, date)):
        return v.strftime("%Y%m%d")
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    text = str(v).strip()
    if not text:
        return None
    if len(text) >= 10 and text[4] == text[7] and text[4] in "-/":  # ISO, or GDAL's 2021/05/01 00:00:00
        return text[:10].replace(text[4], "")
    return text[:-2] if text.endswith(".0") else text


def as_date(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """datetime.date from YYYYMMDD (int, float or text) or ISO text; anything else is invalid-date."""
    text = values.map(_date_text).astype(object)
    parsed = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
    in_range = parsed.dt.year.between(EARLIEST_YEAR, LATEST_YEAR)
    bad = np.flatnonzero(text.notna().to_numpy() & ~in_range.fillna(False).to_numpy(dtype=bool))
    n.add("error", "invalid-date", bad, field, lambda r: f"{shown(values.iloc[r])} is not a date (YYYYMMDD or YYYY-MM-DD)")
    good = parsed.where(in_range)
    return pd.Series([d.date() if not pd.isna(d) else None for d in good], index=values.index, dtype=object)


def as_status(n: Normalizer, values: pd.Series, default: str | None) -> pd.Series:
    """Plandata status codes (K, F, KV, V, A) from codes, Danish or English words."""
    text = as_text(values)
    codes = pd.Series([None if v is None else n.codes.status_code(v) for v in text], index=text.index, dtype=object)
    unknown = np.flatnonzero(text.notna().to_numpy() & codes.isna().to_numpy())
    n.add("error", "unknown-code", unknown, "status", lambda r: f"{text.iloc[r]!r} is not a plan status (K, F, KV, V, A)")
    if default is not None:
        clash = np.flatnonzero(codes.notna().to_numpy() & (codes != default).to_numpy())
        n.add("error", "status-mismatch", clash, "status",
              lambda r: f"the file says {codes.iloc[r]}, the import was asked for {default}")
        codes = codes.where(text.notna(), default)
    missing = np.flatnonzero(text.isna().to_numpy() & codes.isna().to_numpy())
    n.add("error", "missing-value", missing, "status", "no plan status; give one with --status")
    return codes.astype(object)


def _declared_crs(n: Normalizer, crs: str | None) -> CRS | None:
    if not crs:
        n.file_issue("missing-crs", "the file declares no coordinate reference system")
        return None
    try:
        return CRS.from_user_input(crs)
    except CRSError as exc:
        n.file_issue("missing-crs", f"unknown coordinate reference system {crs!r} ({exc})")
        return None


def to_store_crs(n: Normalizer, geoms: np.ndarray, crs: str | None) -> np.ndarray | None:
    """Reproject to EPSG:25832; None when the CRS is missing or contradicts the coordinates."""
    declared = _declared_crs(n, crs)
    if declared is None:
        return None
    geoms = shapely.force_2d(geoms)
    if len(geoms) and _contradicts(n, declared, shapely.total_bounds(geoms)):
        return None
    if declared.equals(CRS.from_user_input(STORE_CRS)):
        return geoms
    transformer = Transformer.from_crs(declared, STORE_CRS, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _contradicts(n: Normalizer, declared: CRS, bounds: np.ndarray) -> bool:
    """A file whose coordinates cannot be in its declared CRS: metres declared as degrees, or
    (every coordinate within ±180/±90) degrees declared as metres."""
    xmin, ymin, xmax, ymax = bounds
    if not np.isfinite(xmin):
        return False
    in_degrees = -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90
    if declared.is_geographic and not in_degrees:
        n.file_issue("missing-crs", f"coordinates up to ({xmax:.6g}, {ymax:.6g}) cannot be longitude/latitude "
                                    f"as the file's CRS {declared.name!r} says; declare the real CRS")
        return True
    if not declared.is_geographic and in_degrees:
        n.file_issue("missing-crs", f"every coordinate lies within ({xmin:.6g}, {ymin:.6g})–({xmax:.6g}, {ymax:.6g}), "
                                    f"longitude/latitude rather than metres of the file's CRS {declared.name!r}; declare the real CRS")
        return True
    return False


def as_multipolygons(n: Normalizer, geoms: np.ndarray, unreadable: np.ndarray) -> np.ndarray:
    """MultiPolygons; None where the geometry is missing, unreadable or of the wrong type."""
    kinds = shapely.get_type_id(geoms)  # -1 for None
    missing = np.flatnonzero((kinds == -1) & ~unreadable)
    n.add("error", "missing-value", missing, "geometry", "the feature has no geometry")
    n.add("error", "invalid-geometry", np.flatnonzero(unreadable), "geometry",
          "the geometry cannot be read (broken WKB, e.g. a ring with fewer than 3 vertices)")
    empty = np.flatnonzero((kinds != -1) & shapely.is_empty(geoms))
    n.add("error", "missing-value", empty, "geometry", "the geometry is empty")
    polygonal = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
    wrong = np.flatnonzero((kinds != -1) & ~polygonal)
    n.add("error", "wrong-geometry-type", wrong, "geometry",
          lambda r: f"{geoms[r].geom_type}, expected Polygon or MultiPolygon")
    out = np.full(len(geoms), None, dtype=object)
    usable = polygonal & ~shapely.is_empty(geoms)
    out[usable] = [g if k == 6 else MultiPolygon([g]) for g, k in zip(geoms[usable], kinds[usable])]
    return out


def _where_labels(planids: pd.Series, inexact: np.ndarray = np.array([], dtype=int)) -> np.ndarray:
    """'planid 123' for features with a unique planid, else 'feature 7' (+ planid when duplicated);
    'feature 7' alone when the planid could not be read exactly."""
    counts = planids.value_counts()
    labels = []
    unreadable = set(inexact.tolist())
    for index, p in enumerate(planids):
        if p is None or index in unreadable:
            labels.append(f"feature {index}")
        elif counts[p] > 1:
            labels.append(f"feature {index} (planid {p})")
        else:
            labels.append(f"planid {p}")
    return np.array(labels, dtype=object)


def normalize(attributes: pd.DataFrame, geometries: np.ndarray, unreadable: np.ndarray, crs: str | None,
              source: str, codes: CodeLists, default_status: str | None = None,
              nan_cells: dict | None = None) -> tuple[gpd.GeoDataFrame, list[Issue]]:
    """Canonical frames (FRAME_COLUMNS + geometry in EPSG:25832, plus `feature` and `where`) and issues."""
    n = Normalizer(source, codes)
    raw = canonical_columns(attributes.reset_index(drop=True))
    planid = as_text(raw["planid"])
    n.where = _where_labels(planid, inexact_rows(raw["planid"]))
    exact_text(n, raw["planid"], "planid")
    nan_values(n, nan_cells or {}, FRAME_COLUMNS)
    out = pd.DataFrame({"feature": np.arange(len(raw)), "where": n.where, "planid": planid})
    out["komnr"] = as_komnr(n, raw["komnr"])
    for column in ("plannr", "plannavn", "doklink"):
        out[column] = exact_text(n, raw[column], column)
        text_with_nul(n, out[column], column)
    for column in CODE_COLUMNS:
        out[column] = as_code(n, raw[column], column)
    for column in MEASURE_COLUMNS:
        out[column] = as_number(n, raw[column], column)
    out["status"] = as_status(n, raw["status"], default_status)
    for column in DATE_COLUMNS:
        out[column] = as_date(n, raw[column], column)
    projected = to_store_crs(n, np.asarray(geometries, dtype=object), crs)
    if projected is None:
        geoms = np.full(len(out), None, dtype=object)
    else:
        geoms = as_multipolygons(n, projected, np.asarray(unreadable, dtype=bool))
    frames = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)
    return frames, n.issues
