//! The figures a user holds are the ones checked: a `value` that lies outside what its own
//! published text allows is a finding (a corrected value whose text was left as it was, or a
//! typing slip), named with the interval the text allows.

use super::published;
use super::{Finding, Note};
use crate::model::*;

/// Every given figure whose value its published text rules out.
pub fn outside_published(ds: &DataSet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut check =
        |file: &'static str, at: Origin, column: &'static str, value: f64, prov: &Provenance| {
            if let Some(msg) = outside(value, &prov.published) {
                out.push(Finding {
                    file,
                    line: at.line,
                    column: (at.column > 0).then_some((at.column, column)),
                    message: msg,
                });
            }
        };
    for c in &ds.claims {
        if let Some(v) = c.amount_idr {
            check("claims.csv", c.origin, "amount_idr", v as f64, &c.prov);
        }
    }
    for t in &ds.targets {
        if let Some(v) = t.value {
            check("targets.csv", t.origin, "value", v as f64, &t.prov);
        }
    }
    for w in &ds.workforce {
        if let Some(v) = w.value {
            check("workforce.csv", w.origin, "value", v as f64, &w.prov);
        }
    }
    for s in &ds.stated {
        check("stated.csv", s.origin, "value", s.value, &s.prov);
    }
    participants(ds, &mut check);
    out.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
    out
}

/// Every participant figure with a published text, checked against it; nothing to walk when no
/// row of the file has one (the usual large export).
fn participants(
    ds: &DataSet,
    check: &mut impl FnMut(&'static str, Origin, &'static str, f64, &Provenance),
) {
    let store = &ds.participants;
    if store.provenances().iter().all(|p| p.published.is_empty()) {
        return;
    }
    for k in store.series().chain(store.program_series()) {
        let (pr, o, s, m) = (k.program, k.office, k.segment, k.measure);
        for y in store.years_in(pr, o, s, m) {
            let known = store.known_in(pr, o, s, m, y);
            for slot in (0..16).filter(|i| known & (1 << i) != 0) {
                let p = crate::model::store::period(y, slot);
                let Some((v, id)) = store.get_in(pr, o, p, s, m) else {
                    continue;
                };
                let prov = store.provenance(id);
                if prov.published.is_empty() {
                    continue;
                }
                let at = Origin {
                    line: store.line_in(pr, o, p, s, m).unwrap_or(0),
                    column: store.value_column,
                };
                check("participants.csv", at, "value", v as f64, prov);
            }
        }
    }
}

/// Why `value` cannot be what `text` printed, or `None` when it can (or the text has no figure).
fn outside(value: f64, text: &str) -> Option<Note> {
    let p = published::parse(text).ok()?;
    let iv = p.interval();
    // Allow for the last bit of a decimal: 39.41 read back from "39,41 persen" is not below it.
    let slack = 1e-9 * value.abs().max(1.0);
    if value >= iv.lo - slack && value <= iv.hi + slack {
        return None;
    }
    let end = |v: f64| {
        if v.is_infinite() {
            "no limit".to_string()
        } else {
            format!("{v}")
        }
    };
    let note = Note::new(
        "{} lies outside what {} allows ({} to {})",
        vec![
            value.to_string(),
            format!("{text:?}"),
            end(iv.lo),
            end(iv.hi),
        ],
    );
    // "no limit" is a term; the numbers and the quoted text are not.
    let terms: Vec<usize> = [(2, iv.lo), (3, iv.hi)]
        .into_iter()
        .filter(|(_, v)| v.is_infinite())
        .map(|(i, _)| i)
        .collect();
    Some(note.terms_at(&terms))
}

#[cfg(test)]
mod tests {
    use super::outside;

    #[test]
    fn a_value_the_text_rules_out() {
        // "Rp 281 miliar lebih": at least 281,000,000,000, so 280 miliar is ruled out.
        assert!(outside(280e9, "Rp 281 miliar lebih").is_some());
        assert!(outside(290e9, "Rp 281 miliar lebih").is_none());
        // "41,46 juta": 41,455,000 to 41,465,000.
        assert!(outside(41_460_000.0, "41,46 juta").is_none());
        assert!(outside(41_470_000.0, "41,46 juta").is_some());
        // "hampir 2,9 juta": 2,800,000 to 2,900,000.
        assert!(outside(2_950_000.0, "hampir 2,9 juta jiwa").is_some());
        assert!(outside(39.41, "39,41 persen").is_none());
        assert!(outside(5.0, "").is_none());
    }
}
