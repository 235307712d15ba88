"""A statistics table as read from any format, before it becomes indicator values."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class RawTable:
    """Text cells by dimension plus a value column, and what the file says about itself.

    `alternatives` holds a second spelling of a column's cells (JSON-stat ids beside labels),
    tried when the first does not resolve. `row_label` names a row in problems ("row 7").
    """

    source: str
    frame: pd.DataFrame
    value_column: str
    title: str = ""
    unit: str = ""
    origin: str = ""  # who published it (px SOURCE, JSON-stat source)
    table_id: str = ""  # px MATRIX, StatBank table
    alternatives: dict[str, pd.Series] = field(default_factory=dict)
    row_offset: int = 1  # CSV: header line + 1-based rows → 2
    row_word: str = "row"

    def row_label(self, index: int) -> str:
        return f"{self.row_word} {index + self.row_offset}"
