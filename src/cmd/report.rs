//! `coverage report --branch NAME`: one office's whole picture as one long table, each
//! figure with its source. People see it in sections; machines get one table with a stable
//! metric code per row.

use std::io::Write;

use anyhow::Result;

use super::common::{
    against, as_published, as_published_or, between, bound_code, coverage_note, fig_words,
    idr_as_published, if_read, if_targets, joined, line_code, one_reading, periods_cell, programs,
    qualified, rests_on, status_cell, target_note, unmade_cell, with_bound, with_figures, Amount,
    Ctx, RANGE_REMARK,
};
use crate::analysis::{
    self, ClaimRow, CoverageRow, Filter, GrowthItem, GrowthRow, Index, Programs, TargetRow, Unmade,
};
use crate::cli::ReportArgs;
use crate::model::{
    Bound, DataSet, Derivation, Level, Measure, Period, Plan, Program, Segment, Target,
    TargetMeasure, WorkforceMeasure,
};
use crate::output::{col, fig_source, Cell, Table};
use crate::resolve::resolve;
use crate::Outcome;

/// One line of the report.
struct Line<'s> {
    period: String,
    segment: &'s str,
    /// Claims only.
    program: &'s str,
    metric: &'s str,
    label: Cell,
    value: Cell,
    unit: &'s str,
    basis: Cell,
    source: &'s str,
    /// How a derived figure was made; its `source` is then the English of it.
    how: Option<Derivation>,
}

impl Line<'_> {
    fn derived_by(mut self, how: Option<Derivation>) -> Self {
        self.how = how;
        self
    }
}

struct Long<'a> {
    t: Table,
    ds: &'a DataSet,
    office: usize,
    /// A figure is shown as a range, so the table says what a range assumes.
    ranged: bool,
}

impl Long<'_> {
    fn add(&mut self, section: &'static str, l: Line) {
        let raw = l.value.clone();
        let bound = match raw {
            Cell::Empty => Cell::Empty,
            _ => bound_code(Some(Bound::Exact)),
        };
        self.push(section, l, raw, bound, None);
    }

    /// A line whose figure people see with its bound in words (`l.value`), while csv and json
    /// get the figure itself (`raw`) and the bound's code (`none`: no figure, only a range).
    fn add_bounded(&mut self, section: &'static str, l: Line, raw: Cell, bound: Option<Bound>) {
        self.push(section, l, raw, bound_code(bound), None);
    }

    /// [`Long::add_bounded`] for a figure computed from bounds, with the range it lies in,
    /// `(low, high)` (shown in csv and json; people read it in `l.value`).
    fn add_ranged(
        &mut self,
        section: &'static str,
        l: Line,
        (raw, bound): (Cell, Option<Bound>),
        range: Option<(Cell, Cell)>,
    ) {
        // People read a range where the figure has no bound of its own.
        self.ranged |= range.is_some() && bound.is_none();
        self.push(section, l, raw, bound_code(bound), range);
    }

    fn push(
        &mut self,
        section: &'static str,
        l: Line,
        raw: Cell,
        bound: Cell,
        range: Option<(Cell, Cell)>,
    ) {
        let (low, high) = range.unwrap_or((Cell::Empty, Cell::Empty));
        let code = self.ds.offices[self.office].code.clone();
        self.t.push(vec![
            Cell::Term(section),
            Cell::text(code),
            match l.period.as_str() {
                "not given" => Cell::Term("not given"),
                p => Cell::period_str(p),
            },
            Segment::parse(l.segment).map_or_else(|| Cell::text(l.segment), Cell::segment),
            Cell::text(l.program),
            Cell::text(l.metric),
            l.label,
            raw,
            l.value,
            bound,
            low,
            high,
            Cell::text(l.unit),
            l.basis,
            fig_source(l.source, l.how),
        ]);
    }
}

fn published(p: &str) -> Cell {
    if p.is_empty() {
        Cell::Empty
    } else {
        Cell::Phrase(vec![
            Cell::Term("published as"),
            Cell::Text(" \"".into()),
            Cell::quote(p),
            Cell::Text("\"".into()),
        ])
    }
}

/// A basis, and for a figure read one way of two, that it is: `published as "207.010"; if
/// 207.010 is read as its note says`.
fn with_doubt(basis: Cell, f: &analysis::Fig) -> Cell {
    if !f.uncertain {
        return basis;
    }
    let doubt = rests_on(&[f.doubt.as_str()]);
    match basis {
        Cell::Empty => doubt,
        b => Cell::Phrase(vec![b, text("; ".into()), doubt]),
    }
}

