//! Reading a figure as it was printed (`41,46 juta`, `2.62 million`, `di atas 80 persen`,
//! `hampir 2,9 juta jiwa`, `424.997`) into the interval the true value lies in.
//!
//! A printed figure says more than its value: `41,46 juta` is rounded to ten thousand, so the
//! true value is 41,455,000 to 41,465,000; `di atas 80 persen` is a lower bound; `424.997` is an
//! exact count. Auditing a stated figure against the figures it was computed from needs exactly
//! this, for both the inputs and the stated figure itself.

use crate::calc::Interval;
use crate::number::SCALE_WORDS;

/// What a word before or after the number says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// No word: rounded to its last digit, or exact for a whole count.
    None,
    /// `sekitar`, `kisaran`, `kurang lebih`, `about`, `around`: rounded to its last digit.
    About,
    /// `lebih`, `lebih dari`, `di atas`, `more than`, `over`, `above`: a lower bound.
    MoreThan,
    /// `hampir`, `nearly`, `almost`: just under, within one unit of its last digit.
    Nearly,
    /// `kurang dari`, `di bawah`, `less than`, `under`, `below`: an upper bound.
    LessThan,
}

/// A printed figure: its value, the place value of its last digit and its qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    pub value: f64,
    /// Place value of the last digit printed, in the figure's own scale (`41,46 juta`: 10,000).
    pub unit: f64,
    pub qualifier: Qualifier,
    /// Printed as a percentage (`%`, `persen`, `percent`).
    pub percent: bool,
    /// A whole count printed to the last person (`424.997`, `2,466,230`): exact as printed.
    pub exact: bool,
    /// Trailing zeros before a scale word leave the precision open (`750 ribu`: to the
    /// thousand or to ten thousand?); the wider reading was taken, to the last non-zero digit.
    pub widened: bool,
    /// The digits printed, their decimal places and the scale word, so that bounds are
    /// computed as one division (39.405, not 39.404999999999994).
    digits: u64,
    decimals: i32,
    scale: f64,
}

impl Published {
    /// Where the true value lies if the figure was rounded (or is exact, or a bound).
    pub fn interval(&self) -> Interval {
        let v = self.value;
        match self.qualifier {
            Qualifier::None if self.exact => Interval::point(v),
            Qualifier::None | Qualifier::About => {
                Interval::new(self.at(2.0, -1.0), self.at(2.0, 1.0))
            }
            Qualifier::MoreThan => Interval::new(v, f64::INFINITY),
            Qualifier::Nearly => Interval::new(self.at(1.0, -1.0), v),
            Qualifier::LessThan => Interval::new(f64::NEG_INFINITY, v),
        }
    }

    /// `value + k / per * unit`, as one division of exact integers-valued doubles.
    fn at(&self, per: f64, k: f64) -> f64 {
        let steps = self.unit / (self.scale / 10f64.powi(self.decimals));
        (self.digits as f64 * per + k * steps) * self.scale / (per * 10f64.powi(self.decimals))
    }

    /// Where the true value lies if the figure was cut off after its last digit instead of
    /// rounded; `None` for an exact figure or a bound, where truncation means nothing.
    pub fn truncated(&self) -> Option<Interval> {
        match self.qualifier {
            Qualifier::None if self.exact => None,
            Qualifier::None | Qualifier::About => {
                Some(Interval::new(self.value, self.at(1.0, 1.0)))
            }
            Qualifier::MoreThan | Qualifier::Nearly | Qualifier::LessThan => None,
        }
    }

    /// The scale word's multiplier and the decimal places printed within it: `2,9 juta` is
    /// (1e6, 1), `750 ribu` (1e3, 0), `424.997` (1, 0).
    pub fn written(&self) -> (f64, u8) {
        (self.scale, self.decimals.clamp(0, 12) as u8)
    }

