//! Reading numbers as people write them in spreadsheets: plain (`1027000`), grouped
//! (`1,027,000`), or, when asked, Indonesian (`1.027.000`, `39,41`, `Rp342 miliar`, `41,46 juta`).

/// Why a cell is not the number expected, plus a hint where one helps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    pub expected: String,
    pub hint: Option<String>,
}

impl NumError {
    fn new(expected: &str) -> Self {
        NumError {
            expected: expected.to_string(),
            hint: None,
        }
    }

    fn hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }
}

const WHOLE: &str = "a whole number of zero or more";
const DECIMAL_COMMA_HINT: &str =
    "this looks like Indonesian number writing ('.' for thousands, ',' for decimals): try --decimal-comma";

/// A decimal read exactly: `digits / 10^scale` times `10^exp10`.
struct Decimal {
    negative: bool,
    digits: u128,
    frac: u32,
    exp10: u32,
}

/// Parses a whole non-negative count or rupiah amount. `decimal_comma` switches to Indonesian
/// writing and enables `Rp` prefixes and the scale words ribu, juta, miliar and triliun.
pub fn parse_count(raw: &str, decimal_comma: bool) -> Result<i64, NumError> {
    let d = parse_decimal(raw, decimal_comma)?;
    if d.negative && d.digits != 0 {
        return Err(NumError::new(WHOLE).hint("counts and amounts cannot be negative"));
    }
    let mut value = d.digits;
    let mut frac = d.frac;
    let mut exp = d.exp10;
    // Cancel the scale word against the fraction digits, exactly, without floating point.
    while frac > 0 && exp > 0 {
        frac -= 1;
        exp -= 1;
    }
    for _ in 0..exp {
        value = value.checked_mul(10).ok_or_else(too_large)?;
    }
    if frac > 0 {
        let div = 10u128.pow(frac.min(38));
        if frac > 38 || value % div != 0 {
            let e = NumError::new(WHOLE);
            return Err(if !decimal_comma && looks_indonesian(raw) {
                e.hint(DECIMAL_COMMA_HINT)
            } else {
                e.hint("a count must be whole; a figure that needs rounding is not read as one")
            });
        }
        value /= div;
    }
    i64::try_from(value).map_err(|_| too_large())
}

fn too_large() -> NumError {
    NumError::new(WHOLE).hint("the number is too large (the limit is 9,223,372,036,854,775,807)")
}

/// Parses a decimal such as a stated percentage (`39.41`, or `39,41` with `decimal_comma`).
pub fn parse_decimal_f64(raw: &str, decimal_comma: bool) -> Result<f64, NumError> {
    let d = parse_decimal(raw, decimal_comma).map_err(|mut e| {
        e.expected = "a decimal number".into();
        e
    })?;
    let v = d.digits as f64 / 10f64.powi(d.frac as i32) * 10f64.powi(d.exp10 as i32);
    Ok(if d.negative { -v } else { v })
}

const ENGLISH_HINT: &str =
    "with --decimal-comma, '.' groups thousands and ',' marks decimals: 1.027.000 or 39,41";

/// `1,027,000` or `39.41`: English writing, refused under `--decimal-comma`.
fn looks_english(raw: &str) -> bool {
    let t = raw.trim();
    let commas_grouped = t.contains(',')
        && t.split(',')
            .skip(1)
            .all(|g| g.len() >= 3 && g.as_bytes()[..3].iter().all(u8::is_ascii_digit));
    let point = t.split('.').count() == 2 && !t.contains(',');
    commas_grouped && t.matches(',').count() > 1 || point
}

fn looks_indonesian(raw: &str) -> bool {
    let t = raw.trim();
    let dots = t.matches('.').count();
    // `1.027.000`, `194.210`, `39,41`: a dot followed by exactly three digits, or a decimal comma.
    (dots >= 1
        && t.split('.')
            .skip(1)
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())))
        || (t.contains(',') && !t.contains('.') && {
            let after = t.rsplit(',').next().unwrap_or("");
            after.len() != 3
        })
        || scale_word(t).is_some()
        || t.to_ascii_lowercase().starts_with("rp")
}

/// A word that scales the figure before it: `41,46 juta`, `2.62 million`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleWord {
    pub word: &'static str,
    /// The power of ten it multiplies by.
    pub exp10: u32,
    /// Read in a data cell under `--decimal-comma` (the Indonesian words written out); the
    /// others (abbreviations, English) are only read in printed figures.
    pub in_cells: bool,
}

impl ScaleWord {
    pub fn multiplier(self) -> f64 {
        10f64.powi(self.exp10 as i32)
    }
}

const fn sw(word: &'static str, exp10: u32, in_cells: bool) -> ScaleWord {
    ScaleWord {
        word,
        exp10,
        in_cells,
    }
}

/// Every scale word the tool reads, the one list of them.
pub const SCALE_WORDS: &[ScaleWord] = &[
    sw("ribu", 3, true),
    sw("rb", 3, false),
    sw("thousand", 3, false),
    sw("juta", 6, true),
    sw("jt", 6, false),
    sw("million", 6, false),
    sw("miliar", 9, true),
    sw("milyar", 9, true),
    sw("billion", 9, false),
    sw("triliun", 12, true),
    sw("trillion", 12, false),
];

fn scale_word(t: &str) -> Option<(usize, u32)> {
    let lower = t.to_ascii_lowercase();
    SCALE_WORDS
        .iter()
        .filter(|w| w.in_cells)
        .find(|w| lower.ends_with(w.word))
        .map(|w| (t.len() - w.word.len(), w.exp10))
}

