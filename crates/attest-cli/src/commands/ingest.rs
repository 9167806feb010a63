//! `attest ingest`: store reports with their provenance.

use super::open_store;
use crate::cli::UsageError;
use crate::output;
use anyhow::Context;
use attest::engine::Engine;
use attest::pipeline::{prepare_report, store_prepared, to_new_report};
use attest_ingest::{InputError, Options};
use attest_store::{
    BatchCounts, IngestFailure, InsertOutcome, NewReport, PreparedReport, SqliteStore, Store,
};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reports stored per transaction: a kill loses at most one chunk, which a re-run stores.
const CHUNK: usize = 1000;

/// Store reports from files, folders or standard input.
///
/// Formats by extension, checked against the content: .txt (optional Title:, Published:,
/// Source:, URL: headers before a blank line), .html/.htm (the article is kept, page furniture
/// dropped), .jsonl (extraction-contract input lines), .xml/.rss/.atom feeds, .json Telegram
/// Desktop channel exports, .eml e-mail. Identical content already stored is reported as a
/// duplicate and not stored again.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  attest ingest examples/reports/
  attest ingest --source 'Halab News Network' --published 2016-04-28 page.html
  cat dump.jsonl | attest ingest -")]
pub(crate) struct Ingest {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Source name for every report, overriding what the files say.
    #[arg(long)]
    source: Option<String>,
    /// Publication date (ISO 8601) for every report, overriding what the files say.
    #[arg(long)]
    published: Option<String>,
    /// Largest report accepted (bytes, or with a unit: 500KiB, 20MiB, 1GB). In JSON Lines
    /// files, feeds and Telegram exports it applies to each report.
    #[arg(long, default_value = "20MiB", value_parser = parse_size)]
    max_size: u64,
    /// Store the reports only; extract later with `attest reextract`.
    #[arg(long)]
    no_extract: bool,
    /// A folder of lexicon files that extend or override the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// Parses a size such as `20MiB`, `500k` or `1048576`.
pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let num: f64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size (try 20MiB)"))?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "unknown size unit '{other}' (use B, KiB, MiB, GiB)"
            ))
        }
    };
    Ok((num * factor) as u64)
}

/// Most bytes (originals and texts) in a chunk: large reports make shorter chunks, so memory
/// stays bounded whatever their size.
const CHUNK_BYTES: usize = 8 << 20;

/// What a report weighs in a chunk.
fn weight(report: &NewReport) -> usize {
    report.original.len() + report.text.len()
}

/// One input read: the report with its origin, or why it could not be read.
type Read = Result<(String, NewReport), InputError>;

/// One input read and prepared for the store (or why preparing it failed), with its origin;
/// or why the input could not be read.
type Prepared = Result<(String, std::io::Result<PreparedReport>), InputError>;

/// The threads preparing reports: every core but the writer's (at least one), so the writer
/// keeps a core of its own.
fn prepare_pool() -> anyhow::Result<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(cores.saturating_sub(1).max(1))
        .thread_name(|i| format!("attest-prepare-{i}"))
        .build()?)
}

/// What an ingest did, for the summary.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Summary {
    pub(crate) batch: i64,
    pub(crate) new: u64,
    pub(crate) duplicate: u64,
    pub(crate) failed: u64,
    pub(crate) incidents: u64,
    /// Incidents in the store after linking, when linking ran.
    pub(crate) linked_incidents: Option<u64>,
    pub(crate) failures: Vec<IngestFailure>,
    pub(crate) duplicates: Vec<Duplicate>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Duplicate {
    origin: String,
    external_id: String,
    existing: i64,
    existing_external_id: String,
}

