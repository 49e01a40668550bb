//! Participants by program (JHT, JKK, JKM, JP, JKP) and coverage by program as ILO SDG 1.3.1
//! measures it. The fixture holds the national figures of 2023 as reported (JKK and JKM 41.56
//! million, JHT 18.27 million, JP 14.41 million, JKP 13.45 million active participants) against
//! BPS Sakernas August 2023 (employed 139.85 million, labour force 147.71 million, formal
//! workers 57.18 million), and two branches of one region with JHT figures.
//!
//! Worked by hand:
//! - JKK, JKM: 41.56 / 139.85 = 0.29717… = 29.72% of the employed.
//! - JHT: 18.27 / 147.71 = 0.12368… = 12.37% of the labour force.
//! - JP: 14.41 / 147.71 = 0.09755… = 9.76% of the labour force.
//! - JKP: 13.45 / 57.18 = 0.23522… = 23.52% of formal workers.
//! - all programs: 41.46 / 139.85 = 0.29646… = 29.65% of the employed.
//! - JKK against the labour force (--against): 41.56 / 147.71 = 0.28136… = 28.14%.
//! - Region east, JHT: 1,000 + 3,000 = 4,000 in 2022 and 1,100 + 2,900 = 4,000 in 2023;
//!   4,000 / 25,000 labour force = 16%. Branch b1: 1,100 − 1,000 = +100, +10%; b2: −100,
//!   −100 / 3,000 = −3.33%.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{coverage, stdout_text};
use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/programs")
}

/// A copy of the fixture with `extra` appended to participants.csv and other files added.
fn fixture_with(extra: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["offices.csv", "participants.csv", "workforce.csv"] {
        fs::copy(fixture().join(f), dir.path().join(f)).expect("copy");
    }
    let p = dir.path().join("participants.csv");
    let mut text = fs::read_to_string(&p).expect("read");
    text.push_str(extra);
    fs::write(&p, text).expect("write");
    for (name, body) in files {
        fs::write(dir.path().join(name), body).expect("write");
    }
    dir
}

fn run(data: &Path, args: &[&str]) -> String {
    let out = coverage()
        .arg("--data")
        .arg(data)
        .args(args)
        .assert()
        .success();
    stdout_text(&out)
}

fn json(data: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    serde_json::from_str(&run(data, &a)).expect("json")
}

fn find<'a>(rows: &'a [Value], key: &[(&str, &str)]) -> &'a Value {
    rows.iter()
        .find(|r| key.iter().all(|(k, v)| r[*k] == *v))
        .unwrap_or_else(|| panic!("no row {key:?} in {rows:#?}"))
}

fn pct(r: &Value) -> f64 {
    (r["coverage_pct"].as_f64().expect("a percentage") * 100.0).round() / 100.0
}

#[test]
fn each_program_is_held_against_the_workforce_the_ilo_uses() {
    let rows = json(&fixture(), &["coverage", "-b", "national"]);
    let want = [
        ("all", "employed", 139_850_000, 29.65),
        ("jkk", "employed", 139_850_000, 29.72),
        ("jkm", "employed", 139_850_000, 29.72),
        ("jht", "labour_force", 147_710_000, 12.37),
        ("jp", "labour_force", 147_710_000, 9.76),
        ("jkp", "formal", 57_180_000, 23.52),
    ];
    assert_eq!(rows.len(), want.len());
    for (program, den, workforce, expected) in want {
        let r = find(&rows, &[("program", program)]);
        assert_eq!(r["denominator"], den, "{program}");
        assert_eq!(r["workforce"], workforce, "{program}");
        assert_eq!(r["workforce_period"], "2023-08", "{program}");
        assert_eq!(pct(r), expected, "{program}");
    }
    // Each program says what its coverage is of and on whose definition.
    let jkk = find(&rows, &[("program", "jkk")]);
    assert_eq!(
        jkk["definition"],
        "JKK work accident: share of the employed (ILO SDG 1.3.1)"
    );
    let jkp = find(&rows, &[("program", "jkp")]);
    assert!(jkp["definition"]
        .as_str()
        .unwrap()
        .contains("only wage earners join (PP 37/2021)"));
    assert_eq!(
        find(&rows, &[("program", "all")])["definition"],
        Value::Null
    );
}

