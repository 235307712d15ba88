"""Issue 9 #6, #7, #8: strange input and hostile servers end in one line on stderr, never a traceback or a hang.

Commands that could hang or eat the memory before the fix run in a subprocess with a timeout (and
an address-space limit), so a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from integration.hostile_server import hostile_server

HANG_S = 90  # far beyond the deadlines set below; only a hang reaches it
MEMORY_BYTES = 2 * 1024 ** 3


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def trekant(*args, env_extra: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "trekant", *map(str, args)], capture_output=True, text=True,
                          timeout=HANG_S, env=env, preexec_fn=_limit_memory, **kwargs)


def assert_one_line(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# --- #7 unbounded reads: /dev/zero, a FIFO, a file above the limit ------------------------------

@pytest.mark.parametrize("command", [
    ("infra", "import"), ("energy", "activity", "import"), ("energy", "factors", "import"),
    ("economy", "import"), ("plan", "import"), ("plan", "designations", "--theme", "wind"),
])
def test_dev_zero_is_refused_as_not_a_regular_file(sqlite_env, command):
    args = [*command[:2], "/dev/zero", *command[2:]] if command[0] != "energy" else [*command, "/dev/zero"]
    if command[0] == "economy":
        args += ["-i", "zeros"]
    assert_one_line(trekant(*args), "/dev/zero", "not a regular file")


@pytest.mark.parametrize("command", [("plan", "import"), ("economy", "import"), ("energy", "activity", "import")])
def test_a_fifo_is_refused_instead_of_hanging(sqlite_env, tmp_path, command):
    fifo = tmp_path / "input.geojson"
    os.mkfifo(fifo)
    args = [*command, fifo] + (["-i", "x"] if command[0] == "economy" else [])
    assert_one_line(trekant(*args), str(fifo), "not a regular file")


def test_the_input_limit_is_a_setting(sqlite_env, tmp_path):
    path = tmp_path / "activity.csv"
    path.write_text("municipality,year,sector,carrier,quantity,unit\n" + "0630,2019,transport,diesel,1,MWh\n" * 100)
    result = trekant("energy", "activity", "import", path, env_extra={"TREKANT_MAX_INPUT_MB": "0.001"})
    assert_one_line(result, str(path), "larger than the input limit of 0.001 MB", "TREKANT_MAX_INPUT_MB")


# --- #6/#7/#8 fetches: cut short, reset, dripping, redirected to another scheme ---------------

FETCHES = {
    "economy": lambda url: ("economy", "fetch", "FOLK1A", "--url", url),
    "plan": lambda url: ("plan", "fetch", "--municipality", "0630", "--url", url),
}


@pytest.mark.parametrize("face", list(FETCHES))
@pytest.mark.parametrize("path, needles", [
    ("/cut", ["cut short", "10 of 1,000 bytes"]),
    ("/reset", ["the connection broke off"]),
    ("/to-ftp", ["redirects (HTTP 302) to 'ftp://127.0.0.1/secret.csv'", "only http(s) is followed"]),
    ("/to-file", ["redirects (HTTP 302) to 'file:///etc/passwd'"]),
    ("/hop-then-ftp", ["to-ftp", "redirects (HTTP 302) to 'ftp://127.0.0.1/secret.csv'"]),
], ids=["cut", "reset", "ftp", "file", "second-hop"])
def test_a_broken_answer_is_one_line(sqlite_env, face, path, needles):
    with hostile_server() as base:
        assert_one_line(trekant(*FETCHES[face](base + path)), *needles)


@pytest.mark.parametrize("face", list(FETCHES))
@pytest.mark.parametrize("path", ["/drip", "/slow-headers"])
def test_a_dripping_server_meets_the_overall_deadline(sqlite_env, face, path):
    """One byte every 0.2 s never trips a per-read timeout; the 3 s deadline stops it (the server needs 400 s)."""
    with hostile_server() as base:
        result = trekant(*FETCHES[face](base + path), env_extra={"TREKANT_FETCH_DEADLINE_S": "3"})
    assert_one_line(result, "no complete answer", "within 3 s", "TREKANT_FETCH_DEADLINE_S")


# --- #6 documents nested too deeply, a JSON-stat size bomb -----------------------------------

def test_deeply_nested_json_stat_is_one_line(sqlite_env, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    assert_one_line(trekant("economy", "import", path, "-i", "deep"), str(path), "nested too deeply")


@pytest.mark.parametrize("command", [("infra", "import"), ("strategy", "status", "--goals")])
def test_deeply_nested_yaml_is_one_line(sqlite_env, tmp_path, command):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 100_000)
    assert_one_line(trekant(*command, path), str(path), "nested too deeply")


def test_a_json_stat_size_bomb_is_refused_before_allocating(sqlite_env, tmp_path):
    """199 bytes declaring 3000 × 3000 × 3000 cells: pyjstat tried to build them (MemoryError)."""
    path = tmp_path / "bomb.json"
    path.write_text('{"version":"2.0","class":"dataset","id":["a","b","c"],"size":[3000,3000,3000],'
                    '"dimension":{"a":{"category":{"index":{}}},"b":{"category":{"index":{}}},'
                    '"c":{"category":{"index":{}}}},"value":{"0":1}}')
    assert_one_line(trekant("economy", "import", path, "-i", "bomb"), str(path), "declares 3000 categories but lists 0")


def test_a_listed_cube_above_the_cell_limit_is_refused(tmp_path):
    import json

    from trekant.economy.io import jsonstat
    from trekant.errors import InputError

    size = 2200  # 2200³ = 10,648,000,000 cells > 10,000,000
    dimension = {"category": {"index": [str(i) for i in range(size)]}}
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"version": "2.0", "class": "dataset", "id": ["a", "b", "c"], "size": [size] * 3,
                                "dimension": {"a": dimension, "b": dimension, "c": dimension}, "value": {}}))
    with pytest.raises(InputError, match="declares 10,648,000,000 cells"):
        jsonstat.read(path)
