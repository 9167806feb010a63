//! The server's shared state: one writer connection, a small pool of read connections (WAL
//! lets readers run beside the writer), the extraction engine (built on first use) and the
//! options. Store work runs on tokio's blocking threads.

use crate::error::AppError;
use attest::engine::Engine;
use attest_link::LinkConfig;
use attest_store::{SqliteStore, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// The default request body limit: 20 MiB.
pub const DEFAULT_MAX_BODY: usize = 20 * 1024 * 1024;

/// How the server behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Reads need a token too.
    pub private: bool,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Origins allowed by CORS; empty (the default) sends no CORS headers at all.
    pub cors_origins: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            private: false,
            max_body: DEFAULT_MAX_BODY,
            cors_origins: Vec::new(),
        }
    }
}

/// Read connections kept open for reuse.
const POOL: usize = 8;

struct Inner {
    writer: Mutex<SqliteStore>,
    readers: Mutex<Vec<SqliteStore>>,
    /// The store's file; `None` for an in-memory store, read through the writer.
    path: Option<PathBuf>,
    options: Options,
    engine: OnceLock<Engine>,
    link: LinkConfig,
}

/// Shared by every request; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves nothing half-done: SQLite rolls back open
    // transactions when their handle drops.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    /// Serves the store file at `path` (created and migrated when needed).
    pub fn open(path: impl Into<PathBuf>, options: Options) -> Result<Self, StoreError> {
        let path = path.into();
        let writer = SqliteStore::open(&path)?;
        Ok(Self::build(writer, Some(path), options))
    }

    /// Serves an already open store through its one connection (tests, in-memory stores).
    pub fn new(store: SqliteStore, options: Options) -> Self {
        Self::build(store, None, options)
    }

    fn build(writer: SqliteStore, path: Option<PathBuf>, options: Options) -> Self {
        AppState {
            inner: Arc::new(Inner {
                writer: Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
                path,
                options,
                engine: OnceLock::new(),
                link: LinkConfig::default(),
            }),
        }
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// Runs read-only store work on a blocking thread.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, AppError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || inner.with_reader(f))
            .await
            .map_err(AppError::internal)?
    }

    /// Runs store work that writes on a blocking thread, one at a time; `f` gets the engine
    /// (built on first use) and the linking rules too.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &Context<'_>) -> Result<T, AppError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = lock(&inner.writer);
            let ctx = Context { inner: &inner };
            f(&mut store, &ctx)
        })
        .await
        .map_err(AppError::internal)?
    }
}

/// What write work may use beside the store.
pub(crate) struct Context<'a> {
    inner: &'a Inner,
}

impl Context<'_> {
    /// The linking rules.
    pub(crate) fn link(&self) -> &LinkConfig {
        &self.inner.link
    }

    /// The extraction engine, built from the store's places on first use.
    pub(crate) fn engine(&self, store: &SqliteStore) -> Result<&Engine, AppError> {
        if let Some(e) = self.inner.engine.get() {
            return Ok(e);
        }
        let engine = Engine::new(None, Some(store))?;
        // Only the writer (holding its lock) builds the engine, so nobody raced us.
        Ok(self.inner.engine.get_or_init(|| engine))
    }
}

impl Inner {
    fn with_reader<T>(
        &self,
        f: impl FnOnce(&SqliteStore) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let Some(path) = &self.path else {
            return f(&lock(&self.writer));
        };
        let pooled = lock(&self.readers).pop();
        let store = match pooled {
            Some(s) => s,
            None => SqliteStore::open(path)?,
        };
        let out = f(&store);
        let mut pool = lock(&self.readers);
        if pool.len() < POOL {
            pool.push(store);
        }
        out
    }
}
