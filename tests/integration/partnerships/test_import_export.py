"""Import (CSV, XLSX) all or nothing with per-row errors; export without personal data; `forget` (both backends)."""

import json

import pandas as pd
import pytest
from sqlalchemy import inspect, select

from trekant.cli.identity import os_user
from trekant.store.schema.core import audit_log
from trekant.store.store import Store

PARTNERSHIPS = (
    "key,name,status,themes,municipalities,start,end\n"
    "grenaa-test,Test A,active,energy_climate; planning,Kolding; 0630,2022,\n"
    "second-test,Test B,ended,culture_attractiveness,Billund,2019-03,2021\n"
)
ORGANISATIONS = "key,name,kind,cvr,municipality\nlego-test,LEGO A/S,company,54562519,Billund\n"
FUNDING = ("partnership,source,year,amount_dkk,municipality\n"
           "grenaa-test,state,2022,\"1.250.000,50\",\n"
           "grenaa-test,municipal,2023,300000,Vejle\n"
           "second-test,foundation,,75000,\n")
PARTNERS = "partnership,organisation,role\ngrenaa-test,lego-test,lead\nsecond-test,billund-kommune,lead\n"


def _write(folder, **tables):
    folder.mkdir(exist_ok=True)
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_csv_folder_import_writes_everything(store_env, tmp_path, run_json):
    folder = _write(tmp_path / "in", partnerships=PARTNERSHIPS, organisations=ORGANISATIONS, funding=FUNDING,
                    partners=PARTNERS)
    result = run_json("import", str(folder))
    assert sorted(result["partnerships"]) == ["grenaa-test", "second-test"] and result["organisations"] == ["lego-test"]
    a = run_json("show", "grenaa-test")
    assert a["municipalities"] == ["0621", "0630"] and a["themes"] == ["energy_climate", "planning"]
    assert a["funding_total_dkk"] == 1_250_000.50 + 300_000  # Danish notation '1.250.000,50' read as 1250000.5
    assert a["end"] is None and a["organisations"]["lego-test"]["cvr"] == "54562519"
    b = run_json("show", "second-test")
    assert (b["start"], b["end"]) == ("2019-03-01", "2021-12-31")
    assert b["funding"][0]["year"] is None


ERRORS = [
    # (table, bad CSV, error code, row, field)
    ("partnerships", PARTNERSHIPS.replace("Kolding; 0630", "Kolding; Aarhusby"), "unknown-municipality", 2, "municipalities"),
    ("organisations", ORGANISATIONS.replace("54562519", "54562518"), "bad-cvr", 2, "cvr"),
    ("funding", FUNDING.replace("300000", "-300000"), "negative-amount", 3, "amount_dkk"),
    ("partnerships", PARTNERSHIPS.replace("2019-03,2021", "2019-03,2018"), "end-before-start", 3, "end"),
    ("partnerships", PARTNERSHIPS.replace("culture_attractiveness", "sports"), "unknown-theme", 3, "themes"),
    ("partnerships", PARTNERSHIPS.replace("Billund,", "Aarhus,"), "unknown-municipality", 3, "municipalities"),
    ("funding", FUNDING.replace(",Vejle", ",Odense"), "unknown-municipality", 3, "municipality"),
    ("partners", PARTNERS.replace("lego-test,lead", "nobody,lead"), "unknown-organisation", 2, "organisation"),
    ("partnerships", PARTNERSHIPS.replace("start,end\n", "start,end,kpis\n").replace(",2022,\n", ",2022,,co2e_per_resident; nope\n"),
     "unknown-kpi", 2, "kpis"),
]


@pytest.mark.parametrize("table,text,code,row,field", ERRORS)
def test_each_import_error_is_named_and_nothing_is_written(store_env, tmp_path, run, run_json, table, text, code,
                                                           row, field):
    before = run_json("list")["count"]
    tables = dict(partnerships=PARTNERSHIPS, organisations=ORGANISATIONS, funding=FUNDING, partners=PARTNERS)
    tables[table] = text
    folder = _write(tmp_path / "in", **tables)
    result = run("import", str(folder))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if f"[{code}]" in line]
    assert lines, result.stderr
    assert f"{table}.csv: row {row}, field {field}:" in lines[0]
    assert run_json("list")["count"] == before
    assert run("show", "grenaa-test").exit_code == 1
    assert "lego-test" not in {o["key"] for o in run_json("org", "list")["organisations"]}


def test_xlsx_import_reports_every_problem_at_once(store_env, tmp_path, run, run_json):
    path = tmp_path / "register.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame([dict(key="x-test", name="X", status="active", themes="sports", municipalities="Kolding",
                           start="2024", end="2020")]).to_excel(writer, sheet_name="partnerships", index=False)
        pd.DataFrame([dict(partnership="x-test", source="eu", year=2024, amount_dkk=-5)]).to_excel(
            writer, sheet_name="funding", index=False)
        pd.DataFrame([dict(key="bad-cvr", name="B", kind="company", cvr="12345678")]).to_excel(
            writer, sheet_name="organisations", index=False)
    result = run("import", str(path))
    assert result.exit_code == 1
    for code, place in (("unknown-theme", "[partnerships]: row 2, field themes"),
                        ("end-before-start", "[partnerships]: row 2, field end"),  # in the same row as the theme
                        ("negative-amount", "[funding]: row 2, field amount_dkk"),
                        ("bad-cvr", "[organisations]: row 2, field cvr")):
        assert any(f"[{code}]" in line and place in line for line in result.stderr.splitlines()), (code, result.stderr)
    assert "x-test" not in {p["key"] for p in run_json("list")["partnerships"]}


