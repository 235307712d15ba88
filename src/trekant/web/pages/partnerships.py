"""The partnership pages: the register with funding and coverage charts and the network drawn, and one partnership."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from trekant.accounts import rules
from trekant.lazy import lazy_module
from trekant.partnerships.labels import label as partnership_label
from trekant.partnerships.model import STATUSES, STRENGTHS, THEMES
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, get_settings, language
from trekant.web.pages.render import render

service = lazy_module("trekant.partnerships.service")

router = APIRouter()


def _words(request: Request) -> dict:
    """P(key): a partnership word in the page's language; PJ(keys): several, comma separated."""
    lang = language(request)

    def word(key: str) -> str:
        return partnership_label(key, lang)

    return dict(P=word, PJ=lambda keys: ", ".join(word(k) for k in keys), theme_labels=[word(t) for t in THEMES])


@router.get("/partnerships")
def register(request: Request, settings: Settings = Depends(get_settings),
             principal: Principal = Depends(current_principal), search: str | None = None, theme: str | None = None,
             municipality: str | None = None, status: str | None = None, strength: str | None = None):
    chosen = {k: (v or None) for k, v in dict(search=search, theme=theme, municipality=municipality, status=status,
                                               strength=strength).items()}
    listed = service.list_partnerships(settings, **chosen, include_personal=False)
    charts = dict(funding=service.funding_report(settings), coverage=service.coverage_report(settings),
                  network=service.network_report(settings))
    return render(request, "partnerships.html", **_words(request), listed=listed, chosen=chosen, charts=charts,
                  themes=THEMES, statuses=STATUSES, strengths=STRENGTHS,
                  municipalities=charts["coverage"]["municipality_names"],
                  members=charts["coverage"]["municipalities"])


@router.get("/partnerships/{key}")
def partnership(key: str, request: Request, settings: Settings = Depends(get_settings),
                principal: Principal = Depends(current_principal)):
    detail = service.get_partnership(settings, key, include_personal=rules.allowed(principal, "personal.read"))
    return render(request, "partnership.html", **_words(request), p=detail, history=service.history(settings, key))
