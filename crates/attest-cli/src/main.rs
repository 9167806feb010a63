//! `attest`: turns raw conflict reporting into sourced, cross-checked incident records.
//!
//! `main` only parses, dispatches and maps the outcome to an exit status; each subcommand lives
//! in `commands/<name>.rs`.

mod cli;
mod commands;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    init_tracing(cli.verbose);
    match cli.run() {
        Ok(status) => status,
        Err(err) => {
            if let Some(usage) = err.downcast_ref::<cli::UsageError>() {
                eprintln!("attest: {usage}");
                return ExitCode::from(2);
            }
            if let Some(attest::Error::Invalid(why)) = err.downcast_ref::<attest::Error>() {
                eprintln!("attest: {why}");
                return ExitCode::from(2);
            }
            eprintln!("attest: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Logs go to stderr; `ATTEST_LOG` (or `RUST_LOG`) picks what, `-v` raises the default.
fn init_tracing(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = EnvFilter::try_from_env("ATTEST_LOG")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
