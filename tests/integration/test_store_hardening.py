"""Issue 9 #6, #12, #13: the store and the files around it, when things go wrong.

#6  a damaged store file, a bad TREKANT_DATABASE_URL, a NUL in a text, an export to a full disk and two
    first `init`s at once on PostGIS: one line each, never a traceback.
#12 a second writer waits for the first (BEGIN IMMEDIATE lets the 10 s busy timeout apply).
#13 read-only commands work on a read-only data folder.
Commands run as real processes where the point is a process boundary (locks, rlimits, mounts).
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from conftest import _admin_execute, _with_database, postgis_url_or_skip
from trekant.store.store import reading

READ_COMMANDS = [("region", "show"), ("plan", "land"), ("energy", "accounts"), ("economy", "indicators"),
                 ("infra", "list"), ("strategy", "status"), ("plan", "check")]


def trekant(*args, env: dict | None = None, preexec_fn=None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trekant", *map(str, args)], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), preexec_fn=preexec_fn, timeout=timeout)


def one_line(result: subprocess.CompletedProcess, *needles: str) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout[-500:], result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


# --- #6 a damaged store ----------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["truncated", "zeroed"])
def test_a_damaged_store_is_one_line_for_every_command(sqlite_env, damage):
    path = sqlite_env.store_path
    size = path.stat().st_size
    if damage == "truncated":
        with path.open("r+b") as handle:
            handle.truncate(size // 3)
    else:
        path.write_bytes(b"\0" * size)
    for command in [*READ_COMMANDS, ("init",), ("economy", "group", "add", "x", "--members", "0630")]:
        one_line(trekant(*command), str(path), "is damaged", "trekant init --force")
    assert trekant("init", "--force", "--yes").returncode == 0  # the way out it names works
    assert trekant("region", "show", "--json").returncode == 0


# --- #6 TREKANT_DATABASE_URL -----------------------------------------------------------------------

@pytest.mark.parametrize("url, needle", [
    ("not a url", "TREKANT_DATABASE_URL is not a database URL ('not a url')"),
    ("mysql://user:secret@localhost/trekant", "TREKANT_DATABASE_URL names 'mysql', which trekant does not support"),
    ("postgresql+asyncpg://localhost/trekant", "names the driver 'asyncpg'"),
])
@pytest.mark.parametrize("command", [("region", "show"), ("init",)])
def test_a_bad_database_url_is_one_line(empty_env, url, needle, command):
    line = one_line(trekant(*command, env={"TREKANT_DATABASE_URL": url}), needle, "postgresql+psycopg://")
    assert "secret" not in line


# --- #6 a NUL character on its way into the store --------------------------------------------------

def test_a_nul_in_a_yaml_text_is_refused_naming_the_field(store_env, tmp_path):
    from typer.testing import CliRunner

    from trekant.cli.main import app
    from trekant.infrastructure.defaults import projects_dir

    source = (projects_dir() / "haervej-give-billund.yaml").read_text(encoding="utf-8")
    lines = [('name: "Hærvej\\0 ny"' if line.startswith("name:") else line) for line in source.splitlines()]
    path = tmp_path / "nul.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["infra", "import", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    [line] = result.stderr.strip().splitlines()
    assert str(path) in line and "field name" in line and "NUL character" in line


def test_a_nul_in_a_csv_is_refused_naming_the_row(store_env, tmp_path):
    from typer.testing import CliRunner

    from trekant.cli.main import app

    path = tmp_path / "activity.csv"
    rows = [f"0630,{year},transport,diesel,1,MWh,ok" for year in range(1900, 2100)]  # past the first 4 KB
    path.write_bytes(("municipality,year,sector,carrier,quantity,unit,source\n" + "\n".join(rows)
                      + "\n0630,2100,transport,petrol,1,MWh,a\0b\n").encode())
    result = CliRunner().invoke(app, ["energy", "activity", "import", str(path)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert f"{path}: row 202: byte" in line and "NUL character" in line


# --- #6 two first `trekant init`s at once on PostGIS --------------------------------------------

@pytest.mark.postgis
def test_two_first_inits_at_once_on_postgis_both_succeed():
    base = postgis_url_or_skip()
    name = f"trekant_twice_{uuid.uuid4().hex[:8]}"
    _admin_execute(base, f"CREATE DATABASE {name}")
    try:
        url = _with_database(base, name)
        _admin_execute(url, "CREATE EXTENSION IF NOT EXISTS postgis")
        env = dict(os.environ, TREKANT_DATABASE_URL=url)
        runs = [subprocess.Popen([sys.executable, "-m", "trekant", "init", "--json"], env=env, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        outcomes = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
        assert outcomes == [(0, ""), (0, "")]
        assert trekant("region", "show", "--json", env={"TREKANT_DATABASE_URL": url}).returncode == 0
    finally:
        _admin_execute(base, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- #6 an export to a full disk (RLIMIT_FSIZE: every write past the limit fails with EFBIG) ---------

def _file_limit(limit: int):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed, as a full disk gives ENOSPC
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("args, limit", [
    (("plan", "export", "--format", "gpkg", "--out", "{out}/plan.gpkg"), 64 * 1024),
    (("plan", "export", "--format", "geojson", "--out", "{out}/plan.geojson"), 64 * 1024),
    (("plan", "export", "--format", "csv", "--out", "{out}/plan.csv"), 4096),
    (("plan", "export", "--format", "xlsx", "--out", "{out}/plan.xlsx"), 4096),
    (("infra", "export", "--out", "{out}/infra", "--format", "yaml,geojson,gpkg"), 64 * 1024),
    (("energy", "model", "simulate", "today", "--hours", "2000", "--export", "{out}/hourly.csv"), 64 * 1024),
], ids=["plan-gpkg", "plan-geojson", "plan-csv", "plan-xlsx", "infra", "energy-hourly"])
def test_an_export_to_a_full_disk_is_one_line_and_leaves_nothing(sqlite_env, tmp_path, args, limit):
    out = tmp_path / "out"
    out.mkdir()
    result = trekant(*(a.format(out=out) for a in args), preexec_fn=_file_limit(limit))
    one_line(result, str(out), "cannot write")
    assert [p.name for p in out.rglob("*") if p.is_file()] == []


# --- #12 two writers, a writer and a reader, in separate processes -------------------------------

HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE" if sys.argv[2] == "write" else "BEGIN")
if sys.argv[2] == "write":
    con.execute("INSERT INTO trekant_meta(key, value) VALUES ('held-by-another-writer', '1')")
else:
    con.execute("SELECT count(*) FROM municipality").fetchone()
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
con.execute("COMMIT")
"""


