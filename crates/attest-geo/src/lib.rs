//! # attest-geo
//!
//! Offline gazetteer and geocoding: finds place names in text and resolves them to coordinates,
//! with precision, confidence and the alternatives it did not choose.
#![deny(missing_docs)]
