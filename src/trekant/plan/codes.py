"""Plandata.dk code lists shipped in plan/data (see PROVENANCE.md there), read once.

anvspec comes from an older municipal schema: an unknown anvspec is a warning, not an error.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


def data_dir() -> Path:
    return Path(str(resources.files("trekant.plan") / "data"))


@dataclass(frozen=True)
class CodeLists:
    anvgen: dict[int, tuple[str, str]]  # code → (Danish, English)
    anvspec: dict[int, int]  # specific use → its general use
    anvspec_names: dict[int, str]
    zone: dict[int, tuple[str, str]]
    distance_m: dict[int, float]  # environmental class → recommended distance to housing
    status: dict[str, tuple[str, str]]  # Plandata code → (Danish, English)
    status_alias: dict[str, str]  # any lower-case spelling → Plandata code
    status_order: dict[str, int]  # lifecycle: K 1 → F 2 → KV 3 → V 4 → A 5
    themes: dict[str, tuple[str, str]]
    bebygpctaf: dict[int, tuple[str, str]]  # what a building percentage is a percentage of

    def status_code(self, value: str) -> str | None:
        """Plandata's status code for 'V', 'vedtaget', 'Adopted', 'kf', … or None."""
        return self.status_alias.get(str(value).strip().lower())

    def source_classes(self) -> tuple[int, ...]:
        """Environmental classes with a recommended distance above 0: only these can be in a conflict."""
        return tuple(c for c, metres in sorted(self.distance_m.items()) if metres > 0)


def _rows(name: str) -> list[dict]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _status_aliases(rows: list[dict]) -> dict[str, str]:
    aliases = {}
    for r in rows:
        for spelling in [r["status"], r["navn_da"], r["name_en"], *r["aliases"].split("|")]:
            aliases[spelling.strip().lower()] = r["status"]
    return aliases


@lru_cache(maxsize=1)
def load_code_lists() -> CodeLists:
    status_rows = sorted(_rows("status.csv"), key=lambda r: int(r["order"]))
    return CodeLists(
        anvgen={int(r["anvgen"]): (r["navn_da"], r["name_en"]) for r in _rows("anvgen.csv")},
        anvspec={int(r["anvspec"]): int(r["anvgen"]) for r in _rows("anvspec.csv")},
        anvspec_names={int(r["anvspec"]): r["navn_da"] for r in _rows("anvspec.csv")},
        zone={int(r["zone"]): (r["navn_da"], r["name_en"]) for r in _rows("zone.csv")},
        distance_m={int(r["miljoeklasse"]): float(r["anbefalet_min_afstand_til_boliger_m"])
                    for r in _rows("environmental_classes.csv")},
        status={r["status"]: (r["navn_da"], r["name_en"]) for r in status_rows},
        status_alias=_status_aliases(status_rows),
        status_order={r["status"]: int(r["order"]) for r in status_rows},
        themes={r["theme"]: (r["navn_da"], r["name_en"]) for r in _rows("designation_themes.csv")},
        bebygpctaf={int(r["bebygpctaf"]): (r["navn_da"], r["name_en"]) for r in _rows("bebygpctaf.csv")},
    )
