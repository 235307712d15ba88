"""The public edition leaves drafts out of the plan section: no draft frame on the map, in the land
account or in a conflict; the internal edition shows them (and says it is internal)."""

from __future__ import annotations

from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.reports.context import BuildContext
from trekant.reports.model import KeyFigures, block_text
from trekant.reports.sections import plan
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()


def _section_text(section) -> str:
    return " ".join(part for block in section.blocks for part in block_text(block))


def _frames(section) -> int:
    figures = next(b for b in section.blocks if isinstance(b, KeyFigures)).figures
    return int(figures[0].value.replace(".", ""))


def test_a_draft_conflict_is_in_the_internal_edition_only(sqlite_env, tmp_path):
    s = border_segment(KOLDING, VEJLE)
    # a draft heavy-industry frame (class 6: 300 m to housing) 200 m across the border from adopted housing
    plans = [frame("T-BOLIG", VEJLE, 11, s.rect(100, 400)),
             frame("T-ERHV-KLADDE", KOLDING, 31, s.rect(100, 400, side="a"), status="K", maxmiljo=6)]
    assert runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "p.geojson", plans))]).exit_code == 0
    internal = plan.build(BuildContext(sqlite_env, tmp_path / "internal", published_only=False))
    public = plan.build(BuildContext(sqlite_env, tmp_path / "public", published_only=True))
    assert "T-ERHV-KLADDE" in _section_text(internal) and "Kladde til forslag" in _section_text(internal)
    assert "T-ERHV-KLADDE" not in _section_text(public) and "Kladde til forslag" not in _section_text(public)
    # the draft's conflicts (with T-BOLIG and with demo housing nearby) are the only difference
    drafts = _section_text(internal).count("Miljøkonflikt: T-ERHV-KLADDE")
    assert drafts >= 1
    assert _section_text(internal).count("Miljøkonflikt:") == _section_text(public).count("Miljøkonflikt:") + drafts
    assert _frames(internal) == _frames(public) + 1
