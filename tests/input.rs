//! Bad and awkward input, one fixture each (tests/fixtures/), with the exact message or the
//! figures it must be read as. Every figure is worked out by hand from the fixture.

mod common;

use std::fs;
use std::io::Write;

use common::{coverage, data_dir, fixture};
use serde_json::Value;
use tempfile::TempDir;

/// Runs `args` on `dir` and expects exit 2, no output and exactly `expected` on stderr,
/// where `{dir}` stands for the data directory.
fn fails(dir: &TempDir, args: &[&str], expected: &str) {
    let expected = expected.replace("{dir}", &dir.path().display().to_string());
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(expected);
}

/// Runs `validate` on `dir` and expects exit 1 and exactly `expected` on stdout.
fn invalid(dir: &TempDir, args: &[&str], expected: &str) {
    let expected = expected.replace("{dir}", &dir.path().display().to_string());
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .args(args)
        .assert()
        .code(1)
        .stdout(expected)
        .stderr("");
}

/// The rows a command prints with `--format json`.
fn json(dir: &TempDir, args: &[&str]) -> Vec<Value> {
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Vec<Value>>(&out).unwrap()
}

/// The one row whose fields have the given values.
fn row<'a>(rows: &'a [Value], key: &[(&str, &str)]) -> &'a Value {
    let found: Vec<&Value> = rows
        .iter()
        .filter(|r| key.iter().all(|(k, v)| r[k].as_str() == Some(v)))
        .collect();
    assert_eq!(found.len(), 1, "rows matching {key:?}: {rows:#?}");
    found[0]
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

/// The records in each shipped file (offices, participants, claims, targets, workforce,
/// stated), counted here with the csv crate rather than taken from the program.
fn shipped_counts() -> [usize; 6] {
    [
        "offices",
        "participants",
        "claims",
        "targets",
        "workforce",
        "stated",
    ]
    .map(|f| {
        let path = common::shipped().join(format!("{f}.csv"));
        csv::Reader::from_path(path).unwrap().records().count()
    })
}

/// What `validate` says of a data set that reads cleanly with these record counts.
fn ok_line(n: [usize; 6]) -> String {
    format!(
        "ok: {} offices, {} participant, {} claim, {} target, {} workforce and {} stated rows; no problems\n",
        n[0], n[1], n[2], n[3], n[4], n[5]
    )
}

/// The shipped data set (or a fixture holding the same records) read cleanly.
fn shipped_ok() -> String {
    ok_line(shipped_counts())
}

fn reads_cleanly(dir: &TempDir, args: &[&str], expected: &str) {
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .args(args)
        .assert()
        .success()
        .stdout(expected.to_string())
        .stderr("");
}

/// Bali's active participants grew from 750,000 (2022) to 1,027,000 (2023): a change of
/// 1,027,000 − 750,000 = 277,000, or 277,000 / 750,000 × 100 = 36.9333...%.
fn bali_growth_is_read(dir: &TempDir, args: &[&str]) {
    let mut a = vec!["growth", "--branch", "bali"];
    a.extend_from_slice(args);
    let rows = json(dir, &a);
    let r = row(&rows, &[("office", "bali"), ("period", "2023")]);
    assert_eq!(r["value"], 1_027_000);
    assert_eq!(r["base_value"], 750_000);
    assert_eq!(r["change"], 277_000);
    close(&r["change_pct"], 277_000.0 / 750_000.0 * 100.0);
}

// ---- delimiters, BOM, line ends, headers ----------------------------------------------

#[test]
fn semicolons_with_bom_and_crlf_load_by_default() {
    let dir = fixture("semicolon-bom-crlf");
    reads_cleanly(&dir, &[], &shipped_ok());
    bali_growth_is_read(&dir, &[]);
    bali_growth_is_read(&dir, &["--delimiter", "auto"]);
}

#[test]
fn semicolons_read_with_a_comma_delimiter_say_so() {
    fails(
        &fixture("semicolon-bom-crlf"),
        &["--delimiter", ",", "offices"],
        "error: {dir}/participants.csv:1: found \"office;period;segment;measure;value;source;published;note\", \
expected a header row separated by ',', the delimiter asked for
  hint: the file looks ';'-separated: try --delimiter ';' or --delimiter auto
",
    );
}

