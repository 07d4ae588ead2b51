//! SQLite persistence: the only place SQL appears. Migrations are the numbered
//! files in `schema/`, applied in order and tracked in `PRAGMA user_version`.
//!
//! [`Store::open`] gives a connection in WAL mode with foreign keys on and a
//! busy timeout; [`Store::ingest`] writes bundles in one transaction;
//! [`Store::stats`] counts what the file holds; [`Store::unmerge`] undoes a
//! cross-document actor merge.

mod actors;
pub mod cache;
mod hash;
pub mod listing;
mod local_actors;
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
    (
        "0005_fts_datasette.sql",
        include_str!("../../schema/0005_fts_datasette.sql"),
    ),
    (
        "0006_local_actors.sql",
        include_str!("../../schema/0006_local_actors.sql"),
    ),
    (
        "0007_unused_indexes.sql",
        include_str!("../../schema/0007_unused_indexes.sql"),
    ),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a connection waits for another process's lock before giving
/// up: a writer queues behind another ingest for up to this long.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

/// The `user_version` of a database file that is being removed (see
/// [`Store::remove_if_unused`]): a process that opened the file just before
/// it was unlinked sees this, and opens the path again.
const TOMBSTONE: i64 = -1;

/// A chronograph database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether this open created the file (no other process did).
    created: bool,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. A database written by a newer chronograph is
    /// refused with [`Error::SchemaTooNew`] and left untouched. Several
    /// processes may open and create the same path at once: the schema is
    /// created once, and the others wait for it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_owned();
        // A file being removed by the process that created it (a failed
        // first ingest) is left to it: open the path again.
        for _ in 0..200 {
            // Creating the empty file here, not in SQLite, tells whether this
            // process made it: only the one that did may ever remove it.
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .is_ok();
            let conn = Connection::open(&path)?;
            match Self::setup(conn, path.clone(), true) {
                Err(Error::Removed) => std::thread::sleep(Duration::from_millis(10)),
                Ok(mut store) => {
                    store.created = created;
                    write::remove_stale_side_files(&path);
                    return Ok(store);
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::Removed)
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
        if found == TOMBSTONE {
            return Err(Error::Removed);
        }
        if found > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let mut store = Store {
            conn,
            path,
            created: false,
        };
        if found < SCHEMA_VERSION {
            store.migrate()?;
        }
        Ok(store)
    }

    /// Applies every migration the file lacks, each in its own transaction
    /// together with its `user_version` bump. The version is read again
    /// inside each write transaction: another process opening the same new
    /// file may have migrated it while this one waited for the lock.
    fn migrate(&mut self) -> Result<()> {
        for (i, (_name, sql)) in MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if found == TOMBSTONE {
                return Err(Error::Removed);
            }
            if found >= version {
                continue;
            }
            tx.execute_batch(sql)?;
            // PRAGMA takes no bound parameters; `version` is our own integer.
            tx.execute_batch(&format!("PRAGMA user_version = {version}"))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Whether this open created the database file.
    pub fn created(&self) -> bool {
        self.created
    }

    /// Closes the store and removes its file if this open created it and it
    /// holds no document, so that a failed first ingest leaves no trace.
    /// Nothing is removed while another connection has the file open
    /// (leaving WAL mode fails then), and the file is marked as removed
    /// under an exclusive lock before it is unlinked, so that a process
    /// that opened it meanwhile opens the path again instead of writing
    /// into a file no longer there. Returns whether the file was removed.
    pub fn remove_if_unused(self) -> Result<bool> {
        let Store {
            conn,
            path,
            created,
        } = self;
        drop(conn);
        if !created {
            return Ok(false);
        }
        let conn = Connection::open(&path)?;
        conn.busy_timeout(Duration::ZERO)?;
        let alone = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            })
            .is_ok_and(|m| m.eq_ignore_ascii_case("delete"));
        if !alone {
            return Ok(false);
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute_batch("BEGIN EXCLUSIVE")?;
        let empty: bool = conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'documents') \
             OR NOT EXISTS (SELECT 1 FROM documents)",
            [],
            |r| r.get(0),
        )?;
        if !empty {
            conn.execute_batch("ROLLBACK")?;
            return Ok(false);
        }
        conn.execute_batch(&format!("PRAGMA user_version = {TOMBSTONE}; COMMIT"))?;
        drop(conn);
        for ext in ["", "-wal", "-shm", "-journal"] {
            let mut p = path.clone().into_os_string();
            p.push(ext);
            let _ = std::fs::remove_file(p);
        }
        Ok(true)
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
    if found > SCHEMA_VERSION || found == TOMBSTONE {
        return Ok(found);
    }
    if wal {
        // journal_mode answers with a row; it is a no-op when already WAL.
        // Switching a new file to WAL needs it alone, and SQLite does not
        // wait for that (waiting could deadlock two switchers): another
        // process creating the same file at this moment is waited for here.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Ok(_) => break,
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(e.into()),
            }
        }
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
