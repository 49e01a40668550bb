//! The chart model, beside [`super::Table`]: panels of series or bars holding codes, numbers
//! and words already chosen. [`crate::chart`] fills it from the figures; [`super::svg`] draws it.

use std::fmt;

use super::lang::Lang;
use crate::model::{Period, Segment};

/// How a panel's values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Persons,
    Percent,
    Idr,
    Cases,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub period: Period,
    pub value: f64,
}

/// One line over time; `segment` picks its colour so a segment looks the same in every chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub segment: Segment,
    pub points: Vec<Point>,
    /// Each point's label where it is not the plain figure (as published: `35,86 juta`;
    /// `*` on a figure read one way of two); empty: every point plain.
    pub shown: Vec<String>,
}

/// A target at a year's end, joined to the latest figure before it when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMark {
    pub label: String,
    pub segment: Segment,
    pub at: Point,
    pub from: Option<Point>,
    /// The target as published, where it is not the plain figure.
    pub shown: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Percent of the panel's total, when known.
    pub share: Option<f64>,
    /// The remainder no program accounts for, drawn muted.
    pub other: bool,
    /// A bounded figure's words, a glossary template (`more than {}`): the bar is drawn to the
    /// bound with an open end.
    pub qualifier: Option<&'static str>,
    /// Where the figure is not known, only the range it lies in: drawn from `value` (its low
    /// end) to the high end.
    pub high: Option<f64>,
    /// A share known only as a range, in place of `share`.
    pub share_range: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Time {
        series: Vec<Series>,
        targets: Vec<TargetMark>,
        /// The figures are flows over spans (a whole year, January to August): drawn as
        /// points named by their span, never joined, since spans of different length joined
        /// by a line would make a false fall.
        flow: bool,
    },
    Bars {
        bars: Vec<Bar>,
        total: Option<f64>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: Unit,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub panels: Vec<Panel>,
    /// Every source the plotted figures come from.
    pub sources: Vec<String>,
    /// Footnotes: what is left out or read with care.
    pub notes: Vec<String>,
    /// Where the data set was read from.
    pub dataset: String,
    /// The language of the words; the renderer writes numbers in it too.
    pub lang: Lang,
}

/// There is nothing to draw; says what is missing and where it would come from.
#[derive(Debug, Clone, PartialEq)]
pub struct NothingToChart {
    /// What is missing and the hint, already said in `lang`.
    pub what: String,
    pub hint: String,
    pub lang: Lang,
}

impl fmt::Display for NothingToChart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.lang;
        let what = crate::said::fill(
            l.term("nothing to chart: {}"),
            [self.what.as_str()].into_iter(),
        );
        let hint = crate::said::fill(l.term("\n  hint: {}"), [self.hint.as_str()].into_iter());
        write!(f, "{what}{hint}")
    }
}

impl std::error::Error for NothingToChart {}
