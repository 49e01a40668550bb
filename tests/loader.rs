//! Bad input gets a clear error naming the file, line and column, what was found and what was
//! expected; good input in an unexpected shape still reads correctly.

mod common;

use common::{cell, coverage, csv_rows, data_with, only, select, stdout_text};
use predicates::prelude::*;

const P_HEAD: &str = "office,period,segment,measure,value,source\n";

/// Runs `validate` on a copy of the shipped data with `file` replaced; returns stdout.
fn validate_with(file: &str, content: &str) -> String {
    let dir = data_with(&[(file, Some(content))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1);
    stdout_text(&out)
}

/// Runs a normal command on the same kind of copy; it must fail with exit 2 and stderr.
fn error_with(file: &str, content: &str) -> String {
    let dir = data_with(&[(file, Some(content))]);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "growth"])
        .assert()
        .code(2)
        .stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn a_non_number() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,many,s\n"),
    );
    assert!(
        e.contains(
            "participants.csv:2:5 (value): found \"many\", expected a whole number of zero or more"
        ),
        "{e}"
    );
}

#[test]
fn indonesian_thousands_get_a_hint() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,1.027.000,s\n"),
    );
    assert!(
        e.contains("participants.csv:2:5 (value): found \"1.027.000\""),
        "{e}"
    );
    assert!(e.contains("hint:") && e.contains("--decimal-comma"), "{e}");
}

#[test]
fn a_negative_number() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,-5,s\n"),
    );
    assert!(
        e.contains("participants.csv:2:5 (value): found \"-5\""),
        "{e}"
    );
    assert!(
        e.contains("hint: counts and amounts cannot be negative"),
        "{e}"
    );
}

#[test]
fn an_overflowing_number() {
    let e = error_with("claims.csv", "office,period,segment,program,cases,amount_idr,source\nnational,2023,pu,jht,1,99999999999999999999,s\n");
    assert!(
        e.contains("claims.csv:2:6 (amount_idr): found \"99999999999999999999\""),
        "{e}"
    );
    assert!(e.contains("too large"), "{e}");
}

#[test]
fn unknown_codes() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}surabaya,2023,all,active,5,s\n"),
    );
    assert!(e.contains("participants.csv:2:1 (office): found \"surabaya\", expected the code of an office listed in offices.csv"), "{e}");
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,formal,active,5,s\n"),
    );
    assert!(e.contains("participants.csv:2:3 (segment): found \"formal\", expected one of pu, bpu, jakon, pmi or all"), "{e}");
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,aktif,5,s\n"),
    );
    assert!(
        e.contains("(measure): found \"aktif\", expected one of active, registered, new,"),
        "{e}"
    );
    let e = error_with(
        "claims.csv",
        "office,period,segment,program,cases,amount_idr,source\nnational,2023,pu,jkn,1,1,s\n",
    );
    assert!(e.contains("claims.csv:2:4 (program): found \"jkn\", expected one of jht, jkk, jkm, jp, jkp or all"), "{e}");
}

#[test]
fn a_malformed_period() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023-13,all,active,5,s\n"),
    );
    assert!(e.contains("participants.csv:2:2 (period): found \"2023-13\", expected a period written YYYY (a year) or YYYY-MM (a month, 01-12)"), "{e}");
    assert!(e.contains("hint: e.g. 2023"), "{e}");
}

#[test]
fn missing_and_extra_columns() {
    let e = error_with(
        "participants.csv",
        "office,period,segment,measure,source\nnational,2023,all,active,s\n",
    );
    assert!(
        e.contains("participants.csv:1: missing column \"value\""),
        "{e}"
    );
    let e = error_with(
        "participants.csv",
        "office,period,segment,measure,value,source,colour\nnational,2023,all,active,5,s,red\n",
    );
    assert!(e.contains("participants.csv:1:7 (colour): found \"colour\", expected one of the columns office, period,"), "{e}");
}

#[test]
fn a_header_in_another_order_reads_by_name() {
    // Columns shuffled and differing in case and spaces: the figures must be the same.
    let parts = " Value ,SOURCE,measure,segment,Period,office\n41460000,s,active,all,2023,national\n35860000,s,active,all,2022,national\n";
    let dir = data_with(&[("participants.csv", Some(parts))]);
    let out = coverage()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "growth",
            "--format",
            "csv",
            "--year",
            "2023",
        ])
        .assert()
        .success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let r = select(&h, &rows, &[("office", "national"), ("period", "2023")]);
    // 41,460,000 - 35,860,000 = 5,600,000
    assert_eq!(cell(&h, r[0], "change"), "5600000");
}

#[test]
fn a_row_with_too_many_fields() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,1,027,000,s\n"),
    );
    assert!(
        e.contains(
            "participants.csv:2: found \"8 fields\", expected 6 fields, one per header column"
        ),
        "{e}"
    );
    assert!(e.contains("must be quoted"), "{e}");
}

