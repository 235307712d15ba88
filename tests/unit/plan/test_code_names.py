"""plan.service.code_names: Plandata's codes as words in the reader's language."""

from trekant.plan.service import code_names


def test_general_use_and_status_in_danish_and_english():
    # /work/shared/data/plandata/anvgen.csv and the plan module's status.csv
    da, en = code_names("da"), code_names("en")
    assert da["anvgen"][11] == "Boligområde" and en["anvgen"][11] == "Residential area"
    assert da["anvgen"][31] == "Erhvervsområde" and en["anvgen"][96] == "Other"
    assert da["status"]["V"] == "Vedtaget" and en["status"]["F"] == "Proposal"
    assert sorted(da["anvgen"]) == [11, 21, 31, 41, 51, 61, 71, 81, 91, 96]
