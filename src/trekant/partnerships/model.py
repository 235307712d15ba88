"""Plain data of the partnership register: organisations, partnerships and what they hold.

Organisations are entities of their own (one company in five partnerships is one record);
a partnership links them with a role. Contact persons are personal data and travel separately
from everything public: `Partnership.public_dict()` never holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

THEMES = ("business_development", "labour_education", "culture_attractiveness", "energy_climate",
          "infrastructure_mobility", "planning")
STRENGTHS = ("industry", "transport_logistics", "energy_ptx")
FUNDING_SOURCES = ("municipal", "state", "eu", "private", "foundation")
STATUSES = ("idea", "active", "ended")
ACTIVE = "active"
ROLES = ("lead", "partner", "funder")
ORG_KINDS = ("public_authority", "company", "education", "association", "research")
KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


@dataclass(frozen=True)
class Source:
    """A public document a partnership's facts come from."""

    id: int
    title: str
    publisher: str
    year: int | None
    url: str = ""

    def label(self) -> str:
        return f"{self.publisher} ({self.year if self.year is not None else 'n.d.'}): {self.title}"


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    kind: str
    cvr: str | None = None  # 8 digits, modulus 11 (trekant.partnerships.cvr)
    municipality: str | None = None  # the seat's municipality code, if in the store
    url: str = ""
    is_demo: bool = False

    def to_dict(self) -> dict:
        return dict(key=self.key, name=self.name, kind=self.kind, cvr=self.cvr, municipality=self.municipality,
                    url=self.url, demo=self.is_demo)


@dataclass(frozen=True)
class Partner:
    organisation: str  # organisation key
    role: str  # lead | partner | funder


@dataclass(frozen=True)
class Funding:
    """Money for a partnership from one kind of source in one year (None: year not published)."""

    source: str
    amount_dkk: float
    year: int | None = None
    municipality: str | None = None  # the whole line belongs to this municipality (e.g. its own grant)
    funder: str | None = None  # organisation key
    note: str = ""


@dataclass(frozen=True)
class Result:
    """A reported result: indicator, value, unit, year (and the source id it comes from)."""

    indicator: str
    value: float
    unit: str
    year: int
    source: int | None = None


@dataclass(frozen=True)
class Contact:
    """A contact person: personal data, shown only to signed-in users and never in public exports."""

    name: str
    email: str = ""
    phone: str = ""
    organisation: str | None = None
    role: str = ""

    def to_dict(self) -> dict:
        return dict(name=self.name, email=self.email, phone=self.phone, organisation=self.organisation, role=self.role)


@dataclass(frozen=True)
class Partnership:
    key: str
    name: str
    status: str
    themes: tuple[str, ...]
    description: str = ""
    strengths: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    shares: dict[str, float] = field(default_factory=dict)  # municipality → share (sums to 1); {} = split evenly
    start: date | None = None
    end: date | None = None
    partners: tuple[Partner, ...] = ()
    funding: tuple[Funding, ...] = ()
    results: tuple[Result, ...] = ()
    kpis: tuple[str, ...] = ()  # strategy KPI keys the partnership works towards
    sources: tuple[Source, ...] = ()
    contacts: tuple[Contact, ...] | None = None  # None: not given (an edit or import keeps the stored ones)
    is_demo: bool = False
    notes: str = ""

    def active_in(self, year: int) -> bool:
        """Active (not an idea) at some time in `year`, judged by the period; ended ones count for their years."""
        if self.status == "idea" or self.start is None:
            return False
        return self.start.year <= year and (self.end is None or self.end.year >= year)

    def public_dict(self) -> dict:
        """Everything but the contact persons, in the document's own shape (plain JSON values)."""
        return dict(
            key=self.key, name=self.name, description=self.description, status=self.status,
            themes=list(self.themes), strengths=list(self.strengths), municipalities=list(self.municipalities),
            shares=dict(self.shares), start=self.start.isoformat() if self.start else None,
            end=self.end.isoformat() if self.end else None,
            partners=[dict(organisation=p.organisation, role=p.role) for p in self.partners],
            funding=[dict(source=f.source, year=f.year, amount_dkk=f.amount_dkk, municipality=f.municipality,
                          funder=f.funder, note=f.note) for f in self.funding],
            results=[dict(indicator=r.indicator, value=r.value, unit=r.unit, year=r.year, source=r.source)
                     for r in self.results],
            kpis=list(self.kpis),
            sources=[dict(id=s.id, title=s.title, publisher=s.publisher, year=s.year, url=s.url) for s in self.sources],
            demo=self.is_demo, notes=self.notes,
        )

    @property
    def funding_total_dkk(self) -> float:
        return float(sum(f.amount_dkk for f in self.funding))
