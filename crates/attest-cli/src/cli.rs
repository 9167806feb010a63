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
  attest place add 'Al Quds hospital' --lat 36.2068 --lon 37.1284 --kind site --country SY
  attest gazetteer import SY.txt
  attest reextract
  attest stats";

#[derive(Debug, Subcommand)]
enum Command {
    /// Store reports from files, folders or standard input, with their provenance.
    Ingest(commands::ingest::Ingest),
    /// Read contract input lines (JSON Lines) and write the incidents each report describes.
    Extract(commands::extract::Extract),
    /// Record, list and show sources.
    #[command(subcommand)]
    Source(commands::source::SourceCmd),
    /// List and show stored reports.
    #[command(subcommand)]
    Report(commands::report::ReportCmd),
    /// Extract stored reports again after the lexicons or the gazetteer changed.
    Reextract(commands::reextract::Reextract),
    /// Add and list places of your own for geocoding.
    #[command(subcommand)]
    Place(commands::place::PlaceCmd),
    /// Import GeoNames dumps into the store's gazetteer.
    #[command(subcommand)]
    Gazetteer(commands::place::GazetteerCmd),
    /// Incidents across sources: list, show, and the analyst's review (merge, split, set, grade, note, history).
    #[command(subcommand)]
    Incident(commands::incident::IncidentCmd),
    /// Re-link every mention into incidents (after lexicon, gazetteer or rule changes).
    Relink(commands::incident::Relink),
    /// Counts of what the store holds.
    Stats(commands::stats::Stats),
    /// Ingest the bundled example reports into a fresh store and show what was found.
    Demo(commands::demo::Demo),
    /// Serve the JSON API on the store (127.0.0.1:8080 by default).
    Serve(commands::serve::Serve),
    /// Create, list and revoke API tokens for `attest serve`.
    #[command(subcommand)]
    Token(commands::token::TokenCmd),
}

impl Cli {
    pub(crate) fn run(self) -> anyhow::Result<ExitCode> {
        let db = self.db;
        match self.command {
            Command::Ingest(cmd) => cmd.run(&db),
            Command::Extract(cmd) => cmd.run(&db),
            Command::Source(cmd) => cmd.run(&db),
            Command::Report(cmd) => cmd.run(&db),
            Command::Stats(cmd) => cmd.run(&db),
            Command::Reextract(cmd) => cmd.run(&db),
            Command::Incident(cmd) => cmd.run(&db),
            Command::Relink(cmd) => cmd.run(&db),
            Command::Place(cmd) => cmd.run(&db),
            Command::Gazetteer(cmd) => cmd.run(&db),
            Command::Demo(cmd) => cmd.run(),
            Command::Serve(cmd) => cmd.run(&db),
            Command::Token(cmd) => cmd.run(&db),
        }
    }
}
