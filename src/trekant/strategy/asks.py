"""The region's asks to the state (interessevaretagelse) and the rule for an ask won (pure).

An ask is won when its project is decided or funded — its portfolio status is one of
decided, funded, under_construction, opened — by a decision in or after the year the region
asked. A project funded without an ask, or funded before the region asked, is not an ask won:
the KPI measures what the region's voice achieved, not every state investment in the region.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from trekant.errors import InputError, Issue
from trekant.textfile import load_yaml_model

WON_STATUSES = ("decided", "funded", "under_construction", "opened")  # infrastructure.model.FUNDED_STATUSES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _SourceDoc(_Strict):
    title: str
    publisher: str
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: str = ""
    supports: list[str] = Field(min_length=1)


class _AskDoc(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    project: str
    name: str
    asked: int = Field(ge=1990, le=2100)
    decided: int | None = Field(default=None, ge=1990, le=2100)
    demo: bool = False
    sources: list[_SourceDoc] = Field(min_length=1)


class _FileDoc(_Strict):
    asks: list[_AskDoc]


@dataclass(frozen=True)
class Ask:
    key: str
    project: str
    name: str
    asked_year: int
    decided_year: int | None
    sources: tuple[dict, ...]
    is_demo: bool = False

    def won(self, project_status: str | None) -> bool:
        return (project_status in WON_STATUSES and self.decided_year is not None
                and self.decided_year >= self.asked_year)

    def document(self) -> str:
        return json.dumps(dict(sources=list(self.sources)), ensure_ascii=False, sort_keys=True)


def default_path(region: str) -> Path:
    return Path(str(resources.files("trekant.strategy") / "data" / "asks" / f"{region}.yaml"))


def load(path: Path) -> list[Ask]:
    """The asks of a file; every source must say whether it supports the ask or the decision."""
    doc = load_yaml_model(path, _FileDoc, "asks", "invalid-asks")
    issues = []
    for ask in doc.asks:
        supported = {s for source in ask.sources for s in source.supports}
        if "asked" not in supported:
            issues.append(Issue("error", "invalid-asks", str(path), f"ask {ask.key}", "no source supports the ask",
                                "sources"))
        if ask.decided is not None and "decided" not in supported:
            issues.append(Issue("error", "invalid-asks", str(path), f"ask {ask.key}",
                                "no source supports the decision", "sources"))
        if ask.decided is not None and ask.decided < ask.asked:
            issues.append(Issue("warning", "decided-before-asked", str(path), f"ask {ask.key}",
                                "decided before the region asked: it does not count as won", "decided"))
    if any(i.severity == "error" for i in issues):
        raise InputError.from_issues(str(path), issues)
    return [Ask(a.key, a.project, a.name, a.asked, a.decided, tuple(s.model_dump() for s in a.sources), a.demo)
            for a in doc.asks]


def won_by_year(asks: list[Ask], status: dict[str, str]) -> dict[int, int]:
    """Year → asks won by then (cumulative), for every year from the first ask to the last decision."""
    won = sorted(a.decided_year for a in asks if a.won(status.get(a.project)))
    if not asks:
        return {}
    first = min(a.asked_year for a in asks)
    last = max([first, *won])
    return {year: sum(1 for y in won if y <= year) for year in range(first, last + 1)}
