"""`trekant serve` as a real subprocess on a free loopback port, for clients that speak real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

STARTUP_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict, workers: int = 1, log: Path | None = None):
    """Start `trekant serve` with these environment variables; yield its base URL; stop it."""
    port = free_port()
    command = [sys.executable, "-m", "trekant", "serve", "--port", str(port), "--workers", str(workers)]
    out = open(log, "wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"trekant serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/ogc/conformance", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"trekant serve did not answer within {STARTUP_S:.0f} s")


def store_env_vars(settings) -> dict:
    """The TREKANT_* variables that point a server at the same store as these settings."""
    if settings.database_url:
        return {"TREKANT_DATABASE_URL": settings.database_url}
    return {"TREKANT_DATA_DIR": str(settings.data_dir)}
