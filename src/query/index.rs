//! Compact read-side structures derived from the store, for questions that
//! would otherwise read a million rows per command.
//!
//! [`ConflictIndex`] keeps the claims grouped by subject (the grouping of
//! [`conflicts::group`], which depends on the claims only) with the few
//! numbers the pair test reads, so that `conflicts --summary` counts pairs
//! for any tolerance and window without reading every claim. It is saved
//! next to the database (`<db>.cache/conflicts.cfx`) under the store's fingerprint, like the
//! graph snapshot, and rebuilt when the store changes.
//!
//! [`TimeIndex`] and [`ChainIndex`] are in-memory structures for a library
//! user or a long-running process: events sorted by start and per actor
//! (timeline windows by binary search), and claim → claimant, intermediary,
//! document, outlet as array lookups. They are built from the store in one
//! scan per table and hold no answer to any particular question.

use super::conflicts::{self, Options, Packed, PairKind, SummaryRow};
use crate::Result;
use crate::store::query::{self as q, Node};
use rayon::prelude::*;
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Claims grouped by subject, packed for the pair test.
#[derive(Debug, Clone)]
pub struct ConflictIndex {
    /// Members of group `g`: `offsets[g]..offsets[g + 1]`, in time order.
    offsets: Vec<u32>,
    claim: Vec<i64>,
    claimant: Vec<i64>,
    /// Stated range; NaN when the claim states no figure.
    lo: Vec<f64>,
    hi: Vec<f64>,
    /// Valid (else stated, else published) days, as day numbers.
    d0: Vec<i32>,
    d1: Vec<i32>,
    published: Vec<i32>,
    deny: Vec<u8>,
    /// Per group: the subject (its first claim's, else its statement).
    subject: Vec<String>,
    /// Per group: the unit of its first claim.
    unit: Vec<Option<String>>,
    /// Per group: the targets of its first claim (`about_off[g]..about_off[g + 1]`).
    about_off: Vec<u32>,
    about_node: Vec<Node>,
    /// Labels of those targets, where the store has them.
    about_label: Vec<Option<String>>,
}

/// Counts of one group for some tolerance and window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupCount {
    /// Pairs from different claimants that disagree.
    pub between_sources: u64,
    /// Pairs where one claimant's figure moved between two times.
    pub changes: u64,
}

/// Bumped whenever the grouping rules change, so that an old snapshot is rebuilt.
const CFX_MAGIC: &[u8; 8] = b"CGCFX003";

