"""Passwords, tokens, session timeouts, throttling and CSV cells: the pure parts of issue 11."""

from datetime import datetime, timedelta, timezone

import pytest

from trekant.accounts import passwords, sessions, throttle, tokens
from trekant.accounts.model import SessionRecord
from trekant import sheets

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("password, expected", [
    ("short1!", "at least 12"),  # 7 characters
    ("password1234", "common passwords"),  # "password" heads the list; trailing digits stripped
    ("dragon2024!!", "common passwords"),  # "dragon" is number 10 of the list
    ("iloveyou", "at least 12"),
    ("my name is vejle-editor", "account name"),
])
def test_refused_passwords(password, expected):
    found = passwords.problems(password, "vejle-editor", 12)
    assert any(expected in p for p in found), found
    assert all(password not in p for p in found)  # the password itself is never quoted


def test_an_unusual_long_password_passes():
    assert passwords.problems("lampe cedertræ flod 7091", "alice", 12) == []


def test_the_minimum_never_goes_below_eight():
    assert passwords.problems("abcdefg", "x", 4) != []  # 7 characters


def test_the_shipped_list_holds_ten_thousand_common_passwords():
    common = passwords.common_passwords()
    assert len(common) == 10_000
    assert {"123456", "password", "qwerty", "dragon", "letmein"} <= common


def test_hash_and_verify():
    hashed = passwords.hash_password("lampe cedertræ flod 7091")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify(hashed, "lampe cedertræ flod 7091")
    assert not passwords.verify(hashed, "lampe cedertræ flod 7092")
    assert not passwords.verify(None, "anything")  # unknown account: refused, at the same cost
    assert not passwords.verify("not a hash", "anything")


def test_tokens_are_random_and_stored_as_digests():
    a, b = tokens.new_token(), tokens.new_token()
    assert a != b and a.startswith("trk_") and len(a) > 40
    assert tokens.digest(a) == tokens.digest(a) != tokens.digest(b)
    assert len(tokens.digest(a)) == 64 and a not in tokens.digest(a)
    assert tokens.same(a, a) and not tokens.same(a, b) and not tokens.same(None, None) and not tokens.same("", "")


TIMEOUTS = sessions.Timeouts(idle=timedelta(minutes=30), absolute=timedelta(hours=12))


def _session(created_min_ago: float, seen_min_ago: float) -> SessionRecord:
    now = T0
    return SessionRecord(1, 1, "csrf", now - timedelta(minutes=created_min_ago), now - timedelta(minutes=seen_min_ago))


@pytest.mark.parametrize("created, seen, live", [
    (10, 10, True),
    (40, 29.9, True),  # used within the idle timeout
    (40, 30, False),  # idle for exactly 30 minutes: ended
    (719.9, 1, True),
    (720, 1, False),  # 12 hours after sign-in, however busy
])
def test_session_timeouts(created, seen, live):
    assert sessions.is_live(_session(created, seen), T0, TIMEOUTS) is live


POLICY = throttle.Policy(limit=5, window=timedelta(minutes=15))


def test_throttle_blocks_after_the_limit_until_the_window_ends():
    counter = None
    for minute in range(5):  # five failures in five minutes
        assert throttle.retry_after(counter, T0 + timedelta(minutes=minute), POLICY) == 0
        counter = throttle.after_failure(counter, T0 + timedelta(minutes=minute), POLICY)
    assert counter == throttle.Counter(5, T0)
    # the window started at T0 and lasts 15 minutes: at 9:05 there are 600 s left
    assert throttle.retry_after(counter, T0 + timedelta(minutes=5), POLICY) == 600
    assert throttle.retry_after(counter, T0 + timedelta(minutes=15), POLICY) == 0
    assert throttle.after_failure(counter, T0 + timedelta(minutes=15), POLICY) == throttle.Counter(1, T0 + timedelta(minutes=15))


def test_an_address_may_fail_four_times_as_often():
    assert POLICY.for_address().limit == 20


@pytest.mark.parametrize("value, written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("plan_frame", "plan_frame"), (None, ""), (42, "42"),
])
def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(value, written):
    assert sheets.text_cell(value) == written
