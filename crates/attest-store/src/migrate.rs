//! Numbered migrations, tracked with SQLite's `user_version`.

use crate::{Result, StoreError};
use rusqlite::Connection;

/// The migrations, in order; the schema version is the number of the last one applied.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_init.sql")),
    (2, include_str!("../migrations/0002_places.sql")),
    (3, include_str!("../migrations/0003_incidents.sql")),
    (4, include_str!("../migrations/0004_server.sql")),
    (5, include_str!("../migrations/0005_search_batches.sql")),
];

/// The schema version this build writes.
pub(crate) const LATEST: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > LATEST {
        return Err(StoreError::TooNew {
            found: current,
            supported: LATEST,
        });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "applied store migration");
    }
    Ok(())
}
