"""Random secrets for API tokens and session cookies: shown once, stored only as a SHA-256 hash.

The secrets carry 256 random bits, so a fast hash is enough (no brute force can reach them); the
prefix names the kind and lets an administrator recognise a token without seeing it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "trk_"
PREFIX_SHOWN = 8  # "trk_" and the first four random characters, kept to recognise a token in lists


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def new_token() -> str:
    """A new API token (for `Authorization: Bearer …`)."""
    return new_secret(TOKEN_PREFIX)


def digest(secret: str) -> str:
    """What the store keeps of a token or a session cookie."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def shown_prefix(token: str) -> str:
    return token[:PREFIX_SHOWN]


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
