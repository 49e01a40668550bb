//! JSON for scripts: an array of objects keyed by the stable column names.

use std::io::{self, Write};

use serde_json::{Map, Number, Value};

use super::{Cell, Render, Table};

pub struct Json;

fn value(c: &Cell) -> Value {
    match c {
        Cell::Empty => Value::Null,
        Cell::Text(s) => Value::String(s.clone()),
        Cell::Int(v) | Cell::Plain(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
            Value::Number((*v).into())
        }
        Cell::IdrF(v) | Cell::Float(v) | Cell::Pct(v) | Cell::PctDelta(v) | Cell::PctStated(v) => {
            Number::from_f64(*v).map_or(Value::Null, Value::Number)
        }
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Term(t) => Value::String(super::lang::english(t).to_string()),
        Cell::Quote(s) | Cell::Indented(_, s) => Value::String(s.clone()),
        Cell::Dec(v, _) => value(&Cell::Float(*v)),
        Cell::Month(y, m) => Value::String(format!("{y}-{m:02}")),
        Cell::Period(p) => Value::String(p.to_string()),
        Cell::Phrase(_) | Cell::Template(..) | Cell::Span(_) | Cell::Range(..) => {
            Value::String(super::human::cell_human(c, super::Lang::En))
        }
    }
}

impl Render for Json {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        let rows: Vec<Value> = t
            .rows
            .iter()
            .map(|r| {
                let mut m = Map::new();
                for i in t.machine_columns() {
                    m.insert(t.columns[i].name.to_string(), value(&r[i]));
                }
                Value::Object(m)
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &rows)?;
        writeln!(w)
    }
}
