//! The small code types records are made of: periods, the closed code sets, provenance.

use std::fmt;
use std::str::FromStr;

/// A reporting period: a whole year (`2023`, the year end for stocks, the full year for flows)
/// or a month (`2023-08`, the stock at the month's end; flows are year to date through it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Month(i32, u8),
}

impl Period {
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Month(y, _) => y,
        }
    }

    /// Months of the year the period covers (12 for a whole year).
    pub fn months(self) -> u8 {
        match self {
            Period::Year(_) => 12,
            Period::Month(_, m) => m,
        }
    }

    /// The comparable period one year earlier: year end vs year end, a month vs the same month.
    pub fn year_before(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Month(y, m) => Period::Month(y - 1, m),
        }
    }

    /// Chronological sort key: a whole year sorts as its December.
    pub fn key(self) -> (i32, u8, u8) {
        match self {
            Period::Year(y) => (y, 12, 1),
            Period::Month(y, m) => (y, m, 0),
        }
    }

    /// True when the period ends a year (`2023` or `2023-12`).
    pub fn is_year_end(self) -> bool {
        self.months() == 12
    }

    /// Human description of what a flow over this period covers.
    pub fn span(self) -> String {
        match self {
            Period::Year(y) => format!("{y}"),
            Period::Month(y, 1) => format!("Jan {y}"),
            Period::Month(y, m) => format!("Jan-{} {y}", MONTHS[m as usize - 1]),
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_period(s.as_bytes())
            .ok_or_else(|| "a period written YYYY (a year) or YYYY-MM (a month, 01-12)".to_string())
    }
}

/// Parses `YYYY` or `YYYY-MM` (years 1900-2999) from bytes.
pub fn parse_period(b: &[u8]) -> Option<Period> {
    fn digits(b: &[u8]) -> Option<u32> {
        if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(b.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0')))
    }
    let year = |b: &[u8]| {
        let y = digits(b)?;
        (b.len() == 4 && (1900..=2999).contains(&y)).then_some(y as i32)
    };
    match b.len() {
        4 => Some(Period::Year(year(b)?)),
        7 if b[4] == b'-' => {
            let m = digits(&b[5..7])?;
            (1..=12)
                .contains(&m)
                .then_some(Period::Month(year(&b[..4])?, m as u8))
        }
        _ => None,
    }
}

/// Defines a closed set of lowercase codes with parsing, display and the list of valid codes.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Matches a code case-insensitively, ignoring surrounding spaces.
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($code) { return Some($name::$variant); })+
                None
            }

            /// The valid codes, for error messages: `a, b or c`.
            pub fn expected() -> String {
                crate::model::one_of(&[$($code),+])
            }
        }

        impl crate::model::Code for $name {
            fn parse_code(s: &str) -> Option<Self> {
                $name::parse(s)
            }
            fn expected_codes() -> String {
                $name::expected()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s).ok_or_else(|| format!("one of {}", $name::expected()))
            }
        }
    };
}

/// A closed set of codes read from a CSV cell.
pub trait Code: Sized {
    fn parse_code(s: &str) -> Option<Self>;
    /// The valid codes, for error messages.
    fn expected_codes() -> String;
}

pub(crate) fn one_of(codes: &[&str]) -> String {
    match codes {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

code_enum!(
    /// Where an office or area sits in the hierarchy.
    Level {
        National => "national",
        Region => "region",
        Province => "province",
        Branch => "branch",
        District => "district",
    }
);

code_enum!(
    /// Participant segment.
    Segment {
        Pu => "pu",
        Bpu => "bpu",
        Jakon => "jakon",
        Pmi => "pmi",
        All => "all",
    }
);

code_enum!(
    /// Social-security program.
    Program {
        Jht => "jht",
        Jkk => "jkk",
        Jkm => "jkm",
        Jp => "jp",
        Jkp => "jkp",
        All => "all",
    }
);

code_enum!(
    /// What a participants row counts.
    Measure {
        Active => "active",
        Registered => "registered",
        New => "new",
        EmployersActive => "employers_active",
        EmployersRegistered => "employers_registered",
        EmployersNew => "employers_new",
    }
);

code_enum!(
    /// What a workforce row counts (BPS Sakernas).
    WorkforceMeasure {
        LabourForce => "labour_force",
        Employed => "employed",
        Formal => "formal",
        Informal => "informal",
    }
);

code_enum!(
    /// What a target is set on.
    TargetMeasure {
        Active => "active",
        New => "new",
        FundsIdr => "funds_idr",
    }
);

code_enum!(
    /// Whose target: the office's own for the year, or the national roadmap.
    Plan {
        Annual => "annual",
        Roadmap => "roadmap",
    }
);

code_enum!(
    /// A derived figure a source states (kept to be checked, never used as input).
    StatedMetric {
        ActiveGrowthPct => "active_growth_pct",
        ActiveChange => "active_change",
        CoveragePct => "coverage_pct",
        TargetChange => "target_change",
        FundsTargetGrowthPct => "funds_target_growth_pct",
        FormalSharePct => "formal_share_pct",
        InformalSharePct => "informal_share_pct",
        PotentialWorkers => "potential_workers",
    }
);

impl Measure {
    /// Stocks are counted at the period's end; flows accumulate over it.
    pub fn is_flow(self) -> bool {
        matches!(self, Measure::New | Measure::EmployersNew)
    }

    pub fn label(self) -> &'static str {
        match self {
            Measure::Active => "active participants",
            Measure::Registered => "registered participants",
            Measure::New => "new participants",
            Measure::EmployersActive => "active employers",
            Measure::EmployersRegistered => "registered employers",
            Measure::EmployersNew => "new employers",
        }
    }
}

impl StatedMetric {
    pub fn label(self) -> &'static str {
        match self {
            StatedMetric::ActiveGrowthPct => "growth of active participants",
            StatedMetric::ActiveChange => "change in active participants",
            StatedMetric::CoveragePct => "coverage",
            StatedMetric::TargetChange => "change to reach the target",
            StatedMetric::FundsTargetGrowthPct => "growth of the funds target",
            StatedMetric::FormalSharePct => "formal share of the employed",
            StatedMetric::InformalSharePct => "informal share of the employed",
            StatedMetric::PotentialWorkers => "potential participants",
        }
    }
}