impl ConflictIndex {
    /// Builds the index from the store: every claim's facts, event targets
    /// through the row that stands for the event, grouped by subject.
    pub fn build(conn: &Connection) -> Result<ConflictIndex> {
        use chrono::Datelike;
        let mut facts = q::claim_facts(conn, None)?;
        conflicts::speak_for_owners(conn, &mut facts)?;
        let canon = super::graph::event_canon_map(conn)?;
        if !canon.is_empty() {
            conflicts::canonical_targets(&mut facts, |e| canon.get(&e).copied().unwrap_or(e));
        }
        let groups = conflicts::group(&facts);
        let mut ix = ConflictIndex {
            offsets: vec![0],
            claim: Vec::new(),
            claimant: Vec::new(),
            lo: Vec::new(),
            hi: Vec::new(),
            d0: Vec::new(),
            d1: Vec::new(),
            published: Vec::new(),
            deny: Vec::new(),
            subject: Vec::new(),
            unit: Vec::new(),
            about_off: vec![0],
            about_node: Vec::new(),
            about_label: Vec::new(),
        };
        for m in &groups {
            for &i in m {
                let f = &facts[i];
                let (a, b) = f.valid.or(f.stated).unwrap_or((f.published, f.published));
                let r = f.quantity.as_ref().and_then(conflicts::stated_range);
                ix.claim.push(f.id);
                ix.claimant.push(f.claimant);
                ix.lo.push(r.map_or(f64::NAN, |r| r.0));
                ix.hi.push(r.map_or(f64::NAN, |r| r.1));
                ix.d0.push(a.num_days_from_ce());
                ix.d1.push(b.num_days_from_ce());
                ix.published.push(f.published.num_days_from_ce());
                ix.deny.push(u8::from(f.deny));
            }
            ix.offsets.push(ix.claim.len() as u32);
            let f = &facts[m[0]];
            ix.subject.push(
                f.subject
                    .clone()
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| f.statement.clone()),
            );
            ix.unit
                .push(f.quantity.as_ref().and_then(|q| q.unit.clone()));
            for &(ev, id) in &f.about {
                ix.about_node
                    .push(if ev { Node::Event(id) } else { Node::Actor(id) });
            }
            ix.about_off.push(ix.about_node.len() as u32);
        }
        let labels = q::node_labels(conn, &ix.about_node)?;
        ix.about_label = ix
            .about_node
            .iter()
            .map(|n| labels.get(n).cloned())
            .collect();
        Ok(ix)
    }

    /// Number of groups and of claims in them.
    pub fn size(&self) -> (usize, usize) {
        (self.subject.len(), self.claim.len())
    }

    /// Pair counts of every group under `opt` (tolerance and window; the
    /// index holds every claim, so `as_of` does not apply here), computed on
    /// both cores.
    pub fn counts(&self, opt: &Options) -> Vec<GroupCount> {
        let w = conflicts::window(opt);
        let tol = opt.tolerance;
        (0..self.subject.len())
            .into_par_iter()
            .map_init(Cols::default, |cols, g| {
                let (s, e) = (self.offsets[g] as usize, self.offsets[g + 1] as usize);
                cols.fill(self, s..e, w, tol);
                cols.count()
            })
            .collect()
    }

    /// [`Self::counts`] through the general pair test of `analyse`, one pair
    /// at a time: the reference the column-wise count is checked against.
    pub fn counts_by_pairs(&self, opt: &Options) -> Vec<GroupCount> {
        let w = conflicts::window(opt);
        (0..self.subject.len())
            .map(|g| {
                let (s, e) = (self.offsets[g] as usize, self.offsets[g + 1] as usize);
                let packed: Vec<Packed> = (s..e)
                    .map(|i| {
                        let range = (!self.lo[i].is_nan()).then_some((self.lo[i], self.hi[i]));
                        Packed::from_parts(
                            self.claimant[i],
                            range,
                            (self.d0[i], self.d1[i]),
                            self.published[i],
                            self.deny[i] != 0,
                            opt.tolerance,
                        )
                    })
                    .collect();
                let mut c = GroupCount::default();
                conflicts::scan_pairs(&packed, w, |_, _, kind, same| {
                    if kind == PairKind::Change {
                        c.changes += 1;
                    } else if !same {
                        c.between_sources += 1;
                    }
                });
                c
            })
            .collect()
    }

    /// The targets of group `g`'s first claim.
    pub fn about(&self, g: usize) -> &[Node] {
        &self.about_node[self.about_off[g] as usize..self.about_off[g + 1] as usize]
    }

    /// The subject of group `g` (its first claim's subject, else statement).
    pub fn subject(&self, g: usize) -> &str {
        &self.subject[g]
    }

    /// One line per group where sources disagree under `opt`, in the order
    /// and shape of [`conflicts::summary`].
    pub fn summary(&self, opt: &Options) -> Vec<SummaryRow> {
        let day = |d: i32| {
            chrono::NaiveDate::from_num_days_from_ce_opt(d)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        self.counts(opt)
            .into_iter()
            .enumerate()
            .filter(|(_, c)| c.between_sources > 0)
            .map(|(g, c)| {
                let (s, e) = (self.offsets[g] as usize, self.offsets[g + 1] as usize);
                let labels =
                    &self.about_label[self.about_off[g] as usize..self.about_off[g + 1] as usize];
                SummaryRow {
                    subject: self.subject[g].clone(),
                    unit: self.unit[g].clone(),
                    about: labels.iter().flatten().cloned().collect(),
                    sides: e - s,
                    disagreeing_pairs: c.between_sources,
                    changes: c.changes,
                    from: day(self.d0[s]),
                    to: day(self.d1[e - 1]),
                }
            })
            .collect()
    }

    /// Writes the snapshot: magic, fingerprint, then the arrays.
    pub fn save(&self, path: &Path, fingerprint: &str) -> std::io::Result<()> {
        let tmp = super::snapfile::temp_beside(path);
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        w.write_all(CFX_MAGIC)?;
        put_str(&mut w, Some(fingerprint))?;
        put(&mut w, &self.offsets, |x| x.to_le_bytes())?;
        put(&mut w, &self.claim, |x| x.to_le_bytes())?;
        put(&mut w, &self.claimant, |x| x.to_le_bytes())?;
        put(&mut w, &self.lo, |x| x.to_le_bytes())?;
        put(&mut w, &self.hi, |x| x.to_le_bytes())?;
        put(&mut w, &self.d0, |x| x.to_le_bytes())?;
        put(&mut w, &self.d1, |x| x.to_le_bytes())?;
        put(&mut w, &self.published, |x| x.to_le_bytes())?;
        put(&mut w, &self.deny, |x| [*x])?;
        put(&mut w, &self.about_off, |x| x.to_le_bytes())?;
        let nodes: Vec<i64> = self
            .about_node
            .iter()
            .map(|n| match n {
                Node::Event(e) => -1 - e,
                Node::Actor(a) => *a,
                // Only actors and events are claim targets.
                Node::Claim(_) | Node::Relation(_) => i64::MIN,
            })
            .collect();
        put(&mut w, &nodes, |x| x.to_le_bytes())?;
        w.write_all(&(self.subject.len() as u64).to_le_bytes())?;
        for s in &self.subject {
            put_str(&mut w, Some(s))?;
        }
        for u in &self.unit {
            put_str(&mut w, u.as_deref())?;
        }
        w.write_all(&(self.about_label.len() as u64).to_le_bytes())?;
        for l in &self.about_label {
            put_str(&mut w, l.as_deref())?;
        }
        w.flush()?;
        drop(w);
        super::snapfile::put_in_place(&tmp, path)
    }

    /// Reads a snapshot written for this fingerprint; `None` when the file
    /// is missing, damaged or stale.
    pub fn load(path: &Path, fingerprint: &str) -> Option<ConflictIndex> {
        let bytes = std::fs::read(path).ok()?;
        let mut r = Reader { b: &bytes, at: 0 };
        if r.take(8)? != CFX_MAGIC || r.str()?.as_deref() != Some(fingerprint) {
            return None;
        }
        let offsets: Vec<u32> = r.arr(|b: &[u8; 4]| u32::from_le_bytes(*b))?;
        let claim: Vec<i64> = r.arr(|b: &[u8; 8]| i64::from_le_bytes(*b))?;
        let claimant: Vec<i64> = r.arr(|b: &[u8; 8]| i64::from_le_bytes(*b))?;
        let lo: Vec<f64> = r.arr(|b: &[u8; 8]| f64::from_le_bytes(*b))?;
        let hi: Vec<f64> = r.arr(|b: &[u8; 8]| f64::from_le_bytes(*b))?;
        let d0: Vec<i32> = r.arr(|b: &[u8; 4]| i32::from_le_bytes(*b))?;
        let d1: Vec<i32> = r.arr(|b: &[u8; 4]| i32::from_le_bytes(*b))?;
        let published: Vec<i32> = r.arr(|b: &[u8; 4]| i32::from_le_bytes(*b))?;
        let deny: Vec<u8> = r.arr(|b: &[u8; 1]| b[0])?;
        let about_off: Vec<u32> = r.arr(|b: &[u8; 4]| u32::from_le_bytes(*b))?;
        let nodes: Vec<i64> = r.arr(|b: &[u8; 8]| i64::from_le_bytes(*b))?;
        let about_node: Vec<Node> = nodes
            .into_iter()
            .map(|x| match x {
                x if x >= 0 => Some(Node::Actor(x)),
                i64::MIN => None,
                x => Some(Node::Event(-1 - x)),
            })
            .collect::<Option<_>>()?;
        let ng = r.u64()? as usize;
        let subject = (0..ng)
            .map(|_| r.str().flatten())
            .collect::<Option<Vec<_>>>()?;
        let unit = (0..ng).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
        let nl = r.u64()? as usize;
        let about_label = (0..nl).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
        let n = claim.len();
        let ok = offsets.len() == ng + 1
            && about_off.len() == ng + 1
            && offsets.last().is_some_and(|&l| l as usize == n)
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && about_off.windows(2).all(|w| w[0] <= w[1])
            && about_off
                .last()
                .is_some_and(|&l| l as usize == about_node.len())
            && about_label.len() == about_node.len()
            && [
                claimant.len(),
                lo.len(),
                hi.len(),
                d0.len(),
                d1.len(),
                published.len(),
                deny.len(),
            ]
            .iter()
            .all(|&l| l == n)
            && r.at == bytes.len();
        ok.then_some(ConflictIndex {
            offsets,
            claim,
            claimant,
            lo,
            hi,
            d0,
            d1,
            published,
            deny,
            subject,
            unit,
            about_off,
            about_node,
            about_label,
        })
    }

    /// The snapshot next to the database when it is current, else a fresh
    /// build (saved for next time when the directory is writable).
    pub fn open(conn: &Connection) -> Result<ConflictIndex> {
        let Some(db) = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from) else {
            return ConflictIndex::build(conn);
        };
        let fp = q::fingerprint(conn)?;
        let path = crate::store::cache::cache_file(&db, "conflicts.cfx");
        if let Some(ix) = ConflictIndex::load(&path, &fp) {
            return Ok(ix);
        }
        let ix = ConflictIndex::build(conn)?;
        // A read-only directory only costs the next command a rebuild.
        let _ = ix.save(&path, &fp);
        Ok(ix)
    }
}

