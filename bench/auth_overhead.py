"""Benchmark: what identifying the caller costs a request, and what a sign-in costs.

In-process (httpx TestClient, one thread) against a fresh GeoPackage store, GET /api/whoami as
anonymous (the peer: no store lookup), with a session cookie (one session lookup, touched at most
once a minute) and with an API token (one token lookup); the median per request and the ratio to
anonymous, measured in the same run. Then argon2id hashing and verification of one password (the
cost a sign-in pays on purpose) beside a SHA-256 token digest.
Run:  .venv/bin/python bench/auth_overhead.py [--requests 300]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from trekant.accounts import passwords, service, tokens
from trekant.accounts.model import Principal
from trekant.bootstrap import init
from trekant.settings import Settings
from trekant.web import auth
from trekant.web.app import create_app

SETUP = Principal("bench", "administrator", via="cli")
PASSWORD = "cedar lamp river 4711"


def per_request(client: TestClient, n: int, **kwargs) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get("/api/whoami", **kwargs)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    return statistics.median(times)


def timed(call, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=None)
        init(settings, with_demo=False)
        service.add_user(settings, SETUP, "boss", "administrator", [], "pine anchor meadow 2231", where="bench")
        service.add_user(settings, SETUP, "reader", "reader", [], PASSWORD, where="bench")
        secret, _ = service.issue_token(settings, SETUP, "reader", None, where="bench")
        app = create_app(settings)
        anonymous = TestClient(app)
        signed = TestClient(app)
        token = signed.get("/sign-in").text.split('name="csrf-token" content="')[1].split('"')[0]
        signed.post("/sign-in", data=dict(name="reader", password=PASSWORD, csrf_token=token), follow_redirects=False)
        assert signed.cookies.get(auth.SESSION_COOKIE)
        peer = per_request(anonymous, args.requests)
        rows = [("anonymous (peer)", peer),
                ("session cookie", per_request(signed, args.requests)),
                ("API token", per_request(anonymous, args.requests, headers={"Authorization": f"Bearer {secret}"}))]
        print(f"GET /api/whoami, median of {args.requests} requests, GeoPackage store:")
        for name, seconds in rows:
            print(f"  {name:18s} {seconds * 1000:7.2f} ms  ×{seconds / peer:5.2f}")
        app.state.store.dispose()
    hashed = passwords.hash_password(PASSWORD)
    digest = timed(lambda: tokens.digest(secret), 1000)
    print("one password / token:")
    print(f"  argon2id hash      {timed(lambda: passwords.hash_password(PASSWORD), 5) * 1000:7.1f} ms")
    print(f"  argon2id verify    {timed(lambda: passwords.verify(hashed, PASSWORD), 5) * 1000:7.1f} ms")
    print(f"  SHA-256 digest     {digest * 1e6:7.1f} µs  (hashlib {hashlib.sha256().name})")


if __name__ == "__main__":
    main()
