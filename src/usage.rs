//! Usage errors (an unknown flag, a bad value, a missing argument) in the reader's language.
//! clap writes them in English; for Indonesian the common kinds are written here from clap's
//! parts, through the glossary, and any other kind is left to clap.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::output::lang::fill;
use crate::output::Lang;

/// The language a usage error is written in: the last `--lang` among the arguments, else
/// COVERAGE_LANG, else the locale, as for every other message.
pub fn lang_of_args<I: IntoIterator<Item = String>>(args: I) -> Lang {
    // Read as clap reads `--lang`, so a value it would refuse picks nothing here either.
    let parse = |v: &str| <Lang as clap::ValueEnum>::from_str(v, false).ok();
    let mut lang = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let v = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next(),
            None => None,
        };
        lang = v.as_deref().and_then(parse).or(lang);
    }
    lang.or_else(|| {
        std::env::var("COVERAGE_LANG")
            .ok()
            .as_deref()
            .and_then(parse)
    })
    .unwrap_or_else(Lang::from_env)
}

fn text(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn say(lang: Lang, template: &str, args: &[&str]) -> String {
    fill(lang.term(template), args.iter().copied())
}

/// A value parser's own reason in the reader's language, or `None` where the glossary has no
/// entry for it (then the reason is left out rather than shown in English).
fn reason(lang: Lang, value: &str, cause: &str) -> Option<String> {
    let quoted = format!("{value:?}");
    let template = cause.replace(&quoted, "{}");
    if template != cause && lang.term(&template) != template {
        return Some(say(lang, &template, &[&quoted]));
    }
    if let Some(list) = cause.strip_prefix("one of ") {
        let or = lang.term(" or ");
        return Some(say(lang, "one of {}", &[&list.replace(" or ", or)]));
    }
    (lang.term(cause) != cause).then(|| lang.term(cause).to_string())
}

/// The error written in `lang`, or `None` to let clap write it (English, or a kind not
/// written here).
pub fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let mut out = String::new();
    let head = |t: &str, a: &[&str]| say(lang, "error: {}\n", &[&say(lang, t, a)]);
    // clap's "tip" under the error: a hint line, when clap has a suggestion.
    let suggest = |e: &clap::Error, k: ContextKind, t: &str| match text(e, k) {
        Some(s) => say(lang, "\n  hint: {}", &[&say(lang, t, &[&s])]) + "\n",
        None => String::new(),
    };
    match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
            let mut line = say(lang, "invalid value '{}' for '{}'", &[&value, &arg]);
            let cause = std::error::Error::source(e).map(|c| c.to_string());
            if let Some(r) = cause.and_then(|c| reason(lang, &value, &c)) {
                line = format!("{line}: {r}");
            }
            out.push_str(&say(lang, "error: {}\n", &[&line]));
            if let Some(v) = text(e, ContextKind::ValidValue) {
                out.push_str(&say(lang, "  [possible values: {}]\n", &[&v]));
            }
        }
        ErrorKind::UnknownArgument => {
            out.push_str(&head("unexpected argument '{}' found", &[&arg]));
            out.push_str(&suggest(
                e,
                ContextKind::SuggestedArg,
                "a similar argument exists: '{}'",
            ));
        }
        ErrorKind::InvalidSubcommand => {
            let sub = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            out.push_str(&head("unrecognized subcommand '{}'", &[&sub]));
            out.push_str(&suggest(
                e,
                ContextKind::SuggestedSubcommand,
                "a similar subcommand exists: '{}'",
            ));
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str(&head(
                "the following required arguments were not provided:",
                &[],
            ));
            if let Some(ContextValue::Strings(v)) = e.get(ContextKind::InvalidArg) {
                for a in v {
                    out.push_str(&format!("  {a}\n"));
                }
            }
        }
        ErrorKind::MissingSubcommand => {
            let name = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            out.push_str(&head(
                "'{}' requires a subcommand but one was not provided",
                &[&name],
            ));
            if let Some(v) = text(e, ContextKind::ValidSubcommand) {
                out.push_str(&say(lang, "  [subcommands: {}]\n", &[&v]));
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(e, ContextKind::PriorArg).unwrap_or_default();
            out.push_str(&head(
                "the argument '{}' cannot be used with '{}'",
                &[&arg, &prior],
            ));
        }
        _ => return None,
    }
    if let Some(u) = text(e, ContextKind::Usage) {
        let u = u.trim_end();
        let rest = u.strip_prefix("Usage:").unwrap_or(u);
        out.push('\n');
        out.push_str(lang.term("Usage:"));
        out.push_str(rest);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(lang.term("For more information, try '--help'."));
    out.push('\n');
    Some(out)
}
