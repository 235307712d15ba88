"""A risk specification file: the distribution of each uncertain input (overrides the defaults)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal


from trekant.errors import InputError, Issue
from trekant.infrastructure.io.common import Strict, parse_model, read_yaml
from trekant.infrastructure.risk import QUANTITY_PREFIX, Distribution

CODE = "invalid-risk-spec"


class _DistributionDoc(Strict):
    distribution: Literal["triangular", "pert", "uniform", "lognormal", "fixed"]
    value: float | None = None
    low: float | None = None
    mode: float | None = None
    high: float | None = None
    median: float | None = None
    sigma: float | None = None


class _SpecDoc(Strict):
    construction_overrun: _DistributionDoc | None = None
    traffic_growth: _DistributionDoc | None = None
    value_of_time: _DistributionDoc | None = None
    co2_price: _DistributionDoc | None = None
    quantities: dict[str, _DistributionDoc] = {}  # project quantities published as a range, by name


def _distribution(doc: _DistributionDoc) -> tuple[Distribution | None, list[str]]:
    if doc.distribution == "fixed":
        if doc.value is None:
            return None, ["fixed needs value"]
        return Distribution("fixed", mode=doc.value), []
    if doc.distribution == "lognormal":
        if doc.median is None or doc.sigma is None:
            return None, ["lognormal needs median and sigma"]
        dist = Distribution("lognormal", median=doc.median, sigma=doc.sigma)
    elif doc.distribution == "uniform":
        if None in (doc.low, doc.high):
            return None, ["uniform needs low and high"]
        dist = Distribution("uniform", doc.low, (doc.low + doc.high) / 2.0, doc.high)
    else:
        if None in (doc.low, doc.mode, doc.high):
            return None, [f"{doc.distribution} needs low, mode and high"]
        dist = Distribution(doc.distribution, doc.low, doc.mode, doc.high)
    return dist, dist.problems()


def load_spec(path: Path, defaults: dict[str, Distribution]) -> dict[str, Distribution]:
    """The defaults with every input the file names replaced; InputError naming the field otherwise."""
    doc, issues = parse_model(_SpecDoc, read_yaml(path), str(path), "risk specification", CODE)
    if doc is None:
        raise InputError.from_issues(str(path), issues)
    spec = dict(defaults)
    unknown = sorted(set(doc.quantities) - {n[len(QUANTITY_PREFIX):] for n in defaults if n.startswith(QUANTITY_PREFIX)})
    issues += [Issue("error", CODE, str(path), "risk specification", "the project gives no range for this quantity "
                     "(effects.quantity_ranges)", f"quantities.{name}") for name in unknown]
    for name in defaults:
        given = doc.quantities.get(name[len(QUANTITY_PREFIX):]) if name.startswith(QUANTITY_PREFIX) else getattr(doc, name)
        if given is None:
            continue
        dist, problems = _distribution(given)
        if dist is not None and not problems:
            problems = dist.range_problems(name)
        issues += [Issue("error", CODE, str(path), "risk specification", p, name) for p in problems]
        if dist is not None and not problems:
            spec[name] = dist
    if issues:
        raise InputError.from_issues(str(path), issues)
    return spec