#[test]
fn programs_come_after_all_in_code_order() {
    let csv = run(
        &fixture(),
        &["--format", "csv", "coverage", "-b", "national"],
    );
    let programs: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(programs, ["all", "jht", "jkk", "jkm", "jp", "jkp"]);
    assert!(csv.starts_with(
        "office,office_name,program,segment,period,active,denominator,definition,workforce_period,"
    ));
}

#[test]
fn against_overrides_every_program() {
    let rows = json(
        &fixture(),
        &["coverage", "-b", "national", "--against", "labour-force"],
    );
    let jkk = find(&rows, &[("program", "jkk")]);
    assert_eq!(jkk["denominator"], "labour_force");
    assert_eq!(pct(jkk), 28.14);
    assert_eq!(jkk["definition"], "as asked with --against");
    // JHT was already against the labour force: 12.37% either way.
    assert_eq!(pct(find(&rows, &[("program", "jht")])), 12.37);
    let rows = json(
        &fixture(),
        &["coverage", "-b", "national", "--against", "formal"],
    );
    // 18.27 / 57.18 = 0.31951… = 31.95%.
    assert_eq!(pct(find(&rows, &[("program", "jht")])), 31.95);
}

#[test]
fn one_program_is_chosen_with_program() {
    let rows = json(&fixture(), &["coverage", "--program", "jht"]);
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["office"].as_str().unwrap(), r["period"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("national", "2023"),
            ("east", "2022"),
            ("east", "2023"),
            ("b1", "2022"),
            ("b1", "2023"),
            ("b2", "2022"),
            ("b2", "2023")
        ]
    );
    assert!(rows.iter().all(|r| r["program"] == "jht"));
    // The region's JHT is the sum of its branches' JHT: 4,000 of a labour force of 25,000.
    let east = find(&rows, &[("office", "east"), ("period", "2023")]);
    assert_eq!(east["active"], 4000);
    assert_eq!(east["active_source"], "sum of 2 branches");
    assert_eq!(pct(east), 16.0);
}

#[test]
fn people_read_coverage_by_program_in_either_language() {
    let en = run(&fixture(), &["coverage", "-b", "national", "-p", "jht"]);
    assert!(en.contains("18,270,000"), "{en}");
    assert!(en.contains("12.4%"), "{en}");
    assert!(en.contains("Definition"), "{en}");
    let id = run(
        &fixture(),
        &["--lang", "id", "coverage", "-b", "national", "-p", "jht"],
    );
    assert!(id.contains("18.270.000"), "{id}");
    assert!(id.contains("12,4%"), "{id}");
    assert!(id.contains("Definisi"), "{id}");
    assert!(id.contains("jaminan hari tua"), "{id}");
    assert!(id.contains("angkatan kerja"), "{id}");
    let md = run(
        &fixture(),
        &[
            "--format", "markdown", "coverage", "-b", "national", "-p", "jp",
        ],
    );
    assert!(md.contains("| jp "), "{md}");
    assert!(md.contains("9.8%"), "{md}");
}

#[test]
fn growth_is_per_program_and_all_is_never_their_sum() {
    let rows = json(&fixture(), &["growth"]);
    let b1 = find(
        &rows,
        &[("office", "b1"), ("program", "jht"), ("period", "2023")],
    );
    assert_eq!(b1["change"], 100);
    assert_eq!(b1["change_pct"].as_f64().unwrap(), 10.0);
    let b2 = find(
        &rows,
        &[("office", "b2"), ("program", "jht"), ("period", "2023")],
    );
    assert_eq!(b2["change"], -100);
    assert_eq!(
        (b2["change_pct"].as_f64().unwrap() * 100.0).round() / 100.0,
        -3.33
    );
    let east = find(
        &rows,
        &[("office", "east"), ("program", "jht"), ("period", "2023")],
    );
    assert_eq!(east["value"], 4000);
    assert_eq!(east["change"], 0);
    // One participant is in several programs: 41.46 million in all, not the 129.25 million
    // the five programs would add up to, and no `all` figure is derived for b1 or east.
    let all = find(&rows, &[("office", "national"), ("program", "all")]);
    assert_eq!(all["value"], 41_460_000);
    assert!(!rows
        .iter()
        .any(|r| r["program"] == "all" && r["office"] != "national"));
}

