//! Workbooks, gzip and standard input as input: each read through the CSV reader's checks,
//! with problems placed at the workbook's sheet and cell. Every figure is worked out by hand.

mod common;

use std::io::Write;
use std::path::Path;

use common::{cell, coverage, csv_rows, select};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// A cell of a sheet written by the tests.
enum C {
    S(&'static str),
    N(f64),
    /// A formula and the value a spreadsheet cached for it.
    F(&'static str, &'static str),
    /// A date typed as a date, shown as a month.
    D(u16, u8, u8),
}
use C::*;

const OFFICES: [&str; 4] = ["code", "name", "level", "parent"];
const PARTS: [&str; 6] = ["office", "period", "segment", "measure", "value", "source"];

/// National, one region r and its two branches b1 and b2.
fn offices() -> Vec<Vec<C>> {
    vec![
        vec![S("national"), S("N"), S("national"), S("")],
        vec![S("r"), S("R"), S("region"), S("national")],
        vec![S("b1"), S("B1"), S("branch"), S("r")],
        vec![S("b2"), S("B2"), S("branch"), S("r")],
    ]
}

/// A sheet: its name, its header row and its rows.
type Sheet<'a> = (&'a str, &'a [&'a str], Vec<Vec<C>>);

fn write_book(path: &Path, sheets: &[Sheet]) {
    let mut wb = Workbook::new();
    let month = Format::new().set_num_format("mmm yyyy");
    for (name, header, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    S("") => {}
                    S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    F(f, cached) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(*cached))
                            .unwrap();
                    }
                    D(y, m, d) => {
                        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &date, &month).unwrap();
                    }
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// Runs `coverage ARGS` and returns its csv output, which must succeed.
fn rows(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    csv_rows(&out.stdout)
}

/// Runs `coverage ARGS`, which must fail with exit 2, and returns its standard error.
fn fails(args: &[&str]) -> String {
    let out = coverage().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// The participants of b1 and b2 in 2022 and 2023, written in every way a workbook holds them.
fn typed_participants() -> Vec<Vec<C>> {
    vec![
        vec![S("b1"), N(2022.0), S("all"), S("active"), N(100.0), S("s")],
        vec![S("b2"), S("2022"), S("all"), S("active"), S("50"), S("s")],
        // A formula: its cached value 150 is read.
        vec![
            S("b1"),
            N(2023.0),
            S("all"),
            S("active"),
            F("=100+50", "150"),
            S("s"),
        ],
        vec![S("b2"), N(2023.0), S("all"), S("active"), N(60.0), S("s")],
    ]
}

fn book(dir: &Path, parts: Vec<Vec<C>>) -> String {
    let path = dir.join("book.xlsx");
    write_book(
        &path,
        &[
            ("offices", &OFFICES, offices()),
            ("participants", &PARTS, parts),
        ],
    );
    path.to_str().unwrap().to_string()
}

#[test]
fn a_workbook_holds_the_data_set_sheet_by_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path(), typed_participants());
    let (h, rows) = rows(&[
        "--data", &book, "--format", "csv", "growth", "--level", "region",
    ]);
    // r: 2022 = 100 + 50 = 150; 2023 = 150 + 60 = 210; change 60, 60 / 150 = 40 %.
    let r = select(&h, &rows, &[("office", "r"), ("period", "2023")]);
    assert_eq!(r.len(), 1, "{rows:?}");
    assert_eq!(cell(&h, r[0], "value"), "210");
    assert_eq!(cell(&h, r[0], "base_value"), "150");
    assert_eq!(cell(&h, r[0], "change"), "60");
    assert_eq!(cell(&h, r[0], "change_pct"), "40");
}

#[test]
fn a_date_in_a_period_column_is_the_month_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let parts = vec![
        vec![
            S("b1"),
            D(2022, 12, 1),
            S("all"),
            S("active"),
            N(100.0),
            S("s"),
        ],
        vec![
            S("b1"),
            S("2023-12"),
            S("all"),
            S("active"),
            N(130.0),
            S("s"),
        ],
    ];
    let book = book(dir.path(), parts);
    let (h, rows) = rows(&[
        "--data", &book, "--format", "csv", "growth", "--branch", "b1",
    ]);
    // December 2022 (typed as a date) against December 2023: 130 - 100 = 30, 30 %.
    let r = select(&h, &rows, &[("period", "2023-12")]);
    assert_eq!(r.len(), 1, "{rows:?}");
    assert_eq!(cell(&h, r[0], "base_period"), "2022-12");
    assert_eq!(cell(&h, r[0], "change"), "30");
    assert_eq!(cell(&h, r[0], "change_pct"), "30");
}

