//! Growth, compound growth and coverage computed from bounded rows carry the bound, on
//! tests/fixtures/bounded. Every figure below is worked out by hand.

mod common;

use std::path::PathBuf;

use common::{approx, cell, coverage, csv_rows, select};

fn run(lang: &str, format: &str, args: &[&str]) -> String {
    run_on("tests/fixtures/bounded", lang, format, args)
}

fn run_on(dir: &str, lang: &str, format: &str, args: &[&str]) -> String {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let out = coverage()
        .arg("--data")
        .arg(d)
        .args(["--lang", lang, "--format", format])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn has(text: &str, wants: &[&str]) {
    for w in wants {
        assert!(text.contains(w), "{w:?} not in\n{text}");
    }
}

#[test]
fn growth_carries_the_bounds_of_value_base_and_first_year() {
    let (h, rows) = csv_rows(run("en", "csv", &["growth"]).as_bytes());
    let row = |o: &str, p: &str| select(&h, &rows, &[("office", o), ("period", p)])[0];
    // kc-a 2023: "lebih dari 110 ribu" - 100,000 = +10,000, at least; 10,000 / 100,000 = +10 %.
    let r = row("kc-a", "2023");
    assert_eq!(cell(&h, r, "change"), "10000");
    assert_eq!(cell(&h, r, "change_bound"), "at_least");
    assert_eq!(cell(&h, r, "value_bound"), "at_least");
    // kc-a 2024: 121,000 - "lebih dari 110 ribu" = +11,000, at most; its CAGR since 2022,
    // (121,000 / 100,000)^(1/2) - 1 = 1.1 - 1 = +10 %, is exact (both ends exact), but 2022's
    // 100.000 is read one way of two, so the row is uncertain.
    let r = row("kc-a", "2024");
    assert_eq!(cell(&h, r, "change"), "11000");
    assert_eq!(cell(&h, r, "change_bound"), "at_most");
    assert!(approx(cell(&h, r, "cagr_pct"), 10.0, 1e-9));
    assert_eq!(cell(&h, r, "cagr_bound"), "exact");
    assert_eq!(cell(&h, r, "reading"), "uncertain");
    // kc-b 2023: 60,000 (bound at_most) - "sekitar 50 ribu" = +10,000 (+20 %), at most, and
    // only about that, as its base is about.
    let r = row("kc-b", "2023");
    assert_eq!(cell(&h, r, "change"), "10000");
    assert_eq!(cell(&h, r, "change_bound"), "at_most_about");
    assert!(approx(cell(&h, r, "change_pct"), 20.0, 1e-9));
    // kc-b 2024: 66,000 - at most 60,000 = +6,000, at least; CAGR (66,000 / 50,000)^(1/2) - 1
    // = sqrt(1.32) - 1 = 14.891 %, about, as its first year is.
    let r = row("kc-b", "2024");
    assert_eq!(cell(&h, r, "change"), "6000");
    assert_eq!(cell(&h, r, "change_bound"), "at_least");
    assert!(approx(cell(&h, r, "cagr_pct"), 14.8913, 0.0001));
    assert_eq!(cell(&h, r, "cagr_bound"), "about");
    let j: serde_json::Value = serde_json::from_str(&run("en", "json", &["growth"])).unwrap();
    assert_eq!(j[5]["cagr_bound"], "about");
    assert_eq!(j[1]["change_bound"], "at_least");
    for fmt in ["table", "markdown"] {
        has(
            &run("en", fmt, &["growth"]),
            &[
                "at least +10,000",
                "at most +11,000",
                "at most about +10,000",
                "at most about +20.0%",
                "at least +6,000",
                "about +14.9%",
                "if 100.000 is read as its note says",
            ],
        );
        has(
            &run("id", fmt, &["growth"]),
            &[
                "paling sedikit +10.000",
                "paling banyak +11.000",
                "paling banyak sekitar +10.000",
                "paling banyak sekitar +20,0%",
                "sekitar +14,9%",
                "jika 100.000 dibaca seperti pada catatannya",
            ],
        );
    }
}

#[test]
fn coverage_carries_the_bounds_of_participants_and_workforce() {
    let (h, rows) = csv_rows(run("en", "csv", &["coverage"]).as_bytes());
    let row = |o: &str, p: &str| select(&h, &rows, &[("office", o), ("period", p)])[0];
    // kc-a 2023: at least 110,000 / 605,000 = 18.18 %, at least.
    let r = row("kc-a", "2023");
    assert!(approx(cell(&h, r, "coverage_pct"), 18.1818, 0.0001));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_least");
    // kc-b 2024: 66,000 / "hampir 330 ribu" = 20 %, at least (the employed may be fewer).
    let r = row("kc-b", "2024");
    assert!(approx(cell(&h, r, "coverage_pct"), 20.0, 1e-9));
    assert_eq!(cell(&h, r, "workforce_bound"), "at_most");
    assert_eq!(cell(&h, r, "coverage_bound"), "at_least");
    // kc-b 2023: at most 60,000 over at most 330,000: the two pull both ways, no figure.
    let r = row("kc-b", "2023");
    assert_eq!(cell(&h, r, "coverage_bound"), "none");
    let md = run("en", "markdown", &["coverage"]);
    has(
        &md,
        &[
            "at least 18.2%",
            "at least 20.0%",
            "no figure: its inputs are bounds that pull both ways",
        ],
    );
    has(
        &run("id", "markdown", &["coverage"]),
        &["paling sedikit 18,2%", "hampir 330 ribu", "tidak ada angka"],
    );
}

/// What `args` print on the data set in `dir`, which they must read without a problem.
fn ok_stdout(dir: &std::path::Path, args: &[&str]) -> String {
    let out = coverage()
        .arg("--data")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn run_in(dir: &str, args: &[&str]) -> std::process::Output {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    coverage()
        .arg("--data")
        .arg(d)
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn sums_of_bounded_rows_carry_the_bound_or_are_not_made() {
    let out = run_in(
        "tests/fixtures/bounded-sums",
        &["--format", "csv", "growth"],
    );
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_rows(&out.stdout);
    let row = |o: &str, p: &str| select(&h, &rows, &[("office", o), ("period", p)]);
    // Region A 2023: 100,000 + 50,000 = 150,000, exact.
    let r = row("reg-a", "2023")[0];
    assert_eq!(cell(&h, r, "value"), "150000");
    assert_eq!(cell(&h, r, "value_bound"), "exact");
    // Region A 2024: "lebih dari 110 ribu" + 66,000 = at least 176,000; against 150,000 at
    // least +26,000, at least 26,000 / 150,000 = +17.33 %.
    let r = row("reg-a", "2024")[0];
    assert_eq!(cell(&h, r, "value"), "176000");
    assert_eq!(cell(&h, r, "value_bound"), "at_least");
    assert_eq!(cell(&h, r, "change"), "26000");
    assert_eq!(cell(&h, r, "change_bound"), "at_least");
    assert!(approx(cell(&h, r, "change_pct"), 17.333_333, 1e-5));
    // Region B 2024: "lebih dari 40 ribu" + "hampir 30 ribu" pulls both ways: no sum, so its
    // row has no value and a bound of none.
    let r = row("reg-b", "2024")[0];
    assert_eq!(cell(&h, r, "value"), "");
    assert_eq!(cell(&h, r, "value_bound"), "none");
    assert_eq!(cell(&h, r, "change"), "");
    // Region B 2023: 35,000 + 25,000 = 60,000, exact.
    assert_eq!(cell(&h, row("reg-b", "2023")[0], "value"), "60000");

    let table = run_in(
        "tests/fixtures/bounded-sums",
        &["--lang", "id", "growth", "--office", "reg-a"],
    );
    let text = String::from_utf8(table.stdout).expect("utf-8");
    has(
        &text,
        &[
            "paling sedikit 176.000",
            "paling sedikit +26.000",
            "paling sedikit +17,3%",
        ],
    );
}

#[test]
fn a_given_total_is_held_against_the_bound_of_its_parts() {
    // Region C: its branches add up to at least 300,000 + 200,000 = 500,000. The given 505,000
    // (2024) fits that; the given 490,000 (2023, line 10 of participants.csv) is below it.
    let out = run_in("tests/fixtures/bounded-sums", &["validate"]);
    assert_eq!(out.status.code(), Some(1));
    let err =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    has(
        &err,
        &[
            "participants.csv:10:",
            "reg-c 2023 all active is 490000, but its 2 branches add up to 500000",
        ],
    );
    assert!(!err.contains("reg-c 2024"), "{err}");
    assert!(err.contains("1 problem found"), "{err}");
}

#[test]
fn a_bound_beside_an_approximate_figure_is_an_approximate_bound() {
    let dir = "tests/fixtures/bounded-about";
    let (h, rows) = csv_rows(run_on(dir, "en", "csv", &["growth"]).as_bytes());
    let row = |o: &str, p: &str| select(&h, &rows, &[("office", o), ("period", p)])[0];
    // kc-b 2024: "sekitar 60 ribu" - "hampir 50 ribu" = 60,000 - 50,000 = +10,000, at least
    // (the base may be lower) and only about (the value is about): at least about;
    // 10,000 / 50,000 = +20 %.
    let r = row("kc-b", "2024");
    assert_eq!(cell(&h, r, "change"), "10000");
    assert!(approx(cell(&h, r, "change_pct"), 20.0, 1e-9));
    assert_eq!(cell(&h, r, "change_bound"), "at_least_about");
    // The region's 2024 sum: "lebih dari 125 ribu" + "sekitar 60 ribu" = 185,000, at least
    // about; its 2023 sum 100,000 + "hampir 50 ribu" = 150,000, at most. The change
    // 185,000 - 150,000 = +35,000 is at least about, 35,000 / 150,000 = +23.33 %.
    let r = row("reg", "2024");
    assert_eq!(cell(&h, r, "value"), "185000");
    assert_eq!(cell(&h, r, "value_bound"), "at_least_about");
    assert_eq!(cell(&h, r, "base_bound"), "at_most");
    assert_eq!(cell(&h, r, "change"), "35000");
    assert_eq!(cell(&h, r, "change_bound"), "at_least_about");
    assert!(approx(cell(&h, r, "change_pct"), 23.333_333, 1e-5));
    // kc-a 2024 has no approximate figure: "lebih dari 125 ribu" - 100,000, at least +25,000.
    assert_eq!(cell(&h, row("kc-a", "2024"), "change_bound"), "at_least");
    let j: serde_json::Value =
        serde_json::from_str(&run_on(dir, "en", "json", &["growth"])).unwrap();
    assert_eq!(j[1]["office"], "reg");
    assert_eq!(j[1]["value_bound"], "at_least_about");

    let (h, rows) = csv_rows(run_on(dir, "en", "csv", &["coverage"]).as_bytes());
    let row = |o: &str, p: &str| select(&h, &rows, &[("office", o), ("period", p)])[0];
    // kc-a 2024: at least 125,000 over about 600,000 employed = 20.833 %, at least about.
    let r = row("kc-a", "2024");
    assert!(approx(cell(&h, r, "coverage_pct"), 20.833_333, 1e-5));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_least_about");
    // kc-b 2024: about 60,000 over at least 300,000 = 20 %, at most about (the employed
    // may be more).
    let r = row("kc-b", "2024");
    assert!(approx(cell(&h, r, "coverage_pct"), 20.0, 1e-9));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_most_about");
    // reg 2024: at least about 185,000 over an exact 900,000 = 20.556 %, at least about.
    let r = row("reg", "2024");
    assert!(approx(cell(&h, r, "coverage_pct"), 20.555_556, 1e-5));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_least_about");

    for fmt in ["table", "markdown"] {
        has(
            &run_on(dir, "en", fmt, &["growth"]),
            &[
                "at least about 185,000",
                "at least about +35,000",
                "at least about +23.3%",
                "at least about +10,000",
                "at least about +20.0%",
                "at least +25,000",
            ],
        );
        has(
            &run_on(dir, "id", fmt, &["growth"]),
            &[
                "paling sedikit sekitar 185.000",
                "paling sedikit sekitar +35.000",
                "paling sedikit sekitar +23,3%",
            ],
        );
        has(
            &run_on(dir, "en", fmt, &["coverage"]),
            &[
                "at least about 20.8%",
                "at most about 20.0%",
                "at least about 20.6%",
            ],
        );
        has(
            &run_on(dir, "id", fmt, &["coverage"]),
            &[
                "paling sedikit sekitar 20,8%",
                "paling banyak sekitar 20,0%",
                "paling sedikit sekitar 20,6%",
            ],
        );
    }
}

#[test]
fn the_report_gives_growth_and_coverage_with_their_bounds() {
    let report = |lang: &str, format: &str| run(lang, format, &["report", "--branch", "kc-b"]);
    let (h, rows) = csv_rows(report("en", "csv").as_bytes());
    let line = |metric: &str, p: &str| {
        select(&h, &rows, &[("metric", metric), ("period", p)])
            .first()
            .copied()
            .unwrap_or_else(|| panic!("no {metric} {p}"))
    };
    // The given figures carry their own bounds: "sekitar 50 ribu", a column of at_most.
    assert_eq!(cell(&h, line("active", "2022"), "bound"), "about");
    assert_eq!(cell(&h, line("active", "2023"), "bound"), "at_most");
    assert_eq!(cell(&h, line("active", "2024"), "bound"), "exact");
    // 2023: at most 60,000 - about 50,000 = +10,000, at most about; 10,000 / 50,000 = +20 %.
    let r = line("change", "2023");
    assert_eq!(cell(&h, r, "value"), "10000");
    assert_eq!(cell(&h, r, "bound"), "at_most_about");
    let r = line("change_pct", "2023");
    assert!(approx(cell(&h, r, "value"), 20.0, 1e-9));
    assert_eq!(cell(&h, r, "bound"), "at_most_about");
    // 2024: 66,000 - at most 60,000 = +6,000, at least; 6,000 / 60,000 = +10 %.
    assert_eq!(cell(&h, line("change", "2024"), "bound"), "at_least");
    assert_eq!(cell(&h, line("change_pct", "2024"), "bound"), "at_least");
    // (66,000 / about 50,000)^(1/2) - 1 = 14.891 %, about.
    let r = line("cagr_pct", "2024");
    assert!(approx(cell(&h, r, "value"), 14.8913, 0.0001));
    assert_eq!(cell(&h, r, "bound"), "about");
    // Coverage against "hampir 330 ribu" employed: about 50,000 / at most 330,000 = 15.15 %,
    // at least about; at most 60,000 over at most 330,000 pulls both ways (no figure, empty
    // value); 66,000 / at most 330,000 = 20 %, at least.
    let r = line("coverage_pct", "2022");
    assert!(approx(cell(&h, r, "value"), 15.1515, 0.0001));
    assert_eq!(cell(&h, r, "bound"), "at_least_about");
    let r = line("coverage_pct", "2023");
    assert_eq!(cell(&h, r, "value"), "");
    assert_eq!(cell(&h, r, "bound"), "none");
    assert_eq!(cell(&h, line("coverage_pct", "2024"), "bound"), "at_least");
    let j: serde_json::Value = serde_json::from_str(&report("en", "json")).unwrap();
    let lines = j.as_array().unwrap();
    assert!(lines
        .iter()
        .any(|l| l["metric"] == "change" && l["bound"] == "at_most_about"));

    for fmt in ["table", "markdown"] {
        has(
            &report("en", fmt),
            &[
                "about 50 thousand",
                "at most 60,000",
                "at most about +10,000",
                "at most about +20.0%",
                "vs 2022: about 50 thousand",
                "at least +6,000",
                "at least +10.0%",
                "about +14.9%",
                "at least about 15.2%",
                "no figure: its inputs are bounds that pull both ways",
                "at least 20.0%",
                "66,000 / just under 330 thousand employed",
            ],
        );
        has(
            &report("id", fmt),
            &[
                "sekitar 50 ribu",
                "paling banyak 60.000",
                "paling banyak sekitar +10.000",
                "paling banyak sekitar +20,0%",
                "paling sedikit +6.000",
                "sekitar +14,9%",
                "paling sedikit sekitar 15,2%",
                "tidak ada angka: batas-batas masukannya berlawanan arah",
                "paling sedikit 20,0%",
                "66.000 / hampir 330 ribu penduduk bekerja",
            ],
        );
    }
}

#[test]
fn program_coverage_gives_its_bound_in_the_report_and_the_table() {
    // The bounded fixture with two JKK figures for Branch A.
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bounded");
    let dir = tempfile::tempdir().unwrap();
    for f in ["offices.csv", "workforce.csv"] {
        std::fs::copy(fixture.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,program,value,source,published\n\
         kc-a,2023,all,active,,110000,fixture,lebih dari 110 ribu\n\
         kc-a,2023,all,active,jkk,120000,fixture,120.000\n\
         kc-a,2024,all,active,jkk,125000,fixture,lebih dari 125 ribu\n",
    )
    .unwrap();
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    // JKK 2024: more than 125,000 over 605,000 employed = 20.661 %, at least; 2023:
    // 120,000 / 605,000 = 19.835 %, exact.
    let (h, rows) = csv_rows(go(&["--format", "csv", "report", "--branch", "kc-a"]).as_bytes());
    let jkk = |p: &str| {
        select(
            &h,
            &rows,
            &[
                ("metric", "coverage_pct"),
                ("program", "jkk"),
                ("period", p),
            ],
        )[0]
    };
    assert!(approx(cell(&h, jkk("2024"), "value"), 20.661_157, 1e-5));
    assert_eq!(cell(&h, jkk("2024"), "bound"), "at_least");
    assert_eq!(cell(&h, jkk("2023"), "bound"), "exact");
    for lang in ["en", "id"] {
        let want: &[&str] = if lang == "en" {
            &[
                "at least 20.7%",
                "more than 125 thousand / 605,000 employed",
            ]
        } else {
            &[
                "paling sedikit 20,7%",
                "lebih dari 125 ribu / 605.000 penduduk bekerja",
            ]
        };
        has(
            &go(&[
                "--lang", lang, "--format", "markdown", "report", "--branch", "kc-a",
            ]),
            want,
        );
        has(
            &go(&[
                "--lang",
                lang,
                "--format",
                "markdown",
                "coverage",
                "--program",
                "jkk",
            ]),
            &want[..1],
        );
    }
}

#[test]
fn a_sum_not_made_says_why_where_its_figure_would_be() {
    let dir = "tests/fixtures/bounded-sums";
    let go = |lang: &str, args: &[&str]| {
        let mut all = vec!["--lang", lang];
        all.extend_from_slice(args);
        run_in(dir, &all)
    };
    let text = |o: std::process::Output| {
        String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
    };
    // Region B 2024 would be Branch C's "lebih dari 40 ribu" (at least 40,000) plus Branch
    // D's "hampir 30 ribu" (at most 30,000): anything from below 70,000 to far above it.
    let en = "no sum: its parts are bounded both ways (Branch C more than 40 thousand and Branch D just under 30 thousand)";
    let id = "tidak ada jumlah: batas bagian-bagiannya berlawanan arah (Branch C lebih dari 40 ribu dan Branch D hampir 30 ribu)";
    for (lang, why) in [("en", en), ("id", id)] {
        // Markdown: a table would wrap the reasons to the width of a terminal.
        let fmt = "markdown";
        let with = |args: &[&'static str]| -> Vec<&str> {
            let mut v = vec!["--format", fmt];
            v.extend_from_slice(args);
            v
        };
        // growth: its row, with the reason where the value would be; for scripts, an
        // empty value, the bound `none` and the reason in `why_no_value`.
        has(
            &text(go(lang, &with(&["growth", "--office", "reg-b"]))),
            &[why],
        );
        let csv =
            String::from_utf8(go(lang, &["--format", "csv", "growth", "--office", "reg-b"]).stdout)
                .unwrap();
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
        let row = rows
            .iter()
            .find(|r| r[col("period")] == "2024" && r[col("segment")] == "all")
            .expect("Region B's 2024 row");
        assert_eq!(row[col("value")], "");
        assert_eq!(row[col("value_bound")], "none");
        // csv and json keep the English words whatever --lang says.
        assert_eq!(row[col("why_no_value")], en);
        // Rows with a value have no reason.
        assert!(rows[1..]
            .iter()
            .filter(|r| !r[col("value")].is_empty())
            .all(|r| r[col("why_no_value")].is_empty()));
        // rank and check: the reason for the office left unranked.
        let rank = go(
            lang,
            &with(&[
                "rank", "--by", "growth", "--level", "region", "--year", "2024",
            ]),
        );
        has(&text(rank), &[&format!("2024: {why}")]);
        // Its 2024 target of 70,000 has no actual to be achieved by.
        let rank = go(
            lang,
            &with(&["rank", "--by", "achievement", "--level", "region"]),
        );
        has(&text(rank), &[&format!("2024: {why}")]);
        // targets: the 2024 target of 70,000 has no actual, and says why.
        has(
            &text(go(lang, &with(&["targets", "--office", "reg-b"]))),
            &[why],
        );
        // report: the line of the figure, its coverage line, and the target's note.
        let report = text(go(lang, &with(&["report", "--branch", "reg-b"])));
        assert_eq!(report.matches(why).count(), 3, "{report}");
        // coverage: a row of its own, the reason in its note.
        let cov = text(go(lang, &with(&["coverage", "--office", "reg-b"])));
        let line = cov.lines().find(|l| l.contains(why)).expect("a row");
        has(line, &["| 2024 "]);
        let check = go(
            lang,
            &[
                "check",
                "--branch",
                "reg-b",
                "--min-growth",
                "5",
                "--year",
                "2024",
            ],
        );
        assert_eq!(check.status.code(), Some(2));
        has(&text(check), &[&format!("2024: {why}")]);
    }
    // For scripts: the report's line has no value and a bound of none.
    let (h, rows) =
        csv_rows(&run_in(dir, &["--format", "csv", "report", "--branch", "reg-b"]).stdout);
    let r = select(&h, &rows, &[("metric", "active"), ("period", "2024")])[0];
    assert_eq!(cell(&h, r, "value"), "");
    assert_eq!(cell(&h, r, "bound"), "none");
    // Its coverage line has no ratio and the same reason.
    let r = select(&h, &rows, &[("metric", "coverage_pct"), ("period", "2024")])[0];
    assert_eq!(cell(&h, r, "value"), "");
    assert_eq!(cell(&h, r, "basis"), en);
    // coverage: csv and json carry the row too, no figure and its reason in the note.
    let (h, rows) = csv_rows(&run_in(dir, &["--format", "csv", "coverage"]).stdout);
    let r = select(&h, &rows, &[("office", "reg-b"), ("period", "2024")]);
    assert_eq!(r.len(), 1);
    assert_eq!(cell(&h, r[0], "active"), "");
    assert_eq!(cell(&h, r[0], "active_bound"), "none");
    assert_eq!(cell(&h, r[0], "coverage_pct"), "");
    assert_eq!(cell(&h, r[0], "note"), en);
    let json = String::from_utf8(run_in(dir, &["--format", "json", "coverage"]).stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let row = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["office"] == "reg-b" && r["period"] == "2024")
        .expect("a json row");
    assert!(row["active"].is_null());
    assert_eq!(row["note"], en);
    // Region A's 2024 sum is made (at least 176,000): no reason anywhere for it.
    let growth = text(run_in(dir, &["growth", "--office", "reg-a"]));
    assert!(!growth.contains("no sum"), "{growth}");
}

/// A data directory of these files.
fn data(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn workforce_sums_and_differences_carry_their_bounds() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent,partial\n\
             national,National,national,,yes\n\
             reg,Region,region,national,\n\
             kc-a,Branch A,branch,reg,\n\
             kc-b,Branch B,branch,reg,\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,value,source,published\n\
             kc-a,2024,bpu,active,6000,fixture,6.000\n\
             reg,2024,all,active,180000,fixture,180.000\n",
        ),
        (
            "workforce.csv",
            "office,period,measure,value,source,published\n\
             kc-a,2024-08,employed,600000,fixture,sekitar 600 ribu\n\
             kc-a,2024-08,formal,200000,fixture,hampir 200 ribu\n\
             kc-b,2024-08,employed,300000,fixture,lebih dari 300 ribu\n",
        ),
    ]);
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    let (h, rows) = csv_rows(go(&["--format", "csv", "coverage"]).as_bytes());
    // The region's employed: about 600,000 + more than 300,000 = 900,000, at least about;
    // 180,000 over it = 20 %, at most about.
    let r = select(&h, &rows, &[("office", "reg")])[0];
    assert_eq!(cell(&h, r, "workforce"), "900000");
    assert_eq!(cell(&h, r, "workforce_bound"), "at_least_about");
    assert!(approx(cell(&h, r, "coverage_pct"), 20.0, 1e-9));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_most_about");
    // Branch A's informal: about 600,000 employed - just under 200,000 formal = 400,000, at
    // least about; its BPU 6,000 over it = 1.5 %, at most about.
    let r = select(&h, &rows, &[("office", "kc-a"), ("segment", "bpu")])[0];
    assert_eq!(cell(&h, r, "workforce"), "400000");
    assert_eq!(cell(&h, r, "workforce_bound"), "at_least_about");
    assert!(approx(cell(&h, r, "coverage_pct"), 1.5, 1e-9));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_most_about");
    has(
        &go(&["--format", "markdown", "coverage"]),
        &[
            "at least about 900,000",
            "at most about 20.0%",
            "at least about 400,000",
            "at most about 1.5%",
        ],
    );
    has(
        &go(&["--lang", "id", "--format", "markdown", "coverage"]),
        &[
            "paling sedikit sekitar 900.000",
            "paling banyak sekitar 20,0%",
            "paling banyak sekitar 1,5%",
        ],
    );
}

#[test]
fn program_sums_carry_the_bounds_of_their_parts() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent,partial\n\
             national,National,national,,yes\n\
             reg,Region,region,national,\n\
             kc-a,Branch A,branch,reg,\n\
             kc-b,Branch B,branch,reg,\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,program,value,source,published\n\
             kc-a,2023,all,active,jkk,100000,fixture,100.000\n\
             kc-b,2023,all,active,jkk,50000,fixture,50.000\n\
             kc-a,2024,all,active,jkk,125000,fixture,lebih dari 125 ribu\n\
             kc-b,2024,all,active,jkk,60000,fixture,sekitar 60 ribu\n\
             kc-a,2024,all,active,jkm,10000,fixture,lebih dari 10 ribu\n\
             kc-b,2024,all,active,jkm,5000,fixture,hampir 5 ribu\n\
             kc-a,2024,all,active,jkp,50000,fixture,lebih dari 50 ribu\n\
             kc-b,2024,all,active,jkp,20000,fixture,20.000\n\
             reg,2024,all,active,jkp,75000,fixture,75.000\n\
             reg,2023,all,active,jkp,65000,fixture,65.000\n\
             kc-a,2023,all,active,jkp,50000,fixture,50.000\n\
             kc-b,2023,all,active,jkp,20000,fixture,20.000\n",
        ),
        (
            "workforce.csv",
            "office,period,measure,value,source,published\n\
             reg,2024-08,employed,900000,fixture,900.000\n",
        ),
    ]);
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    let (h, rows) = csv_rows(go(&["--format", "csv", "growth"]).as_bytes());
    let row = |pr: &str, p: &str| {
        select(
            &h,
            &rows,
            &[("office", "reg"), ("program", pr), ("period", p)],
        )
    };
    // JKK 2024: more than 125,000 + about 60,000 = 185,000, at least about; against the
    // exact 100,000 + 50,000 = 150,000 of 2023, +35,000 (+23.33 %), at least about.
    let r = row("jkk", "2024")[0];
    assert_eq!(cell(&h, r, "value"), "185000");
    assert_eq!(cell(&h, r, "value_bound"), "at_least_about");
    assert_eq!(cell(&h, r, "change"), "35000");
    assert_eq!(cell(&h, r, "change_bound"), "at_least_about");
    assert_eq!(cell(&h, row("jkk", "2023")[0], "value_bound"), "exact");
    // JKM 2024: more than 10,000 + just under 5,000 pulls both ways: no sum, and its row
    // says why.
    let r = row("jkm", "2024")[0];
    assert_eq!(cell(&h, r, "value"), "");
    assert_eq!(cell(&h, r, "value_bound"), "none");
    has(
        &go(&["--lang", "id", "--format", "markdown", "growth", "--program", "jkm"]),
        &["tidak ada jumlah: batas bagian-bagiannya berlawanan arah (Branch A lebih dari 10 ribu dan Branch B hampir 5 ribu)"],
    );
    // JKK coverage 2024: 185,000 / 900,000 = 20.556 %, at least about.
    let (h, rows) = csv_rows(go(&["--format", "csv", "coverage", "--program", "jkk"]).as_bytes());
    let r = select(&h, &rows, &[("office", "reg"), ("period", "2024")])[0];
    assert!(approx(cell(&h, r, "coverage_pct"), 20.555_556, 1e-5));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_least_about");
    has(
        &go(&[
            "--lang",
            "id",
            "--format",
            "markdown",
            "coverage",
            "--program",
            "jkk",
        ]),
        &["paling sedikit sekitar 20,6%"],
    );
    // A given program total held to its parts: JKP 2024's 75,000 fits more than 50,000 +
    // 20,000 = at least 70,000; JKP 2023's 65,000 (line 11) is not 50,000 + 20,000 = 70,000.
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    has(
        &said,
        &[
            "participants.csv:11: reg 2023 all active jkp is 65000, but its 2 branches add up to 70000",
            "1 problem found",
        ],
    );
}

