"""Sign-in and sign-out pages (the session cookie; scripts use API tokens instead)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from trekant.errors import TooManyAttempts
from trekant.accounts import service
from trekant.web import auth
from trekant.web.deps import where
from trekant.web.pages.render import render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme): no open redirect after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/"):
    return render(request, "sign_in.html", next=safe_next(next), error=None, name="")


@router.post("/sign-in", dependencies=[Depends(auth.require_presession_csrf)])
def sign_in(request: Request, name: str = Form(..., max_length=200), password: str = Form(..., max_length=1024),
            next: str = Form("/")):
    address = request.client.host if request.client else "unknown"
    try:
        with auth.store(request).begin() as conn:
            started = service.sign_in(conn, auth.policy(request), name, password, address, auth.now(request),
                                      where=address)
            previous = request.cookies.get(auth.SESSION_COOKIE)
            if started is not None and previous:  # one browser, one session: the earlier one ends
                service.sign_out(conn, previous, where=address)
    except TooManyAttempts as exc:
        response = render(request, "sign_in.html", next=safe_next(next), error="too_many", name=name)
        response.status_code = 429
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if started is None:
        response = render(request, "sign_in.html", next=safe_next(next), error="wrong", name=name)
        response.status_code = 401
        return response
    secret, _record, _account = started
    response = RedirectResponse(safe_next(next), status_code=303)
    auth.set_session_cookie(request, response, secret)
    return response


@router.post("/sign-out")
def sign_out(request: Request):
    """Ends the session in the store (the app-wide CSRF check has already run) and clears the cookie."""
    cookie = request.cookies.get(auth.SESSION_COOKIE)
    if cookie:
        with auth.store(request).begin() as conn:
            service.sign_out(conn, cookie, where(request))
    response = RedirectResponse("/", status_code=303)
    auth.clear_session_cookie(request, response)
    return response
