"""The partnership pages: the register with funding and coverage charts and the network drawn, one partnership,
and its edit form."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from trekant.accounts import rules
from trekant.errors import InputError
from trekant.lazy import lazy_module
from trekant.partnerships.labels import label as partnership_label
from trekant.partnerships.model import FUNDING_SOURCES, ROLES, STATUSES, STRENGTHS, THEMES
from trekant.settings import Settings
from trekant.store.audit import origin
from trekant.web.deps import Principal, actor_settings, current_principal, get_settings, language, permits, where
from trekant.web.pages.render import render

service = lazy_module("trekant.partnerships.service")

router = APIRouter()


def _words(request: Request) -> dict:
    """P(key): a partnership word in the page's language; PJ(keys): several, comma separated."""
    lang = language(request)

    def word(key: str) -> str:
        return partnership_label(key, lang)

    return dict(P=word, PJ=lambda keys: ", ".join(word(k) for k in keys), theme_labels=[word(t) for t in THEMES])


@router.get("/partnerships")
def register(request: Request, settings: Settings = Depends(get_settings),
             principal: Principal = Depends(current_principal), search: str | None = None, theme: str | None = None,
             municipality: str | None = None, status: str | None = None, strength: str | None = None):
    chosen = {k: (v or None) for k, v in dict(search=search, theme=theme, municipality=municipality, status=status,
                                               strength=strength).items()}
    listed = service.list_partnerships(settings, **chosen, include_personal=False)
    charts = dict(funding=service.funding_report(settings), coverage=service.coverage_report(settings),
                  network=service.network_report(settings))
    return render(request, "partnerships.html", **_words(request), listed=listed, chosen=chosen, charts=charts,
                  themes=THEMES, statuses=STATUSES, strengths=STRENGTHS,
                  municipalities=charts["coverage"]["municipality_names"],
                  members=charts["coverage"]["municipalities"])


@router.get("/partnerships/{key}")
def partnership(key: str, request: Request, settings: Settings = Depends(get_settings),
                principal: Principal = Depends(current_principal)):
    detail = service.get_partnership(settings, key, include_personal=rules.allowed(principal, "personal.read"))
    return render(request, "partnership.html", **_words(request), p=detail, history=service.history(settings, key))


# ---- the edit form (signed-in analysts and administrators; plain HTML, works without scripts) ----------

PARTNER_FIELDS = ("organisation", "role")
FUNDING_FIELDS = ("source", "amount_dkk", "year", "municipality", "funder", "note")
BLANK_ROWS = 2  # empty rows under the stored ones, for adding a partner or a funding line


def _amount(value) -> str:
    """An amount as the form shows it: plain digits with a decimal point (read back by the import's number rule)."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".") if value not in (None, "") else ""


def _rows(form, prefix: str, fields: tuple[str, ...], hidden: tuple[str, ...] = ()) -> list[dict]:
    """The form's repeated columns (prefix_field, one value per row) as rows; rows whose visible fields are all
    empty are dropped (that is how a row is removed)."""
    columns = {f: form.getlist(f"{prefix}_{f}") for f in fields}
    count = max((len(c) for c in columns.values()), default=0)
    rows = [{f: (columns[f][i].strip() if i < len(columns[f]) else "") for f in fields} for i in range(count)]
    return [{k: (v or None) for k, v in row.items()} for row in rows
            if any(v for k, v in row.items() if k not in hidden)]


def changes_from_form(form) -> dict:
    """The edit form's fields as the changes `service.edit_partnership` takes (the document's shape)."""
    changes = {name: form.get(name, "").strip() for name in ("name", "description", "status", "start", "end", "notes")}
    for name in ("themes", "strengths", "municipalities"):
        changes[name] = form.getlist(name)
    changes["partners"] = _rows(form, "partner", PARTNER_FIELDS)
    changes["funding"] = _rows(form, "funding", FUNDING_FIELDS, hidden=("funder",))
    return changes


def _edit_page(request: Request, settings: Settings, key: str, values: dict, issues: list[dict], status_code: int):
    detail = service.get_partnership(settings, key)
    organisations = service.list_organisations(settings)["organisations"]
    coverage = service.coverage_report(settings)
    response = render(request, "partnership_edit.html", **_words(request), p=detail, v=values, issues=issues,
                      themes=THEMES, statuses=STATUSES, strengths=STRENGTHS, roles=ROLES, sources=FUNDING_SOURCES,
                      organisations=sorted(organisations, key=lambda o: o["name"].lower()),
                      members=coverage["municipalities"], municipality_names=coverage["municipality_names"],
                      blank_partner=dict.fromkeys(PARTNER_FIELDS, ""), blank_funding=dict.fromkeys(FUNDING_FIELDS, ""),
                      blank_rows=BLANK_ROWS)
    response.status_code = status_code
    return response


@router.get("/partnerships/{key}/edit", dependencies=[Depends(permits("partnership.edit"))])
def edit_form(key: str, request: Request, settings: Settings = Depends(get_settings)):
    stored = service.get_partnership(settings, key)
    values = {k: stored[k] for k in ("name", "description", "status", "themes", "strengths", "municipalities",
                                     "start", "end", "notes", "partners")}
    values["start"], values["end"] = values["start"] or "", values["end"] or ""
    values["funding"] = [dict(f, amount_dkk=_amount(f["amount_dkk"]), year=f["year"] or "",
                              municipality=f["municipality"] or "", funder=f["funder"] or "") for f in stored["funding"]]
    return _edit_page(request, settings, key, values, [], 200)


@router.post("/partnerships/{key}/edit", dependencies=[Depends(permits("partnership.edit"))])
async def edit_save(key: str, request: Request, settings: Settings = Depends(actor_settings)):
    """Save the form through the same use case as `trekant partnerships edit`; on a problem, the form again with
    every problem named (422) and nothing saved."""
    changes = changes_from_form(await request.form())
    try:
        with origin(where(request)):
            service.edit_partnership(settings, key, changes)
    except InputError as exc:
        values = dict(changes, partners=[dict(dict.fromkeys(PARTNER_FIELDS, ""), **{k: v or "" for k, v in r.items()})
                                         for r in changes["partners"]],
                      funding=[{k: v or "" for k, v in r.items()} for r in changes["funding"]])
        problems = [i.to_dict() for i in exc.issues if i.severity == "error"] or [
            dict(field=None, message=str(exc), code="input")]
        return _edit_page(request, settings, key, values, problems, 422)
    return RedirectResponse(f"/partnerships/{key}", status_code=303)
