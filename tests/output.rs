//! Output that is safe to open in a spreadsheet, and `--output` that never leaves a
//! half-written file or touches an input.

mod common;

use std::fs;
use std::io::Read;
use std::process::Stdio;

use common::{coverage, coverage_process, data_dir, fixture};

/// The csv line of `offices --format csv` for one office code, cut after the partial column.
fn office_line(csv: &str, code: &str) -> String {
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{code},")))
        .unwrap_or_else(|| panic!("no {code} in {csv}"));
    // code,name,level,parent,partial: the note after it is long prose.
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let rec = rdr.records().next().unwrap().unwrap();
    rec.iter().take(5).collect::<Vec<_>>().join("|")
}

#[test]
fn formula_like_office_names_are_neutralised_in_csv() {
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert_eq!(
        office_line(&csv, "bali"),
        "bali|'=HYPERLINK(\"http://example.invalid\",\"Bali\")|province|banuspa|no"
    );
    assert_eq!(
        office_line(&csv, "kota-denpasar"),
        "kota-denpasar|'+62 Kota Denpasar|district|bali-denpasar|no"
    );
    assert_eq!(
        office_line(&csv, "badung"),
        "badung|'-Badung|district|bali-denpasar|no"
    );
    assert_eq!(
        office_line(&csv, "tabanan"),
        "tabanan|'@SUM(A1:A9)|district|bali-denpasar|no"
    );
    // Names are trimmed when read, so a leading tab never reaches the output.
    assert_eq!(
        office_line(&csv, "jembrana"),
        "jembrana|Jembrana|district|bali-denpasar|no"
    );
}

#[test]
fn no_sanitize_keeps_text_as_it_is() {
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv", "--no-sanitize"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert_eq!(
        office_line(&csv, "badung"),
        "badung|-Badung|district|bali-denpasar|no"
    );
}

#[test]
fn negative_changes_stay_numbers() {
    // Bali falls from 750,000 (2022) to 700,000 (2023): 700,000 − 750,000 = −50,000, and
    // −50,000 / 750,000 × 100 = −6.666...%. The office name beside them is neutralised.
    let dir = fixture("formula-names");
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["growth", "--branch", "bali", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut rdr = csv::Reader::from_reader(&out[..]);
    let headers = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let get = |r: &csv::StringRecord, name: &str| {
        r[headers.iter().position(|h| h == name).unwrap()].to_string()
    };
    let r = rows.iter().find(|r| get(r, "period") == "2023").unwrap();
    assert_eq!(
        get(r, "office_name"),
        "'=HYPERLINK(\"http://example.invalid\",\"Bali\")"
    );
    assert_eq!(get(r, "change"), "-50000");
    let pct: f64 = get(r, "change_pct").parse().unwrap();
    assert!((pct - -50_000.0 / 750_000.0 * 100.0).abs() < 1e-9, "{pct}");
}

#[test]
fn json_and_tables_are_not_neutralised() {
    let dir = fixture("formula-names");
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"name\": \"-Badung\""));
}

#[test]
fn bom_starts_csv_output_when_asked() {
    let out = coverage()
        .args(["offices", "--format", "csv", "--bom"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"\xEF\xBB\xBFcode,name,"));
    let out = coverage()
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"code,name,"));
}

