"""Command-line interface: `trekant <domain> <verb>`, thin over the domain services."""
