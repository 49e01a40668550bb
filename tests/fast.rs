//! participants.csv in the usual six columns is read by a fast reader that hands any row it
//! does not read exactly to the careful one. The same rows with an extra (empty) `published`
//! column always take the careful path: both must give the same output and messages.

mod common;

use common::coverage;

const OFFICES: &str = "code,name,level,parent\nnational,National,national,\nr1,Region 1,region,national\nr2,Region 2,region,national\n";

/// The rows of a six-column participants.csv, header included, with the same rows given a
/// seventh, empty `published` column.
fn with_published(six: &str) -> String {
    let mut out = String::new();
    for (i, l) in six.split_inclusive('\n').enumerate() {
        let (body, end) = match l.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (l, ""),
        };
        let (body, end) = match body.strip_suffix('\r') {
            Some(b) => (b, "\r\n"),
            None => (body, end),
        };
        let extra = if i == 0 {
            ",published"
        } else if body.is_empty() {
            ""
        } else {
            ","
        };
        out.push_str(body);
        out.push_str(extra);
        out.push_str(end);
    }
    out
}

/// Status, stdout and stderr of `args` on the data set, the data directory written `{dir}`.
fn run(participants: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = common::only(OFFICES, participants);
    let out = coverage()
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .output()
        .unwrap();
    let d = dir.path().display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&d, "{dir}");
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

fn same_both_ways(six: &str) -> (Option<i32>, String, String) {
    let fast = run(six, &["--format", "csv", "growth"]);
    let careful = run(&with_published(six), &["--format", "csv", "growth"]);
    assert_eq!(fast, careful, "fast and careful readers differ on:\n{six}");
    for cmd in ["validate", "check"] {
        assert_eq!(run(six, &[cmd]), run(&with_published(six), &[cmd]), "{cmd}");
    }
    fast
}

const HEAD: &str = "office,period,segment,measure,value,source\n";

fn rows(body: &str) -> String {
    format!("{HEAD}{body}")
}

#[test]
fn good_rows_read_the_same_both_ways() {
    let (status, out, _) = same_both_ways(&rows(
        "r1,2022-12,pu,active,100,a\nr2,2022-12,pu,active,50,a\nr1,2023-12,pu,active,110,b\nr2,2023-12,pu,active,60,b\n\nr1,2024-12,pu,active,121,b\nr2,2024-12,pu,active,,b",
    ));
    assert_eq!(status, Some(0));
    // National 2023: 110 + 60 = 170 against 100 + 50 = 150, a change of 20.
    assert!(
        out.contains("national,National,pu,active,2023-12,170,2022-12,150,20,"),
        "{out}"
    );
}

#[test]
fn a_bad_row_after_good_ones_gives_the_careful_message() {
    let (status, _, err) = same_both_ways(&rows(
        "r1,2022-12,pu,active,100,a\nr2,2022-12,pu,active,50,a\nr1,2023-12,pu,active,1.027,a\nr9,2023-12,pu,active,1,a\n",
    ));
    assert_eq!(status, Some(2));
    // The header is line 1: the bad value is on line 4, the unknown office on line 5.
    assert!(err.contains("participants.csv:4:5 (value)"), "{err}");
    assert!(err.contains("participants.csv:5:1 (office)"), "{err}");
}

#[test]
fn a_duplicate_names_its_first_line() {
    let (status, _, err) = same_both_ways(&rows(
        "r1,2022-12,pu,active,100,a\nr2,2022-12,pu,active,50,a\nr1,2022-12,pu,active,100,a\n",
    ));
    assert_eq!(status, Some(2));
    assert!(err.contains("participants.csv:4: the same office, period, segment and measure twice (first on line 2)"), "{err}");
}

#[test]
fn a_quoted_line_end_is_read_as_the_careful_reader_reads_it() {
    let six = rows("r1,2022-12,pu,active,100,\"two\nlines\"\nr1,2022-12,pu,active,1,a\n");
    let seven = "office,period,segment,measure,value,source,published\nr1,2022-12,pu,active,100,\"two\nlines\",\nr1,2022-12,pu,active,1,a,\n";
    let fast = run(&six, &["validate"]);
    assert_eq!(fast, run(seven, &["validate"]));
    // The second row starts on line 4, after the two lines of the first.
    let said = format!("{}{}", fast.1, fast.2);
    assert!(said.contains("participants.csv:4: the same"), "{said}");
}

#[test]
fn quotes_spaces_case_and_crlf_go_the_careful_way() {
    for body in [
        "r1,2022-12,pu,active,100,\"a, b\"\nr2,2022-12,pu,active,50,\"two lines\"\n",
        "R1,2022-12,pu,active,100,a\n r2 ,2022-12, pu ,active, 50 ,a\n",
        "r1,2022-12,pu,active,100,a\r\nr2,2022-12,pu,active,50,a\r\n",
        "r1,2022-12,pu,active,100,a\n\n\nr2,2022-12,pu,active,x,a\n",
        "r1,2022-12,pu,active,100,a\n,,,,,\nr2,2022-12,pu,active,50,=cmd\n",
        "r1,2022-12,pu,active,100,a\nr2,2022-13,pu,active,50,a\nr2,2022-12,xx,active,50,a\n",
    ] {
        same_both_ways(&rows(body));
    }
}

#[test]
fn a_row_after_blank_lines_is_named_by_its_own_line() {
    // Header line 1, r1 line 2, a blank line 3, r2 line 4.
    let (status, _, err) = same_both_ways(&rows(
        "r1,2022-12,pu,active,100,a\n\nr2,2022-12,pu,active,x,a\n",
    ));
    assert_eq!(status, Some(2));
    assert!(err.contains("participants.csv:4:5 (value)"), "{err}");
    // r1 takes lines 2 and 3 (a quoted line end), blank lines 4 and 5, r2 line 6; the last
    // row, without a final line end, after two more blank lines: line 9.
    let (_, out, err) = run(
        &rows("r1,2022-12,pu,active,100,\"two\nlines\"\n\n\nr2,2022-12,pu,active,x,a\n\n\nr1,2023-12,pu,active,y,a"),
        &["validate"],
    );
    let err = format!("{out}{err}");
    assert!(err.contains("participants.csv:6:5 (value)"), "{err}");
    assert!(err.contains("participants.csv:9:5 (value)"), "{err}");
}
