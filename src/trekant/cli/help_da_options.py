"""Danish help texts of the options and arguments (the English ones are the `help=` in cli/*.py).

Keys are "group command --option" (the option's longest name) or "group command ARGNAME" (an
argument's name in capitals); the root group's own options have no path ("--lang"). An option shared
by many commands with the same English help (`--json`) is keyed once by its name in SHARED_DA.
`trekant.cli.help_da.apply` puts these texts in place; like HELP_DA this module imports nothing.
"""

from __future__ import annotations

# Texts used by more than one command (kept once so they cannot drift apart).
_HOURS = "Kør kun N timer (standard: hele profilåret, 8.759 timer)."
_START = "Vinduets første time (0 = 1. januar kl. 00:00 UTC)."
_SCENARIO = "Navnet på et medfølgende scenarie eller stien til en YAML-fil."
_EXPORT_HOURLY = "Skriv timeresultaterne til STI.csv eller STI.parquet."
_RFNBO = "EU's regel for vedvarende brint (RFNBO): none, monthly eller hourly (standard: scenariets)."
_FACTORS = "Faktortabel NAVN eller NAVN@VERSION (standard: den aktive)."
_MUNICIPALITY_OR_REGION = "Kommunekode eller -navn (standard: hele regionen)."
_INDICATOR_KEY = "Indikatorens nøgle (se `trekant economy indicators`)."
_INDICATOR_INDUSTRY = "Indikator med opdeling på brancher (standard: demoserien)."
_AREA = "Kommunekode eller -navn, DK eller en gruppes nøgle (standard: regionen)."
_FROM = "Startperiode, fx 2008Q1 (standard: den første med data)."
_TO = "Slutperiode (standard: den sidste med data)."
_PERIOD = "Periode (standard: den seneste)."
_REFERENCE = "Referenceområde (standard: DK)."
_BREAKDOWN = "En opdeling som industry=2 eller sex=Men (standard: i alt)."
_IMPORT_INDICATOR = "Nøglen på den indikator, der skrives (standard: fra filen)."
_IMPORT_NAME = "Indikatorens navn (standard: filens titel)."
_IMPORT_UNIT = "Enhed, fx persons (standard: filens, ellers 'number')."
_IMPORT_SOURCE = "Kildetekst (standard: filens, ellers dens navn)."
_IMPORT_LICENCE = "Licens (standard: CC BY 4.0 for Danmarks Statistik)."
_NOT_ADDITIVE = "En andel eller et gennemsnit: medlemmernes værdier summeres aldrig til grupper."
_WHERE = "Behold kun rækker med KOLONNE=værdi; * og ? matcher vilkårlig tekst (kan gentages)."
_BASIS = ("Hvad områderne tæller: residence (personer efter bopæl) eller workplace (job/produktion efter "
          "arbejdssted; standard: ud fra BOPKOM/ARBKOM eller tabellen).")
_SEASONAL = "Om serien er sæsonkorrigeret (standard: ud fra tabellen, ellers ikke)."
_PARAMS = "Parametersæt: et medfølgende navn (fm2023, fm2017) eller stien til en YAML-fil."
_PROJECT_TARGET = "Projektets nøgle eller stien til en projekt-YAML-fil."
_INCLUDE_PERSONAL = "Vis også kontaktpersoner (personoplysninger; vises aldrig uden dette tilvalg)."
_PARTNERSHIP_STATUS = "idea, active eller ended."
_STATUS_FILTER = "Kun partnerskaber med denne status (idea, active, ended); kan gentages."
_DATE = "2021-03-01, 2021-03 eller 2021."
_GOALS = "YAML med mål og KPI'er (standard: den medfølgende strategi)."
_REPORT_OUT = "Filen der skrives: FIL.pdf eller FIL.html."
_REPORT_LANG = "Dokumentets sprog (som det globale --lang; standard: TREKANT_LANGUAGE, ellers da)."
_REPORT_PUBLIC = ("Den offentlige udgave: kun offentliggjorte planer, ingen kladder (standard for brugere, "
                  "der ikke må se kladder).")
_ROLE = "administrator, editor, analyst eller reader."
_EDITOR_MUNICIPALITY = "Kommunekode, som en redaktør redigerer (gentag for flere)."
_ACTOR = "Kun ændringer foretaget af denne aktør (fx web:alice, cli:bob)."
_ENTITY = "Kun ændringer i denne tabel (fx plan_frame, account)."
_SINCE = "Kun ændringer fra denne dato (ÅÅÅÅ-MM-DD) eller dette tidspunkt (ISO 8601)."

