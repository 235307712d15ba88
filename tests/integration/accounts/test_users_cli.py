"""`trekant users …` and `trekant audit …` on both store backends; the CLI signs in on a server store (issue 11)."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from trekant.accounts import service
from trekant.accounts.model import Principal
from trekant.cli.identity import os_user
from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
ADMIN_PASSWORD = "cedar lamp river 5150\n"


def cli(*args, input=None, env=None):
    return runner.invoke(app, list(args), input=input, env=env)


def cli_json(*args, **kwargs):
    result = cli(*args, "--json", **kwargs)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_users_lifecycle_and_its_audit(store_env, tmp_path, monkeypatch):
    refused = cli("users", "add", "vejle", "--role", "editor", "-m", VEJLE, "--password-stdin", input=ADMIN_PASSWORD)
    assert refused.exit_code == 1 and "first account must be an administrator" in refused.stderr
    assert cli_json("users", "add", "boss", "--role", "administrator", "--password-stdin",
                    input=ADMIN_PASSWORD)["role"] == "administrator"
    actor = f"cli:{os_user()}"
    if store_env.is_postgis:  # a server store: from now on the CLI signs in as boss
        secret, _ = service.issue_token(store_env, Principal("setup", "administrator"), "boss", None, where="test")
        monkeypatch.setenv("TREKANT_TOKEN", secret)
        actor = "boss"
    weak = cli("users", "add", "vejle", "--role", "editor", "-m", VEJLE, "--password-stdin", input="password2024\n")
    assert weak.exit_code == 1 and "common passwords" in weak.stderr and "password2024" not in weak.output
    no_town = cli("users", "add", "vejle", "--role", "editor", "--password-stdin", input=ADMIN_PASSWORD)
    assert no_town.exit_code == 1 and "--municipality" in no_town.stderr
    foreign = cli("users", "add", "vejle", "--role", "editor", "-m", "0101", "--password-stdin", input=ADMIN_PASSWORD)
    assert foreign.exit_code == 1 and "0101" in foreign.stderr  # Copenhagen is not of this region
    assert cli_json("users", "add", "vejle", "--role", "editor", "-m", "630")["municipalities"] == [VEJLE]
    issued = cli_json("users", "token", "vejle", "--expires", "30")
    assert issued["token"].startswith("trk_") and issued["prefix"] == issued["token"][:8]
    listed = {u["name"]: u for u in cli_json("users", "list")}
    assert listed["vejle"]["tokens"][0]["prefix"] == issued["prefix"]
    assert issued["token"] not in json.dumps(listed)  # shown once, never again
    assert cli_json("users", "set-role", "vejle", "--role", "editor", "-m", VEJLE, "-m", KOLDING)["municipalities"] == \
        [KOLDING, VEJLE]
    assert cli_json("users", "disable", "vejle")["disabled"] is True
    assert cli_json("users", "revoke-token", "vejle")["revoked"] == [issued["id"]]
    entries = cli_json("audit", "list", "--entity", "account")
    assert [e["action"] for e in entries] == ["account.disable", "account.set_role", "account.add", "account.add"]
    assert {(e["actor"], e["where"]) for e in entries[:3]} == {(actor, "cli")}
    assert (entries[3]["actor"], entries[3]["where"]) == (f"cli:{os_user()}", "cli")  # the first administrator
    assert entries[1]["detail"]["old"] == dict(role="editor", municipalities=[VEJLE])
    out = tmp_path / "audit.csv"
    assert cli_json("audit", "export", "--out", str(out), "--since", "2000-01-01")["entries"] >= 6
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {"token.issue", "token.revoke", "account.add"} <= {r["action"] for r in rows}
    assert all(ADMIN_PASSWORD.strip() not in r["detail"] for r in rows)




def test_the_cli_signs_in_on_a_server_store(store_env, tmp_path):
    """PostGIS: the first administrator needs no token; after that every write needs TREKANT_TOKEN."""
    if not store_env.is_postgis:
        listed = cli_json("users", "list")  # a GeoPackage file: whoever may write it administers it
        assert listed == []
        return
    assert cli_json("users", "add", "boss", "--role", "administrator", "--password-stdin", input=ADMIN_PASSWORD)
    refused = cli("users", "list")
    assert refused.exit_code == 1 and "TREKANT_TOKEN" in refused.stderr
    assert cli("users", "token", "boss", env={"TREKANT_TOKEN": "trk_wrong"}).exit_code == 1
    wrong = cli("users", "token", "boss", "--password-stdin", input="cedar lamp river 0000\n")
    assert wrong.exit_code == 1 and "wrong name or password" in wrong.stderr
    # proving the password gives the account its own token: the first TREKANT_TOKEN
    boss = {"TREKANT_TOKEN": cli_json("users", "token", "boss", "--password-stdin", input=ADMIN_PASSWORD)["token"]}
    assert cli_json("users", "add", "vejle", "--role", "editor", "-m", VEJLE, env=boss)["name"] == "vejle"
    vejle = {"TREKANT_TOKEN": cli_json("users", "token", "vejle", env=boss)["token"]}
    assert cli("users", "list", env=vejle).exit_code == 1  # an editor manages no accounts
    assert cli("users", "token", "boss", env=vejle).exit_code == 1  # nor another account's tokens
    s = border_segment(KOLDING, VEJLE)
    mixed = write_geojson(tmp_path / "mixed.geojson", [frame("V-1", VEJLE, 11, s.rect(100, 400)),
                                                       frame("K-1", KOLDING, 31, s.rect(100, 400, side="a"))])
    foreign = cli("plan", "import", str(mixed), env=vejle)
    assert foreign.exit_code == 1 and "0621" in foreign.stderr
    own = write_geojson(tmp_path / "own.geojson", [frame("V-1", VEJLE, 11, s.rect(100, 400))])
    assert cli_json("plan", "import", str(own), env=vejle)["imported"] == 1
    assert cli("plan", "import", str(own), env={"TREKANT_TOKEN": "trk_not-a-token"}).exit_code == 1
    entry = cli_json("audit", "list", "--entity", "plan_frame", "--limit", "1", env=boss)[0]
    assert (entry["actor"], entry["where"]) == ("vejle", "cli")


def test_other_write_commands_sign_in_on_a_server_store(store_env):
    """Each write command asks the permission table for its action; on GeoPackage the OS user administers."""
    edit = ("partnerships", "edit", "hysynergy", "--set", "status=ended", "--set", "end=2025")
    if not store_env.is_postgis:
        assert cli(*edit).exit_code == 0
        return
    assert cli_json("users", "add", "boss", "--role", "administrator", "--password-stdin", input=ADMIN_PASSWORD)
    boss = {"TREKANT_TOKEN": cli_json("users", "token", "boss", "--password-stdin", input=ADMIN_PASSWORD)["token"]}
    for name, role, codes in (("ana", "analyst", []), ("vejle", "editor", ["-m", VEJLE]), ("rita", "reader", [])):
        cli_json("users", "add", name, "--role", role, *codes, env=boss)
    token = {name: {"TREKANT_TOKEN": cli_json("users", "token", name, env=boss)["token"]}
             for name in ("ana", "vejle", "rita")}
    nobody = cli(*edit)
    assert nobody.exit_code == 1 and "TREKANT_TOKEN" in nobody.stderr
    assert cli(*edit, env=token["rita"]).exit_code == 1 and cli(*edit, env=token["vejle"]).exit_code == 1
    assert cli_json(*edit, env=token["ana"])["partnerships"] == ["hysynergy"]
    history = cli_json("partnerships", "history", "hysynergy", env=token["rita"])["changes"]
    assert (history[-1]["actor"], history[-1]["origin"]) == ("ana", "cli")
    forget = ("partnerships", "forget", "Nobody Known")
    assert cli(*forget, env=token["ana"]).exit_code == 1  # erasing a person is the administrator's
    assert cli_json(*forget, env=boss) == {"records_removed": 0}
    own_only = cli("economy", "group", "remove", "no-such-group", env=token["vejle"])
    assert own_only.exit_code == 1 and "own municipalities" in own_only.stderr
