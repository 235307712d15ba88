"""Configuration from the environment (prefix TREKANT_), so the CLI, the web app and tests agree.

Every setting is documented in docs/settings.md; a test fails when one is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

STORE_FILENAME = "trekant.gpkg"


class Settings(BaseSettings):
    """Settings read from TREKANT_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="TREKANT_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("trekant", appauthor=False)),
        description="Folder holding the embedded GeoPackage store.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; postgresql+psycopg://… selects PostGIS. "
        "Unset: the GeoPackage file trekant.gpkg in data_dir.",
    )
    language: Literal["da", "en"] = Field(
        default="da", description="Language of pages and reports (Danish by default)."
    )
    actor: str = Field(
        default="cli", description="Name written to the audit log for changes made by this process."
    )
    max_upload_mb: float = Field(
        default=50.0, gt=0, le=10_000,
        description="Largest request body (an uploaded plan file) the web application accepts, in MB; larger gets 413.",
    )
    shared_engine: bool = Field(
        default=False,
        description="Keep one database engine (connection pool) per process for reading instead of one "
        "per use case; the web server turns it on for its workers.",
    )

    @property
    def store_path(self) -> Path:
        """Path of the embedded GeoPackage file (meaningful only for the SQLite backend)."""
        return self.data_dir / STORE_FILENAME

    @property
    def store_url(self) -> str:
        """The effective database URL."""
        return self.database_url or f"sqlite:///{self.store_path}"

    @property
    def is_postgis(self) -> bool:
        return self.store_url.startswith("postgresql")


def get_settings() -> Settings:
    """Fresh settings each call, so tests that change the environment see it."""
    return Settings()
