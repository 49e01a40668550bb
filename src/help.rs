//! `--help` (and `-h`, and `coverage help COMMAND`) in the reader's language. clap writes help in
//! English from the definitions in `cli.rs`; for another language the command is rebuilt with
//! every text it shows said through the glossary, and the request parsed again:
//!
//! - each command's about and after-help, paragraph by paragraph (a paragraph the glossary does
//!   not hold is said line by line, so the command lines of examples stay as they are);
//! - each argument's help and heading, and each possible value's help;
//! - the words clap adds itself: the `Usage:` heading (through a help template), the `Options:`,
//!   `Arguments:` and `Commands:` headings, the help of its `-h`, `-V` and `help`, and the
//!   `[default: ...]`, `[env: ...]` and possible-values notes, written here in place of clap's.
//!
//! Flag, command and value names and code values stay as they are. English help is clap's own,
//! untouched.

use std::ffi::OsString;

use clap::builder::{PossibleValue, StyledStr, Styles};
use clap::error::ErrorKind;
use clap::{Arg, Command};

use crate::output::lang::fill;
use crate::output::Lang;

/// The help `e` shows (clap's error from parsing `args` with `cmd`: help asked for, or shown for
/// want of a subcommand), said in `lang`. English, and any other error, is returned as it is.
pub fn in_lang<I>(e: clap::Error, cmd: Command, args: I, lang: Lang) -> clap::Error
where
    I: IntoIterator<Item = OsString>,
{
    let shows_help = matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En || !shows_help {
        return e;
    }
    match said(cmd, lang).try_get_matches_from(args) {
        Err(h) if h.kind() == e.kind() => h,
        _ => e,
    }
}

/// `cmd` with every text its help shows in `lang`.
fn said(cmd: Command, lang: Lang) -> Command {
    let mut english = cmd.clone();
    english.build();
    let mut cmd = arranged(cmd, &english);
    cmd.build();
    say(cmd, lang)
}

/// Before the command is built: clap's own flags (`-h`, `-V`), which it adds after every other
/// argument when it builds a command, are added as the command's own, as clap words them; and
/// the arguments are put in the order of their sections. clap lists the arguments without a
/// heading under `Arguments:` and `Options:` before any heading, and the headings in the order
/// of their first argument; once every argument has a heading, that order is the whole order.
fn arranged(mut cmd: Command, english: &Command) -> Command {
    let added: Vec<Arg> = english
        .get_arguments()
        .filter(|a| !a.is_global_set() && cmd.get_arguments().all(|b| b.get_id() != a.get_id()))
        .cloned()
        .collect();
    cmd = cmd.disable_help_flag(true).disable_version_flag(true);
    for a in added {
        let order = a.get_display_order();
        cmd = cmd.arg(a.help_heading(None).display_order(order));
    }
    let section = |a: &Arg| match (a.get_help_heading(), a.is_positional()) {
        (None, true) => 0,
        (None, false) => 1,
        (Some(_), _) => 2,
    };
    let mut ids: Vec<(u8, clap::Id)> = cmd
        .get_arguments()
        .map(|a| (section(a), a.get_id().clone()))
        .collect();
    ids.sort_by_key(|(s, _)| *s);
    for (_, id) in ids {
        // `mut_arg` takes the argument out and puts it back last: one by one, in this order.
        // (Once built, parsing looks arguments up by their place, so this is done before.)
        cmd = cmd.mut_arg(id, |a| a);
    }
    cmd.mut_subcommands(|sc| {
        let en = english
            .find_subcommand(sc.get_name())
            .expect("built from the same definitions");
        arranged(sc, en)
    })
}

/// Once the command is built (global options copied into each subcommand, clap's `help`
/// subcommand added): every text said in `lang`, in place, leaving the order of arguments and
/// subcommands, which parsing depends on once built, as it is.
fn say(cmd: Command, lang: Lang) -> Command {
    let styles = cmd.get_styles().clone();
    let heading = lang
        .term(cmd.get_subcommand_help_heading().unwrap_or("Commands"))
        .to_string();
    let template = template(&cmd, lang, &styles);
    let mut cmd = cmd
        .mut_args(|a| argument(a, lang, &styles))
        .subcommand_help_heading(heading)
        .help_template(template);
    let text = |s: Option<&StyledStr>| s.map(|s| prose(&s.to_string(), lang));
    if let Some(t) = text(cmd.get_about()) {
        cmd = cmd.about(t);
    }
    if let Some(t) = text(cmd.get_long_about()) {
        cmd = cmd.long_about(t);
    }
    if let Some(t) = text(cmd.get_before_help()) {
        cmd = cmd.before_help(t);
    }
    if let Some(t) = text(cmd.get_before_long_help()) {
        cmd = cmd.before_long_help(t);
    }
    if let Some(t) = text(cmd.get_after_help()) {
        cmd = cmd.after_help(t);
    }
    if let Some(t) = text(cmd.get_after_long_help()) {
        cmd = cmd.after_long_help(t);
    }
    cmd.mut_subcommands(|sc| say(sc, lang))
}

