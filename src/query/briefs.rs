//! `<db>.cache/claims.cbr`: what `sources` weighs of every claim ([`ClaimBrief`]), in a
//! fixed-size record per claim id, so that weighing the 20,000 candidates
//! of a hub subject reads 20,000 small records of one compact file rather
//! than 20,000 whole claim rows spread over the database (each a B-tree
//! descent and a page of mostly evidence text).
//!
//! Layout after the magic and the store's fingerprint: the largest claim
//! id `m`, the string table (count, `count + 1` `u64` offsets, the bytes),
//! then `m + 1` records of [`REC`] bytes, record `i` for claim id `i`:
//! claimant (`i64`), subject, unit and polarity (`u32` string numbers, unit
//! 0 = NULL, the others from 1), a flag byte (claim present; value, lower
//! and upper present; approximate, vague, lower open, upper open), the
//! factuality (its place in [`Factuality::ALL`]), two padding bytes, value,
//! lower and upper (`f64`), and the first and last day the content holds
//! (`i32` days from the common era). Little endian. The
//! file is keyed by the fingerprint and rebuilt by the first `sources` that
//! finds it stale; where it cannot be written, SQL answers.

use crate::Result;
use crate::model::{Factuality, Quantity};
use crate::store::query::{self as q, ClaimBrief};
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"CHRCB\x00\x00\x02";

/// Bytes per claim record.
const REC: usize = 56;

/// Ids this far beyond the claim count leave the store to SQL: a record
/// per id would be mostly holes.
const SLACK: i64 = 1 << 16;

/// Where the claim-brief snapshot of a database lives: `<db>.cache/claims.cbr`.
pub fn snapshot_path(db: &Path) -> PathBuf {
    crate::store::cache::cache_file(db, "claims.cbr")
}

