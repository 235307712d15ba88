"""Goals, KPIs and the status of a KPI against its target."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Target:
    value: float
    year: int
    basis: str = ""  # e.g. "illustrative: not adopted by the board"


@dataclass(frozen=True)
class Kpi:
    key: str
    name_da: str
    name_en: str
    source: str  # "<domain>.<name>" in the KPI source registry
    direction: str  # increase | decrease (which way is better)
    target: Target
    baseline_period: str | None = None  # the period the path to the target starts from

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_da


@dataclass(frozen=True)
class Goal:
    key: str
    name_da: str
    name_en: str
    text_da: str
    text_en: str
    kpis: tuple[Kpi, ...]

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_da

    def text(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_da


ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "on_track", "at_risk", "off_track", "no_data"


@dataclass(frozen=True)
class Assessment:
    """How a KPI stands: the path it needs (required) against the way it goes (actual)."""

    status: str
    baseline_period: str | None = None
    baseline_value: float | None = None
    required_per_year: float | None = None
    actual_per_year: float | None = None
    expected_now: float | None = None  # on the straight path from baseline to target
    progress_ratio: float | None = None  # achieved change / change due by now
    projected_at_target_year: float | None = None
    reason: str = ""

    def to_dict(self) -> dict:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items()}
