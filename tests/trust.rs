//! How certain each figure is: bounds read from the published text or a `bound` column and
//! carried through every derived figure. Every figure below is worked out by hand.

mod common;

use common::{coverage, csv_rows, data_with, stdout_text};

const CLAIMS_HEAD: &str = "office,period,segment,program,cases,amount_idr,source,published,bound\n";

fn claims_csv(dir: &tempfile::TempDir) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "claims",
            "-f",
            "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    csv_rows(&out)
}

fn cell<'a>(h: &[String], row: &'a [String], name: &str) -> &'a str {
    &row[h.iter().position(|c| c == name).expect(name)]
}

fn program<'a>(rows: &'a [Vec<String>], h: &[String], p: &str) -> &'a [String] {
    rows.iter().find(|r| cell(h, r, "program") == p).expect(p)
}

#[test]
fn a_bound_column_saying_exact_overrides_the_text() {
    // The user states both amounts are exact, whatever "lebih" says: the rest is
    // 342 - 281 = Rp61 miliar, and JHT's share 281 / 342 = 82.1637 %.
    let claims = format!(
        "{CLAIMS_HEAD}bali-denpasar,2023-08,pu,all,21097,342000000000,s,Rp 342 miliar lebih,exact\n\
         bali-denpasar,2023-08,pu,jht,16355,281000000000,s,Rp 281 miliar lebih,exact\n"
    );
    let dir = data_with(&[("claims.csv", Some(&claims))]);
    let (h, rows) = claims_csv(&dir);
    let other = program(&rows, &h, "other");
    assert_eq!(cell(&h, other, "amount_idr"), "61000000000");
    assert_eq!(cell(&h, other, "amount_bound"), "exact");
    let jht = program(&rows, &h, "jht");
    let share: f64 = cell(&h, jht, "share_amount_pct").parse().unwrap();
    assert!((share - 82.1637).abs() < 0.0001, "{share}");
    assert_eq!(cell(&h, jht, "share_amount_bound"), "exact");
}

#[test]
fn a_lower_bound_less_an_upper_bound_is_a_lower_bound() {
    // "lebih dari Rp 342 miliar" less "hampir Rp 281 miliar": the total may be larger and the
    // part smaller, so the rest is more than 342 - 281 = Rp61 miliar; no bound column.
    let claims = "office,period,segment,program,cases,amount_idr,source,published\n\
         bali-denpasar,2023-08,pu,all,21097,342000000000,s,lebih dari Rp 342 miliar\n\
         bali-denpasar,2023-08,pu,jht,16355,281000000000,s,hampir Rp 281 miliar\n";
    let dir = data_with(&[("claims.csv", Some(claims))]);
    let (h, rows) = claims_csv(&dir);
    let other = program(&rows, &h, "other");
    assert_eq!(cell(&h, other, "amount_idr"), "61000000000");
    assert_eq!(cell(&h, other, "amount_bound"), "at_least");
    // JHT: at most 281 over at least 342 is at most 82.16 %.
    let jht = program(&rows, &h, "jht");
    assert_eq!(cell(&h, jht, "share_amount_bound"), "at_most");
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "claims"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let t = String::from_utf8(out).unwrap();
    assert!(t.contains("more than Rp61 billion"), "{t}");
    assert!(t.contains("at most Rp281 billion"), "{t}");
    assert!(t.contains("at most 82.2%"), "{t}");
}

#[test]
fn shipped_claims_in_words_in_both_languages() {
    // Report 004: "Rp 281 miliar lebih", "Rp 342 miliar rupiah lebih": lower bounds, printed to
    // the miliar; the rest lies between 342 - 282 = 60 and 343 - 281 = 62 miliar.
    let en = coverage().args(["claims"]).assert().success();
    let en = String::from_utf8(en.get_output().stdout.clone()).unwrap();
    assert!(en.contains("more than Rp281 billion"), "{en}");
    assert!(en.contains("more than Rp342 billion"), "{en}");
    assert!(en.contains("between Rp60 billion and Rp62 billion"), "{en}");
    assert!(!en.contains("Rp61"), "{en}");
    let id = coverage()
        .args(["claims", "--lang", "id"])
        .assert()
        .success();
    let id = String::from_utf8(id.get_output().stdout.clone()).unwrap();
    assert!(id.contains("lebih dari Rp281 miliar"), "{id}");
    assert!(id.contains("antara Rp60 miliar dan Rp62 miliar"), "{id}");
}

#[test]
fn stated_figures_in_the_report_say_their_bound() {
    // Report 004: "di atas 80 persen" (above) and "kisaran 12 persen" (about).
    let out = coverage()
        .args(["report", "--branch", "denpasar"])
        .assert()
        .success();
    let t = stdout_text(&out);
    assert!(t.contains("above 80%"), "{t}");
    assert!(t.contains("about 12%"), "{t}");
    let (h, rows) = shipped_csv(&["report", "--branch", "denpasar"]);
    let pu = rows
        .iter()
        .find(|r| {
            cell(&h, r, "section") == "Stated by the source"
                && cell(&h, r, "metric") == "coverage_pct"
                && cell(&h, r, "segment") == "pu"
        })
        .unwrap();
    assert_eq!(cell(&h, pu, "value"), "80");
    assert_eq!(cell(&h, pu, "bound"), "at_least");
}

