//! Which format a run writes when `--output` names a file: the extension decides when
//! `--format` is not given, and a format that contradicts the extension is refused, so a drawn
//! table never lands in a file named `.csv`, `.json`, `.md` or `.xlsx`.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;

use crate::said::{Said, Told};

use super::Format;

/// The format an extension names; `None` for any other (or no) extension.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        "xlsx" => Some(Format::Xlsx),
        _ => None,
    }
}

fn name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Csv => "csv",
        Format::Json => "json",
        Format::Markdown => "markdown",
        Format::Xlsx => "xlsx",
    }
}

/// Settles `--format` against `--output`: the extension's format when none was given, the given
/// one when it agrees or the extension names no format; an error when they disagree, or when a
/// workbook would go to a terminal.
pub fn pick(given: Option<Format>, output: Option<&Path>) -> Result<Option<Format>> {
    let file = output.filter(|p| p.as_os_str() != "-");
    let named = file.and_then(format_of);
    let format = match (given, named) {
        (Some(g), Some(n)) if g != n => {
            let file = file.map_or(String::new(), |p| p.display().to_string());
            return Err(Told::new(Said::new(
                "--format {} cannot be written to {}: the name says {}",
                vec![name(g).into(), file, name(n).into()],
            ))
            .hint(Said::new(
                "leave out --format (the extension picks {}), or name the file .{}",
                vec![name(n).into(), ext(g).into()],
            ))
            .into());
        }
        (Some(g), _) => Some(g),
        (None, n) => n,
    };
    if format == Some(Format::Xlsx) && file.is_none() && std::io::stdout().is_terminal() {
        return Err(Told::new(Said::new(
            "--format xlsx writes a binary workbook, not text for a terminal",
            vec![],
        ))
        .hint(Said::new(
            "add --output FILE.xlsx, or redirect: > FILE.xlsx",
            vec![],
        ))
        .into());
    }
    Ok(format)
}

fn ext(f: Format) -> &'static str {
    match f {
        Format::Table => "txt",
        Format::Markdown => "md",
        other => name(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_and_a_contradiction_is_refused() {
        let p = |s: &str| Some(Path::new(s).to_path_buf());
        let pick_p = |g, s: &str| pick(g, p(s).as_deref());
        assert_eq!(pick_p(None, "g.CSV").unwrap(), Some(Format::Csv));
        assert_eq!(pick_p(None, "a/g.json").unwrap(), Some(Format::Json));
        assert_eq!(pick_p(None, "g.md").unwrap(), Some(Format::Markdown));
        assert_eq!(pick_p(None, "g.xlsx").unwrap(), Some(Format::Xlsx));
        assert_eq!(pick_p(None, "g.txt").unwrap(), None);
        assert_eq!(pick_p(None, "-").unwrap(), None);
        assert_eq!(
            pick_p(Some(Format::Csv), "g.csv").unwrap(),
            Some(Format::Csv)
        );
        assert_eq!(
            pick_p(Some(Format::Table), "g.txt").unwrap(),
            Some(Format::Table)
        );
        let e = pick_p(Some(Format::Table), "growth.csv").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("--format table cannot be written to growth.csv: the name says csv"),
            "{e}"
        );
        assert!(pick_p(Some(Format::Json), "g.xlsx").is_err());
    }
}