fn text(s: String) -> Cell {
    Cell::Text(s)
}

/// `vs 2022: 750,000`, with the figure written in the reader's language.
fn compared(word: &'static str, p: Period, v: Cell) -> Cell {
    Cell::Phrase(vec![
        Cell::Term(word),
        text(" ".into()),
        Cell::Period(p),
        text(": ".into()),
        v,
    ])
}

/// A derived figure's cell for csv and json: the figure, or nothing where its inputs pull
/// both ways and there is none.
fn raw_of(figure: Cell, b: Option<Bound>) -> Cell {
    if b.is_some() {
        figure
    } else {
        Cell::Empty
    }
}

/// A program's code on a line; empty for program `all`, as lines without programs have it.
fn program_code(p: Program) -> &'static str {
    match p {
        Program::All => "",
        _ => p.code(),
    }
}

fn coverage_of(m: WorkforceMeasure) -> &'static str {
    match m {
        WorkforceMeasure::LabourForce => "coverage of labour force workers",
        WorkforceMeasure::Employed => "coverage of employed workers",
        WorkforceMeasure::Formal => "coverage of formal workers",
        WorkforceMeasure::Informal => "coverage of informal workers",
    }
}

pub fn run(ctx: &Ctx, a: &ReportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let office = resolve(&ds, &a.branch)?;
    let f = Filter {
        office: Some(office),
        from: a.year,
        to: a.year,
        monthly: true,
        programs: programs(a.program, Programs::Each),
        ..Filter::default()
    };
    let ix = Index::build(&ds);
    let mut l = Long {
        t: long_table(&ds, office),
        ds: &ds,
        office,
        ranged: false,
    };
    // The same rows the growth, coverage, targets and claims commands print.
    let items = analysis::growth_items(&ix, &f);
    participants(&mut l, &items);
    partial_totals(&mut l, &ix, &items);
    let asked = against(a.against);
    // A sum of active participants not made because its parts pull both ways: its coverage
    // line says why, as the coverage command's row does.
    let unmade: Vec<_> = ix
        .unmade_all()
        .filter(|&((o, pr, s, m, p), _)| {
            o == office
                && m == Measure::Active
                && f.segment_ok(s)
                && f.year_ok(p.year())
                && f.programs.list().contains(&pr)
        })
        .filter_map(|((_, pr, s, _, p), why)| {
            let (den, _) = analysis::program_denominator(pr, s, asked)?;
            Some(((pr, s, p), den, why))
        })
        .collect();
    coverage(&mut l, &ix, &analysis::coverage(&ix, &f, asked), &unmade);
    targets(&mut l, &analysis::targets(&ix, &f));
    claims(&mut l, &analysis::claims(&ds, &f).0);
    stated(&mut l, &f);
    let mut t = l.t;
    if l.ranged {
        t.remarks.push(Cell::Term(RANGE_REMARK));
    }
    if ix.programs.any() {
        // Figures of several programs would read alike without it.
        let program = t.columns.iter().position(|c| c.name == "program");
        t.machine_only.retain(|&i| Some(i) != program);
    }
    if t.rows.is_empty() {
        let mut with: Vec<usize> = ix.series_of(None).iter().map(|&(o, _, _)| o).collect();
        with.dedup();
        let none = Cell::Template(
            "no figures for {} in the data set",
            vec![Cell::text(&ds.offices[office].code)],
        );
        t.remarks.push(with_figures(&ds, none, &with));
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}

/// The long table's columns and its heading: the office, its level, its parent, the data set.
fn long_table(ds: &DataSet, office: usize) -> Table {
    let mut t = Table::new(vec![
        col("section", "Section"),
        col("office", "Office"),
        col("period", "Period"),
        col("segment", "Segment"),
        col("program", "Program"),
        col("metric", "Metric"),
        col("label", "Figure"),
        col("value", "Value"),
        col("shown", "Value"),
        col("bound", "Bound"),
        col("low", "Low"),
        col("high", "High"),
        col("unit", "Unit"),
        col("basis", "Basis"),
        col("source", "Source"),
    ]);
    t.group = Some(0);
    for hidden in [
        "office", "program", "metric", "value", "bound", "low", "high", "unit",
    ] {
        t.hide(hidden);
    }
    t.human("shown");
    let o = &ds.offices[office];
    let mut heading = vec![text(format!("{}: ", o.name)), Cell::Term(o.level.code())];
    if let Some(p) = o.parent {
        heading.push(text(" ".into()));
        heading.push(Cell::Term(if ds.offices[p].level == Level::Region {
            "region\u{4}under"
        } else {
            "under"
        }));
        heading.push(text(format!(" {}", ds.offices[p].name)));
    }
    heading.push(text("; ".into()));
    heading.push(Cell::Term("data set"));
    heading.push(text(": ".into()));
    heading.push(match ds.root.as_str() {
        "embedded" => Cell::Term("embedded"),
        root => Cell::text(root),
    });
    t.heading = Some(Cell::Phrase(heading));
    t
}

/// The unit of a participant measure's figures.
fn unit_of(m: Measure) -> &'static str {
    if m.code().starts_with("employers") {
        "employers"
    } else {
        "persons"
    }
}

