//! A large participants.csv is read on several threads, cut at line ends: every command's
//! output, messages and exit code must be the same bytes whatever `--threads` says. The files
//! come from the generator in `examples/gen.rs`, then are spoiled where the cuts fall.

mod common;

use std::path::{Path, PathBuf};

use common::coverage;

/// The generator's binary, built beside the tests by `cargo test`.
fn gen() -> PathBuf {
    let mut dir = std::env::current_exe().expect("test binary");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let exe = dir
        .join("examples")
        .join(format!("gen{}", std::env::consts::EXE_SUFFIX));
    assert!(exe.exists(), "{} is built by cargo test", exe.display());
    exe
}

/// A generated data set: 20,000 rows over two years, about 800 kB of participants.csv, so
/// seven threads get parts of more than the least a part holds (64 KiB).
fn generated() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = std::process::Command::new(gen())
        .args(["--rows", "20000", "--years", "2", "--out"])
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("gen runs");
    assert!(status.success());
    let bytes = std::fs::read(dir.path().join("participants.csv")).expect("written");
    (dir, bytes)
}

/// Where the reader cuts `bytes` for `n` threads, as `load/cut.rs` does: after the header,
/// the body split evenly, each cut moved on to just after the next line end.
fn cuts(bytes: &[u8], n: usize) -> Vec<usize> {
    let start = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    let body = bytes.len() - start;
    (1..n)
        .map(|k| {
            let at = start + body * k / n;
            at + bytes[at - 1..].iter().position(|&b| b == b'\n').unwrap()
        })
        .collect()
}

/// The line (1 = the header) that begins at byte `at`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Status, stdout and stderr of `args` on `dir`, the directory written `{dir}`.
fn run(dir: &Path, threads: usize, args: &[&str]) -> (Option<i32>, String, String) {
    let out = coverage()
        .arg("--threads")
        .arg(threads.to_string())
        .arg("--data")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let d = dir.display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&d, "{dir}");
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

const COMMANDS: [&[&str]; 4] = [
    &["--format", "csv", "growth"],
    &["--format", "json", "growth", "--monthly"],
    &["--format", "markdown", "coverage"],
    &["validate"],
];

/// Growth as people read it, and as json: written in batches of offices on the threads (the
/// 117 offices of [`generated`] make four batches of 32).
const FORMATS: [&[&str]; 3] = [
    &["--format", "table", "growth"],
    &["--format", "markdown", "growth", "--monthly"],
    &["--format", "json", "growth"],
];

/// Runs every command with 1, 2, 3 and 7 threads on `participants` and checks that all four
/// give the same bytes and status; returns what one thread gives, command by command.
fn same_on_all_threads(dir: &Path, participants: &[u8]) -> Vec<(Option<i32>, String, String)> {
    same_for(dir, participants, &COMMANDS)
}

/// [`same_on_all_threads`] for `commands`.
fn same_for(
    dir: &Path,
    participants: &[u8],
    commands: &[&[&str]],
) -> Vec<(Option<i32>, String, String)> {
    std::fs::write(dir.join("participants.csv"), participants).unwrap();
    commands
        .iter()
        .map(|args| {
            let one = run(dir, 1, args);
            for n in [2, 3, 7] {
                assert_eq!(one, run(dir, n, args), "{n} threads, {args:?}");
            }
            one
        })
        .collect()
}

/// The bytes with `line` (without its line end) put in before byte `at`.
fn insert(bytes: &[u8], at: usize, line: &[u8]) -> Vec<u8> {
    [&bytes[..at], line, b"\n", &bytes[at..]].concat()
}

/// The line that begins at byte `at`, without its line end.
fn line_from(bytes: &[u8], at: usize) -> &[u8] {
    let end = at + bytes[at..].iter().position(|&b| b == b'\n').unwrap();
    &bytes[at..end]
}

/// The generated file with a `bound` column: one row read as a lower bound ("lebih dari"),
/// so growth takes its careful path, cells and bound columns, in every format.
fn with_a_bound(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut out = String::new();
    let mut marked = false;
    for (k, line) in text.lines().enumerate() {
        out.push_str(line);
        // A December figure, which growth shows without --monthly.
        let mark = !marked && k > 0 && line.contains("-12,pu,active,");
        marked |= mark;
        out.push_str(match (k, mark) {
            (0, _) => ",bound\n",
            (_, true) => ",at_least\n",
            _ => ",\n",
        });
    }
    assert!(marked);
    out.into_bytes()
}