#[test]
fn a_number_cell_is_a_number_and_a_text_cell_follows_the_csv_rules() {
    let dir = tempfile::tempdir().unwrap();
    let parts = vec![
        vec![
            S("b1"),
            N(2022.0),
            S("all"),
            S("active"),
            N(1027000.0),
            S("s"),
        ],
        vec![
            S("b2"),
            N(2022.0),
            S("all"),
            S("active"),
            S("1.027.000"),
            S("s"),
        ],
    ];
    let book = book(dir.path(), parts);
    // With --decimal-comma the text reads 1027000 and the number cell stays 1027000:
    // r = 2 × 1027000 = 2054000.
    let args = [
        "--data",
        &book,
        "--decimal-comma",
        "--format",
        "csv",
        "growth",
    ];
    let (h, rows) = rows(&[&args[..], &["--level", "region"]].concat());
    let r = select(&h, &rows, &[("office", "r"), ("period", "2022")]);
    assert_eq!(cell(&h, r[0], "value"), "2054000");
    // Without it the text cell is refused as CSV would refuse it, at its sheet and cell.
    let err = fails(&["--data", &book, "growth"]);
    assert!(
        err.contains(&format!(
            "{book} [participants] E3 (value): found \"1.027.000\", expected a whole number"
        )),
        "{err}"
    );
    assert!(err.contains("try --decimal-comma"), "{err}");
}

#[test]
fn an_error_value_is_refused_naming_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = typed_participants();
    parts[1][4] = F("=1/0", "#DIV/0!");
    // Two rows on, in row 5, a problem is still placed at its own row.
    parts[3][4] = S("1.027.000");
    let book = book(dir.path(), parts);
    let err = fails(&["--data", &book, "growth"]);
    assert!(
        err.starts_with(&format!(
            "error: {book} [participants] E3 (value): found \"#DIV/0!\", expected a value, not a formula's error\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "\n{book} [participants] E5 (value): found \"1.027.000\""
        )),
        "{err}"
    );
    // One problem each: the row of the error value is not read a second time.
    assert_eq!(err.matches("[participants]").count(), 2, "{err}");
}

#[test]
fn a_missing_sheet_names_the_sheets_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    write_book(
        &path,
        &[
            ("offices", &OFFICES, offices()),
            ("Data", &PARTS, typed_participants()),
        ],
    );
    let book = path.to_str().unwrap();
    let err = fails(&["--data", book, "growth"]);
    assert!(
        err.contains(&format!("{book} [participants]: required file not found")),
        "{err}"
    );
    assert!(err.contains("its sheets are: Data"), "{err}");
}

/// A folder of the four offices and participants rows above as CSV.
fn folder() -> tempfile::TempDir {
    common::only(
        "code,name,level,parent\nnational,N,national,\nr,R,region,national\nb1,B1,branch,r\nb2,B2,branch,r\n",
        "office,period,segment,measure,value,source\nb1,2022,all,active,100,s\nb2,2022,all,active,50,s\nb1,2023,all,active,150,s\nb2,2023,all,active,60,s\n",
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn region_2023(args: &[&str]) -> String {
    let (h, rows) = rows(&[args, &["--format", "csv", "growth", "--level", "region"]].concat());
    let r = select(&h, &rows, &[("office", "r"), ("period", "2023")]);
    assert_eq!(r.len(), 1, "{rows:?}");
    cell(&h, r[0], "value").to_string()
}

#[test]
fn a_folder_may_hold_a_file_gzipped_or_as_a_workbook() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    let csv = std::fs::read(dir.path().join("participants.csv")).unwrap();
    std::fs::remove_file(dir.path().join("participants.csv")).unwrap();
    std::fs::write(dir.path().join("participants.csv.gz"), gzip(&csv)).unwrap();
    // 150 + 60 = 210, as from the plain file.
    assert_eq!(region_2023(&["--data", d]), "210");

    // Both: refused, naming the two.
    write_book(
        &dir.path().join("participants.xlsx"),
        &[("Sheet1", &PARTS, typed_participants())],
    );
    let err = fails(&["--data", d, "growth"]);
    assert!(
        err.contains(
            "participants.xlsx: a second file for participants: participants.csv.gz is there too"
        ),
        "{err}"
    );

    // The workbook alone: its one sheet, whatever its name, holds the participants.
    std::fs::remove_file(dir.path().join("participants.csv.gz")).unwrap();
    assert_eq!(region_2023(&["--data", d]), "210");
}

#[test]
fn a_workbook_under_a_csv_name_is_read_as_the_workbook_it_is() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    write_book(
        &dir.path().join("participants.csv"),
        &[("participants", &PARTS, typed_participants())],
    );
    assert_eq!(region_2023(&["--data", d]), "210");
}

