"""The plan page shows the checks of issue 12 as `plan check` reports them: sensitive uses in a
neighbour's consequence zone, business frames that cannot be checked (with their count), and
building percentages that are not comparable (both backends)."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from integration.plan.test_consequence_cli import S, _setup
from trekant.cli.main import app as cli
from trekant.plan import repo
from trekant.store.store import Store
from unit.plan.builders import KOLDING, VEJLE, frame, write_geojson

runner = CliRunner()


def _section(page: str, title_id: str) -> str:
    return page.split(f'id="{title_id}"', 1)[1].split("</section>", 1)[0]


def test_the_plan_page_shows_consequence_zones_unchecked_frames_and_unlike_percentages(store_env, client, tmp_path):
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        repo.delete_demo(conn)  # only the hand-built case below
    store.dispose()
    _setup(tmp_path)  # a production area in Kolding 300–900 m from the Vejle border, local plans beside it
    frames = [frame("K-ERHV", KOLDING, 31, S.rect(2000, 2300, side="a")),  # business, no environmental class
              frame("V-BOLIG", VEJLE, 11, S.rect(0, 300, half_width_m=80), bebygpct=30, bebygpctaf=1),
              frame("K-BOLIG", KOLDING, 11, S.rect(0, 300, half_width_m=80, side="a"), bebygpct=40, bebygpctaf=2)]
    result = runner.invoke(cli, ["plan", "import", str(write_geojson(tmp_path / "rammer.geojson", frames))])
    assert result.exit_code == 0, result.output

    page = client.get("/plan?lang=en").text
    consequence = _section(page, "consequence-title")
    rows = re.findall(r"<tr><td>([^<]*)</td><td class=\"num\">([^<]*)</td>\s*<td>([^<]*)</td>.*?"
                      r"<td class=\"num\">([^<]*)</td></tr>", consequence, re.S)
    # by hand (builders.Segment: distances add across the border): the area lies 300–900 m off the
    # border in Kolding; LP-VEJLE-BOLIG 100 m, LP-VEJLE-FORSLAG2 20 m and V-BOLIG 0 m into Vejle, all
    # inside its 500 m zone; Kolding's own housing 100 m from it is Kolding's matter and not listed
    assert sorted(rows) == [("KOL-PROD-1 (0621)", "500", "LP-VEJLE-BOLIG (0630)", "400"),
                            ("KOL-PROD-1 (0621)", "500", "LP-VEJLE-FORSLAG2 (0630)", "320"),
                            ("KOL-PROD-1 (0621)", "500", "V-BOLIG (0630)", "300")]
    assert 'id="cannot-check" data-count="1"' in consequence and "K-ERHV (0621, 31)" in consequence
    unequal = _section(page, "unequal-title")
    assert "K-BOLIG" in unequal and "not comparable (bebygpctaf 2 / 1)" in unequal