/// A participant measure's label, with the months a flow covers.
fn measure_label(m: Measure, p: Period) -> Cell {
    if m.is_flow() {
        Cell::Phrase(vec![
            Cell::Term(m.label()),
            text(" (".into()),
            Cell::Span(p),
            text(")".into()),
        ])
    } else {
        Cell::Term(m.label())
    }
}

/// Participant figures with their change on a year earlier and compound growth; a sum not
/// made (its parts pull both ways, or pass the 64-bit limit) has no value, and its basis says
/// why, in every format.
fn participants(l: &mut Long, items: &[GrowthItem]) {
    const P: &str = "Participants";
    for item in items {
        let r = match item {
            GrowthItem::Row(r) => r,
            GrowthItem::Unmade(u) => {
                let source = u.why.how.english();
                let line = Line {
                    period: u.period.to_string(),
                    segment: u.segment.code(),
                    program: program_code(u.program),
                    metric: u.measure.code(),
                    label: measure_label(u.measure, u.period),
                    value: Cell::Empty,
                    unit: unit_of(u.measure),
                    basis: unmade_cell(l.ds, &u.why),
                    source: &source,
                    how: Some(u.why.how),
                };
                l.add_bounded(P, line, Cell::Empty, None);
                continue;
            }
        };
        participant_lines(l, r);
    }
}

/// Where some segments have a figure but `all` has none, their sum is at least the total:
/// Bali Denpasar's active PU 424,997 + BPU 116,573 = at least 541,570 at August 2023, with JAKON
/// and PMI named as not given.
fn partial_totals(l: &mut Long, ix: &Index, items: &[GrowthItem]) {
    const P: &str = "Participants";
    let mut keys: Vec<(Measure, Period)> = items
        .iter()
        .filter_map(|i| match i {
            GrowthItem::Row(r) if r.program == Program::All && r.segment != Segment::All => {
                Some((r.measure, r.period))
            }
            _ => None,
        })
        .collect();
    keys.sort();
    keys.dedup();
    let o = l.office;
    for (m, p) in keys {
        if ix.participant(o, p, Segment::All, m).is_some()
            || ix.unmade(o, p, Segment::All, m).is_some()
        {
            continue;
        }
        let codes = |v: &[Segment], sep: &str| {
            let c: Vec<String> = v.iter().map(|s| s.code().to_uppercase()).collect();
            Cell::text(c.join(sep))
        };
        // The line of the sum: its figure (or none) and what it rests on.
        let line = |value: Cell, basis: Cell| Line {
            period: p.to_string(),
            segment: Segment::All.code(),
            program: "",
            metric: "partial_sum",
            label: measure_label(m, p),
            value,
            unit: unit_of(m),
            basis,
            source: "",
            how: None,
        };
        let Some(pb) = analysis::partial_base(ix, o, p, m) else {
            // A part that is at most or about what it shows leaves the sum no lower bound of
            // the total: the line says so rather than vanish.
            let parts: Vec<(Segment, analysis::Fig)> = Segment::PARTS
                .iter()
                .filter_map(|&s| ix.participant(o, p, s, m).map(|f| (s, f)))
                .collect();
            let loose = parts
                .iter()
                .filter(|(_, f)| !matches!(f.bound(), Bound::Exact | Bound::AtLeast))
                .map(|(s, f)| {
                    let name = text(s.code().to_uppercase());
                    Cell::Phrase(vec![name, text(" ".into()), fig_words(f)])
                });
            let known: Vec<Segment> = parts.iter().map(|(s, _)| *s).collect();
            let missing: Vec<Segment> = Segment::PARTS
                .iter()
                .copied()
                .filter(|s| !known.contains(s))
                .collect();
            let Some(loose) = joined(loose) else {
                continue;
            };
            if known.len() < 2 || missing.is_empty() {
                continue;
            }
            let basis = Cell::Template(
                "no lower bound of the total: {} given, but {} is not a lower bound; not given: {}",
                vec![codes(&known, ", "), loose, codes(&missing, ", ")],
            );
            l.add_bounded(P, line(Cell::Empty, basis), Cell::Empty, None);
            continue;
        };
        // One segment alone is its own figure, already listed.
        if pb.known.len() < 2 || pb.missing.is_empty() {
            continue;
        }
        let mut basis = Cell::Template(
            "sum of {} as given, at least the total; not given: {}",
            vec![codes(&pb.known, " + "), codes(&pb.missing, ", ")],
        );
        if pb.uncertain {
            basis = Cell::Template(
                "{}, if the known figures are read as their notes say",
                vec![basis],
            );
        }
        let value = with_bound(Cell::Int(pb.sum), Some(Bound::AtLeast));
        l.add_bounded(
            P,
            line(value, basis),
            Cell::Int(pb.sum),
            Some(Bound::AtLeast),
        );
    }
}

