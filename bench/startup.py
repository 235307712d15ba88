"""Benchmark: how long the CLI takes before it answers, against the interpreter's own start.

Each command runs as a fresh process (as a user types it), `--runs` times; the best and the median
wall time are printed with their ratio to the peers measured in the same run: `python -c pass` (the
floor of any Python program) and `python -c "import typer, rich.console"` (the floor of a Typer + rich
CLI).
Run:  .venv/bin/python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TREKANT = [sys.executable, "-m", "trekant"]
PEERS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer, rich.console'": [sys.executable, "-c", "import typer, rich.console"],
}
COMMANDS = {
    "trekant --version": ["--version"],
    "trekant --help": ["--help"],
    "trekant plan --help": ["plan", "--help"],
    "trekant region show": ["region", "show"],
    "trekant region show --json": ["region", "show", "--json"],
}


def timed(argv: list[str], env: dict, runs: int) -> tuple[float, float]:
    """(best s, median s) over `runs` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="trekant-bench-startup-"))
    env = dict(os.environ, TREKANT_DATA_DIR=str(folder), COLUMNS="100")
    try:
        subprocess.run(TREKANT + ["init", "--json"], env=env, stdout=subprocess.DEVNULL, check=True)
        peers = {name: timed(argv, env, args.runs) for name, argv in PEERS.items()}
        floor = peers["python -c pass"][1]
        typer_floor = peers["python -c 'import typer, rich.console'"][1]
        print(f"{'command':40} {'best s':>7} {'median s':>9} {'× pass':>7} {'× typer':>8}")
        for name, (best, median) in peers.items():
            print(f"{name:40} {best:7.3f} {median:9.3f} {median / floor:7.1f} {median / typer_floor:8.2f}")
        for name, extra in COMMANDS.items():
            best, median = timed(TREKANT + extra, env, args.runs)
            print(f"{name:40} {best:7.3f} {median:9.3f} {median / floor:7.1f} {median / typer_floor:8.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