fn parse_decimal(raw: &str, decimal_comma: bool) -> Result<Decimal, NumError> {
    let mut t = raw.trim();
    let bad = |raw: &str| {
        let e = NumError::new(WHOLE);
        if !decimal_comma && looks_indonesian(raw) {
            e.hint(DECIMAL_COMMA_HINT)
        } else if decimal_comma && looks_english(raw) {
            e.hint(ENGLISH_HINT)
        } else {
            e
        }
    };
    let mut exp10 = 0;
    if decimal_comma {
        if t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
            t = t[2..].trim_start();
            if let Some(rest) = t.strip_prefix('.') {
                t = rest.trim_start();
            }
        }
        if let Some((end, e)) = scale_word(t) {
            t = t[..end].trim_end();
            exp10 = e;
        }
    }
    let negative = t.starts_with('-');
    if negative || t.starts_with('+') {
        t = &t[1..];
    }
    let (group, point) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let (int_part, frac_part) = match t.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if int_part.is_empty() {
        return Err(bad(raw));
    }
    // Thousands groups must be well formed: 1-3 digits, then groups of exactly three.
    let groups: Vec<&str> = int_part.split(group).collect();
    let first_ok = !groups[0].is_empty()
        && groups[0].bytes().all(|b| b.is_ascii_digit())
        && (groups.len() == 1 || groups[0].len() <= 3);
    let rest_ok = groups[1..]
        .iter()
        .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !first_ok || !rest_ok {
        return Err(bad(raw));
    }
    let mut digits: u128 = 0;
    let mut frac = 0u32;
    let push = |digits: &mut u128, b: u8| -> Result<(), NumError> {
        *digits = digits
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(b - b'0')))
            .ok_or_else(too_large)?;
        Ok(())
    };
    for g in &groups {
        for b in g.bytes() {
            push(&mut digits, b)?;
        }
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(raw));
        }
        // Trailing zeros carry no value; dropping them keeps `1027000.00` whole.
        let f = f.trim_end_matches('0');
        for b in f.bytes() {
            push(&mut digits, b)?;
            frac += 1;
        }
    }
    Ok(Decimal {
        negative,
        digits,
        frac,
        exp10,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_grouped_counts() {
        assert_eq!(parse_count("1027000", false), Ok(1_027_000));
        assert_eq!(parse_count(" 424997 ", false), Ok(424_997));
        assert_eq!(parse_count("1,027,000", false), Ok(1_027_000));
        assert_eq!(parse_count("1027000.00", false), Ok(1_027_000));
        assert_eq!(parse_count("0", false), Ok(0));
    }

    #[test]
    fn indonesian_numbers_need_the_flag() {
        let e = parse_count("1.027.000", false).unwrap_err();
        assert!(e.hint.unwrap().contains("--decimal-comma"));
        let e = parse_count("194.210", false).unwrap_err();
        assert!(e.hint.unwrap().contains("--decimal-comma"));
        assert_eq!(parse_count("1.027.000", true), Ok(1_027_000));
        assert_eq!(parse_count("194.210", true), Ok(194_210));
    }

    #[test]
    fn scale_words_listed_once() {
        let cells: Vec<&str> = SCALE_WORDS
            .iter()
            .filter(|w| w.in_cells)
            .map(|w| w.word)
            .collect();
        assert_eq!(cells, ["ribu", "juta", "miliar", "milyar", "triliun"]);
        let jt = SCALE_WORDS.iter().find(|w| w.word == "jt").unwrap();
        assert_eq!(jt.multiplier(), 1_000_000.0);
        assert!(parse_count("2 jt", true).is_err());
    }

    #[test]
    fn scale_words_and_rupiah() {
        assert_eq!(parse_count("41,46 juta", true), Ok(41_460_000));
        assert_eq!(parse_count("Rp342 miliar", true), Ok(342_000_000_000));
        assert_eq!(parse_count("Rp 342.000.000.000", true), Ok(342_000_000_000));
        assert_eq!(
            parse_count("Rp695,29 triliun", true),
            Ok(695_290_000_000_000)
        );
        assert_eq!(parse_count("433 ribu", true), Ok(433_000));
        assert_eq!(parse_count("1,027 juta", true), Ok(1_027_000));
    }

    #[test]
    fn rounding_is_refused() {
        assert!(parse_count("1,5", true).is_err());
        assert!(parse_count("1.5", false).is_err());
        assert!(parse_count("0,0000001 ribu", true).is_err());
    }

    #[test]
    fn negatives_overflow_and_junk() {
        assert!(parse_count("-5", false)
            .unwrap_err()
            .hint
            .unwrap()
            .contains("negative"));
        assert_eq!(parse_count("-0", false), Ok(0));
        assert!(parse_count("9223372036854775808", false).is_err());
        assert_eq!(parse_count("9223372036854775807", false), Ok(i64::MAX));
        assert!(parse_count("99999999999999999999999999999999999999999", false).is_err());
        for junk in [
            "", "abc", "12a", "1,02,000", ",5", "1..0", "Rp", "juta", "1e6", "--1",
        ] {
            assert!(parse_count(junk, false).is_err(), "{junk}");
            assert!(parse_count(junk, true).is_err(), "{junk}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal_f64("39.41", false), Ok(39.41));
        assert_eq!(parse_decimal_f64("39,41", true), Ok(39.41));
        assert_eq!(parse_decimal_f64("-2.5", false), Ok(-2.5));
        assert!(parse_decimal_f64("39,41", false).is_err());
    }
}