#[test]
fn the_report_shows_given_figures_to_their_published_digits() {
    // Report 000: "35,86 juta" is 35.86 million, to the ten thousand, not 35,860,000; report
    // 003: "hampir 2,9 juta jiwa" is just under 2.9 million; BPS 2019: "50.20%" keeps its zero.
    let md = |lang: &str, office: &str| {
        let out = coverage()
            .args([
                "--lang", lang, "report", "--branch", office, "-f", "markdown",
            ])
            .assert()
            .success();
        stdout_text(&out)
    };
    let national = md("en", "national");
    assert!(
        national.contains("| 2022   | all     | active participants             | 35.86 million |"),
        "{national}"
    );
    assert!(national.contains("vs 2022: 35.86 million"), "{national}");
    assert!(!national.contains("35,860,000"), "{national}");
    let bali = md("en", "bali");
    assert!(bali.contains("| just under 2.9 million |"), "{bali}");
    assert!(bali.contains("|                 50.20% |"), "{bali}");
    assert!(!bali.contains("at most 2,900,000"), "{bali}");
    let id = md("id", "bali");
    assert!(id.contains("| hampir 2,9 juta |"), "{id}");
    assert!(id.contains("50,20%"), "{id}");
    let id = md("id", "national");
    assert!(id.contains("| 35,86 juta |"), "{id}");
    // csv keeps the full figure and names its bound.
    let (h, rows) = shipped_csv(&["report", "--branch", "bali"]);
    let potential = rows
        .iter()
        .find(|r| cell(&h, r, "metric") == "potential_workers")
        .unwrap();
    assert_eq!(cell(&h, potential, "value"), "2900000");
    assert_eq!(cell(&h, potential, "bound"), "at_most");
}

#[test]
fn the_report_gives_a_range_with_what_it_assumes() {
    // Report 004: all programs "Rp 342 miliar lebih", JHT "Rp 281 miliar lebih". With each
    // bound taken as under one unit of its last digit, the total is in [342, 343) billion and
    // JHT in [281, 282): the other programs are between 342 - 282 = 60 and 343 - 281 = 62
    // billion, JHT's share of the amount between 281 / 343 = 81.924 % and 282 / 342 =
    // 82.456 %, and the other programs' 4,742 cases average between 60e9 / 4,742 =
    // Rp12,652,889 and 62e9 / 4,742 = Rp13,074,652.
    let md = |lang: &str| {
        let out = coverage()
            .args([
                "--lang", lang, "report", "--branch", "denpasar", "-f", "markdown",
            ])
            .assert()
            .success();
        stdout_text(&out)
    };
    let en = md("en");
    assert!(en.contains("between Rp60 billion and Rp62 billion"), "{en}");
    assert!(
        en.contains("A range takes each bound as within one unit of its last published digit"),
        "{en}"
    );
    let id = md("id");
    assert!(
        id.contains("Rentang menganggap setiap batas berada dalam satu satuan angka terakhir"),
        "{id}"
    );
    let (h, rows) = shipped_csv(&["report", "--branch", "denpasar"]);
    let line = |program: &str, metric: &str| {
        rows.iter()
            .find(|r| cell(&h, r, "program") == program && cell(&h, r, "metric") == metric)
            .unwrap_or_else(|| panic!("{program} {metric}"))
    };
    let other = line("other", "amount_idr");
    assert_eq!(cell(&h, other, "value"), "");
    assert_eq!(cell(&h, other, "bound"), "none");
    assert_eq!(cell(&h, other, "low"), "60000000000");
    assert_eq!(cell(&h, other, "high"), "62000000000");
    let share = line("jht", "share_amount_pct");
    let num = |c: &str| c.parse::<f64>().unwrap();
    assert!((num(cell(&h, share, "low")) - 81.924).abs() < 0.001);
    assert!((num(cell(&h, share, "high")) - 82.456).abs() < 0.001);
    let per_case = line("other", "idr_per_case");
    assert!((num(cell(&h, per_case, "low")) - 12_652_889.08).abs() < 0.01);
    assert!((num(cell(&h, per_case, "high")) - 13_074_652.05).abs() < 0.01);
    // An exact line has no range.
    assert_eq!(cell(&h, line("jht", "cases"), "low"), "");
}

