"""File formats of Statistics Denmark (StatBank CSV, PC-Axis, JSON-stat) and the StatBank API."""
