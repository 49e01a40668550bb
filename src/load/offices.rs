//! offices.csv: the office tree, with its codes, names and parents checked.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::files::{ReadOptions, OFFICES};
use super::problem::{Keep, Problems};
use super::reader::{duplicate, each_row, open, trimmed, Ctx};
use super::source::DataSource;
use super::text::{check_code, describe, skeleton};
use crate::model::*;
use crate::said::Said;

#[derive(Deserialize)]
struct RawOffice {
    code: String,
    name: String,
    level: String,
    parent: String,
    #[serde(default)]
    partial: String,
    #[serde(default)]
    note: String,
}

/// The offices read, by lower-cased code, and what is known of those that could not be read.
pub(super) struct OfficeIndex {
    codes: HashMap<String, usize>,
    rejected: HashSet<String>,
    /// offices.csv itself could not be read.
    unreadable: bool,
}

impl OfficeIndex {
    /// The office a row's office cell names, or a problem recorded in `ctx`.
    pub(super) fn resolve(&self, ctx: &mut Ctx, line: u64, raw: &str) -> Result<usize, ()> {
        if let Some(bad) = check_code(raw) {
            let c = ctx.col("office");
            ctx.problem(line, c, raw, bad.expected, Some(bad.hint));
            return Err(());
        }
        let key = raw.trim().to_ascii_lowercase();
        match self.codes.get(&key) {
            Some(&i) => Ok(i),
            // Already reported in offices.csv: one mistake, one message.
            None if self.unreadable || self.rejected.contains(&key) => Err(()),
            None => {
                let c = ctx.col("office");
                ctx.problem(
                    line,
                    c,
                    raw,
                    "the code of an office listed in offices.csv".into(),
                    Some("add the office to offices.csv, or correct the code".into()),
                );
                Err(())
            }
        }
    }
}

/// Reads offices.csv, resolving parents, with the file's own problems.
pub(super) fn read_offices(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
) -> (Vec<Office>, OfficeIndex, Problems) {
    let (mut rdr, mut ctx) = match open(src, OFFICES, opts, keep) {
        Ok(o) => o,
        Err(problems) => {
            let index = OfficeIndex {
                codes: HashMap::new(),
                rejected: HashSet::new(),
                unreadable: true,
            };
            return (Vec::new(), index, problems);
        }
    };
    let mut offices: Vec<Office> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut parents: Vec<(String, u64)> = Vec::new();
    let mut names: HashMap<String, u64> = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawOffice| {
        let code = r.code.trim().to_string();
        // Counted as refused until the row is accepted at the end.
        ctx.rejected.push(code.to_ascii_lowercase());
        let Some(level) = code_and_level(ctx, line, &r) else {
            return;
        };
        let key = code.to_ascii_lowercase();
        if let Some(&first) = index.get(&key) {
            let first_line = offices[first].origin.line;
            let c = ctx.col("code");
            ctx.problem_said(
                line,
                c,
                &r.code,
                Said::new(
                    "a code not used before (it is also on line {})",
                    vec![first_line.to_string()],
                ),
                Some(Said::new(
                    "office codes are unique, compared without case",
                    vec![],
                )),
            );
            return;
        }
        let Some(partial) = partial(ctx, line, &r.partial) else {
            return;
        };
        let name = r.name.trim().to_string();
        if name.is_empty() {
            let c = ctx.col("name");
            ctx.problem(line, c, &r.name, "an office name".into(), None);
            return;
        }
        if duplicate(ctx, &mut names, name.to_lowercase(), line, "office name") {
            return;
        }
        ctx.text(line, "name", &name, false);
        ctx.text(line, "note", &r.note, true);
        index.insert(key, offices.len());
        ctx.rejected.pop();
        parents.push((r.parent, line));
        offices.push(Office {
            code,
            name,
            level,
            parent: None,
            partial,
            note: trimmed(r.note),
            origin: Origin { line, column: 0 },
        });
    });
    let rejected: HashSet<String> = std::mem::take(&mut ctx.rejected)
        .into_iter()
        .filter(|c| !index.contains_key(c))
        .collect();
    let index = OfficeIndex {
        codes: index,
        rejected,
        unreadable: false,
    };
    resolve_parents(&mut ctx, &index, &parents, &mut offices);
    break_cycles(&mut ctx, &mut offices);
    look_alikes(&mut ctx, &offices);
    (offices, index, ctx.problems)
}

