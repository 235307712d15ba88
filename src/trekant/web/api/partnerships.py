"""/api/partnerships: the register, its funding, coverage and network (the use cases of `trekant partnerships`).

Contact persons are personal data: they are in an answer only for a signed-in principal
(anonymous readers never see them, whatever they ask). Writes need the analyst role (or the
administrator: `--local-admin` from this machine until accounts exist) and are audited with the
principal's name and the client's address.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Body, Depends, Query, Request

from trekant.lazy import lazy_module
from trekant.settings import Settings
from trekant.accounts import rules
from trekant.store.audit import origin
from trekant.web.deps import Principal, actor_settings, current_principal, get_settings, permits, where

service = lazy_module("trekant.partnerships.service")

router = APIRouter()
Statuses = Query(None, description="Only these statuses (idea, active, ended); repeatable.")


def _personal(principal: Principal) -> bool:
    """Contact persons only for those the permission table lets read personal data (signed-in users)."""
    return rules.allowed(principal, "personal.read")


def _write(request: Request, call: Callable[[], dict]) -> dict:
    with origin(where(request)):
        return call()


@router.get("/partnerships")
def list_partnerships(settings: Settings = Depends(get_settings), principal: Principal = Depends(current_principal),
                      search: str | None = None, theme: str | None = None, municipality: str | None = None,
                      status: str | None = None, strength: str | None = None,
                      organisation: str | None = None) -> dict:
    """Partnerships matching every filter given (contact persons only for signed-in users)."""
    return service.list_partnerships(settings, search, theme, municipality, status, strength, organisation,
                                     include_personal=_personal(principal))


@router.get("/partnerships/funding")
def funding(settings: Settings = Depends(get_settings), status: list[str] | None = Statuses) -> dict:
    """Funding by theme, municipality, source and year, with how joint money was split."""
    return service.funding_report(settings, tuple(status) if status else None)


@router.get("/partnerships/coverage")
def coverage(settings: Settings = Depends(get_settings), status: list[str] | None = Statuses) -> dict:
    """The matrix municipality × theme (active partnerships unless other statuses are asked for) and its gaps."""
    return service.coverage_report(settings, tuple(status) if status else ("active",))


@router.get("/partnerships/network")
def network(settings: Settings = Depends(get_settings), status: list[str] | None = Statuses) -> dict:
    """The collaboration network: nodes with centralities and drawing positions, links, cut points, components."""
    return service.network_report(settings, tuple(status) if status else None)


@router.get("/partnerships/organisations")
def organisations(settings: Settings = Depends(get_settings)) -> dict:
    """Every organisation with its kind, CVR number, seat and number of partnerships."""
    return service.list_organisations(settings)


@router.get("/partnerships/organisations/{key}")
def organisation(key: str, settings: Settings = Depends(get_settings)) -> dict:
    return service.get_organisation(settings, key)


@router.post("/partnerships/forget", dependencies=[Depends(permits("personal.forget"))])
def forget(request: Request, person: str = Body(..., embed=True),
           settings: Settings = Depends(actor_settings)) -> dict:
    """Erase a person's contact data everywhere (administrators only); the audit log says that, not whose."""
    return _write(request, lambda: service.forget_person(settings, person))


@router.get("/partnerships/{key}")
def partnership(key: str, settings: Settings = Depends(get_settings),
                principal: Principal = Depends(current_principal)) -> dict:
    """One partnership in full; `contacts` is null unless the principal is signed in."""
    return service.get_partnership(settings, key, include_personal=_personal(principal))


@router.get("/partnerships/{key}/history")
def history(key: str, settings: Settings = Depends(get_settings)) -> dict:
    """Every recorded change: who, when, from where, which fields (never who the contact persons were)."""
    return service.history(settings, key)


@router.post("/partnerships", status_code=201, dependencies=[Depends(permits("partnership.edit"))])
def add(request: Request, fields: dict = Body(...), settings: Settings = Depends(actor_settings)) -> dict:
    """Add a partnership from its fields (the YAML document's shape); checked like an import."""
    return _write(request, lambda: service.add_partnership(settings, fields))


@router.patch("/partnerships/{key}", dependencies=[Depends(permits("partnership.edit"))])
def edit(key: str, request: Request, changes: dict = Body(...), settings: Settings = Depends(actor_settings)) -> dict:
    """Change fields of a partnership; lists given replace the stored ones. Checked like an import."""
    return _write(request, lambda: service.edit_partnership(settings, key, changes))
