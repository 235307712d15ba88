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
    "published_claims": {"da": "Offentliggjort påstand", "en": "Published claim"},
    "headline_windows": {"da": "Faste vinduer", "en": "Pre-declared windows"},
    "windows_led": {"da": "Vinduer med forspring", "en": "Windows led"},
    "leader": {"da": "Højest", "en": "Highest"},
    "margins": {"da": "Forspring til bedste andet område, fordeling over alle vinduer (pct.-point)",
                "en": "Margin over the best other area, distribution over all windows (pp)"},
    "measure": {"da": "Mål", "en": "Measure"},
    "other_measure": {"da": "et andet mål end serien ovenfor", "en": "another measure than the series above"},
    "geography": {"da": "Geografi", "en": "Geography"},
    "basis": {"da": "Grundlag", "en": "Basis"},
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
        "da": "{area} havde i intet af {scanned} {kind} den højeste vækst i {indicator} blandt {among}; "
              "påstanden om højeste vækst kan ikke fremsættes for denne indikator.",
        "en": "{area} had the highest growth in {indicator} among {among} in none of {scanned} {kind}; "
              "a highest-growth claim cannot be made for this indicator.",
    },
    "claim_share": {
        "da": "{area} havde den højeste vækst i {indicator} blandt {among} i {first} af {scanned} {kind} ({share}).",
        "en": "{area} had the highest growth in {indicator} among {among} in {first} of {scanned} {kind} ({share}).",
    },
    "headline": {
        "da": "{title} ({start}–{end}): nr. {rank} af {count}, {growth} (højest: {leader} {leader_growth}; forskel til "
              "bedste andet område {margin}).",
        "en": "{title} ({start}–{end}): rank {rank} of {count}, {growth} (highest: {leader} {leader_growth}; margin over "
              "the best other area {margin}).",
    },
    "no_subject_values": {
        "da": "{indicator} har ingen værdier for {area}; kun for {provinces} – en anden geografi (se forbeholdet).",
        "en": "{indicator} has no values for {area}; only for {provinces} – another geography (see the caveat).",
    },
    "headline_first": {
        "da": "{title} ({start}–{end}): nr. 1 af {count}, {growth} (nr. 2: {leader} {leader_growth}; forspring {margin}).",
        "en": "{title} ({start}–{end}): rank 1 of {count}, {growth} (second: {leader} {leader_growth}; lead {margin}).",
    },
    "headline_missing": {
        "da": "{title} ({start}–{end}): ikke alle områder har værdier.",
        "en": "{title} ({start}–{end}): not every area has values.",
    },
    "publication_table": {
        "da": "I publikationens egen tabel for {start}–{end} er {area} nr. {rank} af {count} ({growth}; højest "
              "{leader} {leader_growth}).",
        "en": "In the publication's own table for {start}–{end}, {area} ranks {rank} of {count} ({growth}; highest "
              "{leader} {leader_growth}).",
    },
    "series_check": {
        "da": "Beregnet af den indlæste serie {start}–{end}: {computed} mod offentliggjort {published} (forskel "
              "{difference}); nr. {rank} af {count}.",
        "en": "Computed from the series in the store {start}–{end}: {computed} against published {published} "
              "(difference {difference}); rank {rank} of {count}.",
    },
    "unclear_claim": {
        "da": "Kan ikke efterprøves mod data: påstanden siger ikke præcist, hvilket mål og hvilke områder den gælder.",
        "en": "Cannot be checked against data: the claim does not say exactly which measure and which areas it concerns.",
    },
    "other_geography": {
        "da": "Ikke efterprøvet: {indicator} findes kun for {provinces}, ikke for {area} – en anden geografi end "
              "påstandens.",
        "en": "Not checked: {indicator} is only there for {provinces}, not for {area} – another geography than the "
              "claim's.",
    },
    "no_window": {
        "da": "Ikke efterprøvet: {indicator} har ikke værdier for {area} i både {start} og {end}.",
        "en": "Not checked: {indicator} has no values for {area} in both {start} and {end}.",
    },
    "window_holds": {
        "da": "{start}–{end}: {area} er nr. {rank} af {count} ({growth}).",
        "en": "{start}–{end}: {area} ranks {rank} of {count} ({growth}).",
    },
    "unchecked": {
        "da": "Kan ikke efterprøves mod data: indikatoren {indicator} findes ikke i lageret. Påstandens tal er en "
              "særkørsel fra Danmarks Statistik for kommunegrupper; Statistikbanken har regionalt BNP kun for regioner "
              "og landsdele (NRHP). Indlæs regionens egen serie under nøglen {indicator} for at efterprøve den.",
        "en": "Cannot be checked against data: the indicator {indicator} is not in the store. The claim's figures are "
              "a special run by Statistics Denmark for groups of municipalities; the StatBank has regional GDP only "
              "for regions and provinces (NRHP). Import the region's own series under the key {indicator} to check it.",
    },
}


WINDOW_TITLES = {
    "last_1y": {"da": "Seneste år", "en": "Last year"},
    "last_5y": {"da": "Seneste 5 år", "en": "Last 5 years"},
    "last_10y": {"da": "Seneste 10 år", "en": "Last 10 years"},
    "strategy": {"da": "Strategiperioden", "en": "The strategy's period"},
}

WINDOW_KINDS = {
    "plain": {"da": "periodevinduer", "en": "windows"},
    "same_season": {"da": "vinduer mellem samme kvartal/måned", "en": "windows between the same quarter/month"},
    "adjusted": {"da": "vinduer (sæsonkorrigeret serie)", "en": "windows (seasonally adjusted series)"},
    "seasonal": {"da": "vinduer, HERUNDER mellem forskellige kvartaler/måneder af en ikke-sæsonkorrigeret serie "
                       "(sæsonudsving)",
                 "en": "windows, INCLUDING windows between different quarters/months of a series that is not "
                       "seasonally adjusted (seasonal swings)"},
}


def window_title(label: str, language: str = "da") -> str:
    if label.startswith("last_") and label not in WINDOW_TITLES:
        years = label[len("last_"):-1]
        return f"Seneste {years} år" if language != "en" else f"Last {years} years"
    return lookup(WINDOW_TITLES, label, language)


def windows_kind(same_season: bool, adjusted: bool, language: str = "da", frequency: str = "quarter") -> str:
    """How the scanned windows are described: same season, adjusted series, or seasonal swings included."""
    if frequency == "year":
        return lookup(WINDOW_KINDS, "plain", language)
    key = "adjusted" if adjusted and not same_season else ("same_season" if same_season else "seasonal")
    return lookup(WINDOW_KINDS, key, language)


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


def share(value: float | None, language: str = "da", digits: int = 1) -> str:
    """A share as an unsigned percentage: 0.667 → '66,7 %' / '66.7 %'."""
    shown = number(None if value is None else 100 * value, f",.{digits}f", language)
    return shown if value is None else f"{shown} %"


def pct(value: float | None, language: str = "da", digits: int = 2) -> str:
    """+4.87 % (English) / +4,87 % (Danish), thousands grouped (+1.234,50 %); '–' when undefined."""
    shown = number(value, f"+,.{digits}f", language)
    return shown if value is None else f"{shown} %"
