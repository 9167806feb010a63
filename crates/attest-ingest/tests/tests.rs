//! Integration tests of attest-ingest: the bundled examples, the bad-input fixtures and
//! directory walking.

mod bad_inputs;
mod examples;
mod walking;

use attest_ingest::{read_paths, Incoming, InputError, Options};
use std::path::{Path, PathBuf};

/// The repository root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file of `fixtures/ingest/`.
fn fixture(name: &str) -> PathBuf {
    root().join("fixtures/ingest").join(name)
}

/// Everything read from some paths.
fn read_all(paths: &[PathBuf], opts: &Options) -> Vec<Result<Incoming, InputError>> {
    read_paths(paths, opts).collect()
}