#[test]
fn bounded_rows_are_the_same_on_any_number_of_threads() {
    let (dir, bytes) = generated();
    std::fs::write(dir.path().join("participants.csv"), with_a_bound(&bytes)).unwrap();
    for format in ["csv", "json", "table", "markdown"] {
        let args = ["--format", format, "growth"];
        let one = run(dir.path(), 1, &args);
        assert_eq!(one.0, Some(0), "{}", one.2);
        // The bound reaches the output: its row's value and its office's sums.
        assert!(
            one.1.contains("at_least") || one.1.contains("at least "),
            "{format}: {}",
            &one.1[..one.1.len().min(2000)]
        );
        for n in [2, 3, 7] {
            assert_eq!(one, run(dir.path(), n, &args), "{n} threads, {args:?}");
        }
    }
}

#[test]
fn generated_data_reads_the_same_on_any_number_of_threads() {
    let (dir, bytes) = generated();
    let out = same_on_all_threads(dir.path(), &bytes);
    assert_eq!(out[0].0, Some(0), "{}", out[0].2);
    assert_eq!(out[3].0, Some(0), "{}", out[3].2);
    for (args, got) in FORMATS.iter().zip(same_for(dir.path(), &bytes, &FORMATS)) {
        assert_eq!(got.0, Some(0), "{args:?}: {}", got.2);
        // Every office's rows are there: the generator's last branch is b00105.
        assert!(
            got.1.contains("b00105") || got.1.contains("Branch 00105"),
            "{args:?}"
        );
    }
    // The file without its final line end, and with CRLF line ends, reads the same.
    same_on_all_threads(dir.path(), bytes.strip_suffix(b"\n").unwrap());
    let crlf: Vec<u8> = bytes
        .iter()
        .flat_map(|&b| {
            if b == b'\n' {
                vec![b'\r', b'\n']
            } else {
                vec![b]
            }
        })
        .collect();
    let crlf_out = same_on_all_threads(dir.path(), &crlf);
    assert_eq!(crlf_out, out);
}

#[test]
fn duplicates_either_side_of_a_cut_name_their_lines() {
    let (dir, bytes) = generated();
    for n in [2, 3, 7] {
        let cut = cuts(&bytes, n)[0];
        // The row just after the first cut, written again just before it, and the row just
        // before it written again after the first copy: each pair straddles the cut.
        let after = line_from(&bytes, cut).to_vec();
        let before_at = cut
            - 1
            - bytes[..cut - 1]
                .iter()
                .rev()
                .position(|&b| b == b'\n')
                .unwrap();
        let before = line_from(&bytes, before_at).to_vec();
        let spoiled = insert(&insert(&bytes, cut, &before), cut, &after);
        // Lines: the copy of `after` at cut's line c, the copy of `before` at c + 1, the
        // original `after` at c + 2; the original `before` is on c - 1.
        let c = line_at(&bytes, cut);
        let out = same_on_all_threads(dir.path(), &spoiled);
        let said = &format!("{}{}", out[3].1, out[3].2);
        let twice = "the same office, period, segment and measure twice";
        assert!(
            said.contains(&format!(":{}: {twice} (first on line {})", c + 1, c - 1)),
            "{said}"
        );
        assert!(
            said.contains(&format!(":{}: {twice} (first on line {c})", c + 2)),
            "{said}"
        );
    }
}

