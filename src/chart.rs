//! What a chart shows, chosen from the derived figures: series over time with targets, or
//! bars. No I/O and no drawing: this file fills the model of [`crate::output::chart`], and
//! [`crate::output::svg`] draws it.

use std::collections::BTreeSet;

use crate::analysis::{self, Against, ClaimLine, Filter, Index};
use crate::cmd::common::{as_published, fig_words};
use crate::model::{Bound, Measure, Period, Program, Segment, TargetMeasure, WorkforceMeasure};
use crate::output::cell_human;
pub use crate::output::chart::{
    Bar, Body, Chart, NothingToChart, Panel, Point, Series, TargetMark, Unit,
};
use crate::output::{Cell, Lang};

/// A glossary sentence with its `{}` slots filled, in the reader's language.
fn phrase(lang: Lang, template: &str, args: &[&str]) -> String {
    crate::output::lang::fill(lang.term(template), args.iter().copied())
}

/// A message about an office, `in YEAR` filling its second slot when a year is asked for.
fn for_office(lang: Lang, template: &str, office: &str, year: Option<i32>) -> String {
    let year = match year {
        Some(y) => phrase(lang, " in {}", &[&y.to_string()]),
        None => String::new(),
    };
    phrase(lang, template, &[office, &year])
}

fn segment_label(s: Segment, lang: Lang) -> String {
    lang.term(s.label()).to_string()
}

/// A label starting a sentence: `all segments` -> `All segments`.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn office_label(ix: &Index, o: usize) -> String {
    let off = ix.ds.office(o);
    format!("{} ({})", off.name, off.code)
}

/// Offices that have what a chart needs, for the hint when the asked-for one has not.
/// The first [`HINT_OFFICES`] are named: a data set of 20,000 branches would otherwise flood
/// the terminal, and the search stops there.
fn offices_with(ix: &Index, lang: Lang, has: impl Fn(usize) -> bool) -> String {
    let mut codes: Vec<&str> = (0..ix.ds.offices.len())
        .filter(|&o| has(o))
        .map(|o| ix.ds.offices[o].code.as_str())
        .take(HINT_OFFICES + 1)
        .collect();
    let more = codes.len() > HINT_OFFICES;
    codes.truncate(HINT_OFFICES);
    match (codes.is_empty(), more) {
        (true, _) => lang.term("no office in the data set has them").into(),
        (false, false) => phrase(lang, "offices with them: {}", &[&codes.join(", ")]),
        (false, true) => phrase(
            lang,
            "offices with them: {} and others",
            &[&codes.join(", ")],
        ),
    }
}

const HINT_OFFICES: usize = 10;

fn push_source(sources: &mut Vec<String>, s: &str) {
    for part in s.split("; ") {
        if !part.is_empty() && !sources.iter().any(|x| x == part) {
            sources.push(part.to_string());
        }
    }
}

/// One line per segment of the office's `measure`, in period order; `derived` is set when
/// a figure is a sum rather than published.
fn segment_series(
    ix: &Index,
    office: usize,
    f: &Filter,
    measure: Measure,
    lang: Lang,
    sources: &mut Vec<String>,
    (derived, uncertain): (&mut bool, &mut bool),
) -> Vec<Series> {
    let mut series = Vec::new();
    for &seg in Segment::ALL {
        // Sorted first, so sources are listed in the order of the figures, run after run.
        // Only this office's series: building every office's figures made a chart of one
        // branch cost several times the load.
        let mut figs: Vec<(Period, analysis::Fig)> = ix
            .periods(office, seg, measure)
            .into_iter()
            .filter(|p| f.year_ok(p.year()))
            .filter_map(|p| ix.participant(office, p, seg, measure).map(|fig| (p, fig)))
            .collect();
        figs.sort_by_key(|(p, _)| *p);
        let mut points: Vec<Point> = Vec::new();
        let mut shown = Vec::new();
        for (period, fig) in figs {
            points.push(Point {
                period,
                value: fig.value as f64,
            });
            // As published (`35,86 juta`, not 35,860,000), starred when read one way of two.
            let mut label = cell_human(&fig_words(&fig), lang);
            if fig.uncertain {
                label.push('*');
                *uncertain = true;
            }
            shown.push(label);
            if fig.derived {
                *derived = true;
            } else {
                push_source(sources, &fig.source);
            }
        }
        if !points.is_empty() {
            series.push(Series {
                label: segment_label(seg, lang),
                segment: seg,
                points,
                shown,
            });
        }
    }
    series
}

