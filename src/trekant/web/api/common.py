"""What the JSON routers share: names that must be shipped ones (never a path on the server) and lists in a query."""

from __future__ import annotations

from collections.abc import Iterable

from trekant.errors import InputError, Issue, NotFound


def bad_parameter(parameter: str, message: str) -> InputError:
    """An input error about one query parameter, as an issue naming it in `field`."""
    return InputError.from_issues("request", [Issue("error", "invalid-parameter", "request", "query", message, parameter)])


def shipped(name: str, known: Iterable[str], what: str) -> str:
    """`name` if it is one of the shipped `known` names; NotFound otherwise.

    The CLI accepts a YAML path wherever a shipped name goes; over HTTP that would read files on
    the server, so the web accepts the shipped names only."""
    known = list(known)
    if name not in known:
        raise NotFound(f"no {what} {name!r} (known: {', '.join(known)})")
    return name


def listed(text: str | None, parameter: str, cast=str) -> tuple | None:
    """'a,b, c' → ('a', 'b', 'c'); InputError naming the parameter when an item does not convert."""
    if text is None or not text.strip():
        return None
    try:
        return tuple(cast(part.strip()) for part in text.split(",") if part.strip())
    except ValueError:
        raise bad_parameter(parameter, f"{text!r} is not a comma-separated list of {cast.__name__} values") from None
