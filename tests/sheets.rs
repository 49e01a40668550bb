//! Output for spreadsheets: the Indonesian csv dialect, typed workbooks read back with an
//! independent reader, the format picked from the output's extension, and a round trip through
//! LibreOffice with Indonesian and English settings. Then the shell's side: the manual page and
//! the layout of `--help`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::{coverage, csv_rows};

/// The Denpasar claims of January to August 2023 as claims.csv states them: JHT 16,355 cases
/// and Rp281 miliar out of 21,097 cases and Rp342 miliar in all.
const JHT_CASES: f64 = 16355.0;
const ALL_CASES: f64 = 21097.0;
const JHT_IDR: f64 = 281e9;
const ALL_IDR: f64 = 342e9;

fn stdout(args: &[&str]) -> Vec<u8> {
    let out = coverage().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// An Indonesian-dialect csv parsed into header and rows, numbers given their decimal point back.
fn id_rows(out: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(out);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).expect(name)
}

#[test]
fn indonesian_csv_has_semicolons_decimal_commas_and_no_thousands_separator() {
    let out = stdout(&[
        "claims",
        "--branch",
        "denpasar",
        "--format",
        "csv",
        "--csv-locale",
        "id",
    ]);
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(
        text.starts_with("office;office_name;period;span;segment;program;cases;amount_idr;"),
        "{text}"
    );
    let (h, rows) = id_rows(&out);
    let jht = rows
        .iter()
        .find(|r| r[col(&h, "program")] == "jht")
        .unwrap();
    assert_eq!(jht[col(&h, "cases")], "16355");
    assert_eq!(jht[col(&h, "amount_idr")], "281000000000");
    let share = &jht[col(&h, "share_cases_pct")];
    assert!(
        share.starts_with("77,52") && !share.contains('.'),
        "{share}"
    );
    let v: f64 = share.replace(',', ".").parse().unwrap();
    assert!(close(v, JHT_CASES / ALL_CASES * 100.0), "{v}");
    let per_case: f64 = jht[col(&h, "idr_per_case")]
        .replace(',', ".")
        .parse()
        .unwrap();
    assert!(close(per_case, JHT_IDR / JHT_CASES), "{per_case}");

    // The environment variable does the same; the option overrides it.
    let env = coverage()
        .env("COVERAGE_CSV_LOCALE", "id")
        .args(["claims", "--branch", "denpasar", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(env.stdout, out);
    let en = coverage()
        .env("COVERAGE_CSV_LOCALE", "id")
        .args([
            "claims",
            "--branch",
            "denpasar",
            "-f",
            "CSV",
            "--csv-locale",
            "EN",
        ])
        .output()
        .unwrap();
    assert_eq!(
        en.stdout,
        stdout(&["claims", "--branch", "denpasar", "--format", "csv"])
    );
}

/// Every command that prints a table, as the commands that write a workbook.
const COMMANDS: &[&[&str]] = &[
    &["offices"],
    &["report", "--branch", "denpasar"],
    &["report", "--branch", "national"],
    &["growth"],
    &["growth", "--monthly"],
    &["coverage"],
    &["targets"],
    &["claims"],
    &["audit"],
    &["rank", "--by", "coverage"],
    &["rank", "--by", "growth", "--level", "province"],
    &["rank", "--by", "achievement"],
    &["check", "--branch", "bali", "--min-coverage", "1"],
    &["validate"],
];

fn run_to(args: &[&str], extra: &[&str]) -> std::process::Output {
    coverage().args(args).args(extra).output().expect("run")
}

fn workbook(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("workbook opens");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).expect("sheet");
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

/// Periods are labels (`2023`, `2023-08`): text cells in a workbook, even where every one in
/// the output is a year.
fn is_label(column: &str) -> bool {
    column == "period" || column.ends_with("_period")
}

fn is_number(field: &str) -> bool {
    field.parse::<f64>().is_ok() && field.chars().any(|c| c.is_ascii_digit())
}

/// A workbook cell against the csv field of the same output: in a column of numbers a number
/// cell of the same value, a truth value a boolean, anything else a string cell with the same
/// text (a text column may hold text that looks like a number, such as a year).
fn same(cell: &Data, field: &str, numeric: bool) -> bool {
    if field.is_empty() {
        return matches!(cell, Data::Empty);
    }
    if is_number(field) {
        let v: f64 = field.parse().unwrap();
        let as_number = matches!(cell, Data::Float(x) if close(*x, v))
            || matches!(cell, Data::Int(x) if close(*x as f64, v));
        if numeric || as_number {
            return as_number;
        }
    }
    match cell {
        Data::Bool(b) => field == b.to_string(),
        // csv neutralises formula-like text with a leading '; a workbook cell never needs it.
        Data::String(s) => s == field || field.strip_prefix('\'') == Some(s.as_str()),
        _ => false,
    }
}

#[test]
fn every_workbook_reads_back_with_the_csv_values_as_typed_cells() {
    let dir = tempfile::tempdir().unwrap();
    for args in COMMANDS {
        let path = dir.path().join("out.xlsx");
        let out = run_to(args, &["-o", path.to_str().unwrap()]);
        let csv = run_to(args, &["--format", "csv"]);
        assert_eq!(out.status.code(), csv.status.code(), "{args:?}");
        let (header, rows) = csv_rows(&csv.stdout);
        let numeric: Vec<bool> = (0..header.len())
            .map(|j| {
                let mut filled = rows.iter().map(|r| r[j].as_str()).filter(|f| !f.is_empty());
                !is_label(&header[j]) && filled.clone().next().is_some() && filled.all(is_number)
            })
            .collect();
        let sheets = workbook(&path);
        let mut seen = 0;
        for (name, cells) in &sheets {
            let head: Vec<String> = cells[0].iter().map(|c| c.to_string()).collect();
            assert_eq!(head, header, "{args:?} sheet {name}");
            for row in &cells[1..] {
                let want = &rows[seen];
                for (j, field) in want.iter().enumerate() {
                    let cell = row.get(j).unwrap_or(&Data::Empty);
                    assert!(
                        same(cell, field, numeric[j]),
                        "{args:?} sheet {name} row {seen} column {}: {cell:?} is not {field:?}",
                        header[j]
                    );
                }
                seen += 1;
            }
        }
        assert_eq!(seen, rows.len(), "{args:?}: every row in the workbook");
    }
}

#[test]
fn claims_workbook_holds_hand_figures_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.xlsx");
    stdout(&[
        "claims",
        "--branch",
        "denpasar",
        "-o",
        path.to_str().unwrap(),
    ]);
    let sheets = workbook(&path);
    assert_eq!(sheets.len(), 1);
    let cells = &sheets[0].1;
    let h: Vec<String> = cells[0].iter().map(|c| c.to_string()).collect();
    let jht = cells
        .iter()
        .find(|r| r[col(&h, "program")] == Data::String("jht".into()))
        .unwrap();
    assert_eq!(jht[col(&h, "cases")], Data::Float(JHT_CASES));
    assert_eq!(jht[col(&h, "amount_idr")], Data::Float(JHT_IDR));
    assert_eq!(jht[col(&h, "period")], Data::String("2023-08".into()));
    // Both amounts are lower bounds ("lebih"), so the share is a range: each taken as under
    // one more miliar, from 281 / 343 to 282 / 342.
    let Data::Float(low) = jht[col(&h, "share_amount_low_pct")] else {
        panic!("share is a number")
    };
    assert!(close(low, JHT_IDR / (ALL_IDR + 1e9) * 100.0), "{low}");
}

#[test]
fn report_workbook_has_a_sheet_per_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    stdout(&[
        "report",
        "--branch",
        "denpasar",
        "-o",
        path.to_str().unwrap(),
    ]);
    let (h, rows) = csv_rows(&stdout(&[
        "report", "--branch", "denpasar", "--format", "csv",
    ]));
    let mut sections: Vec<&str> = Vec::new();
    for r in &rows {
        if !sections.contains(&r[0].as_str()) {
            sections.push(&r[0]);
        }
    }
    assert!(sections.len() > 1, "{h:?}");
    let names: Vec<String> = workbook(&path).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, sections);
}

