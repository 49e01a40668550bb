//! Input at the limits: sums past 64 bits are compared and named, never skipped.

mod common;

use common::{coverage, only, stdout_text};

const OFFICES: &str = "code,name,level,parent,partial,note
national,N,national,,,
r1,R1,region,national,,
b1,B1,branch,r1,,
b2,B2,branch,r1,,
";

/// 5,000,000,000,000,000,000 twice is 10,000,000,000,000,000,000, past the 64-bit limit of
/// 9,223,372,036,854,775,807: the comparison with a given figure is made all the same.
#[test]
fn a_given_figure_is_compared_with_a_sum_past_64_bits() {
    let five = "5000000000000000000";
    let participants = format!(
        "office,period,segment,measure,value,source
r1,2023,all,active,1,s
b1,2023,all,active,{five},s
b2,2023,all,active,{five},s
b1,2024,all,active,{five},s
b1,2024,pu,active,{five},s
b1,2024,bpu,active,{five},s
b1,2024,jakon,active,0,s
b1,2024,pmi,active,0,s
"
    );
    let dir = only(OFFICES, &participants);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1);
    let text = stdout_text(&out);
    let path = dir.path().join("participants.csv");
    let path = path.display();
    for line in [
        format!("{path}:2: r1 2023 all active is 1, but its 2 branches add up to 10000000000000000000"),
        format!("{path}:5: b1 2024 active: all segments is {five}, but pu + bpu + jakon + pmi = 10000000000000000000"),
    ] {
        assert!(text.contains(&line), "{line}\n{text}");
    }
    assert!(text.ends_with("\n2 problems found\n"), "{text}");
}

/// Standard input that is not a terminal (a pipe here) is read without a notice: the notice
/// is only for a terminal, where the command would otherwise wait without a word.
#[test]
fn a_pipe_on_standard_input_is_read_without_a_notice() {
    let dir = only(OFFICES, "office,period,segment,measure,value,source\n");
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap()])
        .args(["--participants", "-", "validate"])
        .write_stdin("office,period,segment,measure,value,source\nb1,2023,all,active,7,s\n")
        .assert()
        .success()
        .stderr("");
    let text = stdout_text(&out);
    assert!(text.contains("no problems"), "{text}");
}

/// A terminal on standard input (a pseudo-terminal made by `script`, where it is installed):
/// one line says what is read and how to end it, and Ctrl-D ends it.
#[test]
fn a_terminal_on_standard_input_is_told_what_is_read() {
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: no /usr/bin/script to make a terminal");
        return;
    }
    let dir = only(OFFICES, "office,period,segment,measure,value,source\n");
    let cmd = format!(
        "{} --data {} --participants - validate",
        env!("CARGO_BIN_EXE_coverage"),
        dir.path().display()
    );
    let out = std::process::Command::new("/usr/bin/script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(
                b"office,period,segment,measure,value,source\nb1,2023,all,active,7,s\n\x04",
            )?;
            c.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("reading participants from standard input (end it with Ctrl-D)\r\n"),
        "{text}"
    );
    assert!(text.contains("1 participant"), "{text}");
}

/// `man --dir` naming a file says it is not a directory, and leaves the file as it was.
#[test]
fn man_into_a_file_is_not_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pages");
    std::fs::write(&file, "kept\n").unwrap();
    coverage()
        .args(["man", "--dir", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: --dir {}: not a directory\n  hint: name a directory for the pages, not a file\n",
            file.display()
        ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept\n");
}

/// Two branches of 5,000,000,000,000,000,000 each: the region's sum, 10^19, passes the 64-bit
/// limit of 9,223,372,036,854,775,807 and is not made. Every command that would show the
/// region's figure says so, in both languages and in csv, instead of "no figures".
#[test]
fn a_roll_up_past_64_bits_is_named_everywhere() {
    let five = "5000000000000000000";
    let participants = format!(
        "office,period,segment,measure,value,source
b1,2023,all,active,{five},s
b2,2023,all,active,{five},s
b1,2024,all,active,{five},s
b2,2024,all,active,{five},s
"
    );
    let dir = only(OFFICES, &participants);
    let data = dir.path().to_str().unwrap();
    let run = |lang: &str, args: &[&str]| {
        let out = coverage()
            .args(["--lang", lang, "--data", data])
            .args(args)
            .env("COLUMNS", "400")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let en = "no sum: its parts add up past the 64-bit limit";
    let id = "tidak ada jumlah: jumlah bagian-bagiannya melampaui batas 64 bit";
    let commands: [&[&str]; 7] = [
        // Markdown: a table would wrap the long reason.
        &["growth", "--level", "region", "--format", "markdown"],
        &["growth", "--level", "region", "--format", "csv"],
        &["report", "--branch", "r1", "--format", "markdown"],
        &["report", "--branch", "r1", "--format", "csv"],
        &["coverage", "--branch", "r1", "--format", "markdown"],
        &[
            "rank", "--by", "growth", "--level", "region", "--format", "markdown",
        ],
        &[
            "check",
            "--branch",
            "r1",
            "--min-growth",
            "1",
            "--format",
            "markdown",
        ],
    ];
    for args in commands {
        let text = run("en", args);
        // Both years: 2023 and 2024 (rank and check name the latest, 2024).
        assert!(text.contains(en), "{args:?}: {text}");
        assert!(!text.contains("no participant figures"), "{args:?}: {text}");
        assert!(!text.contains("(no figures)"), "{args:?}: {text}");
        let text = run("id", args);
        if args.contains(&"csv") {
            // csv keeps English whatever the language.
            assert!(text.contains(en), "{args:?}: {text}");
        } else {
            assert!(text.contains(id), "{args:?}: {text}");
            assert!(!text.contains("64-bit"), "{args:?}: {text}");
        }
    }
    // csv: both years are rows, with no value, bound none and the reason.
    let csv = run("en", &["growth", "--level", "region", "--format", "csv"]);
    for year in ["2023", "2024"] {
        assert!(
            csv.contains(&format!(
                "r1,R1,all,active,{year},,,,,,,,none,,,,sum of 2 branches,certain,{en}"
            )),
            "{csv}"
        );
    }
    let table = run("en", &["growth", "--level", "region"]);
    assert!(
        table.contains("Some sums pass the 64-bit limit and are not made; their rows say so, and coverage validate lists them."),
        "{table}"
    );
    let rank = run(
        "en",
        &[
            "rank", "--by", "growth", "--level", "region", "--format", "csv",
        ],
    );
    assert!(rank.contains(&format!("2024: {en}")), "{rank}");
}
