"""The breakdown of a value (industry, sex, age …) as one text column: "industry=C;sex=women".

Keys are sorted, so one breakdown has exactly one spelling; "" means the total over everything.
StatBank's totals ("Total", "I alt", "TOT …") are dropped, so a row of totals has breakdown "".
"""

from __future__ import annotations

import re

TOTAL_WORDS = {"total", "i alt", "tot", "ialt", "age, total", "alder i alt", "all", "total, all",
               "industry total", "tot industry total", "erhverv i alt", "branche i alt", "køn i alt"}

# StatBank variable names (Danish and English) → the breakdown key used in trekant
DIMENSION_KEYS = {
    "køn": "sex", "kon": "sex", "koen": "sex", "sex": "sex",
    "alder": "age", "age": "age",
    "civilstand": "marital_status", "marital status": "marital_status", "marital_status": "marital_status",
    "branche07": "industry", "branche": "industry", "branchedb0710": "industry", "erhverv": "industry",
    "branchedb07": "industry", "industry": "industry", "db07": "industry",
}

_CODE_PREFIX = re.compile(r"^([A-Z]{1,2}|\d{1,3}|TOT)\s+\S")
_UNSAFE = re.compile(r"[;=]")


def dimension_key(name: str) -> str:
    """'KØN' → 'sex', 'BRANCHE07' → 'industry', other names lower-cased with '_' for spaces."""
    text = name.strip().lower()
    return DIMENSION_KEYS.get(text, re.sub(r"\s+", "_", text))


def is_total(value: str) -> bool:
    return value.strip().lower() in TOTAL_WORDS or value.strip().upper().startswith("TOT ")


def category_code(key: str, value: str) -> str:
    """A category as stored: industries by their code ('2 Manufacturing…' → '2'), others as text."""
    text = value.strip()
    if key == "industry":
        match = _CODE_PREFIX.match(text)
        if match:
            return match.group(1)
    return _UNSAFE.sub("_", text)


def encode(parts: dict[str, str]) -> str:
    """{'sex': 'Men', 'industry': 'C'} → 'industry=C;sex=Men' (totals left out)."""
    kept = {k: v for k, v in parts.items() if v is not None and not is_total(v)}
    return ";".join(f"{k}={category_code(k, v)}" for k, v in sorted(kept.items()))


def decode(text: str) -> dict[str, str]:
    """'industry=C;sex=Men' → {'industry': 'C', 'sex': 'Men'}; '' → {}."""
    if not text:
        return {}
    pairs = (item.split("=", 1) for item in text.split(";"))
    return {k: v for k, v in pairs}


def industry(code: str) -> str:
    """The breakdown of one industry code."""
    return f"industry={code}"


def industry_code(text: str) -> str | None:
    """The industry code of a breakdown that has only an industry, else None."""
    parts = decode(text)
    return parts["industry"] if set(parts) == {"industry"} else None
