"""Shipped parameter sets: the published Finance Ministry values, each carried by a source."""

import csv
from pathlib import Path

import pytest

from trekant.errors import InputError
from trekant.infrastructure.io.params import SOURCED_FIELDS, builtin_names, load_params, params_dir


def test_fm2023_is_the_2023_guidance():
    """Finansministeriet, 22 June 2023: 3.5 % years 0–35, 2.5 % 36–70, 1.5 % after; NAF 1.28; tax distortion 1."""
    p = load_params("fm2023")
    assert [(b.from_year, b.to_year, b.rate) for b in p.discount_rates] == [(1, 35, 0.035), (36, 70, 0.025), (71, None, 0.015)]
    assert (p.net_tax_factor, p.tax_distortion_factor, p.operation_years) == (1.28, 1.0, 50)


def test_fm2017_is_the_earlier_guidance():
    """Finansministeriet 2013: 4 %, 3 %, 2 %. Finansministeriet, news of 28 August 2017 "Ny vejledning i
    samfundsøkonomiske konsekvensvurderinger": "Skatteforvridningsfaktoren sænkes fra 20 til 10 procent",
    so the factor is 1.1. The net tax factor 1.325 was not checked against the 2017 text: unverified."""
    p = load_params("fm2017")
    assert [b.rate for b in p.discount_rates] == [0.04, 0.03, 0.02]
    assert p.tax_distortion_factor == 1.1
    [source] = [s for s in p.sources if "tax_distortion_factor" in s.supports]
    assert source.url == "https://fm.dk/nyheder/nyhedsarkiv/2017/august/ny-vejledning-i-samfundsoekonomiske-konsekvensvurderinger/"
    assert "tax_distortion_factor" not in p.unverified and "net_tax_factor" in p.unverified


def test_the_params_listing_says_unverified_next_to_the_value():
    from typer.testing import CliRunner

    from trekant.cli.main import app

    text = CliRunner().invoke(app, ["infra", "params", "fm2017"]).stdout
    assert "net tax factor 1.325 (unverified)" in text and "tax distortion 1.1;" in text


@pytest.mark.parametrize("name", ["fm2023", "fm2017"])
def test_no_source_cites_an_internal_note(name):
    for source in load_params(name).sources:
        assert not any(w in source.title.lower() for w in ("readme", "trekant issue", "as cited")), source.title
        assert source.url.startswith(("https://", "http://")), source.title


def test_co2_alternatives_are_offered_for_the_fm2023_sensitivity():
    """FM 22 June 2023: sensitivity analyses at alternative CO2e prices for every project with climate effects."""
    p = load_params("fm2023")
    assert {"half", "double"} <= set(p.co2_alternatives)
    assert all(uv.illustrative for uv in p.co2_alternatives.values())


@pytest.mark.parametrize("name", ["fm2023", "fm2017"])
def test_every_core_parameter_carries_a_source(name):
    p = load_params(name)
    for field in SOURCED_FIELDS:
        backing = [s for s in p.sources if field in s.supports]
        assert backing, field
        assert all(s.title and s.publisher and s.year for s in backing)
    assert any(s.url.startswith("https://") for s in p.sources if "discount_rates" in s.supports)


@pytest.mark.parametrize("name", ["fm2023", "fm2017"])
def test_price_index_is_the_mean_of_the_shipped_monthly_cpi(name):
    """The annual index must be the average of Statistics Denmark's twelve monthly values."""
    p = load_params(name)
    with (params_dir() / "cpi_dst_monthly_2015_2023.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            months = [float(row[f"m{m:02d}"].replace(",", ".")) for m in range(1, 13)]
            assert p.price_index[int(row["year"])] == pytest.approx(sum(months) / 12, abs=0.006)
    assert p.price_index[2015] == 100.0  # the reference year of the index


def test_unit_values_say_they_are_illustrative():
    p = load_params("fm2023")
    assert p.unit_values and all(uv.illustrative for uv in p.unit_values.values())


def test_unknown_parameter_set_names_the_known_ones():
    with pytest.raises(InputError) as err:
        load_params("fm1999")
    assert "unknown parameter set 'fm1999'" in str(err.value)
    for name in builtin_names():
        assert name in str(err.value)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
name: mine
title: mine
price_year: 2022
net_tax_factor: 1.2
tax_distortion_factor: 1.0
discount_rates:
  - {from_year: 1, to_year: 10, rate: 0.04}
  - {from_year: 11, rate: 0.03}
sources:
  - {id: 1, title: t, publisher: p, year: 2020, supports: [discount_rates, net_tax_factor, tax_distortion_factor]}
"""


def test_a_users_own_file_loads_by_path(tmp_path):
    p = load_params(str(_write(tmp_path, GOOD)))
    assert p.name == "mine" and p.discount_rates[1].rate == 0.03


@pytest.mark.parametrize("edit, field", [
    (("from_year: 11", "from_year: 12"), "discount_rates.1.from_year"),
    (("{from_year: 11, rate: 0.03}", "{from_year: 11, to_year: 20, rate: 0.03}"), "discount_rates.1.to_year"),
    (("supports: [discount_rates, net_tax_factor, tax_distortion_factor]", "supports: [discount_rates]"), "net_tax_factor"),
    (("net_tax_factor: 1.2", "net_tax_factor: -1"), "net_tax_factor"),
    (("title: mine", "title: mine\ncolour: red"), "colour"),
    (("price_year: 2022\n", ""), "price_year"),
])
def test_bad_parameter_files_name_the_field(tmp_path, edit, field):
    with pytest.raises(InputError) as err:
        load_params(str(_write(tmp_path, GOOD.replace(*edit))))
    assert field in {i.field for i in err.value.issues}


def test_broken_yaml_is_one_clear_line(tmp_path):
    with pytest.raises(InputError) as err:
        load_params(str(_write(tmp_path, "name: [unclosed\n")))
    assert "not valid YAML" in str(err.value)


def test_the_unit_price_template_names_a_catalogue_entry_for_every_unit_value(tmp_path):
    """No public documentation describes the cell layout of Transportøkonomiske Enhedspriser, so trekant
    ships a template instead of a loader: unfilled, it names each missing value and where to take it from;
    filled in, it loads as a parameter set."""
    import yaml

    from trekant.infrastructure.cba import ITEMS
    from trekant.infrastructure.io.params import template_path

    doc = yaml.safe_load(template_path().read_text(encoding="utf-8"))
    assert set(doc["unit_values"]) == {item.unit_value for item in ITEMS}
    assert all(uv["catalogue_entry"] for uv in doc["unit_values"].values())
    with pytest.raises(InputError) as caught:
        load_params(str(template_path()))
    fields = {i.field for i in caught.value.issues}
    assert {f"unit_values.{k}" for k in doc["unit_values"]} <= fields
    assert any("take it from: Tidsværdier" in i.message for i in caught.value.issues)
    for uv in doc["unit_values"].values():
        uv.update(value=1.0, illustrative=False)
    filled = tmp_path / "filled.yaml"
    filled.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    p = load_params(str(filled))
    assert p.unit_values["labour_supply_dkk_per_commuting_h"].catalogue_entry.startswith("Arbejdsudbudseffekt")
