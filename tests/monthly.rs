//! Monthly data through the streaming loader: roll-ups over the months every branch has,
//! values beyond 32 bits, a source per value, and duplicates reported with their first line.

mod common;

use common::*;

const OFFICES: &str = "code,name,level,parent\nnational,N,national,\nr,R,region,national\nb1,B1,branch,r\nb2,B2,branch,r\n";
const HEAD: &str = "office,period,segment,measure,value,source\n";

fn dir_with(parts: &str) -> tempfile::TempDir {
    only(OFFICES, parts)
}

fn growth(dir: &tempfile::TempDir, extra: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "--format", "csv"])
        .arg("growth")
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    csv_rows(&out.stdout)
}

#[test]
fn a_region_ends_its_year_at_the_last_month_every_branch_has() {
    // b2 has no December 2023, so region r's 2023 is November: 130 + 240 = 370,
    // against November 2022: 100 + 200 = 300; change 70 = 23.33 %.
    let parts = format!(
        "{HEAD}b1,2022-11,pu,active,100,s1\nb2,2022-11,pu,active,200,s1\n\
         b1,2022-12,pu,active,110,s1\nb2,2022-12,pu,active,220,s1\n\
         b1,2023-11,pu,active,130,s1\nb2,2023-11,pu,active,240,s1\n\
         b1,2023-12,pu,active,150,s2\n"
    );
    let dir = dir_with(&parts);
    let (h, rows) = growth(&dir, &["--level", "region"]);
    let r = select(&h, &rows, &[("office", "r"), ("period", "2023-11")]);
    assert_eq!(r.len(), 1, "{rows:?}");
    assert_eq!(cell(&h, r[0], "value"), "370");
    assert_eq!(cell(&h, r[0], "base_period"), "2022-11");
    assert_eq!(cell(&h, r[0], "base_value"), "300");
    assert_eq!(cell(&h, r[0], "change"), "70");
    assert!(approx(
        cell(&h, r[0], "change_pct"),
        70.0 / 300.0 * 100.0,
        1e-9
    ));
    assert_eq!(cell(&h, r[0], "source"), "sum of 2 branches");
    // 2022 ends in December for the region: 110 + 220 = 330.
    let r = select(&h, &rows, &[("office", "r"), ("period", "2022-12")]);
    assert_eq!(cell(&h, r[0], "value"), "330");
    assert!(select(&h, &rows, &[("office", "r"), ("period", "2023-12")]).is_empty());

    // b1's own December 2023 comes from another source than the rest of its year.
    let (h, rows) = growth(&dir, &["--branch", "b1"]);
    let r = select(&h, &rows, &[("period", "2023-12")]);
    assert_eq!(cell(&h, r[0], "value"), "150");
    assert_eq!(cell(&h, r[0], "source"), "s2");
    // 150 - 110 = 40, 40 / 110 = 36.36 %.
    assert_eq!(cell(&h, r[0], "change"), "40");
    assert!(approx(
        cell(&h, r[0], "change_pct"),
        40.0 / 110.0 * 100.0,
        1e-9
    ));
    let r = select(&h, &rows, &[("period", "2022-12")]);
    assert_eq!(cell(&h, r[0], "source"), "s1");
}

#[test]
fn counts_beyond_four_billion_keep_every_digit() {
    // 6,000,000,000 against 4,000,000,000: change 2,000,000,000, 50 %.
    let parts = format!(
        "{HEAD}b1,2022-12,pu,new,4000000000,s\nb1,2023-12,pu,new,6000000000,s\n\
         b2,2022-12,pu,new,1,s\nb2,2023-12,pu,new,2,s\n"
    );
    let dir = dir_with(&parts);
    let (h, rows) = growth(&dir, &["--branch", "b1"]);
    let r = select(&h, &rows, &[("period", "2023-12")]);
    assert_eq!(cell(&h, r[0], "value"), "6000000000");
    assert_eq!(cell(&h, r[0], "base_value"), "4000000000");
    assert_eq!(cell(&h, r[0], "change"), "2000000000");
    assert!(approx(cell(&h, r[0], "change_pct"), 50.0, 1e-9));
    // The region adds them: 6,000,000,000 + 2 = 6,000,000,002.
    let (h, rows) = growth(&dir, &["--branch", "r"]);
    let r = select(&h, &rows, &[("period", "2023-12")]);
    assert_eq!(cell(&h, r[0], "value"), "6000000002");
}

#[test]
fn a_duplicate_names_the_first_valid_row_with_its_key() {
    // Line 2 is unreadable (its value), so the key's first row is line 3; line 5 repeats it
    // in other letters and with another source.
    let parts = format!(
        "{HEAD}b1,2023-01,pu,active,x,a\nb1,2023-01,pu,active,1,a\nb2,2023-01,pu,active,2,a\n\
         B1,2023-01,PU,active,3,b\n"
    );
    let dir = dir_with(&parts);
    let out = coverage()
        .args(["--data", dir.path().to_str().unwrap(), "validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("participants.csv:2:5 (value): found \"x\""),
        "{text}"
    );
    assert!(
        text.contains(
            "participants.csv:5: the same office, period, segment and measure twice (first on line 3)"
        ),
        "{text}"
    );
    assert!(text.ends_with("2 problems found\n"), "{text}");
}
