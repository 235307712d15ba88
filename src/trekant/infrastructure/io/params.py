"""Parameter sets as named, sourced YAML files: shipped ones by name, a user's own by path."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from trekant.errors import InputError, Issue
from trekant.infrastructure.io.common import Strict, parse_model, read_yaml
from trekant.infrastructure.model import ParameterSet, RateBand, Source, UnitValue

CODE = "invalid-params"
MAX_UNIT_VALUE_DKK = 1e9
# Fields of a parameter set that must each be backed by at least one source.
SOURCED_FIELDS = ("discount_rates", "net_tax_factor", "tax_distortion_factor")




class SourceDoc(Strict):
    id: int = Field(ge=1)
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1800, le=2100)  # None: the document shows no date
    url: str = ""
    supports: list[str] = Field(default_factory=list)


class _BandDoc(Strict):
    from_year: int = Field(ge=1)
    to_year: int | None = None
    rate: float = Field(ge=0.0, lt=1.0)  # a negative rate is a sign typo in every Danish guidance


# A unit value is a price (DKK per hour, per accident, per tonne): never negative, and the dearest
# in the catalogue (a fatality, about 3e7 DKK) is far below the bound; the sign of a benefit
# comes from the project's quantity (e.g. co2e_t_saved < 0 when emissions rise).
UnitPrice = Annotated[float, Field(ge=0.0, le=MAX_UNIT_VALUE_DKK)]


class _UnitValueDoc(Strict):
    unit: str = ""
    value: UnitPrice | None = None
    real_growth_per_year: float = Field(default=0.0, ge=-0.2, le=0.2)
    path: dict[int, UnitPrice] = Field(default_factory=dict)
    illustrative: bool = False
    source: int | None = None
    catalogue_entry: str = ""  # the entry of Transportøkonomiske Enhedspriser the value is taken from

    @model_validator(mode="after")
    def _value_or_path(self):
        if self.value is None and not self.path:
            where = f" (take it from: {self.catalogue_entry})" if self.catalogue_entry else ""
            raise ValueError(f"give either value or path{where}")
        return self


class _PriceIndexDoc(Strict):
    name: str = ""
    source: int | None = None
    values: dict[int, Annotated[float, Field(gt=0.0)]] = Field(min_length=1)


class _ParamsDoc(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    price_year: int = Field(ge=1900, le=2100)
    operation_years: int = Field(default=50, ge=1, le=200)
    net_tax_factor: float = Field(gt=0.5, le=3.0)
    tax_distortion_factor: float = Field(ge=0.5, le=3.0)
    discount_rates: list[_BandDoc] = Field(min_length=1)
    price_index: _PriceIndexDoc | None = None
    unit_values: dict[str, _UnitValueDoc] = Field(default_factory=dict)
    # FM 2023: a sensitivity of every project with climate effects at alternative CO2e prices;
    # each alternative replaces co2_shadow_price_dkk_per_t (same shape: value or path)
    co2_alternatives: dict[str, _UnitValueDoc] = Field(default_factory=dict)
    sources: list[SourceDoc] = Field(min_length=1)
    unverified: list[str] = Field(default_factory=list)


def params_dir() -> Path:
    return Path(str(resources.files("trekant.infrastructure") / "data" / "params"))


def template_path() -> Path:
    """The unit-price parameter template naming, per unit value, its catalogue entry."""
    return Path(str(resources.files("trekant.infrastructure") / "data" / "templates" / "unit-prices-template.yaml"))


def builtin_names() -> list[str]:
    return sorted(p.stem for p in params_dir().glob("*.yaml"))


def resolve(name_or_path: str) -> Path:
    """A shipped set by name, or a YAML file by path; InputError naming the known sets if neither."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    if name_or_path in builtin_names():
        return params_dir() / f"{name_or_path}.yaml"
    known = ", ".join(builtin_names())
    raise InputError("params", reason=f"unknown parameter set {name_or_path!r}; known: {known} (or give the path of a YAML file)")


def _band_issues(doc: _ParamsDoc, issue) -> list[Issue]:
    issues, expected = [], 1
    bands = sorted(doc.discount_rates, key=lambda b: b.from_year)
    for i, band in enumerate(bands):
        if band.from_year != expected:
            issues.append(issue(f"discount_rates.{i}.from_year", f"bands must follow each other from year 1; expected {expected}, got {band.from_year}"))
        if band.to_year is None:
            if i != len(bands) - 1:
                issues.append(issue(f"discount_rates.{i}.to_year", "only the last band may be open-ended"))
            break
        if band.to_year < band.from_year:
            issues.append(issue(f"discount_rates.{i}.to_year", "to_year is before from_year"))
        expected = band.to_year + 1
    if bands and bands[-1].to_year is not None:
        issues.append(issue(f"discount_rates.{len(bands) - 1}.to_year", "the last band must be open-ended (no to_year)"))
    return issues


def _source_issues(doc: _ParamsDoc, issue) -> list[Issue]:
    ids = {s.id for s in doc.sources}
    supported = {f for s in doc.sources for f in s.supports}
    issues = [issue(field, "no source supports this value (list it under a source's supports)")
              for field in SOURCED_FIELDS if field not in supported]
    refs = [("price_index.source", doc.price_index.source if doc.price_index else None)]
    refs += [(f"unit_values.{k}.source", uv.source) for k, uv in doc.unit_values.items()]
    refs += [(f"co2_alternatives.{k}.source", uv.source) for k, uv in doc.co2_alternatives.items()]
    issues += [issue(field, f"source {ref} is not listed under sources") for field, ref in refs if ref is not None and ref not in ids]
    if len(ids) != len(doc.sources):
        issues.append(issue("sources", "two sources share an id"))
    return issues


def _unit_value(key: str, v: _UnitValueDoc) -> UnitValue:
    return UnitValue(key, v.unit, v.value or 0.0, v.real_growth_per_year, dict(v.path), v.illustrative, v.source,
                     v.catalogue_entry)


def _to_params(doc: _ParamsDoc, path: Path) -> ParameterSet:
    return ParameterSet(
        name=doc.name, title=doc.title, price_year=doc.price_year,
        discount_rates=tuple(RateBand(b.from_year, b.to_year, b.rate) for b in sorted(doc.discount_rates, key=lambda b: b.from_year)),
        net_tax_factor=doc.net_tax_factor, tax_distortion_factor=doc.tax_distortion_factor,
        operation_years=doc.operation_years,
        price_index=dict(doc.price_index.values) if doc.price_index else {},
        price_index_source=doc.price_index.source if doc.price_index else None,
        unit_values={k: _unit_value(k, v) for k, v in doc.unit_values.items()},
        co2_alternatives={k: _unit_value(k, v) for k, v in doc.co2_alternatives.items()},
        sources=tuple(Source(s.id, s.title, s.publisher, s.year, s.url, tuple(s.supports)) for s in doc.sources),
        unverified=tuple(doc.unverified), path=str(path),
    )


def load_params(name_or_path: str = "fm2023") -> ParameterSet:
    """Read, validate and return a parameter set; InputError with every problem otherwise."""
    path = resolve(name_or_path)
    raw = read_yaml(path)
    doc, issues = parse_model(_ParamsDoc, raw, str(path), "parameter set", CODE)
    if doc is None:
        raise InputError.from_issues(str(path), issues)

    def issue(field: str, message: str) -> Issue:
        return Issue("error", CODE, str(path), f"parameter set {doc.name}", message, field)

    issues = _band_issues(doc, issue) + _source_issues(doc, issue)
    if issues:
        raise InputError.from_issues(str(path), issues)
    return _to_params(doc, path)