/// An open claim-brief snapshot.
#[derive(Debug)]
pub struct BriefSnapshot {
    map: memmap2::Mmap,
    /// Offsets of the string table's strings (relative to `strs_at`).
    str_offs_at: usize,
    strs_at: usize,
    nstr: usize,
    recs_at: usize,
    max_id: i64,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

impl BriefSnapshot {
    /// Writes the snapshot of `conn`'s claims to `path` (a temporary file,
    /// then a rename). Returns `Ok(false)` and writes nothing when the
    /// claim ids are negative or too sparse for a record per id.
    pub fn build(conn: &Connection, path: &Path, fingerprint: &str) -> Result<bool> {
        let tmp = super::snapfile::temp_beside(path);
        let io = |source: std::io::Error| crate::Error::Io {
            path: tmp.clone(),
            source,
        };
        // The file first: where it cannot be written, no claim is read.
        let file = std::fs::File::create(&tmp).map_err(io)?;
        let mut strings: std::collections::HashMap<String, u32> = Default::default();
        let mut table: Vec<String> = Vec::new();
        let mut intern = |s: String| -> u32 {
            if let Some(&k) = strings.get(&s) {
                return k;
            }
            table.push(s.clone());
            let k = table.len() as u32;
            strings.insert(s, k);
            k
        };
        let mut recs: Vec<u8> = Vec::new();
        let mut count: i64 = 0;
        let mut fits = true;
        q::all_claim_briefs(conn, |b| {
            count += 1;
            if b.id < 0 || b.id > count.saturating_mul(2).saturating_add(SLACK) {
                fits = false;
            }
            if !fits {
                return Ok(());
            }
            let at = b.id as usize * REC;
            if recs.len() < at + REC {
                recs.resize(at + REC, 0);
            }
            let r = &mut recs[at..at + REC];
            r[0..8].copy_from_slice(&b.claimant.to_le_bytes());
            r[8..12].copy_from_slice(&intern(b.subject).to_le_bytes());
            let unit = b.unit.map_or(0, &mut intern);
            r[12..16].copy_from_slice(&unit.to_le_bytes());
            r[16..20].copy_from_slice(&intern(b.polarity).to_le_bytes());
            let mut flags = 1u8;
            if let Some(qy) = &b.quantity {
                for (k, v) in [qy.value, qy.lower, qy.upper].into_iter().enumerate() {
                    if let Some(v) = v {
                        flags |= 2 << k;
                        r[24 + 8 * k..32 + 8 * k].copy_from_slice(&v.to_le_bytes());
                    }
                }
                for (k, set) in [qy.approximate, qy.vague, qy.lower_open, qy.upper_open]
                    .into_iter()
                    .enumerate()
                {
                    if set {
                        flags |= 16 << k;
                    }
                }
            }
            r[20] = flags;
            r[21] = Factuality::ALL
                .iter()
                .position(|&f| f == b.factuality)
                .unwrap_or(0) as u8;
            r[48..52].copy_from_slice(&b.days.0.to_le_bytes());
            r[52..56].copy_from_slice(&b.days.1.to_le_bytes());
            Ok(())
        })?;
        if !fits {
            drop(file);
            let _ = std::fs::remove_file(&tmp);
            return Ok(false);
        }
        let max_id = (recs.len() / REC) as i64 - 1;
        let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
        let mut head = super::snapfile::header(MAGIC, fingerprint);
        head.extend_from_slice(&max_id.to_le_bytes());
        head.extend_from_slice(&(table.len() as u64).to_le_bytes());
        let mut off = 0u64;
        head.extend_from_slice(&off.to_le_bytes());
        for s in &table {
            off += s.len() as u64;
            head.extend_from_slice(&off.to_le_bytes());
        }
        f.write_all(&head).map_err(io)?;
        for s in &table {
            f.write_all(s.as_bytes()).map_err(io)?;
        }
        // Records start on an 8-byte boundary (not needed for reading,
        // but a record then never straddles two pages).
        let pad = (8 - (head.len() + off as usize) % 8) % 8;
        f.write_all(&[0u8; 8][..pad]).map_err(io)?;
        f.write_all(&recs).map_err(io)?;
        f.into_inner().map_err(|e| io(e.into_error()))?;
        super::snapfile::put_in_place(&tmp, path).map_err(io)?;
        Ok(true)
    }

    /// Opens a snapshot written for this fingerprint; `None` when it is
    /// missing, stale or damaged.
    pub fn load(path: &Path, fingerprint: &str) -> Option<BriefSnapshot> {
        let (map, mut at) = super::snapfile::map_current(path, MAGIC, fingerprint)?;
        let max_id = u64_at(&map, at)? as i64;
        let nstr = usize::try_from(u64_at(&map, at + 8)?).ok()?;
        at += 16;
        let str_offs_at = at;
        let strs_at = str_offs_at.checked_add(nstr.checked_add(1)?.checked_mul(8)?)?;
        let strs_len = usize::try_from(u64_at(&map, strs_at - 8)?).ok()?;
        let end = strs_at.checked_add(strs_len)?;
        let recs_at = end + (8 - end % 8) % 8;
        let nrec = usize::try_from(max_id.checked_add(1)?).ok()?;
        if max_id < -1 || recs_at.checked_add(nrec.checked_mul(REC)?)? != map.len() {
            return None;
        }
        Some(BriefSnapshot {
            map,
            str_offs_at,
            strs_at,
            nstr,
            recs_at,
            max_id,
        })
    }

