//! The terminal bar beside percentages: in the table only, never in machine formats or markdown,
//! and never coloured when standard output is not a terminal.

mod common;

use common::{coverage, stdout_text};

fn stdout(args: &[&str]) -> String {
    let out = coverage().args(args).assert().success();
    stdout_text(&out)
}

#[test]
fn claims_shares_get_bars_in_the_table() {
    let t = stdout(&["claims", "--branch", "denpasar"]);
    // JHT: Rp281 miliar lebih of Rp342 miliar lebih is no one share: taking each "lebih" as
    // under one more miliar, 281 / 343 = 81.92% to 282 / 342 = 82.46%. A range draws no bar.
    assert!(
        t.contains("│ between 81.9% and 82.5% │            │"),
        "{t}"
    );
    // Other: (342 - 282) / 343 = 17.49% to (343 - 281) / 342 = 18.13%.
    assert!(
        t.contains("│ between 17.5% and 18.1% │            │"),
        "{t}"
    );
    // The total: 100% -> all 10 cells.
    assert!(
        t.contains("│                  100.0% │ ██████████ │"),
        "{t}"
    );
    assert!(
        !t.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn coverage_gets_bars_in_the_table() {
    let t = stdout(&["coverage", "--branch", "bali"]);
    // 1,027,000 / 2,620,000 = 39.198% -> 31.4 eighths -> 31 = 3 cells + 7/8.
    assert!(t.contains("│    39.2% │ ███▉ │"), "{t}");
}

#[test]
fn bars_stay_out_of_machine_formats_and_markdown() {
    for format in ["csv", "json", "markdown"] {
        for cmd in ["claims", "coverage", "targets"] {
            let t = stdout(&[cmd, "--format", format]);
            for ch in ['█', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '\u{1b}'] {
                assert!(!t.contains(ch), "{cmd} --format {format} holds {ch:?}");
            }
        }
    }
}

#[test]
fn ranked_coverage_gets_bars_and_growth_does_not() {
    let t = stdout(&["rank", "--by", "coverage", "--level", "province"]);
    // Bali 2023: 1,027,000 / 2,620,000 = 39.198% -> 3 cells and 7/8, as in `coverage`.
    assert!(t.contains("│ 39.2% │ ███▉ │"), "{t}");
    // Growth can fall below zero, so it is not drawn as a bar.
    let t = stdout(&["rank", "--by", "growth", "--level", "national"]);
    assert!(!t.contains('█'), "{t}");
}