impl Ingest {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        if self.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
            return Err(UsageError("standard input ('-') can be named only once".into()).into());
        }
        let mut store = open_store(db)?;
        let opts = Options {
            max_size: self.max_size,
            source: self.source.clone(),
            published: self.published.clone(),
        };
        let command = format!(
            "ingest {}",
            self.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let engine = if self.no_extract {
            None
        } else {
            Some(Engine::new(self.lexicon.as_deref(), Some(&store))?)
        };
        let mut summary = ingest_paths(&mut store, engine.as_ref(), &self.paths, &opts, &command)?;
        if engine.is_some() && summary.new > 0 {
            let linked = attest::linking::relink(&mut store, &attest_link::LinkConfig::default())?;
            summary.linked_incidents = Some(linked.incidents as u64);
        }
        if self.json {
            output::json(&summary)?;
        } else {
            print_summary(&summary, db);
        }
        Ok(if summary.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// Reads `paths` and stores what they hold, in chunks of one transaction each.
pub(crate) fn ingest_paths(
    store: &mut SqliteStore,
    engine: Option<&Engine>,
    paths: &[PathBuf],
    opts: &Options,
    command: &str,
) -> anyhow::Result<Summary> {
    // The writer below only writes; copying its log into the store file happens beside it.
    store.checkpoint_in_background()?;
    let batch = store.begin_batch(command)?;
    let mut summary = Summary {
        batch: batch.0,
        ..Summary::default()
    };
    if let Some(engine) = engine {
        // Reports a killed run stored but did not extract.
        for ids in store.unextracted_report_ids()?.chunks(CHUNK) {
            summary.incidents += engine.extract_stored(store, ids)?;
        }
    }
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} reports read ({per_sec}) {msg}")
            .expect("static template"),
    );
    // Reading and parsing run on a thread of their own, preparing (language guess, hash,
    // compression) on every core but one, each a chunk ahead of the writer; the writer only
    // writes. Chunks keep their order, so reports get ids in input order.
    let (read_sender, read_receiver) = std::sync::mpsc::sync_channel::<Vec<Read>>(1);
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(1);
    let reader = {
        let (paths, opts) = (paths.to_vec(), opts.clone());
        std::thread::spawn(move || {
            let mut items = Vec::with_capacity(CHUNK);
            let mut bytes = 0;
            for item in attest_ingest::read_paths(&paths, &opts) {
                let item = item.map(|i| (i.origin.to_string(), to_new_report(i)));
                if let Ok((_, report)) = &item {
                    bytes += weight(report);
                }
                items.push(item);
                if items.len() == CHUNK || bytes >= CHUNK_BYTES {
                    if read_sender.send(std::mem::take(&mut items)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            let _ = read_sender.send(items);
        })
    };
    let preparer = {
        let pool = prepare_pool()?;
        std::thread::spawn(move || {
            for items in read_receiver {
                let prepared = pool.install(|| {
                    items
                        .into_par_iter()
                        .map(|item| item.map(|(origin, r)| (origin, prepare_report(r))))
                        .collect()
                });
                if sender.send(prepared).is_err() {
                    return;
                }
            }
        })
    };
    // Inputs that failed leave a chunk short: it waits for the next one to fill up.
    let mut chunk: Vec<(String, PreparedReport)> = Vec::with_capacity(CHUNK);
    let mut bytes = 0;
    for items in receiver {
        progress.inc(items.len() as u64);
        for item in items {
            match item {
                Ok((origin, prepared)) => {
                    let prepared = prepared.context("preparing reports")?;
                    bytes += weight(&prepared.report);
                    chunk.push((origin, prepared));
                }
                Err(err) => fail(store, batch, err, &mut summary)?,
            }
        }
        if chunk.len() >= CHUNK || bytes >= CHUNK_BYTES {
            store_chunk(store, engine, batch, &mut chunk, &mut summary)?;
            bytes = 0;
        }
    }
    store_chunk(store, engine, batch, &mut chunk, &mut summary)?;
    for thread in [reader, preparer] {
        thread
            .join()
            .map_err(|_| anyhow::anyhow!("the input reader stopped unexpectedly"))?;
    }
    progress.finish_and_clear();
    store.finish_batch(
        batch,
        BatchCounts {
            new: summary.new,
            duplicate: summary.duplicate,
            failed: summary.failed,
        },
    )?;
    Ok(summary)
}

fn fail(
    store: &mut SqliteStore,
    batch: attest_model::BatchId,
    err: InputError,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let failure = IngestFailure {
        path: err.origin.path.clone(),
        line: err.origin.line,
        reason: err.reason.clone(),
    };
    store.record_failure(batch, &failure)?;
    summary.failed += 1;
    summary.failures.push(failure);
    Ok(())
}

fn store_chunk(
    store: &mut SqliteStore,
    engine: Option<&Engine>,
    batch: attest_model::BatchId,
    chunk: &mut Vec<(String, PreparedReport)>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if chunk.is_empty() {
        return Ok(());
    }
    let (origins, reports): (Vec<String>, Vec<PreparedReport>) =
        std::mem::take(chunk).into_iter().unzip();
    let external_ids: Vec<String> = reports
        .iter()
        .map(|r| r.report.external_id.clone())
        .collect();
    let (outcomes, incidents) =
        store_prepared(store, engine, batch, reports).context("storing reports")?;
    summary.incidents += incidents;
    for ((outcome, origin), external_id) in outcomes.into_iter().zip(origins).zip(external_ids) {
        match outcome {
            InsertOutcome::New { .. } => summary.new += 1,
            InsertOutcome::Duplicate {
                existing,
                existing_external_id,
            } => {
                summary.duplicate += 1;
                summary.duplicates.push(Duplicate {
                    origin,
                    external_id,
                    existing: existing.0,
                    existing_external_id,
                });
            }
        }
    }
    Ok(())
}

fn print_summary(summary: &Summary, db: &Path) {
    for d in &summary.duplicates {
        eprintln!(
            "duplicate: {} ({}) is already stored as report {} ({})",
            d.origin, d.external_id, d.existing, d.existing_external_id
        );
    }
    for f in &summary.failures {
        match f.line {
            Some(line) => eprintln!("failed: {}:{line}: {}", f.path, f.reason),
            None => eprintln!("failed: {}: {}", f.path, f.reason),
        }
    }
    println!(
        "batch {}: {} new, {} duplicate, {} failed; {} incidents extracted -> {}",
        summary.batch,
        summary.new,
        summary.duplicate,
        summary.failed,
        summary.incidents,
        db.display()
    );
    if let Some(n) = summary.linked_incidents {
        println!("{n} incidents across all reports after linking");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("20MiB"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("1048576"), Ok(1_048_576));
        assert_eq!(parse_size("1.5 KiB"), Ok(1536));
        assert!(parse_size("big").is_err());
        assert!(parse_size("3 parsecs").is_err());
    }
}
