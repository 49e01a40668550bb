//! How certain a figure is, and how that certainty carries through arithmetic.
//!
//! A published figure is exact, a lower bound (`lebih`, `lebih dari`, `di atas`, `tembus`), an
//! upper bound (`hampir`, `kurang dari`, `di bawah`) or approximate (`sekitar`, `kisaran`,
//! `kurang lebih`, `±`); a `bound` column says the same where a file has one. A sum,
//! difference, share or average of such figures is itself one of these, or no figure at all
//! when its inputs pull both ways (the remainder of two lower bounds can be anything). A bound
//! combined with an approximate figure is an approximate bound: at most 60,000 less about
//! 50,000 is at most about +10,000.

use super::published::{self, Qualifier};
use crate::model::{Bound, Provenance};

/// The bound of a given figure: its `bound` column, else what its published text says.
pub fn of(prov: &Provenance) -> Bound {
    prov.bound.unwrap_or_else(|| from_text(&prov.published))
}

/// What the qualifier words of a published text say; a text with no figure is exact.
pub fn from_text(text: &str) -> Bound {
    match published::parse(text).map(|p| p.qualifier) {
        Ok(Qualifier::MoreThan) => Bound::AtLeast,
        Ok(Qualifier::Nearly | Qualifier::LessThan) => Bound::AtMost,
        Ok(Qualifier::About) => Bound::About,
        Ok(Qualifier::None) | Err(_) => Bound::Exact,
    }
}

/// How a bounded figure is said: in the words its text used where it has them (`tembus`: at
/// least; `lebih`: more than; `di atas`: above; `hampir`: just under; `kurang dari`: less
/// than), else as its `bound` column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Exact,
    AtLeast,
    MoreThan,
    Above,
    JustUnder,
    LessThan,
    AtMost,
    About,
    AtLeastAbout,
    AtMostAbout,
}

/// The words for a given figure's bound.
pub fn wording(prov: &Provenance) -> Wording {
    let b = of(prov);
    let lower = prov.published.to_lowercase();
    let has = |w: &str| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    let pair = |a: &str, b: &str| lower.contains(&format!("{a} {b}"));
    match b {
        Bound::Exact => Wording::Exact,
        Bound::About => Wording::About,
        Bound::AtLeastAbout => Wording::AtLeastAbout,
        Bound::AtMostAbout => Wording::AtMostAbout,
        Bound::AtLeast if has("tembus") => Wording::AtLeast,
        Bound::AtLeast if pair("di", "atas") || has("above") => Wording::Above,
        Bound::AtLeast if has("lebih") || has("more") || has("over") => Wording::MoreThan,
        Bound::AtLeast => Wording::AtLeast,
        Bound::AtMost if has("hampir") || has("nearly") || has("almost") => Wording::JustUnder,
        Bound::AtMost if pair("kurang", "dari") || pair("di", "bawah") || has("less") => {
            Wording::LessThan
        }
        Bound::AtMost => Wording::AtMost,
    }
}

/// The words for a derived figure's bound: at least, at most, about, at least about, at most
/// about (a figure computed from a lower bound is at least what it shows, never "more than").
pub fn derived_wording(b: Bound) -> Wording {
    match b {
        Bound::Exact => Wording::Exact,
        Bound::AtLeast => Wording::AtLeast,
        Bound::AtMost => Wording::AtMost,
        Bound::About => Wording::About,
        Bound::AtLeastAbout => Wording::AtLeastAbout,
        Bound::AtMostAbout => Wording::AtMostAbout,
    }
}

/// Which ways the true value may lie from the figure: above, below, near.
fn ways(b: Bound) -> (bool, bool, bool) {
    match b {
        Bound::Exact => (false, false, false),
        Bound::AtLeast => (true, false, false),
        Bound::AtMost => (false, true, false),
        Bound::About => (false, false, true),
        Bound::AtLeastAbout => (true, false, true),
        Bound::AtMostAbout => (false, true, true),
    }
}

