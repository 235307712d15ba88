"""File formats of the energy domain: activity CSV/XLSX, factor tables, scenarios, profiles."""
