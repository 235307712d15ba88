"""The field lists of Plandata's layers as real exports carry them (for real-shaped test data).

Lokalplan: the 326 fields of a public copy of `theme_pdk_lokalplan_forslag_v` (the core fields,
then 26 fields for each of the ten sub-uses anvspec1..10, then abestem1..3), in that order.
Delområde: the same fields with the delområde's own `lokplan_id` (its lokalplan) and `delnr`.
Kommuneplanramme: the core fields, `anvspec1..n` and the frame's own (`komplan_id`, `komtil_id`,
`fremtidigzonestatus`, `fzone`); the status is `planstatus` (shared/data/README.md).
Zonekort: as `theme_pdk_zonekort_v` is read in public scripts: planid, komnr, dataprod,
kommunenavn, zonestatus, zone.
"""

LOKALPLAN_CORE = (
    "planid", "komnr", "objektkode", "plantype", "plannr", "plannavn", "anvgen", "datoforsl", "datovedt", "datoaflyst",
    "datoikraft", "datostart", "datoslut", "datoattr", "datogeom", "doklink", "distrikt", "zone", "bebygpct", "bebygpctaf",
    "bebygpctar", "m3_m2", "maxetager", "maxbygnhjd", "minmiljo", "maxmiljo", "bevarbest", "bebyggrad", "mingrund",
    "dataprod", "digigrundl", "digigrundd", "datooprt", "datoopdt", "anvendelsegenerel", "kommunenavn", "zonestatus",
    "planstatus", "megawatt", "vvmredeg", "sforhold", "minuds", "eareal", "earealh", "m3_m2h", "ianvreg", "izonereg",
    "iomfangreg", "iudstykreg", "kompleks", "kbeskriv", "vindbeskriv", "udstykforbud", "statsplan", "sforaktuel",
    "maxboligenhed", "udstykantal", "maxuds", "udstykningsplan", "bygpctarh", "bygm2", "bygm2h", "fuldtbyg",
)
SUB_USE = (
    "anvspec", "bygpct", "bygpcth", "eareal", "earealh", "m3_m2", "m3_m2h", "maxbhjd", "maxetage", "bygpctar", "bygpctarh",
    "bygm2", "bygm2h", "minuds", "udstykfb", "fuldtbyg", "plankap", "plankapia", "forvprod", "forvprodia", "maxboligenhed",
    "udstykantal", "maxuds", "antal", "datoudloeb", "fleksibel",
)
LOKALPLAN_FIELDS = (*LOKALPLAN_CORE, *(f"{name}{i}" for i in range(1, 11) for name in SUB_USE),
                    "abestem1", "abestem2", "abestem3")
DELOMRAADE_FIELDS = ("planid", "lokplan_id", "delnr", *LOKALPLAN_FIELDS[1:])
KOMMUNEPLANRAMME_FIELDS = (
    "planid", "komnr", "objektkode", "plantype", "plannr", "plannavn", "anvgen", "anvspec1", "anvspec2", "anvspec3",
    "fzone", "fremtidigzonestatus", "zone", "zonestatus", "bebygpct", "bebygpctaf", "maxetager", "maxbygnhjd", "minuds",
    "minmiljo", "maxmiljo", "planstatus", "datoforsl", "datovedt", "datoikraft", "datoaflyst", "datooprt", "datoopdt",
    "komplan_id", "komtil_id", "sforhold", "anvendelsegenerel", "kommunenavn", "doklink",
)
ZONEKORT_FIELDS = ("planid", "komnr", "dataprod", "kommunenavn", "zonestatus", "zone")
FIELDS = {"lokalplan": LOKALPLAN_FIELDS, "delomraade": DELOMRAADE_FIELDS, "kommuneplanramme": KOMMUNEPLANRAMME_FIELDS,
          "zonekort": ZONEKORT_FIELDS}


def properties(kind: str, **values) -> dict:
    """Every field of the layer, None unless given (a real export writes them all, most empty)."""
    unknown = set(values) - set(FIELDS[kind])
    assert not unknown, f"not a field of {kind}: {unknown}"
    return {name: values.get(name) for name in FIELDS[kind]}
