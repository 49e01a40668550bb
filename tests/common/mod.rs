//! What every CLI test needs: the binary, and scratch data directories.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The standard output of a run already asserted (its exit code checked), as text.
pub fn stdout_text(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).expect("utf-8")
}

/// The `coverage` binary, with the environment cleared of settings that change its output.
pub fn coverage() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("coverage"));
    for var in CLEARED {
        cmd.env_remove(var);
    }
    cmd
}

/// The shipped data directory.
pub fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of the shipped data set with some files replaced (or removed, with `None`).
pub fn data_with(files: &[(&str, Option<&str>)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(shipped()).expect("data dir") {
        let p = entry.expect("entry").path();
        if p.extension().is_some_and(|e| e == "csv") {
            fs::copy(&p, dir.path().join(p.file_name().unwrap())).expect("copy");
        }
    }
    for (name, content) in files {
        let path = dir.path().join(name);
        match content {
            Some(c) => fs::write(&path, c).expect("write"),
            None => {
                let _ = fs::remove_file(&path);
            }
        }
    }
    dir
}

/// A data directory holding only these two files: no claims, targets, workforce or stated figures.
pub fn only(offices: &str, participants: &str) -> TempDir {
    data_with(&[
        ("offices.csv", Some(offices)),
        ("participants.csv", Some(participants)),
        ("claims.csv", None),
        ("targets.csv", None),
        ("workforce.csv", None),
        ("stated.csv", None),
    ])
}

/// Parses a CSV output into its header and rows.
pub fn csv_rows(out: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(out);
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The rows whose named columns have the given values.
pub fn select<'a>(
    header: &[String],
    rows: &'a [Vec<String>],
    want: &[(&str, &str)],
) -> Vec<&'a Vec<String>> {
    let idx = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    rows.iter()
        .filter(|r| want.iter().all(|(k, v)| r[idx(k)] == *v))
        .collect()
}

/// One cell of a row by column name.
pub fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &row[i]
}

pub fn approx(s: &str, want: f64, tol: f64) -> bool {
    s.parse::<f64>().is_ok_and(|v| (v - want).abs() <= tol)
}

/// Environment variables that change the binary's output, removed for every test.
const CLEARED: [&str; 8] = [
    "COVERAGE_CSV_LOCALE",
    "COVERAGE_DATA",
    "COVERAGE_LANG",
    "COVERAGE_THREADS",
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "NO_COLOR",
];

/// The binary as a plain process, for tests that need its pipes (a reader that closes early,
/// a full disk).
pub fn coverage_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("coverage"));
    for var in CLEARED {
        cmd.env_remove(var);
    }
    cmd
}

/// A copy of the shipped data set, to change in a test.
pub fn data_dir() -> TempDir {
    data_with(&[])
}

/// The shipped data set overlaid with `tests/fixtures/<name>/`. A fixture file named `absent`
/// lists shipped files to leave out; a directory stands in for a file of its name.
pub fn fixture(name: &str) -> TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    assert!(src.is_dir(), "no fixture {}", src.display());
    let dir = data_with(&[]);
    for entry in fs::read_dir(&src).expect("fixture dir") {
        let entry = entry.expect("entry");
        let to = dir.path().join(entry.file_name());
        if entry.file_name() == "absent" {
            let names = fs::read_to_string(entry.path()).expect("absent");
            for f in names.split_whitespace() {
                fs::remove_file(dir.path().join(f)).expect("remove");
            }
        } else if entry.path().is_dir() {
            let _ = fs::remove_file(&to);
            fs::create_dir(&to).expect("create dir");
        } else {
            fs::copy(entry.path(), &to).expect("copy");
        }
    }
    dir
}
