//! Charts as SVG, sized and lettered for a 16:9 slide.
//!
//! Text stays `<text>` elements (plotters' SVG backend without a font feature), so drawing
//! needs no font on this machine and the viewer's sans-serif renders it.

use std::borrow::Cow;

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{Bar, Body, Chart, Panel, Point, Series, TargetMark, Unit};
use super::human::{cell_human, fixed, group, idr, idr_unit};
use super::lang::{fill, month_name, Lang};
use super::{visible, Cell};
use crate::model::{Period, Segment};

pub const WIDTH: u32 = 1280;
pub const HEIGHT: u32 = 720;

const FAMILY: &str = "Arial, Helvetica, sans-serif";
const INK: RGBColor = RGBColor(34, 34, 34);
const MUTED: RGBColor = RGBColor(96, 96, 96);
const GRID: RGBColor = RGBColor(226, 226, 226);
const AXIS: RGBColor = RGBColor(140, 140, 140);
const TARGET: RGBColor = RGBColor(200, 30, 45);
const OTHER: RGBColor = RGBColor(170, 170, 170);

/// One colour per segment, the same in every chart (colour-blind safe, Okabe-Ito).
fn colour(s: Segment) -> RGBColor {
    match s {
        Segment::Pu => RGBColor(0, 114, 178),
        Segment::Bpu => RGBColor(230, 159, 0),
        Segment::Jakon => RGBColor(0, 158, 115),
        Segment::Pmi => RGBColor(204, 121, 167),
        Segment::All => RGBColor(60, 60, 60),
    }
}

/// plotters writes `font-size` as the size given divided by 1.24; this gives pixels.
fn font(px: f64) -> FontDesc<'static> {
    (FAMILY, px * 1.24).into_font()
}

fn style(px: f64, c: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).color(&c).pos(Pos::new(h, v))
}

/// Rough width of a text in pixels: sans-serif averages about 0.56 em per character.
fn text_width(s: &str, px: f64) -> f64 {
    s.chars().count() as f64 * px * 0.56
}

fn value_label(u: Unit, v: f64, lang: Lang) -> String {
    match u {
        Unit::Persons | Unit::Cases => group(v.round() as i64, lang),
        Unit::Percent => format!("{}%", fixed(v, 1, lang)),
        Unit::Idr => idr(v, lang),
    }
}

/// Axis ticks: round values, so no decimals unless they are needed.
fn axis_label(u: Unit, v: f64, lang: Lang) -> String {
    match u {
        Unit::Persons | Unit::Cases => group(v.round() as i64, lang),
        Unit::Percent => format!("{}%", fixed(v, 0, lang)),
        Unit::Idr => {
            let Some((div, unit)) = idr_unit(v, lang) else {
                return format!("Rp{}", group(v.round() as i64, lang));
            };
            let x = v / div;
            let dp = if (x - x.round()).abs() < 1e-9 { 0 } else { 1 };
            format!("Rp{}{unit}", fixed(x, dp, lang))
        }
    }
}

/// Months since year 0, a whole year sitting at its December.
fn x_of(p: Period) -> f64 {
    f64::from(p.year() * 12) + f64::from(p.months()) - 1.0
}

fn period_label(p: Period, lang: Lang) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::Month(y, m) => format!("{} {y}", month_name(lang, m)),
    }
}

/// Greedy word wrap at `max` characters.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A text waiting for a place where it overlaps no other.
struct Label {
    text: String,
    x: i32,
    y: i32,
    h: HPos,
    colour: RGBColor,
    bold: bool,
    /// How far down the label moves to sit under its marker instead of over it.
    flip: i32,
    /// The marker a displaced label is tied back to by a thin line.
    marker: Option<(i32, i32)>,
    /// Placed in this order (lowest first); a label above 0 is dropped when there is no room
    /// for it near its marker, rather than drawn over another.
    rank: u8,
}

const LABEL_PX: f64 = 16.0;

type Rect = (f64, f64, f64, f64);