#[test]
fn tab_separated_loads_by_detection() {
    let dir = fixture("tab-separated");
    reads_cleanly(&dir, &[], &shipped_ok());
    bali_growth_is_read(&dir, &[]);
}

#[test]
fn ambiguous_header_is_refused_not_guessed() {
    // The header is office,period,segment,measure,value;source;published;note: four commas
    // and three semicolons.
    fails(
        &fixture("ambiguous-delimiter"),
        &["offices"],
        "error: {dir}/participants.csv:1: cannot detect the delimiter: the header line contains 4 × ',' and 3 × ';'
  hint: name it with --delimiter
",
    );
}

#[test]
fn header_names_ignore_case_and_surrounding_spaces() {
    let dir = fixture("header-case-spaces");
    reads_cleanly(&dir, &[], &shipped_ok());
    bali_growth_is_read(&dir, &[]);
}

#[test]
fn quoted_delimiters_and_newlines_keep_line_numbers_true() {
    // Row 1 spans lines 2-4 (its note holds two newlines), national 2023 is line 5, and the
    // bad Bali 2022 row is line 6.
    fails(
        &fixture("quoted-newlines"),
        &["offices"],
        "error: {dir}/participants.csv:6:2 (period): found \"2022-13\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)
  hint: e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023
",
    );
}

#[test]
fn crlf_line_ends_keep_line_numbers_true() {
    // Row 1 spans lines 2-3 (a CRLF inside its quoted note), national 2023 is line 4 and the
    // bad Bali 2022 row line 5.
    fails(
        &fixture("crlf-line-numbers"),
        &["offices"],
        "error: {dir}/participants.csv:5:2 (period): found \"2022-13\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)
  hint: e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023
",
    );
}

#[test]
fn bare_cr_line_ends_are_read() {
    // Header, national 2022, national 2023, then the bad Bali 2022 row on line 4.
    fails(
        &fixture("mac-cr"),
        &["offices"],
        "error: {dir}/participants.csv:4:2 (period): found \"2022-13\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)
  hint: e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023
",
    );
}

#[test]
fn trailing_blank_lines_and_empty_rows_are_ignored() {
    for name in ["trailing-blank-lines", "blank-rows-inside"] {
        let dir = fixture(name);
        reads_cleanly(&dir, &[], &shipped_ok());
        bali_growth_is_read(&dir, &[]);
    }
}

