//! `--lang id` in table and markdown on the shipped data: no English word is left. Sources,
//! office names and notes are the data's own text and stay as given; the shipped sources name
//! agency, date and title in words both languages share, and the list below checks that too.

mod common;

use common::{coverage, shipped};

/// Every command that writes a table, with the arguments that make it print rows.
const RUNS: &[&[&str]] = &[
    &["offices"],
    &["growth"],
    &["growth", "--monthly"],
    &["coverage"],
    &["coverage", "--against", "labour-force"],
    &["targets"],
    &["claims"],
    &["audit"],
    &["quality"],
    &["quality", "--branch", "bali-denpasar"],
    &["validate"],
    &["rank", "--by", "coverage"],
    &["rank", "--by", "growth"],
    &["rank", "--by", "achievement"],
    &[
        "check",
        "--branch",
        "bali",
        "--min-coverage",
        "30",
        "--min-growth",
        "5",
    ],
    &["report", "--branch", "national"],
    &["report", "--branch", "bali"],
    &["report", "--branch", "bali-denpasar"],
    &["report", "--branch", "kc-tabanan"],
];

/// English the tool used to write in Indonesian output, and the Indonesian it replaced.
const FORBIDDEN: &[&str] = &[
    // English words and phrases.
    "press release",
    "press conference",
    "not named in the text",
    "August",
    "embedded",
    "not given",
    "total less",
    "itemised",
    "sum of",
    "million",
    "billion",
    "trillion",
    "thousand",
    "of employed",
    "dates differ",
    "survey",
    "no figures",
    "in the data set",
    "offices,",
    "problems",
    "partial:",
    // Words BPS does not use for these.
    "porsi",
    "tanggal berbeda",
    "tenaga kerja",
    "Hasil hitung",
    "nilai per kasus",
    // Segment and program codes as cells: BPS writes PU, BPU, semua, lainnya.
    "│ all ",
    "│ pu ",
    "│ bpu ",
    "│ other ",
    "| all ",
    "| pu ",
    "| bpu ",
    "| other ",
    // One word for a figure in headings: Indikator names it, Nilai holds it.
    "│ Angka ",
    "| Angka ",
    // Headings start with a capital.
    "│ terhadap peta jalan",
    "| terhadap peta jalan",
    // Rupiah units written one way, as BPS does.
    " T ",
    " T│",
    " T |",
];

/// English number writing: commas grouping thousands (`1,219,297`; one comma alone is an
/// Indonesian decimal such as `15,586`), a point before decimals (`2.61`), or a month written
/// as a code (`2023-08`).
fn english_number(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        let digits_after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let digits_before = b[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits_before == 0 || digits_after == 0 {
            continue;
        }
        let grouped = b[i] == b','
            && digits_after == 3
            && b.get(i + 4) == Some(&b',')
            && b[i + 5..].iter().take_while(|c| c.is_ascii_digit()).count() == 3;
        let point = b[i] == b'.' && digits_after != 3;
        // 2023-08, but not a range such as 39,254–39,443 or a date line 16/11/2024.
        let month = b[i] == b'-' && digits_before == 4 && digits_after == 2;
        if grouped || point || month {
            let from = s[..i].rfind([' ', '(', '"', '│', '|']).map_or(0, |j| j + 1);
            let to = (i + 1 + digits_after).min(s.len());
            return Some(s[from..to].to_string());
        }
    }
    None
}

/// The lines of the shipped data's own text (sources) whose digits are written as the source
/// writes them: the number of a BPS release.
fn is_data_text(line: &str) -> bool {
    ["No. 69"].iter().any(|d| line.contains(d))
}

#[test]
fn indonesian_output_has_no_english() {
    let mut bad = Vec::new();
    for format in ["table", "markdown"] {
        for args in RUNS {
            let out = coverage()
                .arg("--data")
                .arg(shipped())
                .args(["--lang", "id", "--format", format])
                .args(*args)
                .output()
                .expect("runs");
            let text = String::from_utf8(out.stdout).expect("utf-8");
            assert!(!text.is_empty(), "{format} {args:?} printed nothing");
            for line in text.lines() {
                for word in FORBIDDEN {
                    if line.contains(word) {
                        bad.push(format!("{format} {args:?}: {word:?} in {line}"));
                    }
                }
                if is_data_text(line) {
                    continue;
                }
                // Cells of data text wrap onto further lines; check each cell on its own.
                for cell in line.split(['│', '|']) {
                    if is_data_text(cell) {
                        continue;
                    }
                    if let Some(n) = english_number(cell) {
                        bad.push(format!("{format} {args:?}: {n:?} in {line}"));
                    }
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "English in Indonesian output:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_words_bps_uses() {
    let run = |args: &[&str]| {
        let out = coverage()
            .arg("--data")
            .arg(shipped())
            .args(["--lang", "id"])
            .args(args)
            .output()
            .expect("runs");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let claims = run(&["claims", "--branch", "bali-denpasar"]);
    // report 004: JHT claims paid January to August 2023.
    for want in [
        "Periode pembayaran",
        "Januari–Agustus 2023",
        "Rata-rata per kasus",
        "PU",
    ] {
        assert!(claims.contains(want), "{want:?} missing from\n{claims}");
    }
    let targets = run(&["targets", "--branch", "national"]);
    // The 2022 roadmap's funds under management: Rp627,69 triliun (reports 000, 001).
    assert!(targets.contains("Rp627,69 triliun"), "{targets}");
    let report = run(&["report", "--branch", "bali-denpasar"]);
    assert!(
        report.contains("kantor cabang di wilayah kerja Kanwil Banuspa"),
        "{report}"
    );
    assert!(
        report.contains("periode pembayaran: Januari–Agustus 2023"),
        "{report}"
    );
    let audit = run(&["audit", "--branch", "bali"]);
    // BPS Bali, August 2022: 1,21 juta formal of 2,61 juta employed, 46,57 persen.
    for want in [
        "Hasil penghitungan",
        "(\"2,61 juta\")",
        "46,57% dari penduduk bekerja",
    ] {
        assert!(audit.contains(want), "{want:?} missing from\n{audit}");
    }
}
