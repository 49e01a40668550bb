//! A missing figure says what is there and which flag shows it, in both languages, on a small
//! data set built to show each case (tests/fixtures/reasons), and `validate` holds every
//! participant value to its published text.

mod common;

use std::path::PathBuf;

use common::{cell, coverage, csv_rows, stdout_text};

fn reasons() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reasons")
}

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    coverage().arg("--data").arg(reasons()).args(args).assert()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).get_output().stdout.clone()).unwrap()
}

fn reason_of(args: &[&str], office: &str) -> String {
    let mut a = args.to_vec();
    a.extend(["-f", "csv"]);
    let out = run(&a).success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = rows
        .iter()
        .find(|r| cell(&h, r, "office") == office)
        .unwrap_or_else(|| panic!("no {office}"));
    cell(&h, r, "reason").to_string()
}

#[test]
fn rank_says_what_each_office_has() {
    let g = ["rank", "--by", "growth"];
    // kc-alpha: 100,000 / 80,000 - 1 = +25.0 %, ranked.
    assert_eq!(reason_of(&g, "kc-alpha"), "");
    // kc-beta: PU 60,000 + BPU 15,000 = 75,000 at 2023-08, at least the total.
    // Nor has PU growth (2023-08 only), so the reason says what it lacks.
    assert_eq!(
        reason_of(&g, "kc-beta"),
        "no active participants figure for all segments: PU, BPU given for 2023-08, at least \
         75,000 together; nor for PU: no figure a year earlier to compare with: active \
         participants given for 2023-08 only; see coverage growth --segment pu"
    );
    assert_eq!(
        reason_of(&g, "kc-gamma"),
        "no active participants figure: new participants given for all segments in 2023; see \
         coverage growth"
    );
    assert_eq!(
        reason_of(&g, "kc-delta"),
        "no participant figures for this office"
    );
    assert_eq!(
        reason_of(&g, "kc-epsilon"),
        "no figure a year earlier to compare with: active participants given for 2023 only; see \
         coverage growth"
    );
    // Coverage: only kc-alpha has a survey (employed 400,000: 100,000 / 400,000 = 25.0 %). A
    // ranking has no --branch: the level that shows kc-alpha is named instead.
    assert_eq!(
        reason_of(&["rank", "--by", "coverage"], "kc-epsilon"),
        "no employed figure for this office: given for Alpha (kc-alpha); see --level branch"
    );
    // Achievement: kc-alpha's target is for 2023 (100,000 / 125,000 = 80.0 %); asked for 2024
    // it names the year there is.
    let a = ["rank", "--by", "achievement", "--year", "2024"];
    assert_eq!(
        reason_of(&a, "kc-alpha"),
        "no target for 2024: targets given for 2023; see --year 2023"
    );
    assert_eq!(
        reason_of(&a, "kc-epsilon"),
        "no figure for 2024 yet: active participants given for all segments in 2023; see \
         coverage targets"
    );
    assert_eq!(reason_of(&a, "kc-delta"), "no target for this office");
}

#[test]
fn rank_reasons_in_indonesian() {
    let t = stdout(&["--lang", "id", "rank", "--by", "growth", "-f", "markdown"]);
    for want in [
        "tidak ada angka peserta aktif untuk semua segmen: ada angka PU, BPU untuk Agustus 2023, \
         jumlahnya paling sedikit 75.000; begitu pula untuk PU: tidak ada angka setahun \
         sebelumnya sebagai pembanding: angka peserta aktif hanya ada untuk Agustus 2023; lihat \
         coverage growth --segment pu",
        "tidak ada angka peserta aktif: ada angka penambahan peserta untuk semua segmen pada \
         2023; lihat coverage growth",
        "tidak ada angka peserta untuk kantor ini",
        "tidak ada angka setahun sebelumnya sebagai pembanding: angka peserta aktif hanya ada \
         untuk 2023; lihat coverage growth",
    ] {
        assert!(t.contains(want), "{want}\n{t}");
    }
    let t = stdout(&[
        "--lang",
        "id",
        "rank",
        "--by",
        "achievement",
        "--year",
        "2024",
        "-f",
        "markdown",
    ]);
    assert!(
        t.contains("tidak ada target untuk 2024: target ada untuk 2023; lihat --year 2023"),
        "{t}"
    );
}