#[test]
fn delimiter_flag_works_before_and_after_the_command() {
    // A fixed delimiter applies to every file: rewrite the whole shipped set with ';'.
    let dir = data_dir();
    for f in fs::read_dir(dir.path()).unwrap() {
        let p = f.unwrap().path();
        let text = fs::read_to_string(&p).unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(vec![]);
        w.write_record(rdr.headers().unwrap()).unwrap();
        for r in rdr.records() {
            w.write_record(&r.unwrap()).unwrap();
        }
        fs::write(&p, w.into_inner().unwrap()).unwrap();
    }
    reads_cleanly(&dir, &["--delimiter", ";"], &shipped_ok());
    coverage()
        .args(["--delimiter", ";", "--data"])
        .arg(dir.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(shipped_ok());
    bali_growth_is_read(&dir, &["--delimiter", ";"]);
}

#[test]
fn bad_delimiter_value_is_a_usage_error() {
    coverage()
        .args(["--delimiter", "|", "offices"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "invalid value '|' for '--delimiter <CHAR>': expected ',', ';', '\\t' (or tab) or auto",
        ));
}

// ---- numbers ----------------------------------------------------------------------------

#[test]
fn indonesian_numbers_with_decimal_comma() {
    // 35.860.000 = 35,860,000; 41,46 juta = 41.46 × 1,000,000 = 41,460,000;
    // 750 ribu = 750 × 1,000 = 750,000; 1,027 juta = 1.027 × 1,000,000 = 1,027,000.
    let dir = fixture("decimal-comma");
    reads_cleanly(&dir, &["--decimal-comma"], &shipped_ok());
    bali_growth_is_read(&dir, &["--decimal-comma"]);
    let rows = json(&dir, &["growth", "--branch", "national", "--decimal-comma"]);
    let r = row(&rows, &[("period", "2023")]);
    assert_eq!(r["value"], 41_460_000);
    assert_eq!(r["base_value"], 35_860_000);
    // 41,460,000 − 35,860,000 = 5,600,000; 5.6 / 35.86 × 100 = 15.6163...%
    assert_eq!(r["change"], 5_600_000);
    close(&r["change_pct"], 5.6 / 35.86 * 100.0);
}

#[test]
fn a_whole_indonesian_export_with_mixed_files() {
    // participants.csv and stated.csv ';' + BOM + CRLF with Indonesian numbers; the rest plain.
    let dir = fixture("indonesian-export");
    reads_cleanly(&dir, &["--decimal-comma"], &shipped_ok());
    bali_growth_is_read(&dir, &["--decimal-comma"]);
}

#[test]
fn decimal_comma_flag_works_after_the_command() {
    let dir = fixture("decimal-comma");
    coverage()
        .arg("validate")
        .arg("--data")
        .arg(dir.path())
        .arg("--decimal-comma")
        .assert()
        .success()
        .stdout(shipped_ok());
}

#[test]
fn indonesian_thousands_without_the_flag_suggest_it() {
    fails(
        &fixture("thousands-dots"),
        &["growth"],
        "error: {dir}/participants.csv:5:5 (value): found \"1.027.000\", expected a whole number of zero or more
  hint: this looks like Indonesian number writing ('.' for thousands, ',' for decimals): try --decimal-comma
",
    );
}

#[test]
fn rupiah_and_scale_words_in_claims() {
    // Rp342 miliar = 342 × 10^9; Rp 281.000.000.000 = 281 × 10^9; 21.097 and 16.355 cases.
    let dir = fixture("scale-words");
    let rows = json(&dir, &["claims", "--decimal-comma"]);
    let all = row(&rows, &[("program", "all")]);
    assert_eq!(all["amount_idr"], 342_000_000_000i64);
    assert_eq!(all["cases"], 21_097);
    let jht = row(&rows, &[("program", "jht")]);
    assert_eq!(jht["amount_idr"], 281_000_000_000i64);
    assert_eq!(jht["cases"], 16_355);
    // The rest: 21,097 − 16,355 = 4,742 cases. Both amounts are "lebih" (lower bounds), so
    // their difference is no figure; taking "lebih" as under one more miliar it lies between
    // 342 − 282 = 60 and 343 − 281 = 62 miliar.
    let other = row(&rows, &[("program", "other")]);
    assert_eq!(other["amount_idr"], serde_json::Value::Null);
    assert_eq!(other["amount_bound"], "none");
    assert_eq!(other["amount_low_idr"], 60_000_000_000i64);
    assert_eq!(other["amount_high_idr"], 62_000_000_000i64);
    assert_eq!(other["cases"], 4_742);
}

#[test]
fn scale_word_with_a_fraction_that_is_whole() {
    // 433,5 ribu = 433.5 × 1,000 = 433,500.
    let dir = fixture("scale-word-fraction");
    let rows = json(
        &dir,
        &["targets", "--branch", "bali-denpasar", "--decimal-comma"],
    );
    assert_eq!(
        row(&rows, &[("plan", "annual"), ("measure", "new")])["target"],
        433_500
    );
}

#[test]
fn a_count_that_would_need_rounding_is_refused() {
    // 1,0270005 juta = 1,027,000.5: not a whole number of people.
    fails(
        &fixture("rounding-refused"),
        &["--decimal-comma", "growth"],
        "error: {dir}/participants.csv:5:5 (value): found \"1,0270005 juta\", expected a whole number of zero or more
  hint: a count must be whole; a figure that needs rounding is not read as one
",
    );
}

#[test]
fn english_grouping_under_decimal_comma_is_refused() {
    fails(
        &fixture("english-under-decimal-comma"),
        &["--decimal-comma", "growth"],
        "error: {dir}/participants.csv:5:5 (value): found \"1,027,000\", expected a whole number of zero or more
  hint: with --decimal-comma, '.' groups thousands and ',' marks decimals: 1.027.000 or 39,41
",
    );
}

#[test]
fn stated_percentages_with_decimal_comma() {
    // stated.csv gives Bali's 2023 coverage as 39,41 (persen).
    let dir = fixture("stated-decimal-comma");
    let mut problems = coverage::load::Problems::new(10);
    let ds = coverage::load::load(
        &coverage::load::DataSource::Dir(dir.path().to_path_buf()),
        coverage::load::ReadOptions {
            delimiter: None,
            decimal_comma: true,
            threads: 1,
        },
        &mut problems,
    );
    assert!(problems.is_empty(), "{:?}", problems.kept);
    let bali = ds.offices.iter().position(|o| o.code == "bali").unwrap();
    let coverage_2023: Vec<f64> = ds
        .stated
        .iter()
        .filter(|s| {
            s.office == bali
                && s.metric == coverage::model::StatedMetric::CoveragePct
                && s.period == Some(coverage::model::Period::Year(2023))
        })
        .map(|s| s.value)
        .collect();
    assert_eq!(coverage_2023, vec![39.41]);
    // Without the flag each of the file's 10 decimals is refused, with the hint.
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with(format!(
            "{}/stated.csv:2:5 (value): found \"15,89\", expected a decimal number
  hint: this looks like Indonesian number writing ('.' for thousands, ',' for decimals): try --decimal-comma
",
            dir.path().display()
        )))
        .stdout(predicates::str::ends_with("\n10 problems found\n"));
}

