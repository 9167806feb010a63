//! # attest
//!
//! attest as a library: the extraction engine wired to the store ([`engine`]), ingest of
//! incoming reports ([`pipeline`]), re-linking the store into incidents ([`linking`]) and the
//! analyst's review operations ([`review`]). The `attest` command and the HTTP server both call
//! these, so the wiring is written once. The pure parts live in their own crates:
//! `attest-extract`, `attest-geo`, `attest-link`; SQL lives only in `attest-store`.
#![deny(missing_docs)]

pub mod engine;
pub mod linking;
pub mod pipeline;
pub mod review;

pub use attest_store as store;

/// What can go wrong in attest's operations.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request cannot be carried out as asked (an unknown field, a bad value, a mention
    /// that is not in the incident): the caller's mistake.
    #[error("{0}")]
    Invalid(String),
    /// The store failed, or has no such thing.
    #[error(transparent)]
    Store(#[from] attest_store::StoreError),
    /// The lexicons could not be loaded.
    #[error(transparent)]
    Extract(#[from] attest_extract::ExtractError),
    /// A stored extraction result cannot be read back.
    #[error("stored extraction of report {report} is unreadable: {source}")]
    Corrupt {
        /// The report.
        report: attest_model::ReportId,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// Compressing an original failed.
    #[error("compressing an original: {0}")]
    Io(#[from] std::io::Error),
}

/// Result of attest's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;
