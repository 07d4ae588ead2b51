//! Local actor descriptions (`local_actors`, schema version 6): what a
//! document said about one of its actors (name, kind, aliases, parent) and
//! the folded name it merged through, stored once however many documents
//! say the same, so that each `actor_links` row names it by id.
//!
//! Descriptions are never changed or deleted, so the ids an ingest has
//! seen stay valid for its whole transaction, across replaced documents.

use super::hash::FastMap as HashMap;
use crate::error::Result;
use rusqlite::{OptionalExtension, Transaction, params};

/// One local actor as a link records it; `None` is stored as ''.
pub(crate) struct Description<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    /// JSON array of the aliases.
    pub aliases: &'a str,
    pub part_of: Option<&'a str>,
    pub matched_norm: Option<&'a str>,
}

impl Description<'_> {
    fn columns(&self) -> [&str; 5] {
        [
            self.name,
            self.kind,
            self.aliases,
            self.part_of.unwrap_or(""),
            self.matched_norm.unwrap_or(""),
        ]
    }
}

/// The ids of the descriptions one ingest has written or found, keyed by
/// their content: a wire story's actors recur in thousands of documents,
/// and each costs one lookup in the table per batch, not one per link.
#[derive(Default)]
pub(crate) struct LocalActorIds {
    ids: HashMap<Box<[u8]>, i64>,
    /// Reused for every key, so that a hit allocates nothing.
    key: Vec<u8>,
    /// Whether `ids` holds every row of the table: true when the table was
    /// empty at the first lookup (a first load), as the transaction's own
    /// inserts are the only rows then. A miss is then new without asking
    /// the table; `None` until the first lookup.
    complete: Option<bool>,
}

impl LocalActorIds {
    /// The id of `d`, written first when the table does not hold it yet.
    pub fn id(&mut self, tx: &Transaction<'_>, d: &Description<'_>) -> Result<i64> {
        let cols = d.columns();
        self.key.clear();
        // Length-prefixed, so that no two descriptions share a key whatever
        // bytes their names hold.
        for c in cols {
            self.key.extend_from_slice(&(c.len() as u64).to_le_bytes());
            self.key.extend_from_slice(c.as_bytes());
        }
        if let Some(&id) = self.ids.get(self.key.as_slice()) {
            return Ok(id);
        }
        let complete = match self.complete {
            Some(c) => c,
            None => {
                let empty =
                    tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM local_actors)", [], |r| {
                        r.get(0)
                    })?;
                *self.complete.insert(empty)
            }
        };
        let id = match complete {
            true => insert(tx, cols)?,
            false => find_or_insert(tx, cols)?,
        };
        self.ids.insert(self.key.as_slice().into(), id);
        Ok(id)
    }
}

/// The id of a description, written when new; no cache (unmerge and the
/// first sight of a description in a batch).
pub(crate) fn find_or_insert(tx: &Transaction<'_>, cols: [&str; 5]) -> Result<i64> {
    let found = tx
        .prepare_cached(
            "SELECT id FROM local_actors WHERE name = ?1 AND kind = ?2 AND aliases = ?3
             AND part_of = ?4 AND matched_norm = ?5",
        )?
        .query_row(params![cols[0], cols[1], cols[2], cols[3], cols[4]], |r| {
            r.get(0)
        })
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => insert(tx, cols),
    }
}

/// Writes a description the table does not hold.
fn insert(tx: &Transaction<'_>, cols: [&str; 5]) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO local_actors (name, kind, aliases, part_of, matched_norm)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![cols[0], cols[1], cols[2], cols[3], cols[4]])?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn count(s: &Store) -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM local_actors", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn equal_descriptions_share_one_row_and_different_ones_do_not() {
        let mut s = Store::open_in_memory().unwrap();
        let tx = s.conn.transaction().unwrap();
        let mut ids = LocalActorIds::default();
        let harbour = Description {
            name: "Harbour Authority",
            kind: "organization",
            aliases: "[]",
            part_of: None,
            matched_norm: None,
        };
        let a = ids.id(&tx, &harbour).unwrap();
        assert_eq!(ids.id(&tx, &harbour).unwrap(), a);
        // A fresh cache finds the stored row instead of writing another.
        assert_eq!(LocalActorIds::default().id(&tx, &harbour).unwrap(), a);
        let merged = Description {
            matched_norm: Some("harbour authority"),
            ..harbour
        };
        let b = ids.id(&tx, &merged).unwrap();
        assert_ne!(a, b);
        // Field boundaries count: moving text from one field to the next
        // is another description.
        let x = Description {
            name: "ab",
            kind: "c",
            aliases: "[]",
            part_of: None,
            matched_norm: None,
        };
        let y = Description {
            name: "a",
            kind: "bc",
            ..x
        };
        assert_ne!(ids.id(&tx, &x).unwrap(), ids.id(&tx, &y).unwrap());
        tx.commit().unwrap();
        assert_eq!(count(&s), 4);
    }
}
