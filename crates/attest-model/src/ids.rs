//! Typed integer ids, so a report id can never be passed where a source id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! int_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

int_id!(
    /// A report in the store.
    ReportId
);
int_id!(
    /// A source (outlet, agency, channel...) in the store.
    SourceId
);
int_id!(
    /// One run of `attest ingest`.
    BatchId
);
int_id!(
    /// One stored extraction result of a report.
    ExtractionId
);
