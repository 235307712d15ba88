"""The one label lookup every domain's label table goes through."""

from trekant.i18n import lookup

TABLE = {
    "area": {"da": "Areal", "en": "Area"},
    "only_da": {"da": "Kun dansk"},
    "pair": ("Kommune", "Municipality"),
}


def test_dict_and_pair_entries_in_both_languages():
    assert (lookup(TABLE, "area", "da"), lookup(TABLE, "area", "en")) == ("Areal", "Area")
    assert (lookup(TABLE, "pair", "da"), lookup(TABLE, "pair", "en")) == ("Kommune", "Municipality")


def test_falls_back_to_danish_then_to_the_key():
    assert lookup(TABLE, "only_da", "en") == "Kun dansk"
    assert lookup(TABLE, "missing", "en") == "missing"
    assert lookup(TABLE, "area") == "Areal"  # Danish is the default language