#[test]
fn bom_with_another_format_is_a_usage_error() {
    coverage()
        .args(["--bom", "offices"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: --bom applies to --format csv only\n");
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("offices.csv");
    fs::write(&target, "old contents\n").unwrap();
    coverage()
        .args(["offices", "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let written = fs::read_to_string(&target).unwrap();
    let to_stdout = coverage()
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(written.as_bytes(), &to_stdout[..]);
    // Nothing else is left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_run_leaves_the_output_file_as_it_was() {
    let data = fixture("thousands-dots");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("growth.csv");
    fs::write(&target, "yesterday's figures\n").unwrap();
    coverage()
        .arg("--data")
        .arg(data.path())
        .args(["growth", "--format", "csv", "--output"])
        .arg(&target)
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "yesterday's figures\n"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn output_over_an_input_file_is_refused() {
    let data = data_dir();
    let input = data.path().join("participants.csv");
    let before = fs::read(&input).unwrap();
    coverage()
        .arg("--data")
        .arg(data.path())
        .args(["growth", "--format", "csv", "--output"])
        .arg(&input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: is the input file {}; coverage never writes to its input files\n  hint: name another file with --output\n",
            input.display(),
            input.display()
        ));
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn output_into_a_missing_directory_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("out.csv");
    coverage()
        .args(["offices", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: cannot write {}: No such file or directory (os error 2)\n",
            target.display()
        ));
}

#[test]
fn output_flag_works_before_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("o.csv");
    coverage()
        .args(["--format", "csv", "-o"])
        .arg(&target)
        .arg("offices")
        .assert()
        .success();
    assert!(fs::read_to_string(&target)
        .unwrap()
        .starts_with("code,name,"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // 10,000 offices print far more than a pipe holds, so the writes meet the closed end.
    let dir = tempfile::tempdir().unwrap();
    let mut offices = String::from("code,name,level,parent\n");
    for i in 0..10_000 {
        offices.push_str(&format!("o{i},Office {i},branch,\n"));
    }
    fs::write(dir.path().join("offices.csv"), offices).unwrap();
    fs::write(
        dir.path().join("participants.csv"),
        "office,period,segment,measure,value,source\n",
    )
    .unwrap();
    let mut child = coverage_process()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err, "");
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_full_disk_is_an_error_with_exit_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let out = coverage_process()
        .args(["offices", "--format", "csv"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
}

/// `--help` and `--version` into a full disk fail as any other output does, not silently.
#[test]
fn help_and_version_into_a_full_disk_exit_2() {
    for args in [&["--help"][..], &["--version"], &["growth", "--help"]] {
        let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
            eprintln!("skipped: this system has no /dev/full");
            return;
        };
        let out = coverage_process().args(args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "error: cannot write to standard output: No space left on device (os error 28)\n"
        );
    }
}

/// The names in `dir`, sorted, to show that nothing (a temporary file) is left beside a target.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn a_fifo_is_written_directly_and_stays_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    coverage()
        .args(["offices", "--format", "csv", "-o"])
        .arg(&fifo)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let got = reader.join().unwrap();
    assert!(got.starts_with(b"code,name,"), "{:?}", &got[..20]);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["pipe"]);
}

#[test]
fn a_full_device_behind_a_link_fails_with_exit_2_and_keeps_the_link() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipped: this system has no /dev/full");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("full");
    std::os::unix::fs::symlink("/dev/full", &link).unwrap();
    coverage()
        .args(["offices", "-o"])
        .arg(&link)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: cannot write {}: No space left on device (os error 28)\n",
            link.display()
        ));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_link(&link).unwrap(),
        std::path::Path::new("/dev/full")
    );
    assert_eq!(names_in(dir.path()), ["full"]);
}

#[test]
fn a_link_to_a_file_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    let link = dir.path().join("link.csv");
    fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    coverage()
        .args(["offices", "--format", "csv", "-o"])
        .arg(&link)
        .assert()
        .success()
        .stderr("");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real).unwrap().starts_with("code,name,"));
    assert_eq!(names_in(dir.path()), ["link.csv", "real.csv"]);
}

#[test]
fn a_link_to_nothing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.csv");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&missing, &link).unwrap();
    coverage()
        .args(["offices", "-o"])
        .arg(&link)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: is a symbolic link to {}, which does not exist\n  hint: create the file it points to, or name another file\n",
            link.display(),
            missing.display()
        ));
    assert_eq!(names_in(dir.path()), ["link.csv"]);
}

