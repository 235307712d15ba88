"""Configuration from the environment (prefix TREKANT_), so the CLI, the web app and tests agree.

Every setting is documented in docs/settings.md; a test fails when one is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
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
    session_idle_minutes: int = Field(
        default=30, ge=1, description="A web session ends after this many minutes without a request."
    )
    session_absolute_hours: int = Field(
        default=12, ge=1, description="A web session ends this many hours after sign-in, however busy."
    )
    login_max_failures: int = Field(
        default=5, ge=1, description="Failed sign-ins per account within the window before HTTP 429 "
        "(an address may fail four times as often)."
    )
    login_window_minutes: int = Field(
        default=15, ge=1, description="The window in which failed sign-ins are counted, and how long a lock lasts."
    )
    password_min_length: int = Field(
        default=12, ge=8, description="Shortest password an account may be given."
    )
    token: SecretStr | None = Field(
        default=None, description="API token the CLI signs in with when it writes through a server store "
        "(TREKANT_DATABASE_URL set)."
    )
    shared_engine: bool = Field(
        default=False,
        description="Keep one database engine (connection pool) per process for reading instead of one "
        "per use case; the web server turns it on for its workers.",
    )
    max_input_mb: float = Field(
        default=500.0, gt=0, description="Largest file or download (MB) an import or fetch reads; "
        "larger input is refused with a message instead of filling the memory."
    )
    fetch_deadline_s: float = Field(
        default=300.0, gt=0, description="Longest time (s) one fetch request may take in all, "
        "however slowly the server answers."
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