/// The lines of one growth row: the figure, its change and compound growth.
fn participant_lines(l: &mut Long, r: &GrowthRow) {
    const P: &str = "Participants";
    {
        let unit = unit_of(r.measure);
        let label = measure_label(r.measure, r.period);
        let period = r.period.to_string();
        let segment = r.segment.code();
        l.add_bounded(
            P,
            Line {
                period: period.clone(),
                segment,
                program: program_code(r.program),
                metric: r.measure.code(),
                label,
                value: fig_words(&r.value),
                unit,
                basis: with_doubt(published(&r.value.published), &r.value),
                source: &r.value.source,
                how: r.value.how,
            },
            Cell::Int(r.value.value),
            Some(r.value.bound()),
        );
        let cb = r.change_bound();
        if let (Some((bp, b)), Some(c)) = (&r.base, r.change) {
            let basis = compared("vs", *bp, fig_words(b));
            l.add_bounded(
                P,
                Line {
                    period: period.clone(),
                    segment,
                    program: program_code(r.program),
                    metric: "change",
                    label: Cell::Phrase(vec![
                        Cell::Term("change in"),
                        text(" ".into()),
                        Cell::Term(r.measure.label()),
                    ]),
                    value: with_bound(Cell::Delta(c.abs), cb),
                    unit,
                    basis: basis.clone(),
                    source: &b.source,
                    how: b.how,
                },
                raw_of(Cell::Delta(c.abs), cb),
                cb,
            );
            if let Some(pct) = c.pct {
                l.add_bounded(
                    P,
                    Line {
                        period: period.clone(),
                        segment,
                        program: program_code(r.program),
                        metric: "change_pct",
                        label: Cell::Phrase(vec![
                            Cell::Term("change in"),
                            text(" ".into()),
                            Cell::Term(r.measure.label()),
                            text(" %".into()),
                        ]),
                        value: with_bound(Cell::PctDelta(pct), cb),
                        unit: "percent",
                        basis,
                        source: &b.source,
                        how: b.how,
                    },
                    raw_of(Cell::PctDelta(pct), cb),
                    cb,
                );
            }
        }
        if let Some((since, g)) = r.cagr {
            let gb = r.cagr_bound();
            l.add_bounded(
                P,
                Line {
                    period,
                    segment,
                    program: program_code(r.program),
                    metric: "cagr_pct",
                    label: Cell::Term("compound growth per year"),
                    value: with_bound(Cell::PctDelta(g), gb),
                    unit: "percent",
                    basis: Cell::Phrase(vec![Cell::Term("since"), text(format!(" {since}"))]),
                    source: "",
                    how: None,
                },
                raw_of(Cell::PctDelta(g), gb),
                gb,
            );
        }
    }
}

/// A sum not made, where a coverage line would be: (program, segment, period), the workforce
/// it would be held against, and why.
type UnmadeLine<'a> = ((Program, Segment, Period), WorkforceMeasure, &'a Unmade);