#[test]
fn a_trailing_slash_is_refused_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = format!("{}/out.csv/", dir.path().display());
    coverage()
        .args(["offices", "-o", &target])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {target}: ends in /, so it names a directory, not a file to write\n  hint: drop the trailing /\n"
        ));
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_signal_during_output_removes_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (name, number) in [("TERM", 15), ("INT", 2), ("HUP", 1)] {
        // A FIFO with no writer holds the load, with the output's temporary file open.
        let data = data_dir();
        let input = data.path().join("participants.csv");
        fs::remove_file(&input).unwrap();
        mkfifo(&input);
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("growth.csv");
        fs::write(&target, "yesterday's figures\n").unwrap();
        let mut child = coverage_process()
            .arg("--data")
            .arg(data.path())
            .args(["growth", "--format", "csv", "-o"])
            .arg(&target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while names_in(out.path()).len() < 2 {
            assert!(start.elapsed().as_secs() < 20, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let killed = std::process::Command::new("kill")
            .args([format!("-{name}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "SIG{name}: {status:?}");
        assert_eq!(names_in(out.path()), ["growth.csv"], "SIG{name}");
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            "yesterday's figures\n"
        );
    }
}

#[test]
fn chart_refuses_two_destinations_and_touches_neither() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("x.svg");
    let txt = dir.path().join("y.txt");
    fs::write(&txt, "keep me\n").unwrap();
    coverage()
        .args(["chart", "--branch", "bali", "--out"])
        .arg(&svg)
        .arg("--output")
        .arg(&txt)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: chart --out {} and --output {}: two destinations for one chart\n  hint: give one of them, e.g. --out {}\n",
            svg.display(),
            txt.display(),
            svg.display()
        ));
    assert_eq!(fs::read_to_string(&txt).unwrap(), "keep me\n");
    assert_eq!(names_in(dir.path()), ["y.txt"]);
    // The same file twice is still two destinations.
    let c = dir.path().join("c.svg");
    coverage()
        .args(["chart", "--branch", "bali", "--out"])
        .arg(&c)
        .arg("--output")
        .arg(&c)
        .assert()
        .code(2);
    assert_eq!(names_in(dir.path()), ["y.txt"]);
}

#[test]
fn chart_with_output_alone_writes_the_svg_there() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("bali.svg");
    coverage()
        .args(["chart", "--branch", "bali", "--output"])
        .arg(&svg)
        .assert()
        .success()
        .stdout("");
    let doc = fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&doc).expect("well-formed SVG");
    assert_eq!(names_in(dir.path()), ["bali.svg"]);
}

#[test]
fn completions_into_a_closed_pipe_succeed() {
    // The script (about 40 KB) fits in a pipe's buffer, so the reader is gone first: `true`
    // has exited before the command starts writing.
    let bin = assert_cmd::cargo::cargo_bin!("coverage");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("(sleep 0.3; \"$0\" completions bash; echo \"exit $?\" >&2) | true; sleep 0.5")
        .arg(bin)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "exit 0\n");
}

#[test]
fn completions_to_a_full_disk_fail_with_exit_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let out = coverage_process()
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
}

/// Offices whose names carry terminal controls (colour, bell, an OSC 8 link, a C1 CSI), a
/// newline and HTML.
fn hostile() -> tempfile::TempDir {
    common::only(
        "code,name,level,parent\n\
         national,\"Nat\x1b[31mional\x07\",national,\n\
         bali,\"Bali <img src=x onerror=alert(1)> & co\",province,national\n\
         link,\"\x1b]8;;http://evil.invalid\x1b\\Click\x1b]8;;\x1b\\\",branch,bali\n\
         nl,\"Two\nlines\u{9b}2J\",branch,bali\n",
        "office,period,segment,measure,value,source\n\
         bali,2022,pu,active,100,rep\x1b[5mort\n\
         bali,2023,pu,active,120,r2\n",
    )
}

/// True when `s` holds a C0 control other than a line feed, DEL or a C1 control.
fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn tables_show_control_characters_visibly() {
    let dir = hostile();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!has_raw_control(&out), "{out:?}");
    assert!(out.contains(" Nat\\u{1b}[31mional\\u{7} "), "{out}");
    assert!(
        out.contains(" \\u{1b}]8;;http://evil.invalid\\u{1b}\\Click\\u{1b}]8;;\\u{1b}\\ "),
        "{out}"
    );
    assert!(out.contains(" Two\\u{a}lines\\u{9b}2J "), "{out}");
}

#[test]
fn markdown_keeps_one_row_per_record_and_escapes_html() {
    let dir = hostile();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "markdown"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!has_raw_control(&out), "{out:?}");
    assert!(!out.contains("<img"), "{out}");
    // A header, the rule under it, and four offices.
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 6, "{out}");
    assert!(rows[3].contains("Bali &lt;img src=x onerror=alert(1)&gt; &amp; co"));
    assert!(rows[5].starts_with("| nl "));
    assert!(rows[5].contains("Two\\u{a}lines\\u{9b}2J"));
}