#[test]
fn rank_follows_one_program() {
    let rows = json(
        &fixture(),
        &[
            "rank",
            "--by",
            "growth",
            "--level",
            "branch",
            "--program",
            "jht",
        ],
    );
    assert_eq!(rows[0]["office"], "b1");
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(rows[0]["value"].as_f64().unwrap(), 10.0);
    assert_eq!(rows[1]["office"], "b2");
    let rows = json(
        &fixture(),
        &[
            "rank", "--by", "coverage", "--level", "national", "-p", "jkp",
        ],
    );
    assert_eq!(
        (rows[0]["value"].as_f64().unwrap() * 100.0).round() / 100.0,
        23.52
    );
    assert_eq!(rows[0]["basis"], "formal 2023-08");
}

#[test]
fn report_names_the_program_of_each_line() {
    let rows = json(&fixture(), &["report", "-b", "national"]);
    let jht = find(&rows, &[("section", "Coverage"), ("program", "jht")]);
    assert_eq!(jht["metric"], "coverage_pct");
    assert_eq!(
        (jht["value"].as_f64().unwrap() * 100.0).round() / 100.0,
        12.37
    );
    let text = run(&fixture(), &["report", "-b", "national"]);
    assert!(text.contains("Program"), "{text}");
}

#[test]
fn the_duplicate_key_includes_the_program() {
    // Line 13: a second JHT figure for b1 in 2023 (first on line 9; `JHT` is read as `jht`);
    // b1's JKK of the same office, period, segment and measure is another program, no duplicate.
    let dir = fixture_with("b1,2023,all,active,JHT,5,again\n", &[]);
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "participants.csv:13: the same office, period, segment, measure and program twice (first on line 9)",
        ));
}

#[test]
fn an_unknown_program_is_refused_with_its_line_and_column() {
    let dir = fixture_with("b2,2024,all,active,jhx,5,bad\n", &[]);
    coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("coverage")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "participants.csv:13:5 (program): found \"jhx\", expected one of jht, jkk, jkm, jp, jkp or all",
        ));
}

#[test]
fn an_empty_program_cell_means_all() {
    let dir = fixture_with("b2,2024,all,active, ,7,empty means all\n", &[]);
    let rows = json(dir.path(), &["growth", "-b", "b2"]);
    let r = find(&rows, &[("period", "2024")]);
    assert_eq!(r["program"], "all");
    assert_eq!(r["value"], 7);
}

#[test]
fn a_branch_sum_that_disagrees_within_a_program_is_found() {
    // East's own JHT for 2023 is 4,100, but its branches add up to 1,100 + 2,900 = 4,000.
    let dir = fixture_with("east,2023,all,active,jht,4100,region figure\n", &[]);
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("east 2023 all active jht is 4100, but its 2 branches add up to 4000"),
        "{text}"
    );
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["--lang", "id", "validate"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("east 2023 semua peserta aktif JHT tercatat 4100, tetapi jumlah 2 kantor cabang di bawahnya 4000"),
        "{text}"
    );
}

#[test]
fn segments_sum_to_all_within_a_program() {
    // b2's JKK in 2024: pu 10 + bpu 5 + jakon 1 + pmi 0 = 16 for all segments; b1 has no JKK
    // for 2024, so east gets none.
    let dir = fixture_with(
        "b2,2024,pu,active,jkk,10,segments
         b2,2024,bpu,active,jkk,5,segments
         b2,2024,jakon,active,jkk,1,segments
         b2,2024,pmi,active,jkk,0,segments
",
        &[],
    );
    let rows = json(dir.path(), &["growth", "--year", "2024", "-s", "all"]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["office"], "b2");
    assert_eq!(rows[0]["program"], "jkk");
    assert_eq!(rows[0]["value"], 16);
    assert_eq!(rows[0]["source"], "sum of pu, bpu, jakon and pmi");
}

#[test]
fn quality_rules_evaluate_programs() {
    // JKK 41,560,000 > all 41,460,000: a broken rule; JHT 18,270,000 <= JKK 41,560,000 holds.
    let rules = "name,left,operator,right,importance\n\
                 jht-within-jkk,active.all.jht,<=,active.all.jkk,high\n\
                 jkk-within-all,active.all.jkk,<=,active.all,medium\n";
    let dir = fixture_with("", &[("rules.csv", rules)]);
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["--format", "csv", "quality"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "office,period,since,segment,measure,program,kind,figure,against,score,rate_pct,importance,rule\n\
         national,2023,,,,,rule broken,41560000,41460000,,,medium,jkk-within-all\n"
    );
}

