//! # attest-store
//!
//! The store: sources, reports, batches and the audit log.
#![deny(missing_docs)]