/// The box a marker of half-size `r` covers around a pixel, so labels keep off it.
fn marker_box((x, y): (i32, i32), r: i32) -> Rect {
    (
        f64::from(x - r),
        f64::from(x + r),
        f64::from(y - r),
        f64::from(y + r),
    )
}

/// Small boxes along a line from `a` to `b`, so labels keep off lines as well as markers.
fn line_boxes(a: (i32, i32), b: (i32, i32)) -> Vec<Rect> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let n = ((dx * dx + dy * dy).sqrt() / 5.0).ceil().max(1.0) as i32;
    (0..=n)
        .map(|i| {
            let t = f64::from(i) / f64::from(n);
            let (x, y) = (f64::from(a.0) + dx * t, f64::from(a.1) + dy * t);
            (x - 2.0, x + 2.0, y - 2.0, y + 2.0)
        })
        .collect()
}

impl Label {
    fn rect(&self, dy: i32) -> Rect {
        // Bold sans-serif runs about a tenth wider than regular.
        let w = text_width(&self.text, LABEL_PX) * if self.bold { 1.1 } else { 1.0 };
        let x0 = match self.h {
            HPos::Left => f64::from(self.x),
            HPos::Center => f64::from(self.x) - w / 2.0,
            HPos::Right => f64::from(self.x) - w,
        };
        let y1 = f64::from(self.y + dy);
        (x0, x0 + w, y1 - LABEL_PX * 1.15, y1)
    }
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3
}

/// Places labels in order, nudging each up or down until it is clear of those placed before.
fn place_and_draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    labels: Vec<Label>,
    obstacles: Vec<Rect>,
    bounds: Rect,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let step = (LABEL_PX * 1.2) as i32;
    let mut placed = obstacles;
    let mut labels = labels;
    labels.sort_by_key(|l| l.rank);
    let inside = |r: Rect| r.0 >= bounds.0 && r.1 <= bounds.1 && r.2 >= bounds.2 && r.3 <= bounds.3;
    for mut l in labels {
        // A label running past the plot's side slides back in; its leader line shows whose it is.
        let r0 = l.rect(0);
        let shift = ((bounds.0 - r0.0).max(0.0).ceil() - (r0.1 - bounds.1).max(0.0).ceil()) as i32;
        l.x += shift;
        let reach = if l.rank > 1 { 2 } else { 7 };
        let candidates: Vec<i32> = (0..reach)
            .flat_map(|k| [-k * step, l.flip + k * step])
            .collect();
        let free = candidates
            .iter()
            .copied()
            .find(|&dy| inside(l.rect(dy)) && placed.iter().all(|&p| !overlap(p, l.rect(dy))));
        let dy = match free {
            Some(dy) => dy,
            None if l.rank > 1 => continue,
            None => candidates
                .iter()
                .copied()
                .find(|&dy| inside(l.rect(dy)))
                .unwrap_or(0),
        };
        let r = l.rect(dy);
        placed.push(r);
        if let (Some((mx, my)), true) = (l.marker, dy != 0 || shift != 0) {
            let end_x = if f64::from(mx) < r.0 { r.0 } else { r.1 };
            let end_y = (r.2 + r.3) / 2.0;
            // From the marker's edge, not its centre, so the marker stays clean.
            let (dx, dy) = (end_x - f64::from(mx), end_y - f64::from(my));
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let start = (mx + (12.0 * dx / len) as i32, my + (12.0 * dy / len) as i32);
            root.draw(&PathElement::new(
                vec![start, (end_x as i32, end_y as i32)],
                l.colour.mix(0.6).stroke_width(1),
            ))
            .map_err(cannot_draw)?;
        }
        let mut f = font(LABEL_PX);
        if l.bold {
            f = f.style(FontStyle::Bold);
        }
        let st = f.color(&l.colour).pos(Pos::new(l.h, VPos::Bottom));
        root.draw(&Text::new(l.text, (l.x, l.y + dy), st))
            .map_err(cannot_draw)?;
    }
    Ok(())
}

