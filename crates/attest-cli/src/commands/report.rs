//! `attest report`: list and show stored reports.

use super::open_store;
use crate::output::{self, or_dash};
use attest::engine::{output_value, Engine};
use attest_extract::Document;
use attest_model::Incident;
use attest_store::{AuditEntry, ReportFilter, Store};
use clap::Subcommand;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Fields of a report a correction may concern.
const CORRECTABLE: &[&str] = &["title", "published_at", "source", "url", "language", "text"];

#[derive(Debug, Subcommand)]
pub(crate) enum ReportCmd {
    /// Record a correction to a report's metadata or text. The stored report never changes:
    /// the correction is an audit entry, shown with the report.
    #[command(after_help = "Example:
  attest report correct 12 published_at 2016-04-27 --by rana --reason 'dateline says Wednesday'")]
    Correct {
        /// Report id.
        id: String,
        /// One of: title, published_at, source, url, language, text.
        field: String,
        /// The corrected value.
        value: String,
        /// Who corrects (audit log).
        #[arg(long, env = "USER", default_value = "unknown")]
        by: String,
        /// Why (audit log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// List reports, newest first.
    List {
        /// Only this source.
        #[arg(long)]
        source: Option<String>,
        /// Only this ingest batch.
        #[arg(long)]
        batch: Option<i64>,
        /// Only reports whose title or text contains this.
        #[arg(long)]
        grep: Option<String>,
        /// At most this many (0: all).
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a report by numeric id (`12` or `#12`) or by the id it was ingested under.
    #[command(after_help = "Examples:
  attest report show 12
  attest report show 12 --explain
  attest report show seed.txt --original > copy.txt")]
    Show {
        /// Report id.
        id: String,
        /// Write the original bytes, exactly as ingested, to standard output.
        #[arg(long, conflicts_with_all = ["json", "explain"])]
        original: bool,
        /// Read the report again with the current lexicons and say how each sentence with a
        /// trigger or casualty word was read, and why (as `attest extract --explain`).
        #[arg(long)]
        explain: bool,
        /// Print JSON (metadata, text and stored extractions).
        #[arg(long)]
        json: bool,
    },
}

impl ReportCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        match self {
            ReportCmd::Correct {
                id,
                field,
                value,
                by,
                reason,
            } => {
                if !CORRECTABLE.contains(&field.as_str()) {
                    return Err(crate::cli::UsageError(format!(
                        "cannot correct '{field}': correctable fields are {}",
                        CORRECTABLE.join(", ")
                    ))
                    .into());
                }
                let report = store.report(&id)?;
                let was = serde_json::to_value(&report)?
                    .get(if field == "source" {
                        "source_name"
                    } else {
                        &field
                    })
                    .cloned()
                    .unwrap_or_default();
                store.audit(&AuditEntry {
                    actor: by,
                    action: "report.correct".into(),
                    entity: "report".into(),
                    entity_id: Some(report.id.to_string()),
                    details: serde_json::json!({"field": field, "value": value, "was": was}),
                    reason,
                })?;
                println!(
                    "report {}: {field} corrected (the original is kept)",
                    report.id
                );
            }
            ReportCmd::List {
                source,
                batch,
                grep,
                limit,
                json,
            } => {
                let reports = store.reports(&ReportFilter {
                    source,
                    batch,
                    text: grep,
                    limit,
                })?;
                if json {
                    output::json(&reports)?;
                } else {
                    for r in reports {
                        println!(
                            "{:>6}  {:<10} {:<24} {:<22} {}",
                            r.id,
                            r.published_at
                                .as_deref()
                                .map(|d| d.get(..10).unwrap_or(d))
                                .unwrap_or("-"),
                            output::clip(or_dash(r.source.as_deref()), 23),
                            output::clip(&r.external_id, 21),
                            output::clip(or_dash(r.title.as_deref()), 60)
                        );
                    }
                }
            }
            ReportCmd::Show {
                id,
                original,
                json,
                explain,
            } => {
                let report = store.report(&id)?;
                // The store keeps no explanation (it would cost every ingest): read again.
                let explained = if explain {
                    let engine = Engine::new(None, Some(&store))?;
                    let (x, e) = engine.extractor.extract_explained(&Document {
                        text: &report.text,
                        published: report.published_at.as_deref(),
                        title: report.title.as_deref(),
                    });
                    let incidents = x.incidents.clone();
                    let line =
                        output_value(report.external_id.clone(), x, false, Some(e), String::new());
                    Some((line, incidents))
                } else {
                    None
                };
                if original {
                    let bytes = store.original(report.id)?;
                    let mut out = std::io::stdout().lock();
                    out.write_all(&bytes)?;
                    out.flush()?;
                } else if json {
                    let extractions = store.extractions(report.id)?;
                    let corrections = store.audit_log(Some(("report", &report.id.to_string())))?;
                    let mut shown = serde_json::json!({
                        "report": report,
                        "corrections": corrections,
                        "extractions": extractions,
                    });
                    if let Some((line, _)) = explained {
                        // The contract line of the new reading: its "explain" indexes its
                        // "incidents".
                        shown["explain"] = line;
                    }
                    output::json(&shown)?;
                } else {
                    println!("report {}: {}", report.id, or_dash(report.title.as_deref()));
                    println!("  ingested as  {}", report.external_id);
                    println!("  source       {}", or_dash(report.source_name.as_deref()));
                    println!("  url          {}", or_dash(report.url.as_deref()));
                    println!("  published    {}", or_dash(report.published_at.as_deref()));
                    println!(
                        "  captured     {} (batch {})",
                        report.captured_at, report.batch_id
                    );
                    println!("  format       {}", report.format);
                    println!("  language     {}", or_dash(report.language.as_deref()));
                    println!("  sha256       {}", report.sha256);
                    println!("  size         {} bytes", report.original_size);
                    println!("  from         {}", or_dash(report.origin.as_deref()));
                    println!("  status       {}", report.status);
                    for w in &report.warnings {
                        println!("  warning      {w}");
                    }
                    for c in store.audit_log(Some(("report", &report.id.to_string())))? {
                        println!(
                            "  correction   {} = {} by {} at {}{}",
                            c.entry.details["field"].as_str().unwrap_or("?"),
                            c.entry.details["value"],
                            c.entry.actor,
                            c.at,
                            c.entry
                                .reason
                                .map(|r| format!(" ({r})"))
                                .unwrap_or_default()
                        );
                    }
                    println!();
                    println!("{}", report.text);
                    if let Some((line, incidents)) = explained {
                        print_readings(&report.text, &line, &incidents);
                    }
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The sentence readings of `attest report show --explain`, one block per sentence.
fn print_readings(text: &str, line: &serde_json::Value, incidents: &[Incident]) {
    println!();
    println!(
        "how the sentences read now (lexicon {}):",
        line["explain"]["lexicon_version"].as_str().unwrap_or("?")
    );
    let empty = Vec::new();
    let sentences = line["explain"]["sentences"].as_array().unwrap_or(&empty);
    if sentences.is_empty() {
        println!("  no sentence has a trigger or a casualty word");
    }
    for s in sentences {
        let span = |v: &serde_json::Value| -> Option<&str> {
            let a = usize::try_from(v[0].as_u64()?).ok()?;
            let b = usize::try_from(v[1].as_u64()?).ok()?;
            text.get(a..b)
        };
        let reading = s["reading"].as_str().unwrap_or("?");
        let head = match s["incident"].as_u64() {
            Some(i) => {
                let kind = usize::try_from(i)
                    .ok()
                    .and_then(|i| incidents.get(i))
                    .map_or("?", |inc| inc.event_type.as_str());
                format!("incident {i} ({kind})")
            }
            None => reading.to_string(),
        };
        println!(
            "  {head}: {}",
            output::clip(&span(&s["span"]).unwrap_or("").replace('\n', " "), 100)
        );
        for t in s["triggers"].as_array().unwrap_or(&empty) {
            let word = t["text"].as_str().unwrap_or("?");
            let event = t["event"].as_str().unwrap_or("?");
            match t["why"].as_str() {
                Some(why) => println!("      {word} ({event}) dropped: {why}"),
                None => println!("      {word} ({event}) kept"),
            }
        }
        for c in s["counts"].as_array().unwrap_or(&empty) {
            let count = match (c["low"].as_u64(), c["high"].as_u64()) {
                (Some(l), Some(h)) if l == h => l.to_string(),
                (Some(l), Some(h)) => format!("{l} to {h}"),
                (Some(l), None) => format!("at least {l}"),
                (None, Some(h)) => format!("up to {h}"),
                (None, None) => "an unknown number".to_string(),
            };
            println!(
                "      {} {count}: {}",
                c["kind"].as_str().unwrap_or("?"),
                c["text"].as_str().unwrap_or("")
            );
        }
    }
}