/// Back from ways to a bound; `None` when the true value may lie on either side without limit.
/// A bound combined with an approximate figure is an approximate bound: its open side stays
/// open, and the side it limits is limited only about where the figure shows.
fn from_ways(above: bool, below: bool, near: bool) -> Option<Bound> {
    match (above, below, near) {
        (true, true, _) => None,
        (true, false, false) => Some(Bound::AtLeast),
        (true, false, true) => Some(Bound::AtLeastAbout),
        (false, true, false) => Some(Bound::AtMost),
        (false, true, true) => Some(Bound::AtMostAbout),
        (false, false, true) => Some(Bound::About),
        (false, false, false) => Some(Bound::Exact),
    }
}

/// The bound of `a + b` (and of an average, a sum divided by an exact count).
pub fn sum(a: Bound, b: Bound) -> Option<Bound> {
    let (a, b) = (ways(a), ways(b));
    from_ways(a.0 || b.0, a.1 || b.1, a.2 || b.2)
}

/// The bound of `a - b`: a lower bound less an exact figure is a lower bound, less another
/// lower bound it is nothing.
pub fn difference(a: Bound, b: Bound) -> Option<Bound> {
    let (a, b) = (ways(a), ways(b));
    from_ways(a.0 || b.1, a.1 || b.0, a.2 || b.2)
}

/// The bound of `a / b` for positive figures (a share, an average per case): as a difference,
/// a larger denominator makes a smaller ratio.
pub fn ratio(a: Bound, b: Bound) -> Option<Bound> {
    difference(a, b)
}

