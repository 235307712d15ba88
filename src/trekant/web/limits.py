"""A ceiling on request bodies (TREKANT_MAX_UPLOAD_MB): 413 before an oversized upload is read.

Pure ASGI middleware, so the check happens before FastAPI parses a multipart form (which would
spool the whole body first): a declared Content-Length above the limit is refused at once; a
body without one (chunked) is counted while it streams and refused when it passes the limit.
"""

from __future__ import annotations

import json

MEGABYTE = 1_000_000


def too_large_message(limit_bytes: int) -> str:
    return f"the request body is larger than the limit of {limit_bytes / MEGABYTE:g} MB (TREKANT_MAX_UPLOAD_MB)"


def too_large_body(limit_bytes: int) -> bytes:
    """The JSON issue record every error uses (web/errors.py), for status 413."""
    issue = dict(severity="error", code="too-large", source="request", feature="", field="body",
                 message=too_large_message(limit_bytes))
    return json.dumps({"status": 413, "issues": [issue]}).encode()


class BodyLimit:
    """Refuse request bodies larger than `limit_bytes` with 413 and a JSON issue."""

    def __init__(self, app, limit_bytes: int):
        self.app = app
        self.limit = limit_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(send)
        seen, started, refused = 0, False, False

        async def counted_receive():
            # Past the limit the app is told the client has gone (it stops reading), and the 413
            # goes out at once; whatever the app answers after that is dropped.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    if not started:
                        await self._refuse(send)
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counted_receive, guarded_send)

    async def _refuse(self, send) -> None:
        body = too_large_body(self.limit)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
