"""plan.reports.land(published_only=True): the public land account leaves drafts out."""

from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.plan import reports
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
S = border_segment(KOLDING, VEJLE)


def test_public_land_account_has_no_drafts(plan_env, tmp_path):
    plans = [frame("V-1", VEJLE, 11, S.rect(100, 400)), frame("F-1", VEJLE, 11, S.rect(500, 800), status="F"),
             frame("K-1", VEJLE, 11, S.rect(900, 1200), status="K")]
    assert runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "p.geojson", plans))]).exit_code == 0
    every = {(r["status"], r["frames"], r["area_ha"]) for r in reports.land(plan_env)["rows"]}
    public = reports.land(plan_env, published_only=True)
    # each frame is 300 m along the border × 300 m deep = 9 ha (the builders' rect)
    assert every == {("V", 1, 9.0), ("F", 1, 9.0), ("K", 1, 9.0)}
    assert {(r["status"], r["frames"], r["area_ha"]) for r in public["rows"]} == {("V", 1, 9.0), ("F", 1, 9.0)}
    assert public["published_only"] is True
