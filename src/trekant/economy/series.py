"""What a series measures: the basis of its areas (residence or workplace), whether it is
seasonally adjusted, and a sentence saying so — from the StatBank table it comes from
(data/series.yaml), the name of its area column, or what the user said at import.

Pure: no store. A growth figure is shown with this label, so that full-time employees by
municipality of residence (LBESK69) never pass for jobs located in the region.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

BASES = ("residence", "workplace", "")
_TABLE_ID = re.compile(r"\b([A-Z][A-Z0-9]{2,19})\b")
BASIS_WORDS = {
    "residence": ("bopælsbaseret (personer efter bopæl)", "residence-based (persons by where they live)"),
    "workplace": ("arbejdsstedsbaseret (job/produktion efter arbejdssted)", "workplace-based (jobs/production by where the work is done)"),
    "": ("grundlag ikke oplyst (bopæl eller arbejdssted)", "basis not stated (residence or workplace)"),
}


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    path = Path(str(resources.files("trekant.economy") / "data" / "series.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def table_of(source: str) -> str | None:
    """The known StatBank table an indicator's source names (e.g. 'Danmarks Statistik, LBESK69')."""
    tables = _catalogue()["tables"]
    return next((t for t in _TABLE_ID.findall(source or "") if t in tables), None)


def known(source: str) -> dict:
    """{"basis", "seasonally_adjusted"} of the table the source names, or {} when none is known."""
    table = table_of(source)
    if table is None:
        return {}
    entry = _catalogue()["tables"][table]
    return {"basis": entry["basis"], "seasonally_adjusted": bool(entry["seasonally_adjusted"])}


def basis_of_area_column(column: str | None) -> str:
    """'residence' for BOPKOM, 'workplace' for ARBKOM (StatBank's own words), else ''."""
    return _catalogue()["area_columns"].get(str(column or "").strip().upper(), "")


def describe(source: str, basis: str, seasonally_adjusted: bool, language: str = "da") -> dict:
    """The label every growth report carries: basis, adjustment and a sentence on what is counted."""
    table = table_of(source)
    entry = _catalogue()["tables"].get(table, {}) if table else {}
    da, en = BASIS_WORDS.get(basis, BASIS_WORDS[""])
    measure = entry.get("measure_en" if language == "en" else "measure_da", "")
    return {"basis": basis, "basis_text": en if language == "en" else da, "seasonally_adjusted": seasonally_adjusted,
            "table": table or "", "measure": measure, "measure_source": entry.get("source", "")}
