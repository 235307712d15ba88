"""Pure functions of the energy domain (no database, no CLI)."""
