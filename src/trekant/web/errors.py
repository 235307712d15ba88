"""Errors as JSON with the same issue records the CLI prints, and the right HTTP status.

Nothing a client sees carries a stack trace: unexpected errors answer 500 with a plain message
(the trace goes to the server log only).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from trekant.errors import (
    Conflict,
    Forbidden,
    InputError,
    Issue,
    NotFound,
    SignInRequired,
    StoreError,
    TooManyAttempts,
    TrekantError,
)

log = logging.getLogger("trekant.web")

STATUS = (  # most specific first
    (SignInRequired, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (Conflict, 409),
    (TooManyAttempts, 429),
    (InputError, 422),
    (StoreError, 503),
)


def status_of(exc: TrekantError) -> int:
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 400)


def issue_records(exc: TrekantError) -> list[dict]:
    """The CLI's issue records: severity, code, feature, field, message (plus source)."""
    if isinstance(exc, InputError) and exc.issues:
        return [_record(i) for i in exc.issues]
    code = type(exc).__name__.lower()
    return [dict(severity="error", code=code, source="", feature="", field=None, message=str(exc))]


def _record(issue: Issue) -> dict:
    return dict(severity=issue.severity, code=issue.code, source=issue.source, feature=issue.where,
                field=issue.field, message=issue.message)


def error_response(status: int, issues: list[dict], headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"status": status, "issues": issues}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the JSON issue format."""

    @app.exception_handler(TrekantError)
    async def trekant_error(request: Request, exc: TrekantError):
        status = status_of(exc)
        if status >= 500:  # the store failing is the operator's business: say so in the server log
            log.error("%s %s answered %d: %s", request.method, request.url.path, status, exc)
        headers = None
        if isinstance(exc, TooManyAttempts):
            headers = {"Retry-After": str(exc.retry_after)}
        elif isinstance(exc, SignInRequired):  # RFC 6750: scripts sign in with a bearer token
            headers = {"WWW-Authenticate": 'Bearer realm="trekant"'}
        return error_response(status, issue_records(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError):
        issues = [dict(severity="error", code="request", source="request",
                       feature=".".join(str(p) for p in e.get("loc", ())[:-1]),
                       field=str(e.get("loc", ("",))[-1]), message=e.get("msg", "invalid"))
                  for e in exc.errors()]
        return error_response(422, issues)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        too_large = exc.status_code == 413
        issue = dict(severity="error", code="too-large" if too_large else "http", source="request", feature="",
                     field="body" if too_large else None, message=str(exc.detail))
        return error_response(exc.status_code, [issue], getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        issue = dict(severity="error", code="internal", source="server", feature="", field=None,
                     message="internal error; the server log has the details")
        return error_response(500, [issue])