/// A row's level, once its code is known not to be empty; `None` after recording a problem.
fn code_and_level(ctx: &mut Ctx, line: u64, r: &RawOffice) -> Option<Level> {
    if r.code.trim().is_empty() {
        let c = ctx.col("code");
        ctx.problem(
            line,
            c,
            &r.code,
            "an office code".into(),
            Some("every office needs a code".into()),
        );
        return None;
    }
    if let Some(bad) = check_code(&r.code) {
        let c = ctx.col("code");
        ctx.problem(line, c, &r.code, bad.expected, Some(bad.hint));
        return None;
    }
    ctx.code::<Level>(line, "level", &r.level).ok()
}

fn partial(ctx: &mut Ctx, line: u64, raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "no" | "false" => Some(false),
        "yes" | "true" => Some(true),
        _ => {
            let c = ctx.col("partial");
            ctx.problem(
                line,
                c,
                raw,
                "yes, no or empty".into(),
                Some("yes: only some of the office's children are listed".into()),
            );
            None
        }
    }
}

/// Links each office to its parent, recording parents that are not listed.
fn resolve_parents(
    ctx: &mut Ctx,
    index: &OfficeIndex,
    parents: &[(String, u64)],
    offices: &mut [Office],
) {
    let parent_col = ctx.col("parent");
    for (i, (raw, line)) in parents.iter().enumerate() {
        let parent = raw.trim();
        if parent.is_empty() {
            continue;
        }
        // Before the lookup: `trim` takes a NEL (U+0085) around a code for white space.
        if let Some(bad) = check_code(raw) {
            ctx.problem(*line, parent_col, raw, bad.expected, Some(bad.hint));
            continue;
        }
        let key = parent.to_ascii_lowercase();
        match index.codes.get(&key) {
            Some(&p) => offices[i].parent = Some(p),
            None if index.rejected.contains(&key) => {}
            None => ctx.problem(
                *line,
                parent_col,
                parent,
                "the code of another office in this file, or empty for the top".into(),
                Some("the parent office must be listed in offices.csv too".into()),
            ),
        }
    }
}

/// Cycles: follow each chain with a colouring so the whole check is linear.
fn break_cycles(ctx: &mut Ctx, offices: &mut [Office]) {
    let parent_col = ctx.col("parent");
    let n = offices.len();
    let mut state = vec![0u8; n]; // 0 unvisited, 1 on the current chain, 2 done
    for start in 0..n {
        let mut chain: Vec<usize> = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match state[i] {
                2 => break,
                1 => {
                    let members: Vec<&str> = chain
                        .iter()
                        .skip_while(|&&j| j != i)
                        .map(|&j| offices[j].code.as_str())
                        .collect();
                    let cycle = if members.len() > 6 {
                        Said::new(
                            "the parents form a cycle of {} offices: {} ...",
                            vec![members.len().to_string(), members[..6].join(" -> ")],
                        )
                    } else {
                        Said::new(
                            "the parents form a cycle: {}",
                            vec![format!("{} -> {}", members.join(" -> "), offices[i].code)],
                        )
                    };
                    let o = &offices[i];
                    ctx.problem_said(
                        o.origin.line,
                        parent_col,
                        &offices[i]
                            .parent
                            .map(|p| offices[p].code.clone())
                            .unwrap_or_default(),
                        Said::new("a parent that leads up to the top office", vec![]),
                        Some(cycle),
                    );
                    offices[i].parent = None; // break it so later walks terminate
                    break;
                }
                _ => {
                    state[i] = 1;
                    chain.push(i);
                    cur = offices[i].parent;
                }
            }
        }
        for j in chain {
            state[j] = 2;
        }
    }
}

/// Two codes that differ only in look-alike letters (Latin `a`, Cyrillic `а`) name two
/// offices a reader cannot tell apart: a finding on the second.
fn look_alikes(ctx: &mut Ctx, offices: &[Office]) {
    if !ctx.problems.findings || offices.iter().all(|o| o.code.is_ascii()) {
        return;
    }
    let c = ctx.col("code");
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, o) in offices.iter().enumerate() {
        let first = *seen.entry(skeleton(&o.code)).or_insert(i);
        if first == i {
            continue;
        }
        let other = &offices[first];
        let odd = o
            .code
            .chars()
            .chain(other.code.chars())
            .find(|ch| !ch.is_ascii())
            .map(describe)
            .unwrap_or_default();
        ctx.problem(
            o.origin.line,
            c,
            &o.code,
            format!(
                "a code that cannot be mistaken for another: it looks like {:?} (line {})",
                other.code, other.origin.line
            ),
            Some(format!(
                "the two differ only in look-alike letters ({odd}); retype one"
            )),
        );
    }
}
