//! One module per subcommand, each a clap struct with a `run` method.

pub(crate) mod demo;
pub(crate) mod extract;
pub(crate) mod incident;
pub(crate) mod ingest;
pub(crate) mod place;
pub(crate) mod reextract;
pub(crate) mod report;
pub(crate) mod serve;
pub(crate) mod source;
pub(crate) mod stats;
pub(crate) mod token;

use anyhow::Context;
use attest_store::SqliteStore;
use std::path::Path;

/// Opens the store named by `--db` / `ATTEST_DB`.
pub(crate) fn open_store(db: &Path) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))
}