/// The office's targets for `tm`, each joined to the figure before it when `measure` is a
/// stock.
fn target_marks(
    ix: &Index,
    office: usize,
    f: &Filter,
    (measure, tm): (Measure, TargetMeasure),
    series: &[Series],
    lang: Lang,
    (sources, uncertain): (&mut Vec<String>, &mut bool),
) -> Vec<TargetMark> {
    let ds = ix.ds;
    let mut targets = Vec::new();
    for t in &ds.targets {
        let Some(v) = t.value else { continue };
        if t.office != office || t.measure != tm || !f.year_ok(t.year) {
            continue;
        }
        let at = Point {
            period: Period::Year(t.year),
            value: v as f64,
        };
        // A stock moves from its last figure to the target; a flow starts afresh each year.
        let from = series
            .iter()
            .find(|s| s.segment == t.segment && !measure.is_flow())
            .and_then(|s| s.points.iter().rev().find(|p| p.period < at.period))
            .copied();
        push_source(sources, &t.prov.source);
        // Name the segment only where the lines are of other segments.
        let whose = if series.iter().all(|s| s.segment == t.segment) {
            String::new()
        } else {
            format!(", {}", segment_label(t.segment, lang))
        };
        targets.push(TargetMark {
            label: phrase(
                lang,
                match t.plan {
                    crate::model::Plan::Annual => "Annual target {}{}",
                    crate::model::Plan::Roadmap => "Roadmap target {}{}",
                },
                &[&t.year.to_string(), &whose],
            ),
            segment: t.segment,
            at,
            from,
            shown: Some({
                let mut label = cell_human(&as_published(v as f64, &t.prov, false), lang);
                if t.prov.uncertain {
                    label.push('*');
                    *uncertain = true;
                }
                label
            }),
        });
    }
    targets
}

/// Active and new participants by segment over time, each with its targets.
pub fn participants(
    ix: &Index,
    office: usize,
    year: Option<i32>,
    lang: Lang,
) -> Result<Chart, NothingToChart> {
    let ds = ix.ds;
    let f = Filter {
        office: Some(office),
        from: year,
        to: year,
        monthly: true,
        ..Filter::default()
    };
    let mut sources = Vec::new();
    let mut panels = Vec::new();
    let mut derived = false;
    let mut uncertain = false;
    for (measure, tm, title) in [
        (
            Measure::Active,
            TargetMeasure::Active,
            lang.term("Active participants at the end of each period")
                .to_string(),
        ),
        (
            Measure::New,
            TargetMeasure::New,
            lang.term("New participants in the year (or year to date)")
                .to_string(),
        ),
    ] {
        let flags = (&mut derived, &mut uncertain);
        let series = segment_series(ix, office, &f, measure, lang, &mut sources, flags);
        let to = (&mut sources, &mut uncertain);
        let targets = target_marks(ix, office, &f, (measure, tm), &series, lang, to);
        if !series.is_empty() || !targets.is_empty() {
            panels.push(Panel {
                title,
                unit: Unit::Persons,
                body: Body::Time {
                    series,
                    targets,
                    flow: measure.is_flow(),
                },
            });
        }
    }
    if panels.is_empty() {
        return Err(NothingToChart {
            what: for_office(
                lang,
                "no active or new participant figures and no participant targets for {}{} (participants.csv, targets.csv)",
                &office_label(ix, office),
                year,
            ),
            lang,
            hint: offices_with(ix, lang, |o| {
                Segment::ALL.iter().any(|&s| {
                    [Measure::Active, Measure::New]
                        .into_iter()
                        .any(|m| !ix.periods(o, s, m).is_empty())
                })
            }),
        });
    }
    let mut notes = Vec::new();
    if derived {
        notes.push(
            lang.term("Some figures are sums of segments or of the offices below, not published.")
                .to_string(),
        );
    }
    let left_out: BTreeSet<&str> = Measure::ALL
        .iter()
        .filter(|m| !matches!(m, Measure::Active | Measure::New))
        .filter(|&&m| {
            Segment::ALL
                .iter()
                .any(|&s| ix.periods(office, s, m).iter().any(|p| f.year_ok(p.year())))
        })
        .map(|m| lang.term(m.label()))
        .collect();
    if !left_out.is_empty() {
        let list = left_out.into_iter().collect::<Vec<_>>().join(", ");
        notes.push(phrase(
            lang,
            "Not drawn: {} (listed by coverage report).",
            &[&list],
        ));
    }
    if uncertain {
        notes.push(
            lang.term("* Read one way of two: its note in the data says why.")
                .to_string(),
        );
    }
    if panels.len() == 2 {
        notes.push(
            lang.term(
                "Stocks (active) and flows (new) are drawn apart: they are different quantities.",
            )
            .to_string(),
        );
    }
    Ok(Chart {
        title: phrase(
            lang,
            "{}: participants by segment",
            &[&ds.office(office).name],
        ),
        panels,
        sources,
        notes,
        dataset: ds.root.clone(),
        lang,
    })
}