#[test]
fn overflow_is_refused() {
    // 9,223,372,036,854,775,808 is one more than the largest i64.
    fails(
        &fixture("overflow"),
        &["growth"],
        "error: {dir}/participants.csv:3:5 (value): found \"9223372036854775808\", expected a whole number of zero or more
  hint: the number is too large (the limit is 9,223,372,036,854,775,807)
",
    );
}

#[test]
fn negative_count_is_refused() {
    fails(
        &fixture("negative-value"),
        &["growth"],
        "error: {dir}/participants.csv:4:5 (value): found \"-750000\", expected a whole number of zero or more
  hint: counts and amounts cannot be negative
",
    );
}

// ---- shape of rows and files -------------------------------------------------------------

#[test]
fn ragged_rows_are_each_reported() {
    invalid(
        &fixture("ragged-rows"),
        &[],
        "{dir}/participants.csv:4: found \"5 fields\", expected 8 fields, one per header column
  hint: every row needs a cell for every column, even if empty
{dir}/participants.csv:5: found \"10 fields\", expected 8 fields, one per header column
  hint: a value containing the delimiter must be quoted: \"1,027,000\"
2 problems found
",
    );
}

#[test]
fn an_unclosed_quote_is_named() {
    fails(
        &fixture("unterminated-quote"),
        &["offices"],
        "error: {dir}/participants.csv:11:5 (value): a quote opened here is never closed: the rest of the file would be read as one cell
  hint: close the quote, or write a quote inside a quoted cell twice: \"\"
",
    );
}

#[test]
fn empty_file() {
    fails(
        &fixture("empty-file"),
        &["offices"],
        "error: {dir}/participants.csv: the file is empty: expected a header row
  hint: the header row is: office,period,segment,measure,value,source
",
    );
}

#[test]
fn a_file_holding_only_a_bom_is_empty() {
    fails(
        &fixture("bom-only"),
        &["offices"],
        "error: {dir}/participants.csv: the file is empty: expected a header row
  hint: the header row is: office,period,segment,measure,value,source
",
    );
}

#[test]
fn header_only_file_reads_as_no_rows() {
    reads_cleanly(
        &fixture("header-only"),
        &[],
        &ok_line({
            let mut n = shipped_counts();
            n[1] = 0;
            n
        }),
    );
}

#[test]
fn missing_required_file() {
    fails(
        &fixture("missing-offices"),
        &["offices"],
        "error: {dir}/offices.csv: required file not found
  hint: a data directory holds offices.csv and participants.csv (claims.csv, targets.csv, workforce.csv, stated.csv optional)
",
    );
}

#[test]
fn a_directory_where_a_file_should_be() {
    fails(
        &fixture("directory-as-file"),
        &["offices"],
        "error: {dir}/claims.csv: is a directory, not a CSV file\n",
    );
}

#[test]
fn missing_column() {
    fails(
        &fixture("missing-column"),
        &["offices"],
        "error: {dir}/participants.csv:1: missing column \"source\"
  hint: the header row must name office,period,segment,measure,value,source
",
    );
}

