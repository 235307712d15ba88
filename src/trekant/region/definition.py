"""Read a region definition (YAML) into a RegionDefinition, reporting every problem as an Issue.

A region is data, not code: municipality codes, name, peer groups and the indicator files to
load. The default is data/trekantomraadet/region.yaml; `trekant init --region PATH` takes another.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from trekant.csvfile import read_csv
from trekant.errors import InputError, Issue
from trekant.region.model import AreaGroup, IndicatorFile, IndicatorSpec, RegionDefinition
from trekant.textfile import load_yaml_model, raise_issue

BUILTIN_PREFIX = "builtin:"
CODE_PATTERN = r"^\d{4}$"


def data_root() -> Path:
    """The package's shipped data folder."""
    return Path(str(resources.files("trekant.region") / "data"))


def default_definition_path() -> Path:
    return data_root() / "trekantomraadet" / "region.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _FileDoc(_Strict):
    path: str
    area_column: str
    period_column: str
    value_column: str
    where: dict[str, str] = Field(default_factory=dict)
    skip_areas: list[str] = Field(default_factory=list)
    sep: str = ";"


class _IndicatorDoc(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_da: str
    name_en: str
    unit: str
    frequency: str = Field(pattern=r"^(year|quarter|month|half-year)$")
    source: str
    licence: str
    is_demo: bool = False
    files: list[_FileDoc] = Field(min_length=1)


class _PeerDoc(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    source: str = ""
    members: list[str] = Field(min_length=1)


class _RegionDoc(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str = ""
    municipalities: list[str] = Field(min_length=1)
    boundaries: str
    municipality_names: str = BUILTIN_PREFIX + "municipalities.csv"
    population_indicators: list[str] = Field(default_factory=lambda: ["population"])
    peers: list[_PeerDoc] = Field(default_factory=list)
    indicators: list[_IndicatorDoc] = Field(default_factory=list)


def resolve(ref: str, base: Path) -> Path:
    """A path in a definition: builtin:… (shipped data), absolute, or relative to the definition."""
    if ref.startswith(BUILTIN_PREFIX):
        return data_root() / "common" / ref[len(BUILTIN_PREFIX):]
    path = Path(ref)
    return path if path.is_absolute() else (base / path)


def read_names(path: Path) -> dict[str, tuple[str, str]]:
    """code → (Danish name, Statistics Denmark's name) from the municipality names file."""
    table, issues = read_csv(path, what="municipality names", numeric=(), sep=",")
    if issues:
        raise_issue(issues[0])
    missing = [c for c in ("code", "name", "name_statbank") if c not in table.header]
    if missing:
        raise_issue(Issue("error", "invalid-definition", str(path), "row 1", f"missing column(s): {', '.join(missing)}"))
    return {row["code"]: (row["name"], row["name_statbank"]) for _, row in table.rows}


def _issue(source: Path, where: str, message: str, code: str = "invalid-definition", field: str | None = None) -> Issue:
    return Issue("error", code, str(source), where, message, field)


def _parse(path: Path) -> _RegionDoc:
    return load_yaml_model(path, _RegionDoc, "region definition", "invalid-definition", where="definition")


def _check_codes(path: Path, doc: _RegionDoc, known: dict) -> list[Issue]:
    issues = []
    groups = [("municipalities", doc.municipalities)] + [
        (f"peers.{p.key}.members", p.members) for p in doc.peers
    ]
    for field, codes in groups:
        for code in codes:
            if code not in known:
                issues.append(_issue(path, "definition", f"unknown municipality code {code!r}", "unknown-code", field))
    if len(set(doc.municipalities)) != len(doc.municipalities):
        issues.append(_issue(path, "definition", "a municipality code is listed twice", field="municipalities"))
    return issues


def _check_files(path: Path, paths: dict[str, Path]) -> list[Issue]:
    return [
        _issue(path, "definition", f"file not found: {p}", "missing-file", field)
        for field, p in paths.items()
        if not p.is_file()
    ]


def load_definition(path: Path | None = None) -> RegionDefinition:
    """Read and check a definition; raise InputError listing every problem found."""
    path = Path(path) if path else default_definition_path()
    doc = _parse(path)
    base = path.parent
    names_file = resolve(doc.municipality_names, base)
    files = {"boundaries": resolve(doc.boundaries, base), "municipality_names": names_file}
    for i, ind in enumerate(doc.indicators):
        for j, f in enumerate(ind.files):
            files[f"indicators.{i}.files.{j}.path"] = resolve(f.path, base)
    issues = _check_files(path, files)
    if names_file.is_file():
        issues += _check_codes(path, doc, read_names(names_file))
    if issues:
        raise InputError.from_issues(str(path), issues)
    return _to_definition(doc, path, files)


def _to_definition(doc: _RegionDoc, path: Path, files: dict[str, Path]) -> RegionDefinition:
    base = path.parent
    indicators = tuple(
        IndicatorSpec(
            key=i.key, name_da=i.name_da, name_en=i.name_en, unit=i.unit, frequency=i.frequency,
            source=i.source, licence=i.licence, is_demo=i.is_demo,
            files=tuple(
                IndicatorFile(
                    path=resolve(f.path, base), area_column=f.area_column, period_column=f.period_column,
                    value_column=f.value_column, where=dict(f.where), skip_areas=tuple(f.skip_areas), sep=f.sep,
                )
                for f in i.files
            ),
        )
        for i in doc.indicators
    )
    peers = tuple(AreaGroup(p.key, p.name, "peer", tuple(p.members), p.source) for p in doc.peers)
    return RegionDefinition(
        key=doc.key, name=doc.name, name_en=doc.name_en or doc.name, members=tuple(doc.municipalities),
        boundaries=files["boundaries"], names_file=files["municipality_names"], peers=peers,
        indicators=indicators, population_indicators=tuple(doc.population_indicators), path=path,
    )
