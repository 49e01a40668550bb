//! Tables, markdown and json written as their rows come give the bytes they gave when every
//! row was held first: a branch with a long source (wrapped at 44 characters in a table) and
//! three year ends, 1,000, 1,100 and 1,210 active PU participants. By hand: 2023 is
//! 1,100 - 1,000 = +100, 100 / 1,000 = +10.0 %; 2024 is 1,210 - 1,100 = +110,
//! 110 / 1,100 = +10.0 %; the compound rate since 2022 is (1,210 / 1,000)^(1/2) - 1 = 10.0 %.

mod common;

use common::{coverage, only};

const OFFICES: &str = include_str!("fixtures/drawn/offices.csv");
const PARTICIPANTS: &str = include_str!("fixtures/drawn/participants.csv");

fn growth(args: &[&str]) -> String {
    let dir = only(OFFICES, PARTICIPANTS);
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .args(["growth", "--branch", "kc-timur"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_table_wraps_its_long_source_as_before() {
    let text = growth(&["--format", "table", "--lang", "en"]);
    assert_eq!(text, include_str!("fixtures/drawn/growth.txt"));
    // The 72-character source breaks after "(ANTARA);" into lines of 34 and 37 characters.
    assert!(text.contains("│ 000_51e6aef651c403be.txt (ANTARA);    │\n"));
    assert!(text.contains("│   +100 │   +10.0% │"));
    assert!(text.contains("│   +110 │   +10.0% │ 2022       │    +10.0% │"));
    let id = growth(&["--format", "table", "--lang", "id"]);
    assert_eq!(id, include_str!("fixtures/drawn/growth-id.txt"));
}

#[test]
fn markdown_and_json_as_before() {
    let md = growth(&["--format", "markdown", "--lang", "en"]);
    assert_eq!(md, include_str!("fixtures/drawn/growth.md"));
    // Numbers align right: `--:` under Value, Base value, Change, Change % and CAGR %/yr.
    assert_eq!(md.lines().nth(1).unwrap().matches(":|").count(), 5);
    let json = growth(&["--format", "json"]);
    assert_eq!(json, include_str!("fixtures/drawn/growth.json"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[1]["change"], 100);
    assert_eq!(v[2]["change"], 110);
    assert_eq!(v[2]["cagr_since"], "2022");
}
