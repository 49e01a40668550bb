//! For the people who present the figures: Indonesian output, the audit of stated figures,
//! pacing toward a target, ranking and threshold checks. Every expected figure is worked out
//! by hand in the comment beside it.

mod common;

use std::path::PathBuf;

use common::{approx, cell, coverage, csv_rows, select};
use predicates::prelude::*;

/// A small data set with monthly figures (tests/fixtures/monthly):
///   kc-alpha active: 2023-06 90,000; 2023 (year end) 100,000; 2024-06 130,000;
///            targets: 2023 active 100,000; 2024 active 150,000; employed (2023-08) 400,000.
///   kc-beta  active: 2022 70,000; 2023 80,000 (year ends only); new 2024-08: 32,000;
///            targets: 2024 active 90,000; 2024 new 60,000; employed (2023-08) 250,000.
///   kc-gamma no figures.
fn monthly() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/monthly")
}

fn csv_in(data: Option<&PathBuf>, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut cmd = coverage();
    if let Some(d) = data {
        cmd.arg("--data").arg(d);
    }
    let out = cmd.args(args).args(["--format", "csv"]).assert().success();
    csv_rows(&out.get_output().stdout)
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("utf-8")
}

// ---------------------------------------------------------------- pacing

#[test]
fn a_stock_target_on_track() {
    // kc-alpha 2024: 100,000 at the 2023 year end, 130,000 at the end of June 2024.
    // Pace so far (130,000 - 100,000) / 6 = 5,000 a month; needed (150,000 - 130,000) / 6 =
    // 3,333.33 a month; projected 130,000 + 6 x 5,000 = 160,000 >= 150,000: on track.
    // Reached after (150,000 - 100,000) / 5,000 = 10 months: October.
    let d = monthly();
    let (h, rows) = csv_in(
        Some(&d),
        &["targets", "--branch", "alpha", "--year", "2024"],
    );
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(cell(&h, r, "actual_period"), "2024-06");
    assert_eq!(cell(&h, r, "gap"), "20000");
    // 130,000 / 150,000 = 86.6667 %
    assert!(approx(cell(&h, r, "achieved_pct"), 86.6667, 0.0001));
    assert_eq!(cell(&h, r, "status"), "on track");
    assert!(approx(cell(&h, r, "pace_per_month"), 5000.0, 1e-9));
    assert!(approx(cell(&h, r, "needed_per_month"), 3333.3333, 0.0001));
    assert!(approx(cell(&h, r, "projected"), 160_000.0, 1e-9));
    assert_eq!(cell(&h, r, "on_track"), "true");
    assert_eq!(cell(&h, r, "reach_month"), "10");
}

#[test]
fn a_flow_target_behind_and_a_year_with_only_year_ends() {
    // kc-beta new 2024: 32,000 added January-August. Pace 32,000 / 8 = 4,000 a month; needed
    // (60,000 - 32,000) / 4 = 7,000; projected 32,000 + 4 x 4,000 = 48,000 < 60,000: behind,
    // and 60,000 / 4,000 = 15 months: not within the year.
    let d = monthly();
    let (h, rows) = csv_in(Some(&d), &["targets", "--branch", "beta"]);
    let r = select(&h, &rows, &[("measure", "new")]);
    assert_eq!(cell(&h, r[0], "status"), "behind");
    assert!(approx(cell(&h, r[0], "pace_per_month"), 4000.0, 1e-9));
    assert!(approx(cell(&h, r[0], "needed_per_month"), 7000.0, 1e-9));
    assert!(approx(cell(&h, r[0], "projected"), 48_000.0, 1e-9));
    assert_eq!(cell(&h, r[0], "reach_month"), "");
    // Active participants are known only at year ends (2022, 2023): no pace, no month, but
    // the change the year needs: 90,000 - 80,000 = 10,000.
    let r = select(&h, &rows, &[("measure", "active")]);
    assert_eq!(cell(&h, r[0], "status"), "only year ends known");
    assert_eq!(cell(&h, r[0], "pace_per_month"), "");
    assert_eq!(cell(&h, r[0], "projected"), "");
    assert_eq!(cell(&h, r[0], "required_change"), "10000");
}

