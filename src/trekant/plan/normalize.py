"""Map a plan layer as found in the wild onto the canonical columns of its kind (pure, no I/O).

Real Plandata exports drift in types: codes as floats (anvgen 71.0), komnr as 630 or "0630",
dates as 20211013, 20230228.0 or ISO text, plantype 20.1, yes/no as "true"/"false" text or real
booleans, the status in `planstatus`. Everything is coerced here, column by column (vectorised:
a national export has 100,000 features), and every value that cannot be coerced becomes an
Issue naming feature and field.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from trekant.errors import Issue
from trekant.plan.codes import CodeLists
from trekant.plan.layers import CODE, DATE, FLAG, KOMMUNEPLANRAMME, MEASURE, TEXT, PlanLayer
from trekant.plan.model import STORE_CRS

ALIASES = {"planstatus": "status", "kommunekode": "komnr", "komkode": "komnr", "geometri": None}
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
MAX_CODE = 1_000_000  # Plandata codes have at most 4 digits; anything this large is garbage
EXACT_INTEGER_LIMIT = 2.0 ** 53  # a float64 holds every whole number below this exactly, and not all above
FLAG_WORDS = {"true": True, "false": False, "t": True, "f": False, "1": True, "0": False, "ja": True, "nej": False,
              "yes": True, "no": False}


def shown(value) -> str:
    """A value as the user wrote it, for messages: numpy scalars as plain Python (20210230, not np.int32(20210230))."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_INTEGER_LIMIT:
        value = int(value)  # a whole number read as a float because its column has empty cells
    return repr(value)


class Normalizer:
    """Collects issues while turning one raw layer into canonical features."""

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


def canonical_columns(attributes: pd.DataFrame, columns=KOMMUNEPLANRAMME.columns) -> pd.DataFrame:
    """Lower-case names, Plandata's aliases (planstatus → status), anvspec1 → anvspec; absent columns as None."""
    renamed = attributes.rename(columns=lambda c: str(c).strip().lower())
    renamed = renamed.loc[:, ~renamed.columns.duplicated()]
    for alias, target in ALIASES.items():
        if alias in renamed.columns and target and target not in renamed.columns:
            renamed = renamed.rename(columns={alias: target})
    if "anvspec" not in renamed.columns and "anvspec1" in renamed.columns:
        renamed = renamed.rename(columns={"anvspec1": "anvspec"})
    missing = {c: pd.Series([None] * len(renamed), index=renamed.index, dtype=object)
               for c in columns if c not in renamed.columns}
    return pd.concat([renamed, pd.DataFrame(missing, index=renamed.index)], axis=1) if missing else renamed


def _objects(values: pd.Series) -> np.ndarray:
    """The values as an object array with None for every kind of missing."""
    array = values.to_numpy(dtype=object, na_value=None) if values.dtype != object else values.to_numpy()
    return array


def _whole_text(numbers: np.ndarray) -> np.ndarray:
    """Floats as text: whole numbers without '.0' (71.0 → '71'), others as Python writes them (20.1), NaN → None."""
    out = np.full(len(numbers), None, dtype=object)
    finite = np.isfinite(numbers)
    whole = finite & (numbers == np.floor(numbers)) & (np.abs(numbers) < 9.0e18)
    out[whole] = numbers[whole].astype(np.int64).astype(str)
    other = np.flatnonzero(finite & ~whole)
    out[other] = [str(int(v)) if float(v).is_integer() else repr(float(v)) for v in numbers[other]]
    return out


def _text_one(v):
    if v is None:
        return None
    if isinstance(v, str):
        text = v.strip()
    elif isinstance(v, (float, np.floating)):
        if np.isnan(v):
            return None
        text = str(int(v)) if float(v).is_integer() else repr(float(v))
    else:
        text = str(v.item() if isinstance(v, np.generic) else v).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text or None


def _strings(array: np.ndarray) -> list:
    """Text values (all str) stripped, blanks as None, '71.0' as '71' (a code written by a float)."""
    out = [v.strip() or None for v in array]
    if ".0" not in "\n".join(array):  # one search in C instead of a test per value
        return out
    return [t[:-2] if t is not None and t.endswith(".0") and t[:-2].isdigit() else t for t in out]