#[test]
fn targets_say_what_there_is_of_the_measure() {
    let out = run(&["targets", "-f", "csv"]).success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let note = |o: &str| {
        let r = rows.iter().find(|r| cell(&h, r, "office") == o).unwrap();
        cell(&h, r, "note").to_string()
    };
    assert_eq!(
        note("kc-beta"),
        "no figure for 2024 or the year before: active participants given for PU, BPU in \
         2023-08; see coverage growth"
    );
    assert_eq!(
        note("kc-gamma"),
        "no figure for 2024 or the year before: new participants given for all segments in \
         2023; see coverage growth"
    );
    // kc-epsilon: 70,000 - 50,000 = +20,000 from the 2023 year end; 20,000 / 12 = 1,666.67.
    let e = rows
        .iter()
        .find(|r| cell(&h, r, "office") == "kc-epsilon")
        .unwrap();
    assert_eq!(cell(&h, e, "required_change"), "20000");
    assert!(common::approx(
        cell(&h, e, "avg_needed_per_month"),
        1666.6667,
        0.0001
    ));
    let t = stdout(&[
        "--lang", "id", "targets", "--branch", "beta", "-f", "markdown",
    ]);
    assert!(
        t.contains(
            "tidak ada angka untuk 2024 maupun tahun sebelumnya: ada angka peserta aktif untuk \
             PU, BPU pada Agustus 2023; lihat coverage growth"
        ),
        "{t}"
    );
}

#[test]
fn check_names_what_there_is_on_standard_error() {
    let e = run(&["check", "--branch", "epsilon", "--min-coverage", "5"]).code(2);
    let err = String::from_utf8(e.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(
            "--min-coverage: no employed figure for this office: given for Alpha (kc-alpha); see --branch kc-alpha"
        ),
        "{err}"
    );
    let e = run(&[
        "--lang",
        "id",
        "check",
        "--branch",
        "epsilon",
        "--min-achievement",
        "50",
    ])
    .code(2);
    let out = String::from_utf8(e.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("belum ada angka untuk 2024: ada angka"),
        "{out}"
    );
}

#[test]
fn report_coverage_names_the_offices_with_a_survey() {
    let out = run(&["report", "--branch", "epsilon", "-f", "csv"]).success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = rows
        .iter()
        .find(|r| cell(&h, r, "metric") == "coverage_pct")
        .unwrap();
    assert_eq!(
        cell(&h, r, "basis"),
        "no employed workforce figure for kc-epsilon or all of its districts; given for \
         Alpha (kc-alpha): see --branch kc-alpha"
    );
    let t = stdout(&[
        "--lang", "id", "report", "--branch", "epsilon", "-f", "markdown",
    ]);
    assert!(
        t.contains("ada untuk Alpha (kc-alpha): lihat --branch kc-alpha"),
        "{t}"
    );
}

#[test]
fn validate_holds_a_participant_value_to_its_text() {
    // kc-alpha 2023 corrected to 101,000 while its text stays "100.000" (exact: 100,000 to
    // 100,000), on line 3, column 5 (value); kc-epsilon "50 ribu" allows 49,500 to 50,500, so
    // 50,400 stands. kc-beta's PU (a segment, on a branch without districts) 61,000 against
    // "60.000" on line 4.
    let dir = tempfile::tempdir().unwrap();
    for f in ["offices.csv", "targets.csv", "workforce.csv"] {
        std::fs::copy(reasons().join(f), dir.path().join(f)).unwrap();
    }
    let p = std::fs::read_to_string(reasons().join("participants.csv")).unwrap();
    let p = p
        .replace("2023,all,active,100000,", "2023,all,active,101000,")
        .replace("2023,all,active,50000,", "2023,all,active,50400,")
        .replace("pu,active,60000,", "pu,active,61000,");
    std::fs::write(dir.path().join("participants.csv"), p).unwrap();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1);
    let s = stdout_text(&out);
    let want = "participants.csv:3:5 (value): 101000 lies outside what \"100.000\" allows (100000 to 100000)";
    assert!(s.contains(want), "{s}");
    let want =
        "participants.csv:4:5 (value): 61000 lies outside what \"60.000\" allows (60000 to 60000)";
    assert!(s.contains(want), "{s}");
    assert!(s.contains("2 problems found"), "{s}");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["validate", "-f", "csv"])
        .assert()
        .code(1);
    let (h, rows) = csv_rows(&out.get_output().stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(cell(&h, &rows[0], "line"), "3");
    assert_eq!(cell(&h, &rows[0], "column"), "5");
    assert_eq!(cell(&h, &rows[0], "header"), "value");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["--lang", "id", "validate"])
        .assert()
        .code(1);
    let s = stdout_text(&out);
    assert!(
        s.contains("101000 di luar rentang yang dimungkinkan \"100.000\" (100000 sampai 100000)"),
        "{s}"
    );
}

