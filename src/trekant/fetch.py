"""One way to fetch over HTTP(S) for every `… fetch` command: bounded in time, size and scheme.

urllib alone lets a server keep a fetch alive forever (its timeout is per read: one byte every five
seconds never trips it), follows a redirect to any scheme its handlers know (`ftp://`, `file://`),
reads an answer of any size into memory, and leaves a cut-off or reset answer as a traceback.
`fetch` runs the request in a worker thread the caller waits for at most `deadline_s` in all; every
redirect hop must be http(s); the body stops at the input limit; an answer shorter than its
Content-Length, a reset and a dropped connection are one InputError line each.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from trekant.errors import InputError
from trekant.textfile import input_limit_bytes, too_large

SCHEMES = ("http", "https")
CHUNK = 64 * 1024


def check_url(url: str, option: str = "--url", what: str = "an http(s) URL") -> None:
    """InputError unless `url` is http(s) with a host (urllib would also open file:// and ftp://)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.netloc:
        raise InputError(option, reason=f"{url.split('?')[0]!r} is not {what}")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to http(s): each hop is checked, not just the first URL."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("Location") or headers.get("URI")
        if location:
            target = urllib.parse.urljoin(req.full_url, location)
            if urllib.parse.urlsplit(target).scheme.lower() not in SCHEMES:
                fp.close()
                raise InputError(req.full_url, reason=f"the server redirects (HTTP {code}) to "
                                                      f"{target.split('?')[0]!r}; only http(s) is followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


@dataclass
class Answer:
    """A complete HTTP answer."""

    status: int
    body: bytes
    url: str  # after redirects


@dataclass
class _Outcome:
    answer: Answer | None = None
    error: BaseException | None = None
    cancelled: bool = False


def _settings_defaults() -> tuple[float, int]:
    from trekant.settings import get_settings

    try:
        cfg = get_settings()
        return cfg.fetch_deadline_s, input_limit_bytes()
    except Exception:  # a bad TREKANT_* value: the CLI reports it; the defaults hold here
        return 300.0, input_limit_bytes()


def _read_body(response, url: str, limit: int, outcome: _Outcome) -> bytes:
    """The body in chunks as they come (read1), stopping at the limit or when the caller gave up."""
    expected = response.headers.get("Content-Length")
    chunks, total = [], 0
    while not outcome.cancelled:
        chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise InputError(url, reason=f"the answer {too_large(total, limit)}")
        chunks.append(chunk)
    if expected and expected.isdigit() and total < int(expected) and not outcome.cancelled:
        raise InputError(url, reason=f"the answer was cut short: {total:,} of {int(expected):,} bytes arrived")
    return b"".join(chunks)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _request(request: urllib.request.Request, timeout_s: float, limit: int, outcome: _Outcome,
             on_http_error: Callable[[urllib.error.HTTPError], InputError] | None, server: str) -> None:
    url = request.full_url
    opener = urllib.request.build_opener(_CheckedRedirects)
    try:
        with opener.open(request, timeout=timeout_s) as response:  # noqa: S310 - the scheme is checked
            outcome.answer = Answer(response.status, _read_body(response, url, limit, outcome), response.url)
    except InputError as exc:
        outcome.error = exc
    except urllib.error.HTTPError as exc:
        outcome.error = on_http_error(exc) if on_http_error else \
            InputError(url, reason=f"{server} answered HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else _one_line(exc.reason)
        outcome.error = InputError(url, reason=f"cannot reach {server} ({reason})")
    except TimeoutError:
        outcome.error = InputError(url, reason=f"{server} sent nothing for {timeout_s:g} s")
    except http.client.IncompleteRead as exc:
        outcome.error = InputError(url, reason=f"the answer was cut short: {len(exc.partial):,} bytes arrived, "
                                               f"{exc.expected or 'more'} missing")
    except (http.client.HTTPException, ConnectionError) as exc:
        outcome.error = InputError(url, reason=f"the connection broke off: {_one_line(exc)} ({type(exc).__name__})")
    except OSError as exc:
        outcome.error = InputError(url, reason=f"the connection failed: {exc.strerror or _one_line(exc)}")
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, which raises it
        outcome.error = exc


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None,
          timeout_s: float = 60.0, deadline_s: float | None = None, max_bytes: int | None = None,
          on_http_error: Callable[[urllib.error.HTTPError], InputError] | None = None,
          server: str = "the server") -> Answer:
    """The complete answer to one request, or InputError (one line) within `deadline_s` seconds in all.

    timeout_s: longest silence between two reads; deadline_s: the whole request (TREKANT_FETCH_DEADLINE_S);
    max_bytes: the largest body (TREKANT_MAX_INPUT_MB). on_http_error words an HTTP error status;
    server names the other side in messages ("the StatBank API")."""
    check_url(url)
    default_deadline, default_limit = _settings_defaults()
    deadline_s = default_deadline if deadline_s is None else deadline_s
    limit = default_limit if max_bytes is None else max_bytes
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    outcome = _Outcome()
    worker = threading.Thread(target=_request, args=(request, timeout_s, limit, outcome, on_http_error, server),
                              name="trekant-fetch", daemon=True)  # a daemon: a stuck server never holds the exit
    started = time.monotonic()
    worker.start()
    worker.join(deadline_s)
    if worker.is_alive():
        outcome.cancelled = True
        raise InputError(url.split("?")[0], reason=f"no complete answer from {server} within {deadline_s:g} s "
                                                   f"(TREKANT_FETCH_DEADLINE_S); stopped after {time.monotonic() - started:.0f} s")
    if outcome.error is not None:
        raise outcome.error
    return outcome.answer