    /// Decimal places the figure was printed with (`15,89`: 2), counting a scale word:
    /// `41,46 juta` has 2 in millions.
    pub fn decimals(&self) -> u8 {
        let mut d = 0u8;
        let mut u = self.unit;
        let scale = scale_of(self.value);
        while u < scale * 0.999_999 && d < 12 {
            u *= 10.0;
            d += 1;
        }
        d
    }
}

fn scale_of(v: f64) -> f64 {
    let a = v.abs();
    if a >= 1e12 {
        1e12
    } else if a >= 1e9 {
        1e9
    } else if a >= 1e6 {
        1e6
    } else {
        1.0
    }
}

/// Why a printed figure could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

const INDONESIAN: &[&str] = &[
    "ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun", "persen", "jiwa", "orang",
    "sekitar", "kisaran", "hampir", "lebih", "atas", "kasus", "rupiah", "peserta", "pekerja",
    "tembus", "kurang", "bawah",
];
const ENGLISH: &[&str] = &[
    "thousand", "million", "billion", "trillion", "percent", "of", "about", "around", "nearly",
    "almost", "more", "than", "over", "above", "employed", "people", "workers", "less", "under",
    "below",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

fn qualifier(w: &[String], plus_minus: bool) -> Qualifier {
    let has = |x: &str| w.iter().any(|y| y == x);
    let pair = |a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
    if pair("kurang", "lebih") || plus_minus {
        Qualifier::About
    } else if has("hampir") || has("nearly") || has("almost") {
        Qualifier::Nearly
    } else if pair("kurang", "dari")
        || pair("di", "bawah")
        || pair("less", "than")
        || has("under")
        || has("below")
    {
        Qualifier::LessThan
    } else if has("lebih")
        || has("tembus")
        || pair("di", "atas")
        || pair("more", "than")
        || has("over")
        || has("above")
    {
        Qualifier::MoreThan
    } else if has("sekitar")
        || has("kisaran")
        || has("sekira")
        || has("about")
        || has("around")
        || has("approximately")
    {
        Qualifier::About
    } else {
        Qualifier::None
    }
}

/// Reads the first figure in a printed text. Indonesian writing (`.` groups thousands, `,`
/// marks decimals) is assumed when the text has an Indonesian word (juta, persen, sekitar...),
/// English writing when it has an English one (million, percent, of...). With neither, the
/// shape decides: a separator used twice, or once before exactly three digits, groups
/// thousands (`424.997`, `2,466,230` are whole counts); otherwise it marks decimals (`50.20%`).
pub fn parse(text: &str) -> Result<Published, Unreadable> {
    let lower = text.trim().to_lowercase();
    let w = words(&lower);
    let indonesian = w.iter().any(|x| INDONESIAN.contains(&x.as_str()));
    let english = w.iter().any(|x| ENGLISH.contains(&x.as_str()));
    // The number: the first run of digits and separators that starts with a digit.
    let bytes = lower.as_bytes();
    let Some(start) = bytes.iter().position(u8::is_ascii_digit) else {
        return Err(Unreadable(format!("no number in {text:?}")));
    };
    let mut end = start;
    while end < bytes.len() && (bytes[end].is_ascii_digit() || matches!(bytes[end], b'.' | b',')) {
        end += 1;
    }
    // A separator at the end is punctuation, not part of the number ("80 persen.").
    while end > start && !bytes[end - 1].is_ascii_digit() {
        end -= 1;
    }
    let num = &lower[start..end];
    let rest = lower[end..].trim_start();
    let rest_words = words(rest);
    let percent = rest.starts_with('%')
        || rest_words
            .first()
            .is_some_and(|x| x == "persen" || x == "percent");
    let scale = if percent {
        1.0
    } else {
        rest_words
            .first()
            .and_then(|x| SCALE_WORDS.iter().find(|w| w.word == x))
            .map_or(1.0, |w| w.multiplier())
    };
    let (group, point) = if indonesian && !english {
        (Some('.'), Some(','))
    } else if english && !indonesian {
        (Some(','), Some('.'))
    } else {
        by_shape(num, scale != 1.0 || percent)
    };
    let (int_part, frac_part) = match point.and_then(|p| num.split_once(p)) {
        Some((i, f)) => (i, f),
        None => (num, ""),
    };
    let groups: Vec<&str> = match group {
        Some(g) => int_part.split(g).collect(),
        None => vec![int_part],
    };
    let well_formed = !groups[0].is_empty()
        && groups[0].bytes().all(|b| b.is_ascii_digit())
        && (groups.len() == 1 || groups[0].len() <= 3)
        && groups[1..]
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && frac_part.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(Unreadable(format!(
            "{num:?} in {text:?} is not a number written with {} for thousands and {} for decimals",
            group.map_or("nothing".into(), |g| format!("'{g}'")),
            point.map_or("nothing".into(), |p| format!("'{p}'")),
        )));
    }
    let digits: String = groups.concat() + frac_part;
    let mantissa: f64 = digits
        .parse::<u64>()
        .map_err(|_| Unreadable(format!("{num:?} in {text:?} has too many digits")))?
        as f64;
    let decimals = frac_part.len() as i32;
    let value = mantissa / 10f64.powi(decimals) * scale;
    let mut unit = scale / 10f64.powi(decimals);
    let q = qualifier(&w, lower.contains('±'));
    let exact = !percent && scale == 1.0 && decimals == 0 && q == Qualifier::None;
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    let zeros = zeros.min(digits.len().saturating_sub(1));
    let widened = !percent && scale != 1.0 && decimals == 0 && zeros > 0;
    if widened {
        unit *= 10f64.powi(zeros as i32);
    }
    if q == Qualifier::About && !percent && scale == 1.0 && decimals == 0 {
        // "sekitar 5.600.000": about, to the last non-zero digit.
        let zeros = digits.len() - digits.trim_end_matches('0').len();
        unit = 10f64.powi(zeros.min(digits.len().saturating_sub(1)) as i32);
    }
    Ok(Published {
        value,
        unit,
        qualifier: q,
        percent,
        exact,
        widened,
        digits: mantissa as u64,
        decimals,
        scale,
    })
}

