"""Danish (default) and English labels for the plan module's tables and messages."""

from __future__ import annotations

from trekant.i18n import lookup

LABELS: dict[str, dict[str, str]] = {
    "demo": {"da": "DEMO – syntetiske data", "en": "DEMO – synthetic data"},
    "imported": {"da": "Importeret", "en": "Imported"},
    "new_frames": {"da": "nye rammer", "en": "new frames"},
    "new_versions": {"da": "nye versioner", "en": "new versions"},
    "unchanged": {"da": "uændrede", "en": "unchanged"},
    "conflicts": {"da": "Miljøkonflikter på tværs af kommunegrænser", "en": "Cross-border environmental conflicts"},
    "unequal_conditions": {"da": "Ulige vilkår på tværs af grænser", "en": "Unequal conditions across borders"},
    "border_overlaps": {"da": "Overlap ved kommunegrænser", "en": "Overlaps at municipal borders"},
    "source": {"da": "Kilde (ramme)", "en": "Source (frame)"},
    "municipality": {"da": "Kommune", "en": "Municipality"},
    "class": {"da": "Miljøklasse", "en": "Env. class"},
    "sensitive": {"da": "Følsom ramme", "en": "Sensitive frame"},
    "use": {"da": "Anvendelse", "en": "Use"},
    "distance_m": {"da": "Afstand (m)", "en": "Distance (m)"},
    "required_m": {"da": "Krævet (m)", "en": "Required (m)"},
    "frame_a": {"da": "Ramme A", "en": "Frame A"},
    "frame_b": {"da": "Ramme B", "en": "Frame B"},
    "differences": {"da": "Forskelle", "en": "Differences"},
    "kind": {"da": "Type", "en": "Kind"},
    "area_m2": {"da": "Areal (m²)", "en": "Area (m²)"},
    "area_ha": {"da": "Areal (ha)", "en": "Area (ha)"},
    "none_found": {"da": "ingen fundet", "en": "none found"},
    "history": {"da": "Versioner af ramme", "en": "Versions of frame"},
    "version": {"da": "Version", "en": "Version"},
    "status": {"da": "Status", "en": "Status"},
    "valid_from": {"da": "Gyldig fra", "en": "Valid from"},
    "valid_to": {"da": "Gyldig til", "en": "Valid to"},
    "changed_by": {"da": "Ændret af", "en": "Changed by"},
    "change": {"da": "Ændring", "en": "Change"},
    "planid": {"da": "Plan-id", "en": "Plan id"},
    "plannr": {"da": "Plannr.", "en": "Plan no."},
    "plannavn": {"da": "Plannavn", "en": "Plan name"},
    "where_title": {"da": "Rammer der tillader miljøklasse", "en": "Frames admitting environmental class"},
    "rules": {"da": "Bestemmelser", "en": "Rules"},
    "at_title": {"da": "Det gælder i punktet", "en": "What applies at the point"},
    "designations": {"da": "Fælles regionale udpegninger", "en": "Joint regional designations"},
    "theme": {"da": "Tema", "en": "Theme"},
    "name": {"da": "Navn", "en": "Name"},
    "land_title": {"da": "Arealregnskab", "en": "Land account"},
    "change_title": {"da": "Ændring i arealregnskab", "en": "Change in the land account"},
    "frames": {"da": "Rammer", "en": "Frames"},
    "before": {"da": "Før (ha)", "en": "Before (ha)"},
    "after": {"da": "Efter (ha)", "en": "After (ha)"},
    "change_ha": {"da": "Ændring (ha)", "en": "Change (ha)"},
    "exported": {"da": "Eksporteret", "en": "Exported"},
    "fetched": {"da": "Hentet fra Plandata.dk", "en": "Fetched from Plandata.dk"},
    "nothing": {"da": "intet", "en": "nothing"},
    "none": {"da": "ingen", "en": "none"},
    "sheet_conflicts": {"da": "Miljøkonflikter", "en": "Conflicts"},
}


def t(key: str, language: str = "da") -> str:
    return lookup(LABELS, key, language)