#[test]
fn a_bound_that_is_no_code_is_refused_where_it_is() {
    let claims = format!(
        "{CLAIMS_HEAD}bali-denpasar,2023-08,pu,all,21097,342000000000,s,Rp 342 miliar,maybe\n"
    );
    let dir = data_with(&[("claims.csv", Some(&claims))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "claims"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let e = String::from_utf8(out).unwrap();
    assert!(
        e.contains("claims.csv:2:9 (bound): found \"maybe\", expected one of exact, at_least, at_most, about, at_least_about or at_most_about"),
        "{e}"
    );
}

/// A command's csv on the shipped data, which must succeed: its header and rows.
fn shipped_csv(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage().args(args).args(["-f", "csv"]).assert().success();
    csv_rows(&out.get_output().stdout)
}

fn stdout(args: &[&str]) -> String {
    let out = coverage().args(args).assert().success();
    stdout_text(&out)
}

#[test]
fn a_verdict_on_an_uncertain_roadmap_figure_says_so() {
    // 2022 roadmap 35,93 juta against 35,86 juta active: 35.86 / 35.93 = 99.805 %, missed;
    // but 35,93 juta may be the 2022 outcome rather than the roadmap (data/SOURCES.md).
    let md = stdout(&["targets", "--branch", "national", "-f", "markdown"]);
    assert!(
        md.contains("year complete: target missed, if 35,93 juta is the 2022 roadmap target"),
        "{md}"
    );
    // 2023: 43,92 juta is read one way only; its verdict has no caveat.
    let y2023 = md
        .lines()
        .find(|l| l.contains("| 2023 | roadmap | active"))
        .unwrap();
    assert!(
        y2023.contains("year complete: target missed ") && !y2023.contains("missed, if"),
        "{y2023}"
    );
    let id = stdout(&[
        "targets", "--branch", "national", "-f", "markdown", "--lang", "id",
    ]);
    assert!(
        id.contains("jika 35,93 juta adalah target tahun 2022 (peta jalan)"),
        "{id}"
    );
    let (h, rows) = shipped_csv(&["targets", "--branch", "national"]);
    let y2022 = rows
        .iter()
        .find(|r| cell(&h, r, "year") == "2022" && cell(&h, r, "measure") == "active")
        .unwrap();
    assert_eq!(cell(&h, y2022, "reading"), "uncertain");
    assert_eq!(cell(&h, y2022, "status"), "year complete: target missed");
    let y2023 = rows
        .iter()
        .find(|r| cell(&h, r, "year") == "2023" && cell(&h, r, "measure") == "active")
        .unwrap();
    assert_eq!(cell(&h, y2023, "reading"), "certain");
}

#[test]
fn a_target_read_one_way_of_two_says_so_without_a_verdict() {
    // Rp627,69 triliun may be the 2022 outcome rather than the roadmap target (its note), and
    // no funds figure is in the data set: no verdict, but the row still says how it is read.
    let md = stdout(&["targets", "--branch", "national", "-f", "markdown"]);
    let funds = md
        .lines()
        .find(|l| l.contains("| 2022 | roadmap | funds_idr"))
        .unwrap();
    assert!(
        funds.contains(
            "no actual figure to compare with; read as the 2022 roadmap target, one reading of two"
        ),
        "{funds}"
    );
    // 2023's Rp695,29 triliun is read one way only.
    let y2023 = md
        .lines()
        .find(|l| l.contains("| 2023 | roadmap | funds_idr"))
        .unwrap();
    assert!(!y2023.contains("one reading of two"), "{y2023}");
    let id = stdout(&[
        "targets", "--branch", "national", "-f", "markdown", "--lang", "id",
    ]);
    assert!(
        id.contains("tidak ada angka realisasi sebagai pembanding; dibaca sebagai target tahun 2022 (peta jalan), satu dari dua kemungkinan pembacaan"),
        "{id}"
    );
    let (h, rows) = shipped_csv(&["targets", "--branch", "national"]);
    let row = |y: &str| {
        rows.iter()
            .find(|r| cell(&h, r, "year") == y && cell(&h, r, "measure") == "funds_idr")
            .unwrap()
    };
    assert_eq!(cell(&h, row("2022"), "reading"), "uncertain");
    assert_eq!(
        cell(&h, row("2022"), "status"),
        "no actual figure to compare with"
    );
    assert_eq!(cell(&h, row("2023"), "reading"), "certain");
    // The report's target line says it too.
    let report = stdout(&["report", "--branch", "national", "-f", "markdown"]);
    assert!(
        report.contains("published as \"Rp627,69 triliun\"; read as the 2022 roadmap target, one reading of two"),
        "{report}"
    );
}

#[test]
fn an_audit_resting_on_an_uncertain_row_says_so() {
    // 695,29 / 627,69 - 1 = 10.769 %: the stated 10,76 persen only if truncated, and only if
    // Rp627,69 triliun is the 2022 roadmap figure.
    // audit exits 1: the national 15,89 persen is inconsistent.
    let out = coverage()
        .args(["audit", "-f", "markdown"])
        .assert()
        .code(1);
    let md = stdout_text(&out);
    assert!(
        md.contains("consistent only if truncated, if Rp627,69 triliun is read as its note says"),
        "{md}"
    );
    // Bali 2023 growth rests on 750 ribu and 1,027 juta, which are read one way only: its
    // verdict (consistent, taking 750 ribu's trailing zero the wider way) has no caveat.
    let bali = md.lines().find(|l| l.contains("| 36 persen ")).unwrap();
    assert!(
        bali.contains("| consistent ") && !bali.contains(", if"),
        "{bali}"
    );
}

#[test]
fn a_reading_that_is_no_code_is_refused_where_it_is() {
    let targets = "office,year,plan,measure,segment,value,source,reading\n\
                   national,2024,annual,active,all,53860000,s,perhaps\n";
    let dir = data_with(&[("targets.csv", Some(targets))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "targets"])
        .assert()
        .code(2);
    let e = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        e.contains(
            "targets.csv:2:8 (reading): found \"perhaps\", expected one of certain or uncertain"
        ),
        "{e}"
    );
}

#[test]
fn a_users_uncertain_row_carries_into_the_verdict() {
    // The user marks the 2023 actual 41,46 juta as uncertain; the 2023 roadmap verdict
    // (41.46 / 43.92 = 94.4 %, missed) rests on it.
    let p = std::fs::read_to_string(common::shipped().join("participants.csv")).unwrap();
    let p = p.replace(
        "read as the 2023 year-end stock.\",",
        "read as the 2023 year-end stock.\",uncertain",
    );
    let dir = data_with(&[("participants.csv", Some(&p))]);
    let md = stdout(&[
        "--data",
        dir.path().to_str().unwrap(),
        "targets",
        "--branch",
        "national",
        "-f",
        "markdown",
    ]);
    assert!(
        md.contains("year complete: target missed, if 41,46 juta is read as its note says"),
        "{md}"
    );
}

#[test]
fn roadmap_funds_path_and_annual_against_roadmap() {
    // Roadmap funds: Rp695,29 - 627,69 triliun = +Rp67,60 triliun, 67.60 / 627.69 = 10.7696 %;
    // Rp781,77 - 695,29 = +Rp86,48 triliun, 86.48 / 695.29 = 12.4380 %.
    // Annual 2024 target 53,86 juta against the roadmap's 53,52 juta: +340,000.
    // Only year ends known for 2024: 12,400,000 / 12 = 1,033,333.33 a month on average
    // (annual), 12,060,000 / 12 = 1,005,000 (roadmap, 53,52 - 41,46 juta).
    let (h, rows) = shipped_csv(&["targets", "--branch", "national"]);
    let find = |y: &str, plan: &str, m: &str| {
        rows.iter()
            .find(|r| {
                cell(&h, r, "year") == y
                    && cell(&h, r, "plan") == plan
                    && cell(&h, r, "measure") == m
            })
            .unwrap()
    };
    let f23 = find("2023", "roadmap", "funds_idr");
    assert_eq!(cell(&h, f23, "plan_before_year"), "2022");
    assert_eq!(cell(&h, f23, "plan_change"), "67600000000000");
    let pct: f64 = cell(&h, f23, "plan_change_pct").parse().unwrap();
    assert!((pct - 10.7696).abs() < 0.0001, "{pct}");
    // Rp627,69 triliun is read one way of two (roadmap or outcome): the step rests on it.
    assert_eq!(cell(&h, f23, "plan_change_reading"), "uncertain");
    let f24 = find("2024", "roadmap", "funds_idr");
    assert_eq!(cell(&h, f24, "plan_change"), "86480000000000");
    let pct: f64 = cell(&h, f24, "plan_change_pct").parse().unwrap();
    assert!((pct - 12.4380).abs() < 0.0001, "{pct}");
    assert_eq!(cell(&h, f24, "plan_change_reading"), "certain");
    let annual = find("2024", "annual", "active");
    assert_eq!(cell(&h, annual, "vs_roadmap"), "340000");
    assert_eq!(cell(&h, annual, "vs_roadmap_reading"), "certain");
    let avg: f64 = cell(&h, annual, "avg_needed_per_month").parse().unwrap();
    assert!((avg - 1_033_333.33).abs() < 0.01, "{avg}");
    let road = find("2024", "roadmap", "active");
    assert_eq!(cell(&h, road, "avg_needed_per_month"), "1005000");
}

#[test]
fn roadmap_participant_path_in_every_format_and_both_languages() {
    // Roadmap active participants 35,93 -> 43,92 -> 53,52 juta:
    // 43,920,000 - 35,930,000 = +7,990,000; 7.99 / 35.93 = 0.222377 = +22.24 %;
    // 53,520,000 - 43,920,000 = +9,600,000; 9.60 / 43.92 = 0.218579 = +21.86 %.
    // The first step rests on 35,93 juta, read one way of two (roadmap target or outcome).
    let (h, rows) = shipped_csv(&["targets", "--branch", "national"]);
    let road = |y: &str| {
        rows.iter()
            .find(|r| {
                cell(&h, r, "year") == y
                    && cell(&h, r, "plan") == "roadmap"
                    && cell(&h, r, "measure") == "active"
            })
            .unwrap()
    };
    let r23 = road("2023");
    assert_eq!(cell(&h, r23, "plan_before"), "35930000");
    assert_eq!(cell(&h, r23, "plan_change"), "7990000");
    assert!(common::approx(
        cell(&h, r23, "plan_change_pct"),
        22.2377,
        0.0001
    ));
    assert_eq!(cell(&h, r23, "plan_change_reading"), "uncertain");
    let r24 = road("2024");
    assert_eq!(cell(&h, r24, "plan_change"), "9600000");
    assert!(common::approx(
        cell(&h, r24, "plan_change_pct"),
        21.8579,
        0.0001
    ));
    assert_eq!(cell(&h, r24, "plan_change_reading"), "certain");
    // The 2022 roadmap has no roadmap year before it in the data set.
    assert_eq!(cell(&h, road("2022"), "plan_change"), "");

    let md = stdout(&["targets", "--branch", "national", "-f", "markdown"]);
    assert!(
        md.contains(" +7,990,000, if 35,93 juta is the 2022 roadmap target |"),
        "{md}"
    );
    assert!(
        md.contains(" +22.2%, if 35,93 juta is the 2022 roadmap target |"),
        "{md}"
    );
    let y2024 = md
        .lines()
        .find(|l| l.contains("| 2024 | roadmap | active"))
        .unwrap();
    assert!(
        y2024.contains(" +9,600,000 |") && y2024.contains(" +21.9% |"),
        "{y2024}"
    );
    let id = stdout(&[
        "--lang", "id", "targets", "--branch", "national", "-f", "markdown",
    ]);
    assert!(
        id.contains("+7.990.000, jika 35,93 juta adalah target tahun 2022 (peta jalan) |"),
        "{id}"
    );
    assert!(id.contains(" +21,9% |"), "{id}");

    // The report: the same steps, and the annual target against the roadmap (53,860,000 -
    // 53,520,000 = +340,000).
    let (h, rows) = shipped_csv(&["report", "--branch", "national"]);
    let line = |period: &str, metric: &str| {
        rows.iter()
            .filter(|r| cell(&h, r, "period") == period && cell(&h, r, "metric") == metric)
            .map(|r| cell(&h, r, "value").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(line("2023", "plan_change"), ["7990000", "67600000000000"]);
    assert_eq!(line("2024", "plan_change"), ["9600000", "86480000000000"]);
    assert_eq!(line("2024", "vs_roadmap"), ["340000"]);
    let t = stdout(&["--lang", "id", "report", "--branch", "national"]);
    assert!(
        t.contains("perubahan dari rencana setahun sebelumnya"),
        "{t}"
    );
    assert!(t.contains("target tahunan terhadap peta jalan"), "{t}");
}

#[test]
fn a_bar_short_of_one_hundred_is_never_full() {
    // 35.86 / 35.93 = 99.805 %: 79.84 of 80 eighths rounds to 80, held at 79 = 9 cells + 7/8.
    let t = stdout(&["targets", "--branch", "national", "--year", "2022"]);
    assert!(t.contains("│    99.8% │ █████████▉ │"), "{t}");
}

#[test]
fn check_names_the_national_office_once() {
    let t = stdout(&["check", "--branch", "national", "--min-growth", "1"]);
    assert!(t.starts_with("Indonesia (national)\n"), "{t}");
}

#[test]
fn a_partial_sum_is_a_lower_bound_and_names_what_is_missing() {
    // Bali Denpasar's 2024 target of 433 ribu additions over all segments; for 2023 only PU
    // 207,010 and BPU 194,210 additions are known: 207,010 + 194,210 = 401,220, at least the
    // total, so the target is at most 433,000 - 401,220 = 31,780 above them; jakon and PMI are
    // missing. Both
    // figures are read one way of two (additions or stocks).
    let (h, rows) = shipped_csv(&["targets", "--branch", "denpasar"]);
    let r = &rows[0];
    assert_eq!(cell(&h, r, "base_at_least"), "401220");
    assert_eq!(cell(&h, r, "reading"), "uncertain");
    assert_eq!(cell(&h, r, "status"), "only year ends known");
    assert_eq!(
        cell(&h, r, "note"),
        "401,220 known for PU, BPU in 2023, at least the total: the target is at most +31,780 \
         above it (missing: JAKON, PMI), if the known figures are read as their notes say"
    );
}

#[test]
fn validate_names_a_value_its_text_rules_out() {
    // The user corrects 2023 national active participants to 41,500,000 but keeps the text
    // "41,46 juta", which allows 41,455,000 to 41,465,000 only.
    let t = std::fs::read_to_string(common::shipped().join("targets.csv")).unwrap();
    let t = t.replace(",53860000,", ",53900000,");
    let dir = data_with(&[("targets.csv", Some(&t))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1);
    let s = stdout_text(&out);
    // "53,86 juta" is 53,855,000 to 53,865,000; the annual target is line 2.
    assert!(
        s.contains(
            "targets.csv:2:6 (value): 53900000 lies outside what \"53,86 juta\" allows (53855000 to 53865000)"
        ),
        "{s}"
    );
}

#[test]
fn audit_recomputes_from_the_value_the_user_holds() {
    // 2024 annual target corrected to 53,900,000, its text still "53,86 juta" (rounded to
    // 10,000: +-5,000). Around the held value: 53,895,000 to 53,905,000, less the 2023 stock
    // 41,455,000 to 41,465,000, gives 12,430,000 to 12,450,000 (point 12,440,000), which the
    // stated "12,40 juta" (12,395,000 to 12,405,000) does not reach: inconsistent. Audited from
    // the text alone it would be 12,390,000 to 12,410,000: consistent.
    let t = std::fs::read_to_string(common::shipped().join("targets.csv")).unwrap();
    let t = t.replace(",53860000,", ",53900000,");
    let dir = data_with(&[("targets.csv", Some(&t))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "audit", "-f", "csv"])
        .assert()
        .code(1);
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = rows
        .iter()
        .find(|r| cell(&h, r, "metric") == "target_change")
        .unwrap();
    assert_eq!(cell(&h, r, "verdict"), "inconsistent");
    assert_eq!(cell(&h, r, "computed_point"), "12440000");
    // What it was computed from names the held value, and the text as what was published.
    assert_eq!(
        cell(&h, r, "basis"),
        "target 2024 (53,900,000, published as \"53,86 juta\") − active participants 2023 \
         (\"41,46 juta\")"
    );
    let id = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "--lang", "id"])
        .args(["audit", "-f", "markdown"])
        .assert()
        .code(1);
    let id = String::from_utf8(id.get_output().stdout.clone()).unwrap();
    assert!(
        id.contains("target 2024 (53.900.000, dipublikasikan sebagai \"53,86 juta\")"),
        "{id}"
    );
}

#[test]
fn a_survey_after_the_figure_is_said_plainly() {
    // National active 2022 (35,860,000) has only the August 2023 survey (employed 139,850,000):
    // 35.86 / 139.85 = 25.64 %, resting on a survey taken after the figure; 2023 uses the same
    // survey, so between the two years the ratio moves with participants alone.
    let (h, rows) = shipped_csv(&["coverage", "--branch", "national"]);
    let y2022 = rows
        .iter()
        .find(|r| cell(&h, r, "period") == "2022")
        .unwrap();
    assert_eq!(cell(&h, y2022, "survey_after"), "true");
    assert_eq!(
        cell(&h, y2022, "note"),
        "resting on a survey taken after the figure: participants 2022, survey 2023-08; \
         the same survey serves 2023, so the ratio moves with participants alone"
    );
    let y2023 = rows
        .iter()
        .find(|r| cell(&h, r, "period") == "2023")
        .unwrap();
    assert_eq!(cell(&h, y2023, "survey_after"), "false");
    assert!(cell(&h, y2023, "note")
        .ends_with("the same survey serves 2022, so the ratio moves with participants alone"));
}

#[test]
fn audit_names_the_one_denominator_a_percentage_fits() {
    // Bali 39,41 persen of unnamed workers: 1,027 juta (1,026,500 to 1,027,500) over employed
    // Aug 2022, 2.61 million (2,605,000 to 2,615,000), gives 39.254 % to 39.443 %, which holds
    // 39,41; the six other surveys tried do not.
    let out = coverage()
        .args(["audit", "-f", "markdown"])
        .assert()
        .code(1);
    let md = stdout_text(&out);
    let line = md.lines().find(|l| l.contains("| 39,41 persen ")).unwrap();
    assert!(
        line.contains("consistent only against employed 2022-08"),
        "{line}"
    );
    // In Indonesian the survey is a month as BPS writes it.
    let out = coverage()
        .args(["--lang", "id", "audit", "-f", "markdown"])
        .assert()
        .code(1);
    let md = stdout_text(&out);
    let line = md.lines().find(|l| l.contains("| 39,41 persen ")).unwrap();
    assert!(
        line.contains("konsisten hanya terhadap penduduk bekerja Agustus 2022"),
        "{line}"
    );
}

/// A data set of one branch with these participant rows and one 2024 target.
fn one_branch(participants: &str, target: i64) -> tempfile::TempDir {
    let offices = "code,name,level,parent\nnational,National,national,\nkc-x,X,branch,national\n";
    let p = format!("office,period,segment,measure,value,source\n{participants}");
    let t = format!("office,year,measure,segment,value,source\nkc-x,2024,active,all,{target},t\n");
    data_with(&[
        ("offices.csv", Some(offices)),
        ("participants.csv", Some(&p)),
        ("targets.csv", Some(&t)),
        ("claims.csv", None),
        ("workforce.csv", None),
        ("stated.csv", None),
    ])
}

fn targets_csv(dir: &tempfile::TempDir) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "targets",
            "-f",
            "csv",
        ])
        .assert()
        .success();
    csv_rows(&out.get_output().stdout)
}