#[test]
fn text_is_never_a_formula_in_a_workbook() {
    let offices = std::fs::read_to_string(common::shipped().join("offices.csv")).unwrap();
    let offices = offices.replace(",Bali Denpasar,", ",=SUM(1+1),");
    let data = common::data_with(&[("offices.csv", Some(&offices))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("o.xlsx");
    coverage()
        .args(["--data", data.path().to_str().unwrap(), "offices", "-o"])
        .arg(&path)
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let first = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&first).unwrap();
    assert!(formulas.used_cells().next().is_none(), "no formula cells");
    let range = book.worksheet_range(&first).unwrap();
    let formula_text = Data::String("=SUM(1+1)".into());
    assert!(range.rows().any(|r| r[1] == formula_text), "kept as text");
}

#[test]
fn the_output_extension_picks_the_format_and_a_drawn_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (ext, fmt) in [("csv", "csv"), ("json", "json"), ("md", "markdown")] {
        let path = dir.path().join(format!("growth.{ext}"));
        stdout(&["growth", "-o", path.to_str().unwrap()]);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            stdout(&["growth", "--format", fmt]),
            "{ext}"
        );
    }
    let path = dir.path().join("growth.csv");
    std::fs::write(&path, "kept\n").unwrap();
    coverage()
        .args(["growth", "--format", "table", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--format table cannot be written to",
        ))
        .stderr(predicates::str::contains("the name says csv"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept\n");
}

// ---- the LibreOffice round trip ----

fn soffice() -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|n| {
        Proc::new(n)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from(n))
    });
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but LibreOffice (soffice) is not installed: .ci/run installs it");
        }
        eprintln!("skipped: LibreOffice (soffice) is not installed; set CI to require it");
    }
    found
}

