"""Issue 9 #11: GeoPackage DATETIME cells are ISO 8601 `YYYY-MM-DDTHH:MM:SS.SSSZ` (UTC), read by GDAL
without "Non-conformant content" warnings; older stores are converted by `trekant init`.

Before: valid_from, valid_to, updated_at, … were `2026-11-29 23:46:33.012907`, and GDAL (as QGIS uses
it) warned for every record.
"""

from __future__ import annotations

import re
import sqlite3
import warnings
from datetime import datetime, timezone

import pyogrio
from sqlalchemy import select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.store import migrate
from trekant.store.datetime_type import from_geopackage, to_geopackage
from trekant.store.schema.core import audit_log
from trekant.store.store import Store

STANDARD = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
runner = CliRunner()


def gdal_warnings(path) -> list[str]:
    """Every warning GDAL gives while reading every layer (feature and attribute tables) of the file."""
    found = []
    for name, _kind in pyogrio.list_layers(path):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pyogrio.read_dataframe(path, layer=name, read_geometry=False)
        found += [f"{name}: {w.message}" for w in caught]
    return found


def datetime_cells(path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        cells = []
        for table in tables:
            for column in con.execute(f'PRAGMA table_info("{table}")').fetchall():
                if column[2].upper() == "DATETIME":
                    cells += [(table, column[1], v) for (v,) in
                              con.execute(f'SELECT "{column[1]}" FROM "{table}" WHERE "{column[1]}" IS NOT NULL')]
    return cells


def test_every_datetime_is_in_the_standard_form_and_gdal_reads_it_quietly(sqlite_env):
    assert runner.invoke(app, ["economy", "group", "add", "east", "--members", "0607,0621"]).exit_code == 0
    cells = datetime_cells(sqlite_env.store_path)
    assert {(t, c) for t, c, _ in cells} >= {("plan_frame", "valid_from"), ("audit_log", "at"),
                                            ("infra_project", "updated_at"), ("gpkg_contents", "last_change")}
    assert [cell for cell in cells if not STANDARD.fullmatch(cell[2])] == []
    assert gdal_warnings(sqlite_env.store_path) == []


def test_an_older_store_is_converted_by_init(sqlite_env):
    store = Store.from_settings(sqlite_env)
    with store.begin() as conn:
        migrate.downgrade(conn, "0002_audit_origin")  # writes the older form back
    store.dispose()
    older = [v for t, c, v in datetime_cells(sqlite_env.store_path) if t == "plan_frame"]
    assert older and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}", v) for v in older)
    assert any("Non-conformant content" in w for w in gdal_warnings(sqlite_env.store_path))  # the test can fail
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert [cell for cell in datetime_cells(sqlite_env.store_path) if not STANDARD.fullmatch(cell[2])] == []
    assert gdal_warnings(sqlite_env.store_path) == []


def test_values_keep_their_moment(sqlite_env):
    """A local time goes in as UTC; what comes back is the same moment (naive UTC, milliseconds)."""
    moment = datetime(2026, 3, 29, 3, 30, 15, 123456, tzinfo=timezone.utc)
    assert to_geopackage(moment) == "2026-03-29T03:30:15.123Z"
    assert from_geopackage("2026-03-29T03:30:15.123Z") == datetime(2026, 3, 29, 3, 30, 15, 123000)
    assert from_geopackage("2026-03-29 03:30:15.123456") == datetime(2026, 3, 29, 3, 30, 15, 123456)  # older form
    store = Store.from_settings(sqlite_env)
    try:
        with store.begin() as conn:
            conn.execute(audit_log.insert().values(at=moment, actor="t", action="t", entity="t", entity_id="", detail="{}"))
            back = conn.execute(select(audit_log.c.at).where(audit_log.c.actor == "t")).scalar_one()
    finally:
        store.dispose()
    assert back == datetime(2026, 3, 29, 3, 30, 15, 123000)
