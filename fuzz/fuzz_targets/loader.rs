//! Arbitrary bytes as offices.csv and participants.csv, through the public loader and on into
//! the roll-ups and derived figures: any input must give records or problems, never a panic.
#![no_main]

use coverage::analysis::{self, Against, Filter, Index};
use coverage::load::{load, DataSource, Problems, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    // The first byte picks the options; a NUL splits the two files.
    let opts = ReadOptions {
        delimiter: match flags & 3 {
            0 => None,
            1 => Some(b','),
            2 => Some(b';'),
            _ => Some(b'\t'),
        },
        decimal_comma: flags & 4 != 0,
        threads: 1,
    };
    let (offices, participants) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &b""[..]),
    };
    let src = DataSource::Memory(vec![
        ("offices.csv".into(), offices.to_vec()),
        ("participants.csv".into(), participants.to_vec()),
    ]);
    let mut problems = Problems::new(50);
    let ds = load(&src, opts, &mut problems);
    for p in &problems.kept {
        let _ = p.to_string();
    }
    let _ = ds.tree();
    let ix = Index::build(&ds);
    let f = Filter::default();
    let _ = analysis::findings(&ix);
    let _ = analysis::growth(&ix, &f);
    let _ = analysis::coverage(&ix, &f, Against::Employed);
});
