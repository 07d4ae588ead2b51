//! Building every derived file of a database at once (`DB.cache/`, see
//! [`crate::store::cache`]), so that the first query after an ingest reads
//! them as every later one does instead of paying their build.

use crate::Result;
use std::path::Path;

/// Builds (or confirms current) every derived file of the database at
/// `db`: the timeline snapshot and its actor index, the longest event, the
/// compact graph, the conflict grouping and the claim briefs. Each is what
/// the query that reads it would have built on its first run, keyed by the
/// same fingerprint, read over one connection without a memory map (a map
/// of the whole file kept a 10^6-claim store's 1.2 GB resident in the
/// ingest process). A directory that cannot be written is not an error
/// (the queries then answer without the files, as they did before).
pub fn warm(db: &Path) -> Result<()> {
    crate::store::cache::remove_legacy(db);
    // One after the other: on two threads the builds of a 10^6-claim store
    // held 1.1 GB at once, over the 1 GiB an ingest may take.
    let conn = crate::store::query::open_read_unmapped(db)?;
    let fp = crate::store::query::fingerprint(&conn)?;
    crate::store::query::max_event_span(&conn)?;
    if let Some(snap) = super::tlsnap::TimelineSnapshot::open_for(&conn, db, &fp)? {
        super::tlsnap::ActorIndex::open(&snap, db, &fp)?;
    }
    super::graph::Csr::open(&conn, db)?;
    super::index::ConflictIndex::open(&conn)?;
    super::briefs::BriefSnapshot::open(&conn, db)?;
    drop(conn);
    // The read connection leaves `-wal` and `-shm` files beside the
    // database, which an ingest on its own does not.
    crate::store::query::tidy_wal(db);
    Ok(())
}