/// Coverage with the figures it divides.
fn coverage(l: &mut Long, ix: &Index, rows: &[CoverageRow], unmade: &[UnmadeLine]) {
    const C: &str = "Coverage";
    // Each sum not made in its place among the rows, by program (`all` first), segment and
    // period.
    let key = |(pr, s, p): (Program, Segment, Period)| (pr != Program::All, pr, s, p);
    let mut pending: Vec<&UnmadeLine> = unmade.iter().collect();
    pending.sort_by_key(|u| key(u.0));
    let mut pending = pending.into_iter().peekable();
    let put = |l: &mut Long, u: &UnmadeLine| {
        let ((pr, s, p), den, why) = *u;
        l.add(
            C,
            Line {
                period: p.to_string(),
                segment: s.code(),
                program: program_code(pr),
                metric: "coverage_pct",
                label: Cell::Term(coverage_of(den)),
                value: Cell::Empty,
                unit: "percent",
                basis: unmade_cell(ix.ds, why),
                source: "",
                how: None,
            },
        );
    };
    for r in rows {
        while let Some(u) = pending.next_if(|u| key(u.0) < key((r.program, r.segment, r.period))) {
            put(l, u);
        }
        let basis = match &r.workforce {
            Some((q, w)) => {
                let mut p = vec![
                    fig_words(&r.participants),
                    text(" / ".into()),
                    fig_words(w),
                    text(" ".into()),
                    Cell::Term(analysis::workers(r.denominator)),
                    text(" (".into()),
                    Cell::Term("survey"),
                    text(" ".into()),
                    Cell::Period(*q),
                    text(")".into()),
                ];
                // A later survey is said plainly, and one survey serving several years too.
                if r.survey_after {
                    p.push(text("; ".into()));
                    p.push(Cell::Term("resting on a survey taken after the figure"));
                } else if r.periods_differ {
                    p.push(text("; ".into()));
                    p.push(Cell::Term("dates differ"));
                }
                if !r.survey_shared_with.is_empty() {
                    p.push(text("; ".into()));
                    p.push(Cell::Template(
                        "the same survey serves {}, so the ratio moves with participants alone",
                        vec![periods_cell(&r.survey_shared_with)],
                    ));
                }
                if let Some(d) = r.definition {
                    p.push(text("; ".into()));
                    p.push(Cell::Term(d));
                }
                // The rows read one way of two the ratio rests on.
                let doubts: Vec<&str> = [&r.participants, w]
                    .into_iter()
                    .filter(|f| f.uncertain)
                    .map(|f| f.doubt.as_str())
                    .collect();
                if !doubts.is_empty() {
                    p.push(text("; ".into()));
                    p.push(rests_on(&doubts));
                }
                Cell::Phrase(p)
            }
            None => coverage_note(ix, r),
        };
        let source = r.workforce.as_ref().map_or("", |(_, w)| w.source.as_str());
        let how = r.workforce.as_ref().and_then(|(_, w)| w.how);
        let b = r.bound();
        let line = Line {
            period: r.period.to_string(),
            segment: r.segment.code(),
            program: program_code(r.program),
            metric: "coverage_pct",
            label: Cell::Term(coverage_of(r.denominator)),
            value: Cell::opt(r.pct, |p| with_bound(Cell::Pct(p), b)),
            unit: "percent",
            basis,
            source,
            how,
        };
        match r.pct {
            // The ratio with its bound: people see it in words, csv and json get its code.
            Some(p) => l.add_bounded(C, line, raw_of(Cell::Pct(p), b), b),
            None => l.add(C, line),
        }
    }
    for u in pending {
        put(l, u);
    }
}

/// Each target: the distance to it, the pace so far and the pace needed.
fn targets(l: &mut Long, rows: &[TargetRow]) {
    for r in rows {
        target_goal(l, r);
        target_pace(l, r);
    }
}

const T: &str = "Targets";

