"""The CVR check on real public CVR numbers (check computed by hand here) and on invalid ones."""

import pytest

from trekant.partnerships import cvr

# Real companies' CVR numbers as they print them publicly, with the weighted sum worked out by hand
# (weights 2, 7, 6, 5, 4, 3, 2, 1; valid when the sum is divisible by 11):
REAL = {
    # LEGO A/S, Åstvej 1, 7190 Billund (Det Centrale Virksomhedsregister, cvr.dk)
    "54562519": 5 * 2 + 4 * 7 + 5 * 6 + 6 * 5 + 2 * 4 + 5 * 3 + 1 * 2 + 9 * 1,  # 10+28+30+30+8+15+2+9 = 132 = 12·11
    # Energinet, Tonne Kjærsvej 65, 7000 Fredericia (footer of energinet.dk)
    "28980671": 2 * 2 + 8 * 7 + 9 * 6 + 8 * 5 + 0 * 4 + 6 * 3 + 7 * 2 + 1 * 1,  # 4+56+54+40+0+18+14+1 = 187 = 17·11
    # Novo Nordisk A/S, Novo Allé 1, 2880 Bagsværd (its website's imprint)
    "24256790": 2 * 2 + 4 * 7 + 2 * 6 + 5 * 5 + 6 * 4 + 7 * 3 + 9 * 2 + 0 * 1,  # 4+28+12+25+24+21+18+0 = 132 = 12·11
}


@pytest.mark.parametrize("number,expected_sum", REAL.items())
def test_real_cvr_numbers_pass(number, expected_sum):
    assert expected_sum % 11 == 0
    assert cvr.weighted_sum(number) == expected_sum
    assert cvr.is_valid(number) and cvr.problem(number) is None


@pytest.mark.parametrize("text", ["DK54562519", "dk 54 56 25 19", "5456-2519"])
def test_spacing_and_vat_prefix_are_tolerated(text):
    assert cvr.normalise(text) == "54562519" and cvr.is_valid(text)


@pytest.mark.parametrize("text,reason", [
    ("54562518", "modulus-11"),        # last digit changed: 132 − 1 = 131, not divisible by 11
    ("28980672", "modulus-11"),        # 187 + 1 = 188
    ("01234567", "first digit"),       # 0·2+1·7+2·6+3·5+4·4+5·3+6·2+7·1 = 84: fails anyway, but 0 first is named
    ("05456251", "first digit"),
    ("5456251", "8 digits"),           # 7 digits
    ("545625190", "8 digits"),         # 9 digits
    ("5456251X", "8 digits"),
    ("", "8 digits"),
])
def test_invalid_numbers_are_refused_with_the_reason(text, reason):
    assert not cvr.is_valid(text)
    assert reason in cvr.problem(text)


def test_a_number_with_a_zero_first_digit_is_refused_even_when_its_sum_divides():
    # 0·2 + 1·7 + 0·6 + 0·5 + 0·4 + 0·3 + 2·2 + 0·1 = 11 — divisible, but a CVR never starts with 0
    assert cvr.weighted_sum("01000020") == 11
    assert "first digit" in cvr.problem("01000020")