/// Draws the chart as an SVG document.
pub fn render(chart: &Chart) -> Result<String> {
    let chart = shown(chart);
    let mut buf = String::new();
    draw(&chart, &mut buf).map_err(cannot_draw)?;
    Ok(buf)
}

/// The chart with every word fit for XML: a control character (from a name, a source, a
/// note) is not allowed in an XML document even escaped, so it is written visibly instead.
fn shown(chart: &Chart) -> Chart {
    let v = |s: &mut String| {
        if let Cow::Owned(o) = visible(s, false) {
            *s = o;
        }
    };
    let mut c = chart.clone();
    v(&mut c.title);
    v(&mut c.dataset);
    c.sources.iter_mut().for_each(v);
    c.notes.iter_mut().for_each(v);
    for p in &mut c.panels {
        v(&mut p.title);
        match &mut p.body {
            Body::Time {
                series, targets, ..
            } => {
                series.iter_mut().for_each(|s| v(&mut s.label));
                targets.iter_mut().for_each(|t| v(&mut t.label));
            }
            Body::Bars { bars, .. } => bars.iter_mut().for_each(|b| v(&mut b.label)),
        }
    }
    c
}

type DrawResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn draw(chart: &Chart, buf: &mut String) -> DrawResult {
    let lang = chart.lang;
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let margin = 36;

    // Header: title, then where the figures come from.
    let mut y = 22;
    // A long office name shrinks the title rather than running off the slide.
    let room = f64::from(WIDTH) - 2.0 * f64::from(margin);
    let title_px = (room / (chart.title.chars().count() as f64 * 0.62)).clamp(18.0, 28.0);
    root.draw(&Text::new(
        chart.title.clone(),
        (margin, y),
        font(title_px)
            .style(FontStyle::Bold)
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    y += 42;
    let src_px = 15.0;
    let per_line = ((f64::from(WIDTH) - 2.0 * f64::from(margin)) / (src_px * 0.56)) as usize;
    let sources = if chart.sources.is_empty() {
        match lang {
            Lang::En => format!("Data set: {}", chart.dataset),
            Lang::Id => format!("Data: {}", chart.dataset),
        }
    } else {
        let word = match (lang, chart.sources.len()) {
            (Lang::En, 1) => "Source",
            (Lang::En, _) => "Sources",
            (Lang::Id, _) => "Sumber",
        };
        format!("{word}: {}", chart.sources.join("; "))
    };
    let mut lines = wrap(&sources, per_line);
    if lines.len() > 3 {
        lines.truncate(3);
        lines[2].push_str(match lang {
            Lang::En => " … (coverage report lists them all)",
            Lang::Id => " … (coverage report mencantumkan semuanya)",
        });
    }
    for l in lines {
        root.draw(&Text::new(
            l,
            (margin, y),
            style(src_px, MUTED, HPos::Left, VPos::Top),
        ))?;
        y += 20;
    }
    let header = y + 8;

    // Footer: notes, then what made the chart.
    let note_px = 14.0;
    let per_line = ((f64::from(WIDTH) - 2.0 * f64::from(margin)) / (note_px * 0.56)) as usize;
    let mut notes: Vec<String> = chart.notes.iter().flat_map(|n| wrap(n, per_line)).collect();
    const NOTE_LINES: usize = 4;
    if notes.len() > NOTE_LINES {
        // Say that something is left out rather than drop it silently.
        let more = notes.len() - (NOTE_LINES - 1);
        notes.truncate(NOTE_LINES - 1);
        notes.push(match lang {
            Lang::En => format!(
                "… {more} more lines of notes (coverage report shows every figure as published)"
            ),
            Lang::Id => format!(
                "… {more} baris catatan lagi (coverage report menampilkan setiap angka sebagaimana dipublikasikan)"
            ),
        });
    }
    let credit = format!(
        "coverage {} · {}: {}",
        env!("CARGO_PKG_VERSION"),
        lang.term("data set"),
        match chart.dataset.as_str() {
            "embedded" => lang.term("embedded"),
            path => path,
        }
    );
    let footer = 12 + 19 * (notes.len() as i32 + 1);
    let mut fy = HEIGHT as i32 - footer + 4;
    for n in notes {
        root.draw(&Text::new(
            n,
            (margin, fy),
            style(note_px, MUTED, HPos::Left, VPos::Top),
        ))?;
        fy += 19;
    }
    root.draw(&Text::new(
        credit,
        (WIDTH as i32 - margin, fy),
        style(note_px - 1.0, AXIS, HPos::Right, VPos::Top),
    ))?;

    let body = root.margin(header as u32, footer as u32, 12, 24);
    let areas = body.split_evenly((1, chart.panels.len().max(1)));
    for (area, panel) in areas.iter().zip(&chart.panels) {
        match &panel.body {
            Body::Time {
                series,
                targets,
                flow,
            } => time_panel(&root, area, panel, (series, targets, *flow), lang)?,
            Body::Bars { bars, total } => bar_panel(&root, area, panel, bars, *total, lang)?,
        }
    }
    root.present()?;
    Ok(())
}

fn caption(panel: &Panel, total: Option<f64>, shares: bool, lang: Lang) -> String {
    let t = total.map(|t| value_label(panel.unit, t, lang));
    match (t, shares, lang) {
        (Some(t), true, Lang::En) => format!("{} (% of the {t} total)", panel.title),
        (Some(t), true, Lang::Id) => format!("{} (% dari total {t})", panel.title),
        (Some(t), false, Lang::En) => format!("{}: {t} in total", panel.title),
        (Some(t), false, Lang::Id) => format!("{}: total {t}", panel.title),
        (None, true, Lang::En) => format!("{} (% of each segment total)", panel.title),
        (None, true, Lang::Id) => format!("{} (% dari total tiap segmen)", panel.title),
        (None, false, _) => panel.title.clone(),
    }
}

fn y_max(values: impl Iterator<Item = f64>) -> f64 {
    let m = values.fold(0.0_f64, f64::max);
    if m > 0.0 {
        m * 1.22
    } else {
        1.0
    }
}

/// A tick under the x axis at `at` (the axis' pixel position), with its label.
fn x_tick<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    at: (i32, i32),
    name: String,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (x, y) = at;
    root.draw(&PathElement::new(vec![(x, y), (x, y + 6)], AXIS))?;
    for (i, line) in name.lines().enumerate() {
        root.draw(&Text::new(
            line.to_string(),
            (x, y + 10 + 18 * i as i32),
            style(15.0, MUTED, HPos::Center, VPos::Top),
        ))?;
    }
    Ok(())
}

fn time_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panel: &Panel,
    (series, targets, flow): (&[Series], &[TargetMark], bool),
    lang: Lang,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut periods: Vec<Period> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .chain(targets.iter().map(|t| t.at.period))
        .collect();
    periods.sort();
    periods.dedup_by(|a, b| x_of(*a) == x_of(*b));
    let (lo, hi) = match (periods.first(), periods.last()) {
        (Some(a), Some(b)) => (x_of(*a), x_of(*b)),
        _ => return Ok(()),
    };
    let pad = ((hi - lo) * 0.14).max(5.0);
    let keys: Vec<f64> = periods.iter().map(|p| x_of(*p)).collect();
    let names: Vec<(f64, String)> = periods
        .iter()
        .map(|p| {
            let name = if flow {
                cell_human(&Cell::Span(*p), lang)
            } else {
                period_label(*p, lang)
            };
            (x_of(*p), name)
        })
        .collect();
    let top = y_max(
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.value))
            .chain(targets.iter().map(|t| t.at.value)),
    );
    let unit = panel.unit;
    let mut ch = ChartBuilder::on(area)
        .caption(
            caption(panel, None, false, lang),
            font(19.0).style(FontStyle::Bold).color(&INK),
        )
        .margin(8)
        .margin_right(24)
        .x_label_area_size(64)
        .y_label_area_size(if unit == Unit::Percent { 56 } else { 104 })
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..top)?;
    ch.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .y_labels(6)
        .label_style(font(15.0).color(&MUTED))
        .y_label_formatter(&|v| axis_label(unit, *v, lang))
        .draw()?;
    let at = |x: f64| ch.backend_coord(&(x, 0.0));
    x_ticks(root, &periods, &names, keys, &at)?;
    let mut labels = Vec::new();
    let right_half = |x: f64| x > (lo + hi) / 2.0 && hi > lo;
    let mut obstacles = Vec::new();
    for t in targets {
        draw_target(
            &mut ch,
            t,
            right_half,
            (unit, lang),
            &mut labels,
            &mut obstacles,
        )?;
    }
    for s in series {
        let c = colour(s.segment);
        let pts: Vec<(f64, f64)> = s.points.iter().map(|p| (x_of(p.period), p.value)).collect();
        let px: Vec<(i32, i32)> = pts.iter().map(|p| ch.backend_coord(p)).collect();
        if !flow {
            ch.draw_series(LineSeries::new(pts.clone(), c.stroke_width(3)))?;
            for w in px.windows(2) {
                obstacles.extend(line_boxes(w[0], w[1]));
            }
        }
        // Dense series get small markers and labels only at their ends.
        let gap = px
            .windows(2)
            .map(|w| w[1].0 - w[0].0)
            .min()
            .unwrap_or(i32::MAX);
        let (r, halo) = if gap < 18 { (3, 4) } else { (5, 7) };
        let last = pts.len().saturating_sub(1);
        // Points closer than a marker's width would only smudge the line: then the line
        // carries them and only its ends are marked. Flows have no line, so keep theirs.
        let marked = |i: usize| flow || gap >= 2 * halo || i == 0 || i == last;
        ch.draw_series(
            pts.iter()
                .enumerate()
                .filter(|(i, _)| marked(*i))
                .map(|(_, &(x, yv))| {
                    EmptyElement::at((x, yv))
                        + Circle::new((0, 0), halo, WHITE.filled())
                        + Circle::new((0, 0), r, c.filled())
                }),
        )?;
        for (i, (&(_, yv), &(x, y))) in pts.iter().zip(&px).enumerate() {
            obstacles.push(marker_box((x, y), halo + 1));
            let end = i == 0 || i == last;
            if !end && pts.len() > 12 {
                continue;
            }
            labels.push(Label {
                text: s
                    .shown
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| value_label(unit, yv, lang)),
                x,
                y: y - 11,
                h: HPos::Center,
                colour: c,
                bold: true,
                flip: 42,
                marker: None,
                rank: if end { 0 } else { 2 },
            });
        }
    }
    // The legend sits under the axis, where it can hide no figure.
    legend(
        root,
        ch.backend_coord(&(lo - pad, 0.0)),
        (series, targets, flow),
        lang,
    )?;
    let (x0, y0) = ch.backend_coord(&(lo - pad, top));
    let (x1, y1) = ch.backend_coord(&(hi + pad, 0.0));
    let bounds = (f64::from(x0), f64::from(x1), f64::from(y0), f64::from(y1));
    place_and_draw(root, labels, obstacles, bounds).map_err(|e| e.into())
}