#[test]
fn a_series_that_fell_below_its_target_did_not_reach_it_in_january() {
    // End 2023: 150,000, above the 2024 target of 140,000; March 2024: 120,000. The pace is
    // (120,000 - 150,000) / 3 = -10,000 a month, projected 120,000 - 9 x 10,000 = 30,000.
    let dir = one_branch(
        "kc-x,2023,all,active,150000,s\nkc-x,2024-03,all,active,120000,s\n",
        140_000,
    );
    let (h, rows) = targets_csv(&dir);
    assert_eq!(cell(&h, &rows[0], "pace_per_month"), "-10000");
    assert_eq!(cell(&h, &rows[0], "projected"), "30000");
    assert_eq!(cell(&h, &rows[0], "reach_month"), "");
    assert_eq!(cell(&h, &rows[0], "status"), "behind");
}

#[test]
fn a_falling_series_never_projects_below_zero() {
    // End 2023: 150,000; March 2024: 60,000: -30,000 a month, which would project
    // 60,000 - 9 x 30,000 = -210,000; held at zero and said so.
    let dir = one_branch(
        "kc-x,2023,all,active,150000,s\nkc-x,2024-03,all,active,60000,s\n",
        140_000,
    );
    let (h, rows) = targets_csv(&dir);
    assert_eq!(cell(&h, &rows[0], "projected"), "0");
    assert_eq!(
        cell(&h, &rows[0], "note"),
        "at the pace so far the series falls to zero before the year end"
    );
}

