"""File formats of the infrastructure domain: project, parameter-set, profile and risk YAML; GIS exports."""
