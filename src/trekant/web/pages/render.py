"""One way to render a page: the template, the language, the principal and the label lookup."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from trekant.i18n import number, percent
from trekant.web.auth import csrf_token
from trekant.accounts import rules
from trekant.web.deps import current_principal, language
from trekant.web.labels import label, script_labels

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")


def render(request: Request, template: str, **context):
    """A TemplateResponse with what every page needs (autoescaped: names are data, never markup).

    `csrf_token` goes into every form (hidden field csrf_token) and base.html's <meta name="csrf-token">
    for scripts (header X-CSRF-Token); `csp_nonce` is the nonce of this response's Content Security Policy.
    """
    lang = language(request)
    principal = current_principal(request)
    context.update(
        lang=lang,
        other_lang="en" if lang == "da" else "da",
        principal=principal,
        may=lambda action: rules.scope_of(principal.role, action) is not None,
        path=request.url.path,
        script_labels=script_labels(lang),
        csrf_token=csrf_token(request),
        csp_nonce=getattr(request.state, "csp_nonce", ""),
        L=lambda key: label(key, lang),
        num=lambda value, spec=",.1f": number(value, spec, lang),
        pct=lambda share, decimals=1: percent(share, decimals, lang),
    )
    response = TEMPLATES.TemplateResponse(request, template, context)
    if request.query_params.get("lang") in ("da", "en"):
        response.set_cookie("lang", lang, samesite="lax", httponly=True)
    return response


PART_HEADER = "x-trekant-part"


def render_part(request: Request, name: str, **context):
    """A part of a page (templates/parts/NAME.html): bare HTML when a page's script asks for it
    (header X-Trekant-Part), otherwise a whole page around it (a link works without scripts)."""
    if request.headers.get(PART_HEADER):
        return render(request, f"parts/{name}.html", **context)
    return render(request, "part_page.html", part=f"parts/{name}.html", **context)