def _all_missing(values: pd.Series) -> bool:
    """A column the file does not have (canonical_columns made it) or that is empty throughout."""
    return values.dtype == object and pd.api.types.infer_dtype(values.to_numpy(), skipna=True) == "empty"


def as_text(values: pd.Series) -> pd.Series:
    """Strings with floats that are whole numbers written without '.0'; blanks become None."""
    if values.dtype.kind == "f":
        out = _whole_text(values.to_numpy(dtype=float))
    elif values.dtype.kind in "iu":
        out = values.to_numpy().astype(str).astype(object)
    else:
        array = _objects(values)
        kind = pd.api.types.infer_dtype(array, skipna=False)
        if kind == "empty" or (kind == "mixed" and pd.isna(values).all()):
            out = np.full(len(array), None, dtype=object)
        elif kind == "string":  # the common case, without a Python call per value
            out = np.array(_strings(array), dtype=object)
        else:
            out = np.array([_text_one(v) for v in array], dtype=object)
    return pd.Series(out, index=values.index, dtype=object)  # map() would turn None into NaN


def inexact_rows(values: pd.Series) -> np.ndarray:
    """Rows holding a floating-point number too large to be a whole number exactly: GDAL reads a
    planid of 21 digits (or 1e40) as a float, which changes it and can make two ids equal."""
    if values.dtype.kind == "f":
        numbers = values.to_numpy(dtype=float)
    elif values.dtype == object and pd.api.types.infer_dtype(values.to_numpy(), skipna=True) not in ("string", "empty"):
        numbers = np.array([float(v) if isinstance(v, (float, np.floating)) else np.nan for v in values.to_numpy()])
    else:
        return np.array([], dtype=int)
    with np.errstate(invalid="ignore"):
        return np.flatnonzero(np.abs(numbers) >= EXACT_INTEGER_LIMIT)


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
    bad = np.flatnonzero([v is not None and "\0" in v for v in text.to_numpy()])
    n.add("error", "invalid-value", bad, field, "a NUL character in the text (readers cut the text there)")


def _number_one(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, str):
        text = v.strip().replace(",", ".")
        return text or None
    return v