/// Active participants as a share of the workforce, by segment over time.
pub fn coverage(
    ix: &Index,
    office: usize,
    year: Option<i32>,
    against: Against,
    lang: Lang,
) -> Result<Chart, NothingToChart> {
    let ds = ix.ds;
    let f = Filter {
        office: Some(office),
        from: year,
        to: year,
        monthly: true,
        ..Filter::default()
    };
    let rows = analysis::coverage(ix, &f, against);
    let mut sources = Vec::new();
    let mut notes = Vec::new();
    let mut missing = BTreeSet::new();
    let mut series: Vec<Series> = Vec::new();
    for r in &rows {
        let Some(pct) = r.pct else {
            missing.insert(crate::output::cell_human(
                &Cell::note(r.note_parts.as_ref()),
                lang,
            ));
            continue;
        };
        if !r.participants.derived {
            push_source(&mut sources, &r.participants.source);
        }
        if let Some((_, w)) = &r.workforce {
            if !w.derived {
                push_source(&mut sources, &w.source);
            }
        }
        if r.periods_differ {
            let note = crate::output::cell_human(&Cell::note(r.note_parts.as_ref()), lang);
            notes.push(format!(
                "{}: {note}.",
                capitalised(&segment_label(r.segment, lang))
            ));
        }
        let p = Point {
            period: r.period,
            value: pct,
        };
        match series.iter_mut().find(|s| s.segment == r.segment) {
            Some(s) => s.points.push(p),
            None => series.push(Series {
                label: format!(
                    "{} / {}",
                    segment_label(r.segment, lang),
                    workers(r.denominator, lang)
                ),
                segment: r.segment,
                points: vec![p],
                shown: Vec::new(),
            }),
        }
    }
    if series.is_empty() {
        let what = if rows.is_empty() {
            for_office(
                lang,
                "no active participant figures for {}{} (participants.csv), so no coverage",
                &office_label(ix, office),
                year,
            )
        } else {
            phrase(
                lang,
                "no coverage for {}: {} (workforce.csv)",
                &[
                    &office_label(ix, office),
                    &missing.into_iter().collect::<Vec<_>>().join("; "),
                ],
            )
        };
        let hint = offices_with(ix, lang, |o| {
            let f = Filter {
                office: Some(o),
                ..Filter::default()
            };
            analysis::coverage(ix, &f, against)
                .iter()
                .any(|r| r.pct.is_some())
        });
        return Err(NothingToChart { what, hint, lang });
    }
    for s in &mut series {
        s.points.sort_by_key(|p| p.period);
    }
    let dens: BTreeSet<WorkforceMeasure> = rows
        .iter()
        .filter(|r| r.pct.is_some())
        .map(|r| r.denominator)
        .collect();
    series.sort_by_key(|s| s.segment);
    notes.sort();
    notes.dedup();
    Ok(Chart {
        title: phrase(
            lang,
            "{}: coverage of the workforce (BPS Sakernas)",
            &[&ds.office(office).name],
        ),
        panels: vec![Panel {
            title: match &dens.iter().collect::<Vec<_>>()[..] {
                [one] => phrase(
                    lang,
                    "Active participants as % of {}",
                    &[workers(**one, lang)],
                ),
                _ => lang
                    .term("Active participants as % of the workers in the legend")
                    .to_string(),
            },
            unit: Unit::Percent,
            body: Body::Time {
                series,
                targets: Vec::new(),
                flow: false,
            },
        }],
        sources,
        notes,
        dataset: ds.root.clone(),
        lang,
    })
}