#[test]
fn a_missing_file_names_the_workbook_the_folder_holds() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    std::fs::remove_file(dir.path().join("participants.csv")).unwrap();
    write_book(
        &dir.path().join("mine.xlsx"),
        &[("participants", &PARTS, typed_participants())],
    );
    let err = fails(&["--data", d, "growth"]);
    assert!(
        err.contains("participants.csv: required file not found"),
        "{err}"
    );
    assert!(
        err.contains("it holds the workbook mine.xlsx: read a workbook with --data"),
        "{err}"
    );
}

#[test]
fn one_file_given_on_its_own_or_on_standard_input() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    // b1 2023 becomes 200: r = 200 + 60 = 260.
    let other = "office,period,segment,measure,value,source\nb1,2022,all,active,100,s\nb2,2022,all,active,50,s\nb1,2023,all,active,200,s\nb2,2023,all,active,60,s\n";
    let file = dir.path().join("other.csv");
    std::fs::write(&file, other).unwrap();
    assert_eq!(
        region_2023(&["--data", d, "--participants", file.to_str().unwrap()]),
        "260"
    );

    for input in [other.as_bytes().to_vec(), gzip(other.as_bytes())] {
        let out = coverage()
            .args([
                "--data",
                d,
                "--participants",
                "-",
                "--format",
                "csv",
                "growth",
                "--level",
                "region",
            ])
            .write_stdin(input)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let (h, rows) = csv_rows(&out.stdout);
        let r = select(&h, &rows, &[("office", "r"), ("period", "2023")]);
        assert_eq!(cell(&h, r[0], "value"), "260");
    }

    let err = fails(&[
        "--data",
        d,
        "--participants",
        "-",
        "--offices",
        "-",
        "growth",
    ]);
    assert!(
        err.contains("standard input (-) is given for more than one file"),
        "{err}"
    );
}

#[test]
fn utf16_on_standard_input_gets_the_utf16_message() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "office,period\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let out = coverage()
        .args(["--data", d, "--participants", "-", "growth"])
        .write_stdin(utf16)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>: the file is UTF-16 text"), "{err}");
}

#[test]
fn a_gzip_bomb_stops_at_the_header_bound() {
    let dir = folder();
    let d = dir.path().to_str().unwrap();
    // 64 MiB of one letter and no line end: a header longer than the 1 MiB allowed.
    let bomb = gzip(&vec![b'a'; 64 << 20]);
    assert!(bomb.len() < 1 << 20);
    std::fs::remove_file(dir.path().join("participants.csv")).unwrap();
    std::fs::write(dir.path().join("participants.csv.gz"), bomb).unwrap();
    let err = fails(&["--data", d, "growth"]);
    assert!(
        err.contains("the first line runs past 1 MiB without a line end"),
        "{err}"
    );
}

#[test]
fn an_ods_workbook_reads_as_the_xlsx_it_was_made_from() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = book(dir.path(), typed_participants());
    let run = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(dir.path())
        .arg(&xlsx)
        .env("HOME", dir.path())
        .output();
    // .ci/run installs LibreOffice; under CI its absence is a failure, not a skip.
    let Ok(status) = run else {
        assert!(
            std::env::var_os("CI").is_none(),
            "soffice (LibreOffice) is not installed"
        );
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    assert!(status.status.success(), "{status:?}");
    let ods = dir.path().join("book.ods");
    assert_eq!(region_2023(&["--data", ods.to_str().unwrap()]), "210");
}