/// clap's own template with its `Usage:` heading said in `lang`, or its shorter one for a
/// command that lists nothing (as clap tells it: no argument shown, no subcommand but `help`).
fn template(cmd: &Command, lang: Lang, styles: &Styles) -> StyledStr {
    let usage = styles.get_usage();
    let heading = format!("{usage}{}{usage:#}", lang.term("Usage:"));
    let lists = cmd.get_arguments().any(|a| !a.is_hide_set())
        || cmd
            .get_subcommands()
            .any(|s| s.get_name() != "help" && !s.is_hide_set());
    let rest = if lists {
        " {usage}\n\n{all-args}{after-help}"
    } else {
        " {usage}{after-help}"
    };
    StyledStr::from(format!(
        "{{before-help}}{{about-with-newline}}\n{heading}{rest}"
    ))
}

/// Text in `lang`: each paragraph as the glossary says it, or else each of its lines (a line
/// the glossary does not hold, such as an example's command line, stays as it is).
fn prose(text: &str, lang: Lang) -> String {
    text.split("\n\n")
        .map(|p| match lang.term(p) {
            t if t != p => t.to_string(),
            _ => p
                .lines()
                .map(|l| lang.term(l))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An argument's heading and help in `lang`, with the notes clap would add (its environment
/// variable, default and possible values) written into the help in `lang` instead.
fn argument(a: Arg, lang: Lang, styles: &Styles) -> Arg {
    let heading = match a.get_help_heading() {
        Some(h) => h,
        None if a.is_positional() => "Arguments",
        None => "Options",
    };
    let heading = lang.term(heading).to_string();
    let ctx = styles.get_context();
    let note =
        |key: &str, v: &str| format!("{ctx}{}{ctx:#}", fill(lang.term(key), [v].into_iter()));
    let mut notes = Vec::new();
    if let Some(name) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        let mut v = name.to_string_lossy().into_owned();
        if !a.is_hide_env_values_set() {
            v.push('=');
            v.push_str(&std::env::var_os(name).unwrap_or_default().to_string_lossy());
        }
        notes.push(note("[env: {}]", &v));
    }
    let defaults = a.get_default_values();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() && !defaults.is_empty() {
        let v: Vec<String> = defaults
            .iter()
            .map(|d| quoted(&d.to_string_lossy()))
            .collect();
        notes.push(note("[default: {}]", &v.join(" ")));
    }
    let values: Vec<PossibleValue> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let names: Vec<String> = values.iter().map(|v| quoted(v.get_name())).collect();
    let inline = (!values.is_empty()).then(|| note("[possible values: {}]", &names.join(", ")));
    // clap lists the values with their help in the long help, and names them in the short.
    let list = values
        .iter()
        .any(|v| v.get_help().is_some())
        .then(|| value_list(&values, lang, styles));

    let short = a.get_help().map(|h| lang.term(&h.to_string()).to_string());
    let long = a
        .get_long_help()
        .map(|h| lang.term(&h.to_string()).to_string())
        .or_else(|| short.clone());
    let short_notes: Vec<&str> = notes.iter().chain(&inline).map(String::as_str).collect();
    let long_notes: Vec<&str> = notes
        .iter()
        .chain(inline.iter().filter(|_| list.is_none()))
        .map(String::as_str)
        .collect();
    let short = joined(short, &short_notes, " ", " ");
    let long = [long, list]
        .into_iter()
        .flatten()
        .reduce(|text, list| format!("{text}\n\n{list}"));
    let long = joined(long, &long_notes, "\n\n", "\n");
    let takes_values = a.get_action().takes_values();
    let mut a = a
        .help_heading(heading)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(takes_values);
    if let Some(s) = short {
        a = a.help(s);
    }
    if let Some(l) = long {
        a = a.long_help(l);
    }
    a
}

/// `text` followed by `notes` (after `gap`, one from the next by `sep`).
fn joined(text: Option<String>, notes: &[&str], gap: &str, sep: &str) -> Option<String> {
    if notes.is_empty() {
        return text;
    }
    let notes = notes.join(sep);
    Some(match text {
        Some(t) if !t.is_empty() => format!("{t}{gap}{notes}"),
        _ => notes,
    })
}

/// The possible values with their help, one a line, as clap lists them in the long help.
fn value_list(values: &[PossibleValue], lang: Lang, styles: &Styles) -> String {
    let literal = styles.get_literal();
    let width = values.iter().map(|v| v.get_name().chars().count()).max();
    let mut out = lang.term("Possible values:").to_string();
    for v in values {
        let name = v.get_name();
        out.push_str(&format!("\n- {literal}{name}{literal:#}"));
        if let Some(h) = v.get_help() {
            let pad = width.unwrap_or(0) - name.chars().count();
            out.push_str(&format!(": {:pad$}{}", "", lang.term(&h.to_string())));
        }
    }
    out
}

/// A value as clap shows it: quoted when empty or holding a space.
fn quoted(v: &str) -> String {
    if v.is_empty() || v.contains(char::is_whitespace) {
        format!("{v:?}")
    } else {
        v.to_string()
    }
}