/// Ticks only where there are figures; `at` places an x value on the drawing.
fn x_ticks<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    periods: &[Period],
    names: &[(f64, String)],
    keys: Vec<f64>,
    at: &dyn Fn(f64) -> (i32, i32),
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    // Ticks only where there are figures, thinned so their labels never touch; when they
    // crowd, only year ends (and the latest period) keep one.
    let fits = |xs: &[f64]| {
        xs.windows(2).all(|w| {
            let gap = at(w[1]).0 - at(w[0]).0;
            f64::from(gap) > text_width("Aug 2023", 15.0) + 16.0
        })
    };
    let keys: Vec<f64> = if fits(&keys) {
        keys
    } else {
        let last = periods.last().copied();
        periods
            .iter()
            .filter(|p| p.is_year_end() || Some(**p) == last)
            .map(|p| x_of(*p))
            .collect()
    };
    let mut last_right = i32::MIN;
    for x in &keys {
        let name = names
            .iter()
            .find(|(k, _)| k == x)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let at = at(*x);
        let half = (text_width(&name, 15.0) / 2.0) as i32 + 8;
        if at.0 - half < last_right {
            continue;
        }
        last_right = at.0 + half;
        x_tick(root, at, name)?;
    }
    Ok(())
}

type Axes = plotters::coord::cartesian::Cartesian2d<
    plotters::coord::types::RangedCoordf64,
    plotters::coord::types::RangedCoordf64,