/// Where the true value lies if a bound is taken as within one unit of the last digit
/// published (`Rp281 miliar lebih`: Rp281 to 282 miliar; `hampir 2,9 juta`: 2,8 to 2,9 juta).
/// `None` for an exact or approximate figure (an approximate bound too), or a text with no
/// readable figure.
pub fn range(value: f64, prov: &Provenance) -> Option<(f64, f64)> {
    let unit = published::parse(&prov.published).ok()?.unit;
    match of(prov) {
        Bound::AtLeast => Some((value, value + unit)),
        Bound::AtMost => Some((value - unit, value)),
        Bound::Exact | Bound::About | Bound::AtLeastAbout | Bound::AtMostAbout => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Bound::*;

    fn given(published: &str) -> Provenance {
        Provenance {
            published: published.into(),
            ..Provenance::default()
        }
    }

    #[test]
    fn qualifier_words_name_the_bound() {
        for (text, b) in [
            ("Rp 281 miliar lebih", AtLeast),
            ("lebih dari 5 juta", AtLeast),
            ("di atas 80 persen", AtLeast),
            ("tembus di angka Rp781,77 triliun", AtLeast),
            ("hampir 2,9 juta jiwa", AtMost),
            ("kurang dari 10 persen", AtMost),
            ("di bawah 3 juta", AtMost),
            ("sekitar 5,60 juta", About),
            ("kisaran 12 persen", About),
            ("kurang lebih 4 juta", About),
            ("± 7 persen", About),
            ("424.997", Exact),
            ("", Exact),
        ] {
            assert_eq!(from_text(text), b, "{text}");
        }
    }

    #[test]
    fn each_bound_is_said_in_the_words_of_its_text() {
        use Wording as W;
        for (text, w) in [
            ("tembus di angka Rp781,77 triliun", W::AtLeast),
            ("Rp 281 miliar lebih", W::MoreThan),
            ("di atas 80 persen", W::Above),
            ("hampir 2,9 juta jiwa", W::JustUnder),
            ("kurang dari 10 persen", W::LessThan),
            ("di bawah 3 juta", W::LessThan),
            ("kisaran 12 persen", W::About),
            ("53,86 juta", W::Exact),
        ] {
            assert_eq!(wording(&given(text)), w, "{text}");
        }
        // A column with no word in the text: its own name.
        let mut p = given("433 ribu");
        p.bound = Some(AtLeast);
        assert_eq!(wording(&p), W::AtLeast);
        p.bound = Some(AtMost);
        assert_eq!(wording(&p), W::AtMost);
    }

    #[test]
    fn the_column_wins_over_the_text() {
        let mut p = given("Rp 281 miliar lebih");
        p.bound = Some(Exact);
        assert_eq!(of(&p), Exact);
    }

    #[test]
    fn arithmetic_keeps_the_direction_or_refuses() {
        assert_eq!(sum(AtLeast, AtLeast), Some(AtLeast));
        assert_eq!(sum(AtLeast, Exact), Some(AtLeast));
        assert_eq!(sum(AtLeast, AtMost), None);
        assert_eq!(sum(About, Exact), Some(About));
        assert_eq!(sum(Exact, Exact), Some(Exact));
        // 342 lebih - 281 lebih: either may be far larger, so nothing is known.
        assert_eq!(difference(AtLeast, AtLeast), None);
        assert_eq!(difference(AtLeast, AtMost), Some(AtLeast));
        assert_eq!(difference(Exact, AtLeast), Some(AtMost));
        // Rp342 miliar lebih over 21,097 cases: more than Rp16.21 million a case.
        assert_eq!(ratio(AtLeast, Exact), Some(AtLeast));
        assert_eq!(ratio(Exact, AtMost), Some(AtLeast));
        assert_eq!(ratio(AtLeast, AtLeast), None);
    }

    #[test]
    fn a_bound_beside_an_approximate_figure_is_an_approximate_bound() {
        // At most 60,000 less about 50,000: at most about +10,000.
        assert_eq!(difference(AtMost, About), Some(AtMostAbout));
        // About 50,000 less at most 60,000: at least about -10,000.
        assert_eq!(difference(About, AtMost), Some(AtLeastAbout));
        assert_eq!(sum(AtLeast, About), Some(AtLeastAbout));
        assert_eq!(sum(AtMost, About), Some(AtMostAbout));
        // At least 110,000 over about 600,000: at least about 18.3%.
        assert_eq!(ratio(AtLeast, About), Some(AtLeastAbout));
        // An approximate bound carries on as one, and still refuses the other way.
        assert_eq!(sum(AtLeastAbout, Exact), Some(AtLeastAbout));
        assert_eq!(sum(AtLeastAbout, AtLeast), Some(AtLeastAbout));
        assert_eq!(difference(AtLeastAbout, AtMostAbout), Some(AtLeastAbout));
        assert_eq!(sum(AtLeastAbout, AtMost), None);
        assert_eq!(difference(AtMostAbout, AtMost), None);
        // About beside about, or an exact figure, stays about.
        assert_eq!(difference(About, About), Some(About));
        assert_eq!(derived_wording(AtMostAbout), Wording::AtMostAbout);
        let mut p = given("60.000");
        p.bound = Some(AtLeastAbout);
        assert_eq!(wording(&p), Wording::AtLeastAbout);
        assert_eq!(range(60_000.0, &p), None);
    }

    #[test]
    fn a_range_takes_one_unit_of_the_last_digit() {
        // "Rp 281 miliar lebih": last digit in miliar, so 281e9 to 282e9.
        assert_eq!(
            range(281e9, &given("Rp 281 miliar lebih")),
            Some((281e9, 282e9))
        );
        // "hampir 2,9 juta": last digit 0.1 juta, so 2.8 to 2.9 million.
        let (lo, hi) = range(2_900_000.0, &given("hampir 2,9 juta jiwa")).unwrap();
        assert!((lo - 2_800_000.0).abs() < 1e-6 && hi == 2_900_000.0);
        assert_eq!(range(424_997.0, &given("424.997")), None);
    }
}
