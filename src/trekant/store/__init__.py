"""Storage: SQLAlchemy Core tables shared by the GeoPackage (SQLite) and PostGIS backends."""
