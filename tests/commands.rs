//! The commands on the shipped data. Every expected figure is worked out by hand from the
//! reports in the comment beside it, never copied from the program's output.

mod common;

use common::{approx, cell, coverage, csv_rows, select, stdout_text};
use predicates::prelude::*;

fn csv(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage()
        .args(args)
        .args(["--format", "csv"])
        .assert()
        .success();
    csv_rows(&out.get_output().stdout)
}

#[test]
fn national_growth_2022_to_2023() {
    // Reports 000 and 001: 35,86 juta (2022) -> 41,46 juta (2023).
    // Change 41,460,000 - 35,860,000 = 5,600,000; 5.60 / 35.86 = 15.6163 %.
    let (h, rows) = csv(&["growth", "--branch", "national"]);
    let r = select(
        &h,
        &rows,
        &[
            ("period", "2023"),
            ("measure", "active"),
            ("segment", "all"),
        ],
    );
    assert_eq!(r.len(), 1);
    assert_eq!(cell(&h, r[0], "value"), "41460000");
    assert_eq!(cell(&h, r[0], "base_period"), "2022");
    assert_eq!(cell(&h, r[0], "base_value"), "35860000");
    assert_eq!(cell(&h, r[0], "change"), "5600000");
    assert!(approx(cell(&h, r[0], "change_pct"), 15.6163, 0.0001));
    // 2022 has no earlier figure: no base, no change, not zero.
    let r = select(&h, &rows, &[("period", "2022"), ("measure", "active")]);
    assert_eq!(cell(&h, r[0], "change"), "");
    assert_eq!(cell(&h, r[0], "change_pct"), "");
}

