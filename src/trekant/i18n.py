"""Danish by default, English on request: labels shared by the CLI, pages and reports."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "code": {"da": "Kode", "en": "Code"},
    "name": {"da": "Navn", "en": "Name"},
    "area_km2": {"da": "Areal (km²)", "en": "Area (km²)"},
    "population": {"da": "Folketal", "en": "Population"},
    "period": {"da": "Periode", "en": "Period"},
    "neighbours": {"da": "Naboer", "en": "Neighbours"},
    "none": {"da": "ingen", "en": "none"},
    "store_built": {"da": "Lageret er bygget", "en": "Store built"},
    "store_refreshed": {"da": "Lageret er opdateret", "en": "Store refreshed"},
    "municipalities": {"da": "kommuner", "en": "municipalities"},
    "indicator_values": {"da": "indikatorværdier", "en": "indicator values"},
    "reading": {"da": "Læser", "en": "Reading"},
}


def t(key: str, language: str = "da") -> str:
    """The label for key in language (falls back to Danish, then the key itself)."""
    entry = LABELS.get(key, {})
    return entry.get(language) or entry.get("da") or key