/// A target line's period, segment and program: the target's year and segment.
fn target_line<'s>(
    r: &TargetRow<'s>,
) -> impl Fn(&'s str, Cell, Cell, &'s str, Cell, &'s str) -> Line<'s> {
    let year = r.target.year.to_string();
    let segment = r.target.segment.code();
    move |metric, label, value, unit, basis, source| Line {
        period: year.clone(),
        segment,
        program: "",
        metric,
        label,
        value,
        unit,
        basis,
        source,
        how: None,
    }
}

/// How a gap or an achievement is made, with the rows read one way of two it rests on: "actual
/// / target, if 35,93 juta is the 2022 roadmap target".
fn comparison(r: &TargetRow, how: &'static str) -> Cell {
    let target = r.target.prov.uncertain.then_some(r.target);
    let others: Vec<&str> = r
        .actual
        .iter()
        .filter(|(_, a)| a.uncertain)
        .map(|(_, a)| a.doubt.as_str())
        .collect();
    if_read(Cell::Term(how), target, &others)
}

/// The target, the actual figure, the gap and the change needed.
fn target_goal(l: &mut Long, r: &TargetRow) {
    let tg = r.target;
    let amount = Amount::of(tg.measure);
    let num = |v| amount.num(v);
    let delta = |v| amount.delta(v);
    let unit = amount.unit();
    let what = match tg.measure {
        TargetMeasure::Active => "active participants",
        TargetMeasure::New => "new participants",
        TargetMeasure::FundsIdr => "funds under management",
    };
    let line = target_line(r);
    let money = unit == "idr";
    let bd = r.bounds;
    l.add_bounded(
        T,
        line(
            "target",
            Cell::Phrase(vec![
                Cell::Term("target"),
                text(": ".into()),
                Cell::Term(what),
                text(" (".into()),
                Cell::Term(match tg.plan {
                    Plan::Annual => "annual plan",
                    Plan::Roadmap => "roadmap plan",
                }),
                text(")".into()),
            ]),
            Cell::opt(tg.value, |v| as_published(v as f64, &tg.prov, money)),
            unit,
            match one_reading(tg) {
                Some(doubt) => Cell::Phrase(vec![
                    published(&tg.prov.published),
                    text("; ".into()),
                    doubt,
                ]),
                None => published(&tg.prov.published),
            },
            &tg.prov.source,
        ),
        Cell::opt(tg.value, num),
        Some(bd.target),
    );
    if let Some((p, a)) = &r.actual {
        l.add_bounded(
            T,
            line(
                "actual",
                Cell::Term("actual"),
                as_published(a.value as f64, &a.prov(), money),
                unit,
                Cell::Phrase(vec![Cell::Term("at"), text(" ".into()), Cell::Period(*p)]),
                &a.source,
            )
            .derived_by(a.how),
            num(a.value),
            Some(a.bound()),
        );
    }
    if let Some(g) = r.gap {
        l.add_bounded(
            T,
            line(
                "gap",
                Cell::Term("gap to target"),
                with_bound(delta(g.gap), bd.gap),
                unit,
                comparison(r, "target − actual"),
                "",
            ),
            delta(g.gap),
            bd.gap,
        );
        if let Some(p) = g.achieved_pct {
            l.add_bounded(
                T,
                line(
                    "achieved_pct",
                    Cell::Term("achieved"),
                    with_bound(Cell::Pct(p), bd.achieved),
                    "percent",
                    comparison(r, "actual / target"),
                    "",
                ),
                Cell::Pct(p),
                bd.achieved,
            );
        }
    }
    target_path(l, r);
    if let (Some((bp, b)), Some(c)) = (&r.base, r.required) {
        let basis = compared("from", *bp, fig_words(b));
        l.add_bounded(
            T,
            line(
                "required_change",
                Cell::Term("change needed"),
                with_bound(delta(c.abs), bd.required),
                unit,
                basis.clone(),
                &b.source,
            )
            .derived_by(b.how),
            delta(c.abs),
            bd.required,
        );
        if let Some(p) = c.pct {
            l.add_bounded(
                T,
                line(
                    "required_change_pct",
                    Cell::Term("change needed %"),
                    with_bound(Cell::PctDelta(p), bd.required),
                    "percent",
                    basis,
                    &b.source,
                )
                .derived_by(b.how),
                Cell::PctDelta(p),
                bd.required,
            );
        }
    }
}

/// An annual target against the roadmap's for the same year, and the change from the same
/// plan's target a year earlier, each saying so when a target it rests on is read one way of two.
fn target_path(l: &mut Long, r: &TargetRow) {
    let tg = r.target;
    let amount = Amount::of(tg.measure);
    let unit = amount.unit();
    let line = target_line(r);
    let from = |word: &'static str, t: &Target| {
        Cell::Phrase(vec![
            Cell::Term(word),
            text(" ".into()),
            Cell::Plain(i64::from(t.year)),
            text(": ".into()),
            Cell::opt(t.value, |v| amount.num(v)),
        ])
    };
    if let (Some(v), Some(road)) = (r.vs_roadmap, r.roadmap) {
        let (basis, _) = if_targets(from("roadmap", road), &[road, tg]);
        l.add_bounded(
            T,
            line(
                "vs_roadmap",
                Cell::Term("annual target against the roadmap"),
                with_bound(amount.delta(v), r.bounds.vs_roadmap),
                unit,
                basis,
                &road.prov.source,
            ),
            amount.delta(v),
            r.bounds.vs_roadmap,
        );
    }
    let Some(step) = &r.path else { return };
    let (basis, _) = if_targets(from("from", step.before), &[step.before, tg]);
    let b = r.bounds.path;
    l.add_bounded(
        T,
        line(
            "plan_change",
            Cell::Term("change from the plan a year earlier"),
            with_bound(amount.delta(step.change.abs), b),
            unit,
            basis.clone(),
            &step.before.prov.source,
        ),
        amount.delta(step.change.abs),
        b,
    );
    if let Some(p) = step.change.pct {
        l.add_bounded(
            T,
            line(
                "plan_change_pct",
                Cell::Term("growth of the plan from a year earlier"),
                with_bound(Cell::PctDelta(p), b),
                "percent",
                basis,
                &step.before.prov.source,
            ),
            Cell::PctDelta(p),
            b,
        );
    }
}

