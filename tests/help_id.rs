//! `--help` in the reader's language: `--lang id` (or COVERAGE_LANG=id, or an Indonesian locale)
//! says every help text of every command through the glossary, clap's own words included, while
//! English help stays clap's own.

mod common;

use std::collections::HashSet;

use clap::CommandFactory;
use common::{coverage, stdout_text};
use coverage::cli::Cli;

/// Standard output of `coverage ARGS`, which must succeed, with `env` set.
fn run(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = coverage();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).assert().success();
    stdout_text(&out)
}

/// The help of the top command (`[]`) and of each subcommand, by `flag` (`--help` or `-h`).
fn helps(lang: &[&str], flag: &str) -> Vec<(String, String)> {
    let subs = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect::<Vec<_>>();
    std::iter::once(None)
        .chain(subs.iter().map(Some))
        .map(|sub| {
            let mut args: Vec<&str> = lang.to_vec();
            args.extend(sub.map(String::as_str));
            args.push(flag);
            (args.join(" "), run(&[], &args))
        })
        .collect()
}

/// A line the same in both languages for holding only flags, commands and code: an example's
/// command line (indented two spaces), an option with its value name, an alias, a positional
/// argument.
fn is_code(line: &str) -> bool {
    line.starts_with("  coverage ")
        || line.split_whitespace().all(|w| {
            let w = w.trim_start_matches('[').trim_end_matches([',', ']']);
            w.starts_with('-') || (w.starts_with('<') && w.ends_with('>')) || w == "alias:"
        })
}

/// Lines the English help already writes in Indonesian.
const ALREADY_INDONESIAN: &[&str] = &["- id: Bahasa Indonesia: 1.027.000; 39,4%; Rp695,29 triliun"];

#[test]
fn no_help_line_is_left_in_english() {
    for flag in ["--help", "-h"] {
        let english = helps(&[], flag);
        let indonesian = helps(&["--lang", "id"], flag);
        for ((_, en), (asked, id)) in english.iter().zip(&indonesian) {
            let en: HashSet<&str> = en.lines().map(str::trim).collect();
            let left: Vec<&str> = id
                .lines()
                .filter(|l| !l.trim().is_empty() && en.contains(l.trim()))
                .filter(|l| !is_code(l) && !ALREADY_INDONESIAN.contains(&l.trim()))
                .collect();
            assert!(
                left.is_empty(),
                "coverage {asked}: still in English: {left:#?}\n{id}"
            );
        }
    }
}

fn assert_lines(help: &str, lines: &[&str]) {
    let have: Vec<&str> = help.lines().collect();
    for l in lines {
        assert!(have.contains(l), "no line {l:?} in:\n{help}");
    }
}

fn position(help: &str, line: &str) -> usize {
    help.lines()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in:\n{help}"))
}

