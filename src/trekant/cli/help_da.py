"""Danish help texts of the command groups and commands (the English ones are the docstrings).

`trekant --help` and `trekant <group> --help` speak Danish by default, like every table; with
`--lang en` (or TREKANT_LANGUAGE=en) they keep the English docstrings. Options and arguments take
their Danish help from `help_da_options`. `apply` is called each time a group is loaded or shown, so one
process may switch language.
"""

from __future__ import annotations

import sys

from trekant.cli import help_da_options

HELP_DA: dict[str, str] = {
    "region show": "Regionens kommuner: kode, navn, areal, seneste folketal og naboer.",
    "plan import": "Indlæs plandata (rammer, lokalplaner, delområder, zonekort): som indberetning skrives intet ved en fejl; med --mirror gemmes registrets data som de er, med datakvalitetsfund.",
    "plan quality": "Datakvalitet i registerkopien: hvad bryder Plandatas regler, og hvad blev gjort ved det.",
    "plan check": "Tjek på tværs af grænser: miljøafstand, lige vilkår, overlap og følsom anvendelse i konsekvenszoner.",
    "plan history": "Alle versioner af en plan: hvad ændrede sig, hvornår og af hvem.",
    "plan fetch": "Hent én kommunes planer i ét af Plandata.dk's lag fra WFS'en som registerkopi (--strict: kontrolleret som en indberetning).",
    "plan where": "Alle rammer i regionen der tillader en virksomhed i miljøklasse C, på lige vilkår.",
    "plan at": "Hvad gælder i et punkt: delområde, lokalplan, kommuneplanramme og zone.",
    "plan land": "Arealregnskab: hektar pr. kommune × anvendelse × status, eller ændringen mellem to tidspunkter.",
    "plan export": "Eksportér de gældende planer (et lag pr. Plandata-lag og status), udpegninger, konflikter og datakvalitet til QGIS og regneark.",
    "plan designations": "Indlæs fælles regionale udpegninger af ét tema (versioneret; ved en fejl skrives intet).",
    "energy accounts": "Udledning pr. sektor og energibærer, i alt og pr. indbygger (CO2-regnskab).",
    "energy hourly-account": "Udledningen fra et timeforbrug af el, hver time med sin deklarerede intensitet.",
    "energy pathway": "Målsti, fremskrevet sti med tiltag, gab pr. år og marginale reduktionsomkostninger.",
    "energy heat-areas": "Fjernvarme som leveret: hvert varmeområde, dets forsyning med kilder og emissionsfaktor.",
    "energy sweep": "Sammenlign kapacitetsvarianter side om side: resultater og den infrastruktur hver kræver.",
    "energy factors": "Emissionsfaktortabeller (versioneret, med kilder).",
    "energy factors import": "Tilføj en (nyere) emissionsfaktortabel; regnskaberne bruger den ved næste læsning.",
    "energy factors list": "Faktortabellerne i lageret; den aktive bruges, medmindre --factors siger andet.",
    "energy factors show": "Alle faktorer i en tabel med enhed, år og kilde.",
    "energy factors series": "Timeserien for elnettets udledning: område, metode, enhed og års- og månedsgennemsnit.",
    "energy activity": "Aktivitetsdata (energiforbrug pr. kommune, år, sektor og energibærer).",
    "energy activity import": "Indlæs aktivitetsdata (alle rækker eller ingen; hvert problem med fil, række og kolonne).",
    "energy targets": "Reduktionsmål (klimaloven, DK2020-planer).",
    "energy targets import": "Indlæs reduktionsmål (fx en DK2020-plans egne år og basisår).",
    "energy measures": "Reduktionstiltag (til reduktionsstien og omkostningskurven).",
    "energy measures import": "Indlæs reduktionstiltag.",
    "energy model": "Det regionale energisystem time for time (PyPSA + HiGHS).",
    "energy model list": "De medfølgende scenarier (en sti til din egen YAML virker overalt, hvor et navn gør).",
    "energy model run": "Optimér scenariet (PyPSA + HiGHS) og vis resultater som i EnergyPLAN.",
    "energy model years": "Optimér scenariet én gang pr. vejrår og vis spredningen i resultaterne.",
    "energy model simulate": "Regelbaseret timesimulering af scenariets faste kapaciteter (uden optimering, hurtig).",
    "economy indicators": "Indikatorerne i lageret med perioder, kilde og demo-markering.",
    "economy growth": "Ændring, procentvis ændring, årlig vækst og indeks for et område over en periode, rangeret.",
    "economy claim": "Tjek af påstanden om højest vækst: forud fastlagte perioder og andelen af alle perioder.",
    "economy lq": "Lokaliseringskvotienter for alle brancher i et område.",
    "economy shift-share": "Shift-share: national andel, branchesammensætning, regional effekt (Esteban-Marquillas).",
    "economy specialisation": "Specialiseringsindeks: Krugman, Hoover og Herfindahl.",
    "economy strengths": "Beskæftigelse, andel, LQ og vækst i styrkepositionerne (industri, transport/logistik, energi/PtX).",
    "economy import": "Indlæs en indikator fra en fil fra Danmarks Statistik; ved en forkert række skrives intet.",
    "economy fetch": "Hent en tabel fra Statistikbankens API og indlæs den (alt eller intet).",
    "economy group": "Områdegrupper: regionen, sammenligningsregioner og dine egne grupper af kommuner.",
    "economy group list": "Områdegrupperne: regionen, sammenligningsregionerne og brugernes egne grupper.",
    "economy group add": "Tilføj (eller erstat) en gruppe af kommuner; dens værdier summeres ved opslag.",
    "economy group remove": "Fjern en brugerdefineret gruppe.",
    "infra list": "Porteføljens projekter: nøgle, navn, type, status, åbningsår og anlægsomkostning.",
    "infra show": "Ét projekt: fakta, offentliggjorte resultater, kilder og hvilke input der er illustrative.",
    "infra import": "Indlæs projektfiler; hvert problem meldes pr. felt, og ved en fejl skrives intet.",
    "infra export": "Eksportér projekter som YAML og deres geometrier som GeoJSON og/eller GeoPackage.",
    "infra cba": "Samfundsøkonomisk analyse af ét projekt: nettonutidsværdi, intern rente, B/C m.m.",
    "infra params": "De medfølgende parametersæt, eller ét af dem med kilder.",
    "infra risk": "Monte Carlo-analyse af nettonutidsværdien (P10/P50/P90) og et tornadodiagram.",
    "infra rank": "Fælles prioriteret liste over porteføljen (flerkriterieanalyse) med rangstabilitet.",
    "partnerships list": "Partnerskaber, filtreret på tekst, tema, kommune, status, styrkeposition eller organisation.",
    "partnerships show": "Ét partnerskab: partnere, finansiering, resultater og kilder; kontakter kun med --include-personal.",
    "partnerships history": "Alle registrerede ændringer: hvem, hvornår og hvilke felter.",
    "partnerships add": "Tilføj et partnerskab fra tilvalg eller en YAML-fil; alt tjekkes først.",
    "partnerships edit": "Ret felter i et partnerskab; ændringen tjekkes som en indlæsning og gemmes i historikken.",
    "partnerships import": "Indlæs tabeller (CSV eller XLSX): alt eller intet, hvert problem med fil, række og felt.",
    "partnerships export": "Eksportér registret; kontaktpersoner udelades uden --include-personal.",
    "partnerships forget": "Slet en persons kontaktdata overalt; revisionsloggen viser at det skete, ikke hvem.",
    "partnerships funding": "Finansiering pr. tema, kommune, kilde og år, og hvordan fælles midler blev fordelt.",
    "partnerships coverage": "Matricen kommune × tema og dens huller.",
    "partnerships network": "Samarbejdsnetværket: centralitet, snitpunkter, broer og komponenter.",
    "partnerships org": "Organisationer i partnerskaberne (virksomheder med CVR-nummer, …).",
    "partnerships org list": "Organisationer: nøgle, navn, type, CVR-nummer, hjemsted og antal partnerskaber.",
    "partnerships org show": "Én organisation og de partnerskaber, den deltager i.",
    "partnerships org add": "Tilføj en organisation; et forkert CVR-nummer eller en ukendt kommune afvises.",
    "partnerships org edit": "Ret felter i en organisation.",
    "strategy status": "Pr. KPI: seneste værdi, mål, krævet og faktisk udvikling, status og kilde.",
    "strategy goals": "Strategiens mål og deres KPI'er med målværdier.",
    "strategy sources": "De installerede KPI-kilder.",
    "strategy asks": "Regionens ønsker til staten: hvornår, afgjort hvornår, vundet eller ej, kilder.",
    "users add": "Opret en konto. Lagerets første konto skal være administrator.",
    "users list": "Alle konti: rolle, kommuner, spærret og API-nøgler (kun id og de første tegn).",
    "users set-role": "Skift en kontos rolle (og en redaktørs kommuner); dens websessioner afsluttes.",
    "users disable": "Spær en konto: den kan ikke logge ind, og dens sessioner og nøgler holder op med at virke.",
    "users enable": "Åbn en spærret konto igen.",
    "users password": "Sæt en kontos adgangskode (dens websessioner afsluttes).",
    "users token": "Udsted en API-nøgle til scripts; den vises denne ene gang.",
    "users revoke-token": "Tilbagekald én af en kontos API-nøgler (--id) eller dem alle.",
    "users roles": "Rettighedstabellen: hvad hver rolle må (alt, egne kommuner eller intet).",
    "audit list": "Hvem ændrede hvad, hvornår og hvorfra; nyeste først.",
    "audit export": "Alle matchende poster som CSV; celler et regneark ville køre som formler skrives som tekst.",
    "report status": "Regionens statusrapport som PDF eller HTML: nøgletal, fælles plan, energi og klima, styrkepositioner, infrastruktur, partnerskaber og alle strategiens KPI'er.",
    "report infra-brief": "Det fælles infrastrukturudspil som PDF eller HTML: den prioriterede liste og en side pr. projekt med kort, nøgletal, gevinster og kilder.",
}