/// The pace so far and needed, the projection, the month reached, the status and the note.
fn target_pace(l: &mut Long, r: &TargetRow) {
    let tg = r.target;
    let unit = Amount::of(tg.measure).unit();
    let line = target_line(r);
    if let Some(n) = r.avg_needed_per_month {
        l.add_bounded(
            T,
            line(
                "avg_needed_per_month",
                Cell::Term("needed per month on average"),
                with_bound(Cell::Float(n), r.bounds.required),
                unit,
                Cell::Term("change needed / 12 months"),
                "",
            ),
            Cell::Float(n),
            r.bounds.required,
        );
    }
    if let Some(p) = r.pace {
        l.add(
            T,
            line(
                "pace_per_month",
                Cell::Term("pace so far per month"),
                Cell::Float(p.so_far),
                unit,
                Cell::Empty,
                "",
            ),
        );
        if let Some(n) = p.needed {
            l.add_bounded(
                T,
                line(
                    "needed_per_month",
                    Cell::Term("pace needed per month"),
                    with_bound(Cell::Float(n), r.bounds.gap),
                    unit,
                    Cell::Empty,
                    "",
                ),
                Cell::Float(n),
                r.bounds.gap,
            );
        }
        let verdict = if p.on_track {
            "on track"
        } else {
            "short of target"
        };
        l.add(
            T,
            line(
                "projected",
                Cell::Term("projected year end"),
                Cell::Float(p.projected),
                unit,
                Cell::Term(verdict),
                "",
            ),
        );
    }
    if let Some(m) = r.reach_month {
        l.add(
            T,
            line(
                "reach_month",
                Cell::Term("month the target is reached at this pace"),
                Cell::Month(tg.year, m),
                "month",
                Cell::Empty,
                "",
            ),
        );
    }
    l.add(
        T,
        line(
            "status",
            Cell::Term("status"),
            status_cell(r).0,
            "",
            Cell::Empty,
            "",
        ),
    );
    if r.note_parts.is_some() || r.partial_base.is_some() || r.unmade.is_some() {
        let note = target_note(l.ds, r);
        l.add(
            T,
            line("note", Cell::Term("note"), Cell::Empty, "", note, ""),
        );
    }
}