#[test]
fn misspelled_column() {
    fails(
        &fixture("misspelled-column"),
        &["offices"],
        "error: {dir}/participants.csv:1:3 (segmen): found \"segmen\", expected one of the columns office, period, segment, measure, value, source, program, published, note, bound or reading
  hint: participants.csv does not have this column; remove it or correct its name
{dir}/participants.csv:1: missing column \"segment\"
  hint: the header row must name office,period,segment,measure,value,source
",
    );
}

#[test]
fn duplicate_column() {
    fails(
        &fixture("duplicate-column"),
        &["offices"],
        "error: {dir}/participants.csv:1:8 (value): found \"value\", expected a column name used once (it is also column 5)
  hint: remove or rename one of the two columns
",
    );
}

#[test]
fn unnamed_empty_columns_are_ignored() {
    let dir = fixture("unnamed-empty-columns");
    reads_cleanly(&dir, &[], &shipped_ok());
    bali_growth_is_read(&dir, &[]);
}

#[test]
fn a_value_under_an_unnamed_column_is_refused() {
    // The fourth line (bali 2022) has 1027000 in the tenth column, which has no name.
    fails(
        &fixture("unnamed-column-with-data"),
        &["growth"],
        "error: {dir}/participants.csv:4:10 (column 10): found \"1027000\", expected an empty cell: the column has no name in the header row
  hint: name the column in the header row if it belongs there, or move the value to its column
",
    );
}

// ---- encodings -----------------------------------------------------------------------------

#[test]
fn windows_1252_export_names_line_and_column() {
    // Line 7 is Badung, whose name holds an en dash (0x96 in Windows-1252).
    fails(
        &fixture("windows-1252"),
        &["offices"],
        "error: {dir}/offices.csv:7:2 (name): found \"Kabupaten Badung \u{fffd} Kuta Selatan\", expected text in UTF-8
  hint: re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))
",
    );
}

#[test]
fn utf16_export_is_named() {
    fails(
        &fixture("utf-16"),
        &["offices"],
        "error: {dir}/participants.csv: the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8
  hint: re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))
",
    );
}

// ---- codes, keys and the office tree ---------------------------------------------------------

#[test]
fn unknown_segment() {
    fails(
        &fixture("unknown-segment"),
        &["growth"],
        "error: {dir}/participants.csv:6:3 (segment): found \"formal\", expected one of pu, bpu, jakon, pmi or all\n",
    );
}

#[test]
fn unknown_measure() {
    fails(
        &fixture("unknown-measure"),
        &["growth"],
        "error: {dir}/participants.csv:8:4 (measure): found \"baru\", expected one of active, registered, new, employers_active, employers_registered or employers_new\n",
    );
}

#[test]
fn unknown_office() {
    fails(
        &fixture("unknown-office"),
        &["growth"],
        "error: {dir}/participants.csv:6:1 (office): found \"denpasar-utara\", expected the code of an office listed in offices.csv
  hint: add the office to offices.csv, or correct the code
",
    );
}

#[test]
fn bad_period() {
    fails(
        &fixture("bad-period"),
        &["growth"],
        "error: {dir}/participants.csv:5:2 (period): found \"2023/12\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)
  hint: e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023
",
    );
}

#[test]
fn target_for_a_month() {
    fails(
        &fixture("target-month"),
        &["targets"],
        "error: {dir}/targets.csv:2:2 (year): found \"2024-08\", expected a year written YYYY
  hint: targets are set per year
",
    );
}

#[test]
fn duplicate_participant_row() {
    fails(
        &fixture("duplicate-participant"),
        &["growth"],
        "error: {dir}/participants.csv:11: the same office, period, segment and measure twice (first on line 5)
  hint: keep one row per key; correct or remove one of them
",
    );
}

#[test]
fn duplicate_office_code_differing_in_case() {
    fails(
        &fixture("duplicate-office-code"),
        &["offices"],
        "error: {dir}/offices.csv:13:1 (code): found \"Badung\", expected a code not used before (it is also on line 7)
  hint: office codes are unique, compared without case
",
    );
}

#[test]
fn blank_office_code() {
    fails(
        &fixture("blank-code"),
        &["offices"],
        "error: {dir}/offices.csv:12:1 (code): found \"\", expected an office code
  hint: every office needs a code
",
    );
}

