//! Counts of what a database holds, for `chronograph stats`.

use super::Store;
use crate::error::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts per kind of record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub schema_version: i64,
    pub documents: i64,
    pub actors: i64,
    /// Actors per kind (`person`, `country`, ...), only kinds present.
    pub actors_by_kind: BTreeMap<String, i64>,
    /// Actors linked from more than one document (merged across documents).
    pub merged_actors: i64,
    pub actor_names: i64,
    pub events: i64,
    pub event_participants: i64,
    pub claims: i64,
    pub claims_with_quantity: i64,
    /// Links of reporting chains (`via`).
    pub claim_via: i64,
    pub claim_about: i64,
    pub relations: i64,
    pub timexes: i64,
    /// Earliest and latest publication dates.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

impl Store {
    /// Counts every kind of record.
    pub fn stats(&self) -> Result<Stats> {
        Stats::read(&self.conn)
    }
}

impl Stats {
    /// Counts every kind of record over any connection to a store (a
    /// read-only one from [`crate::store::query::open_read`] too).
    pub fn read(c: &rusqlite::Connection) -> Result<Stats> {
        let count = |table: &str| -> Result<i64> {
            // Table names come from the fixed list below, never from input.
            Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        let mut by_kind = BTreeMap::new();
        let mut st = c.prepare("SELECT kind, count(*) FROM actors GROUP BY kind ORDER BY kind")?;
        for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (k, n) = row?;
            by_kind.insert(k, n);
        }
        let (first_published, last_published) = c.query_row(
            "SELECT min(published), max(published) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            schema_version: c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            documents: count("documents")?,
            actors: count("actors")?,
            actors_by_kind: by_kind,
            merged_actors: c.query_row(
                "SELECT count(*) FROM (SELECT actor_id FROM actor_links GROUP BY actor_id
                 HAVING count(DISTINCT document_id) > 1)",
                [],
                |r| r.get(0),
            )?,
            actor_names: count("actor_names")?,
            events: count("events")?,
            event_participants: count("event_participants")?,
            claims: count("claims")?,
            claims_with_quantity: c.query_row(
                "SELECT count(*) FROM claims WHERE q_value IS NOT NULL OR q_lower IS NOT NULL OR q_upper IS NOT NULL",
                [],
                |r| r.get(0),
            )?,
            claim_via: count("claim_via")?,
            claim_about: count("claim_about")?,
            relations: count("relations")?,
            timexes: count("timexes")?,
            first_published,
            last_published,
        })
    }
}
