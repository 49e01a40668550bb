//! JSON for scripts: an array of objects keyed by the stable column names.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Cell, Parts, Render, Rows, Table};

pub struct Json;

/// A cell as a JSON value: numbers at full precision (a number JSON cannot hold, such as
/// infinity, is null), text and terms as strings in English.
struct Value<'a>(&'a Cell);

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        match c {
            Cell::Empty => s.serialize_unit(),
            Cell::Text(t) | Cell::Quote(t) | Cell::Indented(_, t) => s.serialize_str(t),
            Cell::Shared(t) => s.serialize_str(t),
            Cell::Int(v) | Cell::Plain(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
                s.serialize_i64(*v)
            }
            Cell::IdrF(v)
            | Cell::Float(v)
            | Cell::Pct(v)
            | Cell::PctDelta(v)
            | Cell::PctStated(v)
            | Cell::Dec(v, _) => s.serialize_f64(*v),
            Cell::Bool(b) => s.serialize_bool(*b),
            Cell::Term(t) => s.serialize_str(super::lang::english(t)),
            Cell::Month(y, m) => s.serialize_str(&format!("{y}-{m:02}")),
            Cell::Period(p) => s.collect_str(p),
            Cell::Phrase(_) | Cell::Template(..) | Cell::Span(_) | Cell::Range(..) => {
                s.serialize_str(&super::human::cell_human(c, super::Lang::En))
            }
        }
    }
}

/// One row as an object of the machine columns, in column order.
struct Object<'a> {
    t: &'a Table,
    cols: &'a [usize],
    row: &'a [Cell],
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.cols.len()))?;
        for &i in self.cols {
            m.serialize_entry(self.t.columns[i].name, &Value(&self.row[i]))?;
        }
        m.end()
    }
}

impl Render for Json {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        stream(t, &t.rows, w)
    }
}

/// The rows as one pretty-printed array, each object written as its row comes.
pub fn stream(t: &Table, rows: &dyn Rows, w: &mut dyn Write) -> io::Result<()> {
    let cols: Vec<usize> = t.machine_columns().collect();
    // The serializer writes each token on its own: gathered here, they reach `w` in large
    // writes rather than one call through the output's layers a token.
    let mut out = io::BufWriter::with_capacity(64 << 10, w);
    {
        let mut ser = serde_json::Serializer::pretty(&mut out);
        let mut seq = ser.serialize_seq(None)?;
        rows.each(&mut |row| {
            let object = Object {
                t,
                cols: &cols,
                row,
            };
            seq.serialize_element(&object).map_err(io::Error::from)
        })?;
        SerializeSeq::end(seq)?;
    }
    writeln!(out)?;
    out.flush()
}

/// [`stream`] for rows made in parts, several parts at once: each part's objects written on
/// a thread as the array holds them (indented one level, a comma before each), added in
/// order; the same bytes.
pub fn stream_parts(t: &Table, parts: &Parts, w: &mut dyn Write) -> io::Result<()> {
    if parts.threads < 2 {
        return stream(t, parts, w);
    }
    let cols: Vec<usize> = t.machine_columns().collect();
    let cols = &cols;
    let mut first = true;
    w.write_all(b"[")?;
    let room = super::PartRoom::default();
    parts.rounds(
        |k| {
            let mut bytes = room.buffer();
            let mut object = Vec::new();
            parts.part(k).each(&mut |row| {
                object.clear();
                let mut ser = serde_json::Serializer::pretty(&mut object);
                Object { t, cols, row }
                    .serialize(&mut ser)
                    .map_err(io::Error::from)?;
                bytes.extend_from_slice(b",\n  ");
                // No newline is inside a JSON string, so each one ends a line to indent.
                for line in object.split_inclusive(|&b| b == b'\n') {
                    bytes.extend_from_slice(line);
                    if line.ends_with(b"\n") {
                        bytes.extend_from_slice(b"  ");
                    }
                }
                Ok(())
            })?;
            room.took(bytes.len());
            Ok(bytes)
        },
        |bytes| {
            if bytes.is_empty() {
                return Ok(());
            }
            // The first object has no comma before it.
            let skip = usize::from(std::mem::take(&mut first));
            w.write_all(&bytes[skip..])
        },
    )?;
    if !first {
        w.write_all(b"\n")?;
    }
    w.write_all(b"]")?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::col;

    #[test]
    fn rows_as_objects_in_column_order() {
        let mut t = Table::new(vec![col("z", "Z"), col("a", "A"), col("pct", "P")]);
        t.push(vec![
            Cell::text("x\"y"),
            Cell::Int(-3),
            Cell::Pct(f64::INFINITY),
        ]);
        t.push(vec![Cell::Empty, Cell::Bool(true), Cell::Pct(15.5)]);
        let mut out = Vec::new();
        Json.render(&t, &mut out).unwrap();
        // Keys in column order, not sorted; infinity, which JSON cannot hold, is null.
        let want = "[\n  {\n    \"z\": \"x\\\"y\",\n    \"a\": -3,\n    \"pct\": null\n  },\n  {\n    \"z\": null,\n    \"a\": true,\n    \"pct\": 15.5\n  }\n]\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut out = Vec::new();
        Json.render(&Table::new(vec![col("a", "A")]), &mut out)
            .unwrap();
        assert_eq!(out, b"[]\n");
    }
}
