//! The command line: every flag is defined once, here, and documented by its doc comment.

use crate::commands;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// A mistake in how attest was called (exit status 2).
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Turn raw conflict reporting into sourced, cross-checked incident records.
#[derive(Debug, Parser)]
#[command(name = "attest", version, about, long_about = None, after_help = EXAMPLES)]
pub(crate) struct Cli {
    /// The store: an SQLite file, created when absent.
    #[arg(long, global = true, env = "ATTEST_DB", default_value = "attest.db")]
    pub(crate) db: PathBuf,
    /// More log output on stderr (-v info, -vv debug); ATTEST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  attest demo                                 ingest the bundled example reports into attest-demo.db
  attest ingest reports/ feed.xml -           ingest files, a folder and standard input
  attest ingest page.html --source 'Halab News Network'
  attest source add SOHR --kind monitor --leaning pro-opposition --country GB
  attest report list --json
  attest report show 12 --original > original.html
  attest extract < input.jsonl > incidents.jsonl
  attest stats";

#[derive(Debug, Subcommand)]
enum Command {
    /// Store reports from files, folders or standard input, with their provenance.
    Ingest(commands::ingest::Ingest),
    /// Record, list and show sources.
    #[command(subcommand)]
    Source(commands::source::SourceCmd),
    /// List and show stored reports.
    #[command(subcommand)]
    Report(commands::report::ReportCmd),
    /// Counts of what the store holds.
    Stats(commands::stats::Stats),
    /// Ingest the bundled example reports into a fresh store and show what was found.
    Demo(commands::demo::Demo),
}

impl Cli {
    pub(crate) fn run(self) -> anyhow::Result<ExitCode> {
        let db = self.db;
        match self.command {
            Command::Ingest(cmd) => cmd.run(&db),
            Command::Source(cmd) => cmd.run(&db),
            Command::Report(cmd) => cmd.run(&db),
            Command::Stats(cmd) => cmd.run(&db),
            Command::Demo(cmd) => cmd.run(),
        }
    }
}
