//! # attest-link
//!
//! Joins *mentions* (one extracted incident of one report) into *incidents*, explains every
//! link, and weighs what the sources of an incident say: casualty ranges per source, independent
//! sources, leanings, a claims ledger and a grade.
//!
//! Pure and synchronous: no SQL, no I/O. The rules are data (`config/linking.toml`, embedded as
//! [`LinkConfig::default`]; [`LinkConfig::from_toml`] reads another file).
//!
//! ## Workflow
//! 1. [`Mention::from_report`] for each extracted incident of each report (it reads named
//!    targets such as "Al Quds hospital" from the report text).
//! 2. [`link`] with the analysts' merges and splits as [`Constraints`]: a list of [`Cluster`]s,
//!    each with the [`LinkExplanation`]s (score and [`Feature`]s) of the links that joined it.
//! 3. [`reconcile`] the clusters with the incidents stored before, so codes never change; new
//!    incidents get a code from [`incident_code`] and [`summarize`] (date, country).
//! 4. [`summarize`] and [`corroborate`] each incident for listing and review: figures per
//!    source, independent sources, leanings, claims ledger, [`Grade`] (and [`airwars_grade`]).
//!
//! ```
//! use attest_link::{corroborate, link, summarize, Constraints, LinkConfig, Mention};
//! let cfg = LinkConfig::default();
//! let mentions: Vec<Mention> = Vec::new();
//! for cluster in link(&mentions, &cfg, &Constraints::default()) {
//!     let ms: Vec<&Mention> = mentions.iter().filter(|m| cluster.mentions.contains(&m.key)).collect();
//!     let _summary = summarize(&ms);
//!     let _weighed = corroborate(&ms, &cfg, None);
//! }
//! ```
//!
//! [`link`] is deterministic and independent of input order: mentions are put in key order,
//! candidate pairs come from blocking (date window, then grid cells of `link.grid_degrees`, or
//! the country for coarse places), pairs are scored by [`score_pair`], and clusters are built by
//! the rule documented on [`link`]. Scoring runs on all cores (rayon).
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod cluster;
mod code;
mod config;
mod corroborate;
mod measure;
mod mention;
mod names;
mod reconcile;
mod score;
#[cfg(test)]
mod testutil;

pub use cluster::{link, Cluster, Constraints};
pub use code::incident_code;
pub use config::*;
pub use corroborate::*;
pub use mention::{Mention, MentionKey, SourceInfo};
pub use reconcile::{reconcile, PreviousIncident, Reconciled, Reconciliation};
pub use score::{score_pair, Feature, LinkExplanation};
