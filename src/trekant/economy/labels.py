"""Danish (default) and English texts of the economy module's tables and statements."""

from __future__ import annotations

from trekant.i18n import lookup, number

TEXTS: dict[str, dict[str, str]] = {
    "demo": {"da": "DEMO-DATA (syntetiske)", "en": "DEMO DATA (synthetic)"},
    "indicators": {"da": "Indikatorer", "en": "Indicators"},
    "key": {"da": "Nøgle", "en": "Key"},
    "name": {"da": "Navn", "en": "Name"},
    "unit": {"da": "Enhed", "en": "Unit"},
    "periods": {"da": "Perioder", "en": "Periods"},
    "values": {"da": "Værdier", "en": "Values"},
    "source": {"da": "Kilde", "en": "Source"},
    "area": {"da": "Område", "en": "Area"},
    "rank": {"da": "Nr.", "en": "Rank"},
    "start": {"da": "Start", "en": "Start"},
    "end": {"da": "Slut", "en": "End"},
    "change": {"da": "Ændring", "en": "Change"},
    "change_pct": {"da": "Ændring %", "en": "Change %"},
    "cagr_pct": {"da": "Årlig vækst %", "en": "CAGR %"},
    "growth": {"da": "Vækst", "en": "Growth"},
    "window": {"da": "Vindue", "en": "Window"},
    "growth_pct": {"da": "Vækst %", "en": "Growth %"},
    "runner_up": {"da": "Nr. 2", "en": "Runner-up"},
    "margin_pp": {"da": "Forspring (pct.-point)", "en": "Lead (pp)"},
    "industry": {"da": "Branche", "en": "Industry"},
    "share": {"da": "Andel", "en": "Share"},
    "reference_share": {"da": "Andel, reference", "en": "Reference share"},
    "lq": {"da": "Lokaliseringskvotient", "en": "Location quotient"},
    "national_share": {"da": "Nationalt bidrag", "en": "National share"},
    "industry_mix": {"da": "Branchesammensætning", "en": "Industry mix"},
    "regional_shift": {"da": "Regionalt bidrag", "en": "Regional shift"},
    "competitive": {"da": "Konkurrenceeffekt", "en": "Competitive effect"},
    "allocation": {"da": "Allokeringseffekt", "en": "Allocation effect"},
    "total": {"da": "I alt", "en": "Total"},
    "strength": {"da": "Styrkeposition", "en": "Strength position"},
    "approximate": {"da": "tilnærmet", "en": "approximate"},
    "members": {"da": "Medlemmer", "en": "Members"},
    "kind": {"da": "Type", "en": "Kind"},
    "groups": {"da": "Områdegrupper", "en": "Area groups"},
    "krugman": {"da": "Krugman-indeks", "en": "Krugman index"},
    "hoover": {"da": "Hoover-indeks", "en": "Hoover index"},
    "herfindahl": {"da": "Herfindahl-indeks", "en": "Herfindahl index"},
    "herfindahl_reference": {"da": "Herfindahl, reference", "en": "Herfindahl, reference"},
    "published_claims": {"da": "Offentliggjorte påstande", "en": "Published claims"},
    "imported": {"da": "Indlæst", "en": "Imported"},
}

STATEMENTS: dict[str, dict[str, str]] = {
    "growth": {
        "da": "{indicator}, {area}, {start}–{end}: {change_pct} (årlig {cagr_pct}); nr. {rank} af {count} blandt {among}.",
        "en": "{indicator}, {area}, {start}–{end}: {change_pct} (CAGR {cagr_pct}); rank {rank} of {count} among {among}.",
    },
    "claim_some": {
        "da": "{area} havde den højeste vækst i {indicator} blandt {among} i {first} af {scanned} periodevinduer; "
              "længst {start}–{end} ({growth} mod {runner_up} for {runner}).",
        "en": "{area} had the highest growth in {indicator} among {among} in {first} of {scanned} windows; "
              "longest {start}–{end} ({growth} against {runner_up} for {runner}).",
    },
    "claim_none": {
        "da": "{area} havde i intet af {scanned} periodevinduer den højeste vækst i {indicator} blandt {among}; "
              "påstanden om højeste vækst kan ikke fremsættes for denne indikator.",
        "en": "{area} had the highest growth in {indicator} among {among} in none of {scanned} windows; "
              "a highest-growth claim cannot be made for this indicator.",
    },
    "window_holds": {
        "da": "{start}–{end}: {area} er nr. {rank} af {count} ({growth}).",
        "en": "{start}–{end}: {area} ranks {rank} of {count} ({growth}).",
    },
    "unchecked": {
        "da": "Kan ikke efterprøves: indikatoren {indicator} findes ikke i lageret. Indlæs serien med "
              "`trekant economy import` for at efterprøve påstanden.",
        "en": "Cannot be checked: the indicator {indicator} is not in the store. Import the series with "
              "`trekant economy import` to check the claim.",
    },
}


SETS = {
    "municipalities": {"da": "alle kommuner", "en": "all municipalities"},
    "metro5": {"da": "de fem storbyområder (metro5)", "en": "the five metropolitan areas (metro5)"},
    "peers": {"da": "regionen og dens sammenligningsområder", "en": "the region and its peers"},
}


def comparison(spec: str, language: str = "da") -> str:
    """How a comparison set is named in a sentence ('metro5' → 'de fem storbyområder (metro5)')."""
    return lookup(SETS, spec, language)


def text(key: str, language: str = "da") -> str:
    return lookup(TEXTS, key, language)


def statement(key: str, language: str = "da", **values) -> str:
    return lookup(STATEMENTS, key, language).format(**values)


def pct(value: float | None, language: str = "da", digits: int = 2) -> str:
    """+4.87 % (English) / +4,87 % (Danish), thousands grouped (+1.234,50 %); '–' when undefined."""
    shown = number(value, f"+,.{digits}f", language)
    return shown if value is None else f"{shown} %"