#[test]
fn parent_cycle() {
    fails(
        &fixture("parent-cycle"),
        &["offices"],
        "error: {dir}/offices.csv:6:4 (parent): found \"badung\", expected a parent that leads up to the top office
  hint: the parents form a cycle: kota-denpasar -> badung -> kota-denpasar
",
    );
}

#[test]
fn unknown_parent() {
    fails(
        &fixture("unknown-parent"),
        &["offices"],
        "error: {dir}/offices.csv:12:4 (parent): found \"kanwil-jatim\", expected the code of another office in this file, or empty for the top
  hint: the parent office must be listed in offices.csv too
",
    );
}

#[test]
fn a_refused_office_is_reported_once() {
    // Banuspa's row is refused; its children and the figures naming it are not reported again.
    fails(
        &fixture("bad-partial"),
        &["offices"],
        "error: {dir}/offices.csv:3:5 (partial): found \"ya\", expected yes, no or empty
  hint: yes: only some of the office's children are listed
",
    );
}

#[test]
fn every_problem_of_a_row_is_reported() {
    invalid(
        &fixture("several-in-a-row"),
        &[],
        "{dir}/participants.csv:7:2 (period): found \"Agustus 2023\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)
  hint: e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023
{dir}/participants.csv:7:5 (value): found \"116.573 orang\", expected a whole number of zero or more
2 problems found
",
    );
}

#[test]
fn validate_lists_every_problem_up_to_max() {
    // 60 rows, each with the unknown segment "formal", on lines 2 to 61.
    let dir = fixture("many-problems");
    let line = |l: u64| {
        format!("{{dir}}/participants.csv:{l}:3 (segment): found \"formal\", expected one of pu, bpu, jakon, pmi or all\n")
    };
    let mut want: String = (2..=4).map(line).collect();
    want.push_str("... and 57 more\n60 problems found\n");
    invalid(&dir, &["--max", "3"], &want);
    // The default lists 50: lines 2 to 51, and 10 more.
    let mut want: String = (2..=51).map(line).collect();
    want.push_str("... and 10 more\n60 problems found\n");
    invalid(&dir, &[], &want);
}

#[test]
fn other_commands_show_twenty_problems_and_point_to_validate() {
    let dir = fixture("many-problems");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("growth")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 21, "{text}");
    assert!(text.ends_with("... and 40 more problems (run `coverage validate` to list them all)\n"));
}

// ---- size and depth ---------------------------------------------------------------------------

#[test]
fn ten_thousand_deep_office_chain() {
    // o0 is the top; each o{i} is the parent of o{i+1}, so o9999 sits at depth 9,999.
    let dir = tempfile::tempdir().unwrap();
    let mut offices = String::from("code,name,level,parent\n");
    for i in 0..10_000 {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("o{}", i - 1)
        };
        offices.push_str(&format!("o{i},Office {i},branch,{parent}\n"));
    }
    fs::write(dir.path().join("offices.csv"), offices).unwrap();
    fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,value,source\n\
         o9999,2022,all,active,100,s\n\
         o9999,2023,all,active,150,s\n",
    )
    .unwrap();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 10_001);
    assert_eq!(
        text.lines().last(),
        Some("o9999,Office 9999,branch,o9998,no,")
    );
    // For people, indentation stops at 12 levels and the depth is written out past them.
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("offices")
        .assert()
        .success()
        .stdout(predicates::str::contains(format!(
            "{}(9999) Office 9999 ",
            "  ".repeat(12)
        )));
    // 150 − 100 = 50, 50 / 100 × 100 = 50%.
    let rows = json(&dir, &["growth", "--branch", "o9999"]);
    let r = row(&rows, &[("period", "2023")]);
    assert_eq!(r["change"], 50);
    close(&r["change_pct"], 50.0);
    // A cycle through all 10,000 is found without overflowing the stack.
    let mut offices = fs::read_to_string(dir.path().join("offices.csv")).unwrap();
    offices = offices.replacen("o0,Office 0,branch,\n", "o0,Office 0,branch,o9999\n", 1);
    fs::write(dir.path().join("offices.csv"), offices).unwrap();
    fails(
        &dir,
        &["offices"],
        "error: {dir}/offices.csv:2:4 (parent): found \"o9999\", expected a parent that leads up to the top office
  hint: the parents form a cycle of 10000 offices: o0 -> o9999 -> o9998 -> o9997 -> o9996 -> o9995 ...
",
    );
}