#[test]
fn the_same_key_twice() {
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,5,a\nnational,2023,ALL,active,6,b\n"),
    );
    assert!(e.contains("participants.csv:3: the same office, period, segment and measure twice (first on line 2)"), "{e}");
}

#[test]
fn an_unknown_parent() {
    let e = error_with(
        "offices.csv",
        "code,name,level,parent\nnational,N,national,\nx,X,branch,kanwil-jatim\n",
    );
    assert!(e.contains("offices.csv:3:4 (parent): found \"kanwil-jatim\", expected the code of another office in this file"), "{e}");
}

#[test]
fn a_parent_cycle() {
    let offices = "code,name,level,parent\nnational,N,national,\na,A,region,b\nb,B,branch,a\n";
    let e = error_with("offices.csv", offices);
    assert!(
        e.contains("offices.csv:3:4 (parent)") || e.contains("offices.csv:4:4 (parent)"),
        "{e}"
    );
    assert!(
        e.contains("hint: the parents form a cycle: a -> b -> a") || e.contains("b -> a -> b"),
        "{e}"
    );
}

#[test]
fn validate_lists_every_problem_not_only_the_first() {
    let parts = format!("{P_HEAD}national,2023,all,active,x,s\nnational,20233,all,active,5,s\nnowhere,2023,all,active,5,s\n");
    let out = validate_with("participants.csv", &parts);
    assert!(out.contains(":2:5 (value)"), "{out}");
    assert!(out.contains(":3:2 (period)"), "{out}");
    assert!(out.contains(":4:1 (office)"), "{out}");
    assert!(out.ends_with("3 problems found\n"), "{out}");
}

#[test]
fn validate_finds_parents_that_disagree_with_their_children() {
    // A branch with two districts of 100 and 250 must total 350; 400 is a finding.
    let offices = "code,name,level,parent\nnational,N,national,\nr,R,region,national\nb,B,branch,r\nd1,D1,district,b\nd2,D2,district,b\n";
    let parts = format!(
        "{P_HEAD}d1,2023,pu,active,100,s\nd2,2023,pu,active,250,s\nb,2023,pu,active,400,s\n"
    );
    let dir = only(offices, &parts);
    coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "participants.csv:4: b 2023 pu active is 400, but its 2 districts add up to 350",
        ));
}

#[test]
fn a_missing_required_file() {
    let dir = data_with(&[("participants.csv", None)]);
    coverage()
        .args(["--data", dir.path().to_str().unwrap(), "offices"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "participants.csv: required file not found",
        ));
}

#[test]
fn a_parent_without_a_figure_is_the_sum_of_its_children() {
    // Districts 100 + 250 = 350 for the branch; the region has two branches but only one
    // has the figure, so the region gets none (a partial sum would be a wrong number).
    let offices = "code,name,level,parent\nnational,N,national,\nr,R,region,national\nb,B,branch,r\nb2,B2,branch,r\nd1,D1,district,b\nd2,D2,district,b\n";
    let parts = format!("{P_HEAD}d1,2023,pu,active,100,s\nd2,2023,pu,active,250,s\n");
    let dir = only(offices, &parts);
    let out = coverage()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "growth",
            "--format",
            "csv",
        ])
        .assert()
        .success();
    let (h, rows) = csv_rows(&out.get_output().stdout);
    let b = select(&h, &rows, &[("office", "b")]);
    assert_eq!(b.len(), 1);
    assert_eq!(cell(&h, b[0], "value"), "350");
    assert_eq!(cell(&h, b[0], "source"), "sum of 2 districts");
    assert!(select(&h, &rows, &[("office", "r")]).is_empty());
}

/// A row far wider than the header is refused as it is read: 6 header fields and 1,024 more
/// make 1,030, so 1,030 fields are still one row's problem, while a row running past the
/// block being read with more ends the file.
#[test]
fn a_row_of_commas_is_refused_past_the_header_width_and_1024() {
    let row = |fields: usize| format!("x{}\n", ",".repeat(fields - 1));
    let e = error_with("participants.csv", &format!("{P_HEAD}{}", row(1030)));
    assert!(
        e.contains(
            "participants.csv:2: found \"1030 fields\", expected 6 fields, one per header column"
        ),
        "{e}"
    );
    // Far past the limit, the row is refused without being read to its end: a row of
    // 2,000,000 commas names the same limit.
    let e = error_with(
        "participants.csv",
        &format!("{P_HEAD}national,2023,all,active,1,s\n{}", row(2_000_001)),
    );
    assert!(
        e.contains(
            "participants.csv:3: found \"more than 1030 fields\", expected 6 fields, one per header column\n  hint: a value containing the delimiter must be quoted"
        ),
        "{e}"
    );
}
