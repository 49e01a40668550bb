//! Errors and warnings in the reader's language: `--lang id` (or COVERAGE_LANG=id) says the
//! common loader and command messages in Indonesian, while English stays as it was.

mod common;

use common::{coverage, fixture};

fn stderr(lang: Option<&str>, env: bool, dir: &std::path::Path, args: &[&str]) -> String {
    let mut cmd = coverage();
    if let Some(l) = lang {
        if env {
            cmd.env("COVERAGE_LANG", l);
        } else {
            cmd.args(["--lang", l]);
        }
    }
    let out = cmd.arg("--data").arg(dir).args(args).assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn an_unknown_code_in_both_languages() {
    let d = fixture("unknown-segment");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains(
            "participants.csv:6:3 (segment): found \"formal\", expected one of pu, bpu, jakon, pmi or all"
        ),
        "{en}"
    );
    assert!(en.starts_with("error: "), "{en}");
    for env in [false, true] {
        let id = stderr(Some("id"), env, d.path(), &["growth"]);
        assert!(id.starts_with("kesalahan: "), "{id}");
        assert!(
            id.contains(
                "participants.csv:6:3 (segment): ditemukan \"formal\", seharusnya salah satu dari pu, bpu, jakon, pmi atau all"
            ),
            "{id}"
        );
        assert!(!id.contains("expected"), "{id}");
    }
}

#[test]
fn an_unknown_column_and_a_missing_one() {
    let d = fixture("misspelled-column");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("ditemukan \"segmen\", seharusnya salah satu kolom office, period,"),
        "{id}"
    );
    assert!(
        id.contains(
            "petunjuk: participants.csv tidak memiliki kolom ini; hapus atau perbaiki namanya"
        ),
        "{id}"
    );
    let d = fixture("missing-column");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("participants.csv:1: kolom \"source\" tidak ada"),
        "{id}"
    );
    assert!(
        id.contains(
            "petunjuk: baris judul kolom harus memuat office,period,segment,measure,value,source"
        ),
        "{id}"
    );
}

#[test]
fn not_a_number_a_duplicate_and_an_unknown_office() {
    let d = fixture("negative-value");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("ditemukan \"-750000\", seharusnya bilangan bulat nol atau lebih"),
        "{id}"
    );
    assert!(
        id.contains("petunjuk: jumlah dan nilai tidak boleh negatif"),
        "{id}"
    );
    let d = fixture("duplicate-participant");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains(
            "participants.csv:11: the same office, period, segment and measure twice (first on line 5)"
        ),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains(
            "participants.csv:11: baris dengan office, period, segment dan measure yang sama muncul dua kali (pertama pada baris 5)"
        ),
        "{id}"
    );
    let d = fixture("unknown-office");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("seharusnya kode kantor yang tercantum di offices.csv"),
        "{id}"
    );
}

#[test]
fn a_missing_file_and_an_unknown_branch() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::shipped().join("participants.csv"),
        d.path().join("participants.csv"),
    )
    .unwrap();
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains("offices.csv: required file not found\n  hint: a data directory holds offices.csv and participants.csv (claims.csv, targets.csv, workforce.csv, stated.csv optional)"),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("offices.csv: berkas wajib tidak ditemukan\n  petunjuk: folder data memuat offices.csv dan participants.csv (claims.csv, targets.csv, workforce.csv, stated.csv opsional)"),
        "{id}"
    );
    let out = coverage()
        .args(["--lang", "id", "growth", "--branch", "nowhere"])
        .assert()
        .code(2);
    let id = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        id.starts_with("kesalahan: tidak ada kantor yang cocok dengan \"nowhere\"\n"),
        "{id}"
    );
    assert!(
        id.contains("  petunjuk: `coverage offices` mencantumkan semua kantor"),
        "{id}"
    );
    let out = coverage()
        .env("COVERAGE_LANG", "id")
        .args(["growth", "--from", "2024", "--to", "2023"])
        .assert()
        .code(2);
    let id = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        id,
        "kesalahan: --from 2024 lebih akhir daripada --to 2023\n"
    );
}

#[test]
fn validate_lists_problems_in_the_readers_language() {
    let d = fixture("unknown-segment");
    let out = coverage()
        .args(["--lang", "id", "--data"])
        .arg(d.path())
        .arg("validate")
        .assert()
        .code(1);
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        s.contains("seharusnya salah satu dari pu, bpu, jakon, pmi atau all"),
        "{s}"
    );
    assert!(!s.contains("expected"), "{s}");
}