/// Claims per program: cases, amount, shares and amount per case.
fn claims(l: &mut Long, rows: &[ClaimRow]) {
    const K: &str = "Claims";
    for r in rows {
        let prog = line_code(r.line);
        let paid = Cell::Phrase(vec![
            Cell::Term("paid"),
            text(" ".into()),
            Cell::Span(r.period),
        ]);
        // Every figure of the line rests on the rows read one way of two it names.
        let doubts: Vec<&str> = r.doubts.iter().map(String::as_str).collect();
        let line = |metric, label: Cell, value, unit, basis: Cell, source| Line {
            period: r.period.to_string(),
            segment: r.segment.code(),
            program: prog,
            metric,
            label,
            value,
            unit,
            basis: match (doubts.is_empty(), basis) {
                (true, b) => b,
                (false, Cell::Empty) => rests_on(&doubts),
                (false, b) => Cell::Phrase(vec![b, text("; ".into()), rests_on(&doubts)]),
            },
            source,
            how: None,
        };
        let name = match r.line {
            analysis::ClaimLine::Program(p) => text(p.code().to_uppercase()),
            analysis::ClaimLine::Other => Cell::Term("other programs"),
            analysis::ClaimLine::Total => Cell::Term("all programs"),
        };
        // "JHT: cases", "other programs: share of amount", ...
        let label = |what: &'static str| {
            Cell::Phrase(vec![name.clone(), text(": ".into()), Cell::Term(what)])
        };
        if let Some(c) = r.cases {
            l.add(
                K,
                line(
                    "cases",
                    label("cases"),
                    Cell::Int(c),
                    "cases",
                    paid.clone(),
                    &r.source,
                )
                .derived_by(r.how),
            );
        }
        let amount = match (r.amount, r.amount_bound) {
            (Some(a), Some(b)) => Some(qualified(b, idr_as_published(a, &r.published), false)),
            _ => r.amount_range.map(|(lo, hi)| {
                between(Cell::Idr(lo.round() as i64), Cell::Idr(hi.round() as i64))
            }),
        };
        if let Some(a) = amount {
            let basis = match published(&r.published) {
                Cell::Empty => paid.clone(),
                p => Cell::Phrase(vec![paid.clone(), text("; ".into()), p]),
            };
            let l1 =
                line("amount_idr", label("amount"), a, "idr", basis, &r.source).derived_by(r.how);
            let raw = r.amount.filter(|_| r.amount_bound.is_some());
            let range = r
                .amount_range
                .map(|(lo, hi)| (Cell::Idr(lo.round() as i64), Cell::Idr(hi.round() as i64)));
            l.add_ranged(K, l1, (Cell::opt(raw, Cell::Idr), r.amount_bound), range);
        }
        if r.line != analysis::ClaimLine::Total {
            let share_amount = match (r.share_amount, r.share_amount_bound) {
                (Some(s), Some(b)) => Some(qualified(b, Cell::Pct(s), true)),
                _ => r
                    .share_amount_range
                    .map(|(lo, hi)| between(Cell::Pct(lo), Cell::Pct(hi))),
            };
            let shares = [
                (
                    "share_cases_pct",
                    "share of cases",
                    r.share_cases.map(Cell::Pct),
                    r.share_cases,
                    Some(Bound::Exact),
                    None,
                ),
                (
                    "share_amount_pct",
                    "share of amount",
                    share_amount,
                    r.share_amount,
                    r.share_amount_bound,
                    r.share_amount_range,
                ),
            ];
            for (metric, what, share, raw, bound, range) in shares {
                if let Some(s) = share {
                    let basis = Cell::Term("of all programs");
                    let l1 = line(metric, label(what), s, "percent", basis, "");
                    let raw = raw.filter(|_| bound.is_some());
                    let range = range.map(|(lo, hi)| (Cell::Pct(lo), Cell::Pct(hi)));
                    l.add_ranged(K, l1, (Cell::opt(raw, Cell::Pct), bound), range);
                }
            }
        }
        let per_case = match (r.per_case, r.per_case_bound) {
            (Some(p), Some(b)) => Some(qualified(b, Cell::IdrF(p), false)),
            _ => r
                .per_case_range
                .map(|(lo, hi)| between(Cell::IdrF(lo), Cell::IdrF(hi))),
        };
        if let Some(p) = per_case {
            let basis = Cell::Term("amount / cases");
            let l1 = line(
                "idr_per_case",
                label("amount per case"),
                p,
                "idr",
                basis,
                "",
            );
            let raw = r.per_case.filter(|_| r.per_case_bound.is_some());
            let range = r
                .per_case_range
                .map(|(lo, hi)| (Cell::IdrF(lo), Cell::IdrF(hi)));
            l.add_ranged(K, l1, (Cell::opt(raw, Cell::IdrF), r.per_case_bound), range);
        }
    }
}

/// Figures the source states itself, as given.
fn stated(l: &mut Long, f: &Filter) {
    const S: &str = "Stated by the source";
    let ds = l.ds;
    let office = l.office;
    let mut stated: Vec<_> = ds
        .stated
        .iter()
        .filter(|s| s.office == office && s.period.is_none_or(|p| f.year_ok(p.year())))
        .collect();
    stated.sort_by_key(|s| (s.period, s.metric, s.segment));
    for s in stated {
        let pct = analysis::is_percent(s.metric);
        let value = if pct {
            Cell::PctStated(s.value)
        } else if s.value.fract() == 0.0 && s.value.abs() < 9e15 {
            Cell::Int(s.value as i64)
        } else {
            Cell::Float(s.value)
        };
        let b = analysis::bound::of(&s.prov);
        // To the digits of its published text (`50.20%`, `just under 2.9 million`); a text
        // that gives no readable figure leaves the figure, with its bound in words.
        let shown = match analysis::published::parse(&s.prov.published) {
            Ok(_) => as_published_or(s.value, &s.prov, false, value.clone()),
            Err(_) => qualified(b, value.clone(), pct),
        };
        l.add_bounded(
            S,
            Line {
                period: s
                    .period
                    .map_or_else(|| "not given".into(), |p| p.to_string()),
                segment: s.segment.code(),
                program: "",
                metric: s.metric.code(),
                label: Cell::Term(s.metric.label()),
                value: shown,
                unit: if pct { "percent" } else { "persons" },
                basis: match published(&s.prov.published) {
                    // A figure read one way of two says so, as a participant figure does.
                    p if s.prov.uncertain => Cell::Phrase(vec![
                        p,
                        text("; ".into()),
                        rests_on(&[s.prov.published.as_str()]),
                    ]),
                    p => p,
                },
                source: &s.prov.source,
                how: None,
            },
            value,
            Some(b),
        );
    }
}