/// Day number (days from the common era) of a `YYYY-MM-DD` text.
pub fn day_number(s: &str) -> Option<i32> {
    use chrono::Datelike;
    s.get(..10)?
        .parse::<chrono::NaiveDate>()
        .ok()
        .map(|d| d.num_days_from_ce())
}

/// Events by start day, in memory: the dated events (one row per event,
/// reports of one event joined through `canon`) sorted by (start, id), and
/// per actor the events it took part in through any report, in the same
/// order. A window is two binary searches.
#[derive(Debug, Clone, Default)]
pub struct TimeIndex {
    starts: Vec<(i32, u32)>,
    actor_off: Vec<u32>,
    actor_events: Vec<(i32, u32)>,
}

impl TimeIndex {
    /// Builds the index from the store in two scans (events, participants);
    /// `canon` maps an event row to the row that stands for its event.
    pub fn build(conn: &Connection, canon: impl Fn(i64) -> i64) -> Result<TimeIndex> {
        let max = q::max_ids(conn)?;
        let mut start = vec![i32::MIN; max[1] as usize + 1];
        let mut starts = Vec::new();
        q::event_starts(conn, |id, t| {
            if let Some(d) = t.and_then(day_number) {
                start[id as usize] = d;
                if canon(id) == id {
                    starts.push((d, id as u32));
                }
            }
        })?;
        starts.sort_unstable();
        let mut pairs: Vec<(u32, i32, u32)> = Vec::new();
        q::participations(conn, |event, actor| {
            let c = canon(event);
            let d = start.get(c as usize).copied().unwrap_or(i32::MIN);
            if d != i32::MIN {
                pairs.push((actor as u32, d, c as u32));
            }
        })?;
        pairs.sort_unstable();
        pairs.dedup();
        let mut actor_off = vec![0u32; max[0] as usize + 2];
        for &(a, _, _) in &pairs {
            actor_off[a as usize + 1] += 1;
        }
        for i in 0..actor_off.len() - 1 {
            actor_off[i + 1] += actor_off[i];
        }
        Ok(TimeIndex {
            starts,
            actor_off,
            actor_events: pairs.into_iter().map(|(_, d, e)| (d, e)).collect(),
        })
    }