/// Which separator groups and which marks decimals, from the number alone.
fn by_shape(num: &str, scaled: bool) -> (Option<char>, Option<char>) {
    let dots = num.matches('.').count();
    let commas = num.matches(',').count();
    match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let other = if sep == '.' { ',' } else { '.' };
            let after = num.rsplit(sep).next().unwrap_or("");
            if num.matches(sep).count() > 1 || (after.len() == 3 && !scaled) {
                (Some(sep), Some(other))
            } else {
                (Some(other), Some(sep))
            }
        }
        _ => {
            // Both: the one used last marks the decimals (`1.234,5` or `1,234.5`).
            if num.rfind('.') > num.rfind(',') {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    fn range(text: &str) -> (f64, f64) {
        let i = parse(text).unwrap().interval();
        (i.lo, i.hi)
    }

    fn assert_range(text: &str, lo: f64, hi: f64) {
        let (a, b) = range(text);
        assert!(
            close(a, lo) && close(b, hi),
            "{text}: {a}..{b}, want {lo}..{hi}"
        );
    }

    #[test]
    fn indonesian_scale_words_are_rounded_to_their_last_digit() {
        // 41,46 juta: the last digit is 0,01 juta = 10,000, so +-5,000.
        assert_range("41,46 juta", 41_455_000.0, 41_465_000.0);
        assert_range("35,86 juta", 35_855_000.0, 35_865_000.0);
        // 12,40 juta: the trailing zero is printed, so it counts: +-5,000 again.
        assert_range("12,40 juta", 12_395_000.0, 12_405_000.0);
        // 1,027 juta: three decimals of a million = 1,000, so +-500.
        assert_range("1,027 juta", 1_026_500.0, 1_027_500.0);
        // 750 ribu: the trailing zero may be a digit or padding; the wider reading, to ten
        // thousand: +-5,000.
        assert_range("750 ribu", 745_000.0, 755_000.0);
        assert_range("433 ribu", 432_500.0, 433_500.0);
        // Rp627,69 triliun: 0,01 triliun = Rp10 miliar, so +-Rp5 miliar.
        assert_range("Rp627,69 triliun", 627.685e12, 627.695e12);
        assert_range("Rp 695,29 triliun", 695.285e12, 695.295e12);
    }

    #[test]
    fn english_writing() {
        // 2.62 million: +-5,000.
        assert_range("2.62 million", 2_615_000.0, 2_625_000.0);
        assert_range("147.71 million", 147_705_000.0, 147_715_000.0);
        assert_range("50.20%", 50.195, 50.205);
        assert_range("46.57% of employed", 46.565, 46.575);
        // A grouped whole count is exact.
        assert_range("2,466,230", 2_466_230.0, 2_466_230.0);
    }

    #[test]
    fn whole_counts_are_exact() {
        assert_range("424.997", 424_997.0, 424_997.0);
        assert_range("116.573", 116_573.0, 116_573.0);
        assert_range("1.027.000", 1_027_000.0, 1_027_000.0);
        let p = parse("424.997").unwrap();
        assert!(p.exact);
        assert_eq!(p.truncated(), None);
    }

    #[test]
    fn percentages_are_rounded() {
        assert_range("15,89 persen", 15.885, 15.895);
        assert_range("36 persen", 35.5, 36.5);
        assert_range("39,41 persen", 39.405, 39.415);
        let p = parse("15,89 persen").unwrap();
        assert!(p.percent);
        assert_eq!(p.decimals(), 2);
        let t = p.truncated().unwrap();
        assert!(close(t.lo, 15.89) && close(t.hi, 15.90));
    }

    #[test]
    fn qualifiers() {
        // sekitar (about) 5,60 juta: rounded, +-5,000.
        let p = parse("sekitar 5,60 juta").unwrap();
        assert_eq!(p.qualifier, Qualifier::About);
        assert_range("sekitar 5,60 juta", 5_595_000.0, 5_605_000.0);
        // di atas (above) 80 persen: a lower bound.
        assert_eq!(
            parse("di atas 80 persen").unwrap().qualifier,
            Qualifier::MoreThan
        );
        assert_range("di atas 80 persen", 80.0, f64::INFINITY);
        // "Rp 342 miliar rupiah lebih": lebih after the figure, more than.
        assert_range(
            "Rp 342 miliar rupiah lebih kepada 21.097 kasus",
            342e9,
            f64::INFINITY,
        );
        // hampir (nearly) 2,9 juta: within one unit of the last digit below: 2,8 to 2,9 juta.
        assert_range("hampir 2,9 juta jiwa", 2_800_000.0, 2_900_000.0);
        // kisaran (around) 12 persen: rounded, +-0.5.
        assert_range("kisaran 12 persen", 11.5, 12.5);
        // kurang lebih is "about", not "more than".
        assert_eq!(
            parse("kurang lebih 5 juta").unwrap().qualifier,
            Qualifier::About
        );
        // About a whole count: to its last non-zero digit (5,600,000 to the 100,000: +-50,000).
        assert_range("sekitar 5.600.000", 5_550_000.0, 5_650_000.0);
        assert_eq!(
            parse("more than 80%").unwrap().qualifier,
            Qualifier::MoreThan
        );
        assert_eq!(
            parse("nearly 2.9 million").unwrap().qualifier,
            Qualifier::Nearly
        );
    }

    #[test]
    fn decimals_of_scaled_figures() {
        assert_eq!(parse("41,46 juta").unwrap().decimals(), 2);
        assert_eq!(parse("1,027 juta").unwrap().decimals(), 3);
        assert_eq!(parse("36 persen").unwrap().decimals(), 0);
        assert_eq!(parse("Rp695,29 triliun").unwrap().decimals(), 2);
    }

    #[test]
    fn unreadable() {
        for bad in ["", "tidak ada", "persen", "1.02.3 juta", "12,3456.7.8"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
