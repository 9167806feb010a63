//! `attest stats`: what the store holds.

use super::open_store;
use crate::output;
use attest_store::Store;
use clap::Args;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct Stats {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

impl Stats {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let store = open_store(db)?;
        let stats = store.stats()?;
        if self.json {
            output::json(&stats)?;
            return Ok(ExitCode::SUCCESS);
        }
        println!("store        {}", db.display());
        println!("reports      {}", stats.reports);
        println!("sources      {}", stats.sources);
        println!(
            "batches      {} ({} failed inputs)",
            stats.batches, stats.failures
        );
        println!(
            "extracted    {} reports, {} incidents",
            stats.extracted_reports, stats.extracted_incidents
        );
        println!("audit        {} entries", stats.audit_entries);
        println!(
            "originals    {} bytes ({} stored)",
            stats.original_bytes, stats.stored_bytes
        );
        for (format, n) in &stats.by_format {
            println!("  format {format:<10} {n}");
        }
        for (kind, n) in &stats.by_source_kind {
            println!("  source {kind:<14} {n}");
        }
        Ok(ExitCode::SUCCESS)
    }
}
