//! SQLite persistence: the only place SQL appears. Migrations are the numbered
//! files in `schema/`, applied in order and tracked in `PRAGMA user_version`.
//!
//! [`Store::open`] gives a connection in WAL mode with foreign keys on and a
//! busy timeout; [`Store::ingest`] writes bundles in one transaction;
//! [`Store::stats`] counts what the file holds; [`Store::unmerge`] undoes a
//! cross-document actor merge.

mod actors;
mod hash;
pub mod names;
pub mod query;
mod raw;
mod stats;
mod write;

pub use actors::{ActorMatch, UnmergeReport};
pub use names::{is_generic_name, normalize_name};
pub use stats::Stats;
pub use write::{DocReport, DocStatus, IngestReport, bundle_hash, document_key};

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The migrations, in order: file `schema/000N_*.sql` brings the database to
/// `user_version` N.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init.sql", include_str!("../../schema/0001_init.sql")),
    (
        "0002_merge_blocks.sql",
        include_str!("../../schema/0002_merge_blocks.sql"),
    ),
    (
        "0003_claim_about_covering.sql",
        include_str!("../../schema/0003_claim_about_covering.sql"),
    ),
    (
        "0004_factuality.sql",
        include_str!("../../schema/0004_factuality.sql"),
    ),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another process's lock before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A chronograph database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. A database written by a newer chronograph is
    /// refused with [`Error::SchemaTooNew`] and left untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_owned();
        let conn = Connection::open(&path)?;
        Self::setup(conn, path, true)
    }

    /// An in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(
            Connection::open_in_memory()?,
            PathBuf::from(":memory:"),
            false,
        )
    }

    fn setup(conn: Connection, path: PathBuf, wal: bool) -> Result<Store> {
        let found = configure(&conn, wal)?;
        if found > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let mut store = Store { conn, path };
        store.migrate(found)?;
        Ok(store)
    }

    /// Applies every migration above `from`, each in its own transaction
    /// together with its `user_version` bump.
    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, (_name, sql)) in MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= from {
                continue;
            }
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            // PRAGMA takes no bound parameters; `version` is our own integer.
            tx.execute_batch(&format!("PRAGMA user_version = {version}"))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The connection, for read-side queries elsewhere in `store`.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// Sets up a connection the way every chronograph connection runs and
/// returns the file's schema version (nothing is changed for a file whose
/// version is newer than [`SCHEMA_VERSION`]).
pub(crate) fn configure(conn: &Connection, wal: bool) -> Result<i64> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Ingest alone cycles through some 30 statements; the default cache
    // of 16 would re-prepare them for every document.
    conn.set_prepared_statement_cache_capacity(128);
    // The bundled SQLite has STAT4, which re-prepares a statement each
    // time a newly bound value might change its plan; with short lookups
    // run per actor that recompiling cost more than the lookups. Plans
    // here never need to depend on values.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Ok(found);
    }
    if wal {
        // journal_mode answers with a row; it is a no-op when already WAL.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    }
    // A larger page cache keeps the indexes a big ingest touches in
    // memory (the default is 2 MiB); it is allocated only as used.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;",
    )?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_3_file_gains_factuality_as_asserted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("v3.db");
        {
            let conn = Connection::open(&p).unwrap();
            for (_, sql) in &MIGRATIONS[..3] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute_batch(
                "PRAGMA user_version = 3;
                 INSERT INTO documents (key, published, recorded_at, bundle_hash) VALUES ('d', '2022-01-10', 'x', 'h');
                 INSERT INTO actors (name, norm, kind) VALUES ('A', 'a', 'country');
                 INSERT INTO relations (document_id, source_id, kind, target_id, ev_start, ev_end, ev_text)
                 VALUES (1, 1, 'supports', 1, 0, 1, 'A.');",
            )
            .unwrap();
        }
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let f: String = s
            .conn()
            .query_row("SELECT factuality FROM v_relations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(f, "asserted");
        // The column admits only the values the model knows.
        assert!(
            s.conn()
                .execute("UPDATE relations SET factuality = 'maybe'", [])
                .is_err()
        );
    }

    #[test]
    fn migrates_and_refuses_newer() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let fk: i64 = s
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let mode: String = s
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        s.conn().execute_batch("PRAGMA user_version = 99").unwrap();
        drop(s);
        match Store::open(&p) {
            Err(Error::SchemaTooNew { found: 99, .. }) => {}
            Err(e) => panic!("unexpected error {e}"),
            Ok(_) => panic!("opened a newer schema"),
        }
        // Reopening an up-to-date file is a no-op.
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }
}
