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
    "sign_in": ("Log ind", "Sign in"),
    "sign_out": ("Log ud", "Sign out"),
    "account_name": ("Brugernavn", "User name"),
    "password": ("Adgangskode", "Password"),
    "sign_in_wrong": ("Forkert brugernavn eller adgangskode.", "Wrong user name or password."),
    "sign_in_too_many": ("For mange mislykkede forsøg. Prøv igen senere.",
                         "Too many failed attempts. Try again later."),
    "audit_log": ("Revisionslog", "Audit log"),
    "audit_at": ("Tidspunkt (UTC)", "When (UTC)"),
    "audit_actor": ("Hvem", "Who"),
    "audit_action": ("Handling", "Action"),
    "audit_entity": ("Tabel", "Table"),
    "audit_entity_id": ("Nøgle", "Key"),
    "audit_where": ("Hvorfra", "From where"),
    "audit_detail": ("Ændring", "Change"),
    "audit_since": ("Fra dato", "Since"),
    "filter": ("Filtrér", "Filter"),
    "export_csv": ("Hent som CSV", "Download as CSV"),
    "audit_newest": ("De nyeste {n} poster; brug filtrene eller CSV-eksporten for flere.",
                     "The newest {n} entries; use the filters or the CSV export for more."),
}


def label(key: str, language: str) -> str:
    """A page label: this module's words first, then the platform-wide ones."""
    return lookup(LABELS, key, language) if key in LABELS else lookup(SHARED, key, language)
