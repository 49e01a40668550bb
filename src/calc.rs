//! Arithmetic on figures: growth, ratios, shares, gaps and pace. Pure functions, no I/O.
//! Counts and rupiah are integers (sums are checked); only ratios are floating point.

/// Change between a base and a current value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub abs: i64,
    /// Percent of the base; `None` when the base is zero.
    pub pct: Option<f64>,
}

/// Absolute and percent change from `base` to `current`. `None` only if the difference
/// does not fit in an i64 (values that large are refused by the loader).
pub fn change(base: i64, current: i64) -> Option<Change> {
    let abs = current.checked_sub(base)?;
    Some(Change {
        abs,
        pct: ratio_pct(abs, base),
    })
}

/// `num / den` as a percentage; `None` when the denominator is zero or negative.
pub fn ratio_pct(num: i64, den: i64) -> Option<f64> {
    // Scaling before dividing rounds once: 234 of 1,000 is 23.4, not 23.400000000000002.
    (den > 0).then(|| (num as f64 * 100.0) / den as f64)
}

/// Compound annual growth rate in percent from `first` to `last` over `years` years.
/// `None` when the start is not positive, the end is negative or the span is not positive.
pub fn cagr_pct(first: i64, last: i64, years: f64) -> Option<f64> {
    if first <= 0 || last < 0 || years <= 0.0 || !years.is_finite() {
        return None;
    }
    Some(((last as f64 / first as f64).powf(1.0 / years) - 1.0) * 100.0)
}

/// Sum with overflow checking; `None` on overflow.
pub fn checked_sum<I: IntoIterator<Item = i64>>(values: I) -> Option<i64> {
    values.into_iter().try_fold(0i64, |a, v| a.checked_add(v))
}

/// Average per case, e.g. rupiah paid per claim.
pub fn per_case(amount: i64, cases: i64) -> Option<f64> {
    (cases > 0).then(|| amount as f64 / cases as f64)
}

/// How far an actual figure is from its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// target − actual: positive means still to go, negative means exceeded.
    pub gap: i64,
    /// actual / target in percent; `None` for a zero target.
    pub achieved_pct: Option<f64>,
}

pub fn target_gap(target: i64, actual: i64) -> Option<Gap> {
    Some(Gap {
        gap: target.checked_sub(actual)?,
        achieved_pct: ratio_pct(actual, target),
    })
}

/// Monthly pace toward a year-end target, for a year in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Average monthly progress so far this year.
    pub so_far: f64,
    /// Monthly progress needed over the remaining months; `None` when no month remains.
    pub needed: Option<f64>,
    /// Year-end value if the pace so far holds.
    pub projected: f64,
    pub on_track: bool,
}

/// Pace toward `target` after `months` months (1-12) of the year. `start` is the value at the
/// start of the year: the previous year end for a stock, 0 for a flow counted year to date.
pub fn pace(target: i64, start: i64, actual: i64, months: u8) -> Option<Pace> {
    if !(1..=12).contains(&months) {
        return None;
    }
    let m = f64::from(months);
    let so_far = (actual as f64 - start as f64) / m;
    let left = 12 - months;
    let needed = (left > 0).then(|| (target as f64 - actual as f64) / f64::from(left));
    let projected = actual as f64 + so_far * f64::from(left);
    Some(Pace {
        so_far,
        needed,
        projected,
        on_track: projected >= target as f64,
    })
}

/// The month (1-12) in which a linear pace from `start` would first reach `target`,
/// or `None` if it would not within the year.
pub fn month_reaching(target: i64, start: i64, per_month: f64) -> Option<u8> {
    if target as f64 <= start as f64 {
        return Some(1);
    }
    if per_month <= 0.0 {
        return None;
    }
    let months = ((target as f64 - start as f64) / per_month).ceil();
    (months <= 12.0).then_some(months.max(1.0) as u8)
}

