//! Input at the limits: sums past 64 bits are compared and named, never skipped.

mod common;

use common::{coverage, only};

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
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
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
