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
    "search": ("Søg", "Search"),
    "all": ("alle", "all"),
    "filter": ("Vis", "Show"),
    "funding": ("Finansiering", "Funding"),
    "note": ("Note", "Note"),
    "indicator": ("Indikator", "Indicator"),
    "value": ("Værdi", "Value"),
    "contacts_signed_in": ("Kontaktpersoner er personoplysninger og vises kun for brugere, der er logget ind.",
                           "Contact persons are personal data and are shown to signed-in users only."),
    "nav": ("Partnerskaber", "Partnerships"),
    # how the analyses count (the English text is the cores' own `method`, kept equal by a test)
    "funding_method": ("kommune: linjens egen kommune, ellers andelene i partnerskabets fil, ellers ligeligt fordelt "
                       "mellem dets kommuner; tema: ligeligt fordelt mellem partnerskabets temaer; år: linjer uden "
                       "offentliggjort år under 'ukendt'",
                       "municipality: the line's own municipality, else the shares in the partnership's file, else "
                       "an even split among its municipalities; theme: an even split among the partnership's themes; "
                       "year: lines without a published year under 'unknown'"),
    "network_method": ("gradcentralitet = forbindelser / (n − 1); mellemcentralitet normaliseret med (n − 1)(n − 2)/2 "
                       "på den uvægtede graf; en forbindelse = mindst ét fælles partnerskab (vægt = hvor mange)",
                       "degree centrality = links / (n − 1); betweenness centrality normalised by (n − 1)(n − 2)/2 "
                       "on the unweighted graph; a link = at least one shared partnership (weight = how many)"),
    # how one partnership's money was divided among municipalities (funding.municipality_split's rules)
    "split_even": ("ligeligt fordelt", "split evenly"),
    "split_file": ("andele fra filen", "shares from the file"),
    "split_line": ("linjens egen kommune", "the line's own municipality"),
    "split_none": ("ingen kommune: ikke fordelt", "no municipality: unallocated"),
    # the web edit form
    "edit": ("Ret partnerskabet", "Edit the partnership"),
    "edit_of": ("Ret: {name}", "Edit: {name}"),
    "edit_help": ("Alt tjekkes som ved en indlæsning; intet gemmes, hvis der er en fejl. Ændringen gemmes i "
                  "historikken. Tomme rækker springes over; tøm en række for at fjerne den.",
                  "Everything is checked as in an import; nothing is saved when there is an error. The change is "
                  "kept in the history. Empty rows are skipped; empty a row to remove it."),
    "edit_refused": ("Ikke gemt – ret disse problemer", "Not saved – fix these problems"),
    "description": ("Beskrivelse", "Description"),
    "start": ("Start", "Start"),
    "end": ("Slut", "End"),
    "notes": ("Noter", "Notes"),
    "save": ("Gem", "Save"),
    "cancel": ("Fortryd", "Cancel"),
    "field": ("Felt", "Field"),
    "problem": ("Problem", "Problem"),
}


def label(key: str, language: str = "da") -> str:
    return lookup(LABELS, key, language)