def test_export_round_trips_through_import(store_env, tmp_path, run_json):
    csv = run_json("export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert csv["personal_data"] is False and csv["demo"] is True
    assert sorted(p.split("/")[-1] for p in csv["written"]) == [
        "funding.csv", "organisations.csv", "partners.csv", "partnerships.csv", "results.csv", "sources.csv"]
    again = run_json("import", str(tmp_path / "csv"))
    assert again["partnerships"] == [] and again["organisations"] == []  # nothing changed: no new history
    xlsx = run_json("export", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    sheets = pd.read_excel(xlsx["written"][0], sheet_name=None)
    assert "contacts" not in sheets and set(sheets["partnerships"]["demo"]) == {True, False}
    assert run_json("import", str(tmp_path / "r.xlsx"))["partnerships"] == []


PERSON = dict(name="Mette Testesen", email="mette.testesen@example.dk", phone="+45 12 34 56 78")


def _with_contacts(tmp_path, run_json):
    doc = tmp_path / "contacts.yaml"
    for key in ("hysynergy", "dima"):
        current = run_json("show", key)
        fields = {k: current[k] for k in ("name", "status", "themes", "municipalities", "start", "partners", "funding",
                                          "sources", "results", "strengths", "description", "notes", "kpis")}
        fields["contacts"] = [dict(PERSON, organisation="trekantomraadet-danmark", role="projektleder"),
                              dict(name="Anden Person", email="anden@example.dk")]
        doc.write_text(json.dumps(fields), encoding="utf-8")  # JSON is YAML
        assert run_json("edit", key, "--file", str(doc))["partnerships"] == [key]


def _everything_stored(settings) -> str:
    """Every cell of every table in the store, as one text."""
    store = Store.from_settings(settings)
    with store.connect() as conn:
        cells = [str(value) for name in inspect(conn).get_table_names()
                 for row in conn.exec_driver_sql(f'SELECT * FROM "{name}"') for value in row]
    store.dispose()
    return "\n".join(cells)


def test_contacts_are_personal_data_and_forget_removes_them_everywhere(store_env, tmp_path, run, run_json):
    _with_contacts(tmp_path, run_json)
    assert run_json("show", "hysynergy")["contacts"] is None
    shown = run_json("show", "hysynergy", "--include-personal")["contacts"]
    assert shown[0]["name"] == PERSON["name"] and shown[0]["email"] == PERSON["email"]
    assert "Mette" not in run("show", "hysynergy").stdout
    assert "contacts" not in run_json("list")["partnerships"][0]
    # the history says contacts changed, never who
    history = json.dumps(run_json("history", "hysynergy"))
    assert "contact persons changed" in history and PERSON["name"] not in history and PERSON["email"] not in history
    # public exports hold no personal data; asked for, they do
    run_json("export", "--format", "csv", "--out", str(tmp_path / "public"))
    run_json("export", "--format", "xlsx", "--out", str(tmp_path / "public.xlsx"))
    public = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "public").iterdir())
    public += pd.read_excel(tmp_path / "public.xlsx", sheet_name=None).__repr__()
    for value in PERSON.values():
        assert value not in public
    personal = run_json("export", "--format", "csv", "--out", str(tmp_path / "personal"), "--include-personal")
    assert personal["personal_data"] is True
    assert PERSON["email"] in (tmp_path / "personal" / "contacts.csv").read_text(encoding="utf-8-sig")
    # forget by e-mail (any case): both records go, the other person stays
    assert run_json("forget", PERSON["email"].upper()) == {"records_removed": 2}
    stored = _everything_stored(store_env)
    for value in PERSON.values():
        assert value not in stored
    assert "anden@example.dk" in stored
    store = Store.from_settings(store_env)
    with store.connect() as conn:
        entry = conn.execute(select(audit_log).where(audit_log.c.action == "partnerships.forget")).one()
    store.dispose()
    assert json.loads(entry.detail) == {"records_removed": 2, "note": "personal data erased on request"}
    assert entry.actor == f"cli:{os_user()}" and entry.entity == "person" and entry.entity_id == ""
    assert run_json("forget", "Nobody Known") == {"records_removed": 0}


def test_forget_needs_a_person(store_env, run):
    result = run("forget", "  ")
    assert result.exit_code == 1 and "name the person" in result.stderr


def test_the_report_section_on_partnerships_holds_no_personal_data(sqlite_env, tmp_path, run_json):
    """`trekant report`'s partnerships section is a public export too: no contact person in either edition."""
    from trekant.reports.context import BuildContext
    from trekant.reports.model import block_text
    from trekant.reports.sections import partnerships as section

    _with_contacts(tmp_path, run_json)
    assert run_json("show", "dima", "--include-personal")["contacts"][0]["email"] == PERSON["email"]
    for published_only in (True, False):
        built = section.build(BuildContext(sqlite_env, tmp_path / f"report-{published_only}", published_only=published_only))
        text = " ".join(part for block in built.blocks for part in block_text(block))
        assert "DIMA" in text  # the partnership is in the section …
        for value in (*PERSON.values(), "Anden Person", "anden@example.dk"):
            assert value not in text  # … its contact persons are not