/// Converts `input` to xlsx with LibreOffice under `locale` (`id_ID.UTF-8`, `en_US.UTF-8`),
/// importing csv with `filter` when given, and reads the first sheet of the result.
fn through_libreoffice(
    office: &Path,
    input: &Path,
    filter: Option<&str>,
    locale: &str,
) -> Vec<Vec<Data>> {
    let work = tempfile::tempdir().unwrap();
    let outdir = work.path().join("out");
    let profile = format!("file://{}", work.path().join("profile").display());
    let mut cmd = Proc::new(office);
    cmd.env("LC_ALL", locale)
        .env("LANG", locale)
        .arg(format!("-env:UserInstallation={profile}"))
        .arg("--headless");
    if let Some(f) = filter {
        cmd.arg(format!("--infilter={f}"));
    }
    let status = cmd
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(&outdir)
        .arg(input)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
    let name = input.file_stem().unwrap().to_str().unwrap().to_string() + ".xlsx";
    let sheets = workbook(&outdir.join(name));
    sheets.into_iter().next().unwrap().1
}

/// Every field of the machine csv that is a number arrives in LibreOffice's sheet as that
/// number, in the same place.
fn numbers_arrive(what: &str, header: &[String], rows: &[Vec<String>], sheet: &[Vec<Data>]) {
    let mut numbers = 0;
    for (i, row) in rows.iter().enumerate() {
        for (j, field) in row.iter().enumerate() {
            let Ok(v) = field.parse::<f64>() else {
                continue;
            };
            if is_label(&header[j]) {
                continue;
            }
            let cell = sheet.get(i + 1).and_then(|r| r.get(j));
            let got = match cell {
                Some(Data::Float(x)) => Some(*x),
                Some(Data::Int(x)) => Some(*x as f64),
                _ => None,
            };
            assert!(
                got.is_some_and(|x| close(x, v)),
                "{what}: row {} column {}: {field} arrived as {cell:?}",
                i + 1,
                header[j]
            );
            numbers += 1;
        }
    }
    assert!(numbers >= 10, "{what}: only {numbers} numbers checked");
}

