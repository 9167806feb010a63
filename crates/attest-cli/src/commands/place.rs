//! `attest place` and `attest gazetteer`: the user's own places, taking part in geocoding at once.

use super::open_store;
use crate::output;
use anyhow::Context;
use attest::engine::{parse_precision, to_new_place};
use attest_geo::{Precision, UserPlace};
use attest_store::{AuditEntry, Store};
use clap::{Args, Subcommand};
use std::collections::HashSet;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub(crate) enum PlaceCmd {
    /// Add a place of your own (a hospital, a camp, a district) to geocoding.
    #[command(after_help = "Example:
  attest place add 'Al Quds hospital' --lat 36.2068 --lon 37.1284 --kind site --country SY \\
      --admin1 Aleppo --alias 'al-Quds hospital' --alias 'مشفى القدس'")]
    Add(PlaceAdd),
    /// List the places added or imported.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct PlaceAdd {
    /// The place's name.
    name: String,
    /// Latitude, WGS 84.
    #[arg(long, allow_hyphen_values = true)]
    lat: f64,
    /// Longitude, WGS 84.
    #[arg(long, allow_hyphen_values = true)]
    lon: f64,
    /// What it is: site, district, town (or admin1, country).
    #[arg(long, value_parser = parse_kind)]
    kind: Precision,
    /// ISO 3166-1 alpha-2 country code.
    #[arg(long)]
    country: String,
    /// First-level division (province, governorate, oblast).
    #[arg(long)]
    admin1: Option<String>,
    /// Another spelling (repeatable).
    #[arg(long = "alias")]
    aliases: Vec<String>,
    /// Who adds it (audit log).
    #[arg(long, env = "USER", default_value = "unknown")]
    by: String,
    /// Why (audit log).
    #[arg(long)]
    reason: Option<String>,
}

fn parse_kind(s: &str) -> Result<Precision, String> {
    parse_precision(s).ok_or_else(|| "expected site, district, town, admin1 or country".into())
}

impl PlaceCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        match self {
            PlaceCmd::Add(add) => {
                anyhow::ensure!(
                    (-90.0..=90.0).contains(&add.lat) && (-180.0..=180.0).contains(&add.lon),
                    crate::cli::UsageError(format!(
                        "coordinates {}, {} are outside the globe",
                        add.lat, add.lon
                    ))
                );
                let country = add.country.to_ascii_uppercase();
                anyhow::ensure!(
                    attest_geo::embedded().country_name(&country).is_some(),
                    crate::cli::UsageError(format!("unknown country code '{}'", add.country))
                );
                let place = UserPlace {
                    name: add.name.clone(),
                    aliases: add.aliases,
                    lat: add.lat,
                    lon: add.lon,
                    precision: add.kind,
                    country_code: country,
                    admin1: add.admin1,
                    geonameid: None,
                    population: 0,
                };
                let new = to_new_place(place, "added");
                store.add_places(std::slice::from_ref(&new))?;
                store.audit(&AuditEntry {
                    actor: add.by,
                    action: "place.add".into(),
                    entity: "place".into(),
                    entity_id: Some(add.name.clone()),
                    details: serde_json::to_value(&new)?,
                    reason: add.reason,
                })?;
                println!(
                    "added {} ({}, {})",
                    add.name, new.precision, new.country_code
                );
            }
            PlaceCmd::List { json } => {
                let places = store.places()?;
                if json {
                    output::json(&places)?;
                } else {
                    for p in places {
                        println!(
                            "{:>6}  {:<32} {:<9} {:<3} {:>9.4} {:>9.4}  {}",
                            p.id,
                            output::clip(&p.place.name, 31),
                            p.place.precision,
                            p.place.country_code,
                            p.place.lat,
                            p.place.lon,
                            p.place.origin
                        );
                    }
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

use attest_geo::Gazetteer;

#[derive(Debug, Subcommand)]
pub(crate) enum GazetteerCmd {
    /// Import places from a GeoNames dump (allCountries.txt, or a country file such as SY.txt).
    #[command(after_help = "Example:
  attest gazetteer import SY.txt --alternate-names alternateNamesV2.txt")]
    Import(Import),
}

#[derive(Debug, Args)]
pub(crate) struct Import {
    /// GeoNames places files (19 tab-separated columns a line).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// GeoNames alternateNamesV2.txt: spellings attached to the imported places.
    #[arg(long, value_name = "FILE")]
    alternate_names: Option<PathBuf>,
    /// Who imports (audit log).
    #[arg(long, env = "USER", default_value = "unknown")]
    by: String,
}

impl GazetteerCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let GazetteerCmd::Import(import) = self;
        let mut store = open_store(db)?;
        let mut status = ExitCode::SUCCESS;
        for file in &import.files {
            let f = std::fs::File::open(file)
                .with_context(|| format!("cannot open {}", file.display()))?;
            let mut parsed = attest_geo::parse_geonames(BufReader::new(f))
                .with_context(|| format!("reading {}", file.display()))?;
            for e in &parsed.errors {
                eprintln!("{}:{}: {}", file.display(), e.line, e.message);
                status = ExitCode::from(1);
            }
            if let Some(alt) = &import.alternate_names {
                let ids: HashSet<i64> = parsed.places.iter().filter_map(|p| p.geonameid).collect();
                let f = std::fs::File::open(alt)
                    .with_context(|| format!("cannot open {}", alt.display()))?;
                let names = attest_geo::parse_alternate_names(BufReader::new(f), Some(&ids))
                    .with_context(|| format!("reading {}", alt.display()))?;
                for e in &names.errors {
                    eprintln!("{}:{}: {}", alt.display(), e.line, e.message);
                }
                attest_geo::attach_aliases(&mut parsed.places, &names);
            }
            let origin = format!(
                "import:{}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            let total = parsed.places.len();
            let places: Vec<_> = parsed
                .places
                .into_iter()
                .map(|p| to_new_place(p, &origin))
                .collect();
            let mut added = 0;
            for chunk in places.chunks(10_000) {
                added += store.add_places(chunk)?;
            }
            store.audit(&AuditEntry {
                actor: import.by.clone(),
                action: "gazetteer.import".into(),
                entity: "gazetteer".into(),
                entity_id: Some(file.display().to_string()),
                details: serde_json::json!({
                    "read": total, "added": added, "skipped_features": parsed.skipped,
                    "bad_lines": parsed.errors.len(),
                }),
                reason: None,
            })?;
            println!(
                "{}: {} places read, {} added ({} already stored), {} other features skipped, {} bad lines",
                file.display(),
                total,
                added,
                total as u64 - added,
                parsed.skipped,
                parsed.errors.len()
            );
        }
        Ok(status)
    }
}