#[test]
fn a_sum_over_a_sum_not_made_is_not_made_either_and_says_why() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent,partial\n\
             national,National,national,,\n\
             reg-a,Region A,region,national,\n\
             reg-b,Region B,region,national,\n\
             kc-a,Branch A,branch,reg-a,\n\
             kc-c,Branch C,branch,reg-b,\n\
             kc-d,Branch D,branch,reg-b,\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,value,source,published\n\
             kc-a,2023,all,active,100000,fixture,100.000\n\
             kc-a,2024,all,active,110000,fixture,lebih dari 110 ribu\n\
             kc-c,2023,all,active,35000,fixture,35.000\n\
             kc-c,2024,all,active,40000,fixture,lebih dari 40 ribu\n\
             kc-d,2023,all,active,25000,fixture,25.000\n\
             kc-d,2024,all,active,30000,fixture,hampir 30 ribu\n",
        ),
    ]);
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    // 2023: 100,000 + (35,000 + 25,000) = 160,000. 2024: Region B is no sum (more than 40,000
    // and just under 30,000), so neither is the nation, which names the bounds beneath it:
    // Region A's at least 110,000 and Region B's two branches.
    let (h, rows) = csv_rows(go(&["--format", "csv", "growth", "--office", "national"]).as_bytes());
    let row = |p: &str| select(&h, &rows, &[("period", p)])[0];
    assert_eq!(cell(&h, row("2023"), "value"), "160000");
    assert_eq!(cell(&h, row("2024"), "value"), "");
    assert_eq!(cell(&h, row("2024"), "value_bound"), "none");
    has(
        &go(&["--format", "markdown", "growth", "--office", "national"]),
        &["no sum: its parts are bounded both ways (Region A at least 110,000, Branch C more than 40 thousand and Branch D just under 30 thousand)"],
    );
    has(
        &go(&["--lang", "id", "--format", "markdown", "rank", "--by", "growth", "--level", "national"]),
        &["2024: tidak ada jumlah: batas bagian-bagiannya berlawanan arah (Region A paling sedikit 110.000, Branch C lebih dari 40 ribu dan Branch D hampir 30 ribu)"],
    );
}