    /// The snapshot beside `db` when it is current, else a fresh build;
    /// `None` when it cannot be built or written.
    pub fn open(conn: &Connection, db: &Path) -> Result<Option<BriefSnapshot>> {
        let fp = q::fingerprint(conn)?;
        let path = snapshot_path(db);
        if let Some(s) = BriefSnapshot::load(&path, &fp) {
            return Ok(Some(s));
        }
        match BriefSnapshot::build(conn, &path, &fp) {
            Ok(true) => Ok(BriefSnapshot::load(&path, &fp)),
            Ok(false) | Err(crate::Error::Io { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn string(&self, k: u32) -> Option<String> {
        let k = (k as usize).checked_sub(1)?;
        if k >= self.nstr {
            return None;
        }
        let a = u64_at(&self.map, self.str_offs_at + 8 * k)? as usize;
        let b = u64_at(&self.map, self.str_offs_at + 8 * k + 8)? as usize;
        let bytes = self
            .map
            .get(self.strs_at.checked_add(a)?..self.strs_at.checked_add(b)?)?;
        String::from_utf8(bytes.to_vec()).ok()
    }

    /// The brief of claim `id`: `Some(None)` when there is no such claim,
    /// `None` when the file is damaged.
    fn brief(
        &self,
        id: i64,
        seen: &mut std::collections::HashMap<u32, String>,
    ) -> Option<Option<ClaimBrief>> {
        if id < 0 || id > self.max_id {
            return Some(None);
        }
        let at = self.recs_at + id as usize * REC;
        let r = self.map.get(at..at + REC)?;
        let flags = r[20];
        if flags & 1 == 0 {
            return Some(None);
        }
        let f64_at = |k: usize| -> Option<f64> {
            (flags & (2 << k) != 0)
                .then(|| f64::from_le_bytes(r[24 + 8 * k..32 + 8 * k].try_into().unwrap_or([0; 8])))
        };
        // Subjects, units and polarities repeat across claims: each is
        // read and checked once.
        let mut string = |k: u32| -> Option<String> {
            if let Some(s) = seen.get(&k) {
                return Some(s.clone());
            }
            let s = self.string(k)?;
            seen.insert(k, s.clone());
            Some(s)
        };
        let unit = match u32_at(r, 12)? {
            0 => None,
            k => Some(string(k)?),
        };
        let (value, lower, upper) = (f64_at(0), f64_at(1), f64_at(2));
        let quantity = (value.is_some() || lower.is_some() || upper.is_some()).then(|| Quantity {
            value,
            lower,
            upper,
            unit: unit.clone(),
            approximate: flags & 16 != 0,
            vague: flags & 32 != 0,
            lower_open: flags & 64 != 0,
            upper_open: flags & 128 != 0,
        });
        Some(Some(ClaimBrief {
            id,
            claimant: i64::from_le_bytes(r[0..8].try_into().ok()?),
            subject: string(u32_at(r, 8)?)?,
            unit,
            quantity,
            polarity: string(u32_at(r, 16)?)?,
            factuality: *Factuality::ALL.get(r[21] as usize)?,
            days: (
                i32::from_le_bytes(r[48..52].try_into().ok()?),
                i32::from_le_bytes(r[52..56].try_into().ok()?),
            ),
        }))
    }

    /// The briefs of the claims among `ids` that exist, in the order of
    /// `ids`; `None` when the file is damaged.
    pub fn briefs(&self, ids: &[i64]) -> Option<Vec<ClaimBrief>> {
        let mut out = Vec::with_capacity(ids.len());
        let mut seen = std::collections::HashMap::new();
        for &id in ids {
            if let Some(b) = self.brief(id, &mut seen)? {
                out.push(b);
            }
        }
        Some(out)
    }
}

/// [`q::claim_briefs`] of `ids`, from `<db>.cache/claims.cbr` when the store is a file
/// and the snapshot can answer, else from SQL (in no particular order).
pub fn claim_briefs(conn: &Connection, ids: &[i64]) -> Result<Vec<ClaimBrief>> {
    if let Some(db) = conn.path().filter(|p| !p.is_empty()) {
        if let Some(snap) = BriefSnapshot::open(conn, Path::new(db))? {
            if let Some(b) = snap.briefs(ids) {
                return Ok(b);
            }
        }
    }
    q::claim_briefs(conn, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    /// Claims with and without figures, bounds, units, subjects (blank ones
    /// stand in by their statement), both polarities, flags set by hand.
    fn store() -> Connection {
        let db = fx::empty();
        let people: Vec<i64> = (0..5)
            .map(|i| fx::actor(&db, &format!("Source {i}"), "person", None, &[]))
            .collect();
        let doc = fx::document(&db, "d1", "Wire", "2021-12-01");
        let subjects = [Some("troops near border"), Some("  "), None, Some("tanks")];
        let units = [Some("troops"), None, Some("tanks")];
        for i in 0..60usize {
            let figure = |k: usize| (i % 4 == k).then_some(1000.0 + i as f64 / 3.0);
            fx::claim(
                &db,
                doc,
                C {
                    claimant: people[i % people.len()],
                    subject: subjects[i % subjects.len()],
                    statement: &format!("statement {i}"),
                    value: figure(0).or(figure(3)),
                    lower: figure(1).or(figure(3).map(|v| v - 10.0)),
                    upper: figure(2),
                    unit: units[i % units.len()],
                    polarity: if i % 5 == 0 { "deny" } else { "affirm" },
                    about: &people[..1 + i % 2],
                    ..Default::default()
                },
            );
        }
        db.execute_batch(
            "UPDATE claims SET q_approximate = 1 WHERE id % 3 = 0;
             UPDATE claims SET q_vague = 1, q_lower_open = 1 WHERE id % 7 = 0;
             UPDATE claims SET q_upper_open = 1 WHERE id % 11 = 0;
             UPDATE claims SET factuality = 'feared' WHERE id % 13 = 0;
             UPDATE claims SET valid_start = '2021-06-01', valid_end = '2021-06-30' WHERE id % 9 = 0;
             UPDATE claims SET stated_start = '2020-01-01', stated_end = '2020-01-01' WHERE id % 17 = 0;",
        )
        .unwrap();
        db
    }

    fn sorted(mut v: Vec<ClaimBrief>) -> String {
        v.sort_by_key(|b| b.id);
        format!("{v:?}")
    }

    #[test]
    fn briefs_read_back_as_sql_reads_them() {
        let db = store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.cbr");
        assert!(BriefSnapshot::build(&db, &path, "fp1").unwrap());
        assert!(BriefSnapshot::load(&path, "fp2").is_none(), "stale");
        let snap = BriefSnapshot::load(&path, "fp1").unwrap();
        let ids: Vec<i64> = (-1..70).collect();
        let got = snap.briefs(&ids).unwrap();
        assert_eq!(got.len(), 60);
        assert_eq!(sorted(got), sorted(q::claim_briefs(&db, &ids).unwrap()));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(BriefSnapshot::load(&path, "fp1").is_none(), "truncated");
    }

    #[test]
    fn sources_through_the_snapshot_answer_as_sql() {
        let mem = store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        mem.execute("VACUUM INTO ?1", [path.to_str().unwrap()])
            .unwrap();
        let db = q::open_read(&path).unwrap();
        for id in [1, 2, 4, 5, 10, 33, 60] {
            for tol in [0.0, 0.05] {
                let sql = super::super::sources::sources(&mem, id, tol).unwrap();
                let snap = super::super::sources::sources(&db, id, tol).unwrap();
                assert_eq!(
                    serde_json::to_string(&snap).unwrap(),
                    serde_json::to_string(&sql).unwrap(),
                    "claim {id}"
                );
            }
        }
        assert!(snapshot_path(&path).exists(), "the snapshot was written");
    }

    #[test]
    fn sparse_ids_keep_the_sql_path() {
        let db = store();
        db.execute_batch(
            "PRAGMA foreign_keys = OFF; UPDATE claims SET id = 1000000 WHERE id = 60;",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.cbr");
        assert!(!BriefSnapshot::build(&db, &path, "fp").unwrap());
        assert!(!path.exists());
        assert!(
            !dir.path().join("t.cbr-tmp").exists(),
            "no file left behind"
        );
    }
}
