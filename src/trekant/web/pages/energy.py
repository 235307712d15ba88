"""The energy and climate page: emissions by municipality and sector, the pathway against the
targets with the gap, the abatement cost curve, scenario results hour by hour and a sweep chart.
The charts draw from the JSON API (the same use cases as `trekant energy …`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from trekant.energy import labels, system_service
from trekant.region import service as region
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, reader_settings
from trekant.web.labels import label
from trekant.web.pages.render import render

router = APIRouter()


def energy_words(language: str) -> dict[str, str]:
    """Names of sectors, carriers, technologies and result rows for the charts, in the page's language."""
    words = {key: labels.name(key, language).capitalize() if language == "da" else key.replace("_", " ")
             for key in labels.NAMES_DA}
    words.update({key: labels.text(key, language) for key in labels.TEXTS})
    words["residual_load"] = label("residual_load", language)
    return words


@router.get("/energy")
def energy_page(request: Request, settings: Settings = Depends(reader_settings),
                principal: Principal = Depends(current_principal)):
    municipalities = region.describe_region(settings)["municipalities"]
    return render(request, "energy.html", scenarios=system_service.scenarios(), municipalities=municipalities,
                  sweep_keys=list(system_service.SWEEP_KEYS), words=energy_words(settings.language))
