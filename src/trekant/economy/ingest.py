"""Use cases that bring statistics in: import a file, fetch a StatBank table. All or nothing.

Everything is read and checked before the store is touched; one error-severity problem and
nothing is written. Importing real values into the demo indicator replaces the demo values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.engine import Connection

from trekant.economy import industries, provinces, repo, series
from trekant.economy.io import convert, readers, statbank_api
from trekant.economy.io.table import RawTable
from trekant.economy.model import IndicatorInfo
from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.region.statbank import area_resolver
from trekant.settings import Settings
from trekant.store.audit import write_audit
from trekant.store.schema.core import indicator_value
from trekant.store.store import Store

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
DST_WORDS = ("statistics denmark", "danmarks statistik", "statbank", "statistikbanken")


@dataclass
class ImportOptions:
    indicator: str | None = None
    name: str | None = None
    unit: str | None = None
    source: str | None = None
    licence: str | None = None
    additive: bool = True
    where: dict[str, str] = field(default_factory=dict)
    basis: str | None = None  # residence | workplace; None: from the area column or the StatBank table
    seasonally_adjusted: bool | None = None  # None: from the StatBank table, else False


def slug(text: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "_", text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa"))
    cleaned = cleaned.strip("_")
    return cleaned if cleaned and cleaned[0].isalpha() else f"i_{cleaned}"


def _lookup(conn: Connection) -> dict[str, str]:
    lookup = area_resolver(repo.municipality_names(conn))
    groups = {g.key for g in repo.read_groups(conn)}
    for group in repo.read_groups(conn):
        lookup[group.key.lower()] = group.key
        lookup[group.name.lower()] = group.key
    # StatBank writes provinces as "Province Sydjylland" / "Landsdel Sydjylland": kept when the store has that group
    lookup.update({name: key for name, key in provinces.lookup_names().items() if key in groups})
    return lookup


def _existing(conn: Connection, key: str) -> IndicatorInfo | None:
    try:
        return repo.read_indicator(conn, key)
    except NotFound:
        return None


def _info(key: str, table: RawTable, options: ImportOptions, frequency: str, old: IndicatorInfo | None) -> IndicatorInfo:
    origin = options.source or table.origin or (old.source if old and not old.is_demo else "") or f"file {Path(table.source).name}"
    licence = options.licence or (old.licence if old and not old.is_demo else "")
    if not licence:
        licence = "CC BY 4.0" if any(w in origin.lower() for w in DST_WORDS) else "unknown (give it with --licence)"
    name = options.name or (old.name_da if old and not old.is_demo else "") or table.title or key
    return IndicatorInfo(key=key, name_da=name, name_en=options.name or (old.name_en if old and not old.is_demo else "") or name,
                         unit=options.unit or table.unit or (old.unit if old else "") or "number",
                         frequency=frequency, source=origin, licence=licence, is_demo=False)


def _series_info(info: IndicatorInfo, converted: convert.Converted, options: ImportOptions) -> tuple[str, bool]:
    """What the series counts: as given, else from the area column (BOPKOM/ARBKOM), else from the table."""
    known = series.known(info.source)
    basis = options.basis or series.basis_of_area_column(converted.area_column) or known.get("basis", "")
    adjusted = options.seasonally_adjusted if options.seasonally_adjusted is not None else known.get("seasonally_adjusted", False)
    return basis, bool(adjusted)


def _classification(converted: convert.Converted) -> str:
    codes = {v.breakdown.split("=", 1)[1] for v in converted.values if v.breakdown.startswith("industry=")
             and ";" not in v.breakdown}
    return industries.classification_of(codes - {"TOT"}) or ""


def _checks(key: str, old: IndicatorInfo | None, converted: convert.Converted, source: str) -> list[Issue]:
    issues = []
    if not KEY_PATTERN.match(key):
        issues.append(Issue("error", "invalid-key", source, "indicator", f"{key!r}: use lower-case letters, digits, _"))
    if not converted.values and not has_errors(converted.issues):
        issues.append(Issue("error", "empty", source, "rows", "no values to import"))
    if old and not old.is_demo and converted.frequency and old.frequency != converted.frequency:
        issues.append(Issue("error", "frequency-mismatch", source, "time",
                            f"{key} holds {old.frequency} values; this file has {converted.frequency} periods"))
    return issues


def import_table(settings: Settings, table: RawTable, options: ImportOptions) -> dict:
    """Convert, check and write one table in one transaction; InputError lists every problem."""
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            key = options.indicator or slug(table.table_id or Path(table.source).stem)
            converted = convert.convert(table, key, _lookup(conn), options.where)
            old = _existing(conn, key)
            issues = converted.issues + _checks(key, old, converted, table.source)
            if has_errors(issues):
                raise InputError.from_issues(table.source, issues)
            info = _info(key, table, options, converted.frequency, old)
            replaced_demo = bool(old and old.is_demo)
            if replaced_demo:
                conn.execute(delete(indicator_value).where(indicator_value.c.indicator_key == key))
            basis, adjusted = _series_info(info, converted, options)
            repo.write_indicator(conn, info, options.additive, _classification(converted), basis=basis,
                                 seasonally_adjusted=adjusted)
            written = repo.write_values(conn, converted.values)
            summary = _summary(info, converted, written, table.source, replaced_demo)
            summary.update(basis=basis, seasonally_adjusted=adjusted)
            write_audit(conn, settings.actor, "import", "indicator", key,
                                         {k: summary[k] for k in ("file", "values", "first", "last")})
    finally:
        store.dispose()
    summary["warnings"] = [i.line() for i in issues if i.severity == "warning"]
    return summary


def _summary(info: IndicatorInfo, converted: convert.Converted, written: int, source: str, replaced_demo: bool) -> dict:
    starts = sorted({(v.period_start, v.period) for v in converted.values})
    return dict(indicator=info.key, name=info.name_da, unit=info.unit, frequency=info.frequency,
                source=info.source, licence=info.licence, demo=False, file=source, values=written,
                areas_imported=sorted({v.area_code for v in converted.values}),
                areas=len({v.area_code for v in converted.values}), periods=len(starts),
                first=starts[0][1] if starts else None, last=starts[-1][1] if starts else None,
                breakdowns=list(converted.breakdown_keys), replaced_demo=replaced_demo)


def import_file(settings: Settings, path: Path, options: ImportOptions) -> dict:
    return import_table(settings, readers.read(Path(path)), options)


def fetch_table(settings: Settings, table_id: str, options: ImportOptions, url: str = statbank_api.DATA_URL,
                variables: dict[str, list[str]] | None = None, fmt: str = "CSV", language: str = "en",
                save: Path | None = None, timeout_s: float = 60.0) -> dict:
    """Fetch a table from the StatBank API, optionally keep the raw response, and import it."""
    text = statbank_api.fetch(table_id, variables or {}, url=url, fmt=fmt, language=language, timeout_s=timeout_s)
    if save:
        try:
            Path(save).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(str(save), "--save", f"cannot write: {exc.strerror or exc}") from None
    table = statbank_api.to_table(text, table_id, url)
    if not options.source:
        options.source = f"Danmarks Statistik, {table_id.upper()} via {url} (Kilde: Danmarks Statistik)"
    summary = import_table(settings, table, options)
    summary["fetched_from"] = url
    return summary
