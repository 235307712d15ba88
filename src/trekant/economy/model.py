"""Plain results of the economy analyses; each knows its JSON shape (English keys)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

INDUSTRY_INDICATOR = "employment_by_industry"  # the demo series with an industry breakdown


def _round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True)
class IndicatorInfo:
    key: str
    name_da: str
    name_en: str
    unit: str
    frequency: str
    source: str
    licence: str
    is_demo: bool = False

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_da

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Growth:
    """Growth of one area over one window: change, percent change, CAGR (both in percent)."""

    area: str
    start_period: str
    end_period: str
    start_value: float
    end_value: float
    years: float
    change: float
    change_pct: float | None
    cagr_pct: float | None

    def to_dict(self) -> dict:
        return dict(area=self.area, start_period=self.start_period, end_period=self.end_period,
                    start_value=self.start_value, end_value=self.end_value, years=_round(self.years, 4),
                    change=_round(self.change), change_pct=_round(self.change_pct),
                    cagr_pct=_round(self.cagr_pct))


@dataclass(frozen=True)
class Ranked:
    """One area's place in a ranking by percent change (1 = highest growth; ties share a rank)."""

    rank: int
    growth: Growth
    name: str = ""

    def to_dict(self) -> dict:
        return dict(rank=self.rank, name=self.name, **self.growth.to_dict())


@dataclass(frozen=True)
class ClaimWindow:
    """A window in which the subject grew fastest, with its lead over the runner-up."""

    start_period: str
    end_period: str
    years: float
    growth_pct: float
    runner_up: str
    runner_up_growth_pct: float
    margin_pp: float  # percentage points ahead of the runner-up

    def to_dict(self) -> dict:
        return dict(start_period=self.start_period, end_period=self.end_period, years=_round(self.years, 4),
                    growth_pct=_round(self.growth_pct), runner_up=self.runner_up,
                    runner_up_growth_pct=_round(self.runner_up_growth_pct), margin_pp=_round(self.margin_pp))


@dataclass(frozen=True)
class HeadlineWindow:
    """A window declared before looking (last 1/5/10 years, the strategy's period) and how the subject did."""

    label: str
    start_period: str
    end_period: str
    growth_pct: float | None
    rank: int | None
    compared: int
    leader: str | None
    leader_growth_pct: float | None
    margin_pp: float | None  # subject − best other area (negative: behind)
    best_other: str | None = None
    best_other_growth_pct: float | None = None

    def to_dict(self) -> dict:
        return dict(label=self.label, start_period=self.start_period, end_period=self.end_period,
                    growth_pct=_round(self.growth_pct), rank=self.rank, compared=self.compared, leader=self.leader,
                    leader_growth_pct=_round(self.leader_growth_pct), margin_pp=_round(self.margin_pp),
                    best_other=self.best_other, best_other_growth_pct=_round(self.best_other_growth_pct))


@dataclass(frozen=True)
class ClaimResult:
    """Every window scanned, and those where the subject ranks first (strictly ahead)."""

    subject: str
    competitors: tuple[str, ...]
    windows_scanned: int
    first: tuple[ClaimWindow, ...]
    tied: int  # windows where the subject shares the top growth with another area
    periods: tuple[str, ...]
    margins: tuple[float, ...] = ()  # subject − best other, every window scanned (pp)
    same_season: bool = False

    @property
    def longest(self) -> ClaimWindow | None:
        """The longest window with a lead (the latest one among equally long)."""
        if not self.first:
            return None
        return max(self.first, key=lambda w: (w.years, w.end_period))

    def to_dict(self) -> dict:
        return dict(subject=self.subject, competitors=list(self.competitors),
                    windows_scanned=self.windows_scanned, windows_first=len(self.first), windows_tied=self.tied,
                    share_first=_round(len(self.first) / self.windows_scanned if self.windows_scanned else None, 4),
                    periods=list(self.periods), same_season=self.same_season,
                    longest_first=self.longest.to_dict() if self.longest else None,
                    first=[w.to_dict() for w in self.first])


@dataclass(frozen=True)
class ShiftShareRow:
    """Shift-share components of one industry (employment units, e.g. persons)."""

    industry: str
    start: float
    end: float
    national_share: float
    industry_mix: float
    regional_shift: float
    homothetic: float
    competitive: float | None
    allocation: float | None

    @property
    def change(self) -> float:
        return self.end - self.start

    def to_dict(self) -> dict:
        data = asdict(self)
        data["change"] = self.change
        return {k: _round(v) if isinstance(v, float) else v for k, v in data.items()}


@dataclass(frozen=True)
class ShiftShare:
    rows: tuple[ShiftShareRow, ...]
    national_growth: float  # g_N as a fraction
    notes: tuple[str, ...] = ()

    def total(self, name: str) -> float | None:
        values = [getattr(r, name) for r in self.rows]
        return None if any(v is None for v in values) else sum(values)

    def to_dict(self) -> dict:
        names = ("start", "end", "change", "national_share", "industry_mix", "regional_shift",
                 "homothetic", "competitive", "allocation")
        return dict(national_growth=_round(self.national_growth, 12),
                    totals={n: _round(self.total(n)) for n in names},
                    industries=[r.to_dict() for r in self.rows], notes=list(self.notes))


@dataclass(frozen=True)
class Specialisation:
    """Krugman dissimilarity (0 … 2), Hoover (0 … 1) and the Herfindahl concentration of the area."""

    krugman: float
    hoover: float
    herfindahl: float
    herfindahl_reference: float

    def to_dict(self) -> dict:
        return {k: _round(v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Strength:
    """A strength position: a named group of industry codes (by classification)."""

    key: str
    name_da: str
    name_en: str
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # classification → codes
    note: str = ""

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_da
