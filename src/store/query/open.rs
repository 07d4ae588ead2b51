//! Opening a store for reading: read-only, memory-mapped, waiting for a
//! writer's commit or a new file's schema, and read-only directories.

use super::*;

/// Opens an existing store read-only, for queries: a query never creates or
/// migrates a database, and says so when there is none.
///
/// A WAL database closed cleanly has no `-wal` or `-shm` file, and reading
/// it needs SQLite to create them: in a directory this process may not
/// write, that fails (`SQLITE_READONLY_DIRECTORY`). Such a file is then
/// read as immutable, which needs neither: with no `-wal` (or an empty one)
/// and no `-shm` beside it, no connection has it open and the main file
/// holds every committed transaction. A `-wal` with content, or a `-shm`
/// (a connection that may be writing), keeps the error: reading the main
/// file alone would silently miss that writer's transactions.
pub fn open_read(path: &std::path::Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::NotFound(format!(
            "{}: no such database; load articles first with `chronograph --db {} ingest FILE...`",
            path.display(),
            path.display()
        )));
    }
    match open_read_as(path, false) {
        Err(Error::Sqlite(e)) if cannot_init_wal(&e) && wal_is_idle(path) => {
            match immutable_uri(path) {
                Some(uri) => open_read_as(std::path::Path::new(&uri), true),
                None => Err(Error::Sqlite(e)),
            }
        }
        r => r,
    }
}

/// Opens `path` for writing and closes it again without writing, so that
/// SQLite removes the empty `-wal` and `-shm` files read-only connections
/// leave beside a WAL database (only a closing writer may). The file and
/// the store's fingerprint stay as they were. Failure (a read-only
/// directory, another connection still open) leaves the files, which is
/// harmless.
pub fn tidy_wal(path: &std::path::Path) {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if let Ok(conn) = Connection::open_with_flags(path, flags) {
        // Any read opens the WAL, which the close then checkpoints (it is
        // empty) and deletes.
        let _ = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
    }
}

/// [`open_read`] without the memory map: pages are read into the
/// connection's bounded page cache instead. For passes over the whole file
/// (building every derived file after an ingest), where a map would leave
/// the whole database resident in the process, on top of what the builds
/// themselves hold.
pub fn open_read_unmapped(path: &std::path::Path) -> Result<Connection> {
    let conn = open_read(path)?;
    conn.execute_batch("PRAGMA mmap_size = 0")?;
    Ok(conn)
}

/// Waits up to `limit` while the database holds no table at all: an
/// ingest that has just created the file writes its schema an instant
/// later, and a reader opening it in between should see the store, not
/// "not a chronograph database". A file that stays empty is answered as
/// one after the wait.
pub(super) fn wait_for_schema(conn: &Connection, limit: std::time::Duration) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 || start.elapsed() >= limit {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// [`open_read`]'s connection; `uri` opens `path` as an SQLite URI.
pub(super) fn open_read_as(path: &std::path::Path, uri: bool) -> Result<Connection> {
    let mut flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if uri {
        flags |= rusqlite::OpenFlags::SQLITE_OPEN_URI;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    // A writer's commit (or, during a first bulk load in rollback-journal
    // mode, its whole write-out) locks readers out briefly: wait for it.
    conn.busy_timeout(std::time::Duration::from_secs(60))?;
    wait_for_schema(&conn, std::time::Duration::from_secs(5))?;
    // Reads map the file instead of copying pages through pread into a
    // small page cache: a timeline or conflict scan touches tens of
    // thousands of pages, and the copies and system calls were a third of
    // its time. Address space only; the OS cache holds the pages anyway.
    conn.execute_batch("PRAGMA mmap_size = 17179869184; PRAGMA cache_size = -65536;")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has_claims: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'claims'",
        [],
        |r| r.get(0),
    )?;
    if version > crate::store::SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            path: path.to_owned(),
            found: version,
            supported: crate::store::SCHEMA_VERSION,
        });
    }
    if version == -1 {
        return Err(Error::NotFound(format!(
            "{}: no such database (it is being removed after a failed first ingest)",
            path.display()
        )));
    }
    if version < 1 && has_claims == 0 {
        return Err(Error::NotFound(format!(
            "{}: not a chronograph database (no schema)",
            path.display()
        )));
    }
    Ok(conn)
}

/// Whether `e` is SQLite failing to create the `-wal` or `-shm` file of a
/// WAL database it may only read.
pub(super) fn cannot_init_wal(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error().map(|f| f.extended_code),
        Some(rusqlite::ffi::SQLITE_READONLY_DIRECTORY | rusqlite::ffi::SQLITE_READONLY_CANTINIT)
    )
}

/// No connection has the database open and the main file is complete: no
/// `-shm` file, and no `-wal` file or an empty one.
pub(super) fn wal_is_idle(path: &std::path::Path) -> bool {
    let beside = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        std::path::PathBuf::from(p)
    };
    let wal_empty = match std::fs::metadata(beside("-wal")) {
        Ok(m) => m.len() == 0,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    };
    let shm_absent = matches!(
        std::fs::symlink_metadata(beside("-shm")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound
    );
    wal_empty && shm_absent
}

/// `file:PATH?immutable=1` with the path percent-encoded, or `None` for a
/// path that is not UTF-8.
pub(super) fn immutable_uri(path: &std::path::Path) -> Option<String> {
    let abs = std::path::absolute(path).ok()?;
    let mut uri = String::from("file:");
    for &b in abs.to_str()?.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}
