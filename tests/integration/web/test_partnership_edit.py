"""The partnership edit form: only for those who may edit, shows exactly what is stored (submitting it unchanged
changes nothing), saves through the same checks as an import, names every problem and saves nothing then."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest


class FormFields(HTMLParser):
    """What a browser submits for the form with id `form_id`: inputs, checked boxes, selected options, text areas."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and "name" in a and (a.get("type") != "checkbox" or "checked" in a):
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            chosen = [v for v, selected in self.options if selected] or [self.options[0][0]]
            self.fields.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


def form_of(html: str, form_id: str = "edit-form") -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    assert parser.fields, f"no form {form_id}"
    return parser.fields


def as_data(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def test_only_editors_get_the_form_and_the_link(client, admin_client):
    assert client.get("/partnerships/hysynergy/edit").status_code == 401
    assert 'id="edit-link"' not in client.get("/partnerships/hysynergy").text
    assert client.post("/partnerships/hysynergy/edit", data={"name": "X"}).status_code in (401, 403)
    assert 'href="/partnerships/hysynergy/edit"' in admin_client.get("/partnerships/hysynergy").text
    assert admin_client.get("/partnerships/no-such/edit").status_code == 404


@pytest.mark.parametrize("key", ["hysynergy", "demo-pendlercykelruter"])
def test_the_form_shows_what_is_stored_and_saving_it_unchanged_changes_nothing(admin_client, key):
    page = admin_client.get(f"/partnerships/{key}/edit")
    assert page.status_code == 200
    data = as_data(form_of(page.text))
    stored = admin_client.get(f"/api/partnerships/{key}").json()
    # checked boxes in the stored order (themes, municipalities), not the form's canonical order
    assert data["themes"] == stored["themes"] and data["municipalities"] == stored["municipalities"]
    assert data["status"] == [stored["status"]]
    # the stored lines, then two empty rows for new ones
    lines = len(stored["funding"])
    assert data["funding_amount_dkk"][:lines] == [f"{f['amount_dkk']:.2f}".rstrip("0").rstrip(".")
                                                  for f in stored["funding"]]
    assert data["funding_amount_dkk"][lines:] == ["", ""]
    assert data["funding_municipality"][:lines] == [f["municipality"] or "" for f in stored["funding"]]
    assert data["partner_organisation"][:len(stored["partners"])] == [x["organisation"] for x in stored["partners"]]
    before = len(admin_client.get(f"/api/partnerships/{key}/history").json()["changes"])
    saved = admin_client.post(f"/partnerships/{key}/edit", data=data, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"/partnerships/{key}"
    assert admin_client.get(f"/api/partnerships/{key}").json() == stored
    assert len(admin_client.get(f"/api/partnerships/{key}/history").json()["changes"]) == before


def test_hysynergy_form_values(admin_client):
    data = as_data(form_of(admin_client.get("/partnerships/hysynergy/edit").text))
    assert data["themes"] == ["energy_climate", "business_development"] and data["municipalities"] == ["0607"]
    assert data["funding_amount_dkk"][:2] == ["48492470", "28349444"]  # 6.5 and 3.8 million EUR at 7.46038


def test_saving_a_change_keeps_it_in_the_history(admin_client):
    data = as_data(form_of(admin_client.get("/partnerships/hysynergy/edit").text))
    data["status"], data["end"] = ["ended"], ["2025-06"]
    # a new funding line in the first empty row (Danish notation), and the last partner's row emptied (removed)
    row = len(data["funding_source"]) - 2
    data["funding_source"][row], data["funding_amount_dkk"][row], data["funding_year"][row] = "foundation", "1.500.000,5", "2025"
    data["funding_municipality"][row] = "0607"
    partners = [o for o in data["partner_organisation"] if o]
    data["partner_organisation"][len(partners) - 1] = ""
    data["partner_role"][len(partners) - 1] = ""
    saved = admin_client.post("/partnerships/hysynergy/edit", data=data, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    after = admin_client.get("/api/partnerships/hysynergy").json()
    assert after["status"] == "ended" and after["end"] == "2025-06-30"  # a month's end is its last day
    assert after["funding"][-1] == dict(source="foundation", year=2025, amount_dkk=1_500_000.5, municipality="0607",
                                        funder=None, note="")
    assert [x["organisation"] for x in after["partners"]] == partners[:-1]
    last = admin_client.get("/api/partnerships/hysynergy/history").json()["changes"][-1]
    assert last["actor"] == "web:local-admin" and last["action"] == "partnerships.edit"
    assert set(last["detail"]["changed"]) == {"status", "end", "funding", "partners"}


@pytest.mark.parametrize("field,value,code", [
    ("end", "2010", "end-before-start"),
    ("funding_amount_dkk", "-5", "negative-amount"),
    ("themes", "sports", "unknown-theme"),
])
def test_a_problem_is_named_on_the_form_and_nothing_is_saved(admin_client, field, value, code):
    stored = admin_client.get("/api/partnerships/hysynergy").json()
    data = as_data(form_of(admin_client.get("/partnerships/hysynergy/edit").text))
    data[field][0] = value
    refused = admin_client.post("/partnerships/hysynergy/edit", data=data, follow_redirects=False)
    assert refused.status_code == 422
    assert f'data-code="{code}"' in refused.text and 'id="edit-problems"' in refused.text
    again = as_data(form_of(refused.text))  # the form comes back with what was typed
    assert again[field][0] == value
    assert admin_client.get("/api/partnerships/hysynergy").json() == stored


def test_the_form_needs_its_csrf_token(admin_client):
    data = as_data(form_of(admin_client.get("/partnerships/hysynergy/edit").text))
    data["csrf_token"] = ["wrong"]
    headers = {"X-CSRF-Token": ""}
    refused = admin_client.post("/partnerships/hysynergy/edit", data=data, headers=headers, follow_redirects=False)
    assert refused.status_code in (401, 403)
