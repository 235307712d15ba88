"""Danish by default, English on request: labels shared by the CLI, pages and reports."""

from __future__ import annotations

from collections.abc import Mapping

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
    "next_steps": {"da": "Prøv også", "en": "Try next"},
    "more_help": {"da": "alle kommandoer: trekant --help", "en": "every command: trekant --help"},
}


Entry = Mapping[str, str] | tuple[str, str]


def lookup(table: Mapping[str, Entry], key: str, language: str = "da") -> str:
    """The text for key in language from any domain's label table (falls back to Danish, then the key).

    An entry is {"da": …, "en": …} or a (Danish, English) pair; the tables stay in their domains,
    the rule for choosing a language is this one."""
    entry = table.get(key)
    if entry is None:
        return key
    if isinstance(entry, tuple):
        entry = dict(zip(("da", "en"), entry))
    return entry.get(language) or entry.get("da") or key


def t(key: str, language: str = "da") -> str:
    """The platform-wide label for key in language."""
    return lookup(LABELS, key, language)


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


# Control characters (C0 but newline, DEL, C1) and the bidirectional overrides that reorder what a
# terminal shows: a plan name carrying ESC [ 2 J would clear the user's screen when printed raw.
_UNPRINTABLE = {code: None for code in (*range(0, 32), *range(127, 160)) if code != 10}
_UNPRINTABLE.update({9: " ", 13: " "})
_UNPRINTABLE.update({code: None for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)})


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and escape characters removed, tabs as spaces."""
    return text.translate(_UNPRINTABLE)
