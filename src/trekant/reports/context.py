"""What every section builder shares: the settings, the language, the figure folder, the
visibility rule, the progress callback and the demo findings collected for the first page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trekant.reports import labels
from trekant.reports.figures import FigureFolder
from trekant.settings import Settings

Progress = Callable[..., None]  # progress(step_name, total=None): one step done (total: all steps, once known)


def quiet(_step: str, total: int | None = None) -> None:
    pass


@dataclass
class BuildContext:
    settings: Settings  # settings.language is the document's language
    folder: Path
    published_only: bool = True
    year: int | None = None
    progress: Progress = quiet
    demo_parts: list[str] = field(default_factory=list)  # what in the document is demo, for the first page
    figures: FigureFolder = field(init=False)

    def __post_init__(self):
        self.figures = FigureFolder(self.folder)

    @property
    def language(self) -> str:
        return self.settings.language

    def t(self, key: str, **values) -> str:
        return labels.text(key, self.language, **values)

    def num(self, value: float | None, decimals: int = 0) -> str:
        return labels.num(value, self.language, decimals)

    def pct(self, share: float | None, decimals: int = 1) -> str:
        return labels.pct(share, self.language, decimals)

    def pct_value(self, value_pct: float | None, decimals: int = 1, signed: bool = True) -> str:
        return labels.pct_value(value_pct, self.language, decimals, signed)

    def mdkk(self, value_dkk: float | None, decimals: int = 0) -> str:
        return labels.mdkk(value_dkk, self.language, decimals)

    def fmt(self, decimals: int = 0) -> Callable[[float], str]:
        """An axis formatter in the document's notation."""
        return lambda value: labels.num(value, self.language, decimals)

    def demo(self, flag: bool, what: str) -> bool:
        """Record a demo part of the document (named on the first page); return the flag."""
        if flag and what not in self.demo_parts:
            self.demo_parts.append(what)
        return bool(flag)
