//! # attest-ingest
//!
//! Reads report files of every supported format into reports with provenance.
#![deny(missing_docs)]