#[test]
fn fifty_megabyte_field() {
    // A 50 MB note loads; a 50 MB value is refused with a shortened quote.
    let dir = data_dir();
    let big = "x".repeat(50 * 1024 * 1024);
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("offices.csv"))
        .unwrap();
    writeln!(f, "big,Big office,district,bali-denpasar,,{big}").unwrap();
    drop(f);
    reads_cleanly(
        &dir,
        &[],
        &ok_line({
            let mut n = shipped_counts();
            n[0] += 1;
            n
        }),
    );
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("participants.csv"))
        .unwrap();
    writeln!(f, "big,2023,all,active,{big},s,,,").unwrap();
    drop(f);
    fails(
        &dir,
        &["growth"],
        &format!(
            "error: {{dir}}/participants.csv:11:5 (value): found \"{}\"... (52428800 bytes), expected a whole number of zero or more\n",
            "x".repeat(60)
        ),
    );
}

#[test]
fn an_unclosed_quote_in_the_last_column_is_not_swallowed() {
    // Line 11 opens a quote in its eighth cell (note) and nothing closes it: line 12 would
    // have been read into that note and validate would have said ok.
    let dir = fixture("unclosed-quote-last-column");
    invalid(
        &dir,
        &[],
        "{dir}/participants.csv:11:8 (note): a quote opened here is never closed: the rest of the file would be read as one cell
  hint: close the quote, or write a quote inside a quoted cell twice: \"\"
1 problem found
",
    );
    fails(
        &dir,
        &["growth"],
        "error: {dir}/participants.csv:11:8 (note): a quote opened here is never closed: the rest of the file would be read as one cell
  hint: close the quote, or write a quote inside a quoted cell twice: \"\"
",
    );
}

#[test]
fn a_first_line_without_end_is_refused_after_a_mebibyte() {
    // 3 MB of commas and then 3 MB of NUL bytes (what a link to /dev/zero gives), no line end.
    for byte in [b',', 0u8] {
        let dir = data_dir();
        fs::write(dir.path().join("claims.csv"), vec![byte; 3 << 20]).unwrap();
        fails(
            &dir,
            &["claims"],
            "error: {dir}/claims.csv: the first line runs past 1 MiB without a line end: not a CSV file of a data set
",
        );
    }
}

#[test]
fn a_row_past_the_limit_is_refused_where_it_starts() {
    // A 70 MB cell on line 4 of claims.csv (its header and two rows before it), no line end.
    let dir = data_dir();
    let path = dir.path().join("claims.csv");
    let kept: Vec<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .take(3)
        .map(str::to_string)
        .collect();
    let mut text = kept.join("\n");
    text.push_str("\nbali,2023,all,jht,1,");
    text.push_str(&"9".repeat(70 << 20));
    fs::write(&path, text).unwrap();
    fails(
        &dir,
        &["claims"],
        "error: {dir}/claims.csv:4: a row longer than 64 MiB: rows are refused past that length
  hint: a row this long is not a record of a data set; is a quote left open above it?
",
    );
}

#[cfg(unix)]
#[test]
fn an_endless_fifo_is_refused_not_read_forever() {
    // A FIFO fed NUL bytes for as long as it is read, as a link to /dev/zero would be.
    let dir = data_dir();
    let fifo = dir.path().join("claims.csv");
    fs::remove_file(&fifo).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let block = vec![0u8; 64 * 1024];
            while f.write_all(&block).is_ok() {}
        })
    };
    fails(
        &dir,
        &["claims"],
        "error: {dir}/claims.csv: the first line runs past 1 MiB without a line end: not a CSV file of a data set\n",
    );
    writer.join().unwrap();
}

#[cfg(unix)]
#[test]
fn a_duplicate_in_a_fifo_is_reported_from_one_read() {
    // The duplicate-participant fixture (line 11 repeats line 5) through a FIFO, written once:
    // the file cannot be read a second time to find the first line, and is not opened again.
    let dir = fixture("duplicate-participant");
    let path = dir.path().join("participants.csv");
    let text = fs::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = std::thread::spawn(move || {
        let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
        let _ = f.write_all(&text);
    });
    fails(
        &dir,
        &["growth"],
        "error: {dir}/participants.csv:11: the same office, period, segment and measure twice (first on an earlier line)
  hint: keep one row per key; correct or remove one of them
",
    );
    writer.join().unwrap();
}

