"""Passwords: argon2id hashes, a minimum length and a list of common passwords (never logged or shown)."""

from __future__ import annotations

import functools
import re
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH_FLOOR = 8  # the setting may raise the minimum, never below this (NIST SP 800-63B)
MAX_LENGTH = 1024  # long enough for any passphrase, short enough to stop hashing a megabyte

_hasher = PasswordHasher()  # argon2id with RFC 9106's low-memory parameters
_TRAILING = re.compile(r"[\d\W_]+$")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list (data/common_passwords.txt; source and licence in data/PROVENANCE.md), lower case."""
    text = (resources.files("trekant.accounts") / "data" / "common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def problems(password: str, name: str, min_length: int) -> list[str]:
    """Why a new password is refused (empty when it is acceptable); the password is never quoted."""
    found = []
    length = len(password)
    if length < max(min_length, MIN_LENGTH_FLOOR):
        found.append(f"the password has {length} characters; at least {max(min_length, MIN_LENGTH_FLOOR)} are needed")
    if length > MAX_LENGTH:
        found.append(f"the password is longer than {MAX_LENGTH} characters")
    lowered = password.lower()
    stem = _TRAILING.sub("", lowered)
    common = common_passwords()
    if lowered in common or (len(stem) >= 4 and stem in common):
        found.append("the password is on the list of common passwords")
    if name and name.lower() in lowered:
        found.append("the password contains the account name")
    return found


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(stored_hash: str | None, password: str) -> bool:
    """True when the password matches; a missing hash still costs one verification (no timing hint)."""
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a password of anyone")
