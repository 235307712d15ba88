"""Danish (default) and English labels of the infrastructure domain's tables and reports."""

from __future__ import annotations

from trekant.i18n import lookup

LABELS: dict[str, tuple[str, str]] = {
    # CBA items (PV lines)
    "travel_time_commuting": ("Tidsgevinster, pendling", "Travel time, commuting"),
    "travel_time_business": ("Tidsgevinster, erhverv", "Travel time, business"),
    "travel_time_leisure": ("Tidsgevinster, fritid", "Travel time, leisure"),
    "freight_time": ("Tidsgevinster, gods", "Freight time"),
    "vehicle_operating_costs": ("Kørselsomkostninger", "Vehicle operating costs"),
    "accidents": ("Uheld", "Accidents"),
    "noise": ("Støj", "Noise"),
    "air_pollution": ("Luftforurening", "Air pollution"),
    "co2": ("Klima (CO2e)", "Climate (CO2e)"),
    "other_benefits": ("Øvrige gevinster", "Other benefits"),
    "fuel_vehicle_tax": ("Afgiftsprovenu (brændstof og køretøjer)", "Fuel and vehicle tax revenue"),
    "labour_supply": ("Arbejdsudbud (pendlingstid)", "Labour supply (commuting time)"),
    "construction_disturbance": ("Gener i anlægsperioden", "Construction-phase disturbances"),
    "reinvestment": ("Reinvesteringer", "Reinvestments"),
    "construction": ("Anlægsomkostninger", "Construction"),
    "operation_maintenance": ("Drift og vedligehold", "Operation and maintenance"),
    "residual_value": ("Restværdi", "Residual value"),
    "tax_distortion": ("Skatteforvridning", "Tax distortion"),
    # results
    "npv_dkk": ("Nettonutidsværdi (NNV)", "Net present value (NPV)"),
    "irr": ("Intern rente", "Internal rate of return"),
    "bc_ratio": ("Benefit-cost-forhold (B/C)", "Benefit-cost ratio (B/C)"),
    "npv_per_public_dkk": ("NNV pr. offentlig krone", "NPV per public krone"),
    "first_year_return": ("Førsteårsforrentning", "First-year return"),
    "pv_benefits_dkk": ("Nutidsværdi af gevinster", "PV of benefits"),
    "pv_costs_dkk": ("Nutidsværdi af omkostninger", "PV of costs"),
    "published": ("Publiceret", "Published"),
    "imported": ("Importeret", "Imported"),
    "none": ("findes ikke", "does not exist"),
    # columns and titles
    "key": ("Nøgle", "Key"), "name": ("Navn", "Name"), "mode": ("Type", "Mode"), "status": ("Status", "Status"),
    "opening_year": ("Åbningsår", "Opening year"), "cost_mdkk": ("Anlæg (mio. kr.)", "Construction (DKK m)"),
    "item": ("Post", "Item"), "pv_mdkk": ("Nutidsværdi (mio. kr.)", "Present value (DKK m)"),
    "portfolio": ("Infrastrukturportefølje", "Infrastructure portfolio"),
    "cba_title": ("Samfundsøkonomisk analyse", "Socio-economic CBA"),
    "illustrative": ("ILLUSTRATIVT – bygger på ikke-publicerede input", "ILLUSTRATIVE – uses unpublished inputs"),
    "illustrative_mark": ("illustrativ", "illustrative"),
    "sources": ("Kilder", "Sources"), "facts": ("Fakta", "Facts"), "value": ("Værdi", "Value"),
    "municipalities": ("Kommuner", "Municipalities"), "params": ("Parametersæt", "Parameter set"),
    "base_year": ("basisår", "base year"), "cost_basis": ("Anlægsoverslag", "Construction cost basis"),
    "budget_with_reserve": ("budget inkl. korrektionsreserve", "budget including correction reserve"),
    "base_estimate": ("basisoverslag", "base estimate"), "unstated": ("ikke oplyst", "not stated"),
    "budget": ("budget", "budget"), "mdkk": ("mio. kr.", "DKK m"),
    "illustrative_footnote": ("* = illustrativ (ikke publiceret)", "* = illustrative (not published)"),
    "unverified": ("ikke efterprøvet", "unverified"),
    # CO2e sensitivity (FM 2023)
    "co2_title": ("Følsomhed over for CO2e-prisen (FM 2023)", "Sensitivity to the CO2e price (FM 2023)"),
    "alternative": ("Alternativ", "Alternative"), "co2_price": ("CO2e-pris (kr./t)", "CO2e price (DKK/t)"),
    "pv_co2_mdkk": ("Klima, nutidsværdi (mio. kr.)", "Climate, PV (DKK m)"), "npv_mdkk": ("NNV (mio. kr.)", "NPV (DKK m)"),
    # risk
    "risk_title": ("Risikoanalyse (Monte Carlo)", "Risk analysis (Monte Carlo)"),
    "p10": ("P10 NNV", "P10 NPV"), "p50": ("P50 NNV", "P50 NPV"), "p90": ("P90 NNV", "P90 NPV"),
    "mean": ("Middel NNV", "Mean NPV"), "central": ("NNV ved centrale input", "NPV at central inputs"),
    "prob_positive": ("Sandsynlighed for NNV > 0", "Probability NPV > 0"),
    "tornado": ("Tornado: én ad gangen (P10 / P90)", "Tornado: one at a time (P10 / P90)"),
    "input": ("Input", "Input"), "low": ("Lav", "Low"), "high": ("Høj", "High"),
    "npv_low": ("NNV lav (mio. kr.)", "NPV low (DKK m)"), "npv_high": ("NNV høj (mio. kr.)", "NPV high (DKK m)"),
    "construction_overrun": ("Anlægsoverskridelse (faktor)", "Construction overrun (factor)"),
    "traffic_growth": ("Trafikvækst pr. år", "Traffic growth per year"),
    "value_of_time": ("Tidsværdier (faktor)", "Values of time (factor)"),
    "co2_price_factor": ("CO2e-pris (faktor)", "CO2e price (factor)"),
    "cba_npv": ("NNV i den samfundsøkonomiske analyse (budget)", "NPV of the CBA (budget)"),
    "prob_cost_above_budget": ("Sandsynlighed for at anlæg overstiger budget inkl. reserve",
                               "Probability construction exceeds the budget with reserve"),
    "draws": ("træk", "draws"), "optimism_bias": ("optimismetillæg", "optimism bias"),
    # ranking
    "rank_title": ("Fælles prioriteringsliste", "Joint priority list"),
    "rank": ("Nr.", "Rank"), "score": ("Score", "Score"),
    "keeps_rank": ("Beholder plads", "Keeps rank"), "top_k": ("I top {k}", "In top {k}"),
    "mean_rank": ("Gns. plads", "Mean rank"),
    "own_base_years": ("hvert projekts eget", "each project's own"), "prices": ("priser", "prices"),
    "double_count": ("DOBBELTTÆLLING", "DOUBLE COUNT"),
    # modes and statuses
    "road": ("vej", "road"), "rail": ("bane", "rail"), "bridge": ("bro", "bridge"), "port": ("havn", "port"),
    "airport": ("lufthavn", "airport"), "cycling": ("cykel", "cycling"),
    "idea": ("idé", "idea"), "studied": ("undersøgt", "studied"), "decided": ("besluttet", "decided"),
    "funded": ("finansieret", "funded"), "under_construction": ("under anlæg", "under construction"),
    "opened": ("åbnet", "opened"), "shelved": ("lagt på hylden", "shelved"),
}


def label(key: str, language: str = "da") -> str:
    return lookup(LABELS, key, language)
