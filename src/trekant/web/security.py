"""Security headers on every response (and the audit origin, the client's address, of every request): a strict Content Security Policy with a per-request nonce,
nosniff, a same-origin referrer, no framing, and no caching of what a signed-in user sees.

Plotly.js and its bundled MapLibre draw under this policy: MapLibre starts its workers from blob:
URLs (worker-src blob:) and both set inline styles on the elements they create (style-src
'unsafe-inline'; styles cannot run code). Scripts run only from this server's /static and /vendor
files, or inline with the page's nonce.
"""

from __future__ import annotations

import secrets

from fastapi import FastAPI, Request

from trekant.store.audit import origin
from trekant.web import auth


def content_security_policy(nonce: str) -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "child-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        nonce = secrets.token_urlsafe(16)
        request.state.csp_nonce = nonce
        address = request.client.host if request.client else "unknown"
        with origin(address):  # audit records of this request say where it came from
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = content_security_policy(nonce)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if auth.is_https(request):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        principal = getattr(request.state, "principal", None)
        if principal is not None and principal.signed_in:
            response.headers["Cache-Control"] = "no-store"
        if getattr(request.state, "clear_session_cookie", False):
            auth.clear_session_cookie(request, response)
        presession = getattr(request.state, "new_presession", None)
        if presession:
            auth.set_presession_cookie(request, response, presession)
        return response
