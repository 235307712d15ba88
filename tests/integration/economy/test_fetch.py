"""`trekant economy fetch` against a local server that answers like api.statbank.dk/v1/data.

The StatBank API takes a POST of JSON ({"table", "format": "CSV"|"BULK", "lang", "delimiter",
"variables": [{"code", "values"}]}) and answers a `;`-separated table with a BOM, or an HTTP
error whose JSON body carries "errorTypeCode" and "message" (Danmarks Statistik, "Statistikbank
API", dst.dk/da/Statistik/hjaelp-til-statistikbanken/api). Nothing here reaches the internet.
"""

import pytest

from integration.statbank_replay import serving

# FOLK1A figures for 1 January 2008 and 2020 as in the shipped data (Q1 rows).
ANSWER = ("\ufeffOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n"
          "Vejle;Total;Age, total;Total;2008Q1;104933\n"
          "Vejle;Total;Age, total;Total;2020Q1;115748\n"
          "Kolding;Total;Age, total;Total;2008Q1;87781\n"
          "Kolding;Total;Age, total;Total;2020Q1;93175\n")


@pytest.fixture
def statbank():
    with serving({"FOLK1A": ANSWER}) as replay:
        yield replay


def test_fetch_posts_the_documented_request_and_imports(store_env, statbank, tmp_path, run_json):
    saved = tmp_path / "raw.csv"
    summary = run_json("economy", "fetch", "folk1a", "--url", statbank.url, "--var", "OMRÅDE=630,621",
                       "--var", "Tid=2008K1,2020K1", "--indicator", "population_api", "--save", str(saved))
    [(path, content_type, body)] = statbank.calls
    assert path == "/v1/data" and content_type == "application/json"
    assert body == {"table": "FOLK1A", "format": "CSV", "lang": "en", "delimiter": "Semicolon",
                    "variables": [{"code": "OMRÅDE", "values": ["630", "621"]},
                                  {"code": "Tid", "values": ["2008K1", "2020K1"]}]}
    assert summary["values"] == 4 and summary["fetched_from"] == statbank.url
    assert "FOLK1A" in summary["source"] and summary["licence"] == "CC BY 4.0"
    assert saved.read_text(encoding="utf-8") == ANSWER.lstrip("\ufeff")
    growth = run_json("economy", "growth", "-i", "population_api", "--area", "Vejle", "--among", "Vejle,Kolding")
    assert growth["growth"]["change"] == 115_748 - 104_933


def test_bulk_format_is_passed_on(store_env, statbank, run_json):
    run_json("economy", "fetch", "FOLK1A", "--url", statbank.url, "--format", "BULK", "--var", "OMRÅDE=*",
             "--var", "Tid=*", "-i", "population_api")
    assert statbank.requests[0]["format"] == "BULK"


def test_api_error_message_reaches_the_user(store_env, statbank, run):
    result = run("economy", "fetch", "NOSUCH", "--url", statbank.url)
    assert result.exit_code == 1
    assert "400" in result.stderr and "Tabellen NOSUCH findes ikke" in result.stderr


def test_unreachable_api_is_one_clear_line(store_env, run):
    result = run("economy", "fetch", "FOLK1A", "--url", "http://127.0.0.1:9/v1/data")
    assert result.exit_code == 1 and "cannot reach the StatBank API" in result.stderr


def test_bad_variable_selection(store_env, statbank, run):
    result = run("economy", "fetch", "FOLK1A", "--url", statbank.url, "--var", "OMRÅDE")
    assert result.exit_code == 1 and "CODE=value" in result.stderr