#[test]
fn quality_checks_each_program_series() {
    // b1's JHT has January 100, February 110 and April 120: March is missing; one change
    // (110 − 100 = 10) is fewer than the 6 a judgement needs; b1 reports 3 of the 4 months
    // from January to April, 75%.
    let dir = fixture_with(
        "b1,2024-01,all,active,jht,100,monthly\n\
         b1,2024-02,all,active,jht,110,monthly\n\
         b1,2024-04,all,active,jht,120,monthly\n",
        &[],
    );
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["--format", "csv", "quality"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "office,period,since,segment,measure,program,kind,figure,against,score,rate_pct,importance,rule\n\
         b1,,,all,active,jht,too short to judge,1,6,,,info,\n\
         b1,2024-03,,all,active,jht,missing month,,,,,medium,\n\
         b1,2024,,,,,reporting rate,3,4,,75,low,\n"
    );
}

#[test]
fn data_without_programs_prints_no_program_column() {
    let csv = run(
        &common::shipped(),
        &["--format", "csv", "coverage", "-b", "national"],
    );
    assert!(
        csv.starts_with("office,office_name,segment,period,"),
        "{csv}"
    );
    let csv = run(
        &common::shipped(),
        &["--format", "csv", "growth", "-b", "national"],
    );
    assert!(
        csv.starts_with("office,office_name,segment,measure,"),
        "{csv}"
    );
}

#[test]
fn the_program_column_is_read_in_every_input_form() {
    // Semicolons, a byte-order mark, CRLF line ends, a header in another case and a program
    // code in capitals: the same JKK figure, 41.56 / 139.85 = 29.72% of the employed.
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["offices.csv", "workforce.csv"] {
        fs::copy(fixture().join(f), dir.path().join(f)).expect("copy");
    }
    let participants = "\u{feff}Office;Period;Segment;Measure; Program ;Value;Source\r\n\
                        national;2023;all;active;JKK;41560000;programs as reported 2023\r\n";
    fs::write(dir.path().join("participants.csv"), participants).expect("write");
    let rows = json(
        dir.path(),
        &["--delimiter", "auto", "coverage", "-b", "national"],
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["program"], "jkk");
    assert_eq!(pct(&rows[0]), 29.72);
    // With --decimal-comma the value is read the Indonesian way: 41.560.000.
    let participants = "office;period;segment;measure;program;value;source\n\
                        national;2023;all;active;jkk;41.560.000;programs as reported 2023\n";
    fs::write(dir.path().join("participants.csv"), participants).expect("write");
    let rows = json(
        dir.path(),
        &[
            "--delimiter",
            "auto",
            "--decimal-comma",
            "coverage",
            "-b",
            "national",
        ],
    );
    assert_eq!(rows[0]["active"], 41_560_000);
}

#[test]
fn the_program_column_is_read_from_a_workbook_and_a_gzip_file() {
    // JHT 18,270,000 / 147,710,000 labour force = 12.37%, whatever the file is.
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["offices.csv", "workforce.csv"] {
        fs::copy(fixture().join(f), dir.path().join(f)).expect("copy");
    }
    let header = [
        "office", "period", "segment", "measure", "program", "value", "source",
    ];
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("participants").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["national", "2023", "all", "active", "JHT"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_number(1, 5, 18_270_000.0).unwrap();
    ws.write_string(1, 6, "programs as reported 2023").unwrap();
    wb.save(dir.path().join("participants.xlsx")).unwrap();
    let rows = json(dir.path(), &["coverage", "-b", "national"]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["program"], "jht");
    assert_eq!(pct(&rows[0]), 12.37);

    fs::remove_file(dir.path().join("participants.xlsx")).unwrap();
    let csv = "office,period,segment,measure,program,value,source\n\
               national,2023,all,active,jht,18270000,programs as reported 2023\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, csv.as_bytes()).unwrap();
    fs::write(dir.path().join("participants.csv.gz"), gz.finish().unwrap()).unwrap();
    let rows = json(dir.path(), &["coverage", "-b", "national"]);
    assert_eq!(rows[0]["program"], "jht");
    assert_eq!(pct(&rows[0]), 12.37);
}
