//! Generated shell completions and man page, and the examples every `--help` must show.

mod common;

use clap::CommandFactory;
use common::coverage;
use coverage::cli::Cli;

fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = coverage()
            .args(["completions", shell])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.len() > 500, "{shell}: {} bytes", text.len());
        for sub in ["report", "chart", "completions"] {
            assert!(text.contains(sub), "{shell} completion lacks {sub}");
        }
    }
}

#[test]
fn completions_need_no_data() {
    // A broken data directory must not stop a command that reads no data.
    coverage()
        .env("COVERAGE_DATA", "/no/such/directory")
        .args(["completions", "bash"])
        .assert()
        .success();
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    coverage()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'tcsh'"));
}

#[test]
fn man_page_is_roff_naming_the_subcommands() {
    let out = coverage()
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.starts_with(".ie") || text.contains(".TH coverage"),
        "{}",
        &text[..80]
    );
    assert!(text.contains(".TH coverage 1"));
    for sub in subcommands() {
        assert!(text.contains(&sub), "man page lacks {sub}");
    }
}

/// Every subcommand's help: a one-line summary first, then an example running that subcommand.
#[test]
fn every_help_has_a_summary_then_an_example() {
    let subs = subcommands();
    assert!(subs.len() >= 10, "{subs:?}");
    for sub in subs {
        let out = coverage()
            .args([sub.as_str(), "--help"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let help = String::from_utf8(out).expect("utf-8");
        let first = help.lines().next().unwrap_or_default();
        assert!(
            !first.is_empty() && !first.starts_with("Usage"),
            "{sub}: first line is not a summary: {first:?}"
        );
        let examples = help
            .split_once("Example")
            .unwrap_or_else(|| panic!("{sub} --help has no example:\n{help}"))
            .1;
        assert!(
            examples.contains(&format!("coverage {sub}")) || examples.contains(&format!(" {sub} ")),
            "{sub}: the example does not run it:\n{examples}"
        );
    }
}

#[test]
fn top_level_help_has_examples_and_exit_codes() {
    coverage()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Examples:\n  coverage report --branch denpasar",
        ))
        .stdout(predicates::str::contains(
            "Exit codes: 0 ok, 1 a check found problems, 2 usage or input error.",
        ));
}

#[test]
fn man_pages_for_every_subcommand_go_into_a_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    coverage()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("");
    let main = std::fs::read_to_string(dir.path().join("coverage.1")).expect("coverage.1");
    assert!(main.contains(".TH coverage 1"));
    for sub in subcommands() {
        let page = dir.path().join(format!("coverage-{sub}.1"));
        let text = std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("{page:?}"));
        assert!(text.contains(&format!("coverage\\-{sub}")), "{sub}: {text}");
    }
    coverage()
        .args(["man", "--dir", "/no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--dir /no/such/dir: no such directory",
        ));
}

#[test]
fn pages_of_completions_and_man_leave_out_the_options_for_data_and_tables() {
    let dir = tempfile::tempdir().unwrap();
    coverage()
        .args(["man", "--dir", dir.path().to_str().unwrap()])
        .assert()
        .success();
    let page = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    // growth reads data and draws a table: its page lists the options for both.
    for opt in ["decimal\\-comma", "csv\\-locale", "\\-\\-data"] {
        assert!(page("coverage-growth.1").contains(opt), "{opt}");
        assert!(!page("coverage-completions.1").contains(opt), "{opt}");
        assert!(!page("coverage-man.1").contains(opt), "{opt}");
    }
    // --output still applies to them.
    assert!(page("coverage-completions.1").contains("\\-\\-output"));
}