#[test]
fn a_derived_source_is_said_in_each_language() {
    // A branch with two districts: 30,000 + 20,000 = 50,000 active in 2023, a sum of 2
    // districts; the district kota has all four segments: PU 12,000 + BPU 5,000 + jakon 2,000
    // + PMI 1,000 = 20,000, its segment total.
    let dir = tempfile::tempdir().unwrap();
    let w = |f: &str, s: &str| std::fs::write(dir.path().join(f), s).unwrap();
    w(
        "offices.csv",
        "code,name,level,parent\nkc-x,X,branch,\nkab,Kab,district,kc-x\nkota,Kota,district,kc-x\n",
    );
    w(
        "participants.csv",
        "office,period,segment,measure,value,source\n\
         kab,2023,all,active,30000,r1\n\
         kota,2023,pu,active,12000,r2\n\
         kota,2023,bpu,active,5000,r2\n\
         kota,2023,jakon,active,2000,r2\n\
         kota,2023,pmi,active,1000,r2\n",
    );
    let run = |args: &[&str]| {
        let out = coverage()
            .arg("--data")
            .arg(dir.path())
            .args(args)
            .assert()
            .success();
        stdout_text(&out)
    };
    let csv = run(&["growth", "--branch", "kc-x", "-f", "csv"]);
    assert!(
        csv.contains(",all,active,2023,50000,,,,,,,sum of 2 districts,certain\n"),
        "{csv}"
    );
    let csv = run(&["growth", "--branch", "kota", "-f", "csv"]);
    assert!(
        csv.contains(",20000,,,,,,,\"sum of pu, bpu, jakon and pmi\",certain\n"),
        "{csv}"
    );
    let md = run(&[
        "--lang", "id", "growth", "--branch", "kc-x", "-f", "markdown",
    ]);
    assert!(md.contains("| jumlah 2 kabupaten/kota |"), "{md}");
    let md = run(&[
        "--lang", "id", "growth", "--branch", "kota", "-f", "markdown",
    ]);
    assert!(md.contains("| jumlah PU, BPU, JAKON dan PMI |"), "{md}");
    // English tables say it the English way.
    let md = run(&["growth", "--branch", "kc-x", "-f", "markdown"]);
    assert!(md.contains("| sum of 2 districts |"), "{md}");
}

#[test]
fn a_report_with_nothing_names_the_offices_that_have_figures() {
    // kc-delta has no row; kc-alpha, kc-beta, kc-gamma and kc-epsilon have participant rows:
    // three named, one more counted.
    let t = stdout(&["report", "--branch", "delta"]);
    assert!(
        t.contains(
            "no figures for kc-delta in the data set; offices with participant figures: \
             Alpha (kc-alpha), Beta (kc-beta), Gamma (kc-gamma) and 1 more; see --branch kc-alpha"
        ),
        "{t}"
    );
    let t = stdout(&["--lang", "id", "report", "--branch", "delta"]);
    assert!(
        t.contains(
            "tidak ada angka untuk kc-delta dalam data; kantor yang memiliki angka peserta: \
             Alpha (kc-alpha), Beta (kc-beta), Gamma (kc-gamma) dan 1 lainnya; lihat --branch \
             kc-alpha"
        ),
        "{t}"
    );
}

#[test]
fn check_names_the_segment_in_the_readers_language() {
    // Beta has active PU 60,000 and BPU 15,000 at 2023-08, no all-segments figure and no
    // survey: coverage of all segments has nothing to be held against.
    let err = |args: &[&str]| {
        let e = run(args).code(2);
        String::from_utf8(e.get_output().stderr.clone()).unwrap()
    };
    let id = err(&[
        "--lang",
        "id",
        "check",
        "--branch",
        "beta",
        "--min-coverage",
        "5",
    ]);
    assert!(id.contains("untuk kc-beta (semua segmen): "), "{id}");
    assert!(!id.contains("segmen all"), "{id}");
    let en = err(&["check", "--branch", "beta", "--min-coverage", "5"]);
    assert!(en.contains("for kc-beta (all segments): "), "{en}");
    // One segment as BPS writes it: PU, not pu.
    let id = err(&[
        "--lang",
        "id",
        "check",
        "--branch",
        "beta",
        "--segment",
        "pu",
        "--min-coverage",
        "5",
    ]);
    assert!(id.contains("untuk kc-beta (segmen PU): "), "{id}");
}

