//! `attest reextract`: extract stored reports again after the lexicons or gazetteer changed.

use super::open_store;
use attest::engine::Engine;
use attest_store::Store;
use clap::Args;
use indicatif::ProgressBar;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reports extracted per transaction.
const CHUNK: usize = 500;

/// Extract every stored report again; earlier results are kept, the new one becomes current.
/// Reports whose current result came from the same lexicon and gazetteer version are skipped
/// unless --all is given.
#[derive(Debug, Args)]
pub(crate) struct Reextract {
    /// A folder of lexicon files that extend or override the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Extract every report, even those already extracted with this version.
    #[arg(long)]
    all: bool,
}

impl Reextract {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        let engine = Engine::new(self.lexicon.as_deref(), Some(&store))?;
        let mut todo = Vec::new();
        for id in store.report_ids()? {
            let current = store.current_extraction(id)?;
            if self.all || current.is_none_or(|c| c.lexicon_version != engine.version) {
                todo.push(id);
            }
        }
        let progress = ProgressBar::new(todo.len() as u64);
        let mut incidents = 0;
        for ids in todo.chunks(CHUNK) {
            incidents += engine.extract_stored(&mut store, ids)?;
            progress.inc(ids.len() as u64);
        }
        progress.finish_and_clear();
        println!(
            "re-extracted {} reports with {}: {} incidents",
            todo.len(),
            engine.version,
            incidents
        );
        if !todo.is_empty() {
            let linked = attest::linking::relink(&mut store, &attest_link::LinkConfig::default())?;
            super::incident::print_relink(&linked);
        }
        Ok(ExitCode::SUCCESS)
    }
}
