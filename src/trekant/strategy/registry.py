"""Find every domain's KPI sources: trekant/<domain>/kpis.py with SOURCES keyed "<domain>.<name>".

Discovery runs over trekant.bootstrap.DOMAINS with importlib, so a domain merged later (plan,
energy, infrastructure, partnerships) lights up its KPIs without a change here, and a domain
that is not installed is simply absent.
"""

from __future__ import annotations

import importlib
import importlib.util

from trekant.bootstrap import DOMAINS
from trekant.kpi import KpiSource


def discover(domains: tuple[str, ...] = DOMAINS) -> dict[str, KpiSource]:
    sources: dict[str, KpiSource] = {}
    for domain in domains:
        name = f"trekant.{domain}.kpis"
        if importlib.util.find_spec(f"trekant.{domain}") is None or importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for key, source in getattr(module, "SOURCES", {}).items():
            if key.startswith(f"{domain}."):
                sources[key] = source
    return sources