    fn window(v: &[(i32, u32)], from: i32, to: i32) -> &[(i32, u32)] {
        let a = v.partition_point(|&(d, _)| d < from);
        let b = v.partition_point(|&(d, _)| d <= to);
        &v[a..b.max(a)]
    }

    /// Events starting within `[from, to]` (day numbers), as (start, row id),
    /// ordered by start then id.
    pub fn starting(&self, from: i32, to: i32) -> &[(i32, u32)] {
        Self::window(&self.starts, from, to)
    }

    /// The same, only events `actor` took part in.
    pub fn starting_with(&self, actor: i64, from: i32, to: i32) -> &[(i32, u32)] {
        let Some(a) = usize::try_from(actor)
            .ok()
            .filter(|&a| a + 1 < self.actor_off.len())
        else {
            return &[];
        };
        let v = &self.actor_events[self.actor_off[a] as usize..self.actor_off[a + 1] as usize];
        Self::window(v, from, to)
    }

    /// Bytes held (the arrays' lengths).
    pub fn bytes(&self) -> usize {
        (self.starts.len() + self.actor_events.len()) * 8 + self.actor_off.len() * 4
    }
}

/// The attribution chain of every claim as array lookups: claim →
/// claimant, first intermediary, document; document → key, publication,
/// outlet; actor → name.
#[derive(Debug, Clone, Default)]
pub struct ChainIndex {
    claimant: Vec<u32>,
    via: Vec<u32>,
    document: Vec<u32>,
    doc_key: Vec<String>,
    doc_published: Vec<String>,
    doc_outlet: Vec<u32>,
    doc_outlet_name: Vec<Option<String>>,
    actor_name: Vec<String>,
}

