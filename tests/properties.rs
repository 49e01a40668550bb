//! Properties of the number reader (what is written the ways spreadsheets write it reads back
//! as the same value) and of roll-ups (a parent is the sum of its children).
//! The calculator's own properties (shares, growth and its inverse) live beside it in calc.rs.

use coverage::analysis::Index;
use coverage::load::{load, DataSource, Problems, ReadOptions};
use coverage::model::{Measure, Period, Segment};
use coverage::number::{parse_count, parse_decimal_f64};
use coverage::output::group_thousands;
use proptest::prelude::*;

const WORDS: [(&str, u32); 4] = [("ribu", 3), ("juta", 6), ("miliar", 9), ("triliun", 12)];

proptest! {
    #[test]
    fn plain_and_grouped_counts_read_back(v in 0i64..=i64::MAX) {
        let plain = v.to_string();
        prop_assert_eq!(parse_count(&plain, false), Ok(v));
        prop_assert_eq!(parse_count(&plain, true), Ok(v));
        let english = group_thousands(v);
        prop_assert_eq!(parse_count(&english, false), Ok(v));
        let indonesian = english.replace(',', ".");
        prop_assert_eq!(parse_count(&indonesian, true), Ok(v));
        prop_assert_eq!(parse_count(&format!("Rp {indonesian}"), true), Ok(v));
        prop_assert_eq!(parse_count(&format!("Rp{indonesian}"), true), Ok(v));
    }

    #[test]
    fn scale_words_read_back(mantissa in 0i64..1_000_000, decimals in 0u32..=3, word in 0usize..4) {
        // "{mantissa / 10^decimals},{the rest} {word}" is mantissa × 10^(exp − decimals), at
        // most 999,999 × 10^12, within i64.
        let (name, exp) = WORDS[word];
        let scale = 10i64.pow(decimals);
        let text = if decimals == 0 {
            format!("{} {name}", group_thousands(mantissa).replace(',', "."))
        } else {
            format!(
                "{},{:0width$} {name}",
                group_thousands(mantissa / scale).replace(',', "."),
                mantissa % scale,
                width = decimals as usize
            )
        };
        let want = mantissa * 10i64.pow(exp - decimals);
        prop_assert_eq!(parse_count(&text, true), Ok(want), "{}", text);
    }

    #[test]
    fn fractions_of_a_count_are_refused(whole in 0i64..1_000_000, tenths in 1i64..10) {
        // whole,tenths has a fraction, so it is no count however it is written.
        let comma = format!("{whole},{tenths}");
        let point = format!("{whole}.{tenths}");
        prop_assert!(parse_count(&comma, true).is_err());
        prop_assert!(parse_count(&point, false).is_err());
    }

    #[test]
    fn decimals_read_back(hundredths in -100_000_000i64..100_000_000) {
        let sign = if hundredths < 0 { "-" } else { "" };
        let a = hundredths.abs();
        let point = format!("{sign}{}.{:02}", a / 100, a % 100);
        let comma = point.replace('.', ",");
        let want = hundredths as f64 / 100.0;
        let got = parse_decimal_f64(&point, false).unwrap();
        prop_assert!((got - want).abs() <= want.abs() * 1e-15, "{} read as {}", point, got);
        prop_assert_eq!(parse_decimal_f64(&comma, true), Ok(got));
    }

    #[test]
    fn a_roll_up_is_the_sum_of_its_children(values in proptest::collection::vec(0i64..1_000_000_000_000, 1..30)) {
        // A branch with one district per value: the branch's figure is derived as their sum.
        let mut offices = String::from("code,name,level,parent\nb,Branch,branch,\n");
        let mut participants = String::from("office,period,segment,measure,value,source\n");
        for (i, v) in values.iter().enumerate() {
            offices.push_str(&format!("d{i},District {i},district,b\n"));
            participants.push_str(&format!("d{i},2023,pu,active,{v},s\n"));
        }
        let src = DataSource::Memory(vec![
            ("offices.csv".into(), offices.into_bytes()),
            ("participants.csv".into(), participants.into_bytes()),
        ]);
        let mut problems = Problems::new(10);
        let ds = load(&src, ReadOptions::default(), &mut problems);
        prop_assert!(problems.is_empty(), "{:?}", problems.kept);
        let ix = Index::build(&ds);
        let got = ix
            .participant(0, Period::Year(2023), Segment::Pu, Measure::Active)
            .map(|f| f.value);
        prop_assert_eq!(got, Some(values.iter().sum::<i64>()));
    }

    #[test]
    fn all_segments_is_the_sum_of_the_four(values in proptest::array::uniform4(0i64..1_000_000_000_000)) {
        let mut participants = String::from("office,period,segment,measure,value,source\n");
        for (seg, v) in ["pu", "bpu", "jakon", "pmi"].iter().zip(values) {
            participants.push_str(&format!("b,2023-08,{seg},active,{v},s\n"));
        }
        let src = DataSource::Memory(vec![
            ("offices.csv".into(), b"code,name,level,parent\nb,Branch,branch,\n".to_vec()),
            ("participants.csv".into(), participants.into_bytes()),
        ]);
        let mut problems = Problems::new(10);
        let ds = load(&src, ReadOptions::default(), &mut problems);
        prop_assert!(problems.is_empty(), "{:?}", problems.kept);
        let ix = Index::build(&ds);
        let got = ix
            .participant(0, Period::Month(2023, 8), Segment::All, Measure::Active)
            .map(|f| f.value);
        prop_assert_eq!(got, Some(values.iter().sum::<i64>()));
    }
}