#[test]
fn segments_that_pull_both_ways_make_no_total_and_say_why() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent\nnational,National,national,\nkc-x,Branch X,branch,national\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,value,source,published\n\
             kc-x,2024,pu,active,100000,fixture,lebih dari 100 ribu\n\
             kc-x,2024,bpu,active,50000,fixture,hampir 50 ribu\n\
             kc-x,2024,jakon,active,3000,fixture,3.000\n\
             kc-x,2024,pmi,active,1000,fixture,1.000\n",
        ),
    ]);
    // PU at least 100,000 and BPU at most 50,000 (jakon and PMI exact): `all` can be anything
    // from below 154,000 to far above it, so it is not made.
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args([
            "--lang",
            "id",
            "--format",
            "markdown",
            "growth",
            "--segment",
            "all",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    has(
        &String::from_utf8(out.stdout).unwrap(),
        &["tidak ada jumlah: batas bagian-bagiannya berlawanan arah (PU lebih dari 100 ribu dan BPU hampir 50 ribu)"],
    );
}

#[test]
fn a_bound_column_may_name_an_approximate_bound() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent\nnational,National,national,\nkc-x,Branch X,branch,national\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,value,source,published,bound\n\
             kc-x,2023,all,active,50000,fixture,50.000,\n\
             kc-x,2024,all,active,60000,fixture,60.000,at_most_about\n",
        ),
    ]);
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    // 60,000 at most about, less an exact 50,000: +10,000 (+20 %), at most about.
    let (h, rows) = csv_rows(go(&["--format", "csv", "growth"]).as_bytes());
    let r = select(&h, &rows, &[("period", "2024")])[0];
    assert_eq!(cell(&h, r, "value_bound"), "at_most_about");
    assert_eq!(cell(&h, r, "change"), "10000");
    assert_eq!(cell(&h, r, "change_bound"), "at_most_about");
    has(
        &go(&["--format", "markdown", "growth"]),
        &[
            "at most about 60,000",
            "at most about +10,000",
            "at most about +20.0%",
        ],
    );
    has(
        &go(&["--lang", "id", "--format", "markdown", "growth"]),
        &[
            "paling banyak sekitar 60.000",
            "paling banyak sekitar +10.000",
        ],
    );
}