#[test]
fn a_finished_year_is_complete() {
    // kc-alpha 2023: 100,000 at the year end against a target of 100,000: met, 100 %.
    let d = monthly();
    let (h, rows) = csv_in(
        Some(&d),
        &["targets", "--branch", "alpha", "--year", "2023"],
    );
    assert_eq!(cell(&h, &rows[0], "status"), "year complete: target met");
    assert!(approx(cell(&h, &rows[0], "achieved_pct"), 100.0, 1e-9));
}

#[test]
fn the_shipped_national_target_has_only_year_ends() {
    // National active participants are known for the 2022 and 2023 year ends only.
    let (h, rows) = csv_in(None, &["targets", "--branch", "national", "--year", "2024"]);
    let r = select(&h, &rows, &[("plan", "annual"), ("measure", "active")]);
    assert_eq!(cell(&h, r[0], "status"), "only year ends known");
    assert_eq!(cell(&h, r[0], "pace_per_month"), "");
}

#[test]
fn the_report_says_where_a_target_stands() {
    let d = monthly();
    let (h, rows) = csv_in(Some(&d), &["report", "--branch", "alpha", "--year", "2024"]);
    let r = select(&h, &rows, &[("section", "Targets"), ("metric", "status")]);
    assert_eq!(cell(&h, r[0], "value"), "on track");
    let r = select(
        &h,
        &rows,
        &[("section", "Targets"), ("metric", "reach_month")],
    );
    assert_eq!(cell(&h, r[0], "value"), "2024-10");
    coverage()
        .arg("--data")
        .arg(&d)
        .args(["report", "--branch", "alpha", "--year", "2024"])
        .assert()
        .success()
        .stdout(predicate::str::contains("on track"))
        .stdout(predicate::str::contains("Oct 2024"));
}

