"""Statistics Denmark's industry classification DB07 (the Danish NACE rev. 2): the 10-grouping
and the 21 sections, with the sections each group holds.

Codes and names as StatBank writes them (e.g. RAS300, ERHV tables, BRANCHEDB0710):
"1 Agriculture, forestry and fishing" … "11 Activity not stated", "TOT Industry total".
Single digits/numbers are 10-grouping codes, single letters are sections, so both can be used
as breakdown codes ("industry=2", "industry=C") without ambiguity.
"""

from __future__ import annotations

DB07_10 = "db07_10"
DB07_SECTIONS = "db07_sections"

# code: (Danish name, English name, sections)
GROUPS_10: dict[str, tuple[str, str, str]] = {
    "1": ("Landbrug, skovbrug og fiskeri", "Agriculture, forestry and fishing", "A"),
    "2": ("Industri, råstofindvinding og forsyningsvirksomhed",
          "Manufacturing, mining and quarrying, and utility services", "BCDE"),
    "3": ("Bygge og anlæg", "Construction", "F"),
    "4": ("Handel og transport mv.", "Trade and transport etc.", "GHI"),
    "5": ("Information og kommunikation", "Information and communication", "J"),
    "6": ("Finansiering og forsikring", "Financial and insurance", "K"),
    "7": ("Ejendomshandel og udlejning", "Real estate", "L"),
    "8": ("Erhvervsservice", "Other business services", "MN"),
    "9": ("Offentlig administration, undervisning og sundhed", "Public administration, education and health", "OPQ"),
    "10": ("Kultur, fritid og anden service", "Arts, entertainment and other services", "RSTU"),
    "11": ("Uoplyst aktivitet", "Activity not stated", "X"),
}

SECTIONS: dict[str, tuple[str, str]] = {
    "A": ("Landbrug, jagt, skovbrug og fiskeri", "Agriculture, forestry and fishing"),
    "B": ("Råstofindvinding", "Mining and quarrying"),
    "C": ("Industri", "Manufacturing"),
    "D": ("Energiforsyning", "Electricity, gas, steam and air conditioning supply"),
    "E": ("Vandforsyning og renovation", "Water supply; sewerage, waste management and remediation"),
    "F": ("Bygge og anlæg", "Construction"),
    "G": ("Handel", "Wholesale and retail trade"),
    "H": ("Transport", "Transportation and storage"),
    "I": ("Hoteller og restauranter", "Accommodation and food service activities"),
    "J": ("Information og kommunikation", "Information and communication"),
    "K": ("Finansiering og forsikring", "Financial and insurance activities"),
    "L": ("Ejendomshandel og udlejning", "Real estate activities"),
    "M": ("Videnservice", "Professional, scientific and technical activities"),
    "N": ("Rejsebureauer, rengøring og anden operationel service", "Administrative and support service activities"),
    "O": ("Offentlig administration, forsvar og politi", "Public administration and defence"),
    "P": ("Undervisning", "Education"),
    "Q": ("Sundhed og socialvæsen", "Human health and social work activities"),
    "R": ("Kultur og fritid", "Arts, entertainment and recreation"),
    "S": ("Andre serviceydelser mv.", "Other service activities"),
    "T": ("Private husholdninger med ansat medhjælp", "Activities of households as employers"),
    "U": ("Eksterritoriale organisationer", "Activities of extraterritorial organisations"),
    "X": ("Uoplyst aktivitet", "Activity not stated"),
}


def classification_of(codes: set[str]) -> str | None:
    """Which classification a set of industry codes belongs to (None if mixed or unknown)."""
    if codes and codes <= set(GROUPS_10):
        return DB07_10
    if codes and codes <= set(SECTIONS):
        return DB07_SECTIONS
    return None


def name(code: str, language: str = "da") -> str:
    """The industry's name in Danish or English (the code itself if unknown)."""
    entry = GROUPS_10.get(code) or SECTIONS.get(code)
    if entry is None:
        return code
    return entry[1] if language == "en" else entry[0]


def group_of_section(section: str) -> str | None:
    """The 10-grouping code that holds a section ('H' → '4')."""
    return next((code for code, (_, _, sections) in GROUPS_10.items() if section in sections), None)
