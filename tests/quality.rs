//! `coverage quality` on data sets built to show each kind of finding. Every expected figure is
//! worked out by hand from the fixture's rows (tests/fixtures/quality/participants.csv).

mod common;

use common::{coverage, csv_rows, fixture, only};

/// The fixture's findings, in order, worked out by hand:
/// - jht-within-jkk names a program, so it is evaluated nowhere (info).
/// - kc-alpha: new pu has one change (Jun 60 -> Jul 100) and active all none: too short (< 6).
///   Active pu changes Feb-Aug: 10 12 9 12 9 300 11; sorted 9 9 10 11 12 12 300, median 11;
///   deviations 1 1 2 1 2 289 0, sorted 0 1 1 1 2 2 289, MAD 1; July: 0.6745 x 289 / 1 =
///   194.9305. July rises 1,352 - 1,052 = 300 with 100 - 60 = 40 added. In August active pu
///   1,363 > active all 1,300 breaks pu-within-all.
/// - kc-beta: changes Feb Mar Jun Jul Aug Sep (April missing, so no May change) all 5: flat.
///   April is missing while alpha and gamma report; in September it alone reports (alpha
///   stopped after August, gamma after June); Jan-Sep is 9 months of which 8 reported:
///   8 / 9 = 88.888...%.
/// - kc-gamma: 5 changes, too short; silent in July and August while both siblings report.
const EXPECTED_CSV: &str = "\
office,period,since,segment,measure,kind,figure,against,score,rate_pct,importance,rule
,,,,,rule not evaluated,,,,,info,jht-within-jkk
kc-alpha,,,pu,new,too short to judge,1,6,,,info,
kc-alpha,,,all,active,too short to judge,0,6,,,info,
kc-alpha,2024-07,2024-06,pu,active,outlier,300,11,194.9305,,medium,
kc-alpha,2024-07,2024-06,pu,active,rise beyond additions,300,40,,,high,
kc-alpha,2024-08,,,,rule broken,1363,1300,,,high,pu-within-all
kc-beta,,,pu,active,flat series,6,,,,info,
kc-beta,2024-04,,,,stops while siblings report,2,2,,,medium,
kc-beta,2024-04,,pu,active,missing month,,,,,medium,
kc-beta,2024-09,,,,reports while siblings stop,0,2,,,medium,
kc-beta,2024,,,,reporting rate,8,9,,88.88888888888889,low,
kc-gamma,,,pu,active,too short to judge,5,6,,,info,
kc-gamma,2024-07,,,,stops while siblings report,2,2,,,medium,
kc-gamma,2024-08,,,,stops while siblings report,2,2,,,medium,
";

