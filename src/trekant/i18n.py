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


_DANISH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def number(value: float | None, spec: str = ",.1f", language: str = "da") -> str:
    """A number for people: Danish 1.300,0 (thousands '.', decimals ','), English 1,300.0.

    `spec` is a Python format spec in English notation; '–' for None; no '-0,0' for a value
    that rounds to zero. JSON output never goes through here (plain numbers there)."""
    if value is None:
        return "–"
    text = format(value, spec)
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        text = text[1:]
    return text if language == "en" else text.translate(_DANISH_SEPARATORS)


def percent(share: float | None, decimals: int = 1, language: str = "da") -> str:
    """0.138 → '13,8 %' (Danish, with a space as Danish style guides write it) or '13.8%' (English)."""
    if share is None:
        return "–"
    text = number(share * 100, f",.{decimals}f", language)
    return f"{text}%" if language == "en" else f"{text} %"
