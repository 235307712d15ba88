"""Strategy tables: the region's asks to the state (interessevaretagelse) and whether they were won.

An ask names a project of the infrastructure portfolio, the year the region asked for it and,
once it came, the year of the decision or funding; `document` keeps the sources (title,
publisher, year, address, and whether each supports the ask or the decision).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, Table, Text

from trekant.store.schema import metadata

strategy_ask = Table(
    "strategy_ask",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("project_key", Text, nullable=False),  # infra_project.key (no foreign key: the portfolio may be re-imported)
    Column("name", Text, nullable=False),
    Column("asked_year", Integer, nullable=False),
    Column("decided_year", Integer),  # NULL: not (yet) decided or funded
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("document", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)
