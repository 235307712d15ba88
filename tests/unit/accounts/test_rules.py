"""The permission table, read as the issue states the roles (issue 11)."""

import pytest

from trekant.accounts import rules
from trekant.accounts.model import ANONYMOUS, Principal
from trekant.errors import Forbidden, SignInRequired

VEJLE, KOLDING = "0630", "0621"
ADMIN = Principal("a", "administrator")
EDITOR_VEJLE = Principal("v", "editor", frozenset({VEJLE}))
EDITOR_BOTH = Principal("vk", "editor", frozenset({VEJLE, KOLDING}))
ANALYST = Principal("an", "analyst")
READER = Principal("r", "reader")

# (principal, action, municipalities touched, allowed?) — each row is one sentence of the issue.
CASES = [
    (ADMIN, "plan.edit", [KOLDING], True),  # the administrator does everything
    (ADMIN, "users.manage", [], True),
    (ADMIN, "audit.read", [], True),
    (EDITOR_VEJLE, "plan.edit", [VEJLE], True),  # an editor imports and edits its own plan frames
    (EDITOR_VEJLE, "plan.edit", ["630"], True),  # codes compare as four digits
    (EDITOR_VEJLE, "plan.edit", [KOLDING], False),  # ... nothing of another municipality
    (EDITOR_VEJLE, "plan.edit", [VEJLE, KOLDING], False),  # one foreign frame refuses the whole file
    (EDITOR_VEJLE, "plan.edit", [], False),  # a change of no municipality is not its own
    (EDITOR_BOTH, "plan.edit", [VEJLE, KOLDING], True),
    (EDITOR_VEJLE, "designation.edit", [VEJLE], True),
    (EDITOR_VEJLE, "energy.edit", [VEJLE], True),
    (EDITOR_VEJLE, "economy.edit", [KOLDING], False),
    (EDITOR_VEJLE, "infrastructure.edit", [VEJLE], False),  # projects are the analysts'
    (EDITOR_VEJLE, "users.manage", [], False),
    (ANALYST, "model.run", [], True),  # an analyst runs models,
    (ANALYST, "infrastructure.edit", [], True),  # edits infrastructure projects,
    (ANALYST, "partnership.edit", [], True),  # partnerships
    (ANALYST, "scenario.edit", [], True),  # and scenarios,
    (ANALYST, "plan.edit", [VEJLE], False),  # but cannot change plans
    (ANALYST, "audit.read", [], False),
    (READER, "unpublished.read", [], True),  # a reader sees drafts
    (READER, "personal.read", [], True),  # and contact persons
    (READER, "plan.edit", [VEJLE], False),
    (READER, "model.run", [], False),
    (ANONYMOUS, "published.read", [], True),  # anonymous: published data only
    (ANONYMOUS, "unpublished.read", [], False),
    (ANONYMOUS, "personal.read", [], False),
]


@pytest.mark.parametrize("principal, action, codes, expected", CASES,
                         ids=[f"{c[0].role}-{c[1]}-{'+'.join(c[2]) or 'none'}" for c in CASES])
def test_permission_table(principal, action, codes, expected):
    assert rules.allowed(principal, action, codes) is expected


def test_refusals_say_401_for_anonymous_and_403_for_the_signed_in():
    with pytest.raises(SignInRequired):
        rules.require(ANONYMOUS, "plan.edit", [VEJLE])
    with pytest.raises(Forbidden, match="0621") as refused:
        rules.require(EDITOR_VEJLE, "plan.edit", [VEJLE, KOLDING])
    assert not isinstance(refused.value, SignInRequired)


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError, match="PERMISSIONS"):
        rules.allowed(ADMIN, "plan.destroy")


def test_only_the_administrator_has_every_action_and_anonymous_only_reads_published():
    rows = rules.table()
    assert all(row["administrator"] == rules.ALL for row in rows)
    assert [row["action"] for row in rows if row["anonymous"]] == ["published.read"]


def test_docs_state_every_action_of_the_table():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "docs" / "security.md").read_text(encoding="utf-8")
    labels = {"all": "all", "own": "own municipalities", "": "–"}
    for row in rules.table():
        cells = " | ".join(labels[row[role]] for role in rules.ROLES_SHOWN)
        assert f"| `{row['action']}` | {cells} |" in text, row["action"]
