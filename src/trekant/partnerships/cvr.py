"""The Danish company register number (CVR): 8 digits, the first not 0, and a modulus-11 check.

Each digit is multiplied by its weight 2, 7, 6, 5, 4, 3, 2, 1 and the sum must be divisible by
11 (Erhvervsstyrelsen's rule for CVR numbers; the last digit is the check digit). Spaces and a
"DK" prefix (as in a VAT number) are tolerated and removed.
"""

from __future__ import annotations

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise(text: str) -> str:
    """'DK 54 56 25 19' → '54562519' (spaces, dashes and a DK prefix removed)."""
    cleaned = str(text).strip().upper().replace(" ", "").replace("-", "")
    return cleaned[2:] if cleaned.startswith("DK") else cleaned


def weighted_sum(digits: str) -> int:
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS))


def problem(text: str) -> str | None:
    """Why `text` is not a valid CVR number, or None when it is."""
    digits = normalise(text)
    if len(digits) != 8 or not digits.isdigit():
        return f"{text!r} is not a CVR number: it must be 8 digits"
    if digits[0] == "0":
        return f"{text!r} is not a CVR number: the first digit cannot be 0"
    total = weighted_sum(digits)
    if total % 11:
        return f"{text!r} is not a CVR number: the modulus-11 check fails (weighted sum {total})"
    return None


def is_valid(text: str) -> bool:
    return problem(text) is None