#[test]
fn sources_in_a_table_show_control_characters_visibly() {
    let dir = hostile();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["growth", "--branch", "bali"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!has_raw_control(&out), "{out:?}");
    assert!(out.contains(" rep\\u{1b}[5mort "), "{out}");
}

#[test]
fn csv_keeps_the_data_and_json_escapes_it() {
    let dir = hostile();
    let csv = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        office_line(&String::from_utf8(csv).unwrap(), "national"),
        "national|Nat\x1b[31mional\x07|national||no"
    );
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["offices", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "\"name\": \"Nat\\u001b[31mional\\u0007\"",
        ));
}

#[test]
fn error_messages_show_control_characters_visibly() {
    let dir = hostile();
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["growth", "--branch", "x\x1b[2J\u{9b}y"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: no office matches \"x\\u{1b}[2J\\u{9b}y\"\n  hint: offices include link, nl\n  hint: `coverage offices` lists every office\n",
        );
}

#[test]
fn a_chart_of_hostile_names_is_well_formed_xml() {
    let dir = hostile();
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["chart", "--branch", "bali", "--out", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc = String::from_utf8(out).unwrap();
    let xml = roxmltree::Document::parse(&doc).expect("well-formed SVG");
    let texts: Vec<String> = xml
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect();
    assert!(
        texts.contains(&"Bali <img src=x onerror=alert(1)> & co: participants by segment".into()),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("rep\\u{1b}[5mort")),
        "{texts:?}"
    );
    // The markup is the chart's own: the name's tag is text, not an element.
    assert!(!xml.descendants().any(|n| n.has_tag_name("img")));
}

#[test]
fn a_link_to_standard_output_writes_to_it_and_keeps_an_appended_file() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let log = dir.path().join("log.csv");
    fs::write(&log, "first\n").unwrap();
    let appended = fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = coverage_process()
        .args(["offices", "--format", "csv", "-o"])
        .arg(&link)
        .stdout(appended)
        .status()
        .unwrap();
    assert!(status.success());
    let text = fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("first\ncode,name,"), "{:?}", &text[..30]);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(names_in(dir.path()), ["log.csv", "stdout"]);
}

#[test]
fn usage_errors_show_control_characters_visibly() {
    coverage()
        .args(["--format", "x\u{9b}2Jy", "offices"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: invalid value 'x\\u{9b}2Jy' for '--format <FORMAT>'\n  [possible values: table, csv, json, markdown, xlsx]\n\nFor more information, try '--help'.\n",
        );
}

/// Every file a run reads is refused as its output, not only a folder's `NAME.csv`: a file
/// named on its own (`--participants`), the workbook `--data` names, a folder's
/// `participants.csv.gz` and its `rules.csv`. Each is left as it was.
#[test]
fn output_over_any_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = common::shipped();
    let book = dir.path().join("book.xlsx");
    fs::copy("tests/fixtures/workbook/book.xlsx", &book).unwrap();
    let own = dir.path().join("mine.csv");
    fs::copy(shipped.join("participants.csv"), &own).unwrap();
    let gz = tempfile::tempdir().unwrap();
    fs::copy(shipped.join("offices.csv"), gz.path().join("offices.csv")).unwrap();
    let packed = gz.path().join("participants.csv.gz");
    fs::copy("tests/fixtures/workbook/participants.csv.gz", &packed).unwrap();
    let rules_dir = fixture("quality");
    let rules = rules_dir.path().join("rules.csv");
    let cases: [(Vec<std::ffi::OsString>, &std::path::Path); 4] = [
        (vec!["--participants".into(), own.clone().into()], &own),
        (vec!["--data".into(), book.clone().into()], &book),
        (vec!["--data".into(), gz.path().into()], &packed),
        (vec!["--data".into(), rules_dir.path().into()], &rules),
    ];
    for (args, input) in cases {
        let before = fs::read(input).unwrap();
        coverage()
            .args(&args)
            .args(["quality", "--output"])
            .arg(input)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: {}: is the input file {}; coverage never writes to its input files\n  hint: name another file with --output\n",
                input.display(),
                input.display()
            ));
        assert_eq!(fs::read(input).unwrap(), before, "{}", input.display());
    }
}
