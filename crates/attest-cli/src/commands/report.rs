//! `attest report`: list and show stored reports.

use super::open_store;
use crate::output::{self, or_dash};
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
  attest report show seed.txt --original > copy.txt")]
    Show {
        /// Report id.
        id: String,
        /// Write the original bytes, exactly as ingested, to standard output.
        #[arg(long, conflicts_with = "json")]
        original: bool,
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
            ReportCmd::Show { id, original, json } => {
                let report = store.report(&id)?;
                if original {
                    let bytes = store.original(report.id)?;
                    let mut out = std::io::stdout().lock();
                    out.write_all(&bytes)?;
                    out.flush()?;
                } else if json {
                    let extractions = store.extractions(report.id)?;
                    let corrections = store.audit_log(Some(("report", &report.id.to_string())))?;
                    output::json(&serde_json::json!({
                        "report": report,
                        "corrections": corrections,
                        "extractions": extractions,
                    }))?;
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
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
