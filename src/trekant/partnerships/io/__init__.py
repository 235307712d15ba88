"""Partnership formats: the YAML document, CSV tables and an XLSX workbook."""