#[test]
fn offices_as_csv_reads_back_as_an_offices_file() {
    let out = coverage()
        .args(["offices", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (h, rows) = csv_rows(&out.stdout);
    // The columns of offices.csv, in its order, and its values: partial as yes or no.
    assert_eq!(h, ["code", "name", "level", "parent", "partial", "note"]);
    let (fh, frows) = csv_rows(&std::fs::read(common::shipped().join("offices.csv")).unwrap());
    assert_eq!(fh, h);
    assert_eq!(rows.len(), frows.len());
    for want in &frows {
        let got = select(&h, &rows, &[("code", &want[0])]);
        assert_eq!(got.len(), 1, "{}", want[0]);
        let mut want = want.clone();
        if want[4].is_empty() {
            want[4] = "no".into();
        }
        assert_eq!(got[0], &want);
    }
    // Loaded as the offices of a data set, it lists the same offices again.
    let dir = common::data_with(&[(
        "offices.csv",
        Some(std::str::from_utf8(&out.stdout).unwrap()),
    )]);
    let again = coverage()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "offices",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
    assert_eq!(again.stdout, out.stdout);
}

/// What `coverage ARGS` draws on a terminal `columns` wide (`script` gives it one).
fn on_terminal(columns: &str, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin!("coverage");
    let out = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!("{} --lang en {args}", bin.display()))
        .arg("/dev/null")
        .env("COLUMNS", columns)
        .env("NO_COLOR", "1")
        .env_remove("COVERAGE_DATA")
        .output()
        .expect("script (util-linux) gives the command a terminal");
    // audit exits 1: one stated figure is inconsistent.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn tables_fit_an_80_column_terminal() {
    for args in ["targets --branch national", "audit", "growth"] {
        let text = on_terminal("80", args);
        assert!(widest(&text) <= 80, "{args}:\n{text}");
        assert!(text.contains("`--wide`"), "{args}:\n{text}");
        // --wide draws the whole table, wider than the terminal.
        assert!(
            widest(&on_terminal("80", &format!("{args} --wide"))) > 80,
            "{args}"
        );
    }
    let growth = on_terminal("80", "growth");
    // National 2023: (41,460,000 − 35,860,000) / 35,860,000 = 15.62 %, each stock as published
    // ("41,46 juta", "35,86 juta"): too wide for a table at 80 columns, so each row folds.
    assert!(
        growth.contains(
            "Period      2023\nValue       41.46 million\nBase value  35.86 million\nChange %    +15.6%\n"
        ),
        "{growth}"
    );
    // Note: Bali Denpasar's 2023 additions (207.010, 194.210) are read one way of two.
    assert!(growth.contains("Left out to fit 80 columns: Base period, Change, Source, Note."));
    // Targets fold each row into lines: the 2023 national target of 43,92 juta against
    // 41,46 juta (each shown as published) leaves a gap of 2,460,000, 41,460,000 / 43,920,000
    // = 94.4 % achieved.
    let targets = on_terminal("80", "targets --branch national");
    assert!(
        targets.contains(
            "Target                   43.92 million\nvs roadmap               -\nActual                   41.46 million\nGap                      +2,460,000\nAchieved                 94.4%\n"
        ),
        "{targets}"
    );
}

#[test]
fn off_a_terminal_a_table_is_never_fitted() {
    // COLUMNS is the shell's, not a setting: a pipe gets the whole table.
    let plain = coverage().arg("growth").output().unwrap();
    let narrow = coverage()
        .arg("growth")
        .env("COLUMNS", "40")
        .output()
        .unwrap();
    assert_eq!(plain.stdout, narrow.stdout);
    assert!(widest(std::str::from_utf8(&narrow.stdout).unwrap()) > 80);
}

/// Writes the workbooks the README shows: `cargo test --test workbooks -- --ignored`.
#[test]
#[ignore]
fn write_readme_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbook");
    std::fs::create_dir_all(&dir).unwrap();
    book(&dir, typed_participants());
    let mut bad = typed_participants();
    bad[1][4] = F("=1/0", "#DIV/0!");
    bad[3][4] = S("1.027.000");
    write_book(
        &dir.join("bad.xlsx"),
        &[
            ("offices", &OFFICES, offices()),
            ("participants", &PARTS, bad),
        ],
    );
    let other = "office,period,segment,measure,value,source\nb1,2022,all,active,100,s\nb2,2022,all,active,50,s\nb1,2023,all,active,200,s\nb2,2023,all,active,60,s\n";
    std::fs::write(dir.join("participants.csv.gz"), gzip(other.as_bytes())).unwrap();
}

#[test]
fn a_report_title_wraps_on_a_narrow_terminal() {
    // "Bali Denpasar: branch under Banuspa (Bali, Nusa Tenggara, Papua); data set: embedded" is
    // 84 characters: on an 80-column terminal it breaks before "embedded".
    let text = on_terminal("80", "report --branch denpasar");
    assert!(text.starts_with(
        "Bali Denpasar: branch under Banuspa (Bali, Nusa Tenggara, Papua); data set:\nembedded\n"
    ));
    assert!(widest(&text) <= 80, "{text}");
}

#[test]
fn a_problem_at_a_row_of_a_sheet_names_the_row_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = typed_participants();
    // b1 2022 again: sheet row 6 (row 1 is the header), first given in row 2.
    parts.push(typed_participants().swap_remove(0));
    let book = book(dir.path(), parts);
    let en = fails(&["--data", &book, "growth"]);
    assert!(
        en.contains(&format!("{book} [participants] row 6: the same office")),
        "{en}"
    );
    let id = fails(&["--lang", "id", "--data", &book, "growth"]);
    assert!(
        id.contains(&format!(
            "{book} [participants] baris 6: baris dengan office"
        )),
        "{id}"
    );
    assert!(!id.contains("] row "), "{id}");
}