#[test]
fn a_count_above_its_target_but_falling_is_not_called_reached() {
    // End 2023: 125,000; March 2024: 118,000, above the 2024 target of 115,000. The pace is
    // (118,000 - 125,000) / 3 = -2,333 a month, projected 118,000 - 9 x 2,333.3 = 97,000:
    // above the target now, below it at the year end.
    let dir = one_branch(
        "kc-x,2023,all,active,125000,s\nkc-x,2024-03,all,active,118000,s\n",
        115_000,
    );
    let (h, rows) = targets_csv(&dir);
    assert_eq!(cell(&h, &rows[0], "projected"), "97000");
    assert_eq!(cell(&h, &rows[0], "on_track"), "false");
    assert_eq!(
        cell(&h, &rows[0], "status"),
        "at or above the target so far, but below it by the year end at this pace"
    );
    let out = coverage()
        .args(["--lang", "id", "--data", dir.path().to_str().unwrap()])
        .args(["targets", "-f", "markdown"])
        .assert()
        .success();
    let md = stdout_text(&out);
    assert!(
        md.contains("sejauh ini mencapai atau melampaui target, tetapi dengan laju ini berada di bawahnya pada akhir tahun"),
        "{md}"
    );
    // Rising from 110,000 to 118,000: +2,667 a month, the target stays reached.
    let dir = one_branch(
        "kc-x,2023,all,active,110000,s\nkc-x,2024-03,all,active,118000,s\n",
        115_000,
    );
    let (h, rows) = targets_csv(&dir);
    assert_eq!(cell(&h, &rows[0], "status"), "target reached");
}

