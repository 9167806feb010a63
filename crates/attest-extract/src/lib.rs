//! # attest-extract
//!
//! The extraction engine: report text in, incidents out, every value with its evidence.
#![deny(missing_docs)]