#[test]
fn bali_growth_2022_to_2023() {
    // Report 002: 750 ribu -> 1,027 juta: +277,000; 277 / 750 = 36.9333 %.
    let (h, rows) = csv(&["growth", "--branch", "bali", "--year", "2023"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(cell(&h, &rows[0], "change"), "277000");
    assert!(approx(cell(&h, &rows[0], "change_pct"), 36.9333, 0.0001));
}

#[test]
fn growth_table_is_for_people() {
    coverage()
        .args(["growth", "--branch", "national"])
        .assert()
        .success()
        // Stocks as published ("41,46 juta"); the change is computed: 41,460,000 − 35,860,000.
        .stdout(predicate::str::contains("41.46 million"))
        .stdout(predicate::str::contains("+5,600,000"))
        .stdout(predicate::str::contains("+15.6%"));
}

#[test]
fn bali_coverage_against_bps_employed() {
    // 1,027,000 active (end of 2023) / 2,620,000 employed (BPS, Aug 2023) = 39.1985 %;
    // 750,000 (end of 2022) / 2,610,000 (Aug 2022) = 28.7356 %. The dates differ in both.
    let (h, rows) = csv(&["coverage", "--branch", "bali"]);
    let r = select(&h, &rows, &[("period", "2023")]);
    assert_eq!(cell(&h, r[0], "workforce_period"), "2023-08");
    assert_eq!(cell(&h, r[0], "workforce"), "2620000");
    assert!(approx(cell(&h, r[0], "coverage_pct"), 39.1985, 0.0001));
    assert_eq!(cell(&h, r[0], "periods_differ"), "true");
    let r = select(&h, &rows, &[("period", "2022")]);
    assert!(approx(cell(&h, r[0], "coverage_pct"), 28.7356, 0.0001));
}

#[test]
fn bali_coverage_against_the_labour_force() {
    // 1,027,000 / 2,690,000 labour force (Aug 2023) = 38.1784 %.
    let (h, rows) = csv(&[
        "coverage",
        "--branch",
        "bali",
        "--year",
        "2023",
        "--against",
        "labour-force",
    ]);
    assert_eq!(cell(&h, &rows[0], "denominator"), "labour_force");
    assert!(approx(cell(&h, &rows[0], "coverage_pct"), 38.1784, 0.0001));
}

#[test]
fn branch_coverage_without_a_workforce_says_so() {
    // The reports give no workforce for the Bali Denpasar branch or its districts, and the
    // province is served by more than one branch, so no ratio may be made up.
    let (h, rows) = csv(&["coverage", "--branch", "denpasar"]);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(cell(&h, r, "coverage_pct"), "");
        assert!(cell(&h, r, "note").contains("no "), "{r:?}");
    }
}

#[test]
fn claims_shares_and_averages() {
    // Report 004, Jan-Aug 2023, PU: all programs 21,097 cases, Rp342 miliar; JHT 16,355, Rp281 miliar.
    // Both amounts are "lebih" (more than): lower bounds.
    // JHT: 16,355 / 21,097 = 77.5229 % of cases (exact counts).
    // JHT's share of the amount is no figure (both lower bounds); taking each "lebih" as under
    // one more miliar: 281 / 343 = 81.9242 % to 282 / 342 = 82.4561 %.
    // Rp281,000,000,000 / 16,355 = more than Rp17,181,290.13 per case.
    // Other programs: 21,097 - 16,355 = 4,742 cases; the amount is no figure, only the range
    // 342 - 282 = Rp60 bn to 343 - 281 = Rp62 bn.
    let (h, rows) = csv(&["claims", "--branch", "denpasar"]);
    let jht = select(&h, &rows, &[("program", "jht")])[0];
    assert!(approx(cell(&h, jht, "share_cases_pct"), 77.5229, 0.0001));
    assert_eq!(cell(&h, jht, "share_amount_pct"), "");
    assert_eq!(cell(&h, jht, "share_amount_bound"), "none");
    assert!(approx(
        cell(&h, jht, "share_amount_low_pct"),
        81.9242,
        0.0001
    ));
    assert!(approx(
        cell(&h, jht, "share_amount_high_pct"),
        82.4561,
        0.0001
    ));
    assert_eq!(cell(&h, jht, "amount_bound"), "at_least");
    assert!(approx(cell(&h, jht, "idr_per_case"), 17_181_290.13, 0.01));
    assert_eq!(cell(&h, jht, "per_case_bound"), "at_least");
    let other = select(&h, &rows, &[("program", "other")])[0];
    assert_eq!(cell(&h, other, "cases"), "4742");
    assert_eq!(cell(&h, other, "amount_idr"), "");
    assert_eq!(cell(&h, other, "amount_bound"), "none");
    assert_eq!(cell(&h, other, "amount_low_idr"), "60000000000");
    assert_eq!(cell(&h, other, "amount_high_idr"), "62000000000");
    let all = select(&h, &rows, &[("program", "all")])[0];
    assert_eq!(cell(&h, all, "cases"), "21097");
    assert_eq!(cell(&h, all, "amount_idr"), "342000000000");
}

#[test]
fn targets_gap_and_change_needed() {
    // 2024 annual target 53,86 juta from 41,46 juta at the end of 2023: +12,400,000, which is
    // 12.40 / 41.46 = 29.9083 % (report 000 states "bertambah 12,40 juta").
    // Roadmap 2023: 43,920,000 vs 41,460,000 actual: gap 2,460,000; 41.46 / 43.92 = 94.3989 %.
    let (h, rows) = csv(&["targets", "--branch", "national"]);
    let t = select(&h, &rows, &[("year", "2024"), ("plan", "annual")])[0];
    assert_eq!(cell(&h, t, "required_change"), "12400000");
    assert!(approx(cell(&h, t, "required_pct"), 29.9083, 0.0001));
    assert_eq!(cell(&h, t, "actual"), "");
    let t = select(
        &h,
        &rows,
        &[("year", "2023"), ("plan", "roadmap"), ("measure", "active")],
    )[0];
    assert_eq!(cell(&h, t, "gap"), "2460000");
    assert!(approx(cell(&h, t, "achieved_pct"), 94.3989, 0.0001));
    // Funds targets are shown in rupiah, and nothing is invented for the missing actuals.
    let t = select(&h, &rows, &[("year", "2024"), ("measure", "funds_idr")])[0];
    assert_eq!(cell(&h, t, "target"), "781770000000000");
    assert_eq!(cell(&h, t, "gap"), "");
}

#[test]
fn report_denpasar_shows_the_reports_figures_with_sources() {
    // Report 004: 424.997 active PU and 116.573 active BPU at August 2023.
    coverage()
        .args(["report", "--branch", "denpasar"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Bali Denpasar: branch"))
        .stdout(predicate::str::contains("424,997"))
        .stdout(predicate::str::contains("116,573"))
        .stdout(predicate::str::contains(
            "004_8cab14536efda8f3.txt (bisnisbali.com)",
        ))
        // The 2024 target as published: "433 ribu".
        .stdout(predicate::str::contains("433 thousand"))
        // "Rp 342 miliar rupiah lebih": a lower bound, printed to the miliar as published.
        .stdout(predicate::str::contains("more than Rp342 billion"));
}

#[test]
fn report_csv_is_one_long_table() {
    let (h, rows) = csv(&["report", "--branch", "denpasar"]);
    assert_eq!(
        h,
        [
            "section", "office", "period", "segment", "program", "metric", "label", "value",
            "bound", "low", "high", "unit", "basis", "source"
        ]
    );
    assert!(rows
        .iter()
        .all(|r| r.len() == h.len() && r[1] == "bali-denpasar"));
    let pu = select(
        &h,
        &rows,
        &[
            ("section", "Participants"),
            ("segment", "pu"),
            ("metric", "active"),
        ],
    );
    assert_eq!(cell(&h, pu[0], "value"), "424997");
    assert_eq!(cell(&h, pu[0], "period"), "2023-08");
    let jht = select(
        &h,
        &rows,
        &[("program", "jht"), ("metric", "share_cases_pct")],
    );
    assert!(approx(cell(&h, jht[0], "value"), 77.5229, 0.0001));
}

#[test]
fn every_command_in_every_format() {
    let commands: [&[&str]; 7] = [
        &["offices"],
        &["report", "--branch", "denpasar"],
        &["growth"],
        &["coverage"],
        &["targets"],
        &["claims"],
        &["validate"],
    ];
    for args in commands {
        for format in ["table", "csv", "json", "markdown"] {
            let out = coverage()
                .args(args)
                .args(["--format", format])
                .assert()
                .success();
            let stdout = stdout_text(&out);
            assert!(!stdout.trim().is_empty(), "{args:?} {format}");
            match format {
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid json");
                    assert!(v.is_array(), "{args:?}");
                }
                "csv" => {
                    let (h, rows) = csv_rows(stdout.as_bytes());
                    assert!(rows.iter().all(|r| r.len() == h.len()), "{args:?}");
                    // Machines get plain numbers: no thousands separators in numeric cells.
                    assert!(!stdout.contains("41,460,000"));
                }
                "markdown" if args[0] != "validate" => {
                    assert!(stdout.contains("|---"), "{args:?}")
                }
                _ => {}
            }
        }
    }
}

#[test]
fn json_carries_full_precision_and_nulls() {
    let out = coverage()
        .args(["growth", "--branch", "national", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = v.as_array().unwrap();
    let r2022 = rows.iter().find(|r| r["period"] == "2022").unwrap();
    assert!(r2022["change"].is_null());
    let r2023 = rows.iter().find(|r| r["period"] == "2023").unwrap();
    assert_eq!(r2023["change"], 5_600_000);
    // 5.6 / 35.86 * 100 in full double precision, not rounded to one decimal.
    let pct = r2023["change_pct"].as_f64().unwrap();
    assert!((pct - 5.6 / 35.86 * 100.0).abs() < 1e-9);
}

#[test]
fn offices_hierarchy() {
    let (h, rows) = csv(&["offices"]);
    let d = select(&h, &rows, &[("code", "bali-denpasar")])[0];
    assert_eq!(cell(&h, d, "parent"), "banuspa");
    assert_eq!(cell(&h, d, "level"), "branch");
    // The branch serves five districts (reports 000 and 003).
    assert_eq!(
        select(
            &h,
            &rows,
            &[("parent", "bali-denpasar"), ("level", "district")]
        )
        .len(),
        5
    );
}

#[test]
fn validate_passes_on_the_shipped_data() {
    coverage()
        .arg("validate")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("ok: 11 offices"));
}

#[test]
fn names_match_by_word_and_prefer_branches() {
    // "denpasar" names both the branch Bali Denpasar and the district Kota Denpasar.
    let (h, rows) = csv(&["growth", "--branch", "DENPASAR", "--segment", "pu"]);
    assert!(rows
        .iter()
        .all(|r| cell(&h, r, "office") == "bali-denpasar"));
    assert!(!rows.is_empty());
    coverage()
        .args(["report", "--branch", "surabaya"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no office matches \"surabaya\""))
        .stderr(predicate::str::contains("coverage offices"));
}

#[test]
fn usage_errors_exit_2() {
    coverage()
        .arg("growth")
        .args(["--segment", "formal"])
        .assert()
        .code(2);
    coverage()
        .args(["growth", "--from", "2024", "--to", "2023"])
        .assert()
        .code(2);
    coverage().arg("report").assert().code(2);
    coverage().arg("nonsense").assert().code(2);
}

#[test]
fn data_env_var_is_honoured() {
    coverage()
        .env("COVERAGE_DATA", "/definitely/not/here")
        .arg("offices")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/definitely/not/here: no such directory",
        ));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough rows that the output cannot fit in a pipe buffer, so the write must hit the
    // closed end of the pipe.
    let mut offices = String::from("code,name,level,parent\nn,N,national,\n");
    let mut parts = String::from("office,period,segment,measure,value,source\n");
    for i in 0..3000 {
        offices.push_str(&format!("b{i},Branch {i},branch,n\n"));
        for y in 2015..2024 {
            parts.push_str(&format!("b{i},{y},pu,active,{},s\n", 1000 + i + y as usize));
        }
    }
    let dir = common::only(&offices, &parts);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("coverage"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "growth",
            "--format",
            "csv",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