def as_number(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """Floats; text that is no number (or 'true'/'false') is an invalid-value error."""
    if values.dtype.kind in "fiu":
        numbers = pd.Series(values.to_numpy(dtype=float), index=values.index)
        present = ~np.isnan(numbers.to_numpy())
    elif _all_missing(values):
        return pd.Series(np.full(len(values), np.nan), index=values.index)
    else:
        raw = np.array([_number_one(v) for v in _objects(values)], dtype=object)
        is_bool = np.array([isinstance(v, bool) for v in raw], dtype=bool)
        present = np.array([v is not None for v in raw], dtype=bool)
        raw[is_bool] = "not a number"
        numbers = pd.to_numeric(pd.Series(raw, index=values.index), errors="coerce").astype(float)
        bad = np.flatnonzero(present & np.isnan(numbers.to_numpy()))
        n.add("error", "invalid-value", bad, field, lambda r: f"{shown(values.iloc[r])} is not a number")
    array = numbers.to_numpy()
    inf = np.flatnonzero(present & np.isinf(array))
    n.add("error", "invalid-value", inf, field, "infinite value")
    return numbers.where(np.isfinite(array))


def as_code(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """Whole-number codes as nullable integers (71.0 → 71); 71.5 or 1e20 is an unknown code."""
    numbers = as_number(n, values, field)
    array = numbers.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        plausible = (np.abs(array) < MAX_CODE) & (array == np.floor(array))
    bad = np.flatnonzero(~np.isnan(array) & ~plausible)
    n.add("error", "unknown-code", bad, field, lambda r: f"{array[r]:g} is not a whole-number code")
    return pd.Series(pd.array(np.where(plausible, array, np.nan), dtype="Float64").round(), index=values.index).astype("Int64")


def as_komnr(n: Normalizer, values: pd.Series) -> pd.Series:
    """Four-digit municipality codes: 630, 630.0, '630' and '0630' all become '0630'."""
    text = as_text(values).to_numpy(dtype=object)
    present = np.array([v is not None for v in text], dtype=bool)
    if not present.any():
        return pd.Series([None] * len(text), index=values.index, dtype=object)
    given = text[present].astype(str)
    digits = np.char.isdigit(given) & (np.char.str_len(given) <= 4)
    ok = ~present
    ok[present] = digits
    n.add("error", "unknown-code", np.flatnonzero(~ok), "komnr", lambda r: f"{shown(values.iloc[r])} is not a municipality code")
    codes = np.full(len(text), None, dtype=object)
    if digits.any():
        codes[np.flatnonzero(present)[digits]] = np.char.zfill(given[digits], 4).astype(object)
    return pd.Series(codes, index=values.index, dtype=object)


def as_flag(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """Yes/no fields: real booleans (Plandata's JSON) or 'true'/'false' text (ogr2ogr), 1/0, ja/nej."""
    if values.dtype.kind == "b":
        return pd.Series(values.to_numpy(), index=values.index, dtype=object)
    out = []
    bad = []
    for row, v in enumerate(_objects(values)):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, (bool, np.bool_)):
            out.append(bool(v))
        else:
            word = str(v.item() if isinstance(v, np.generic) else v).strip().lower()
            word = word[:-2] if word.endswith(".0") else word
            out.append(FLAG_WORDS.get(word) if word else None)
            if word and word not in FLAG_WORDS:
                bad.append(row)
    n.add("error", "invalid-value", bad, field, lambda r: f"{shown(values.iloc[r])} is not yes/no (true/false)")
    return pd.Series(out, index=values.index, dtype=object)


def _date_text(v) -> str | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, (pd.Timestamp, date)):
        return v.strftime("%Y%m%d")
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    text = str(v.item() if isinstance(v, np.generic) else v).strip()
    if not text:
        return None
    if len(text) >= 10 and text[4] == text[7] and text[4] in "-/":  # ISO, or GDAL's 2021/05/01 00:00:00
        return text[:10].replace(text[4], "")
    return text[:-2] if text.endswith(".0") else text


def _numeric_dates(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """YYYYMMDD numbers → Timestamps (NaT where not a real day), vectorised; and which were given."""
    number = values.to_numpy(dtype=float)
    given = ~np.isnan(number)
    whole = given & (number == np.floor(number)) & (number >= 1e7) & (number < 1e8)
    parts = np.where(whole, number, 0).astype(np.int64)
    parsed = pd.to_datetime(pd.DataFrame(dict(year=np.where(whole, parts // 10000, 1), month=np.where(whole, parts // 100 % 100, 1),
                                              day=np.where(whole, parts % 100, 1))), errors="coerce")
    return parsed.where(whole), given


def as_date(n: Normalizer, values: pd.Series, field: str) -> pd.Series:
    """datetime.date from YYYYMMDD (int, float or text) or ISO text; anything else is invalid-date."""
    if _all_missing(values):
        return pd.Series([None] * len(values), index=values.index, dtype=object)
    if values.dtype.kind in "fiu":
        parsed, given = _numeric_dates(values)
    else:
        text = pd.Series([_date_text(v) for v in _objects(values)], index=values.index, dtype=object)
        parsed = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
        given = text.notna().to_numpy()
    in_range = parsed.dt.year.between(EARLIEST_YEAR, LATEST_YEAR).fillna(False).to_numpy(dtype=bool)
    bad = np.flatnonzero(given & ~in_range)
    n.add("error", "invalid-date", bad, field, lambda r: f"{shown(values.iloc[r])} is not a date (YYYYMMDD or YYYY-MM-DD)")
    days = np.array(parsed.where(in_range).dt.date.to_numpy(dtype=object), dtype=object)
    days[~in_range] = None
    return pd.Series(days, index=values.index, dtype=object)


def as_status(n: Normalizer, values: pd.Series, default: str | None) -> pd.Series:
    """Plandata status codes (K, F, KV, V, A) from codes, Danish or English words."""
    text = as_text(values)
    known = {v: n.codes.status_code(v) for v in pd.unique(text.dropna())}
    codes = pd.Series([None if v is None else known[v] for v in text], index=text.index, dtype=object)
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
    if shapely.has_z(geoms).any():
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
    empty_mask = (kinds != -1) & shapely.is_empty(geoms)
    n.add("error", "missing-value", np.flatnonzero(empty_mask), "geometry", "the geometry is empty")
    polygonal = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
    wrong = np.flatnonzero((kinds != -1) & ~polygonal)
    n.add("error", "wrong-geometry-type", wrong, "geometry",
          lambda r: f"{geoms[r].geom_type}, expected Polygon or MultiPolygon")
    out = np.full(len(geoms), None, dtype=object)
    usable = polygonal & ~empty_mask
    out[usable & (kinds == 6)] = geoms[usable & (kinds == 6)]
    single = np.flatnonzero(usable & (kinds == 3))
    if len(single):
        out[single] = shapely.multipolygons(geoms[single], indices=np.arange(len(single)))
    return out


def _where_labels(planids: pd.Series, inexact: np.ndarray = np.array([], dtype=int)) -> np.ndarray:
    """'planid 123' for features with a unique planid, else 'feature 7' (+ planid when duplicated);
    'feature 7' alone when the planid could not be read exactly."""
    ids = planids.to_numpy(dtype=object)
    absent = pd.isna(planids).to_numpy().copy()
    absent[inexact] = True
    duplicated = planids.duplicated(keep=False).to_numpy() & ~absent
    labels = np.array(("planid " + planids.where(~absent, "")).to_numpy(dtype=object), dtype=object)
    for i in np.flatnonzero(absent | duplicated):
        labels[i] = f"feature {i}" if absent[i] else f"feature {i} (planid {ids[i]})"
    return labels


def _coerce_column(n: Normalizer, raw: pd.DataFrame, column: str, kind: str) -> pd.Series:
    if column == "komnr":
        return as_komnr(n, raw[column])
    if kind == TEXT:
        text = exact_text(n, raw[column], column)
        text_with_nul(n, text, column)
        return text
    if kind == CODE:
        return as_code(n, raw[column], column)
    if kind == MEASURE:
        return as_number(n, raw[column], column)
    if kind == DATE:
        return as_date(n, raw[column], column)
    return as_flag(n, raw[column], column)


def normalize(attributes: pd.DataFrame, geometries: np.ndarray, unreadable: np.ndarray, crs: str | None,
              source: str, codes: CodeLists, default_status: str | None = None,
              nan_cells: dict | None = None, layer: PlanLayer = KOMMUNEPLANRAMME) -> tuple[gpd.GeoDataFrame, list[Issue]]:
    """Canonical features (the layer's columns + geometry in EPSG:25832, plus `feature` and `where`) and issues."""
    n = Normalizer(source, codes)
    raw = canonical_columns(attributes.reset_index(drop=True), layer.columns)
    planid = as_text(raw["planid"])
    n.where = _where_labels(planid, inexact_rows(raw["planid"]))
    exact_text(n, raw["planid"], "planid")
    text_with_nul(n, planid, "planid")
    nan_values(n, nan_cells or {}, layer.columns)
    out = {"feature": np.arange(len(raw)), "where": n.where, "planid": planid}
    for column, kind in layer.fields:
        if column == "status":
            out[column] = as_status(n, raw[column], default_status or layer.default_status)
        elif column != "planid":
            out[column] = _coerce_column(n, raw, column, kind)
    projected = to_store_crs(n, np.asarray(geometries, dtype=object), crs)
    if projected is None:
        geoms = np.full(len(raw), None, dtype=object)
    else:
        geoms = as_multipolygons(n, projected, np.asarray(unreadable, dtype=bool))
    frames = gpd.GeoDataFrame(pd.DataFrame(out), geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)
    return frames, n.issues