/// One claim's chain, borrowed from a [`ChainIndex`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chain<'a> {
    /// Store id of the claim.
    pub claim: i64,
    /// Claimant id and name.
    pub claimant: (i64, &'a str),
    /// First intermediary (nearest the document), id and name.
    pub via: Option<(i64, &'a str)>,
    /// Store id and key of the document.
    pub document: (i64, &'a str),
    /// Publication date of the document.
    pub published: &'a str,
    /// The outlet as an actor (when linked) and the publisher's name.
    pub outlet: (Option<i64>, Option<&'a str>),
}

const NONE: u32 = u32::MAX;

impl ChainIndex {
    /// Builds the index from the store, one scan per table.
    pub fn build(conn: &Connection) -> Result<ChainIndex> {
        let max = q::max_ids(conn)?;
        let mut ix = ChainIndex {
            claimant: vec![NONE; max[2] as usize + 1],
            via: vec![NONE; max[2] as usize + 1],
            document: vec![NONE; max[2] as usize + 1],
            actor_name: vec![String::new(); max[0] as usize + 1],
            ..Default::default()
        };
        q::chain_columns(
            conn,
            |c, who, doc| {
                ix.claimant[c as usize] = who as u32;
                ix.document[c as usize] = doc as u32;
            },
            |c, via| ix.via[c as usize] = via as u32,
            |d| {
                let i = d.id as usize;
                if ix.doc_key.len() <= i {
                    ix.doc_key.resize(i + 1, String::new());
                    ix.doc_published.resize(i + 1, String::new());
                    ix.doc_outlet.resize(i + 1, NONE);
                    ix.doc_outlet_name.resize(i + 1, None);
                }
                ix.doc_outlet[i] = d.publisher_id.map_or(NONE, |p| p as u32);
                ix.doc_key[i] = d.key;
                ix.doc_published[i] = d.published;
                ix.doc_outlet_name[i] = d.publisher;
            },
            |a, name| ix.actor_name[a as usize] = name,
        )?;
        Ok(ix)
    }

    /// The chain of a claim; `None` when there is no such claim.
    pub fn get(&self, claim: i64) -> Option<Chain<'_>> {
        let c = usize::try_from(claim).ok()?;
        let who = *self.claimant.get(c)?;
        if who == NONE {
            return None;
        }
        let doc = self.document[c] as usize;
        let via = self.via[c];
        let outlet = self.doc_outlet[doc];
        Some(Chain {
            claim,
            claimant: (i64::from(who), &self.actor_name[who as usize]),
            via: (via != NONE).then(|| (i64::from(via), self.actor_name[via as usize].as_str())),
            document: (doc as i64, &self.doc_key[doc]),
            published: &self.doc_published[doc],
            outlet: (
                (outlet != NONE).then_some(i64::from(outlet)),
                self.doc_outlet_name[doc].as_deref(),
            ),
        })
    }

    /// Approximate bytes held.
    pub fn bytes(&self) -> usize {
        let strs = |v: &[String]| v.iter().map(|s| s.len() + 24).sum::<usize>();
        (self.claimant.len() + self.via.len() + self.document.len() + self.doc_outlet.len()) * 4
            + strs(&self.doc_key)
            + strs(&self.doc_published)
            + strs(&self.actor_name)
            + self
                .doc_outlet_name
                .iter()
                .map(|s| s.as_ref().map_or(24, |s| s.len() + 24))
                .sum::<usize>()
    }
}

/// One group's claims as columns, split into claims with a figure and
/// claims without, for a branch-free count over all pairs that the compiler
/// vectorises (a hub group has millions of pairs; the counts equal
/// [`conflicts::scan_pairs`]'s).
#[derive(Default)]
struct Cols {
    /// With a figure: widened range, days widened by the window, raw days
    /// (both ends in one word), publication, claimant.
    lo: Vec<f64>,
    hi: Vec<f64>,
    s: Vec<i32>,
    e: Vec<i32>,
    days: Vec<u64>,
    publ: Vec<i32>,
    who: Vec<i64>,
    /// Without a figure: widened days, claimant, denial.
    ns: Vec<i32>,
    ne: Vec<i32>,
    nwho: Vec<i64>,
    ndeny: Vec<u8>,
}

impl Cols {
    fn fill(&mut self, ix: &ConflictIndex, r: std::ops::Range<usize>, w: i32, tol: f64) {
        for v in [
            &mut self.s,
            &mut self.e,
            &mut self.ns,
            &mut self.ne,
            &mut self.publ,
        ] {
            v.clear();
        }
        self.lo.clear();
        self.hi.clear();
        self.days.clear();
        self.who.clear();
        self.nwho.clear();
        self.ndeny.clear();
        for i in r {
            let (s, e) = (ix.d0[i] - w, ix.d1[i] + w);
            if ix.lo[i].is_nan() {
                self.ns.push(s);
                self.ne.push(e);
                self.nwho.push(ix.claimant[i]);
                self.ndeny.push(ix.deny[i]);
            } else {
                self.lo.push(ix.lo[i] * (1.0 - tol));
                self.hi.push(ix.hi[i] * (1.0 + tol));
                self.s.push(s);
                self.e.push(e);
                self.days
                    .push((u64::from(ix.d0[i] as u32) << 32) | u64::from(ix.d1[i] as u32));
                self.publ.push(ix.published[i]);
                self.who.push(ix.claimant[i]);
            }
        }
    }

    fn count(&self) -> GroupCount {
        let mut c = GroupCount::default();
        let n = self.lo.len();
        for x in 0..n {
            let (lo, hi, s, e) = (self.lo[x], self.hi[x], self.s[x], self.e[x]);
            let (days, publ, who) = (self.days[x], self.publ[x], self.who[x]);
            let lo2 = &self.lo[x + 1..n];
            let m = lo2.len();
            let hi2 = &self.hi[x + 1..][..m];
            let s2 = &self.s[x + 1..][..m];
            let e2 = &self.e[x + 1..][..m];
            let days2 = &self.days[x + 1..][..m];
            let publ2 = &self.publ[x + 1..][..m];
            let who2 = &self.who[x + 1..][..m];
            let (mut between, mut changes) = (0u64, 0u64);
            for i in 0..m {
                let apart = (hi < lo2[i]) | (hi2[i] < lo);
                let overlap = (s <= e2[i]) & (s2[i] <= e);
                let same = who == who2[i];
                let moved = (days != days2[i]) | (publ != publ2[i]);
                between += u64::from(apart & overlap & !same);
                changes += u64::from(apart & same & moved);
            }
            c.between_sources += between;
            c.changes += changes;
        }
        let n = self.ns.len();
        for x in 0..n {
            let (s, e, who, deny) = (self.ns[x], self.ne[x], self.nwho[x], self.ndeny[x]);
            let s2 = &self.ns[x + 1..n];
            let m = s2.len();
            let e2 = &self.ne[x + 1..][..m];
            let who2 = &self.nwho[x + 1..][..m];
            let deny2 = &self.ndeny[x + 1..][..m];
            let mut between = 0u64;
            for i in 0..m {
                between +=
                    u64::from((deny != deny2[i]) & (s <= e2[i]) & (s2[i] <= e) & (who != who2[i]));
            }
            c.between_sources += between;
        }
        c
    }
}

fn put<T, const N: usize>(
    w: &mut dyn Write,
    xs: &[T],
    bytes: impl Fn(&T) -> [u8; N],
) -> std::io::Result<()> {
    w.write_all(&(xs.len() as u64).to_le_bytes())?;
    for x in xs {
        w.write_all(&bytes(x))?;
    }
    Ok(())
}

fn put_str(w: &mut dyn Write, s: Option<&str>) -> std::io::Result<()> {
    match s {
        None => w.write_all(&u32::MAX.to_le_bytes()),
        Some(s) => {
            w.write_all(&(s.len() as u32).to_le_bytes())?;
            w.write_all(s.as_bytes())
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn arr<T, const N: usize>(&mut self, f: impl Fn(&[u8; N]) -> T) -> Option<Vec<T>> {
        let len = usize::try_from(self.u64()?).ok()?;
        let raw = self.take(len.checked_mul(N)?)?;
        Some(
            raw.chunks_exact(N)
                .map(|c| f(c.try_into().expect("chunks of N")))
                .collect(),
        )
    }

    fn str(&mut self) -> Option<Option<String>> {
        let len = u32::from_le_bytes(self.take(4)?.try_into().ok()?);
        if len == u32::MAX {
            return Some(None);
        }
        let raw = self.take(len as usize)?;
        Some(Some(String::from_utf8(raw.to_vec()).ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    /// A store with a contested figure (three claimants, one of whom moves),
    /// an affirm/deny pair and an uncontested subject.
    fn store() -> Connection {
        let db = fx::empty();
        let a = fx::actor(&db, "A", "government", None, &[]);
        let b = fx::actor(&db, "B", "government", None, &[]);
        let c = fx::actor(&db, "C", "agency", None, &[]);
        let t = fx::actor(&db, "T", "country", None, &[]);
        let d1 = fx::document(&db, "d1", "CNN", "2021-12-04");
        let d2 = fx::document(&db, "d2", "AP", "2022-01-10");
        let fig = |doc, who, v: f64, valid: &'static str| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    subject: Some("troops near the border"),
                    statement: "troops near the border",
                    value: Some(v),
                    unit: Some("troops"),
                    valid: Some(valid),
                    about: Box::leak(Box::new([t])),
                    ..Default::default()
                },
            )
        };
        fig(d1, a, 70_000.0, "2021-12-03");
        fig(d1, b, 175_000.0, "2021-12-03");
        // Weeks after the first figures: a season apart, they would be
        // another story (see `conflicts::group`).
        fig(d2, a, 100_000.0, "2021-12-30");
        fig(d2, c, 72_000.0, "2021-12-03");
        for (doc, who, pol) in [(d1, a, "affirm"), (d2, b, "deny")] {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    statement: "the talks failed",
                    polarity: pol,
                    valid: Some("2021-12-20"),
                    ..Default::default()
                },
            );
        }
        db
    }

    #[test]
    fn counts_equal_the_pair_test_and_the_summary_of_analyse() {
        let db = store();
        let ix = ConflictIndex::build(&db).unwrap();
        assert_eq!(ix.size().0, 2, "figures about T, and the talks");
        for (tolerance, window_days) in [(0.0, 0), (0.05, 14), (0.5, 0), (0.0, 60)] {
            let opt = Options {
                tolerance,
                window_days,
                ..Default::default()
            };
            assert_eq!(ix.counts(&opt), ix.counts_by_pairs(&opt), "{opt:?}");
            let mut facts = q::claim_facts(&db, None).unwrap();
            conflicts::canonical_targets(&mut facts, |e| e);
            let want: Vec<(usize, u64, u64)> = conflicts::analyse(&facts, &opt, false)
                .iter()
                .filter(|c| c.between_sources > 0)
                .map(|c| (c.members.len(), c.between_sources, c.n_changes))
                .collect();
            let got: Vec<(usize, u64, u64)> = ix
                .summary(&opt)
                .iter()
                .map(|r| (r.sides, r.disagreeing_pairs, r.changes))
                .collect();
            assert_eq!(got, want, "{opt:?}");
        }
        let exact = ix.summary(&Options {
            tolerance: 0.0,
            window_days: 0,
            ..Default::default()
        });
        // A's 70,000 against B's 175,000 and C's 72,000; B against C; A's own
        // move to 100,000 is a change, not a conflict; affirm against deny.
        assert_eq!(exact.len(), 2);
        let troops = exact.iter().find(|r| r.unit.is_some()).unwrap();
        assert_eq!((troops.disagreeing_pairs, troops.changes), (3, 1));
        assert_eq!(troops.about, vec!["T".to_owned()]);
        assert_eq!(
            (troops.from.as_str(), troops.to.as_str()),
            ("2021-12-03", "2021-12-30")
        );
    }

    #[test]
    fn snapshot_round_trip_and_stale_or_damaged_files() {
        let ix = ConflictIndex::build(&store()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.cfx");
        ix.save(&p, "fp1").unwrap();
        // NaN marks claims without a figure, and NaN != NaN: compare the text.
        let back = ConflictIndex::load(&p, "fp1").unwrap();
        assert_eq!(format!("{back:?}"), format!("{ix:?}"));
        assert!(ConflictIndex::load(&p, "fp2").is_none());
        let mut bytes = std::fs::read(&p).unwrap();
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&p, &bytes).unwrap();
        assert!(ConflictIndex::load(&p, "fp1").is_none());
    }
}
