"""What the tables print: no terminal escapes from the data (#9), no truncated number or id at 80 columns.

Before: a plan name carrying ESC sequences was printed raw by `plan history` and `plan at`, and at
80 columns rich cut cells with "…" (58.4… for 58.483,8 ha; two project keys that looked the same).
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.i18n import number
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
HOSTILE_NAME = "Erhverv \x1b[2J\x1b]0;pwned\x07 [link=http://example.invalid]klik[/link] \u202eslut"
LONG_ID = "1234567-KOMMUNEPLANRAMME-0630-A"


def _run(*args, columns: int = 80):
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def frames(plan_env, tmp_path):
    s = border_segment(KOLDING, VEJLE)
    features = [frame(LONG_ID, VEJLE, 31, s.rect(100, 400), plannavn=HOSTILE_NAME, maxmiljo=4),
                frame(LONG_ID[:-1] + "B", VEJLE, 31, s.rect(500, 1200, half_width_m=400), maxmiljo=4)]
    assert runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "f.geojson", features))]).exit_code == 0
    return s


def _clean(text: str, shows_name: bool = True) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    if shows_name:
        assert "[link=http://example.invalid]klik[/link]" in text  # shown as text, never a terminal hyperlink


def test_history_and_at_print_no_escape_sequences(frames):
    _clean(_run("plan", "history", LONG_ID, columns=250))  # wide: the link text is one word, not folded
    x, y = frames.middle + frames.into_b * 250  # inside the first frame (100–400 m into Vejle)
    _clean(_run("plan", "at", str(x), str(y), columns=250), shows_name=False)  # its table names no plan
    _clean(_run("plan", "where", "--class", "4", columns=250))


@pytest.mark.parametrize("columns", [80, 60])
def test_numbers_and_ids_are_never_cut(frames, columns):
    rows = json.loads(_run("plan", "where", "--class", "4", "--json"))["frames"]
    shown = _run("plan", "where", "--class", "4", columns=columns)
    assert "…" not in shown
    for row in rows:
        assert row["planid"] in shown
        assert number(row["area_ha"], ",.1f", "da") in shown
    land = _run("plan", "land", columns=columns)
    assert "…" not in land
    for row in json.loads(_run("plan", "land", "--json"))["rows"]:
        assert number(row["area_ha"], ",.1f", "da") in land


def test_region_show_keeps_every_figure_whole_at_80_columns(plan_env):
    shown = _run("region", "show")
    assert "…" not in shown
    for m in json.loads(_run("region", "show", "--json")):
        assert m["code"] in shown and m["name"] in shown
        assert number(m["area_km2"], ",.1f", "da") in shown
        assert re.search(re.escape(number(m["population"]["value"], ",.0f", "da")), shown)


def test_check_tables_name_municipalities_and_uses(store_env):
    """`plan check` tables show 'Vejle (0630)' and '11 Boligområde', not only 0630 and 11 (demo plan)."""
    result = json.loads(_run("plan", "check", "--json"))
    shown = _run("plan", "check", columns=250)
    assert result["conflicts"], "the demo plan holds cross-border conflicts"
    conflict = result["conflicts"][0]
    names = {m["code"]: m["name"] for m in json.loads(_run("region", "show", "--json"))}
    assert f"{names[conflict['sensitive_komnr']]} ({conflict['sensitive_komnr']})" in shown
    from trekant.plan.codes import load_code_lists

    use_da = load_code_lists().anvgen[conflict["sensitive_anvgen"]][0]
    assert f"{conflict['sensitive_anvgen']} {use_da}" in shown
    assert [o["kind"] for o in result["border_overlaps"]] == ["frames-overlap"]  # the demo's one overlap
    assert "rammer overlapper" in shown and "frames-overlap" not in shown  # the kind said, not its code


def test_land_and_history_name_the_use(frames):
    """Before: `plan land` listed 31 and `plan history` a column headed 'anvgen' holding 31."""
    from trekant.plan.codes import load_code_lists

    business = f"31 {load_code_lists().anvgen[31][0]}"
    land = _run("plan", "land", columns=250)
    assert business in land
    history = _run("plan", "history", LONG_ID, columns=250)
    assert business in history and "Anvendelse" in history and "anvgen" not in history
