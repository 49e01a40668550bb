//! The README's command examples, run against the binary so the docs cannot drift from it.
//! After checking a change in output by eye: `TRYCMD=overwrite cargo test --test readme`.

#[test]
fn readme_examples() {
    // The examples show the embedded data set in English, whatever the caller's environment says.
    for var in [
        "COVERAGE_CSV_LOCALE",
        "COVERAGE_DATA",
        "COVERAGE_LANG",
        "LANG",
        "LC_ALL",
        "NO_COLOR",
    ] {
        std::env::remove_var(var);
    }
    trycmd::TestCases::new().case("README.md");
}
