use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use coverage::{cli::Cli, is_broken_pipe, output::visible, run_to_output, Outcome};

fn main() -> ExitCode {
    // clap exits 2 on usage errors and 0 for --help/--version.
    let cli = Cli::parse();
    match run_to_output(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Names and paths in a message come from the data: never raw to the terminal.
            let msg = format!("error: {e:#}\n");
            let _ = std::io::stderr().write_all(visible(&msg, true).as_bytes());
            ExitCode::from(2)
        }
    }
}