>;

/// One target: its marker, the dashed line from the figure before it, and its label.
fn draw_target<DB: DrawingBackend>(
    ch: &mut ChartContext<'_, DB, Axes>,
    t: &TargetMark,
    right_half: impl Fn(f64) -> bool,
    (unit, lang): (Unit, Lang),
    labels: &mut Vec<Label>,
    obstacles: &mut Vec<Rect>,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let c = TARGET;
    if let Some(from) = t.from {
        obstacles.extend(line_boxes(
            ch.backend_coord(&(x_of(from.period), from.value)),
            ch.backend_coord(&(x_of(t.at.period), t.at.value)),
        ));
        ch.draw_series(DashedLineSeries::new(
            [from, t.at].map(|p: Point| (x_of(p.period), p.value)),
            8,
            6,
            c.stroke_width(2),
        ))?;
    }
    let (x, yv) = (x_of(t.at.period), t.at.value);
    ch.draw_series(std::iter::once(
        EmptyElement::at((x, yv))
            + Polygon::new(vec![(0, -10), (10, 0), (0, 10), (-10, 0)], WHITE.filled())
            + PathElement::new(
                vec![(0, -10), (10, 0), (0, 10), (-10, 0), (0, -10)],
                c.stroke_width(3),
            ),
    ))?;
    let (px, py) = ch.backend_coord(&(x, yv));
    obstacles.push(marker_box((px, py), 11));
    // Lines mostly rise to the right: a label left of a marker goes above it, a label
    // right of one goes below.
    let (h, dx, dy) = if right_half(x) {
        (HPos::Right, -18, -8)
    } else {
        (HPos::Left, 18, 24)
    };
    labels.push(Label {
        text: format!(
            "{}: {}",
            t.label,
            t.shown
                .clone()
                .unwrap_or_else(|| value_label(unit, yv, lang))
        ),
        x: px + dx,
        y: py + dy,
        h,
        colour: c,
        bold: true,
        flip: 0,
        marker: Some((px, py)),
        rank: 1,
    });
    Ok(())
}