#[test]
fn libreoffice_reads_every_number_as_the_number_it_is() {
    let Some(office) = soffice() else {
        return;
    };
    for args in [&["claims"][..], &["growth"], &["coverage"]] {
        round_trip(&office, args);
    }
}

fn round_trip(office: &Path, args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = csv_rows(&stdout(&[args, &["--format", "csv"]].concat()));
    let cases = [
        ("en", "CSV:44,34,76,1,,1033", "en_US.UTF-8"),
        ("id", "CSV:59,34,76,1,,1057", "id_ID.UTF-8"),
    ];
    for (csv_locale, filter, locale) in cases {
        let path = dir.path().join(format!("claims-{csv_locale}.csv"));
        let out = [
            args,
            &["--format", "csv", "--csv-locale", csv_locale, "-o"],
            &[path.to_str().unwrap()],
        ]
        .concat();
        stdout(&out);
        let sheet = through_libreoffice(office, &path, Some(filter), locale);
        numbers_arrive(
            &format!("{args:?} csv {csv_locale}"),
            &header,
            &rows,
            &sheet,
        );
    }
    let book = dir.path().join("claims.xlsx");
    stdout(&[args, &["-o", book.to_str().unwrap()]].concat());
    for (_, _, locale) in cases {
        let sheet = through_libreoffice(office, &book, None, locale);
        numbers_arrive(&format!("{args:?} xlsx {locale}"), &header, &rows, &sheet);
    }
}

// ---- the manual page ----

#[test]
fn man_page_has_environment_exit_status_and_files_and_names_only_written_pages() {
    let page = String::from_utf8(stdout(&["man"])).unwrap();
    for s in [
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        "COVERAGE_DATA",
        "COVERAGE_LANG",
        "NO_COLOR",
        "LC_ALL",
        "offices.csv",
    ] {
        assert!(page.contains(s), "{s} missing");
    }
    assert!(!page.contains("(1)"), "a single page names no other page");

    let dir = tempfile::tempdir().unwrap();
    stdout(&["man", "--dir", dir.path().to_str().unwrap()]);
    let main = std::fs::read_to_string(dir.path().join("coverage.1")).unwrap();
    assert!(main.contains(".SH ENVIRONMENT"));
    let mut named = 0;
    for word in main.split(|c: char| c.is_whitespace()) {
        if let Some(stem) = word.strip_suffix("(1)") {
            let file = stem.replace("\\-", "-") + ".1";
            assert!(
                dir.path().join(&file).exists(),
                "{file} is named but not written"
            );
            named += 1;
        }
    }
    assert_eq!(named, 14, "one page per command, no help page");
}

// ---- help ----

#[test]
fn subcommand_help_lists_its_own_options_then_the_global_ones_once() {
    for (sub, own) in [
        ("growth", "--monthly"),
        ("report", "--against"),
        ("rank", "--by"),
    ] {
        let help = String::from_utf8(stdout(&[sub, "--help"])).unwrap();
        let own_at = help.find(own).unwrap();
        let global_at = help.find("\nGlobal options:\n").expect("global heading");
        assert!(own_at < global_at, "{sub}: own options first");
        assert_eq!(help.matches("--data <DIR>").count(), 1, "{sub}");
        assert!(help.find("--data <DIR>").unwrap() > global_at, "{sub}");
    }
}

#[test]
fn a_workbook_is_refused_on_a_terminal() {
    // `script` (util-linux) runs the command with a terminal as its standard output.
    let bin = assert_cmd::cargo::cargo_bin!("coverage");
    let run = Proc::new("script")
        .args(["-qec"])
        .arg(format!("{} growth --format xlsx", bin.display()))
        .arg("/dev/null")
        .env_remove("COVERAGE_DATA")
        .output();
    let Ok(out) = run else {
        eprintln!("skipped: `script` is not installed to give the command a terminal");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("--format xlsx writes a binary workbook, not text for a terminal"),
        "{text}"
    );
    assert!(!text.contains("PK"), "no workbook bytes on the terminal");
}
