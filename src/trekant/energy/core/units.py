"""Units of activity data and emission factors, converted so that emissions come out in t CO2e.

Energy is normalised to MWh, emission masses to tonnes. A factor's unit reads
"<mass> <gas>/<denominator>", e.g. "kg CO2/kWh", "kg CO2/TJ", "t CO2e/MWh", "t CO2e/t CO2e".
"""

from __future__ import annotations

import re

ENERGY_TO_MWH = {
    "kwh": 1e-3, "mwh": 1.0, "gwh": 1e3, "twh": 1e6,
    "gj": 1 / 3.6, "tj": 1e3 / 3.6, "pj": 1e6 / 3.6,
}
MASS_TO_T = {"g": 1e-6, "kg": 1e-3, "t": 1.0, "kt": 1e3, "mt": 1e6}
GASES = ("co2e", "co2")

_MASS_OF_GAS = re.compile(r"^\s*(g|kg|t|kt|mt)\s+(co2e?)\s*$", re.IGNORECASE)


class UnitError(ValueError):
    """A unit that is not understood, or two units that do not fit together."""


def _key(unit: str) -> str:
    return unit.strip().lower().replace("₂", "2")


def energy_mwh(quantity: float, unit: str) -> float:
    """An energy quantity in MWh; UnitError for anything that is not an energy unit."""
    factor = ENERGY_TO_MWH.get(_key(unit))
    if factor is None:
        raise UnitError(f"not an energy unit: {unit!r} (use kWh, MWh, GWh, TWh, GJ, TJ or PJ)")
    return quantity * factor


def mass_of_gas_t(unit: str) -> float | None:
    """Tonnes per unit for "t CO2e"-style units, None for anything else."""
    match = _MASS_OF_GAS.match(_key(unit))
    return MASS_TO_T[match.group(1).lower()] if match else None


def is_known_activity_unit(unit: str) -> bool:
    return _key(unit) in ENERGY_TO_MWH or mass_of_gas_t(unit) is not None


def factor_t_per_base(unit: str) -> tuple[float, str]:
    """Split a factor unit into (tonnes per base unit, base) where base is 'mwh' or 't co2e'.

    0.204 "kg CO2/kWh" → multiply the value by 1.0 to get t/MWh; 69,300 "kg CO2/TJ" → by 1/277.8.
    """
    if "/" not in unit:
        raise UnitError(f"an emission factor unit needs a '/': {unit!r} (e.g. 'kg CO2/kWh')")
    numerator, denominator = (part.strip() for part in unit.split("/", 1))
    mass = mass_of_gas_t(numerator)
    if mass is None:
        raise UnitError(f"the numerator of {unit!r} must be a mass of CO2 or CO2e (g, kg, t)")
    if _key(denominator) in ENERGY_TO_MWH:
        return mass / ENERGY_TO_MWH[_key(denominator)], "mwh"
    per_mass = mass_of_gas_t(denominator)
    if per_mass is not None:
        return mass / per_mass, "t co2e"
    raise UnitError(f"the denominator of {unit!r} must be an energy unit or a mass of CO2e")


def factor_gas(unit: str) -> str:
    """'CO2' or 'CO2e': the gas a factor unit counts ('kg CO2/kWh' → 'CO2')."""
    numerator = unit.split("/", 1)[0]
    match = _MASS_OF_GAS.match(_key(numerator))
    if match is None:
        raise UnitError(f"the numerator of {unit!r} must be a mass of CO2 or CO2e (g, kg, t)")
    return "CO2e" if match.group(2).lower() == "co2e" else "CO2"


def emissions_t(quantity: float, activity_unit: str, factor_value: float, factor_unit: str) -> float:
    """Emissions (t CO2e) = activity × factor, after converting both to a common base."""
    per_base, base = factor_t_per_base(factor_unit)
    if base == "mwh":
        return energy_mwh(quantity, activity_unit) * factor_value * per_base
    mass = mass_of_gas_t(activity_unit)
    if mass is None:
        raise UnitError(f"a factor in {factor_unit!r} needs activity in a CO2e mass, not {activity_unit!r}")
    return quantity * mass * factor_value * per_base