#[test]
fn pacing_in_indonesian() {
    let d = monthly();
    let out = stdout_of(coverage().arg("--data").arg(&d).args([
        "--lang", "id", "targets", "--branch", "alpha", "--year", "2024",
    ]));
    for want in [
        "Proyeksi akhir tahun",
        "sesuai rencana",
        "Oktober 2024",
        "160.000",
        "3.333",
        "5.000",
        "86,7%",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
}

// ---------------------------------------------------------------- rank

#[test]
fn rank_by_growth_best_first_with_the_period() {
    // kc-alpha: 130,000 (2024-06) vs 90,000 (2023-06): +44.4444 %.
    // kc-beta: 80,000 (2023) vs 70,000 (2022): +14.2857 %. kc-gamma: no figure, listed last.
    let d = monthly();
    let (h, rows) = csv_in(Some(&d), &["rank", "--by", "growth"]);
    let codes: Vec<&str> = rows.iter().map(|r| cell(&h, r, "office")).collect();
    assert_eq!(codes, ["kc-alpha", "kc-beta", "kc-gamma"]);
    assert_eq!(cell(&h, &rows[0], "rank"), "1");
    assert!(approx(cell(&h, &rows[0], "value"), 44.4444, 0.0001));
    assert_eq!(cell(&h, &rows[0], "period"), "2024-06");
    assert_eq!(cell(&h, &rows[0], "basis"), "vs 2023-06");
    assert!(approx(cell(&h, &rows[1], "value"), 14.2857, 0.0001));
    assert_eq!(cell(&h, &rows[1], "period"), "2023");
    assert_eq!(cell(&h, &rows[2], "rank"), "");
    assert_eq!(
        cell(&h, &rows[2], "reason"),
        "no participant figures for this office"
    );
}

#[test]
fn rank_by_coverage_in_a_year() {
    // Latest: kc-alpha 130,000 / 400,000 = 32.5 % (2024-06), kc-beta 80,000 / 250,000 = 32.0 %.
    let d = monthly();
    let (h, rows) = csv_in(Some(&d), &["rank", "--by", "coverage"]);
    assert_eq!(cell(&h, &rows[0], "office"), "kc-alpha");
    assert!(approx(cell(&h, &rows[0], "value"), 32.5, 1e-9));
    assert!(approx(cell(&h, &rows[1], "value"), 32.0, 1e-9));
    // In 2023: kc-alpha 100,000 / 400,000 = 25.0 % falls behind kc-beta's 32.0 %.
    let (h, rows) = csv_in(Some(&d), &["rank", "--by", "coverage", "--year", "2023"]);
    assert_eq!(cell(&h, &rows[0], "office"), "kc-beta");
    assert_eq!(cell(&h, &rows[1], "office"), "kc-alpha");
    assert!(approx(cell(&h, &rows[1], "value"), 25.0, 1e-9));
    assert_eq!(cell(&h, &rows[1], "rank"), "2");
}

#[test]
fn rank_by_achievement() {
    // kc-alpha 2024: 130,000 / 150,000 = 86.6667 %. kc-beta 2024: active has no 2024 figure,
    // so its additions: 32,000 / 60,000 = 53.3333 %. kc-gamma: no target.
    let d = monthly();
    let (h, rows) = csv_in(Some(&d), &["rank", "--by", "achievement"]);
    assert!(approx(cell(&h, &rows[0], "value"), 86.6667, 0.0001));
    assert!(approx(cell(&h, &rows[1], "value"), 53.3333, 0.0001));
    assert_eq!(
        cell(&h, &rows[1], "basis"),
        // The target as published: "60 ribu".
        "target 2024: 60 thousand (annual, new)"
    );
    assert_eq!(cell(&h, &rows[2], "reason"), "no target for this office");
}

#[test]
fn rank_on_the_shipped_data_points_to_the_levels_with_figures() {
    // No branch has all-segment active participants; Bali (a province) does:
    // 1,027,000 vs 750,000 = +36.9333 %.
    coverage()
        .args(["rank", "--by", "growth"])
        .assert()
        .success()
        .stdout(predicate::str::contains("try --level national, province"));
    let (h, rows) = csv_in(None, &["rank", "--by", "growth", "--level", "province"]);
    assert_eq!(cell(&h, &rows[0], "office"), "bali");
    assert!(approx(cell(&h, &rows[0], "value"), 36.9333, 0.0001));
}

// ---------------------------------------------------------------- check

#[test]
fn check_passes_fails_and_has_no_data() {
    let d = monthly();
    // kc-alpha: coverage 32.5 % >= 30, growth 44.44 % >= 40: all hold.
    coverage()
        .arg("--data")
        .arg(&d)
        .args([
            "check",
            "--branch",
            "alpha",
            "--min-coverage",
            "30",
            "--min-growth",
            "40",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("pass"))
        .stdout(predicate::str::contains("fail").not());
    // Achievement 86.67 % < 90: fails, exit 1.
    let (h, rows) = {
        let out = coverage()
            .arg("--data")
            .arg(&d)
            .args([
                "check",
                "--branch",
                "alpha",
                "--min-coverage",
                "30",
                "--min-achievement",
                "90",
                "--format",
                "csv",
            ])
            .assert()
            .code(1);
        csv_rows(&out.get_output().stdout)
    };
    let r = select(&h, &rows, &[("threshold", "achievement")]);
    assert_eq!(cell(&h, r[0], "result"), "fail");
    assert!(approx(cell(&h, r[0], "value"), 86.6667, 0.0001));
    assert_eq!(cell(&h, r[0], "minimum"), "90");
    // kc-beta growth 14.29 % against a 15 % minimum: fails.
    coverage()
        .arg("--data")
        .arg(&d)
        .args(["check", "--branch", "beta", "--min-growth", "15"])
        .assert()
        .code(1);
    // kc-gamma has nothing: exit 2, and the threshold is named.
    coverage()
        .arg("--data")
        .arg(&d)
        .args(["check", "--branch", "gamma", "--min-growth", "5"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("no data"))
        .stderr(predicate::str::contains(
            "--min-growth: no participant figures for this office",
        ));
}

#[test]
fn check_on_the_shipped_data() {
    // Bali: 1,027,000 / 2,620,000 = 39.1985 % >= 35; growth +36.9333 % >= 5.
    coverage()
        .args([
            "check",
            "--branch",
            "bali",
            "--min-coverage",
            "35",
            "--min-growth",
            "5",
        ])
        .assert()
        .code(0);
    // Bali Denpasar has active participants for PU and BPU only, at one date (2023-08): no
    // segment has a year before to grow from, so the hint sends no one to --segment.
    coverage()
        .args(["check", "--branch", "denpasar", "--min-growth", "5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nor for PU: no figure a year earlier to compare with",
        ))
        .stderr(predicate::str::contains("--segment").not())
        .stderr(predicate::str::contains(
            "hint: `coverage report --branch bali-denpasar` lists the figures there are",
        ));
    // At least one threshold.
    coverage()
        .args(["check", "--branch", "bali"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--min-coverage"));
}

#[test]
fn check_in_indonesian() {
    let d = monthly();
    let out = stdout_of(coverage().arg("--data").arg(&d).args([
        "--lang",
        "id",
        "check",
        "--branch",
        "alpha",
        "--min-coverage",
        "30",
        "--min-achievement",
        "90",
    ]));
    // 32.5 % and 86.67 %, Indonesian writing.
    for want in [
        "Ambang batas",
        "cakupan",
        "32,5%",
        "86,7%",
        "tidak memenuhi",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
    // One threshold met (coverage), one not (achievement).
    assert_eq!(out.matches("memenuhi").count(), 2, "{out}");
}

// ---------------------------------------------------------------- audit

#[test]
fn audit_of_the_shipped_data_fails_on_the_national_growth() {
    // 41,46 / 35,86 juta, each +-0,005 juta: 15.5862 % to 15.6464 %; stated 15,89: inconsistent.
    let out = coverage()
        .args(["audit", "--format", "csv"])
        .assert()
        .code(1);
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = select(
        &h,
        &rows,
        &[("office", "national"), ("metric", "active_growth_pct")],
    );
    assert_eq!(cell(&h, r[0], "verdict"), "inconsistent");
    assert!(approx(cell(&h, r[0], "computed_lo"), 15.5862, 0.0001));
    assert!(approx(cell(&h, r[0], "computed_hi"), 15.6464, 0.0001));
    assert!(approx(cell(&h, r[0], "stated_lo"), 15.885, 1e-9));
    assert!(approx(cell(&h, r[0], "stated_hi"), 15.895, 1e-9));
    // 695,29 / 627,69 triliun: 10.7680 % to 10.7713 %; 10,76 only if truncated.
    let r = select(&h, &rows, &[("metric", "funds_target_growth_pct")]);
    assert_eq!(cell(&h, r[0], "verdict"), "consistent only if truncated");
    // Bali 39,41 %: consistent against the employed of August 2022 (2,61 juta):
    // 1,026,500 / 2,615,000 = 39.2543 % to 1,027,500 / 2,605,000 = 39.4434 %.
    let r = select(
        &h,
        &rows,
        &[
            ("office", "bali"),
            ("period", "2023"),
            ("metric", "coverage_pct"),
        ],
    );
    assert_eq!(cell(&h, r[0], "verdict"), "consistent");
    assert!(approx(cell(&h, r[0], "computed_lo"), 39.2543, 0.0001));
    assert!(cell(&h, r[0], "basis").contains("employed 2022-08"));
    // No period: not checkable, and why.
    let r = select(
        &h,
        &rows,
        &[
            ("office", "bali"),
            ("period", ""),
            ("metric", "informal_share_pct"),
        ],
    );
    assert_eq!(cell(&h, r[0], "verdict"), "not checkable");
    assert_eq!(cell(&h, r[0], "note"), "no period given");
    // The computed range is for people only; machines get its two ends.
    assert!(!h.iter().any(|c| c == "computed"));
}

#[test]
fn audit_exit_codes_follow_the_verdicts() {
    // The BPS shares of 2019 are all consistent: exit 0.
    coverage()
        .args(["audit", "--branch", "bali", "--year", "2019"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 stated figures: 2 consistent"));
    // The roadmap funds growth 10,76 persen (695,29 / 627,69 - 1 = 10.768 % to 10.771 %) is
    // consistent only if truncated: 0, or 1 with --strict. Only that stated row is kept, as the
    // national 15,89 persen beside it is inconsistent.
    let stated = std::fs::read_to_string(common::shipped().join("stated.csv")).unwrap();
    let keep: String = stated
        .lines()
        .filter(|l| l.starts_with("office,") || l.contains("funds_target_growth_pct"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = common::data_with(&[("stated.csv", Some(&keep))]);
    let data = dir.path().to_str().unwrap();
    coverage().args(["--data", data, "audit"]).assert().code(0);
    coverage()
        .args(["--data", data, "audit", "--strict"])
        .assert()
        .code(1);
}

#[test]
fn audit_in_indonesian() {
    let out = stdout_of(coverage().args(["--lang", "id", "audit", "--branch", "national"]));
    for want in [
        "Audit angka yang dinyatakan",
        "tidak konsisten",
        "15,586–15,646%",
        "5.590.000–5.610.000",
        "konsisten hanya jika dibulatkan ke bawah",
        "Kesimpulan",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
}

// ---------------------------------------------------------------- language

#[test]
fn indonesian_tables_on_the_shipped_data() {
    let out = stdout_of(coverage().args(["--lang", "id", "growth", "--branch", "national"]));
    // 41,460,000 - 35,860,000 = 5,600,000; 5.60 / 35.86 = 15.6163 % -> +15,6%
    for want in [
        "Pertumbuhan",
        "Perubahan",
        // As published: "41,46 juta".
        "41,46 juta",
        "+5.600.000",
        "+15,6%",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
    let out = stdout_of(coverage().args(["--lang", "id", "claims"]));
    // Rp281,000,000,000 / 16,355 cases = Rp17,181,290.13 -> Rp17,18 juta
    for want in [
        "Kasus",
        "Rp342 miliar",
        "Rp281 miliar",
        "Rp17,18 juta",
        "21.097",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
    let out = stdout_of(coverage().args(["--lang", "id", "coverage", "--branch", "bali"]));
    // 1,027,000 / 2,620,000 = 39.1985 % -> 39,2%
    // Participants and workforce as published: "1,027 juta", "2.62 million" (BPS, 2023).
    for want in ["Cakupan", "39,2%", "1,027 juta", "2,62 juta"] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
    let out = stdout_of(coverage().args(["--lang", "id", "--format", "markdown", "targets"]));
    // Targets as published: "53,86 juta"; "tembus di angka Rp781,77 triliun" is a lower bound.
    for want in [
        "Capaian |",
        "paling sedikit Rp781,77 triliun",
        "53,86 juta",
        "Selisih",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
}

#[test]
fn machine_formats_do_not_change_with_the_language() {
    for fmt in ["csv", "json"] {
        for args in [&["growth"][..], &["audit"], &["targets"], &["claims"]] {
            let en = coverage()
                .args(args)
                .args(["--format", fmt])
                .output()
                .unwrap();
            let id = coverage()
                .args(args)
                .args(["--format", fmt, "--lang", "id"])
                .output()
                .unwrap();
            assert_eq!(en.stdout, id.stdout, "{args:?} {fmt}");
            assert!(!en.stdout.is_empty());
        }
    }
}

#[test]
fn the_language_comes_from_the_flag_then_coverage_lang_then_the_locale() {
    let heading = |cmd: &mut assert_cmd::Command| {
        let out = stdout_of(cmd.args(["growth", "--branch", "national"]));
        if out.contains("Pertumbuhan") {
            "id"
        } else if out.contains("Change %") {
            "en"
        } else {
            "?"
        }
    };
    assert_eq!(heading(&mut coverage()), "en");
    assert_eq!(heading(coverage().env("COVERAGE_LANG", "id")), "id");
    assert_eq!(heading(coverage().env("LANG", "id_ID.UTF-8")), "id");
    assert_eq!(heading(coverage().env("LANG", "en_US.UTF-8")), "en");
    // LC_ALL outranks LANG, as in every POSIX program.
    assert_eq!(
        heading(coverage().env("LANG", "id_ID.UTF-8").env("LC_ALL", "C")),
        "en"
    );
    // COVERAGE_LANG outranks the locale, and the flag outranks both.
    assert_eq!(
        heading(
            coverage()
                .env("LANG", "id_ID.UTF-8")
                .env("COVERAGE_LANG", "en")
        ),
        "en"
    );
    assert_eq!(
        heading(coverage().env("COVERAGE_LANG", "id").args(["--lang", "en"])),
        "en"
    );
    coverage()
        .args(["--lang", "fr", "offices"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: en, id"));
}

#[test]
fn the_report_in_indonesian_writes_its_bases_in_indonesian() {
    // Bali: 1,027,000 (2023) against 750,000 (2022); coverage 1,027,000 / 2,620,000, each as
    // published: "750 ribu", "1,027 juta", "2,62 juta".
    let out = stdout_of(coverage().args(["--lang", "id", "report", "--branch", "bali"]));
    for want in [
        "Peserta",
        "dibanding 2022: 750 ribu",
        "1,027 juta / 2,62 juta penduduk bekerja",
        "cakupan terhadap penduduk bekerja",
        "Dinyatakan oleh sumber",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
    // An English-grouped number would read as a decimal to an Indonesian reader.
    assert!(!out.contains("750,000"), "{out}");
    assert!(!out.contains("1.027.000"), "{out}");
}

#[test]
fn notes_speak_the_readers_language_too() {
    // The branch has no workforce figure for its formal (PU) workers: the note says so in
    // Indonesian, while csv keeps the English sentence.
    let out = stdout_of(coverage().args(["--lang", "id", "coverage", "--branch", "denpasar"]));
    assert!(
        out.contains("tidak ada angka pekerja formal untuk"),
        "{out}"
    );
    let (h, rows) = csv_in(None, &["coverage", "--branch", "denpasar", "--lang", "id"]);
    let r = select(&h, &rows, &[("segment", "pu")]);
    assert_eq!(
        cell(&h, r[0], "note"),
        "no formal workforce figure for bali-denpasar or all of its districts; given for \
         Indonesia (national), Bali (bali): see --branch national"
    );
    let out = stdout_of(coverage().args(["--lang", "id", "targets", "--branch", "national"]));
    assert!(out.contains("belum ada angka 2024"), "{out}");
}

#[test]
fn audit_flags_a_value_that_disagrees_with_its_printed_text() {
    // The value column says 15.98 where the text says 15,89: not checkable, and why.
    let stated = "office,period,segment,metric,value,published,source\n\
                  national,2023,all,active_growth_pct,15.98,\"15,89 persen\",test\n";
    let dir = common::data_with(&[("stated.csv", Some(stated))]);
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["audit", "--format", "csv"])
        .assert()
        .code(0);
    let (h, rows) = csv_rows(&out.get_output().stdout);
    assert_eq!(cell(&h, &rows[0], "verdict"), "not checkable");
    assert_eq!(
        cell(&h, &rows[0], "note"),
        "the value column (15.98) does not match the printed text"
    );
}

/// The header row of the first markdown table in an output.
fn markdown_header(out: &str) -> Vec<String> {
    out.lines()
        .find(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_heading_has_an_indonesian_title() {
    // Words that are the same in both languages.
    const SAME: &[&str] = &["Target", "Status", "Minimum", "Program"];
    let d = monthly();
    let runs: Vec<Vec<&str>> = vec![
        vec!["offices"],
        vec!["growth"],
        vec!["coverage"],
        vec!["targets"],
        vec!["claims"],
        vec!["report", "--branch", "bali"],
        vec!["audit"],
        vec!["rank", "--by", "growth", "--level", "province"],
        vec!["check", "--branch", "bali", "--min-growth", "5"],
    ];
    for args in runs {
        let en = stdout_of(coverage().args(&args).args(["--format", "markdown"]));
        let id = stdout_of(
            coverage()
                .args(&args)
                .args(["--format", "markdown", "--lang", "id"]),
        );
        let (he, hi) = (markdown_header(&en), markdown_header(&id));
        assert!(!he.is_empty(), "{args:?}: no table in\n{en}");
        assert_eq!(he.len(), hi.len(), "{args:?}");
        for (e, i) in he.iter().zip(&hi) {
            assert!(
                e != i || SAME.contains(&e.as_str()),
                "{args:?}: heading {e:?} has no Indonesian title"
            );
        }
    }
    // The fixture's pacing columns too.
    let en = stdout_of(
        coverage()
            .arg("--data")
            .arg(&d)
            .args(["targets", "--format", "markdown"]),
    );
    let id = stdout_of(
        coverage()
            .arg("--data")
            .arg(&d)
            .args(["targets", "--format", "markdown", "--lang", "id"]),
    );
    for (e, i) in markdown_header(&en).iter().zip(&markdown_header(&id)) {
        assert!(e != i || SAME.contains(&e.as_str()), "heading {e:?}");
    }
}