SHARED_DA: dict[str, tuple[str, str]] = {
    # option name: (its English help wherever it is shared, the Danish)
    "--json": ("Print the result as JSON on stdout.", "Skriv resultatet som JSON på stdout."),
    "--help": ("Show this message and exit.", "Vis denne hjælp og stop."),
}

OPTION_HELP_DA: dict[str, str] = {
    "--version": "Vis versionen og stop.",
    "--lang": "Sprog for tekst, tabeller og hjælp: da eller en (standard: TREKANT_LANGUAGE, ellers da).",
    "init --region": "YAML med regionens definition (standard: Trekantområdet).",
    "init --force": ("Byg lageret forfra og kassér dets indhold (spørger først, eller kræver --yes, når "
                     "brugere har ændret det)."),
    "init --with-demo": ("Indlæs demodata (syntetiske) eller kun rigtige referencedata (standard: lagerets "
                         "tidligere valg; demo for et nyt lager)."),
    "init --yes": "Med --force: kassér brugernes ændringer uden at spørge.",
    "plan import FILE": "GeoJSON, GeoPackage, zippet Shapefile eller GML (i samme form som Plandatas WFS).",
    "plan import --municipality": ("Indlæs som redaktør for denne kommune (kode): andre kommuners objekter "
                                   "afvises."),
    "plan import --status": ("Status for objekter uden status (K, F, KV, V, A eller forslag, vedtaget, …); "
                             "en anden status i filen er en fejl."),
    "plan import --layer": "Laget der læses, når filen har flere (en zips .shp uden endelse).",
    "plan import --kind": ("kommuneplanramme, lokalplan, delomraade eller zonekort (standard: ud fra filens "
                           "lagnavn og felter)."),
    "plan import --mirror": ("Registerkopi: gem registrets data som de er, med datakvalitetsfund, i stedet "
                             "for at afvise dem."),
    "plan import --partial": "Med --mirror: filen er ikke hele udtrækket for dens kommuner; intet trækkes tilbage.",
    "plan import --skip-others": ("Med --municipality: udelad andre kommuners objekter (advarsel) i stedet "
                                  "for at afvise filen."),
    "plan import --tolerance-m": "Hvor langt (m) et objekt må række uden for kommunens grænse i 1:500.000.",
    "plan quality --municipality": "Kun denne kommune (kode).",
    "plan quality --code": "Kun disse fundkoder, kommasepareret (fx too-small,outside-municipality).",
    "plan quality --layer": "Kun dette lag: kommuneplanramme, lokalplan, delomraade eller zonekort.",
    "plan check --sensitive": "Følsomme generelle anvendelser (anvgen), kommasepareret; standard 11,21,51,61,71.",
    "plan check --within": "Meld også konflikter inden for én kommune.",
    "plan check --touch-distance-m": "Rammer så tæt på hinanden over en grænse regnes som rørende (lige vilkår).",
    "plan check --status": ("Status for de planer, der tjekkes, kommasepareret (standard: alle undtagen "
                            "aflyste); de tjekkes mod hinanden og mod de vedtagne planer, så forslag tjekker "
                            "forslag mod vedtagne planer."),
    "plan check --consequence-zone-m": ("Konsekvenszone (m) om produktionsområder taget fra rammer "
                                        "(udpegninger har deres egen)."),
    "plan history PLANID": "Planens planid (ramme, lokalplan, delområde eller zone).",
    "plan fetch --municipality": "Kode på den kommune, hvis planer hentes.",
    "plan fetch --layer": ("kommuneplanramme (standard), lokalplan, delomraade, zonekort eller navnet på et "
                           "lag i Plandatas WFS."),
    "plan fetch --status": "vedtaget (standard) eller forslag: hvilke af Plandatas lag der læses.",
    "plan fetch --url": "WFS-adresse (standard: Plandata.dk's offentlige WFS).",
    "plan fetch --page-size": "Objekter pr. GetFeature-forespørgsel.",
    "plan fetch --strict": ("Kontrollér som en indberetning (enhver fejl gør, at intet skrives) i stedet for "
                            "at kopiere registret."),
    "plan where --class": "Virksomhedens miljøklasse (1–7).",
    "plan where --use": "Generel anvendelse (anvgen, fx 31) eller specifik anvendelse (anvspec, fx 3130).",
    "plan where --min-area-ha": "Mindste rammeareal i hektar.",
    "plan where --status": "Status, kommasepareret (standard: alle undtagen aflyste).",
    "plan at X": "Østkoordinat (eller længdegrad med --crs EPSG:4326).",
    "plan at Y": "Nordkoordinat (eller breddegrad).",
    "plan at --crs": "Koordinatsystem for X Y (standard EPSG:25832), fx EPSG:4326.",
    "plan land --at": ("Planen som den var på denne dato (ÅÅÅÅ-MM-DD, ved dagens slutning) eller ISO-tidspunkt; "
                       "standard nu."),
    "plan land --since": "Vis ændringen siden denne dato eller dette tidspunkt i stedet for summerne.",
    "plan export --format": "gpkg (ét lag pr. tema), geojson, csv eller xlsx.",
    "plan export --out": "Filen der skrives (erstattes, hvis den findes).",
    "plan export --crs": "Koordinatsystem for output (standard: EPSG:25832 for gpkg, EPSG:4326 for geojson).",
    "plan export --layer": "For geojson og csv: kommuneplanramme, lokalplan, delomraade eller zonekort.",
    "plan designations FILE": "Polygonfil med ét tema (GeoJSON, GeoPackage, zippet Shapefile, GML).",
    "plan designations --theme": ("transport_logistics, wind, solar, ptx, green_corridor eller production "
                                  "(områder forbeholdt produktionsvirksomheder; zonens bredde i consequence_m)."),
    "plan designations --id-field": "Feltet med hver udpegnings id.",
    "plan designations --name-field": "Feltet med hver udpegnings navn.",
    "plan designations --layer": "Laget der læses, når filen har flere.",
    "energy accounts --municipality": _MUNICIPALITY_OR_REGION,
    "energy accounts --year": "Regnskabsår (standard: det seneste i lageret).",
    "energy accounts --factors": _FACTORS,
    "energy hourly-account PATH": "CSV: hour_dk eller hour_utc, og mwh eller kwh, én række pr. time.",
    "energy hourly-account --series": "Fil med udledningsserien (standard: den medfølgende DK1-deklaration).",
    "energy pathway --municipality": _MUNICIPALITY_OR_REGION,
    "energy pathway --factors": _FACTORS,
    "energy pathway --every": "Vis hvert N'te år i tabellen (JSON har dem alle).",
    "energy sweep SCENARIO": ("Navnet på et medfølgende scenarie eller stien til en YAML-fil (faste "
                              "kapaciteter, medmindre --optimise)."),
    "energy sweep --vary": "NØGLE=V1,V2,… fx electrolyser_mw=20,300,1000 (kan gentages: alle kombinationer).",
    "energy sweep --hours": _HOURS,
    "energy sweep --start": _START,
    "energy sweep --optimise": ("Én optimering pr. variant (udvidelige kapaciteter dimensioneres hver gang) i "
                                "stedet for den vektoriserede simulering."),
    "energy factors import PATH": "CSV med kolonnerne name, version, carrier, year, value, unit, source[, illustrative].",
    "energy factors import --activate": "Gør den nye tabel til den, regnskaberne bruger.",
    "energy factors show SPEC": "NAVN eller NAVN@VERSION (standard: den aktive tabel).",
    "energy factors series SPEC": ("En seriefil i Energinets format (standard: den medfølgende "
                                   "DK1-deklaration 2022-2023)."),
    "energy activity import PATH": "CSV eller XLSX: municipality, year, sector, carrier, quantity, unit[, source].",
    "energy targets import PATH": ("CSV eller XLSX: municipality, base_year, base_co2e_t, target_year, "
                                   "reduction_pct[, source]."),
    "energy measures import PATH": ("CSV eller XLSX: municipality, key, name, sector, reduction_co2e_t_per_year, "
                                    "start_year, ramp_years, cost_dkk_per_year[, source]."),
    "energy model run SCENARIO": _SCENARIO,
    "energy model run --hours": _HOURS,
    "energy model run --start": _START,
    "energy model run --export": _EXPORT_HOURLY,
    "energy model run --rfnbo": _RFNBO,
    "energy model run --co2-limit": "Loft over kørslens CO2 (t); dets skyggepris vises.",
    "energy model run --import-mw": "Nettilslutning: grænsen for import (MW).",
    "energy model run --compliance-cost": ("Optimér igen uden RFNBO-reglen og vis forskellen i "
                                           "systemomkostning."),
    "energy model run --week": "Tilføj denne uges timeserier og varighedskurver (JSON, til grafer).",
    "energy model years SCENARIO": _SCENARIO,
    "energy model years --profiles": ("En CSV med et vejrårs profiler (kan gentages; "
                                      "builtin:dk1_hourly_2017.csv er den medfølgende)."),
    "energy model years --hours": _HOURS,
    "energy model years --start": _START,
    "energy model years --rfnbo": _RFNBO,
    "energy model simulate SCENARIO": _SCENARIO,
    "energy model simulate --hours": _HOURS,
    "energy model simulate --start": _START,
    "energy model simulate --export": _EXPORT_HOURLY,
    "economy growth --indicator": _INDICATOR_KEY,
    "economy growth --area": _AREA,
    "economy growth --among": ("Sammenlign med: municipalities (kommunerne), metro5 (regionen og "
                               "storbyområderne) eller en kommasepareret liste af områder."),
    "economy growth --from": _FROM,
    "economy growth --to": _TO,
    "economy growth --base": "Indeksets basisperiode (= 100; standard: startperioden).",
    "economy growth --breakdown": _BREAKDOWN,
    "economy claim --indicator": _INDICATOR_KEY,
    "economy claim --group": "Området, hvis påstand tjekkes (standard: regionen).",
    "economy claim --peers": "Konkurrenter: metro5, municipalities eller en kommasepareret liste.",
    "economy claim --same-season": ("Kun perioder mellem samme kvartal/måned (standard for en serie, der ikke er "
                                    "sæsonkorrigeret), eller alle perioder, sæsonudsving medregnet."),
    "economy claim --limit": "Antal perioder med føring, der vises i tabellen (JSON viser alle).",
    "economy claim --breakdown": _BREAKDOWN,
    "economy lq --indicator": _INDICATOR_INDUSTRY,
    "economy lq --area": _AREA,
    "economy lq --period": _PERIOD,
    "economy lq --reference": _REFERENCE,
    "economy shift-share --indicator": _INDICATOR_INDUSTRY,
    "economy shift-share --area": _AREA,
    "economy shift-share --from": _FROM,
    "economy shift-share --to": _TO,
    "economy shift-share --reference": _REFERENCE,
    "economy specialisation --indicator": _INDICATOR_INDUSTRY,
    "economy specialisation --area": _AREA,
    "economy specialisation --period": _PERIOD,
    "economy specialisation --among": "Flere områder: metro5, municipalities eller en liste.",
    "economy strengths --indicator": _INDICATOR_INDUSTRY,
    "economy strengths --area": _AREA,
    "economy strengths --period": _PERIOD,
    "economy strengths --from": _FROM,
    "economy strengths --config": "YAML med styrkepositionerne (standard: den medfølgende).",
    "economy import PATH": "Statistikbank-CSV, PC-Axis .px eller JSON-stat .json-fil.",
    "economy import --indicator": _IMPORT_INDICATOR,
    "economy import --name": _IMPORT_NAME,
    "economy import --unit": _IMPORT_UNIT,
    "economy import --source": _IMPORT_SOURCE,
    "economy import --licence": _IMPORT_LICENCE,
    "economy import --not-additive": _NOT_ADDITIVE,
    "economy import --where": _WHERE,
    "economy import --basis": _BASIS,
    "economy import --seasonally-adjusted": _SEASONAL,
    "economy fetch TABLE": "Statistikbankens tabel-id, fx FOLK1A.",
    "economy fetch --var": "Udvalg af variable KODE=v1,v2 eller KODE=* (kan gentages).",
    "economy fetch --url": "API'ets dataadresse (standard: Statistikbankens API, api.statbank.dk).",
    "economy fetch --format": "CSV eller BULK (BULK kræver, at alle variable er udvalgt).",
    "economy fetch --lang": "Sprog for etiketterne: en eller da.",
    "economy fetch --save": "Gem også det rå svar i denne fil.",
    "economy fetch --indicator": _IMPORT_INDICATOR,
    "economy fetch --name": _IMPORT_NAME,
    "economy fetch --unit": _IMPORT_UNIT,
    "economy fetch --source": _IMPORT_SOURCE,
    "economy fetch --licence": _IMPORT_LICENCE,
    "economy fetch --not-additive": _NOT_ADDITIVE,
    "economy fetch --where": _WHERE,
    "economy fetch --basis": _BASIS,
    "economy fetch --seasonally-adjusted": _SEASONAL,
    "economy group add KEY": "Gruppens nøgle, fx east_jutland.",
    "economy group add --members": "Kommasepareret liste af kommunekoder eller -navne.",
    "economy group add --name": "Visningsnavn.",
    "economy group remove KEY": "Nøglen på en brugerdefineret gruppe.",
    "infra show KEY": "Projektets nøgle (se `trekant infra list`).",
    "infra import PATHS": "Projekt-YAML-filer eller mapper med dem.",
    "infra export KEYS": "Projektnøgler (standard: alle).",
    "infra export --out": "Mappen der skrives til.",
    "infra export --format": "Kommasepareret: yaml, geojson (WGS 84), gpkg (EPSG:25832).",
    "infra cba TARGET": _PROJECT_TARGET,
    "infra cba --params": _PARAMS,
    "infra cba --base-year": "År der tilbagediskonteres til (standard: første anlægsår).",
    "infra cba --price-year": "Vis i dette års priser (standard: parametersættets).",
    "infra cba --co2-sensitivity": "Også nettonutidsværdien ved parametersættets alternative CO2e-priser (FM 2023).",
    "infra cba --co2-price": ("En ekstra fast CO2e-pris (kr./t) til følsomhedsanalysen (kan gentages; "
                              "medfører --co2-sensitivity)."),
    "infra params NAME": "Et medfølgende navn eller en YAML-sti (standard: vis de medfølgende sæt).",
    "infra params --template": ("Skriv en skabelon til en parameterfil, der for hver enhedsværdi nævner den post "
                                "i Transportøkonomiske Enhedspriser, den skal komme fra."),
    "infra risk TARGET": _PROJECT_TARGET,
    "infra risk --draws": "Antal Monte Carlo-træk.",
    "infra risk --seed": "Startværdi for tilfældige tal, 0 eller mere (samme startværdi, samme resultat).",
    "infra risk --optimism-bias": "Tillæg til anlægsomkostningen i procent (fx 50).",
    "infra risk --params": _PARAMS,
    "infra risk --spec": ("YAML-fil med fordelinger for construction_overrun, traffic_growth, value_of_time, "
                          "co2_price og mængder med et offentliggjort interval."),
    "infra rank --profile": "Prioriteringsprofil: medfølgende navn (default, all) eller en YAML-fil.",
    "infra rank --method": "topsis, weighted-sum eller promethee (standard: profilens).",
    "infra rank --params": "Parametersæt (standard: profilens).",
    "infra rank --base-year": "Ét basisår for alle projekter (standard: profilens).",
    "infra rank --own-base-years": "Tilbagediskontér i stedet hvert projekt til dets eget første anlægsår.",
    "infra rank --price-year": "Ét prisår for alle projekter (standard: profilens, ellers parametersættets).",
    "infra rank --weight": "Erstat et kriteriums vægt, NAVN=VÆRDI (kan gentages).",
    "partnerships list --search": "Tekst i navn, beskrivelse, noter eller en partners navn.",
    "partnerships list --theme": ("business_development, labour_education, culture_attractiveness, "
                                  "energy_climate, infrastructure_mobility eller planning."),
    "partnerships list --municipality": "Kode eller navn på en deltagende kommune.",
    "partnerships list --status": _PARTNERSHIP_STATUS,
    "partnerships list --strength": "industry, transport_logistics eller energy_ptx.",
    "partnerships list --organisation": "Nøgle eller en del af navnet på en partnerorganisation.",
    "partnerships list --include-personal": _INCLUDE_PERSONAL,
    "partnerships show KEY": "Partnerskabets nøgle (se `trekant partnerships list`).",
    "partnerships show --include-personal": _INCLUDE_PERSONAL,
    "partnerships history KEY": "Nøglen på et partnerskab eller en organisation.",
    "partnerships add KEY": "Det nye partnerskabs nøgle (små bogstaver, cifre, '-', '_').",
    "partnerships add --file": "YAML: ét partnerskab eller listerne `organisations:` og `partnerships:`.",
    "partnerships add --status": _PARTNERSHIP_STATUS,
    "partnerships add --theme": "Et tema; kan gentages.",
    "partnerships add --municipality": "En deltagende kommune; kan gentages.",
    "partnerships add --strength": "En styrkeposition; kan gentages.",
    "partnerships add --start": _DATE,
    "partnerships add --end": _DATE,
    "partnerships add --partner": "ORGANISATION[:ROLLE] (lead, partner, funder); kan gentages.",
    "partnerships add --funding": "KILDE:BELØB_KR[:ÅR]; kan gentages.",
    "partnerships add --demo": "Markér det som demodata (opdigtede).",
    "partnerships edit KEY": "Partnerskabets nøgle.",
    "partnerships edit --set": "FELT=VÆRDI (lister som 'a; b'); kan gentages.",
    "partnerships edit --file": "YAML med de felter, der ændres (lister erstatter de gemte).",
    "partnerships import PATHS": "CSV-filer, mapper med dem eller XLSX-projektmapper.",
    "partnerships export --format": "csv (en mappe, én fil pr. tabel) eller xlsx (én projektmappe).",
    "partnerships export --out": "Mappe (csv) eller fil (xlsx), der skrives.",
    "partnerships export --include-personal": "Eksportér også kontaktpersonerne (personoplysninger): aldrig som standard.",
    "partnerships forget PERSON": "Personens navn eller e-mailadresse.",
    "partnerships funding --status": _STATUS_FILTER,
    "partnerships coverage --status": _STATUS_FILTER,
    "partnerships network --status": _STATUS_FILTER,
    "partnerships org add --kind": "public_authority, company, education, association eller research.",
    "partnerships org add --cvr": "Virksomhedens CVR-nummer (8 cifre, modulus 11).",
    "partnerships org add --municipality": "Hjemstedskommune (kode eller navn).",
    "partnerships org edit --set": "FELT=VÆRDI; kan gentages.",
    "strategy status --goals": _GOALS,
    "strategy goals --goals": _GOALS,
    "report status --out": _REPORT_OUT,
    "report status --year": ("År for energiregnskabet og brancheanalyserne (standard: det seneste med "
                             "data)."),
    "report status --lang": _REPORT_LANG,
    "report status --public": _REPORT_PUBLIC,
    "report infra-brief --out": _REPORT_OUT,
    "report infra-brief --projects": ("Kommasepareret liste af projektnøgler, der får en side (standard: alle "
                                      "prioriterede projekter)."),
    "report infra-brief --params": "Parametersæt: fm2023, fm2017 eller en YAML-fil (standard: prioriteringsprofilens).",
    "report infra-brief --lang": _REPORT_LANG,
    "report infra-brief --public": _REPORT_PUBLIC,
    "users add NAME": "Kontoens navn.",
    "users add --role": _ROLE,
    "users add --municipality": _EDITOR_MUNICIPALITY,
    "users add --password-stdin": ("Læs adgangskoden fra standard input (uden: en konto kun med API-nøgler, "
                                   "der ikke kan logge ind på webben)."),
    "users set-role --role": _ROLE,
    "users set-role --municipality": _EDITOR_MUNICIPALITY,
    "users password --password-stdin": "Læs den fra standard input.",
    "users token --expires": "Dage til nøglen udløber (standard: aldrig).",
    "users token --password-stdin": ("Bevis NAVNs adgangskode (fra standard input) og udsted NAVNs egen nøgle: "
                                     "sådan får man sin første TREKANT_TOKEN."),
    "users revoke-token --id": "Nøglens id (standard: alle kontoens nøgler).",
    "audit list --actor": _ACTOR,
    "audit list --entity": _ENTITY,
    "audit list --since": _SINCE,
    "audit list --limit": "Højst så mange poster, nyeste først.",
    "audit export --out": "CSV-fil, der skrives (UTF-8 med BOM).",
    "audit export --actor": _ACTOR,
    "audit export --entity": _ENTITY,
    "audit export --since": _SINCE,
    "serve --host": "Adressen der lyttes på.",
    "serve --port": "Porten der lyttes på.",
    "serve --workers": "Arbejdsprocesser (tilstandsløse; deler lageret).",
    "serve --local-admin": "Forespørgsler fra denne maskine handler som administrator (kun med --host 127.0.0.1).",
    "serve --forwarded-allow-ips": ("Proxyer, hvis X-Forwarded-For/-Proto troes (kommaseparerede adresser; "
                                    "HTTPS-proxyen foran trekant)."),
    "serve --init": "Byg først lageret (som `trekant init`), når der intet er, eller dets skema er forældet.",
}


def param_key(param) -> str:
    """The table's name of a click parameter: an option's longest name, an argument's name in capitals."""
    if getattr(param, "param_type_name", "") == "argument":
        return param.name.upper()
    return max(param.opts, key=len)


def danish(path: str, param, english: str) -> str | None:
    """The Danish help of `param` of the command at `path`, or None when the table has none."""
    name = param_key(param)
    text = OPTION_HELP_DA.get(f"{path} {name}".strip())
    if text is None and name in SHARED_DA and SHARED_DA[name][0] == english:
        text = SHARED_DA[name][1]
    return text
