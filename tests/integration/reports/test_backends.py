"""The same store gives the same document on both backends: the sections that read the store most
(the region, the joint plan and its maps, the ranked list) built on GeoPackage and on PostGIS say
the same words and numbers as the session's status report."""

from __future__ import annotations

from trekant.reports import status
from trekant.reports.context import BuildContext
from trekant.reports.model import block_text
from trekant.reports.sections import plan, region


def _text(section) -> list[str]:
    return [section.title] + [part for block in section.blocks for part in block_text(block)]


def test_region_plan_and_ranking_sections_agree_on_both_backends(store_env, status_da, tmp_path):
    ctx = BuildContext(store_env.model_copy(update={"language": "da"}), tmp_path)
    built = {s.key: s for s in status_da.doc.sections}
    for builder, key in ((region.build, "region"), (plan.build, "plan"), (status.infrastructure_section, "infrastructure")):
        assert _text(builder(ctx)) == _text(built[key]), key
    assert len(list(tmp_path.glob("*.svg"))) == sum(
        1 for key in ("region", "plan", "infrastructure") for b in built[key].blocks if type(b).__name__ == "Figure")