#[test]
fn indonesian_help_in_its_words() {
    let top = run(&[], &["--lang", "id", "--help"]);
    assert_lines(
        &top,
        &[
            "Cara pakai: coverage [OPTIONS] <COMMAND>",
            "Perintah:",
            "  report       Gambaran lengkap satu kantor: peserta, pertumbuhan, cakupan, target, klaim",
            "  help         Tampilkan pesan ini atau bantuan subperintah yang disebut",
            "  -V, --version",
            "          Tampilkan versi",
            "          Tampilkan bantuan (lihat ringkasannya dengan '-h')",
            "          [variabel lingkungan: COVERAGE_DATA=]",
            "          - csv:      nilai dipisah koma, satu baris judul kolom, presisi penuh",
            "          [bawaan: en]",
            "Contoh:",
            "  coverage report --branch denpasar",
            "Kode keluar: 0 berhasil, 1 pemeriksaan menemukan masalah, 2 kesalahan penggunaan atau masukan.",
        ],
    );
    // The sections in English's order: clap's own flags before the global options.
    assert!(position(&top, "Perintah:") < position(&top, "Opsi:"));
    assert!(position(&top, "Opsi:") < position(&top, "Opsi global:"));

    let report = run(&[], &["--lang", "id", "report", "--help"]);
    assert_lines(
        &report,
        &[
            "Cara pakai: coverage report [OPTIONS] --branch <NAME>",
            "          Kode atau nama kantor, dicocokkan per kata tanpa membedakan huruf besar dan kecil",
            "          [alias: --office]",
            "          Nilai yang mungkin:",
            "          - labour-force: angkatan kerja",
            "  coverage report --branch national --year 2023 --format csv",
        ],
    );
    let short = run(&[], &["--lang", "id", "report", "-h"]);
    assert_lines(
        &short,
        &["  -h, --help               Tampilkan bantuan (lihat selengkapnya dengan '--help')"],
    );
    assert!(
        short.contains("[nilai yang mungkin: employed, labour-force, formal]"),
        "{short}"
    );

    let completions = run(&[], &["--lang", "id", "completions", "--help"]);
    assert_lines(
        &completions,
        &[
            "Argumen:",
            "  <SHELL>",
            "          Shell tujuan skrip pelengkapan",
        ],
    );
    assert!(position(&completions, "Argumen:") < position(&completions, "Opsi:"));
    assert!(position(&completions, "Opsi:") < position(&completions, "Opsi global:"));

    let audit = run(&[], &["--lang", "id", "audit", "--help"]);
    assert_lines(
        &audit,
        &["  coverage audit --strict  # juga kode keluar 1 bila angka hanya konsisten jika dibulatkan ke bawah"],
    );
}

#[test]
fn every_way_of_asking_gives_the_same_help() {
    let flag = run(&[], &["--lang", "id", "report", "--help"]);
    assert_eq!(run(&[], &["report", "--help", "--lang", "id"]), flag);
    assert_eq!(run(&[], &["--lang", "id", "help", "report"]), flag);
    // clap shows a variable's value beside its name.
    let env = run(&[("COVERAGE_LANG", "id")], &["report", "--help"]).replace(
        "[variabel lingkungan: COVERAGE_LANG=id]",
        "[variabel lingkungan: COVERAGE_LANG=]",
    );
    assert_eq!(env, flag);
    assert_eq!(run(&[("LANG", "id_ID.UTF-8")], &["report", "--help"]), flag);
    assert_eq!(
        run(&[], &["--help", "--lang", "id"]),
        run(&[], &["--lang", "id", "--help"])
    );
}

#[test]
fn help_for_want_of_a_subcommand_too() {
    // With no argument at all clap shows the help on standard error, and exits 2.
    let out = coverage()
        .env("LANG", "id_ID.UTF-8")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let help = String::from_utf8(out).expect("utf-8");
    // The short help, as `-h` shows it.
    assert_eq!(help, run(&[], &["--lang", "id", "-h"]));
    assert_lines(
        &help,
        &["Cara pakai: coverage [OPTIONS] <COMMAND>", "Opsi global:"],
    );
}

#[test]
fn english_help_is_clap_own() {
    let top = run(&[], &["--help"]);
    assert_eq!(run(&[], &["--lang", "en", "--help"]), top);
    assert_lines(
        &top,
        &[
            "Usage: coverage [OPTIONS] <COMMAND>",
            "Commands:",
            "  help         Print this message or the help of the given subcommand(s)",
            "Options:",
            "          Print help (see a summary with '-h')",
            "Global options:",
            "          Possible values:",
            "          - csv:      comma-separated values, one header row, full precision",
            "          [env: COVERAGE_DATA=]",
            "          [default: en]",
            "Examples:",
        ],
    );
    let short = run(&[], &["report", "-h"]);
    assert_lines(
        &short,
        &["  -h, --help               Print help (see more with '--help')"],
    );
    assert!(
        short.contains("[possible values: employed, labour-force, formal]"),
        "{short}"
    );
}
