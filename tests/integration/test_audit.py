"""The audit log is written through the store layer (trekant.store.audit) by every domain, with its origin."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import inspect, select
from typer.testing import CliRunner

from trekant.cli.identity import os_user
from trekant.cli.main import app
from trekant.store import migrate
from trekant.store.audit import origin, write_audit
from trekant.store.schema.core import audit_log
from trekant.store.store import Store

SRC = Path(__file__).resolve().parents[2] / "src" / "trekant"


def _rows(settings, **where):
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            query = select(audit_log).order_by(audit_log.c.id)
            for column, value in where.items():
                query = query.where(audit_log.c[column] == value)
            return [r._asdict() for r in conn.execute(query)]
    finally:
        store.dispose()


def test_a_cli_change_is_audited_with_origin_cli(store_env):
    result = CliRunner().invoke(app, ["economy", "group", "add", "east", "--members", "0607,0621", "--name", "Øst", "--json"])
    assert result.exit_code == 0, result.output
    rows = _rows(store_env, action="group.add")
    assert len(rows) == 1
    assert rows[0]["origin"] == "cli" and rows[0]["entity_id"] == "east" and rows[0]["actor"] == f"cli:{os_user()}"
    assert json.loads(rows[0]["detail"]) == {"members": ["0607", "0621"]}


def test_origin_comes_from_the_context_or_the_call(store_env):
    store = Store.from_settings(store_env)
    try:
        with store.begin() as conn:
            with origin("203.0.113.7"):
                write_audit(conn, "anna", "test.context", "thing", "1")
            write_audit(conn, "anna", "test.keyword", "thing", "2", {"n": 1}, where="198.51.100.2")
    finally:
        store.dispose()
    assert [r["origin"] for r in _rows(store_env, actor="anna")] == ["203.0.113.7", "198.51.100.2"]


def test_no_domain_writes_the_audit_log_through_the_region_repository():
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if re.search(r"region_repo\.write_audit|repo\.write_audit|from trekant\.region\.repo import[^\n]*write_audit",
                              p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_origin_column_migrates_down_and_up(store_env):
    store = Store.from_settings(store_env)
    try:
        with store.begin() as conn:
            migrate.downgrade(conn, "hardening@-2")  # 0003 and 0002, not the domain branches
        with store.connect() as conn:
            assert "origin" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}
            assert "plan_frame" in inspect(conn).get_table_names()  # the domain branches stay
        with store.begin() as conn:
            migrate.upgrade(conn)
        with store.connect() as conn:
            assert "origin" in {c["name"] for c in inspect(conn).get_columns("audit_log")}
            assert migrate.is_current(conn)
    finally:
        store.dispose()
