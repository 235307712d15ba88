"""Base estimate and budget: the correction reserve of New Construction Budgeting (Ny Anlægsbudgettering).

The Ministry of Transport budgets a project as a base estimate (basisoverslag) plus an
experience-based correction reserve that depends on the phase (Transportministeren, answer to
TRU alm. del spm. 169, 31 January 2022, summarising the main note on Ny Anlægsbudgettering):

| project type                                   | phase 1 (K1) | phase 2 (K2 = K2-A + K2-B) |
|------------------------------------------------|--------------|----------------------------|
| rail, and roads over or under salt water       | 50 %         | 30 % (10 % + 20 %)         |
| roads on land (from 29 August 2019)            | 40 %         | 15 % (10 % + 5 %)          |

A project file says which figure it gives (`costs.basis`): the budget with its reserve, the base
estimate, or neither. The CBA uses the budget (the figure a decision is taken on); the risk
analysis draws overruns on the base estimate, so that a reserve is never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from trekant.infrastructure.model import Project

RESERVE_SOURCE = ("Transportministeriet, svar på TRU alm. del spm. 169 (31. januar 2022): korrektionstillæg "
                  "efter Ny Anlægsbudgettering, https://ft.dk/samling/20211/almdel/tru/spm/169/svar/1850596/2520493/index.htm")
RESERVE_TABLE = {("rail_or_water", 1): 0.50, ("rail_or_water", 2): 0.30, ("road_on_land", 1): 0.40, ("road_on_land", 2): 0.15}
# Modes the table covers: rail, and bridges/tunnels (over or under salt water); roads on land.
MODE_TYPE = {"rail": "rail_or_water", "bridge": "rail_or_water", "road": "road_on_land"}


NOTES = {
    "budget_with_reserve": (
        "filen angiver budgettet inkl. en korrektionsreserve på {share} ({source}); risikoanalysen trækker "
        "overskridelser på basisoverslaget (budget ÷ (1 + reserve))",
        "the file gives the budget including a correction reserve of {share} ({source}); risk draws overruns on "
        "the base estimate (budget ÷ (1 + reserve))"),
    "budget_unknown_reserve": (
        "filen angiver et budget med en reserve af ukendt størrelse: risikoanalysen trækker overskridelser på hele "
        "budgettet, så reserven kan tælle to gange (angiv costs.reserve_share eller costs.budget_phase)",
        "the file gives a budget with a reserve of unknown size: risk draws overruns on the whole budget, so the "
        "reserve may be counted twice (give costs.reserve_share or costs.budget_phase)"),
    "base_with_reserve": (
        "filen angiver basisoverslaget; analysen lægger korrektionsreserven på {share} til ({source}); "
        "risikoanalysen trækker overskridelser på basisoverslaget",
        "the file gives the base estimate; the CBA adds the correction reserve of {share} ({source}); risk draws "
        "overruns on the base estimate"),
    "base_no_reserve": (
        "filen angiver basisoverslaget og ingen reserve: analysen bruger basisoverslaget som budget",
        "the file gives the base estimate and no reserve: the CBA uses the base estimate as the budget"),
    "unstated": (
        "filen oplyser ikke, om anlægsudgiften indeholder en korrektionsreserve: analysen bruger beløbet som det er, "
        "og risikoanalysen trækker overskridelser på det, som var det et basisoverslag",
        "the file does not say whether its construction cost holds a correction reserve: the CBA uses it as given "
        "and risk draws overruns on it as if it were a base estimate"),
}


@dataclass(frozen=True)
class CostSplit:
    """How the file's construction amounts relate to the base estimate and to the budget.

    amounts × budget_factor = budget with reserve (used by the CBA);
    amounts × base_factor = base estimate (what risk draws overruns on).
    """

    basis: str
    reserve_share: float | None
    reserve_from: str  # "file", "table (phase N, type)", or "" when no reserve is known
    budget_factor: float
    base_factor: float

    @property
    def overrun_on_budget(self) -> float:
        """Multiplier turning a drawn overrun of the base estimate into one of the budget amounts."""
        return self.base_factor / self.budget_factor

    def note(self, language: str = "en") -> str:
        """Which figure the file gives and what the CBA and the risk analysis do with it."""
        share = f"{self.reserve_share:.0%}" if self.reserve_share is not None else "?"
        if self.basis == "budget_with_reserve" and self.reserve_share is None:
            key = "budget_unknown_reserve"
        elif self.basis == "budget_with_reserve":
            key = "budget_with_reserve"
        elif self.basis == "base_estimate":
            key = "base_no_reserve" if self.reserve_share is None else "base_with_reserve"
        else:
            key = "unstated"
        da, en = NOTES[key]
        return (da if language == "da" else en).format(share=share, source=self.reserve_from)

    def to_dict(self, amounts_total_dkk: float) -> dict:
        return {"basis": self.basis, "reserve_share": self.reserve_share, "reserve_from": self.reserve_from,
                "base_estimate_dkk": amounts_total_dkk * self.base_factor,
                "budget_dkk": amounts_total_dkk * self.budget_factor, "note": self.note("en"), "note_da": self.note("da")}


def table_share(project: Project) -> tuple[float | None, str]:
    """The table's reserve for the project's phase and mode, or (None, why not)."""
    kind = MODE_TYPE.get(project.mode)
    if project.budget_phase is None or kind is None:
        return None, ""
    return RESERVE_TABLE[(kind, project.budget_phase)], f"Ny Anlægsbudgettering phase {project.budget_phase}, {kind.replace('_', ' ')}"


def cost_split(project: Project) -> CostSplit:
    share, source = (project.reserve_share, "file") if project.reserve_share is not None else table_share(project)
    if project.cost_basis == "budget_with_reserve" and share is not None:
        return CostSplit("budget_with_reserve", share, source, 1.0, 1.0 / (1.0 + share))
    if project.cost_basis == "base_estimate":
        return CostSplit("base_estimate", share, source, 1.0 + (share or 0.0), 1.0)
    if project.cost_basis == "budget_with_reserve":
        # the reserve's size is unknown: the base estimate cannot be separated; said in the note
        return CostSplit("budget_with_reserve", None, "", 1.0, 1.0)
    return CostSplit("unstated", None, "", 1.0, 1.0)
