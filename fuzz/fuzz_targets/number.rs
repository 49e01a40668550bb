//! Arbitrary text through the number reader: never a panic, and every count it accepts
//! survives being written back out and read again.
#![no_main]

use coverage::number::{parse_count, parse_decimal_f64};
use coverage::output::group_thousands;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for decimal_comma in [false, true] {
        if let Ok(v) = parse_count(s, decimal_comma) {
            assert!(v >= 0, "{s:?} read as {v}");
            assert_eq!(parse_count(&v.to_string(), decimal_comma), Ok(v));
            let grouped = group_thousands(v);
            let written = if decimal_comma {
                grouped.replace(',', ".")
            } else {
                grouped
            };
            assert_eq!(parse_count(&written, decimal_comma), Ok(v), "{s:?}");
        }
        let _ = parse_decimal_f64(s, decimal_comma);
    }
});
