//! `attest source`: record, list and show sources.

use super::open_store;
use crate::output::{self, or_dash};
use attest_model::SourceKind;
use attest_store::{AuditEntry, NewSource, Store};
use clap::{Args, Subcommand};
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub(crate) enum SourceCmd {
    /// Record a source (or describe one created automatically by ingest).
    #[command(after_help = "Example:
  attest source add 'Halab News Network' --kind local-network --leaning pro-opposition --country SY")]
    Add(Add),
    /// List sources with their report counts.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one source by name or id.
    Show {
        /// Name or numeric id.
        name: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct Add {
    /// The source's name, unique in the store.
    name: String,
    /// What kind of voice it is.
    #[arg(long, default_value = "unknown", value_parser = parse_kind)]
    kind: SourceKind,
    /// Its leaning, in your words ("pro-opposition", "state media").
    #[arg(long)]
    leaning: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[arg(long, value_parser = parse_country)]
    country: Option<String>,
    /// Home page.
    #[arg(long)]
    url: Option<String>,
    /// Update the description of a source that exists (e.g. one ingest created as `unknown`).
    #[arg(long)]
    update: bool,
    /// Who records it (audit log).
    #[arg(long, env = "USER", default_value = "unknown")]
    by: String,
    /// Why (audit log).
    #[arg(long)]
    reason: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    s.parse().map_err(|_| {
        let names: Vec<_> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

fn parse_country(s: &str) -> Result<String, String> {
    if s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err("expected an ISO 3166-1 alpha-2 code such as SY".into())
    }
}

impl SourceCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        match self {
            SourceCmd::Add(add) => {
                let new = NewSource {
                    name: add.name.clone(),
                    kind: add.kind,
                    leaning: add.leaning,
                    country: add.country,
                    url: add.url,
                };
                let (source, action) = if add.update {
                    (
                        store.update_source(&add.name, new.clone())?,
                        "source.update",
                    )
                } else {
                    (store.add_source(new.clone())?, "source.add")
                };
                store.audit(&AuditEntry {
                    actor: add.by,
                    action: action.into(),
                    entity: "source".into(),
                    entity_id: Some(source.id.to_string()),
                    details: serde_json::to_value(&new)?,
                    reason: add.reason,
                })?;
                if add.json {
                    output::json(&source)?;
                } else {
                    println!("source {}: {} ({})", source.id, source.name, source.kind);
                }
            }
            SourceCmd::List { json } => {
                let sources = store.sources()?;
                if json {
                    output::json(&sources)?;
                } else {
                    println!(
                        "{:>4}  {:<32} {:<14} {:<20} {:<3} {:>7}",
                        "id", "name", "kind", "leaning", "cc", "reports"
                    );
                    for s in sources {
                        println!(
                            "{:>4}  {:<32} {:<14} {:<20} {:<3} {:>7}",
                            s.source.id,
                            output::clip(&s.source.name, 31),
                            s.source.kind.as_str(),
                            output::clip(or_dash(s.source.leaning.as_deref()), 19),
                            or_dash(s.source.country.as_deref()),
                            s.reports
                        );
                    }
                }
            }
            SourceCmd::Show { name, json } => {
                let source = store.source(&name)?;
                let history = store.audit_log(Some(("source", &source.id.to_string())))?;
                if json {
                    output::json(&serde_json::json!({"source": source, "history": history}))?;
                } else {
                    println!("source {}: {}", source.id, source.name);
                    println!("  kind     {}", source.kind);
                    println!("  leaning  {}", or_dash(source.leaning.as_deref()));
                    println!("  country  {}", or_dash(source.country.as_deref()));
                    println!("  url      {}", or_dash(source.url.as_deref()));
                    println!("  since    {}", source.created_at);
                    for h in history {
                        println!(
                            "  {} {} by {}{}",
                            h.at,
                            h.entry.action,
                            h.entry.actor,
                            h.entry.reason.map(|r| format!(": {r}")).unwrap_or_default()
                        );
                    }
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
