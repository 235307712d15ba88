"""Words of the web pages, Danish first (the default), English on request."""

from __future__ import annotations

from trekant.i18n import LABELS as SHARED, lookup

LABELS: dict[str, tuple[str, str]] = {
    "site_title": ("Trekantområdet – fælles platform", "Triangle Region – joint platform"),
    "overview": ("Overblik", "Overview"),
    "partnerships": ("Partnerskaber", "Partnerships"),
    "switch_language": ("English", "Dansk"),
    "skip_to_content": ("Spring til indhold", "Skip to content"),
    "demo": ("Demo – illustrative tal, ikke fakta", "Demo – illustrative figures, not facts"),
    "source": ("Kilde", "Source"),
    "signed_in_as": ("Logget ind som", "Signed in as"),
    "anonymous": ("Offentlig adgang: kun offentliggjorte data", "Public access: published data only"),
}


def label(key: str, language: str) -> str:
    """A page label: this module's words first, then the platform-wide ones."""
    return lookup(LABELS, key, language) if key in LABELS else lookup(SHARED, key, language)