/// Whom a coverage ratio is of, in words.
fn workers(m: WorkforceMeasure, lang: Lang) -> &'static str {
    lang.term(analysis::workers_whom(m))
}

fn program_label(l: ClaimLine, lang: Lang) -> String {
    lang.term(match l {
        ClaimLine::Program(p) => match p {
            Program::Jht => "JHT (old age)",
            Program::Jkk => "JKK (work accident)",
            Program::Jkm => "JKM (death)",
            Program::Jp => "JP (pension)",
            Program::Jkp => "JKP (job loss)",
            Program::All => "all programs",
        },
        ClaimLine::Other => "other programs",
        ClaimLine::Total => "all programs",
    })
    .to_string()
}

/// One panel's bars, amounts or cases: a bar per program of each segment, and the panel's
/// total when one segment states it.
fn claim_bars(
    rows: &[analysis::ClaimRow],
    segments: &BTreeSet<Segment>,
    unit: Unit,
    lang: Lang,
    sources: &mut Vec<String>,
) -> (Vec<Bar>, Option<f64>) {
    let mut bars = Vec::new();
    let mut total = None;
    for &seg in segments {
        let seg_rows: Vec<_> = rows.iter().filter(|r| r.segment == seg).collect();
        let itemised = seg_rows.iter().any(|r| r.line != ClaimLine::Total);
        for r in seg_rows {
            let (value, share, bound) = match unit {
                // A share of bounded amounts is a figure only where its bound is exact.
                Unit::Idr => (
                    r.amount.filter(|_| r.amount_bound.is_some()),
                    r.share_amount
                        .filter(|_| r.share_amount_bound == Some(Bound::Exact)),
                    r.amount_bound,
                ),
                _ => (r.cases, r.share_cases, Some(Bound::Exact)),
            };
            // No figure, only a range (the remainder of two lower bounds): drawn as the range.
            let range = match (unit, value) {
                (Unit::Idr, None) => r.amount_range,
                _ => None,
            };
            let Some(v) = value.map(|v| v as f64).or(range.map(|r| r.0)) else {
                continue;
            };
            let qualifier = match bound {
                Some(Bound::AtLeast) => Some("more than {}"),
                Some(Bound::AtMost) => Some("at most {}"),
                Some(Bound::About) => Some("about {}"),
                Some(Bound::AtLeastAbout) => Some("at least about {}"),
                Some(Bound::AtMostAbout) => Some("at most about {}"),
                Some(Bound::Exact) | None => None,
            };
            let share_range = match unit {
                Unit::Idr if share.is_none() => r.share_amount_range,
                _ => None,
            };
            if r.line == ClaimLine::Total {
                // One segment's total is the panel's; several are summed only by name.
                // A bounded total is no figure to print as the panel's total.
                if segments.len() == 1 && bound == Some(Bound::Exact) {
                    total = Some(v);
                }
                if itemised {
                    continue;
                }
            }
            if r.line != ClaimLine::Other {
                push_source(sources, &r.source);
            }
            let label = if segments.len() > 1 {
                format!(
                    "{}: {}",
                    seg.code().to_uppercase(),
                    program_label(r.line, lang)
                )
            } else {
                program_label(r.line, lang)
            };
            let total_line = r.line == ClaimLine::Total;
            bars.push(Bar {
                label,
                value: v,
                share: if total_line { None } else { share },
                other: r.line == ClaimLine::Other,
                qualifier,
                high: range.map(|r| r.1),
                share_range: if total_line { None } else { share_range },
            });
        }
    }
    (bars, total)
}

