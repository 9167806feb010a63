//! # attest-model
//!
//! The types every other attest crate speaks: typed ids, the source and report records of the
//! store, and the incident record of the extraction contract (`shared/extract-contract.md`, schema 1).
//! This crate depends on serde only, so anything may depend on it.
#![deny(missing_docs)]

mod contract;
mod ids;
mod report;

pub use contract::*;
pub use ids::*;
pub use report::*;
