"""Danish (default) and English words of the partnership register."""

from __future__ import annotations

from trekant.i18n import lookup

LABELS: dict[str, tuple[str, str]] = {
    # themes
    "business_development": ("Erhvervsudvikling", "Business development"),
    "labour_education": ("Arbejdsmarked og uddannelse", "Labour market and education"),
    "culture_attractiveness": ("Kultur og attraktivitet", "Culture and attractiveness"),
    "energy_climate": ("Energi og klima", "Energy and climate"),
    "infrastructure_mobility": ("Infrastruktur og mobilitet", "Infrastructure and mobility"),
    "planning": ("Planlægning", "Planning"),
    # strength positions
    "industry": ("Industri", "Industry"),
    "transport_logistics": ("Transport og logistik", "Transport and logistics"),
    "energy_ptx": ("Energi/PtX", "Energy/PtX"),
    # statuses
    "idea": ("idé", "idea"),
    "active": ("aktiv", "active"),
    "ended": ("afsluttet", "ended"),
    # roles
    "lead": ("leder", "lead"),
    "partner": ("partner", "partner"),
    "funder": ("finansierer", "funder"),
    # organisation kinds
    "public_authority": ("offentlig myndighed", "public authority"),
    "company": ("virksomhed", "company"),
    "education": ("uddannelse", "education"),
    "association": ("forening", "association"),
    "research": ("forskning", "research"),
    # funding sources
    "municipal": ("kommunal", "municipal"),
    "state": ("statslig", "state"),
    "eu": ("EU", "EU"),
    "private": ("privat", "private"),
    "foundation": ("fond", "foundation"),
    "unallocated": ("ikke fordelt", "unallocated"),
    "unknown": ("ukendt år", "year unknown"),
    # headings and words
    "register": ("Partnerskaber under strategiens paraply", "Partnerships under the strategy's umbrella"),
    "key": ("Nøgle", "Key"),
    "name": ("Navn", "Name"),
    "status": ("Status", "Status"),
    "themes": ("Temaer", "Themes"),
    "strengths": ("Styrkepositioner", "Strength positions"),
    "municipalities": ("Kommuner", "Municipalities"),
    "period": ("Periode", "Period"),
    "funding_mdkk": ("Finansiering (mio. kr.)", "Funding (million DKK)"),
    "amount_mdkk": ("Beløb (mio. kr.)", "Amount (million DKK)"),
    "demo_mdkk": ("heraf demo", "of which demo"),
    "partners": ("Partnere", "Partners"),
    "partnerships": ("Partnerskaber", "Partnerships"),
    "role": ("Rolle", "Role"),
    "leads": ("Leder", "Lead"),
    "results": ("Resultater", "Results"),
    "sources": ("Kilder", "Sources"),
    "contacts": ("Kontaktpersoner", "Contact persons"),
    "contacts_hidden": ("Kontaktpersoner vises kun med --include-personal (personoplysninger)",
                        "Contact persons are shown only with --include-personal (personal data)"),
    "demo": ("DEMO – opdigtede data", "DEMO – invented data"),
    "demo_mark": ("DEMO", "DEMO"),
    "by_theme": ("Finansiering pr. tema", "Funding by theme"),
    "by_municipality": ("Finansiering pr. kommune", "Funding by municipality"),
    "by_source": ("Finansiering pr. kilde", "Funding by source"),
    "by_year": ("Finansiering pr. år", "Funding by year"),
    "theme": ("Tema", "Theme"),
    "municipality": ("Kommune", "Municipality"),
    "source": ("Kilde", "Source"),
    "year": ("År", "Year"),
    "total": ("I alt", "Total"),
    "method": ("Fordeling", "How money is divided"),
    "coverage": ("Dækning: kommune × tema (antal partnerskaber)", "Coverage: municipality × theme (partnerships)"),
    "gaps": ("Huller", "Gaps"),
    "themes_without": ("Temaer uden partnerskab", "Themes without a partnership"),
    "municipalities_in_none": ("Kommuner uden partnerskab", "Municipalities in none"),
    "empty_cells": ("Tomme celler", "Empty cells"),
    "network": ("Samarbejdsnetværk", "Collaboration network"),
    "organisation": ("Organisation", "Organisation"),
    "kind": ("Type", "Kind"),
    "degree": ("Forbindelser", "Links"),
    "degree_centrality": ("Gradcentralitet", "Degree centrality"),
    "betweenness": ("Mellemcentralitet", "Betweenness"),
    "bridges": ("Forbinder kommuner", "Bridges municipalities"),
    "cut_points": ("Brobyggere (uden dem deles netværket)", "Cut points (the network splits without them)"),
    "components": ("Sammenhængende dele", "Connected components"),
    "organisations": ("Organisationer", "Organisations"),
    "cvr": ("CVR", "CVR"),
    "history": ("Ændringer", "Changes"),
    "written": ("Skrevet", "Written"),
    "unchanged": ("uændrede", "unchanged"),
    "forgotten": ("Personoplysninger slettet: {n} kontaktoplysning(er)", "Personal data erased: {n} contact record(s)"),
    "none": ("ingen", "none"),
}


def label(key: str, language: str = "da") -> str:
    return lookup(LABELS, key, language)