#[test]
fn programs_past_64_bits_are_still_checked_against_their_total() {
    // JHT 5,000,000,000,000,000,000 + JKK 5,000,000,000,000,000,000 = 10^19, past the 64-bit
    // limit (9,223,372,036,854,775,807) and more than the stated total 9 x 10^18.
    let claims = "office,period,segment,program,cases,amount_idr,source\n\
                  bali-denpasar,2023-08,pu,all,3,9000000000000000000,s\n\
                  bali-denpasar,2023-08,pu,jht,1,5000000000000000000,s\n\
                  bali-denpasar,2023-08,pu,jkk,1,5000000000000000000,s\n";
    let dir = data_with(&[("claims.csv", Some(claims))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1);
    let s = stdout_text(&out);
    assert!(
        s.contains("claims.csv:2: bali-denpasar 2023-08 pu: the programs' amounts add up to 10000000000000000000, more than the stated total 9000000000000000000"),
        "{s}"
    );
}

#[test]
fn a_sum_of_programs_past_64_bits_is_named_as_such() {
    // No stated total: 5 x 10^18 + 5 x 10^18 = 10^19 has no 64-bit figure, and says why.
    let claims = "office,period,segment,program,cases,amount_idr,source\n\
                  bali-denpasar,2023-08,pu,jht,1,5000000000000000000,s\n\
                  bali-denpasar,2023-08,pu,jkk,1,5000000000000000000,s\n";
    let dir = data_with(&[("claims.csv", Some(claims))]);
    let (h, rows) = claims_csv(&dir);
    let all = program(&rows, &h, "all");
    assert_eq!(cell(&h, all, "amount_idr"), "");
    assert_eq!(
        cell(&h, all, "source"),
        "sum of programs: past the 64-bit limit"
    );
}

#[test]
fn segments_past_64_bits_are_named_not_dropped() {
    // PU, BPU and jakon 4 x 10^18 each and PMI 1: 12 x 10^18 + 1 is past the 64-bit limit
    // (9,223,372,036,854,775,807), so there is no `all` figure, and validate says why.
    let p = std::fs::read_to_string(common::shipped().join("participants.csv")).unwrap();
    let mut p = p;
    for (s, v) in [
        ("pu", "4000000000000000000"),
        ("bpu", "4000000000000000000"),
        ("jakon", "4000000000000000000"),
        ("pmi", "1"),
    ] {
        p.push_str(&format!("kc-tabanan,2023,{s},active,{v},s,,,\n"));
    }
    let dir = data_with(&[("participants.csv", Some(&p))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1);
    let s = stdout_text(&out);
    assert!(
        s.contains("participants.csv: kc-tabanan 2023 active: pu + bpu + jakon + pmi add up past the 64-bit limit, so no sum is made"),
        "{s}"
    );
}

#[test]
fn a_reason_for_no_figure_says_what_is_there_and_which_flag_shows_it() {
    // Bali Denpasar has active PU 424,997 and BPU 116,573 at August 2023 but no total:
    // 424,997 + 116,573 = 541,570, at least the branch total (jakon and PMI are not given).
    let (h, rows) = shipped_csv(&["rank", "--by", "coverage"]);
    let r = rows
        .iter()
        .find(|r| cell(&h, r, "office") == "bali-denpasar")
        .unwrap();
    // Nor has PU a ratio (no formal workforce of the branch), so the reason says so rather
    // than point to --segment pu; only national and bali (a province) have formal workers.
    assert_eq!(
        cell(&h, r, "reason"),
        "no active participants figure for all segments: PU, BPU given for 2023-08, at least \
         541,570 together; nor for PU: no formal figure for this office: given for Indonesia \
         (national), Bali (bali); see --level national"
    );
    // Blitar has no figure at all, and says only that.
    let b = rows
        .iter()
        .find(|r| cell(&h, r, "office") == "kc-blitar")
        .unwrap();
    assert_eq!(
        cell(&h, b, "reason"),
        "no participant figures for this office"
    );
}

#[test]
fn trailing_zeros_take_the_wider_reading_and_say_so() {
    // "750 ribu": to the thousand (749,500 to 750,500) or to ten thousand (745,000 to
    // 755,000)? The wider: 1,026,500 / 755,000 - 1 = 35.960 % to 1,027,500 / 745,000 - 1 =
    // 37.919 %, which holds the stated 36 persen (35.5 to 36.5): consistent.
    let out = coverage().args(["audit", "-f", "csv"]).assert().code(1);
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = rows
        .iter()
        .find(|r| cell(&h, r, "published") == "36 persen")
        .unwrap();
    assert_eq!(cell(&h, r, "verdict"), "consistent");
    let lo: f64 = cell(&h, r, "computed_lo").parse().unwrap();
    let hi: f64 = cell(&h, r, "computed_hi").parse().unwrap();
    assert!(
        (lo - 35.960).abs() < 0.001 && (hi - 37.919).abs() < 0.001,
        "{lo} {hi}"
    );
    assert_eq!(
        cell(&h, r, "note"),
        "750 ribu read to the nearest 10,000: its trailing zeros leave the precision open, so \
         the wider reading"
    );
}

#[test]
fn rank_and_check_say_when_a_ratio_rests_on_a_later_survey() {
    // National 2022: 35,860,000 / 139,850,000 (August 2023, the only survey) = 25.64 %.
    let out = coverage()
        .args([
            "rank", "--by", "coverage", "--level", "national", "--year", "2022",
        ])
        .args(["-f", "csv"])
        .assert()
        .success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    assert!(cell(&h, &rows[0], "value").starts_with("25.64"));
    assert_eq!(
        cell(&h, &rows[0], "basis"),
        "employed 2023-08; resting on a survey taken after the figure"
    );
    // 2023 against the same survey: August 2023 is not after the 2023 year end.
    let out = coverage()
        .args([
            "rank", "--by", "coverage", "--level", "national", "--year", "2023",
        ])
        .args(["-f", "csv"])
        .assert()
        .success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    assert_eq!(cell(&h, &rows[0], "basis"), "employed 2023-08");
    let out = coverage()
        .args([
            "--lang", "id", "check", "--branch", "national", "--year", "2022",
        ])
        .args(["--min-coverage", "20", "-f", "markdown"])
        .assert()
        .success();
    let t = stdout_text(&out);
    assert!(
        t.contains(
            "penduduk bekerja Agustus 2023; bertumpu pada survei yang diadakan setelah angka"
        ),
        "{t}"
    );
}

#[test]
fn a_claims_row_read_one_way_of_two_says_so_wherever_it_is_used() {
    // JHT's row is marked uncertain: its own line, the other programs (the total less JHT)
    // and every share of it rest on it; the stated total does not.
    let claims = "office,period,segment,program,cases,amount_idr,source,published,reading\n\
                  bali-denpasar,2023-08,pu,all,21097,342000000000,s,Rp 342 miliar,\n\
                  bali-denpasar,2023-08,pu,jht,16355,281000000000,s,Rp 281 miliar,uncertain\n";
    let dir = data_with(&[("claims.csv", Some(claims))]);
    let (h, rows) = claims_csv(&dir);
    assert_eq!(cell(&h, program(&rows, &h, "jht"), "reading"), "uncertain");
    assert_eq!(
        cell(&h, program(&rows, &h, "other"), "reading"),
        "uncertain"
    );
    assert_eq!(cell(&h, program(&rows, &h, "all"), "reading"), "certain");
    let md = |lang: &str, cmd: &[&str]| {
        let out = coverage()
            .args(["--lang", lang, "--data", dir.path().to_str().unwrap()])
            .args(cmd)
            .args(["-f", "markdown"])
            .assert()
            .success();
        stdout_text(&out)
    };
    let t = md("en", &["claims"]);
    let other = t.lines().find(|l| l.contains("| other ")).unwrap();
    // 342 - 281 = Rp61 billion, exact: both amounts are.
    assert!(other.contains("Rp61 billion"), "{other}");
    assert!(
        other.contains("if Rp 281 miliar is read as its note says"),
        "{other}"
    );
    let all = t.lines().find(|l| l.contains("| all ")).unwrap();
    assert!(!all.contains("read as its note says"), "{all}");
    let id = md("id", &["claims"]);
    assert!(
        id.contains("jika Rp 281 miliar dibaca seperti pada catatannya"),
        "{id}"
    );
    let report = md("en", &["report", "--branch", "denpasar"]);
    let share = report
        .lines()
        .find(|l| l.contains("JHT: share of amount"))
        .unwrap();
    // 281 / 342 = 82.2 %.
    assert!(share.contains("82.2%"), "{share}");
    assert!(
        share.contains("of all programs; if Rp 281 miliar is read as its note says"),
        "{share}"
    );
}

#[test]
fn a_partial_sum_that_bounds_nothing_says_why() {
    // PU "lebih dari 424.997" (more than) and BPU "hampir 116.573" (just under): their sum is
    // no lower bound of the total, so no figure, and the line says which part is to blame.
    let p = "office,period,segment,measure,value,source,published\n\
             bali-denpasar,2023-08,pu,active,424997,s,lebih dari 424.997\n\
             bali-denpasar,2023-08,bpu,active,116573,s,hampir 116.573\n";
    let dir = data_with(&[("participants.csv", Some(p))]);
    let run = |lang: &str, f: &str| {
        let out = coverage()
            .args(["--lang", lang, "--data", dir.path().to_str().unwrap()])
            .args(["report", "--branch", "denpasar", "-f", f])
            .assert()
            .success();
        stdout_text(&out)
    };
    let en = run("en", "markdown");
    assert!(
        en.contains("no lower bound of the total: PU, BPU given, but BPU just under 116,573 is not a lower bound; not given: JAKON, PMI"),
        "{en}"
    );
    assert!(!en.contains("541,570"), "{en}");
    let id = run("id", "markdown");
    assert!(
        id.contains("tidak ada batas bawah jumlah seluruhnya: ada angka PU, BPU, tetapi BPU hampir 116.573 bukan batas bawah; tidak disebutkan: JAKON, PMI"),
        "{id}"
    );
    let (h, rows) = csv_rows(run("en", "csv").as_bytes());
    let line = rows
        .iter()
        .find(|r| cell(&h, r, "metric") == "partial_sum")
        .unwrap();
    assert_eq!(cell(&h, line, "value"), "");
    assert_eq!(cell(&h, line, "bound"), "none");
}