def apply(command, path: str, language: str) -> None:
    """Set the help of `command` (named `path`, e.g. "energy"), its options and arguments, and of
    everything under it to `language`."""
    if "typer.rich_utils" in sys.modules:  # a help page was shown before in this process
        help_labels(language)
    apply_params(command, path, language)
    for name, sub in getattr(command, "commands", {}).items():
        key = f"{path} {name}".strip()
        english = getattr(sub, "_help_en", None)
        if english is None:
            english = sub.help
            sub._help_en = english
        sub.help = HELP_DA.get(key, english) if language == "da" else english
        sub.short_help = None
        apply(sub, key, language)


def apply_params(command, path: str, language: str) -> None:
    """Set the help of the options and arguments of `command` (named `path`) to `language`."""
    for param in parameters(command):
        english = getattr(param, "_help_en", None)
        if english is None:
            english = getattr(param, "help", None)
            param._help_en = english
        if english:
            text = help_da_options.danish(path, param, english) if language == "da" else None
            param.help = text or english
    help_option = _help_option(command)
    if help_option is not None and help_option.callback is not None:
        original = getattr(help_option, "_callback_en", None) or help_option.callback
        help_option._callback_en = original
        help_option.callback = _with_labels(original, language)


# The words typer's help page adds (panel titles, "[default: …]"), in Danish; set only when a help page
# is shown, since loading typer's help module costs every other command start-up time.
LABELS_DA: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "Argumenter",
    "OPTIONS_PANEL_TITLE": "Tilvalg",
    "COMMANDS_PANEL_TITLE": "Kommandoer",
    "DEFAULT_STRING": "[standard: {}]",
    "REQUIRED_LONG_STRING": "[skal angives]",
    "ENVVAR_STRING": "[miljøvariabel: {}]",
    "DEPRECATED_STRING": "(forældet) ",
}
_LABELS_EN: dict[str, str] = {}


def help_labels(language: str) -> None:
    """Put the help page's own words (panel titles, "[default: …]") in `language`."""
    from typer import rich_utils

    if not _LABELS_EN:
        _LABELS_EN.update({name: getattr(rich_utils, name) for name in LABELS_DA})
    for name, english in _LABELS_EN.items():
        setattr(rich_utils, name, LABELS_DA[name] if language == "da" else english)


def _with_labels(callback, language: str):
    """The `--help` callback that first puts the help page's own words in `language`."""
    def show_help(ctx, param, value):
        if value and not ctx.resilient_parsing:
            help_labels(language)
        return callback(ctx, param, value)

    show_help.__wrapped__ = callback
    return show_help


def parameters(command) -> list:
    """The options and arguments of `command`, its `--help` included."""
    help_option = _help_option(command)
    return list(getattr(command, "params", ())) + ([help_option] if help_option is not None else [])


def _help_option(command):
    """The `--help` option of a click command (click makes it on first use; typer ships its own click)."""
    if not hasattr(command, "get_help_option"):
        return None
    return command.get_help_option(command.context_class(command))
