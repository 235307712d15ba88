"""Areas an analysis can name: a municipality (code or name), Denmark ("DK"), or a group.

Comparison sets: "municipalities" (all of them), "metro5"/"peers" (the region and its peer
groups, i.e. the five metropolitan areas for Trekantområdet), or a comma list of areas.
"""

from __future__ import annotations

from dataclasses import dataclass

from trekant.errors import NotFound
from trekant.region.model import DENMARK, AreaGroup
from trekant.region.statbank import area_resolver

MUNICIPALITIES = "municipalities"
PEER_SETS = ("metro5", "peers")
# Christiansø has an area code but is run by the state, not a municipality: left out of
# municipality rankings (its tiny population makes any percent change extreme), kept in totals.
NOT_MUNICIPALITIES = {"0411"}


@dataclass(frozen=True)
class Areas:
    names: dict[str, tuple[str, str]]  # municipality code → (Danish name, StatBank name)
    groups: dict[str, AreaGroup]
    region: str  # the store's region group key

    def resolve(self, text: str) -> str:
        """A municipality code, 'DK' or a group key for a code, name or key as the user wrote it."""
        wanted = text.strip()
        if wanted in self.groups:
            return wanted
        code = area_resolver(self.names).get(wanted.lower())
        if code is None:
            raise NotFound(f"unknown area {text!r}: give a municipality code or name, DK, or a group "
                           f"({', '.join(self.groups)})")
        return code

    def label(self, area: str) -> str:
        if area == DENMARK:
            return "Danmark"
        if area in self.groups:
            return self.groups[area].name
        return self.names.get(area, (area,))[0]

    def is_group(self, area: str) -> bool:
        return area in self.groups

    def members(self, area: str) -> tuple[str, ...]:
        return self.groups[area].members if area in self.groups else (area,)

    def peer_set(self) -> list[str]:
        """The region group and its peer groups, region first."""
        peers = [k for k, g in self.groups.items() if g.kind == "peer"]
        return [self.region, *peers] if self.region in self.groups else peers

    def comparison(self, spec: str) -> list[str]:
        """The areas of a comparison set (see module docstring)."""
        if spec == MUNICIPALITIES:
            return sorted(set(self.names) - NOT_MUNICIPALITIES)
        if spec in PEER_SETS:
            return self.peer_set()
        return [self.resolve(part) for part in spec.split(",") if part.strip()]

    def municipalities_needed(self, areas: list[str]) -> set[str]:
        return {m for a in areas if a != DENMARK for m in self.members(a)}
