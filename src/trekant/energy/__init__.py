"""Energy and climate: CO2 accounts, targets and pathways, and an hourly regional energy system."""