/// The legend under the axis at `(lx, ly)`: a swatch and a name per series, then the target.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    (lx, ly): (i32, i32),
    (series, targets, flow): (&[Series], &[TargetMark], bool),
    lang: Lang,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut x = lx;
    let y = ly + 46;
    let entries = series
        .iter()
        .map(|s| (s.label.clone(), colour(s.segment), false))
        .chain((!targets.is_empty()).then(|| (lang.term("target").to_string(), TARGET, true)));
    for (name, c, diamond) in entries {
        if diamond {
            root.draw(
                &(EmptyElement::at((x + 10, y))
                    + PathElement::new(
                        vec![(0, -7), (7, 0), (0, 7), (-7, 0), (0, -7)],
                        c.stroke_width(3),
                    )),
            )?;
        } else {
            // The swatch looks like the series: a line only where the points are joined.
            if !flow {
                root.draw(&PathElement::new(
                    vec![(x, y), (x + 20, y)],
                    c.stroke_width(3),
                ))?;
            }
            root.draw(&Circle::new((x + 10, y), 5, c.filled()))?;
        }
        let w = text_width(&name, 15.0) as i32;
        root.draw(&Text::new(
            name,
            (x + 28, y),
            style(15.0, INK, HPos::Left, VPos::Center),
        ))?;
        x += 28 + w + 24;
    }
    Ok(())
}