impl Segment {
    /// The segments whose figures add up to `All`: every code but `All`, which comes last.
    pub const PARTS: &'static [Segment] = match Segment::ALL.split_last() {
        Some((Segment::All, parts)) => parts,
        _ => panic!("Segment::All must be the last segment code"),
    };

    pub fn label(self) -> &'static str {
        match self {
            Segment::Pu => "PU (wage earners)",
            Segment::Bpu => "BPU (informal)",
            Segment::Jakon => "Jakon (construction)",
            Segment::Pmi => "PMI (migrant)",
            Segment::All => "all segments",
        }
    }
}

impl Level {
    /// The level whose offices add up to this one, if any.
    pub fn child_level(self) -> Option<Level> {
        match self {
            Level::National => Some(Level::Region),
            Level::Region => Some(Level::Branch),
            Level::Branch => Some(Level::District),
            Level::Province | Level::District => None,
        }
    }
}

impl Level {
    /// The English term for `n` offices of the level: `district`, `districts`.
    pub fn word(self, n: usize) -> &'static str {
        let (one, many) = match self {
            Level::National => ("national office", "national offices"),
            Level::Region => ("region", "regions"),
            Level::Province => ("province", "provinces"),
            Level::Branch => ("branch", "branches"),
            Level::District => ("district", "districts"),
        };
        if n == 1 {
            one
        } else {
            many
        }
    }
}

/// How a figure no source gives was made from figures that one does: a glossary key and its
/// arguments, so each language says it its own way; machines get [`Derivation::english`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Derivation {
    /// The sum of `n` offices one level down.
    SumOf { n: usize, level: Level },
    /// Segment `all` as pu + bpu + jakon + pmi.
    Segments,
    /// Informal workers as the employed less formal workers.
    EmployedLessFormal,
    /// A claims total as the sum of its programs.
    Programs,
    /// A claims total as the sum of its programs, a sum past the 64-bit limit.
    ProgramsPastLimit,
    /// Claims of the programs not itemised: the stated total less the itemised ones.
    TotalLessItemised,
}

impl Derivation {
    /// The glossary key, with `{}` for each argument.
    pub fn key(self) -> &'static str {
        match self {
            Derivation::SumOf { .. } => "sum of {} {}",
            Derivation::Segments => "sum of pu, bpu, jakon and pmi",
            Derivation::EmployedLessFormal => "employed − formal",
            Derivation::Programs => "sum of programs",
            Derivation::ProgramsPastLimit => "sum of programs: past the 64-bit limit",
            Derivation::TotalLessItemised => "total less itemised programs",
        }
    }

    /// The English, as csv and json write it: `sum of 5 districts`.
    pub fn english(self) -> String {
        match self {
            Derivation::SumOf { n, level } => format!("sum of {n} {}", level.word(n)),
            d => d.key().to_string(),
        }
    }
}

/// Text that travels with every figure: where it came from and how it was printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Provenance {
    /// The source as the data names it; for a derived figure, [`Derivation::english`].
    pub source: String,
    /// How the figure was derived, where no source gives it.
    pub derived: Option<Derivation>,
    pub published: String,
    pub note: String,
    /// The `bound` column where the file has one; `None`: read from the published text.
    pub bound: Option<Bound>,
    /// The `reading` column says the row is read one way of two (its note says why).
    pub uncertain: bool,
}

code_enum!(
    /// Whether a row's reading is settled, as a `reading` column states it.
    Reading {
        Certain => "certain",
        Uncertain => "uncertain",
    }
);

code_enum!(
    /// How far a figure is from exact, as a `bound` column states it: a bound beside an
    /// approximate figure is an approximate bound (`at_most_about`).
    Bound {
        Exact => "exact",
        AtLeast => "at_least",
        AtMost => "at_most",
        About => "about",
        AtLeastAbout => "at_least_about",
        AtMostAbout => "at_most_about",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_order() {
        assert_eq!("2023".parse(), Ok(Period::Year(2023)));
        assert_eq!("2023-08".parse(), Ok(Period::Month(2023, 8)));
        for bad in [
            "23", "2023-13", "2023-00", "2023-8", "2023/08", "20230", "", "1899",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert!(Period::Month(2023, 12) < Period::Year(2023));
        assert!(Period::Month(2023, 8) < Period::Month(2023, 12));
        assert!(Period::Year(2022) < Period::Month(2023, 1));
        assert_eq!(Period::Month(2023, 8).year_before(), Period::Month(2022, 8));
        assert_eq!(Period::Month(2023, 8).span(), "Jan-Aug 2023");
    }

    #[test]
    fn codes_parse_case_insensitively() {
        assert_eq!(Segment::parse(" PU "), Some(Segment::Pu));
        assert_eq!(Program::parse("jkp"), Some(Program::Jkp));
        assert_eq!(Segment::parse("formal"), None);
        assert_eq!(Segment::expected(), "pu, bpu, jakon, pmi or all");
    }
}
