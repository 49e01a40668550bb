//! Output that is safe to open in a spreadsheet, and `--output` that never leaves a
//! half-written file or touches an input.

mod common;

use std::fs;
use std::io::Read;
use std::process::Stdio;

use common::{coverage, coverage_process, data_dir, fixture};

/// The csv line of `offices --format csv` for one office code, cut after the depth column.
fn office_line(csv: &str, code: &str) -> String {
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{code},")))
        .unwrap_or_else(|| panic!("no {code} in {csv}"));
    // code,name,level,parent,depth: the note after it is long prose.
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let rec = rdr.records().next().unwrap().unwrap();
    rec.iter().take(5).collect::<Vec<_>>().join("|")
}

#[test]
fn formula_like_office_names_are_neutralised_in_csv() {
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert_eq!(
        office_line(&csv, "bali"),
        "bali|'=HYPERLINK(\"http://example.invalid\",\"Bali\")|province|banuspa|2"
    );
    assert_eq!(
        office_line(&csv, "kota-denpasar"),
        "kota-denpasar|'+62 Kota Denpasar|district|bali-denpasar|3"
    );
    assert_eq!(
        office_line(&csv, "badung"),
        "badung|'-Badung|district|bali-denpasar|3"
    );
    assert_eq!(
        office_line(&csv, "tabanan"),
        "tabanan|'@SUM(A1:A9)|district|bali-denpasar|3"
    );
    // Names are trimmed when read, so a leading tab never reaches the output.
    assert_eq!(
        office_line(&csv, "jembrana"),
        "jembrana|Jembrana|district|bali-denpasar|3"
    );
}

#[test]
fn no_sanitize_keeps_text_as_it_is() {
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv", "--no-sanitize"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert_eq!(
        office_line(&csv, "badung"),
        "badung|-Badung|district|bali-denpasar|3"
    );
}

#[test]
fn negative_changes_stay_numbers() {
    // Bali falls from 750,000 (2022) to 700,000 (2023): 700,000 − 750,000 = −50,000, and
    // −50,000 / 750,000 × 100 = −6.666...%. The office name beside them is neutralised.
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["growth", "--branch", "bali", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut rdr = csv::Reader::from_reader(&out[..]);
    let headers = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let get = |r: &csv::StringRecord, name: &str| {
        r[headers.iter().position(|h| h == name).unwrap()].to_string()
    };
    let r = rows.iter().find(|r| get(r, "period") == "2023").unwrap();
    assert_eq!(
        get(r, "office_name"),
        "'=HYPERLINK(\"http://example.invalid\",\"Bali\")"
    );
    assert_eq!(get(r, "change"), "-50000");
    let pct: f64 = get(r, "change_pct").parse().unwrap();
    assert!((pct - -50_000.0 / 750_000.0 * 100.0).abs() < 1e-9, "{pct}");
}

#[test]
fn json_and_tables_are_not_neutralised() {
    let dir = fixture("formula-names");
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"name\": \"-Badung\""));
}

#[test]
fn bom_starts_csv_output_when_asked() {
    let out = coverage()
        .args(["offices", "--format", "csv", "--bom"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"\xEF\xBB\xBFcode,name,"));
    let out = coverage()
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"code,name,"));
}

#[test]
fn bom_with_another_format_is_a_usage_error() {
    coverage()
        .args(["--bom", "offices"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: --bom applies to --format csv only\n");
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("offices.csv");
    fs::write(&target, "old contents\n").unwrap();
    coverage()
        .args(["offices", "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let written = fs::read_to_string(&target).unwrap();
    let to_stdout = coverage()
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(written.as_bytes(), &to_stdout[..]);
    // Nothing else is left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_run_leaves_the_output_file_as_it_was() {
    let data = fixture("thousands-dots");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("growth.csv");
    fs::write(&target, "yesterday's figures\n").unwrap();
    coverage()
        .arg("--data")
        .arg(data.path())
        .args(["growth", "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "yesterday's figures\n"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn output_over_an_input_file_is_refused() {
    let data = data_dir();
    let input = data.path().join("participants.csv");
    let before = fs::read(&input).unwrap();
    coverage()
        .arg("--data")
        .arg(data.path())
        .args(["growth", "--format", "csv", "--output"])
        .arg(&input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: is the input file {}; coverage never writes to its input files\n  hint: name another file with --output\n",
            input.display(),
            input.display()
        ));
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn output_into_a_missing_directory_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("out.csv");
    coverage()
        .args(["offices", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: cannot write {}: No such file or directory (os error 2)\n",
            target.display()
        ));
}

#[test]
fn output_flag_works_before_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("o.csv");
    coverage()
        .args(["--format", "csv", "-o"])
        .arg(&target)
        .arg("offices")
        .assert()
        .success();
    assert!(fs::read_to_string(&target)
        .unwrap()
        .starts_with("code,name,"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // 10,000 offices print far more than a pipe holds, so the writes meet the closed end.
    let dir = tempfile::tempdir().unwrap();
    let mut offices = String::from("code,name,level,parent\n");
    for i in 0..10_000 {
        offices.push_str(&format!("o{i},Office {i},branch,\n"));
    }
    fs::write(dir.path().join("offices.csv"), offices).unwrap();
    fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,value,source\n",
    )
    .unwrap();
    let mut child = coverage_process()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err, "");
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_full_disk_is_an_error_with_exit_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let out = coverage_process()
        .args(["offices", "--format", "csv"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
}