/// Horizontal bars, one row per program: names stay readable however many there are.
fn bar_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panel: &Panel,
    bars: &[Bar],
    total: Option<f64>,
    lang: Lang,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let unit = panel.unit;
    let n = bars.len();
    let top = y_max(bars.iter().map(|b| b.high.unwrap_or(b.value))) / 1.22 * 1.08;
    let name_px = 15.0;
    let names_w = bars
        .iter()
        .map(|b| text_width(&b.label, name_px))
        .fold(0.0, f64::max);
    let mut ch = ChartBuilder::on(area)
        .caption(
            caption(panel, total, bars.iter().any(|b| b.share.is_some()), lang),
            font(19.0).style(FontStyle::Bold).color(&INK),
        )
        .margin(8)
        .margin_right(24)
        .x_label_area_size(36)
        .y_label_area_size((names_w + 20.0).clamp(60.0, 280.0) as u32)
        .build_cartesian_2d(0.0..top, -0.6..(n as f64 - 0.4))?;
    ch.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .x_labels(4)
        .label_style(font(15.0).color(&MUTED))
        .x_label_formatter(&|v| axis_label(unit, *v, lang))
        .draw()?;
    let base = if unit == Unit::Idr {
        colour(Segment::Pu)
    } else {
        colour(Segment::Jakon)
    };
    let (plot_right, _) = ch.backend_coord(&(top, 0.0));
    // The first bar at the top.
    let row = |i: usize| (n - 1 - i) as f64;
    // Bars at most 40 px thick, however few there are.
    let row_px = f64::from(ch.backend_coord(&(0.0, 0.0)).1 - ch.backend_coord(&(0.0, 1.0)).1);
    let thick = (20.0 / row_px.max(1.0)).min(0.34);
    for (i, b) in bars.iter().enumerate() {
        let y = row(i);
        let c = if b.other { OTHER } else { base };
        ch.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y - thick), (b.value, y + thick)],
            c.filled(),
        )))?;
        // A range: its low end is drawn solid, the span to its high end as an outline.
        if let Some(hi) = b.high {
            ch.draw_series(std::iter::once(Rectangle::new(
                [(b.value, y - thick), (hi, y + thick)],
                c.stroke_width(2),
            )))?;
        }
        // A lower bound: an open end past the bar, pointing the way the true value may lie.
        if b.qualifier == Some("more than {}") {
            let (xe, yc) = ch.backend_coord(&(b.value, y));
            let h = (f64::from(yc - ch.backend_coord(&(0.0, y + thick)).1)).max(3.0) as i32;
            root.draw(&Polygon::new(
                vec![(xe, yc - h), (xe + h, yc), (xe, yc + h)],
                c.filled(),
            ))?;
        }
        let (x0, yc) = ch.backend_coord(&(0.0, y));
        root.draw(&Text::new(
            b.label.clone(),
            (x0 - 10, yc),
            style(name_px, INK, HPos::Right, VPos::Center),
        ))?;
        // A bound or range is drawn from figures published whole (`Rp 281 miliar lebih`):
        // no decimals they never had.
        let bounded = b.high.is_some() || b.qualifier.is_some();
        let label = |v: f64| {
            let l = value_label(unit, v, lang);
            match l.split_once(".00 ") {
                Some((a, z)) if bounded && lang == Lang::En => format!("{a} {z}"),
                _ => l,
            }
        };
        let shown = label(b.value);
        let figure = match (b.high, b.qualifier) {
            (Some(hi), _) => {
                let hi = label(hi);
                fill(
                    lang.term("between {} and {}"),
                    [shown.as_str(), hi.as_str()].into_iter(),
                )
            }
            (None, Some(q)) => fill(lang.term(q), std::iter::once(shown.as_str())),
            (None, None) => shown,
        };
        let text = match (b.share, b.share_range) {
            (Some(sh), _) => format!("{figure} ({}%)", fixed(sh, 1, lang)),
            (None, Some((lo, hi))) => {
                format!("{figure} ({}–{}%)", fixed(lo, 1, lang), fixed(hi, 1, lang))
            }
            (None, None) => figure,
        };
        let (xe, _) = ch.backend_coord(&(b.high.unwrap_or(b.value), y));
        let w = text_width(&text, LABEL_PX) * 1.1;
        // Inside the bar's end when the bar has room for it, else just beyond it.
        let (x, h, colour) = if f64::from(xe - x0) > w + 16.0 {
            (xe - 8, HPos::Right, WHITE)
        } else if f64::from(xe) + 8.0 + w <= f64::from(plot_right) + 24.0 {
            (xe + 8, HPos::Left, INK)
        } else {
            (xe - 8, HPos::Right, INK)
        };
        root.draw(&Text::new(
            text,
            (x, yc),
            font(LABEL_PX)
                .style(FontStyle::Bold)
                .color(&colour)
                .pos(Pos::new(h, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// A chart that cannot be drawn, in words each language says its own way (the drawing
/// library's own kept as it said it).
fn cannot_draw(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::Error::new(crate::said::Said::new(
        "cannot draw the chart: {}",
        vec![e.to_string()],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_drop_needless_decimals() {
        let en = Lang::En;
        assert_eq!(axis_label(Unit::Idr, 300e9, en), "Rp300 billion");
        assert_eq!(axis_label(Unit::Idr, 2.5e12, en), "Rp2.5 trillion");
        assert_eq!(axis_label(Unit::Idr, 0.0, en), "Rp0");
        assert_eq!(axis_label(Unit::Persons, 60_000_000.0, en), "60,000,000");
        assert_eq!(axis_label(Unit::Percent, 40.0, en), "40%");
        assert_eq!(value_label(Unit::Percent, 39.198, en), "39.2%");
        let id = Lang::Id;
        assert_eq!(axis_label(Unit::Idr, 300e9, id), "Rp300 miliar");
        assert_eq!(axis_label(Unit::Idr, 2.5e12, id), "Rp2,5 triliun");
        assert_eq!(axis_label(Unit::Persons, 60_000_000.0, id), "60.000.000");
        assert_eq!(value_label(Unit::Percent, 39.198, id), "39,2%");
        assert_eq!(value_label(Unit::Idr, 281e9, id), "Rp281 miliar");
    }

    #[test]
    fn periods_sit_at_their_last_month() {
        // A year is its December: 2023 and 2023-12 share a place, August is four months earlier.
        assert_eq!(x_of(Period::Year(2023)), x_of(Period::Month(2023, 12)));
        assert_eq!(x_of(Period::Year(2023)) - x_of(Period::Month(2023, 8)), 4.0);
        assert_eq!(period_label(Period::Month(2023, 8), Lang::En), "Aug 2023");
        assert_eq!(period_label(Period::Month(2023, 8), Lang::Id), "Agu 2023");
        assert_eq!(period_label(Period::Year(2024), Lang::En), "2024");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(
            wrap("averyverylongword x", 5),
            vec!["averyverylongword", "x"]
        );
        assert!(wrap("", 5).is_empty());
    }

    #[test]
    fn labels_give_way_to_what_is_placed() {
        let l = Label {
            text: "123".into(),
            x: 100,
            y: 100,
            h: HPos::Center,
            colour: INK,
            bold: false,
            flip: 0,
            marker: None,
            rank: 0,
        };
        let here = l.rect(0);
        assert!(overlap(here, l.rect(5)));
        assert!(!overlap(here, l.rect(40)));
        assert!(overlap(here, marker_box((100, 95), 8)));
    }
}