#[test]
fn a_row_exactly_at_a_cut_and_a_source_run_across_it() {
    let (dir, bytes) = generated();
    // Lengthen the first row's source until the middle of the body falls just after a line
    // end, so the cut for two threads is exactly there.
    let start = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    let first_end = start + line_from(&bytes, start).len();
    let padded = (0..400)
        .find_map(|d| {
            let pad = vec![b'x'; d];
            let b = [&bytes[..first_end], &pad[..], &bytes[first_end..]].concat();
            let at = start + (b.len() - start) / 2;
            (b[at - 1] == b'\n').then_some(b)
        })
        .expect("a padding that puts a line end at the middle");
    let cut = cuts(&padded, 2)[0];
    assert_eq!(cut, start + (padded.len() - start) / 2);
    same_on_all_threads(dir.path(), &padded);
    // The rows on either side of the cut get one source with an invisible character: one
    // run of rows, so `validate` reports it once, on the run's first line.
    let mut lines: Vec<Vec<u8>> = padded.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let c = line_at(&padded, cut);
    for l in &mut lines[c - 4..c + 3] {
        let comma = l.iter().rposition(|&b| b == b',').unwrap();
        l.truncate(comma + 1);
        l.extend_from_slice("zero\u{200B}width".as_bytes());
    }
    let spoiled = lines.join(&b'\n');
    let out = same_on_all_threads(dir.path(), &spoiled);
    let said = format!("{}{}", out[3].1, out[3].2);
    // Vector index c - 4 is line c - 3 (the header is line 1).
    assert_eq!(said.matches("zero").count(), 1, "{said}");
    assert!(said.contains(&format!(":{}:6 (source)", c - 3)), "{said}");
}

#[test]
fn errors_in_the_first_and_the_last_part_and_a_blank_line() {
    let (dir, bytes) = generated();
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let n = lines.len() - 1; // the file ends with a line end
    let with = |i: usize, new: &[u8]| {
        let mut l = lines.clone();
        l[i] = new;
        l.join(&b'\n')
    };
    // Line 3 (vector index 2) in the first part, line n in the last.
    let bad_period = String::from_utf8_lossy(lines[2]).replace("-01,", "-13,");
    let out = same_on_all_threads(dir.path(), &with(2, bad_period.as_bytes()));
    let said = |o: &(Option<i32>, String, String)| format!("{}{}", o.1, o.2);
    assert!(
        said(&out[3]).contains("participants.csv:3:2 (period)"),
        "{}",
        said(&out[3])
    );
    let unknown = format!("b99999{}", &String::from_utf8_lossy(lines[n - 1])[6..]);
    let out = same_on_all_threads(dir.path(), &with(n - 1, unknown.as_bytes()));
    assert!(
        said(&out[3]).contains(&format!("participants.csv:{n}:1 (office)")),
        "{}",
        said(&out[3])
    );
    // A blank line in the middle, then a bad value: the row at vector index m is line m + 1;
    // with the blank line put in before it, the blank is line m + 1 and the row m + 2.
    let m = n / 2;
    let bad_value = String::from_utf8_lossy(lines[m]).replace(",synthetic", "x,synthetic");
    let mut l = lines.clone();
    l[m] = bad_value.as_bytes();
    l.insert(m, b"");
    let out = same_on_all_threads(dir.path(), &l.join(&b'\n'));
    assert!(
        said(&out[3]).contains(&format!("participants.csv:{}:5 (value)", m + 2)),
        "{}",
        said(&out[3])
    );
}

#[test]
fn a_thread_count_must_be_a_whole_number_above_zero() {
    let dir = common::shipped();
    for bad in ["0", "two", "1.5"] {
        let out = coverage()
            .args(["--threads", bad, "--data"])
            .arg(&dir)
            .arg("validate")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "invalid value '{bad}' for '--threads <N>': a whole number of threads, 1 or more"
            )),
            "{err}"
        );
    }
    for bad in ["0", "two", "-1", ""] {
        let out = coverage()
            .env("COVERAGE_THREADS", bad)
            .arg("--data")
            .arg(&dir)
            .arg("validate")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "error: COVERAGE_THREADS={bad:?} is not a whole number of threads, 1 or more\n"
            )
        );
        assert!(out.stdout.is_empty());
    }
    // The option is taken before the variable, and a good variable is used.
    let ok = |cmd: &mut assert_cmd::Command| {
        cmd.arg("--data")
            .arg(&dir)
            .arg("validate")
            .assert()
            .success()
    };
    ok(coverage()
        .env("COVERAGE_THREADS", "zero")
        .args(["--threads", "2"]));
    ok(coverage().env("COVERAGE_THREADS", "3"));
}
