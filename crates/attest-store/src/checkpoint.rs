//! WAL checkpoints on a thread of their own, for long writes such as an ingest.

use crate::Result;
use rusqlite::Connection;
use std::path::Path;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// Report bytes stored between two wakes of the checkpoint thread (the log grows by two to
/// three times that: index pages are written again by every transaction that touches them).
#[cfg(not(test))]
const WAKE_EVERY: u64 = 16 << 20;
#[cfg(test)]
const WAKE_EVERY: u64 = 256 << 10;

/// Copies the write-ahead log into the database file from a connection of its own, on a
/// thread of its own, so the writer neither does the copy nor waits for its fsyncs. The
/// checkpoints are PASSIVE: they never block the writer or readers, and copy only frames
/// already committed, so what a crash leaves is exactly what it would leave without them.
pub(crate) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Report bytes stored since the thread was last woken.
    pending: u64,
}

impl Checkpointer {
    pub(crate) fn start(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        let (wake, woken) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("attest-checkpoint".into())
            .spawn(move || {
                for () in woken {
                    let done = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                        Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                    });
                    match done {
                        Ok((log, copied)) => tracing::trace!(log, copied, "checkpoint"),
                        Err(e) => tracing::warn!(error = %e, "background checkpoint failed"),
                    }
                }
            })?;
        Ok(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
            pending: 0,
        })
    }

    /// Notes `bytes` more stored, and wakes the thread when enough have been.
    pub(crate) fn stored(&mut self, bytes: u64) {
        self.pending += bytes;
        if self.pending >= WAKE_EVERY {
            self.pending = 0;
            if let Some(wake) = &self.wake {
                // A full channel means a wake is already pending: nothing is lost.
                let _ = wake.try_send(());
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread once its checkpoint (if any) is done.
        drop(self.wake.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
