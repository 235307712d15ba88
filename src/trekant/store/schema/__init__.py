"""SQLAlchemy Core tables, one module per domain, all on one MetaData.

Each domain adds `store/schema/<domain>.py` defining its tables on `metadata`, and an Alembic
revision in `store/migrations/versions/` on its own branch (down_revision = the foundation).
"""

import importlib
import pkgutil

from sqlalchemy import MetaData, Table

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def all_tables() -> dict[str, Table]:
    """Every trekant table, after importing each domain's schema module."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(metadata.tables)