#[test]
fn a_workforce_sum_that_pulls_both_ways_says_why_its_ratio_is_missing() {
    let dir = "tests/fixtures/bounded-workforce";
    // Region's employed at 2024-08 would be Branch A's "lebih dari 400 ribu" (at least
    // 400,000) plus Branch B's "hampir 200 ribu" (at most 200,000): no figure. Its active
    // 2024 is 100,000 + 50,000 = 150,000, exact, so only the workforce is missing.
    let en = "no employed workforce figure for reg at 2024-08: no sum: its parts are bounded both ways (Branch A more than 400 thousand and Branch B just under 200 thousand)";
    let (h, rows) = csv_rows(run_on(dir, "en", "csv", &["coverage"]).as_bytes());
    let r = select(&h, &rows, &[("office", "reg")])[0];
    assert_eq!(cell(&h, r, "active"), "150000");
    assert_eq!(cell(&h, r, "workforce"), "");
    assert_eq!(cell(&h, r, "coverage_pct"), "");
    assert_eq!(cell(&h, r, "note"), en);
    // Each branch keeps its ratio: 100,000 / at least 400,000 = at most 25 %; 50,000 / at
    // most 200,000 = at least 25 %.
    let a = select(&h, &rows, &[("office", "kc-a")])[0];
    assert!(approx(cell(&h, a, "coverage_pct"), 25.0, 1e-9));
    assert_eq!(cell(&h, a, "coverage_bound"), "at_most");
    let b = select(&h, &rows, &[("office", "kc-b")])[0];
    assert!(approx(cell(&h, b, "coverage_pct"), 25.0, 1e-9));
    assert_eq!(cell(&h, b, "coverage_bound"), "at_least");
    // People read the same reason, in either language, in the table and in the report.
    for (lang, why) in [
        (
            "en",
            "no employed workforce figure for reg at 2024-08: no sum",
        ),
        (
            "id",
            "tidak ada angka penduduk bekerja untuk reg pada Agustus 2024: tidak ada jumlah",
        ),
    ] {
        for args in [&["coverage"][..], &["report", "--branch", "reg"][..]] {
            let out = run_on(dir, lang, "markdown", args);
            has(&out, &[why]);
            // Never the reason for a figure no office has.
            assert!(!out.contains("or all of its"), "{out}");
            assert!(!out.contains("atau seluruh"), "{out}");
        }
    }
    // rank and check: the region has no ratio, and the reason is the survey's sum not made,
    // not that other offices have the figure.
    let why = "no employed workforce figure at 2024-08: no sum: its parts are bounded both ways \
               (Branch A more than 400 thousand and Branch B just under 200 thousand)";
    let (h, rows) = csv_rows(
        run_on(
            dir,
            "en",
            "csv",
            &["rank", "--by", "coverage", "--level", "region"],
        )
        .as_bytes(),
    );
    assert_eq!(cell(&h, &rows[0], "reason"), why);
    let check = run_in(dir, &["check", "--branch", "reg", "--min-coverage", "10"]);
    assert_eq!(check.status.code(), Some(2));
    has(&String::from_utf8_lossy(&check.stderr), &[why]);
    let id = run_on(
        dir,
        "id",
        "markdown",
        &["rank", "--by", "coverage", "--level", "region"],
    );
    has(
        &id,
        &["tidak ada angka penduduk bekerja pada Agustus 2024: tidak ada jumlah"],
    );
}