/// A closed range of possible values, for figures known only to their printed precision.
/// Bounds may be infinite (`more than 80`: 80 to infinity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn new(lo: f64, hi: f64) -> Self {
        Interval { lo, hi }
    }

    pub fn point(v: f64) -> Self {
        Interval { lo: v, hi: v }
    }

    /// `self - other`: every difference of a value in each.
    pub fn minus(self, other: Interval) -> Interval {
        Interval::new(self.lo - other.hi, self.hi - other.lo)
    }

    pub fn plus(self, other: Interval) -> Interval {
        Interval::new(self.lo + other.lo, self.hi + other.hi)
    }

    /// `self / den` in percent, for non-negative numerators and positive denominators;
    /// `None` when the denominator may be zero or below.
    pub fn ratio_pct(self, den: Interval) -> Option<Interval> {
        (den.lo > 0.0 && self.lo >= 0.0)
            .then(|| Interval::new(self.lo / den.hi * 100.0, self.hi / den.lo * 100.0))
    }

    /// Growth from `base` to `self` in percent.
    pub fn growth_pct(self, base: Interval) -> Option<Interval> {
        self.ratio_pct(base)
            .map(|r| Interval::new(r.lo - 100.0, r.hi - 100.0))
    }

    /// `self` as a percentage of `self + other`. Rises with `self` and falls with `other`, so
    /// the bounds come from opposite ends (tighter than dividing by the summed interval).
    pub fn share_pct(self, other: Interval) -> Option<Interval> {
        let lo_den = self.lo + other.hi;
        let hi_den = self.hi + other.lo;
        (self.lo >= 0.0 && other.lo >= 0.0 && lo_den > 0.0 && hi_den > 0.0)
            .then(|| Interval::new(self.lo / lo_den * 100.0, self.hi / hi_den * 100.0))
    }

    /// True when the two ranges share a value, allowing for floating-point rounding.
    pub fn overlaps(self, other: Interval) -> bool {
        let scale = [self.lo, self.hi, other.lo, other.hi]
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(1.0f64, |a, v| a.max(v.abs()));
        let eps = scale * 1e-12;
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value that, grown by `pct` percent, gives `current`: the inverse of `change`.
    fn base_from_growth(current: f64, pct: f64) -> Option<f64> {
        let factor = 1.0 + pct / 100.0;
        (factor != 0.0).then(|| current / factor)
    }

    /// Each part as a percentage of `total`; all `None` when the total is zero.
    fn shares_pct(parts: &[i64], total: i64) -> Vec<Option<f64>> {
        parts.iter().map(|&p| ratio_pct(p, total)).collect()
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn national_active_growth_2022_2023() {
        // 35.86 million -> 41.46 million (reports 000, 001): +5.60 million;
        // 5.60 / 35.86 = 0.156163... -> +15.62 %
        let c = change(35_860_000, 41_460_000).unwrap();
        assert_eq!(c.abs, 5_600_000);
        assert!(close(c.pct.unwrap(), 15.6163, 0.0001), "{:?}", c.pct);
    }

    #[test]
    fn bali_growth_2022_2023() {
        // 750,000 -> 1,027,000 (report 002): +277,000; 277 / 750 = 36.9333... %
        let c = change(750_000, 1_027_000).unwrap();
        assert_eq!(c.abs, 277_000);
        assert!(close(c.pct.unwrap(), 36.9333, 0.0001));
    }

    #[test]
    fn percentages_round_once() {
        // 234 / 1,000 = 23.4 exactly as a decimal; the nearest double must come out.
        assert_eq!(ratio_pct(234, 1000), Some(23.4));
        assert_eq!(change(1000, 1234).unwrap().pct, Some(23.4));
    }

    #[test]
    fn zero_base_has_no_percent() {
        assert_eq!(change(0, 10), Some(Change { abs: 10, pct: None }));
        assert_eq!(change(i64::MIN, i64::MAX), None);
    }

    #[test]
    fn coverage_ratio_bali() {
        // 1,027,000 / 2,620,000 (BPS employed, Aug 2023) = 39.1984... %
        assert!(close(
            ratio_pct(1_027_000, 2_620_000).unwrap(),
            39.1985,
            0.0001
        ));
        // against the Aug 2022 employed figure: 1,027,000 / 2,610,000 = 39.3487 %
        assert!(close(
            ratio_pct(1_027_000, 2_610_000).unwrap(),
            39.3487,
            0.0001
        ));
        assert_eq!(ratio_pct(5, 0), None);
    }

    #[test]
    fn cagr_of_national_funds_roadmap() {
        // Rp627.69 tn (2022) -> Rp781.77 tn (2024): (781.77/627.69)^(1/2) - 1 = 11.6007 %
        let g = cagr_pct(627_690, 781_770, 2.0).unwrap();
        assert!(close(g, 11.6007, 0.0001), "{g}");
        assert_eq!(cagr_pct(0, 5, 1.0), None);
        assert_eq!(cagr_pct(5, 5, 0.0), None);
    }

    #[test]
    fn claims_shares_denpasar() {
        // Jan-Aug 2023, PU (report 004): JHT 16,355 of 21,097 cases = 77.5229 %;
        // Rp281 bn of Rp342 bn = 82.1637 %
        let s = shares_pct(&[16_355], 21_097);
        assert!(close(s[0].unwrap(), 77.5229, 0.0001));
        let s = shares_pct(&[281_000_000_000], 342_000_000_000);
        assert!(close(s[0].unwrap(), 82.1637, 0.0001));
        // Rp281,000,000,000 / 16,355 cases = Rp17,181,290.13 per case
        assert!(close(
            per_case(281_000_000_000, 16_355).unwrap(),
            17_181_290.13,
            0.01
        ));
        assert_eq!(per_case(1, 0), None);
    }

    #[test]
    fn national_target_gap_2024() {
        // target 53.86 million, 2023 actual 41.46 million: 12.40 million to go, 76.98 % reached
        let g = target_gap(53_860_000, 41_460_000).unwrap();
        assert_eq!(g.gap, 12_400_000);
        assert!(close(g.achieved_pct.unwrap(), 76.9773, 0.0001));
    }

    #[test]
    fn pace_for_a_year_in_progress() {
        // A flow target of 433,000 with 200,000 reached by the end of August:
        // 25,000 a month so far; 233,000 / 4 = 58,250 a month needed; projected 300,000.
        let p = pace(433_000, 0, 200_000, 8).unwrap();
        assert_eq!(p.so_far, 25_000.0);
        assert_eq!(p.needed, Some(58_250.0));
        assert_eq!(p.projected, 300_000.0);
        assert!(!p.on_track);
        // A stock from 100 at the year start to 160 after 6 months: +10 a month, 220 projected.
        let p = pace(200, 100, 160, 6).unwrap();
        assert_eq!(p.so_far, 10.0);
        assert!(p.on_track);
        assert_eq!(month_reaching(200, 100, 10.0), Some(10));
        assert_eq!(month_reaching(500, 100, 10.0), None);
        assert_eq!(pace(1, 0, 0, 0), None);
        assert_eq!(pace(1, 0, 1, 12).unwrap().needed, None);
    }

    #[test]
    fn intervals_of_rounded_figures() {
        // National growth 2023 with each stock +-0.005 million:
        // 41.455 / 35.865 - 1 = 15.5862 %, 41.465 / 35.855 - 1 = 15.6464 %.
        let cur = Interval::new(41.455, 41.465);
        let base = Interval::new(35.855, 35.865);
        let g = cur.growth_pct(base).unwrap();
        assert!(
            close(g.lo, 15.5862, 0.0001) && close(g.hi, 15.6464, 0.0001),
            "{g:?}"
        );
        // Change: 41.455 - 35.865 = 5.590, 41.465 - 35.855 = 5.610.
        let d = cur.minus(base);
        assert!(close(d.lo, 5.59, 1e-9) && close(d.hi, 5.61, 1e-9));
        // Formal share Aug 2020, formal 1.05 and informal 1.37 million, each +-0.005:
        // 1.045 / (1.045 + 1.375) = 43.1818 %, 1.055 / (1.055 + 1.365) = 43.5950 %.
        let s = Interval::new(1.045, 1.055)
            .share_pct(Interval::new(1.365, 1.375))
            .unwrap();
        assert!(
            close(s.lo, 43.1818, 0.0001) && close(s.hi, 43.5950, 0.0001),
            "{s:?}"
        );
        assert!(Interval::new(1.0, 2.0).overlaps(Interval::new(2.0, 3.0)));
        assert!(!Interval::new(1.0, 2.0).overlaps(Interval::new(2.001, 3.0)));
        assert!(Interval::new(80.0, f64::INFINITY).overlaps(Interval::point(95.0)));
        assert_eq!(
            Interval::point(1.0).ratio_pct(Interval::new(0.0, 1.0)),
            None
        );
    }

    #[test]
    fn sums_are_checked() {
        assert_eq!(checked_sum([1, 2, 3]), Some(6));
        assert_eq!(checked_sum([i64::MAX, 1]), None);
    }

    mod props {
        use super::super::*;
        use super::{base_from_growth, shares_pct};
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn shares_sum_to_100(parts in proptest::collection::vec(0i64..1_000_000_000_000, 1..20)) {
                let total = checked_sum(parts.iter().copied()).unwrap();
                prop_assume!(total > 0);
                let sum: f64 = shares_pct(&parts, total).into_iter().map(Option::unwrap).sum();
                prop_assert!((sum - 100.0).abs() < 1e-9, "{}", sum);
            }

            #[test]
            fn growth_then_inverse_returns_the_base(base in 1i64..1_000_000_000_000, current in 0i64..1_000_000_000_000) {
                let c = change(base, current).unwrap();
                let back = base_from_growth(current as f64, c.pct.unwrap());
                prop_assume!(back.is_some());
                let back = back.unwrap();
                prop_assert!((back - base as f64).abs() <= base as f64 * 1e-9, "{} vs {}", back, base);
            }

            #[test]
            fn change_adds_back(base in 0i64..i64::MAX / 2, current in 0i64..i64::MAX / 2) {
                let c = change(base, current).unwrap();
                prop_assert_eq!(base + c.abs, current);
            }

            #[test]
            fn intervals_hold_every_result_of_values_inside_them(
                a_lo in 1.0f64..1e9, a_w in 0.0f64..1e6, a_t in 0.0f64..=1.0,
                b_lo in 1.0f64..1e9, b_w in 0.0f64..1e6, b_t in 0.0f64..=1.0,
            ) {
                // Any a in A and b in B: a / b, a - b, a / (a + b) lie in the computed ranges.
                let (ai, bi) = (Interval::new(a_lo, a_lo + a_w), Interval::new(b_lo, b_lo + b_w));
                let (a, b) = (a_lo + a_w * a_t, b_lo + b_w * b_t);
                let inside = |i: Interval, v: f64| {
                    let tol = 1e-9 * v.abs().max(1.0);
                    i.lo - tol <= v && v <= i.hi + tol
                };
                prop_assert!(inside(ai.ratio_pct(bi).unwrap(), a / b * 100.0));
                prop_assert!(inside(ai.growth_pct(bi).unwrap(), (a / b - 1.0) * 100.0));
                prop_assert!(inside(ai.minus(bi), a - b));
                prop_assert!(inside(ai.share_pct(bi).unwrap(), a / (a + b) * 100.0));
            }

            #[test]
            fn gap_plus_actual_is_target(target in 0i64..i64::MAX / 2, actual in 0i64..i64::MAX / 2) {
                prop_assert_eq!(target_gap(target, actual).unwrap().gap + actual, target);
            }
        }
    }
}