def _hold(path: Path, mode: str, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), mode, str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_second_writer_waits_for_the_first(sqlite_env):
    holder = _hold(sqlite_env.store_path, "write", 2.0)
    result = trekant("economy", "group", "add", "east", "--members", "0607,0621", "--json")
    assert holder.wait(timeout=60) == 0
    assert result.returncode == 0, result.stderr  # before: "database is locked" at once
    with sqlite3.connect(sqlite_env.store_path) as con:
        assert con.execute("SELECT count(*) FROM trekant_meta WHERE key = 'held-by-another-writer'").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM area_group WHERE key = 'east'").fetchone() == (1,)


def test_a_reader_and_a_writer_do_not_block_each_other(sqlite_env):
    holder = _hold(sqlite_env.store_path, "write", 2.0)
    assert trekant("region", "show", "--json").returncode == 0  # reads while the writer holds its lock
    assert holder.wait(timeout=60) == 0
    holder = _hold(sqlite_env.store_path, "read", 2.0)
    assert trekant("economy", "group", "add", "west", "--members", "0530", "--json").returncode == 0
    assert holder.wait(timeout=60) == 0


# --- #13 read-only use ------------------------------------------------------------------------------

def test_a_reading_connection_refuses_to_write(sqlite_env):
    with pytest.raises(Exception) as caught:
        with reading(sqlite_env) as conn:
            conn.execute(text("INSERT INTO trekant_meta(key, value) VALUES ('x', 'y')"))
    assert "readonly" in str(caught.value).replace(" ", "").replace("-", "")


@pytest.fixture
def read_only_folder(sqlite_env, tmp_path):
    """The store's folder bind-mounted read-only (root ignores file modes; a read-only mount it cannot)."""
    source = sqlite_env.store_path.parent
    target = tmp_path / "readonly"
    target.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True, capture_output=True)
        yield target
    finally:
        subprocess.run(["umount", str(target)], capture_output=True)


def test_read_only_commands_work_on_a_read_only_folder(read_only_folder):
    env = {"TREKANT_DATA_DIR": str(read_only_folder)}
    for command in READ_COMMANDS:
        result = trekant(*command, "--json", env=env)
        assert result.returncode == 0, (command, result.stderr)
        assert result.stderr == "", (command, result.stderr)  # before: GDAL's warning on the plan's KPIs
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["trekant.gpkg"]
    one_line(trekant("economy", "group", "add", "x", "--members", "0630", env=env), str(read_only_folder))