#[test]
fn control_and_invisible_characters_in_codes_are_refused() {
    // Each row adds one character to a code that would otherwise read: the office code ends
    // in e + U+0301 (not NFC), then a zero-width space, a NUL, a right-to-left override and
    // a C1 NEL (which `trim` alone would have taken as white space) in a program code and in
    // the parent of the office on line 14.
    let dir = fixture("invisible-in-codes");
    let hide = "  hint: such characters hide in pasted text and change how it prints; remove it\n";
    let expected = [
        r#"{dir}/offices.csv:13:1 (code): found "denpasar-e\u{301}", expected a code in composed form, NFC (U+0301 COMBINING ACUTE ACCENT at character 11)
  hint: the code looks like another but is written with other code points; retype it
"#
        .to_string(),
        format!(r#"{{dir}}/offices.csv:14:4 (parent): found "bali\u{{85}}", expected a code without control or invisible characters (U+0085 NEXT LINE at character 5)
{hide}"#),
        format!(r#"{{dir}}/participants.csv:11:3 (segment): found "pu\u{{200b}}", expected a code without control or invisible characters (U+200B ZERO WIDTH SPACE at character 3)
{hide}"#),
        format!(r#"{{dir}}/participants.csv:12:4 (measure): found "active\0", expected a code without control or invisible characters (U+0000 NULL at character 7)
{hide}"#),
        format!(r#"{{dir}}/participants.csv:13:1 (office): found "bali\u{{202e}}", expected a code without control or invisible characters (U+202E RIGHT-TO-LEFT OVERRIDE at character 5)
{hide}"#),
        format!(r#"{{dir}}/claims.csv:4:4 (program): found "jht\u{{85}}", expected a code without control or invisible characters (U+0085 NEXT LINE at character 4)
{hide}"#),
    ]
    .concat();
    invalid(&dir, &[], &format!("{expected}6 problems found\n"));
    fails(&dir, &["growth"], &format!("error: {expected}"));
}

#[test]
fn control_and_invisible_characters_in_text_are_validate_findings() {
    // A zero-width space in a name, an ESC in a note and a BEL in a source: validate lists
    // them (exit 1); the figures still read, so the other commands run.
    let dir = fixture("invisible-in-names");
    let hide = "  hint: such characters hide in pasted text and change how it prints; remove it\n";
    invalid(
        &dir,
        &[],
        &format!(
            r#"{{dir}}/offices.csv:13:2 (name): found "Gianyar\u{{200b}}", expected text without control or invisible characters (U+200B ZERO WIDTH SPACE at character 8)
{hide}{{dir}}/offices.csv:13:6 (note): found "Kabupaten \u{{1b}}[31mGianyar", expected text without control or invisible characters (U+001B ESCAPE at character 11)
{hide}{{dir}}/participants.csv:11:6 (source): found "s\u{{7}}", expected text without control or invisible characters (U+0007 BELL at character 2)
{hide}3 problems found
"#
        ),
    );
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("offices")
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn office_codes_differing_in_look_alike_letters_are_a_finding() {
    // Line 13 adds "bаli" with a Cyrillic а (U+0430); "bali" is on line 4.
    let dir = fixture("look-alike-codes");
    invalid(
        &dir,
        &[],
        r#"{dir}/offices.csv:13:1 (code): found "bаli", expected a code that cannot be mistaken for another: it looks like "bali" (line 4)
  hint: the two differ only in look-alike letters (U+0430 CYRILLIC SMALL LETTER A); retype one
1 problem found
"#,
    );
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("offices")
        .assert()
        .code(0);
}

#[cfg(unix)]
#[test]
fn a_socket_in_place_of_a_file_is_refused_unread() {
    // A socket made in the test's own folder stands for any file that is not read to an end
    // (a character device such as /dev/zero is refused the same way).
    let dir = data_dir();
    let path = dir.path().join("targets.csv");
    fs::remove_file(&path).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(&path).unwrap();
    fails(
        &dir,
        &["targets"],
        "error: {dir}/targets.csv: is a socket, not a CSV file: it is not read
  hint: name a directory of regular files with --data
",
    );
}