#[test]
fn every_kind_of_finding_as_csv() {
    let d = fixture("quality");
    coverage()
        .args(["--data"])
        .arg(d.path())
        .args(["quality", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(EXPECTED_CSV)
        .stderr("");
}

#[test]
fn json_carries_the_same_rows() {
    let d = fixture("quality");
    let out = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 14);
    let outlier = &rows[3];
    assert_eq!(outlier["kind"], "outlier");
    assert_eq!(outlier["figure"], 300);
    assert!((outlier["score"].as_f64().unwrap() - 194.9305).abs() < 1e-9);
    assert_eq!(rows[5]["rule"], "pu-within-all");
    assert_eq!(rows[5]["importance"], "high");
}

#[test]
fn table_and_markdown_in_indonesian() {
    let d = fixture("quality");
    let out = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["--lang", "id", "quality", "--format", "markdown"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.starts_with("# Kualitas data\n"));
    for want in [
        "| Kantor ",
        "Tingkat kepentingan",
        "| pencilan ",
        "194,93",
        "kenaikan melebihi penambahan peserta",
        "aturan dilanggar",
        "1.363",
        "bulan tidak dilaporkan",
        "berhenti melapor saat kantor setingkat melapor",
        "melapor saat kantor setingkat berhenti",
        "88,9%",
        "deret datar",
        "aturan tidak dievaluasi",
        "| tinggi ",
        "| sedang ",
        "| rendah ",
        "| informasi ",
    ] {
        assert!(s.contains(want), "{want:?} missing from\n{s}");
    }
    let table = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let t = String::from_utf8(table).unwrap();
    assert!(t.starts_with("Data quality\n"));
    assert!(t.contains("194.93") && t.contains("88.9%") && t.contains("1,363"));
}

#[test]
fn branch_and_years_narrow_the_findings() {
    let d = fixture("quality");
    let out = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--branch", "gamma", "-f", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let (h, rows) = csv_rows(&out);
    let offices: Vec<&str> = rows.iter().map(|r| common::cell(&h, r, "office")).collect();
    // The rule evaluated nowhere belongs to no office, so it stays.
    assert_eq!(offices, ["", "kc-gamma", "kc-gamma", "kc-gamma"]);
    // Nothing falls in 2023: only the info rows remain (series with no monthly figure in the
    // window are not judged), so the exit code is 0.
    coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--to", "2023", "-f", "csv"])
        .assert()
        .code(0)
        .stdout(
            "office,period,since,segment,measure,kind,figure,against,score,rate_pct,importance,rule\n\
             ,,,,,rule not evaluated,,,,,info,jht-within-jkk\n",
        );
}

#[test]
fn threshold_decides_what_is_an_outlier() {
    // July's score is 194.9305: a threshold of 200 lets it pass.
    let d = fixture("quality");
    let out = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--threshold", "200", "-f", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let (h, rows) = csv_rows(&out);
    assert!(common::select(&h, &rows, &[("kind", "outlier")]).is_empty());
    // Written the Indonesian way, 194,9 still flags it.
    let out = coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--threshold", "194,9", "-f", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let (h, rows) = csv_rows(&out);
    assert_eq!(common::select(&h, &rows, &[("kind", "outlier")]).len(), 1);
    coverage()
        .args(["quality", "--threshold", "0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a positive number"));
}

#[test]
fn a_malformed_rule_names_file_line_and_column() {
    let d = fixture("quality");
    std::fs::write(
        d.path().join("rules.csv"),
        "name,left,operator,right,importance\n\
         ok,active.pu,<=,active.all,high\n\
         bad,active.pu + actve.bpu,=<,active.all,urgent\n",
    )
    .unwrap();
    let path = d.path().join("rules.csv").display().to_string();
    let measures =
        "active, registered, new, employers_active, employers_registered or employers_new";
    coverage()
        .arg("--data")
        .arg(d.path())
        .arg("quality")
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {path}:3:2 (left): found \"actve\", expected a measure: {measures} (at character 13)\n\
             {path}:3:3 (operator): found \"=<\", expected one of <, <=, ==, !=, >= or >\n\
             {path}:3:5 (importance): found \"urgent\", expected high, medium or low\n"
        ));
}

