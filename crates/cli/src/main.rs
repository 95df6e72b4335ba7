//! `deepbrief`: what the app does to data, headless — for scripts, CI and checklist authors.
//!
//! `main` parses the command line and runs the command; [`command`] holds the commands, one module
//! each, and the context they share.

mod command;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Printing into a closed pipe (`deepbrief brief history … | head`) ends the process quietly,
    // as other command-line tools do, instead of panicking on the failed write.
    sigpipe::reset();
    let (command, ctx) = command::Cli::parse().into_parts();
    match command.run(&ctx) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
