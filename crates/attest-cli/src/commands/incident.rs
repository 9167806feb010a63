//! `attest incident` and `attest relink`: incidents across sources, and the analyst's review.

use super::open_store;
use crate::output::{self, or_dash};
use anyhow::Context;
use attest::linking::{relink, RelinkSummary};
use attest::review;
use attest_link::LinkConfig;
use attest_store::{IncidentFilter, IncidentRow, Store, StoredMention};
use clap::{Args, Subcommand};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Who and why, recorded with every change.
#[derive(Debug, Args)]
pub(crate) struct Audit {
    /// Who makes the change (audit log).
    #[arg(long, env = "USER", default_value = "unknown")]
    by: String,
    /// Why (audit log).
    #[arg(long)]
    reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum IncidentCmd {
    /// List incidents, newest first.
    #[command(after_help = "Examples:
  attest incident list --country SY --from 2016-04-01 --to 2016-04-30
  attest incident list --type air_strike --target hospital --grade contested --json")]
    List(ListArgs),
    /// Show an incident: reports, casualty figures per source, claims ledger, grade and reasons.
    Show {
        /// Incident code (a previous code still resolves).
        code: String,
        /// Also show the score and features of every link.
        #[arg(long)]
        explain: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge incidents into the first one named (the others' codes keep resolving).
    Merge {
        /// Incident codes, the survivor first.
        #[arg(num_args = 2.., required = true)]
        codes: Vec<String>,
        #[command(flatten)]
        audit: Audit,
    },
    /// Split mentions out of an incident into a new one.
    #[command(after_help = "Example:
  attest incident split SY-2016-04-27-001 --mention 12#0 --mention report-77.txt --reason 'different strike'")]
    Split {
        /// Incident code.
        code: String,
        /// A mention (`REPORT#INDEX`) or a report (its ingested-under id) to move out (repeatable).
        #[arg(long = "mention", required = true)]
        mentions: Vec<String>,
        #[command(flatten)]
        audit: Audit,
    },
    /// Set a field to an analyst's value (the extracted value stays visible).
    #[command(
        after_help = "Fields: event_type, date, killed, injured, location, perpetrator, weapons, targets.
Values: JSON, or for killed/injured '55', '55-60' or '55+', for date 'YYYY-MM-DD'.
Example:
  attest incident set SY-2016-04-27-001 killed 55+ --reason 'hospital director, 29 April'"
    )]
    Set {
        /// Incident code.
        code: String,
        /// The field.
        field: String,
        /// The value.
        value: String,
        #[command(flatten)]
        audit: Audit,
    },
    /// Grade an incident: single_source, corroborated, contested, confirmed, discounted.
    Grade {
        /// Incident code.
        code: String,
        /// The grade.
        grade: String,
        #[command(flatten)]
        audit: Audit,
    },
    /// Add a note (private unless --public).
    Note {
        /// Incident code.
        code: String,
        /// The note.
        text: String,
        /// Show the note in public output.
        #[arg(long)]
        public: bool,
        #[command(flatten)]
        audit: Audit,
    },
    /// Every change made to an incident, oldest first.
    History {
        /// Incident code.
        code: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// From this day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Up to this day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// ISO country code.
    #[arg(long)]
    country: Option<String>,
    /// Event type (air_strike, shelling, ...).
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Target (hospital, market, ...).
    #[arg(long)]
    target: Option<String>,
    /// Grade.
    #[arg(long)]
    grade: Option<String>,
    /// Free text: place, actor, speaker, report id.
    #[arg(long)]
    text: Option<String>,
    /// At most this many (0: all).
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Re-link every mention after the lexicons, the gazetteer or the linking rules changed.
/// Analyst merges, splits and values are kept.
#[derive(Debug, Args)]
pub(crate) struct Relink {
    /// Linking rules (TOML) replacing the embedded ones.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// The linking rules: the embedded ones, or a file.
pub(crate) fn link_config(path: Option<&Path>) -> anyhow::Result<LinkConfig> {
    match path {
        None => Ok(LinkConfig::default()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            LinkConfig::from_toml(&text).with_context(|| format!("in {}", p.display()))
        }
    }
}

impl Audit {
    fn who(&self) -> review::Who {
        review::Who {
            by: self.by.clone(),
            reason: self.reason.clone(),
        }
    }
}

impl Relink {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        let cfg = link_config(self.config.as_deref())?;
        let summary = relink(&mut store, &cfg)?;
        if self.json {
            output::json(&summary)?;
        } else {
            print_relink(&summary);
        }
        Ok(ExitCode::SUCCESS)
    }
}

pub(crate) fn print_relink(s: &RelinkSummary) {
    println!(
        "{} mentions in {} incidents ({} new, {} merged away, {} withdrawn)",
        s.mentions, s.incidents, s.created, s.merged, s.withdrawn
    );
}

fn range(v: &Value) -> String {
    match (v["low"].as_u64(), v["high"].as_u64()) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l}-{h}"),
        (Some(l), None) => format!("{l}+"),
        _ => "?".into(),
    }
}

impl IncidentCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        let cfg = LinkConfig::default();
        match self {
            IncidentCmd::List(a) => {
                let rows = store.incidents(&IncidentFilter {
                    from: a.from,
                    to: a.to,
                    country: a.country,
                    event_type: a.event_type,
                    target: a.target,
                    grade: a.grade,
                    text: a.text,
                    bbox: None,
                    limit: a.limit,
                })?;
                if a.json {
                    output::json(&rows.iter().map(review::list_item).collect::<Vec<_>>())?;
                } else {
                    for row in &rows {
                        let s = &row.summary;
                        let place = s["location"]["name"]
                            .as_str()
                            .or(s["location"]["mention"].as_str())
                            .unwrap_or("-");
                        println!(
                            "{:<20} {:<15} {:<24} killed {:<6} injured {:<6} {:<14} {} src ({} indep.)",
                            row.code,
                            s["event_type"].as_str().unwrap_or("-"),
                            output::clip(place, 23),
                            range(&s["killed"]),
                            range(&s["injured"]),
                            s["grade"].as_str().unwrap_or("-"),
                            s["sources"],
                            s["independent_sources"],
                        );
                    }
                }
            }
            IncidentCmd::Show {
                code,
                explain,
                json,
            } => {
                let row = store.incident(&code)?;
                let mentions = store.mentions(Some(row.id))?;
                let notes = store.notes(row.id)?;
                let history = review::history(&store, &row)?;
                if json {
                    let mut v = row.summary.clone();
                    v["code"] = json!(row.code);
                    v["previous_codes"] = json!(row.previous_codes);
                    v["notes"] = json!(notes);
                    v["history"] = json!(history);
                    if explain {
                        v["links"] = json!(mentions
                            .iter()
                            .map(|m| json!({"mention": format!("{}#{}", m.report_id, m.idx), "report": m.external_id, "link": m.link}))
                            .collect::<Vec<_>>());
                    }
                    output::json(&v)?;
                } else {
                    print_incident(&row, &mentions, explain);
                    for n in notes {
                        println!(
                            "  note ({}) {} {}: {}",
                            if n.private { "private" } else { "public" },
                            n.at,
                            n.by,
                            n.text
                        );
                    }
                }
            }
            IncidentCmd::Merge { codes, audit } => {
                let (row, summary) = review::merge(&mut store, &cfg, &codes, &audit.who())?;
                print_relink(&summary);
                println!("merged into {}", row.code);
            }
            IncidentCmd::Split {
                code,
                mentions,
                audit,
            } => {
                let out = review::split(&mut store, &cfg, &code, &mentions, &audit.who())?;
                println!(
                    "split {} out of {} into {}",
                    out.moved.join(", "),
                    out.from,
                    out.into.as_deref().unwrap_or("-")
                );
            }
            IncidentCmd::Set {
                code,
                field,
                value,
                audit,
            } => {
                let value = review::parse_value(&field, &value)?;
                let row =
                    review::set(&mut store, &cfg, &code, &field, value.clone(), &audit.who())?;
                println!("{} {} = {}", row.code, field, value);
            }
            IncidentCmd::Grade { code, grade, audit } => {
                let row = review::grade(&mut store, &cfg, &code, &grade, &audit.who())?;
                println!(
                    "{} graded {}",
                    row.code,
                    row.summary["grade"].as_str().unwrap_or("?")
                );
            }
            IncidentCmd::Note {
                code,
                text,
                public,
                audit,
            } => {
                let row = review::note(&mut store, &code, &text, public, &audit.who())?;
                println!("noted on {}", row.code);
            }
            IncidentCmd::History { code, json } => {
                let row = store.incident(&code)?;
                let history = review::history(&store, &row)?;
                if json {
                    output::json(&history)?;
                } else {
                    for h in history {
                        println!(
                            "{} {:<16} {:<18} by {}{}  {}",
                            h.at,
                            h.entry.action,
                            or_dash(h.entry.entity_id.as_deref()),
                            h.entry.actor,
                            h.entry
                                .reason
                                .map(|r| format!(" ({r})"))
                                .unwrap_or_default(),
                            h.entry.details
                        );
                    }
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

fn print_incident(row: &IncidentRow, mentions: &[StoredMention], explain: bool) {
    let s = &row.summary;
    println!(
        "incident {}{}",
        row.code,
        if row.previous_codes.is_empty() {
            String::new()
        } else {
            format!(" (also {})", row.previous_codes.join(", "))
        }
    );
    println!(
        "  event      {} {}",
        s["event_type"].as_str().unwrap_or("-"),
        s["weapons"]
    );
    println!("  targets    {}", s["targets"]);
    println!(
        "  date       {} .. {} ({})",
        s["date"]["start"].as_str().unwrap_or("?"),
        s["date"]["end"].as_str().unwrap_or("?"),
        s["date"]["precision"].as_str().unwrap_or("-")
    );
    let l = &s["location"];
    println!(
        "  place      {} ({}, {}) {} {}",
        l["name"].as_str().or(l["mention"].as_str()).unwrap_or("-"),
        l["admin1"].as_str().unwrap_or("-"),
        l["country"].as_str().unwrap_or("-"),
        l["lat"],
        l["lon"]
    );
    for key in ["killed", "injured"] {
        let c = &s[key];
        println!(
            "  {key:<10} {} (conservative {})",
            range(c),
            c["conservative"]
        );
        for f in c["per_source"].as_array().into_iter().flatten() {
            println!(
                "               {} says {} ({})",
                f["source"].as_str().unwrap_or("?"),
                range(f),
                f["reports"]
            );
        }
    }
    println!(
        "  grade      {} (Airwars: {})",
        s["grade"].as_str().unwrap_or("-"),
        s["airwars_grade"].as_str().unwrap_or("-")
    );
    for r in s["grade_reasons"].as_array().into_iter().flatten() {
        println!("               {}", r.as_str().unwrap_or_default());
    }
    println!(
        "  sources    {} ({} independent); leanings {}",
        s["sources"], s["independent_sources"], s["leanings"]
    );
    for c in s["claims"].as_array().into_iter().flatten() {
        println!(
            "  claim      {} {} {}: \"{}\" [{}]",
            c["speaker"].as_str().unwrap_or("?"),
            c["stance"].as_str().unwrap_or("?"),
            c["actor"].as_str().unwrap_or("-"),
            output::clip(c["text"].as_str().unwrap_or(""), 90),
            c["report"].as_str().unwrap_or("?")
        );
    }
    for (field, v) in s["analyst"].as_object().into_iter().flatten() {
        println!(
            "  analyst    {field} = {} by {} (extracted: {})",
            v["value"],
            v["by"].as_str().unwrap_or("?"),
            s["extracted"][field]
        );
    }
    for m in mentions {
        print!("  mention    {}#{} {}", m.report_id, m.idx, m.external_id);
        if explain {
            if let Some(link) = &m.link {
                print!(
                    "  linked to {} score {:.2}",
                    link["a"],
                    link["score"].as_f64().unwrap_or(0.0)
                );
                for f in link["features"].as_array().into_iter().flatten() {
                    print!("\n               {}", f);
                }
            }
        }
        println!();
    }
}
