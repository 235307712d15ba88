"""Long work shows progress on a terminal (issue 9, first impressions): the optimisation (the full year
runs the same code as the short window used here), sweeps, imports. Before: `energy activity import`,
`infra import`, `partnerships import` and `plan designations` sat silent however large the file.

The command runs in a subprocess whose stderr is a pseudo-terminal; with stderr a pipe (scripts,
--json) nothing of the progress may appear."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading

import pytest

from trekant.infrastructure.defaults import projects_dir

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ACTIVITY = "municipality;year;sector;carrier;quantity;unit\n0630;2019;transport;diesel;1.234,5;MWh\n"


def _on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout (a pipe) and what reached the terminal on stderr (escape codes removed)."""
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm", COLUMNS="120")
    proc = subprocess.Popen([sys.executable, "-m", "trekant", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, env=env, text=True)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout, _ = proc.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    return proc.returncode, stdout, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


@pytest.fixture
def files(tmp_path):
    (tmp_path / "activity.csv").write_text(ACTIVITY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args, shown", [
    (["energy", "model", "run", "today", "--hours", "24"], "PyPSA/HiGHS"),
    (["energy", "sweep", "today", "--vary", "electrolyser_mw=20,300", "--hours", "24"], "simulering"),
    (["energy", "activity", "import", "{files}/activity.csv"], "Læser activity.csv"),
    (["infra", "import", str(projects_dir() / "e45-vejle-skanderborg.yaml")], "Læser e45-vejle-skanderborg.yaml"),
], ids=["optimisation", "sweep", "activity-import", "infra-import"])
def test_long_work_shows_progress_on_a_terminal(sqlite_env, files, args, shown):
    code, stdout, terminal = _on_a_terminal([a.replace("{files}", str(files)) for a in args])
    assert code == 0, terminal[-2000:]
    assert shown in terminal, terminal[-2000:]
    assert "\r" not in stdout and "\x1b" not in stdout  # the result on stdout (a pipe) stays clean


def test_nothing_of_it_reaches_a_pipe(sqlite_env, files):
    result = subprocess.run([sys.executable, "-m", "trekant", "energy", "activity", "import", str(files / "activity.csv")],
                            capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert result.returncode == 0 and result.stderr == "", result.stderr