#[test]
fn a_ranking_names_the_level_that_shows_the_figure() {
    // Shipped data: Bali Denpasar's BPU 116,573 at 2023-08 has no informal workforce of its
    // own; only Bali (a province) has one (informal 1,209,382 at 2019-08, 1,370,000 at 2020-08).
    let out = |lang: &str| {
        let o = common::coverage()
            .args([
                "--lang",
                lang,
                "rank",
                "--by",
                "coverage",
                "--segment",
                "bpu",
            ])
            .args(["-f", "markdown"])
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let en = out("en");
    assert!(
        en.contains(
            "no informal figure for this office: given for Bali (bali); see --level province"
        ),
        "{en}"
    );
    let id = out("id");
    assert!(
        id.contains("ada untuk Bali (bali); lihat --level province"),
        "{id}"
    );
}

#[test]
fn an_empty_table_of_targets_or_claims_says_what_shows_them() {
    // Shipped data: targets for national (2022, 2023, 2024) and bali-denpasar (2024) only;
    // claims for bali-denpasar only (2023-08).
    let out = |args: &[&str]| {
        let o = common::coverage().args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8(o.stdout).unwrap()
    };
    let t = out(&["targets", "--branch", "bali"]);
    assert!(
        t.contains(
            "no targets for bali in the data set; offices with targets: Indonesia (national), \
             Bali Denpasar (bali-denpasar); see --branch national"
        ),
        "{t}"
    );
    let t = out(&["targets", "--branch", "national", "--year", "2025"]);
    assert!(
        t.contains("no targets for national among those asked; targets given for 2022, 2023, 2024; see --year 2024"),
        "{t}"
    );
    let t = out(&["--lang", "id", "claims", "--branch", "kc-tabanan"]);
    assert!(
        t.contains(
            "tidak ada klaim untuk kc-tabanan dalam data; kantor yang memiliki klaim: \
             Bali Denpasar (bali-denpasar); lihat --branch bali-denpasar"
        ),
        "{t}"
    );
    // Coverage of an office with no active figure: national, bali and bali-denpasar have them.
    let t = out(&["coverage", "--branch", "kc-tabanan"]);
    assert!(
        t.contains(
            "no active participants figure for kc-tabanan in the data set; offices with \
             participant figures: Indonesia (national), Bali (bali), Bali Denpasar (bali-denpasar); \
             see --branch national"
        ),
        "{t}"
    );
    // Machines get an empty table, as before.
    let t = out(&["targets", "--branch", "bali", "--format", "csv"]);
    assert_eq!(t.lines().count(), 1, "{t}");
}

#[test]
fn audit_names_the_offices_with_the_workforce_a_figure_lacks() {
    // Shipped data: Bali Denpasar's "di atas 80 persen" PU coverage needs formal workers,
    // which only national (57.18 million) and bali (1.25 million and others) have; its
    // "kisaran 12 persen" BPU needs informal workers, which only bali has.
    let o = common::coverage()
        .args(["audit", "--format", "csv"])
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&o.stdout);
    let note = |seg: &str| {
        let r = rows
            .iter()
            .find(|r| cell(&h, r, "office") == "bali-denpasar" && cell(&h, r, "segment") == seg)
            .unwrap();
        cell(&h, r, "note").to_string()
    };
    assert_eq!(
        note("pu"),
        "no workforce figure (formal): bali-denpasar; given for Indonesia (national), Bali (bali): see --branch national"
    );
    assert_eq!(
        note("bpu"),
        "no workforce figure (informal): bali-denpasar; given for Bali (bali): see --branch bali"
    );
}

#[test]
fn a_sum_of_segments_is_named_a_lower_bound_only_when_its_parts_are() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("offices.csv"),
        "code,name,level,parent,partial\nnational,National,national,,yes\nkc-a,Branch A,branch,national,\n",
    )
    .unwrap();
    // 2024, the latest period both segments share: PU "hampir 30 ribu" (at most 30,000) + BPU
    // 10,000 could be above or below the total, so no "at least" is said of it.
    std::fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,value,source,published\n\
         kc-a,2023,pu,active,30000,x,30.000\n\
         kc-a,2023,bpu,active,10000,x,10.000\n\
         kc-a,2024,pu,active,30000,x,hampir 30 ribu\n\
         kc-a,2024,bpu,active,10000,x,10.000\n",
    )
    .unwrap();
    let o = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["rank", "--by", "coverage", "-f", "csv"])
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&o.stdout);
    // Nor has PU a ratio: the data set has no workforce at all.
    assert_eq!(
        cell(&h, &rows[0], "reason"),
        "no active participants figure for all segments: PU, BPU given for 2023, 2024; nor for \
         PU: no formal figure in the data set"
    );
}