#[test]
fn informal_workers_whose_difference_pulls_both_ways_say_why() {
    let dir = data(&[
        (
            "offices.csv",
            "code,name,level,parent,partial\nnational,National,national,,yes\nkc-a,Branch A,branch,national,\n",
        ),
        (
            "participants.csv",
            "office,period,segment,measure,value,source,published\n\
             kc-a,2024,bpu,active,6000,x,6.000\n\
             kc-a,2024,pu,active,60000,x,60.000\n",
        ),
        (
            "workforce.csv",
            "office,period,measure,value,source,published\n\
             kc-a,2024-08,employed,600000,x,lebih dari 600 ribu\n\
             kc-a,2024-08,formal,200000,x,lebih dari 200 ribu\n",
        ),
    ]);
    let go = |args: &[&str]| ok_stdout(dir.path(), args);
    // Informal = employed (at least 600,000) − formal (at least 200,000): the first pulls it
    // up, the second down, so it is no figure and BPU 6,000 has no ratio.
    let (h, rows) = csv_rows(go(&["--format", "csv", "coverage"]).as_bytes());
    let r = select(&h, &rows, &[("segment", "bpu")])[0];
    assert_eq!(cell(&h, r, "coverage_pct"), "");
    assert_eq!(
        cell(&h, r, "note"),
        "no informal workforce figure for kc-a at 2024-08: no figure: employed less formal, \
         whose bounds pull it both ways (employed more than 600 thousand and formal more than \
         200 thousand)"
    );
    // PU keeps its ratio: 60,000 / at least 200,000 = at most 30 %.
    let r = select(&h, &rows, &[("segment", "pu")])[0];
    assert!(approx(cell(&h, r, "coverage_pct"), 30.0, 1e-9));
    assert_eq!(cell(&h, r, "coverage_bound"), "at_most");
    has(
        &go(&["--lang", "id", "--format", "markdown", "coverage"]),
        &[
            "tidak ada angka pekerja informal untuk kc-a pada Agustus 2024: tidak ada angka: \
           penduduk bekerja dikurangi pekerja formal, dengan batas yang berlawanan arah \
           (penduduk bekerja lebih dari 600 ribu dan pekerja formal lebih dari 200 ribu)",
        ],
    );
}
