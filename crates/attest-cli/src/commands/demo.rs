//! `attest demo`: the bundled example reports into a fresh store, and what attest found.

use super::ingest::ingest_paths;
use crate::output;
use anyhow::Context;
use attest::engine::Engine;
use attest_ingest::Options;
use attest_store::{ReportFilter, SqliteStore, Store};
use clap::Args;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the examples are in a source checkout.
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");

#[derive(Debug, Args)]
pub(crate) struct Demo {
    /// The demo store, replaced at each run.
    #[arg(long, default_value = "attest-demo.db")]
    store: PathBuf,
    /// The example reports (default: examples/reports of the checkout).
    #[arg(long)]
    examples: Option<PathBuf>,
}

impl Demo {
    pub(crate) fn run(self) -> anyhow::Result<ExitCode> {
        let examples = self.examples.unwrap_or_else(|| {
            let local = PathBuf::from("examples/reports");
            if local.is_dir() {
                local
            } else {
                PathBuf::from(BUNDLED)
            }
        });
        anyhow::ensure!(
            examples.is_dir(),
            "example reports not found at {}",
            examples.display()
        );
        remove_store(&self.store)?;
        let mut store = SqliteStore::open(&self.store)?;
        let engine = Engine::new(None, Some(&store))?;
        let summary = ingest_paths(
            &mut store,
            Some(&engine),
            std::slice::from_ref(&examples),
            &Options::default(),
            "demo",
        )?;
        println!(
            "Ingested {} example reports from {} ({} duplicate, {} failed) into {}.",
            summary.new,
            examples.display(),
            summary.duplicate,
            summary.failed,
            self.store.display()
        );
        for f in &summary.failures {
            println!("  failed: {}: {}", f.path, f.reason);
        }
        let linked = attest::linking::relink(&mut store, &attest_link::LinkConfig::default())?;
        let stats = store.stats()?;
        println!("\nBy format:");
        for (format, n) in &stats.by_format {
            println!("  {format:<10} {n}");
        }
        println!(
            "\nIncidents found ({} in {} reports):",
            stats.extracted_incidents, stats.extracted_reports
        );
        let reports = store.reports(&ReportFilter::default())?;
        for r in reports.iter().rev() {
            let Some(extraction) = store.current_extraction(r.id)? else {
                continue;
            };
            for incident in extraction.result["incidents"]
                .as_array()
                .into_iter()
                .flatten()
            {
                println!(
                    "  {:<28} {}",
                    output::clip(&r.external_id, 27),
                    describe(incident)
                );
            }
        }
        println!(
            "\nIncidents across sources ({} mentions linked into {}):",
            linked.mentions, linked.incidents
        );
        for row in store.incidents(&attest_store::IncidentFilter::default())? {
            let s = &row.summary;
            println!(
                "  {:<20} {:<14} {:>2} reports, {} independent sources, grade {}",
                row.code,
                s["event_type"].as_str().unwrap_or("-"),
                s["reports"].as_array().map_or(0, Vec::len),
                s["independent_sources"],
                s["grade"].as_str().unwrap_or("-"),
            );
        }
        println!("\nSources:");
        for s in store.sources()? {
            println!("  {:<40} {:>3} reports", s.source.name, s.reports);
        }
        println!(
            "\nNext:\n  attest --db {db} serve          # then open http://127.0.0.1:8080\n  attest --db {db} incident list\n  attest --db {db} incident show CODE --explain",
            db = self.store.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}

/// Removes a previous demo store with its WAL files.
fn remove_store(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
    }
    Ok(())
}

/// One line about an extracted incident: type, place, date, casualties.
fn describe(incident: &Value) -> String {
    let range = |c: &Value| match (c["low"].as_u64(), c["high"].as_u64()) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l}-{h}"),
        (Some(l), None) => format!("{l}+"),
        _ => "?".into(),
    };
    let place = &incident["location"];
    let place = match (place["name"].as_str(), place["country_code"].as_str()) {
        (Some(n), Some(cc)) => format!("{n} ({cc})"),
        (Some(n), None) => n.to_string(),
        _ => place["mention"]
            .as_str()
            .unwrap_or("place unknown")
            .to_string(),
    };
    format!(
        "{:<15} {:<28} {:<10} killed {:<5} injured {}",
        incident["event_type"].as_str().unwrap_or("?"),
        output::clip(&place, 27),
        incident["date"]["start"].as_str().unwrap_or("date ?"),
        range(&incident["killed"]),
        range(&incident["injured"]),
    )
}