#[test]
fn a_clean_monthly_data_set_exits_zero() {
    // Six changes of +10 then one of +12: median 10, deviations 0 0 0 0 0 0 2, MAD 0, so the
    // mean deviation 2 / 7 stands in: (12 - 10) / (1.253314 x 2/7) = 7 / 1.253314 = 5.5852 > 3.5, an outlier.
    // With +10 throughout the series is flat, which is said but is no finding.
    let offices = "code,name,level,parent,partial,note\nkc,K,branch,,,\n";
    let rows = |last: i64| {
        let mut s = String::from("office,period,segment,measure,value,source,published,note\n");
        for m in 1..=8 {
            let v = if m == 8 {
                170 + last
            } else {
                100 + 10 * i64::from(m)
            };
            s.push_str(&format!("kc,2024-{m:02},pu,active,{v},t,,\n"));
        }
        s
    };
    let flat = only(offices, &rows(10));
    coverage()
        .arg("--data")
        .arg(flat.path())
        .args(["quality", "-f", "csv"])
        .assert()
        .code(0)
        .stdout(
            "office,period,since,segment,measure,kind,figure,against,score,rate_pct,importance,rule\n\
             kc,,,pu,active,flat series,7,,,,info,\n",
        );
    let bumped = only(offices, &rows(12));
    let out = coverage()
        .arg("--data")
        .arg(bumped.path())
        .args(["quality", "-f", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let (h, r) = csv_rows(&out);
    assert_eq!(r.len(), 1);
    assert_eq!(common::cell(&h, &r[0], "period"), "2024-08");
    assert!(common::approx(
        common::cell(&h, &r[0], "score"),
        5.5852,
        1e-4
    ));
}

#[test]
fn help_names_the_threshold_and_its_source() {
    let out = coverage()
        .args(["quality", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("3.5, as Iglewicz and Hoaglin"));
    assert!(s.contains("coverage quality --data ./my-office"));
}

#[test]
fn the_embedded_data_set_has_nothing_to_find() {
    // Bali Denpasar's pu and bpu active participants have one monthly figure each (August
    // 2023): no change to judge. No office has `new` beside two active figures, and there is
    // no rules.csv.
    coverage()
        .args(["quality", "-f", "csv"])
        .assert()
        .code(0)
        .stdout(
        "office,period,since,segment,measure,kind,figure,against,score,rate_pct,importance,rule\n\
             bali-denpasar,,,pu,active,too short to judge,0,6,,,info,\n\
             bali-denpasar,,,bpu,active,too short to judge,0,6,,,info,\n",
    );
}

#[test]
fn a_rules_file_past_a_megabyte_is_refused() {
    let d = fixture("quality");
    let mut big = String::from("name,left,operator,right,importance\n");
    while big.len() <= 1 << 20 {
        big.push_str("r,active.pu,<=,active.all,high\n");
    }
    std::fs::write(d.path().join("rules.csv"), big).unwrap();
    let path = d.path().join("rules.csv").display().to_string();
    coverage()
        .arg("--data")
        .arg(d.path())
        .arg("quality")
        .assert()
        .code(2)
        .stderr(format!(
            "error: {path}: is larger than 1 MB\n  hint: rules.csv holds one rule a line: name,left,operator,right,importance\n"
        ));
}

#[test]
fn sums_that_disagree_are_left_to_validate_and_pointed_to() {
    // The region says 100 active participants, its two branches 40 + 50 = 90: validate's
    // finding, which quality does not repeat but counts for people.
    let offices = "code,name,level,parent,partial,note\n\
        reg,Reg,region,,,\n\
        kc-1,One,branch,reg,,\n\
        kc-2,Two,branch,reg,,\n";
    let participants = "office,period,segment,measure,value,source,published,note\n\
        reg,2024,all,active,100,t,,\n\
        kc-1,2024,all,active,40,t,,\n\
        kc-2,2024,all,active,50,t,,\n";
    let d = only(offices, participants);
    for (lang, want) in [
        (
            "en",
            "Sums that disagree with their parts: 1 (run coverage validate)",
        ),
        (
            "id",
            "Jumlah yang berbeda dengan rinciannya: 1 (jalankan coverage validate)",
        ),
    ] {
        let out = coverage()
            .arg("--data")
            .arg(d.path())
            .args(["--lang", lang, "quality"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(want), "{s}");
    }
    coverage()
        .arg("--data")
        .arg(d.path())
        .arg("validate")
        .assert()
        .code(1);
}

/// Additions across a year end are what was left of the first year plus the second's figure:
/// here 9,223,372,036,854,775,807 − 0 + 1, one past the largest 64-bit integer. The rise of
/// 200 − 100 = 100 is well within them, so it is no finding; with a year end of 50 the same
/// rise is beyond the 50 − 0 + 1 = 51 added, and is one.
#[test]
fn additions_past_64_bits_are_not_wrapped_into_a_finding() {
    let offices = "code,name,level,parent\nnational,N,national,\na,A,branch,national\n";
    let rows = |year_end: &str| {
        format!(
            "office,period,segment,measure,value,source\n\
             a,2023-06,pu,new,0,s\na,2023,pu,new,{year_end},s\na,2024-01,pu,new,1,s\n\
             a,2023-06,pu,active,100,s\na,2024-01,pu,active,200,s\n"
        )
    };
    let run = |year_end: &str| {
        let d = only(offices, &rows(year_end));
        let out = coverage()
            .arg("--data")
            .arg(d.path())
            .args(["quality", "--format", "csv"])
            .assert()
            .code(1)
            .stderr("")
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let small = run("50");
    assert!(
        small.contains("a,2024-01,2023-06,pu,active,rise beyond additions,100,51,,,high,\n"),
        "{small}"
    );
    let huge = run("9223372036854775807");
    assert!(!huge.contains("rise beyond additions"), "{huge}");
}

/// Periods read as every other table writes them in Indonesian: the outlier of July 2024 (a
/// change since June 2024) is `Juli 2024` and `Juni 2024`, never the code `2024-07`; English
/// keeps the codes, and csv is the same in both languages.
#[test]
fn periods_in_indonesian_tables_are_month_names() {
    let d = fixture("quality");
    let table = |lang: &str, format: &str| {
        let out = coverage()
            .arg("--data")
            .arg(d.path())
            .args(["--lang", lang, "quality", "--format", format])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let first_cells = |s: &str, kind: &str| -> Vec<String> {
        let row = s.lines().find(|l| l.contains(kind)).unwrap();
        row.split('|')
            .skip(1)
            .take(3)
            .map(|c| c.trim().to_string())
            .collect()
    };
    let id = table("id", "markdown");
    assert_eq!(
        first_cells(&id, "| pencilan "),
        ["kc-alpha", "Juli 2024", "Juni 2024"]
    );
    assert!(!id.contains("2024-0"), "{id}");
    let en = table("en", "markdown");
    assert_eq!(
        first_cells(&en, "| outlier "),
        ["kc-alpha", "2024-07", "2024-06"]
    );
    assert_eq!(table("id", "csv"), EXPECTED_CSV);
}

/// A quote never closed in rules.csv swallows every rule after it into one cell: refused,
/// naming the line and column where it opened, as in the data files. Opened in the name
/// (line 3, column 1) or in the last column (line 2, column 5).
#[test]
fn a_quote_never_closed_in_rules_names_where_it_opened() {
    let d = fixture("quality");
    let path = d.path().join("rules.csv").display().to_string();
    let header = "name,left,operator,right,importance\n";
    for (rules, at) in [
        (
            "ok,active.pu,<=,active.all,high\n\"bad,active.pu,<=,active.all,high\nlast,active.pu,<=,active.all,low\n",
            "3:1 (name)",
        ),
        (
            "ok,active.pu,<=,active.all,\"high\nlast,active.pu,<=,active.all,low\n",
            "2:5 (importance)",
        ),
    ] {
        std::fs::write(d.path().join("rules.csv"), format!("{header}{rules}")).unwrap();
        coverage()
            .arg("--data")
            .arg(d.path())
            .arg("quality")
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: {path}:{at}: a quote opened here is never closed: the rest of the file would be read as one cell\n  \
                 hint: close the quote, or write a quote inside a quoted cell twice: \"\"\n"
            ));
    }
}

/// A side past 64 bits is still compared: pu + bpu is 5,000,000,000,000,000,000 × 2 =
/// 10,000,000,000,000,000,000, one past the largest 64-bit integer, against an all of
/// 5,000,000,000,000,000,000, so `pu + bpu <= all` is broken (the figure too large to write
/// as a count is left empty, the rule is never skipped).
#[test]
fn a_rule_whose_side_passes_64_bits_is_still_checked() {
    let offices = "code,name,level,parent\nnational,N,national,\nb1,B1,branch,national\n";
    let participants = "office,period,segment,measure,value,source\n\
        b1,2023,all,active,5000000000000000000,s\n\
        b1,2023,pu,active,5000000000000000000,s\n\
        b1,2023,bpu,active,5000000000000000000,s\n";
    let d = only(offices, participants);
    std::fs::write(
        d.path().join("rules.csv"),
        "name,left,operator,right,importance\nwithin,active.pu + active.bpu,<=,active.all,high\n",
    )
    .unwrap();
    coverage()
        .arg("--data")
        .arg(d.path())
        .args(["quality", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(
            "office,period,since,segment,measure,kind,figure,against,score,rate_pct,importance,rule\n\
             b1,2023,,,,rule broken,,5000000000000000000,,,high,within\n",
        );
}

/// A rules.csv saved as UTF-16 gets the message a data file gets, not the csv library's.
#[test]
fn rules_in_utf16_are_refused_as_such() {
    let d = fixture("quality");
    let path = d.path().join("rules.csv").display().to_string();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "name,left,operator,right,importance\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(d.path().join("rules.csv"), utf16).unwrap();
    coverage()
        .arg("--data")
        .arg(d.path())
        .arg("quality")
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {path}: the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8\n  \
             hint: re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))\n"
        ));
}
