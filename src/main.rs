use std::borrow::Cow;
use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use coverage::{
    cli::Cli,
    error_text, is_broken_pipe,
    output::visible,
    output::Lang,
    run_to_output,
    usage::{lang_of_args, usage_error},
    Outcome,
};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let args: Vec<_> = std::env::args_os().collect();
            let lang = lang_of_args(args.iter().map(|a| a.to_string_lossy().into_owned()));
            // Help, asked for or shown for want of a subcommand, in the reader's language.
            let e = coverage::help::in_lang(e, Cli::command(), args, lang);
            // --help and --version print to standard output, as clap does them; a failed write
            // (a full disk) is an error, a closed pipe is not.
            if !e.use_stderr() {
                return help(&e);
            }
            // A usage error quotes the arguments, which may hold control characters: shown visibly.
            if let Some(msg) = usage_error(&e, lang) {
                let _ = std::io::stderr().write_all(visible(&msg, true).as_bytes());
                return ExitCode::from(2);
            }
            // Plain text drops escape sequences but keeps other controls; clap's own printing
            // would pass an argument's escape sequences to a terminal.
            let plain = e.render().to_string();
            let clean = std::env::args_os()
                .all(|a| matches!(visible(&a.to_string_lossy(), false), Cow::Borrowed(_)));
            if clean {
                // Nothing to show visibly: clap prints it, in colour on a terminal.
                let _ = e.print();
            } else {
                let _ = std::io::stderr().write_all(visible(&plain, true).as_bytes());
            }
            return ExitCode::from(2);
        }
    };
    let lang = cli.global.lang.unwrap_or_else(Lang::from_env);
    match run_to_output(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Names and paths in a message come from the data: never raw to the terminal.
            let msg = error_text(&e, lang);
            let _ = std::io::stderr().write_all(visible(&msg, true).as_bytes());
            ExitCode::from(2)
        }
    }
}

/// Prints `--help` or `--version` (in colour on a terminal) and the exit code of that write.
fn help(e: &clap::Error) -> ExitCode {
    use std::io::IsTerminal;
    let mut out = std::io::stdout().lock();
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let r = if colour && out.is_terminal() {
        write!(out, "{}", e.render().ansi())
    } else {
        write!(out, "{}", e.render())
    };
    match r.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot write to standard output: {e}"
            );
            ExitCode::from(2)
        }
    }
}
