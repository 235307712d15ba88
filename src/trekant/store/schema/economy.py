"""Economy tables: how an indicator may be combined, beside the foundation's indicator table."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, Table, Text, false

from trekant.store.schema import metadata

economy_indicator_rule = Table(
    "economy_indicator_rule",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_key", Text, ForeignKey("indicator.key", ondelete="CASCADE"), nullable=False, unique=True),
    # True: a group's value is the sum of its members (persons, jobs). False: a ratio or
    # average (GDP per capita) that is only known for a group if imported under the group key.
    Column("additive", Boolean, nullable=False, default=True),
    Column("classification", Text, nullable=False, default=""),  # e.g. "db07_10" for industry breakdowns
    Column("note", Text, nullable=False, default=""),
    # What the areas of the series are: "residence" (persons by municipality of residence, e.g.
    # LBESK69), "workplace" (jobs or production where the work is done, e.g. regional accounts),
    # or "" when not known. Revision 0401.
    Column("basis", Text, nullable=False, default="", server_default=""),
    # True: the series is seasonally adjusted, so windows between different quarters/months are fair.
    Column("seasonally_adjusted", Boolean, nullable=False, default=False, server_default=false()),
    sqlite_autoincrement=True,
)
