"""The `trekant` command: one group per domain, plus `init` at the top.

Each group's module is imported only when that group runs (`LazyCommand`): `trekant --version`
and `trekant --help` then answer without loading pandas, GeoPandas, SciPy or PyPSA, and
`trekant region show` loads what the region needs and nothing of the energy model.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import typer
from typer.core import TyperGroup

from trekant import __version__
from trekant.cli import help_da
from trekant.cli.common import help_language, set_language
from trekant.store.audit import set_origin


@dataclass(frozen=True)
class Entry:
    """A command of the root group: where it lives and its one-line help in Danish and English."""

    module: str
    attribute: str
    help_da: str
    help_en: str


COMMANDS: dict[str, Entry] = {
    "init": Entry("trekant.cli.region", "init_command",
                  "Byg lageret fra regionens data (igen: opdaterer uden at fordoble).",
                  "Build the store from the region's data (again: refreshes, never duplicates)."),
    "region": Entry("trekant.cli.region", "app", "Regionen og dens kommuner.", "The region and its municipalities."),
    "plan": Entry("trekant.cli.plan", "app", "Fælles kommuneplan: rammer, tjek på tværs af grænser, arealregnskab.",
                  "Joint municipal plan: frames, cross-border checks, land account."),
    "energy": Entry("trekant.cli.energy", "app", "Energi og klima: CO2-regnskaber, reduktionsstier, energisystem.",
                    "Energy and climate: CO2 accounts, pathways, energy system."),
    "economy": Entry("trekant.cli.economy", "app", "Styrkepositioner og vækst: indikatorer og regionaløkonomi.",
                     "Strengths and growth: indicators and regional economics."),
    "infra": Entry("trekant.cli.infra", "app", "Infrastruktur: portefølje, samfundsøkonomi (CBA), risiko, prioritering.",
                   "Infrastructure advocacy: portfolio, CBA, risk, ranking."),
    "partnerships": Entry("trekant.cli.partnerships", "app",
                          "Offentlig-private partnerskaber: register, finansiering, dækning, samarbejdsnetværk.",
                          "Public-private partnerships: register, funding, coverage, collaboration network."),
    "strategy": Entry("trekant.cli.strategy", "app", "Fælles strategi: mål, KPI'er og status.",
                      "Joint strategy: goals, KPIs and status."),
    "report": Entry("trekant.cli.report", "app",
                    "Rapporter som PDF eller HTML: statusrapporten og det fælles infrastrukturudspil.",
                    "Reports as PDF or HTML: the status report and the joint infrastructure brief."),
    "users": Entry("trekant.cli.users", "app", "Brugerkonti, roller pr. kommune og API-nøgler.",
                   "Accounts, roles per municipality and API tokens."),
    "audit": Entry("trekant.cli.audit", "app", "Revisionsloggen: hvem ændrede hvad, hvornår og hvorfra.",
                   "The audit log: who changed what, when and from where."),
    "serve": Entry("trekant.cli.serve", "serve_command",
                   "Start webapplikationen: sider, JSON-API (/api/) og OGC API Features (/ogc/).",
                   "Serve the web application: pages, JSON API (/api/) and OGC API Features (/ogc/)."),
}


class LazyCommand:
    """Stands in for a root command until it runs: its help is known here, its module loads on use.

    Listing commands in `--help` reads only `name`, `help`, `hidden`, …; anything else (parsing,
    invoking, walking `commands` or `params`) loads the real click command and asks it.
    """

    hidden = False
    deprecated = False
    short_help = None
    rich_help_panel = None

    def __init__(self, name: str, entry: Entry):
        self.name = name
        self._entry = entry
        self._real = None
        self._language = None

    @property
    def help(self) -> str:
        return self._entry.help_en if help_language() == "en" else self._entry.help_da

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.help if len(self.help) <= limit else self.help[: max(limit - 3, 0)] + "..."

    def real(self):
        if self._real is None:
            module = importlib.import_module(self._entry.module)
            target = getattr(module, self._entry.attribute)
            if isinstance(target, typer.Typer):  # a group of commands
                command = typer.main.get_group(target)
            else:  # one command function
                single = typer.Typer(add_completion=False)
                single.command(self.name)(target)
                command = typer.main.get_command(single)
            command.name = self.name
            self._real = command
        language = help_language()
        if self._language != language:  # help in the language of this run (Danish unless --lang en)
            self._real.help = self.help
            help_da.apply(self._real, self.name, language)
            self._language = language
        return self._real

    def __getattr__(self, attribute: str):
        return getattr(self.real(), attribute)


class RootGroup(TyperGroup):
    """The root group: every domain group is a LazyCommand; `--lang` resets with every run."""

    def __init__(self, **attrs):
        super().__init__(**attrs)
        for name, entry in COMMANDS.items():
            self.commands.setdefault(name, LazyCommand(name, entry))

    def main(self, *args, **kwargs):
        set_language(None)
        set_origin("cli")
        return super().main(*args, **kwargs)

    def format_help(self, ctx, formatter) -> None:
        language = "en" if help_language() == "en" else "da"
        self.help = ROOT_HELP[language]
        help_da.apply_params(self, "", language)
        help_da.help_labels(language)
        super().format_help(ctx, formatter)


ROOT_HELP = {
    "da": "trekant: den fælles platform for en byregions kommuner (standard: Trekantområdet Danmark). "
          "Sprog: dansk; engelsk med --lang en eller TREKANT_LANGUAGE=en.",
    "en": "trekant: the joint platform of a city region's municipalities (default: Trekantområdet Danmark). "
          "Language: Danish; English with --lang en or TREKANT_LANGUAGE=en.",
}

app = typer.Typer(
    name="trekant",
    cls=RootGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trekant {__version__}")
        raise typer.Exit()


def _language(value: str | None) -> str | None:
    if value is not None and value not in ("da", "en"):
        raise typer.BadParameter(f"{value!r} is not a language; use da or en")
    set_language(value)
    return value


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
    lang: str = typer.Option(None, "--lang", callback=_language, is_eager=True, metavar="da|en",
                             help="Language of text, tables and help: da or en "
                                  "(default: TREKANT_LANGUAGE, else da)."),
) -> None:
    """trekant: the joint platform of a city region's municipalities."""


def main() -> None:
    app()