/// Claims paid by program in the latest period: amounts and cases side by side.
pub fn claims(
    ix: &Index,
    office: usize,
    year: Option<i32>,
    lang: Lang,
) -> Result<Chart, NothingToChart> {
    let ds = ix.ds;
    let f = Filter {
        office: Some(office),
        from: year,
        to: year,
        ..Filter::default()
    };
    let (rows, _) = analysis::claims(ds, &f);
    let Some(latest) = rows.iter().map(|r| r.period).max() else {
        return Err(NothingToChart {
            what: for_office(
                lang,
                "no claims for {}{} (claims.csv)",
                &office_label(ix, office),
                year,
            ),
            hint: {
                let with: BTreeSet<usize> = ds.claims.iter().map(|c| c.office).collect();
                offices_with(ix, lang, |o| with.contains(&o))
            },
            lang,
        });
    };
    let rows: Vec<_> = rows.into_iter().filter(|r| r.period == latest).collect();
    let segments: BTreeSet<Segment> = rows.iter().map(|r| r.segment).collect();
    let mut notes = Vec::new();
    let earlier: BTreeSet<Period> = ds
        .claims
        .iter()
        .filter(|c| c.office == office && c.period < latest && f.year_ok(c.period.year()))
        .map(|c| c.period)
        .collect();
    if !earlier.is_empty() {
        let list = earlier
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        notes.push(phrase(
            lang,
            "Earlier periods not drawn: {} (choose one with --year).",
            &[&list],
        ));
    }
    let mut sources = Vec::new();
    let mut panels = Vec::new();
    for (unit, title) in [
        (Unit::Idr, lang.term("Amount paid").to_string()),
        (Unit::Cases, lang.term("Cases").to_string()),
    ] {
        let (bars, total) = claim_bars(&rows, &segments, unit, lang, &mut sources);
        if !bars.is_empty() {
            panels.push(Panel {
                title,
                unit,
                body: Body::Bars { bars, total },
            });
        }
    }
    if panels.is_empty() {
        return Err(NothingToChart {
            what: phrase(
                lang,
                "the claims of {} for {} give neither cases nor amounts (claims.csv)",
                &[&office_label(ix, office), &latest.to_string()],
            ),
            hint: lang.term("fill the cases or amount_idr column").into(),
            lang,
        });
    }
    if rows.iter().any(|r| r.line == ClaimLine::Other) {
        notes.push(
            lang.term("Other programs: the stated total less the programs itemised.")
                .to_string(),
        );
    }
    // The wording a figure was published with can qualify it ("lebih": more than).
    for r in rows.iter().filter(|r| !r.published.is_empty()) {
        let whose = if segments.len() > 1 {
            format!(
                "{}: {}",
                r.segment.code().to_uppercase(),
                program_label(r.line, lang)
            )
        } else {
            capitalised(&program_label(r.line, lang))
        };
        notes.push(phrase(
            lang,
            "{} as published: \"{}\"",
            &[&whose, &r.published],
        ));
    }
    let seg_text = segments
        .iter()
        .map(|s| segment_label(*s, lang))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Chart {
        title: {
            let span = crate::output::cell_human(&Cell::Span(latest), lang);
            phrase(
                lang,
                "{}: claims paid by program, {}, {}",
                &[&ds.office(office).name, &seg_text, &span],
            )
        },
        panels,
        sources,
        notes,
        dataset: ds.root.clone(),
        lang,
    })
}
