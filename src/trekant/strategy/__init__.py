"""The joint strategy: goals, KPIs with targets, and their status from every domain's KPI sources."""
