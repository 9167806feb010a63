use thiserror::Error;

/// What can go wrong in the store.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store file could not be opened or prepared.
    #[error("cannot open store '{path}': {source}")]
    Open {
        /// The store's path.
        path: String,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// The store was written by a newer attest.
    #[error("store schema version {found} is newer than this attest understands ({supported})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// Nothing has that key.
    #[error("{what} '{key}' not found")]
    NotFound {
        /// The kind of thing.
        what: &'static str,
        /// The key looked for.
        key: String,
    },
    /// The key is taken.
    #[error("{0}")]
    Conflict(String),
    /// A stored value could not be decoded.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// Compression or decompression failed.
    #[error("compression: {0}")]
    Io(#[from] std::io::Error),
}
