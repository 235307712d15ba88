"""Danish (default) and English texts of the strategy status."""

from __future__ import annotations

from trekant.i18n import lookup, number

TEXTS: dict[str, dict[str, str]] = {
    "on_track": {"da": "på sporet", "en": "on track"},
    "at_risk": {"da": "i risiko", "en": "at risk"},
    "off_track": {"da": "ikke på sporet", "en": "off track"},
    "no_data": {"da": "ingen data", "en": "no data"},
    "not_installed": {"da": "ingen data: kilden er ikke installeret", "en": "no data: source not installed"},
    "no_data_reason": {"da": "ingen data", "en": "no data"},
    "title": {"da": "Fælles strategi: status for nøgletal", "en": "Joint strategy: KPI status"},
    "goal": {"da": "Mål", "en": "Goal"},
    "kpi": {"da": "Nøgletal", "en": "KPI"},
    "latest": {"da": "Seneste", "en": "Latest"},
    "target": {"da": "Mål (år)", "en": "Target (year)"},
    "trend": {"da": "Krævet / faktisk pr. år", "en": "Required / actual per year"},
    "status": {"da": "Status", "en": "Status"},
    "source": {"da": "Kilde", "en": "Source"},
    "demo": {"da": "DEMO", "en": "DEMO"},
    "illustrative": {"da": "Målene er illustrative, ikke vedtagne", "en": "Targets are illustrative, not adopted"},
    "sources": {"da": "Nøgletalskilder", "en": "KPI sources"},
    "installed": {"da": "installeret", "en": "installed"},
    "fetch": {"da": "hent StatBank-tabellen", "en": "fetch StatBank table"},
    "asks": {"da": "Regionens ønsker til staten", "en": "The region's asks to the state"},
    "ask": {"da": "Ønske", "en": "Ask"},
    "project": {"da": "Projekt (status)", "en": "Project (status)"},
    "asked": {"da": "Ønsket", "en": "Asked"},
    "decided": {"da": "Besluttet", "en": "Decided"},
    "won": {"da": "Vundet", "en": "Won"},
    "yes": {"da": "ja", "en": "yes"},
    "asks_rule": {"da": "vundet = projektet er besluttet, finansieret, under anlæg eller åbnet (status i porteføljen) "
                        "ved en beslutning samme år som ønsket eller senere",
                  "en": "won = the project is decided, funded, under construction or opened (its portfolio status), "
                        "by a decision in or after the year the region asked"},
    "no": {"da": "nej", "en": "no"},
    "rule": {"da": "Begrundelse", "en": "Why"},
    "fetch_hint": {"da": "Data mangler — hent med", "en": "Data missing — fetch with"},
}


def text(key: str, language: str = "da") -> str:
    return lookup(TEXTS, key, language)


def amount(value: float | None, language: str = "da") -> str:
    """A KPI value for people: whole numbers from 100 up (1.234), two decimals below (0,25), and a whole value
    (a count, a rank) without decimals (3, not 3,00)."""
    if value is None:
        return number(None)
    return number(value, ",.0f" if abs(value) >= 100 or float(value).is_integer() else ",.2f", language)