#[test]
fn a_segment_that_has_the_figure_is_the_one_pointed_to() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("offices.csv"),
        "code,name,level,parent,partial\nnational,National,national,,yes\nkc-a,Branch A,branch,national,\n",
    )
    .unwrap();
    // PU is given for 2024 only; BPU for 2023 and 2024 (8,000 to 10,000: +25 %). Growth of
    // all segments has no figure (at least 30,000 + 10,000 = 40,000 in 2024, the latest
    // period both share), PU none either, so --segment bpu is the flag named.
    std::fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,value,source\n\
         kc-a,2024,pu,active,30000,x\n\
         kc-a,2023,bpu,active,8000,x\n\
         kc-a,2024,bpu,active,10000,x\n",
    )
    .unwrap();
    let o = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["rank", "--by", "growth", "-f", "csv"])
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&o.stdout);
    assert_eq!(
        cell(&h, &rows[0], "reason"),
        "no active participants figure for all segments: PU, BPU given for 2023, 2024, at \
         least 40,000 together in 2024; see --segment bpu"
    );
}

/// The hint under a failed `check` points only at a segment that has the figure the flag
/// asked for. Branch B: PU 100,000 in 2022 and 110,000 in 2023 (+10%), BPU 50,000 in 2023
/// alone. Its `all` is only a partial sum, so `--min-growth` has nothing for all segments;
/// PU has a year before, BPU has not, so the hint names PU and not BPU.
#[test]
fn a_check_hint_names_only_a_segment_with_the_figure() {
    let dir = common::only(
        "code,name,level,parent\nnat,Nation,national,\nkc-b,Branch B,branch,nat\n",
        "office,period,segment,measure,value,source\n\
         kc-b,2022,pu,active,100000,fixture\n\
         kc-b,2023,pu,active,110000,fixture\n\
         kc-b,2023,bpu,active,50000,fixture\n",
    );
    let check = |dir: &tempfile::TempDir, args: &[&str]| {
        let out = coverage()
            .arg("--data")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, err) = check(&dir, &["check", "--branch", "kc-b", "--min-growth", "5"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("hint: kc-b has the figure asked for with --segment pu\n"),
        "{err}"
    );
    // The segment it names does have the figure: +10% passes a 5% threshold.
    let (code, err) = check(
        &dir,
        &[
            "check",
            "--branch",
            "kc-b",
            "--segment",
            "pu",
            "--min-growth",
            "5",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    // Without a year before in any segment, no segment is named.
    let dir = common::only(
        "code,name,level,parent\nnat,Nation,national,\nkc-b,Branch B,branch,nat\n",
        "office,period,segment,measure,value,source\n\
         kc-b,2023,pu,active,110000,fixture\n\
         kc-b,2023,bpu,active,50000,fixture\n",
    );
    let (code, err) = check(
        &dir,
        &[
            "--lang",
            "id",
            "check",
            "--branch",
            "kc-b",
            "--min-growth",
            "5",
        ],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(!err.contains("--segment"), "{err}");
    assert!(
        err.contains("petunjuk: `coverage report --branch kc-b` mencantumkan angka yang ada"),
        "{err}"
    );
}

#[test]
fn audit_names_each_office_as_people_know_it() {
    // The national office's code is `national`; people read its name, Indonesia, in both
    // languages, and csv keeps the code beside the name.
    let out = common::coverage()
        .args(["--lang", "id", "audit", "-f", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Audit angka yang dinyatakan"), "{md}");
    assert!(md.contains("\n| Indonesia     | 2023 "), "{md}");
    assert!(!md.contains("| national"), "{md}");
    let out = common::coverage()
        .args(["audit", "-f", "csv"])
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&out.stdout);
    let first = &rows[0];
    assert_eq!(cell(&h, first, "office"), "national");
    assert_eq!(cell(&h, first, "office_name"), "Indonesia");
}
