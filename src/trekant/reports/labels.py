"""Danish (default) and English words of the reports, and number formats for people.

Numbers go through trekant.i18n (1.234,5 in Danish, 1,234.5 in English), formatted once here, so
the PDF and the HTML print the same text."""

from __future__ import annotations

from trekant.i18n import lookup, number, percent

LABELS: dict[str, tuple[str, str]] = {
    # documents
    "status_title": ("Statusrapport", "Status report"),
    "status_subtitle": ("{region} – regionen i tal, den fælles plan, energi og klima, styrker, infrastruktur, "
                        "partnerskaber og strategiens mål", "{region} – the region in figures, the joint plan, energy "
                        "and climate, strengths, infrastructure, partnerships and the strategy's goals"),
    "brief_title": ("Fælles infrastrukturudspil", "Joint infrastructure brief"),
    "brief_subtitle": ("{region} – den fælles prioriterede liste over statslige infrastrukturinvesteringer",
                       "{region} – the joint ranked priority list for state infrastructure investment"),
    "demo_header": ("DEMO – dokumentet indeholder syntetiske eller illustrative tal; se noterne",
                    "DEMO – this document contains synthetic or illustrative figures; see the notes"),
    "demo_mark": ("DEMO/illustrativ", "DEMO/illustrative"),
    "demo_note": ("Tal og figurer mærket DEMO bygger på syntetiske data eller illustrative antagelser og beskriver "
                  "ikke virkeligheden: {what}.", "Figures and charts marked DEMO rest on synthetic data or illustrative "
                  "assumptions and do not describe reality: {what}."),
    "published_note": ("Offentlig udgave: kun offentliggjorte planer (forslag og vedtagne), ingen kladder og ingen "
                       "personoplysninger.", "Public edition: published plans only (proposals and adopted plans), "
                       "no drafts and no personal data."),
    "internal_note": ("Intern udgave: omfatter også plankladder (ikke offentliggjort). Ingen personoplysninger.",
                      "Internal edition: includes draft plans (not published). No personal data."),
    "built_from": ("Bygget af trekant {version} fra platformens lager; hvert tal nævner sin kilde.",
                   "Built by trekant {version} from the platform's store; every figure names its source."),
    "figure": ("Figur", "Figure"),
    "code": ("Kode", "Code"),
    "mdkk_value": ("{value} mio. kr.", "DKK {value} m"),
    "mdkk_prices": ("{value} mio. kr. ({year}-priser)", "DKK {value} m ({year} prices)"),
    "illustrative_mark": ("* = illustrativ", "* = illustrative"),
    "project_geometry": ("projektets geometri", "the project's geometry"),
    "illustrative_word": ("illustrativ", "illustrative"),
    "emission_factors": ("emissionsfaktorer", "emission factors"),
    "params_brief": ("Parametersæt: {params}; prisniveau {price_year}; tilbagediskonteret til {base_year}.",
                     "Parameter set: {params}; price level {price_year}; discounted to {base_year}."),
    "plan_demo": ("Planerne er DEMO – syntetiske rammer, der viser værktøjet; de er ikke kommunernes planer.",
                  "The plans are DEMO – synthetic frames that show the tool; they are not the municipalities' plans."),
    "energy_demo": ("Aktivitetsdata, mål og tiltag er DEMO – syntetiske tal, der viser metoden; emissionsfaktorerne er "
                    "offentlige.", "Activity data, targets and measures are DEMO – synthetic figures that show the "
                    "method; the emission factors are published ones."),
    "partnerships_demo": ("Registret indeholder DEMO-partnerskaber (syntetiske eksempler); {share} mio. kr. af "
                          "finansieringen er demo.", "The register holds DEMO partnerships (synthetic examples); "
                          "DKK {share} m of the funding is demo."),
    "strategy_demo": ("KPI'er mærket [DEMO] bygger på syntetiske data; mål mærket illustrative er ikke vedtaget af "
                      "bestyrelsen.", "KPIs marked [DEMO] rest on synthetic data; targets marked illustrative are not "
                      "adopted by the board."),
    "source": ("Kilde", "Source"),
    "none": ("ingen", "none"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    # section titles
    "sec_region": ("Regionen i nøgletal", "The region in key figures"),
    "sec_plan": ("Fælles kommuneplan", "The joint municipal plan"),
    "sec_energy": ("Energi og klima", "Energy and climate"),
    "sec_strengths": ("Styrkepositioner", "Strengths"),
    "sec_infra": ("Infrastruktur", "Infrastructure"),
    "sec_partnerships": ("Partnerskaber", "Partnerships"),
    "sec_strategy": ("Strategiens mål og KPI'er", "The strategy's goals and KPIs"),
    "sec_method": ("Kilder og metode", "Sources and method"),
    # region
    "municipality": ("Kommune", "Municipality"),
    "municipalities": ("Kommuner", "Municipalities"),
    "area_km2": ("Areal (km²)", "Area (km²)"),
    "population": ("Folketal", "Population"),
    "population_of": ("Folketal ({period})", "Population ({period})"),
    "region_population": ("Regionens folketal ({period})", "The region's population ({period})"),
    "employees": ("Fuldtidsbeskæftigede lønmodtagere, bopæl ({period})",
                  "Full-time employees by residence ({period})"),
    "region_area": ("Regionens areal", "The region's area"),
    "persons": ("personer", "persons"),
    "population_chart": ("Folketal efter kommune", "Population by municipality"),
    "growth_heading": ("Vækst mod Danmark og de andre storbyområder", "Growth against Denmark and the peer areas"),
    "growth_chart": ("{indicator}: vækst {start}–{end}", "{indicator}: growth {start}–{end}"),
    "growth_units": ("ændring i procent", "change in percent"),
    "area": ("Område", "Area"),
    "start_value": ("Start", "Start"),
    "end_value": ("Slut", "End"),
    "change_pct": ("Ændring", "Change"),
    "cagr_pct": ("Årlig vækst", "Annual growth"),
    "rank": ("Placering", "Rank"),
    "denmark": ("Danmark", "Denmark"),
    "claim_heading": ("Påstandstjekket: har regionen den højeste vækst?", "The claim check: does the region grow fastest?"),
    "window": ("Vindue", "Window"),
    "period": ("Periode", "Period"),
    "growth": ("Vækst", "Growth"),
    "leader": ("Højest", "Highest"),
    "margin_pp": ("Forskel (pp)", "Margin (pp)"),
    "published_claims": ("Regionens offentliggjorte påstande", "The region's published claims"),
    "claim_says": ("Påstanden: «{text}»", "The claim: “{text}”"),
    "verdict": ("Efterprøvning: {text}", "Check: {text}"),
    # plan
    "plan_map": ("Kommuneplanrammer efter generel anvendelse", "Plan frames by general use"),
    "map_units": ("kort, EPSG:25832", "map, EPSG:25832"),
    "frames_count": ("Kommuneplanrammer", "Plan frames"),
    "land_heading": ("Arealregnskab", "Land account"),
    "land_chart": ("Planlagt areal efter kommune og anvendelse", "Planned area by municipality and use"),
    "land_units": ("hektar", "hectares"),
    "use": ("Anvendelse", "Use"),
    "status": ("Status", "Status"),
    "frames": ("Rammer", "Frames"),
    "area_ha": ("Areal (ha)", "Area (ha)"),
    "conflicts_heading": ("Åbne konflikter på tværs af kommunegrænser", "Open cross-border conflicts"),
    "no_conflicts": ("Ingen konflikter fundet.", "No conflicts found."),
    "env_conflict": ("Miljøkonflikt: {source} ({source_mun}, miljøklasse {cls}) – {sensitive} ({sensitive_mun})",
                     "Environmental conflict: {source} ({source_mun}, class {cls}) – {sensitive} ({sensitive_mun})"),
    "env_conflict_text": ("Afstand {distance} m; anbefalet mindst {required} m (Miljøstyrelsens håndbog).",
                          "Distance {distance} m; recommended at least {required} m (Danish EPA handbook)."),
    "consequence_conflict": ("Konsekvenszone: {sensitive} ({sensitive_mun}) i zonen om {source} ({source_mun})",
                             "Consequence zone: {sensitive} ({sensitive_mun}) inside the zone around {source} "
                             "({source_mun})"),
    "consequence_text": ("Afstand {distance} m; zonen er {zone} m.", "Distance {distance} m; the zone is {zone} m."),
    "overlap": ("Overlap ved grænsen: {a} ({a_mun}) og {b} ({b_mun})", "Overlap at the border: {a} ({a_mun}) and "
                "{b} ({b_mun})"),
    "overlap_text": ("Overlappende areal {area} m².", "Overlapping area {area} m²."),
    "unequal": ("Ulige vilkår: {a} ({a_mun}) og {b} ({b_mun}), samme anvendelse", "Unequal conditions: {a} ({a_mun}) "
                "and {b} ({b_mun}), same use"),
    "unequal_text": ("Afstand {distance} m. Forskelle: {differences}.", "Distance {distance} m. Differences: "
                     "{differences}."),
    "conflict_map": ("Kort over konflikten", "Map of the conflict"),
    "source_frame": ("Kilde (virksomhed)", "Source (business)"),
    "sensitive_frame": ("Følsom anvendelse", "Sensitive use"),
    "required_zone": ("Anbefalet afstand", "Recommended distance"),
    "shortest": ("Korteste afstand", "Shortest distance"),
    "frame_a": ("Ramme A", "Frame A"),
    "frame_b": ("Ramme B", "Frame B"),
    "overlap_area": ("Overlap", "Overlap"),
    "production_area": ("Produktionsområde", "Production area"),
    "no_geometry": ("Kortet mangler: planens geometri findes ikke i det viste udsnit.",
                    "No map: the plan's geometry is not among the plans shown."),
    "plan_source": ("Plandata-register i trekant (kommuneplanrammer); kommunegrænser: DAGI, Styrelsen for "
                    "Dataforsyning og Infrastruktur", "trekant plan register (municipal plan frames); municipal "
                    "borders: DAGI, Danish Agency for Data Supply and Infrastructure"),
    "check_source": ("trekant plan check (afstandskrav: Miljøstyrelsen, Håndbog om Miljø og Planlægning 2004)",
                     "trekant plan check (distances: Danish EPA, Håndbog om Miljø og Planlægning 2004)"),
    # energy
    "energy_total": ("Udledning i alt ({year})", "Total emissions ({year})"),
    "energy_per_resident": ("Udledning pr. indbygger ({year})", "Emissions per resident ({year})"),
    "tonnes": ("t CO2e", "t CO2e"),
    "tonnes_per_resident": ("t CO2e pr. indbygger", "t CO2e per resident"),
    "emissions_chart": ("Udledning efter kommune og sektor ({year})", "Emissions by municipality and sector ({year})"),
    "sector": ("Sektor", "Sector"),
    "total": ("I alt", "Total"),
    "pathway_heading": ("Reduktionssti mod målene", "The pathway against the targets"),
    "pathway_chart": ("Udledning: faktisk, mål og fremskrivning med tiltag", "Emissions: actual, target and "
                      "projection with measures"),
    "actual": ("Faktisk", "Actual"),
    "target_path": ("Målsti (kommunernes mål)", "Target path (municipal targets)"),
    "projected": ("Fremskrevet med tiltag", "Projected with measures"),
    "political_target": ("Klimalovens sti", "Climate Act path"),
    "year": ("År", "Year"),
    "gap": ("Mangler til målet", "Gap to the target"),
    "political_gap": ("Mangler til Klimaloven", "Gap to the Climate Act"),
    "first_on_target": ("Første år, fremskrivningen når målstien: {year} (manglen år for år står i tabellen).",
                        "First year the projection reaches the target path: {year} (the gap year by year is in the "
                        "table)."),
    "never_on_target": ("Fremskrivningen når ikke målstien.", "The projection never reaches the target path."),
    "mac_heading": ("Tiltag: marginale reduktionsomkostninger", "Measures: marginal abatement cost curve"),
    "mac_table": ("De ti største tiltag", "The ten largest measures"),
    "mac_x": ("t CO2e/år", "t CO2e/year"),
    "mac_y": ("kr. pr. t CO2e", "DKK per t CO2e"),
    "measure": ("Tiltag", "Measure"),
    "supply_chart": ("Elforsyning efter kilde pr. scenarie", "Electricity supply by source per scenario"),
    "asks_heading": ("Regionens ønsker til staten, og hvad den fik", "What the region asked the state for, and won"),
    "ask": ("Ønske", "Ask"),
    "asked": ("Spurgt", "Asked"),
    "decided": ("Besluttet", "Decided"),
    "won": ("Vundet", "Won"),
    "asks_source": ("trekant strategy asks (regionens egne og pressens kilder)",
                    "trekant strategy asks (the region's own and press sources)"),
    "partnerships_table": ("Partnerskaberne", "The partnerships"),
    "partners": ("Partnere", "Partners"),
    "scenarios_heading": ("Scenarier for energisystemet", "Energy-system scenarios"),
    "scenario": ("Scenarie", "Scenario"),
    "self_sufficiency": ("Selvforsyning (el)", "Self-sufficiency (electricity)"),
    "import_gwh": ("Import (GWh)", "Import (GWh)"),
    "co2_kt": ("CO2 (kt)", "CO2 (kt)"),
    "hydrogen_t": ("Brint (t)", "Hydrogen (t)"),
    "cost_mdkk": ("Omkostning (mio. kr./år)", "Cost (DKK m/year)"),
    "scenario_optimised": ("{title}: kapaciteterne {what} dimensioneres af optimeringen; kør `trekant energy model run "
                           "{name}` for resultaterne (ikke med i rapporten, da en fuld årskørsel tager minutter).",
                           "{title}: the capacities {what} are sized by the optimiser; run `trekant energy model run "
                           "{name}` for its results (left out of the report: a full-year run takes minutes)."),
    "scenarios_demo": ("Scenarierne er illustrative (DEMO): kapaciteter og efterspørgsel er antagelser, ikke planer.",
                       "The scenarios are illustrative (DEMO): capacities and demand are assumptions, not plans."),
    "scenario_source": ("trekant energy model simulate (regelbaseret timesimulering, DK1 2017-profiler)",
                        "trekant energy model simulate (rule-based hourly simulation, DK1 2017 profiles)"),
    # strengths
    "strengths_table": ("Styrkepositioner ({period})", "Strength positions ({period})"),
    "position": ("Styrkeposition", "Strength position"),
    "employment": ("Beskæftigede", "Employed"),
    "share": ("Andel", "Share"),
    "lq": ("LQ", "LQ"),
    "lq_chart": ("Lokaliseringskvotient efter branche ({period})", "Location quotient by industry ({period})"),
    "lq_units": ("LQ (1 = som Danmark)", "LQ (1 = as Denmark)"),
    "as_denmark": ("som Danmark", "as Denmark"),
    "industry": ("Branche", "Industry"),
    "shift_share_table": ("Shift-share {start}–{end}", "Shift-share {start}–{end}"),
    "national_share": ("National vækst", "National share"),
    "industry_mix": ("Branchesammensætning", "Industry mix"),
    "regional_shift": ("Regional effekt", "Regional shift"),
    "change": ("Ændring", "Change"),
    # infrastructure
    "ranking_table": ("Den fælles prioriterede liste (profil {profile}, metode {method})",
                      "The joint ranked priority list (profile {profile}, method {method})"),
    "project": ("Projekt", "Project"),
    "score": ("Score", "Score"),
    "keeps_rank": ("Beholder placering", "Keeps rank"),
    "npv": ("Nettonutidsværdi", "Net present value"),
    "npv_mdkk": ("NNV (mio. kr.)", "NPV (DKK m)"),
    "bc": ("B/C", "B/C"),
    "irr": ("Intern rente", "IRR"),
    "first_year_return": ("Førsteårsforrentning", "First-year return"),
    "construction": ("Anlægsomkostning", "Construction cost"),
    "p_npv_positive": ("P(NNV > 0)", "P(NPV > 0)"),
    "npv_chart": ("Nettonutidsværdi efter projekt", "Net present value by project"),
    "mdkk_units": ("mio. kr., {price_year}-priser, tilbagediskonteret til {base_year}",
                   "DKK m, {price_year} prices, discounted to {base_year}"),
    "cba_source": ("trekant infra cba, parametersæt {params} (Finansministeriet: diskonteringsrente 3,5 % år 0–35, "
                   "2,5 % år 36–70, nettoafgiftsfaktor 1,28)", "trekant infra cba, parameter set {params} (Danish "
                   "Ministry of Finance: discount rate 3.5 % years 0–35, 2.5 % years 36–70, net tax factor 1.28)"),
    "illustrative_projects": ("Tallene for {count} af {total} projekter bygger helt eller delvis på illustrative "
                              "antagelser (markeret i projektfilerne); de er ikke projekternes officielle tal.",
                              "The figures of {count} of {total} projects rest wholly or partly on illustrative "
                              "assumptions (marked in the project files); they are not the projects' official figures."),
    "irr_none": ("–", "–"),
    # partnerships
    "partnerships_count": ("Partnerskaber i registret", "Partnerships in the register"),
    "funding_total": ("Finansiering i alt", "Funding in all"),
    "funding_chart": ("Finansiering efter tema", "Funding by theme"),
    "funding_units": ("mio. kr.", "DKK m"),
    "theme": ("Tema", "Theme"),
    "amount_mdkk": ("Beløb (mio. kr.)", "Amount (DKK m)"),
    "demo_mdkk": ("Heraf demo (mio. kr.)", "Of which demo (DKK m)"),
    "coverage_table": ("Dækning: aktive partnerskaber pr. kommune og tema", "Coverage: active partnerships by "
                       "municipality and theme"),
    "coverage_gaps": ("Huller: {cells} tomme felter; temaer uden partnerskab: {themes}; kommuner uden partnerskab: "
                      "{municipalities}.", "Gaps: {cells} empty cells; themes without a partnership: {themes}; "
                      "municipalities in none: {municipalities}."),
    "partnerships_source": ("trekant partnerships (registret over offentlig-private partnerskaber)",
                            "trekant partnerships (the register of public-private partnerships)"),
    # strategy
    "kpi": ("KPI", "KPI"),
    "goal": ("Mål", "Goal"),
    "latest": ("Seneste", "Latest"),
    "target": ("Mål", "Target"),
    "reason": ("Status og begrundelse", "Status and reason"),
    "kpi_counts": ("KPI'er: {on_track} på sporet, {at_risk} i risiko, {off_track} ikke på sporet, {no_data} uden data.",
                   "KPIs: {on_track} on track, {at_risk} at risk, {off_track} off track, {no_data} without data."),
    "strategy_source": ("trekant strategy status (mål og KPI'er fra strategien; data fra de enkelte moduler)",
                        "trekant strategy status (goals and KPIs from the strategy; data from each module)"),
    # brief
    "brief_intro": ("Regionens fælles prioriterede liste over infrastrukturprojekter, rangeret efter strategiens "
                    "kriterier og vægte. Hvert projekt har en side med kort, samfundsøkonomiske nøgletal, de største "
                    "gevinster og kilderne.", "The region's joint ranked list of infrastructure projects, ranked by "
                    "the strategy's criteria and weights. Each project has a page with its map, socio-economic key "
                    "figures, its main benefits and the sources."),
    "criteria_table": ("Kriterier og vægte", "Criteria and weights"),
    "criterion": ("Kriterium", "Criterion"),
    "weight": ("Vægt", "Weight"),
    "kind": ("Type", "Kind"),
    "benefit": ("gevinst", "benefit"),
    "cost": ("omkostning", "cost"),
    "key_figures": ("Nøgletal", "Key figures"),
    "benefit_items": ("Største gevinster og omkostninger (nutidsværdi)", "Main benefit and cost items (present value)"),
    "item": ("Post", "Item"),
    "pv_mdkk": ("Nutidsværdi (mio. kr.)", "Present value (DKK m)"),
    "project_map": ("{name}: linjeføring", "{name}: alignment"),
    "project_map_none": ("Projektet har ingen geometri i porteføljen.", "The project has no geometry in the portfolio."),
    "municipalities_involved": ("Kommuner", "Municipalities"),
    "mode": ("Transportform", "Mode"),
    "opening_year": ("Åbningsår", "Opening year"),
    "params_used": ("Parametersæt: {params}; prisniveau {price_year}; tilbagediskonteret til {base_year}; "
                    "analyseperiode {first}–{last}.", "Parameter set: {params}; price level {price_year}; discounted "
                    "to {base_year}; period {first}–{last}."),
    "risk_text": ("Risikoanalyse: {draws} Monte Carlo-træk (frø {seed}); P(NNV > 0) = {p}; NNV P10–P90: {p10} til {p90} "
                  "mio. kr.", "Risk analysis: {draws} Monte Carlo draws (seed {seed}); P(NPV > 0) = {p}; NPV P10–P90: "
                  "{p10} to {p90} DKK m."),
    "sources": ("Kilder", "Sources"),
    "illustrative_inputs": ("Illustrative input (ikke officielle tal): {inputs}", "Illustrative inputs (not official "
                            "figures): {inputs}"),
    "method_heading": ("Metode", "Method"),
    "method_text": ("Samfundsøkonomisk analyse efter Finansministeriets vejledning (2023) og Transportministeriets "
                    "praksis: 50 års analyseperiode plus restværdi; gevinster og omkostninger i faste priser, "
                    "tilbagediskonteret med {params}; nøgletal nettonutidsværdi (NNV), intern rente, "
                    "B/C-forhold og førsteårsforrentning. Rangeringen vægter kriterierne med metoden {method} "
                    "(pymcdm); stabiliteten måles ved {draws} tilfældige ændringer af vægtene på ±{perturbation}. "
                    "Risikoanalysen trækker anlægsomkostning, trafik og enhedsværdier fra fordelinger "
                    "(Monte Carlo).", "Socio-economic cost-benefit analysis after the Danish Ministry of Finance's "
                    "guidance (2023) and the Ministry of Transport's practice: a 50-year period plus residual value; "
                    "benefits and costs in fixed prices, discounted with {params}; key figures net present value "
                    "(NPV), internal rate of return, benefit-cost ratio and first-year return. The ranking weighs "
                    "the criteria with the method {method} (pymcdm); its stability is measured by {draws} random "
                    "changes of the weights by ±{perturbation}. The risk analysis draws construction cost, traffic "
                    "and unit values from distributions (Monte Carlo)."),
}


def text(key: str, language: str = "da", **values) -> str:
    found = lookup(LABELS, key, language)
    return found.format(**values) if values else found


def num(value: float | None, language: str, decimals: int = 0) -> str:
    return number(value, f",.{decimals}f", language)


def pct(share: float | None, language: str, decimals: int = 1) -> str:
    return percent(share, decimals, language)


def pct_value(value_pct: float | None, language: str, decimals: int = 1, signed: bool = True) -> str:
    """A value already in percent (growth_pct 2.04 → '+2,0 %')."""
    if value_pct is None:
        return "–"
    text_ = number(value_pct, f"{'+' if signed else ''},.{decimals}f", language)
    return f"{text_}%" if language == "en" else f"{text_} %"


def mdkk(value_dkk: float | None, language: str, decimals: int = 0) -> str:
    """DKK in millions, without the unit (tables name it in the column)."""
    return "–" if value_dkk is None else number(value_dkk / 1e6, f",.{decimals}f", language)
