//! Writing bundles: one transaction for a whole batch, prepared cached
//! statements, actors resolved against what is already stored.
//!
//! Re-ingest rules, keyed by the document id (`documents.key`):
//! - same key, same bundle hash: nothing is written (`unchanged`);
//! - same key, different bundle hash: the document's facts, links and index
//!   rows are deleted and the new bundle written in their place, in the same
//!   transaction (`updated`); actors left without any link are removed;
//! - new key: `added`.

use super::Store;
use super::actors::{self, LocalActor, NameCache, Resolver};
use super::hash::FastMap as HashMap;
use super::raw::{MultiInsert, RawStatement, Val};
use crate::error::{Error, Result};
use crate::ingest::{Source, validate};
use crate::model::{Bundle, Document, Quantity, TimeValue};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::borrow::Borrow;

/// What ingest did with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// A new document.
    Added,
    /// A known document whose facts changed; they were replaced.
    Updated,
    /// A known document with the same facts; nothing was written.
    Unchanged,
}

impl DocStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Added => "added",
            DocStatus::Updated => "updated",
            DocStatus::Unchanged => "unchanged",
        }
    }
}

/// The outcome for one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    /// The document id (given, or derived from the content).
    pub key: String,
    pub status: DocStatus,
    pub actors: usize,
    /// Local actors joined to an actor another document already named.
    pub merged_actors: usize,
    pub events: usize,
    pub claims: usize,
    pub relations: usize,
    pub timexes: usize,
}

/// The outcome of one ingest call.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    pub documents: Vec<DocReport>,
}

impl IngestReport {
    /// How many documents had the given status.
    pub fn count(&self, status: DocStatus) -> usize {
        self.documents.iter().filter(|d| d.status == status).count()
    }
}

/// A hash of everything a bundle says except when it was recorded: equal
/// hashes mean re-ingesting would change nothing. Computed by feeding the
/// serde representation straight into a word hash (see `store::hash`).
pub fn bundle_hash(b: &Bundle) -> String {
    let d = &b.document;
    let facts = (
        (
            &d.id,
            &d.title,
            &d.publisher,
            &d.url,
            d.published,
            &d.content_hash,
        ),
        (&b.actors, &b.events, &b.claims, &b.relations, &b.timexes),
    );
    format!("{:016x}", super::hash::hash_value(&facts))
}

/// The document's key: its id when given, else one derived from the
/// publisher, date, title, url and the content hash (or, when the text is
/// unknown, the bundle hash), so the same article always gets the same key.
pub fn document_key(b: &Bundle, hash: &str) -> String {
    let d = &b.document;
    if !d.id.trim().is_empty() {
        return d.id.clone();
    }
    let published = d.published.to_string();
    Document::derive_id([
        d.publisher.as_deref().unwrap_or(""),
        published.as_str(),
        d.title.as_deref().unwrap_or(""),
        d.url.as_deref().unwrap_or(""),
        d.content_hash.as_deref().unwrap_or(hash),
    ])
}

/// A date as `YYYY-MM-DD` text, held inline: four dates per claim were
/// four heap strings, allocated and freed on the writing thread.
#[derive(Debug, Clone)]
enum IsoDate {
    Short([u8; 10]),
    /// A year outside 0..=9999, formatted by chrono.
    Long(String),
}

impl IsoDate {
    fn as_str(&self) -> &str {
        match self {
            IsoDate::Short(b) => std::str::from_utf8(b).expect("ASCII digits"),
            IsoDate::Long(s) => s,
        }
    }
}

/// `YYYY-MM-DD` without the formatting machinery (four dates per claim add
/// up in a bulk ingest). Years outside 0..=9999 fall back to chrono.
fn iso_date(d: chrono::NaiveDate) -> IsoDate {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return IsoDate::Long(d.to_string());
    }
    let y = y as u32;
    let digits = [
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (day / 10) as u8,
        b'0' + (day % 10) as u8,
    ];
    IsoDate::Short(digits)
}

/// The six columns of a time value, bounds derived from the value when
/// missing so that range queries see them. The text columns borrow from the
/// bundle: two time values per claim would otherwise copy four strings.
struct TimeCols<'a> {
    text: Option<&'a str>,
    value: Option<&'a str>,
    start: Option<IsoDate>,
    end: Option<IsoDate>,
    granularity: Option<&'static str>,
    modifier: Option<&'static str>,
}

fn time_cols(t: Option<&TimeValue>) -> TimeCols<'_> {
    match t {
        None => TimeCols {
            text: None,
            value: None,
            start: None,
            end: None,
            granularity: None,
            modifier: None,
        },
        Some(t) => {
            // `fill_bounds` changes nothing once bounds and granularity are
            // all present; otherwise it runs on a copy without the text.
            let (start, end, granularity) = match (t.start, t.end, t.granularity) {
                (Some(s), Some(e), Some(g)) => (Some(s), Some(e), Some(g)),
                _ => {
                    let mut f = TimeValue {
                        text: None,
                        ..t.clone()
                    };
                    f.fill_bounds();
                    (f.start, f.end, f.granularity)
                }
            };
            TimeCols {
                text: t.text.as_deref(),
                value: Some(t.value.as_str()),
                start: start.map(iso_date),
                end: end.map(iso_date),
                granularity: granularity.map(|g| g.as_str()),
                modifier: t.modifier.map(|m| m.as_str()),
            }
        }
    }
}

impl TimeCols<'_> {
    /// The six columns as bound values, in table order.
    fn vals(&self) -> [Val<'_>; 6] {
        [
            self.text.into(),
            self.value.into(),
            self.start.as_ref().map(IsoDate::as_str).into(),
            self.end.as_ref().map(IsoDate::as_str).into(),
            self.granularity.into(),
            self.modifier.into(),
        ]
    }
}

/// The four evidence columns (span, sentence, rule) as bound values.
fn evidence_vals(e: &crate::model::Evidence) -> [Val<'_>; 4] {
    [
        Val::Int(e.start as i64),
        Val::Int(e.end as i64),
        e.text.as_str().into(),
        e.rule.as_deref().into(),
    ]
}

fn local_error(doc: &str, field: &str, id: &str) -> Error {
    Error::Invalid {
        path: doc.into(),
        line: None,
        field: field.into(),
        message: format!("unknown local id `{id}`"),
    }
}

impl Store {
    /// Writes `bundles` in one transaction and reports what happened to each
    /// document. Every bundle is validated first (see
    /// [`crate::ingest::validate`]); on any error the transaction is rolled
    /// back and the database is exactly as before. `progress` is called with
    /// the number of bundles done so far.
    pub fn ingest<B, I>(
        &mut self,
        bundles: I,
        progress: &mut dyn FnMut(usize),
    ) -> Result<IngestReport>
    where
        B: Borrow<Bundle> + Send,
        I: IntoIterator<Item = B>,
    {
        self.ingest_results(bundles.into_iter().map(Ok), progress)
    }

    /// [`Store::ingest`] for bundles read lazily (a file streamed from
    /// disk): the first `Err` rolls everything back and is returned. A lower
    /// bound in the iterator's `size_hint` lets a large batch into a small
    /// database take the bulk path.
    ///
    /// Two threads share the work: this one pulls the bundles (parsing them,
    /// for a file reader), validates and hashes them and folds actor names;
    /// a second one owns the transaction and only writes rows, so that on two
    /// cores parsing (for the CLI) overlaps with SQLite, usually the slower
    /// half.
    pub fn ingest_results<B, I>(
        &mut self,
        bundles: I,
        progress: &mut dyn FnMut(usize),
    ) -> Result<IngestReport>
    where
        B: Borrow<Bundle> + Send,
        I: IntoIterator<Item = Result<B>>,
    {
        let recorded_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let bundles = bundles.into_iter();
        let hint = bundles.size_hint().0;
        // A file can be opened again (see `SideFts`); an in-memory store
        // cannot.
        let path = (self.path != std::path::Path::new(":memory:")).then_some(self.path.as_path());
        let conn = &mut self.conn;
        std::thread::scope(|s| {
            let (send, recv) = std::sync::mpsc::sync_channel::<Msg<B>>(PIPELINE_DEPTH);
            let recorded_at = recorded_at.as_str();
            let writer = s.spawn(move || write_all(conn, path, recv, hint, recorded_at));
            // Owns the sender: when it returns, the channel closes.
            let read = move || -> Result<()> {
                let mut chunk = Vec::with_capacity(CHUNK);
                for (i, b) in bundles.enumerate() {
                    chunk.push(prepare(b?, i)?);
                    if chunk.len() == CHUNK {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                        if send.send(Msg::Bundles(full)).is_err() {
                            // The writer failed; its error is the one to report.
                            return Ok(());
                        }
                    }
                    progress(i + 1);
                }
                if !chunk.is_empty() && send.send(Msg::Bundles(chunk)).is_err() {
                    return Ok(());
                }
                // The writer stopped early only on an error, reported below.
                let _ = send.send(Msg::Commit);
                Ok(())
            };
            // A channel closed without `Commit` rolls the writer back.
            let read = read();
            let written = match writer.join() {
                Ok(r) => r,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            read.and(written)
        })
    }
}

/// How many chunks of prepared bundles may wait for the writer: enough to
/// smooth out uneven bundles, few enough to keep memory flat.
const PIPELINE_DEPTH: usize = 4;

/// Bundles per message between threads. Handing them over one by one cost
/// a futex wake-up and a context switch per document on both sides (about
/// a tenth of the CPU time of a bulk ingest); 16 at a time keeps at most
/// `PIPELINE_DEPTH * CHUNK` = 64 bundles in flight, as before.
const CHUNK: usize = 16;

/// What the reading thread hands the writing one.
enum Msg<B> {
    /// Up to [`CHUNK`] bundles, in input order.
    Bundles(Vec<Prepared<B>>),
    /// Every bundle was read and is good: commit.
    Commit,
}

/// A validated bundle with what can be computed without the database.
struct Prepared<B> {
    bundle: B,
    hash: String,
    key: String,
    /// Per local actor, its folded names (see [`LocalActor::keys`]).
    names: Vec<Vec<actors::NameKey>>,
}

fn prepare<B: Borrow<Bundle>>(bundle: B, i: usize) -> Result<Prepared<B>> {
    let b = bundle.borrow();
    validate(
        b,
        &Source {
            path: format!("<bundle {}>", i + 1).into(),
            line: 1,
        },
        None,
    )?;
    let hash = bundle_hash(b);
    let key = document_key(b, &hash);
    let names = b
        .actors
        .iter()
        .map(|a| LocalActor::from_actor(a).name_keys())
        .collect();
    Ok(Prepared {
        bundle,
        hash,
        key,
        names,
    })
}

/// The writing thread: one transaction over everything received, committed
/// only on [`Msg::Commit`]; a closed channel rolls it back.
fn write_all<B: Borrow<Bundle> + Send>(
    conn: &mut rusqlite::Connection,
    path: Option<&std::path::Path>,
    recv: std::sync::mpsc::Receiver<Msg<B>>,
    hint: usize,
    recorded_at: &str,
) -> Result<IngestReport> {
    // A bulk batch into a database without documents is written with a
    // rollback journal instead of the WAL: nearly every page is new, so
    // the journal stays tiny, and the data is written once instead of into
    // the WAL and then again by the checkpoint. A crash mid-way still rolls
    // back to the empty database. Skipped when another connection holds the
    // file (leaving WAL mode needs it alone).
    let empty: bool = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| {
        r.get(0)
    })?;
    // The full-text index of a bulk batch into an empty file is built on a
    // third thread (see `SideFts`). FTS5 caches an index's structure per
    // connection and would not see segments copied in behind its back, so
    // the batch runs on a connection that has never opened the index.
    let side = match path {
        Some(path) if hint >= BULK_MIN_BUNDLES && empty => {
            let fresh = rusqlite::Connection::open(path)?;
            super::configure(&fresh, true)?;
            *conn = fresh;
            conn.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM claims) AND NOT EXISTS (SELECT 1 FROM events)",
                [],
                |r| r.get(0),
            )?
        }
        _ => false,
    };
    let journal = |conn: &rusqlite::Connection, mode: &str| -> Result<String> {
        // PRAGMA takes no bound parameters; `mode` is one of our literals.
        Ok(conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get(0))?)
    };
    let was_wal = hint >= BULK_MIN_BUNDLES
        && empty
        && conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))? == "wal";
    let switched = was_wal && {
        // Another connection holding the file makes the switch fail: fail
        // at once and stay in WAL, rather than wait out the busy timeout.
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let mode = journal(conn, "DELETE");
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        mode.is_ok_and(|m| m == "delete")
    };
    // Nor does the first load of an empty file wait for the disk: without
    // fsync, a process that dies mid-way still leaves a journal that rolls
    // the file back to empty, and a normal exit leaves it complete in the
    // operating system's cache. Only a power loss or kernel crash during
    // (or shortly after) this first load can leave a damaged file, which
    // held nothing yet and is to be deleted and loaded again. Any later
    // batch keeps `synchronous = NORMAL`.
    if switched {
        conn.execute_batch("PRAGMA synchronous = OFF")?;
    }
    // Every reference a bulk batch writes is an id the writer has just
    // inserted or read in the same transaction, after `validate` checked
    // the bundle's local ids: checking each against its parent table again
    // (two to three b-tree seeks per claim row) is left out. The pragma
    // only takes effect outside a transaction.
    let unchecked = hint >= BULK_MIN_BUNDLES && empty;
    if unchecked {
        conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    }
    let mut side = match (side, path) {
        (true, Some(path)) => SideDb::create(conn, path)?,
        _ => None,
    };
    let result = write_all_tx(
        conn,
        recv,
        hint,
        recorded_at,
        side.as_mut().and_then(|s| s.conn.take()),
    );
    if side.take().is_some() {
        // Before the journal mode changes back: that pragma would apply
        // to every attached database.
        let _ = conn.execute_batch("DETACH DATABASE side_fts");
    }
    let checked = match unchecked {
        true => conn.execute_batch("PRAGMA foreign_keys = ON"),
        false => Ok(()),
    };
    if switched {
        // Committed data is safe under either journal, and every open
        // asks for WAL again: a failed switch back is not an ingest error.
        let _ = journal(conn, "WAL");
        let _ = conn.execute_batch("PRAGMA synchronous = NORMAL");
    }
    let report = result?;
    checked?;
    Ok(report)
}

fn write_all_tx<B: Borrow<Bundle> + Send>(
    conn: &mut rusqlite::Connection,
    recv: std::sync::mpsc::Receiver<Msg<B>>,
    hint: usize,
    recorded_at: &str,
    side: Option<rusqlite::Connection>,
) -> Result<IngestReport> {
    let tx = conn.transaction()?;
    // The write lock on the main file is taken at once, so that a second
    // writer waits for it (up to the busy timeout) instead of failing when a
    // read transaction tries to become a write one. Not `BEGIN IMMEDIATE`:
    // that would also lock an attached side index (see `SideDb`), which
    // another thread of this batch writes.
    tx.execute_batch("UPDATE main.documents SET id = id WHERE 0")?;
    let existing_docs: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) FROM documents", [], |r| {
            r.get(0)
        })?;
    let bulk = hint >= BULK_MIN_BUNDLES && existing_docs as usize <= hint;
    let mut report = IngestReport::default();
    let mut batch = Batch {
        bulk,
        ..Batch::default()
    };
    std::thread::scope(|s| -> Result<()> {
        let mut hot = Hot::new(&tx)?;
        let mut side = match side {
            Some(conn) if bulk => Some(SideFts::start(s, conn)),
            _ => None,
        };
        loop {
            match recv.recv() {
                Ok(Msg::Bundles(chunk)) => {
                    for p in chunk {
                        report.documents.push(write_bundle(
                            &tx,
                            p,
                            recorded_at,
                            &mut batch,
                            &mut side,
                            &mut hot,
                        )?);
                    }
                }
                Ok(Msg::Commit) => break,
                Err(_) => return Err(Error::Interrupted),
            }
        }
        drop(hot);
        // The indexes first: the full-text thread may still be indexing
        // the last documents, and sorting meanwhile beats waiting for it.
        for (_, sql) in batch.dropped.iter().flatten() {
            tx.execute_batch(sql)?;
        }
        if let Some(side) = side {
            side.finish(&tx)?;
        }
        Ok(())
    })?;
    batch.flush_fts(&tx)?;
    // The actors this batch linked go by the name most of their documents
    // give them, not by whichever document came first.
    let linked: Vec<i64> = tx
        .prepare("SELECT DISTINCT actor_id FROM actor_links WHERE document_id > ?1")?
        .query_map([existing_docs], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    actors::rename_to_usual(&tx, &linked)?;
    tx.commit()?;
    Ok(report)
}

/// A batch this large, into a database holding no more documents than the
/// batch, drops the secondary indexes first and rebuilds them at the end:
/// sorting once beats a million random b-tree inserts per index.
const BULK_MIN_BUNDLES: usize = 256;

/// Secondary indexes a bulk ingest rebuilds rather than maintains: every
/// one but those the writing itself reads while adding documents (unique
/// keys, actor names). Replacing a document reads more of them, so the
/// first update in a bulk batch rebuilds them all and ends the bulk path
/// (see [`Batch::before_update`]).
const DEFERRED_INDEXES: &[&str] = &[
    "claims_claimant",
    "claims_subject",
    "claim_via_actor",
    "claim_about_claim",
    "claim_about_actor",
    "claim_about_event",
    "event_participants_actor",
    "events_time",
    "relations_source",
    "relations_target",
    "relations_document",
    "timexes_document",
    "actor_links_actor",
    "actors_norm",
    "actors_part_of",
    "actors_kind",
    "documents_published",
    "documents_publisher",
];

/// Drops the deferred indexes that exist and returns their definitions.
fn drop_deferred_indexes(tx: &Transaction<'_>) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut st = tx.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1")?;
    for name in DEFERRED_INDEXES {
        if let Some(sql) = st.query_row([name], |r| r.get::<_, String>(0)).optional()? {
            // Index names come from the list above, never from input.
            tx.execute_batch(&format!("DROP INDEX {name}"))?;
            out.push((name.to_string(), sql));
        }
    }
    Ok(out)
}

/// State carried across the documents of one ingest call.
#[derive(Default)]
struct Batch {
    cache: NameCache,
    /// First claim and event rowids not yet in the full-text index. Rows
    /// are indexed in one statement per table at the end of the batch
    /// (or before a document's rows are deleted), which keeps FTS5's
    /// pending-terms hash large and its segment merges few.
    fts_claims_from: Option<i64>,
    fts_events_from: Option<i64>,
    /// The id the next claim gets, once known: one past the largest in
    /// the table, as SQLite would choose; forgotten when a document's
    /// claims are deleted.
    next_claim: Option<i64>,
    /// Whether the batch may take the bulk path.
    bulk: bool,
    /// The indexes dropped for it, once a document is actually written:
    /// a batch of unchanged documents must leave the file byte for byte
    /// as it was.
    dropped: Option<Vec<(String, String)>>,
}

impl Batch {
    /// Called before a document's rows are written.
    fn before_write(&mut self, tx: &Transaction<'_>) -> Result<()> {
        if self.bulk && self.dropped.is_none() {
            self.dropped = Some(drop_deferred_indexes(tx)?);
        }
        Ok(())
    }

    /// Called before a stored document's rows are replaced, which reads
    /// indexes the bulk path dropped: they are rebuilt now, and the rest of
    /// the batch maintains them row by row.
    fn before_update(&mut self, tx: &Transaction<'_>) -> Result<()> {
        self.bulk = false;
        for (_, sql) in self.dropped.take().iter().flatten() {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }

    fn flush_fts(&mut self, tx: &Transaction<'_>) -> Result<()> {
        if let Some(from) = self.fts_claims_from.take() {
            tx.prepare_cached(
                "INSERT INTO claims_fts (rowid, statement, subject, ev_text)
                 SELECT id, statement, subject, ev_text FROM claims WHERE id >= ?1",
            )?
            .execute([from])?;
        }
        if let Some(from) = self.fts_events_from.take() {
            tx.prepare_cached(
                "INSERT INTO events_fts (rowid, label, place, ev_text)
                 SELECT id, label, place, ev_text FROM events WHERE id >= ?1",
            )?
            .execute([from])?;
        }
        Ok(())
    }
}

fn write_bundle<'s, B: Borrow<Bundle> + Send + 's>(
    tx: &Transaction<'_>,
    p: Prepared<B>,
    recorded_at: &str,
    batch: &mut Batch,
    side: &mut Option<SideFts<'s, B>>,
    hot: &mut Hot<'_>,
) -> Result<DocReport> {
    let Prepared {
        bundle,
        hash,
        key,
        names,
    } = p;
    let b = bundle.borrow();
    let d = &b.document;
    let mut rep = DocReport {
        key: key.clone(),
        status: DocStatus::Added,
        actors: b.actors.len(),
        merged_actors: 0,
        events: b.events.len(),
        claims: b.claims.len(),
        relations: b.relations.len(),
        timexes: b.timexes.len(),
    };

    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, bundle_hash FROM documents WHERE key = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let doc_id = match existing {
        Some((_, old)) if old == hash => {
            rep.status = DocStatus::Unchanged;
            return Ok(rep);
        }
        Some((id, _)) => {
            // Rows still waiting for the full-text index must be in it
            // before the index entries of this document can be removed.
            if let Some(side) = side.take() {
                side.finish(tx)?;
            }
            batch.flush_fts(tx)?;
            batch.before_update(tx)?;
            delete_document_facts(tx, id)?;
            batch.next_claim = None;
            // Refreshing the document's actors rewrote names and may have
            // deleted actors.
            batch.cache.clear();
            tx.prepare_cached(
                "UPDATE documents SET title = ?2, publisher = ?3, publisher_id = NULL, url = ?4, published = ?5,
                 recorded_at = ?6, content_hash = ?7, bundle_hash = ?8 WHERE id = ?1",
            )?
            .execute(params![id, d.title, d.publisher, d.url, d.published.to_string(), recorded_at, d.content_hash, hash])?;
            rep.status = DocStatus::Updated;
            id
        }
        None => {
            batch.before_write(tx)?;
            let published = d.published.to_string();
            hot.document.exec(&[
                key.as_str().into(),
                d.title.as_deref().into(),
                d.publisher.as_deref().into(),
                d.url.as_deref().into(),
                published.as_str().into(),
                recorded_at.into(),
                d.content_hash.as_deref().into(),
                hash.as_str().into(),
            ])?;
            tx.last_insert_rowid()
        }
    };

    // Actors: each local actor becomes a link to a stored actor, new or
    // merged; part_of is set once every local id has its stored id.
    let publisher = d.publisher.as_deref().filter(|p| !p.trim().is_empty());
    let mut resolver = Resolver::new(doc_id, publisher, &mut batch.cache, &mut hot.link);
    if rep.status == DocStatus::Updated {
        resolver.load_blocks(tx)?;
    }
    let mut actor_ids: HashMap<&str, i64> =
        HashMap::with_capacity_and_hasher(b.actors.len(), Default::default());
    for (a, keys) in b.actors.iter().zip(names) {
        let local = LocalActor::from_actor(a);
        let (id, merged) = resolver.resolve(tx, &local, local.keys_from(keys))?;
        rep.merged_actors += usize::from(merged);
        actor_ids.insert(a.id.as_str(), id);
    }
    for a in &b.actors {
        if let Some(p) = &a.part_of {
            let parent = *actor_ids
                .get(p.as_str())
                .ok_or_else(|| local_error(&key, "part_of", p))?;
            resolver.set_part_of_if_unset(tx, actor_ids[a.id.as_str()], parent)?;
        }
    }
    if let Some(p) = publisher {
        let id = resolver.resolve_publisher(tx, p)?;
        tx.prepare_cached("UPDATE documents SET publisher_id = ?2 WHERE id = ?1")?
            .execute(params![doc_id, id])?;
    }
    let actor = |field: &str, id: &str| -> Result<i64> {
        actor_ids
            .get(id)
            .copied()
            .ok_or_else(|| local_error(&key, field, id))
    };

    let mut ids = RowIds::default();
    let mut event_ids: HashMap<&str, i64> =
        HashMap::with_capacity_and_hasher(b.events.len(), Default::default());
    // The rows borrow the inline dates of their time columns.
    let event_times: Vec<TimeCols<'_>> = b
        .events
        .iter()
        .map(|e| time_cols(e.time.as_ref()))
        .collect();
    let mut row: Vec<Val<'_>> = Vec::with_capacity(17);
    for (e, t) in b.events.iter().zip(&event_times) {
        row.clear();
        row.extend_from_slice(&[
            Val::Int(doc_id),
            e.id.as_str().into(),
            e.kind.as_str().into(),
            e.label.as_str().into(),
        ]);
        row.extend_from_slice(&t.vals());
        row.extend_from_slice(&[e.place.as_deref().into(), e.status.as_str().into()]);
        row.extend_from_slice(&evidence_vals(&e.evidence));
        row.push(e.factuality.as_str().into());
        hot.event.exec(&row)?;
        let eid = tx.last_insert_rowid();
        match side {
            Some(_) => ids.events.push(eid),
            None => {
                batch.fts_events_from.get_or_insert(eid);
            }
        }
        event_ids.insert(e.id.as_str(), eid);
        for p in &e.participants {
            hot.participant.exec(&[
                Val::Int(eid),
                Val::Int(actor("participants", &p.actor)?),
                p.role.as_str().into(),
            ])?;
        }
    }

    // Claims get their ids here, as SQLite would (one past the largest),
    // so that the rows of a document, and their chains and targets, can go
    // in a few multi-row statements (see `MultiInsert`).
    let first_claim = match batch.next_claim {
        Some(id) => id,
        None => tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM claims", [], |r| {
            r.get(0)
        })?,
    };
    batch.next_claim = Some(first_claim + b.claims.len() as i64);
    let none = Quantity::default();
    // Borrowed by the bound values below; bounds are owned strings.
    let times: Vec<(TimeCols<'_>, TimeCols<'_>)> = b
        .claims
        .iter()
        .map(|c| (time_cols(c.stated.as_ref()), time_cols(c.valid.as_ref())))
        .collect();
    let mut rows: Vec<Val<'_>> = Vec::with_capacity(b.claims.len() * CLAIM_COLS);
    let mut via: Vec<Val<'_>> = Vec::new();
    let mut about: Vec<Val<'_>> = Vec::new();
    for ((c, (s, v)), cid) in b.claims.iter().zip(&times).zip(first_claim..) {
        let q = c.quantity.as_ref();
        let qq = q.unwrap_or(&none);
        let flag = |f: bool| Val::from(q.map(|_| i64::from(f)));
        rows.extend_from_slice(&[
            Val::Int(cid),
            Val::Int(doc_id),
            c.id.as_str().into(),
            Val::Int(actor("claimant", &c.claimant)?),
            c.subject.as_deref().into(),
            c.statement.as_str().into(),
            qq.value.into(),
            qq.lower.into(),
            qq.upper.into(),
            qq.unit.as_deref().into(),
            flag(qq.approximate),
            flag(qq.vague),
            flag(qq.lower_open),
            flag(qq.upper_open),
            c.polarity.as_str().into(),
            c.modality.as_str().into(),
        ]);
        rows.extend_from_slice(&s.vals());
        rows.extend_from_slice(&v.vals());
        rows.extend_from_slice(&evidence_vals(&c.evidence));
        rows.push(c.factuality.as_str().into());
        match side {
            Some(_) => ids.claims.push(cid),
            None => {
                batch.fts_claims_from.get_or_insert(cid);
            }
        }
        for (pos, a) in c.via.iter().enumerate() {
            via.extend_from_slice(&[
                Val::Int(cid),
                Val::Int(pos as i64),
                Val::Int(actor("via", a)?),
            ]);
        }
        for a in &c.about {
            let (aid, eid) = match (actor_ids.get(a.as_str()), event_ids.get(a.as_str())) {
                (Some(&aid), _) => (Val::Int(aid), Val::Null),
                (None, Some(&eid)) => (Val::Null, Val::Int(eid)),
                (None, None) => return Err(local_error(&key, "about", a)),
            };
            about.extend_from_slice(&[Val::Int(cid), aid, eid]);
        }
    }
    // Claims first: with foreign keys checked (outside the bulk path) the
    // chain and target rows need their claim in place.
    hot.claims.exec(&rows)?;
    hot.via.exec(&via)?;
    hot.about.exec(&about)?;

    // Relations and timexes: all of a document's rows in one statement each.
    let times: Vec<TimeCols<'_>> = b
        .relations
        .iter()
        .map(|r| time_cols(r.time.as_ref()))
        .collect();
    rows.clear();
    for (r, t) in b.relations.iter().zip(&times) {
        rows.extend_from_slice(&[
            Val::Int(doc_id),
            Val::Int(actor("source", &r.source)?),
            r.kind.as_str().into(),
            Val::Int(actor("target", &r.target)?),
        ]);
        rows.extend_from_slice(&t.vals());
        rows.extend_from_slice(&evidence_vals(&r.evidence));
        rows.push(r.factuality.as_str().into());
    }
    hot.relations.exec(&rows)?;

    let bounds: Vec<(Option<IsoDate>, Option<IsoDate>)> = b
        .timexes
        .iter()
        .map(|t| (t.begin.map(iso_date), t.until.map(iso_date)))
        .collect();
    rows.clear();
    for (t, (begin, until)) in b.timexes.iter().zip(&bounds) {
        let kind = match t.kind {
            crate::model::TimexType::Date => "DATE",
            crate::model::TimexType::Time => "TIME",
            crate::model::TimexType::Duration => "DURATION",
            crate::model::TimexType::Set => "SET",
        };
        rows.extend_from_slice(&[
            Val::Int(doc_id),
            Val::Int(t.start as i64),
            Val::Int(t.end as i64),
            t.text.as_str().into(),
            kind.into(),
            t.value.as_str().into(),
            begin.as_ref().map(IsoDate::as_str).into(),
            until.as_ref().map(IsoDate::as_str).into(),
            t.granularity.map(|g| g.as_str()).into(),
            t.modifier.map(|m| m.as_str()).into(),
            t.rule.as_deref().into(),
        ]);
    }
    hot.timexes.exec(&rows)?;

    if let Some(fts) = side {
        fts.send(bundle, ids)?;
    }
    Ok(rep)
}

/// The statements for the rows written per document, claim and event, prepared
/// once per batch and bound without copying (see [`RawStatement`]).
struct Hot<'c> {
    link: RawStatement<'c>,
    document: RawStatement<'c>,
    event: RawStatement<'c>,
    participant: RawStatement<'c>,
    claims: MultiInsert<'c>,
    via: MultiInsert<'c>,
    about: MultiInsert<'c>,
    relations: MultiInsert<'c>,
    timexes: MultiInsert<'c>,
}

impl<'c> Hot<'c> {
    fn new(conn: &'c rusqlite::Connection) -> Result<Self> {
        Ok(Hot {
            link: RawStatement::new(conn, actors::INSERT_LINK)?,
            document: RawStatement::new(
                conn,
                "INSERT INTO documents (key, title, publisher, url, published, recorded_at, content_hash, bundle_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            event: RawStatement::new(
                conn,
                "INSERT INTO events (document_id, local_id, kind, label, t_text, t_value, t_start, t_end,
                 t_granularity, t_modifier, place, status, ev_start, ev_end, ev_text, ev_rule, factuality)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?,
            participant: RawStatement::new(
                conn,
                "INSERT OR IGNORE INTO event_participants (event_id, actor_id, role) VALUES (?1, ?2, ?3)",
            )?,
            claims: MultiInsert::new(
                conn,
                "INSERT INTO claims (id, document_id, local_id, claimant_id, subject, statement,
                 q_value, q_lower, q_upper, q_unit, q_approximate, q_vague, q_lower_open, q_upper_open,
                 polarity, modality,
                 stated_text, stated_value, stated_start, stated_end, stated_granularity, stated_modifier,
                 valid_text, valid_value, valid_start, valid_end, valid_granularity, valid_modifier,
                 ev_start, ev_end, ev_text, ev_rule, factuality) VALUES",
                CLAIM_COLS,
            ),
            via: MultiInsert::new(
                conn,
                "INSERT INTO claim_via (claim_id, position, actor_id) VALUES",
                3,
            ),
            about: MultiInsert::new(
                conn,
                "INSERT INTO claim_about (claim_id, actor_id, event_id) VALUES",
                3,
            ),
            relations: MultiInsert::new(
                conn,
                "INSERT INTO relations (document_id, source_id, kind, target_id, t_text, t_value, t_start, t_end,
                 t_granularity, t_modifier, ev_start, ev_end, ev_text, ev_rule, factuality) VALUES",
                15,
            ),
            timexes: MultiInsert::new(
                conn,
                "INSERT INTO timexes (document_id, start, end, text, type, value, begin, until, granularity,
                 modifier, rule) VALUES",
                11,
            ),
        })
    }
}

/// Columns of a `claims` row as [`Hot::claims`] writes it.
const CLAIM_COLS: usize = 33;

/// Store ids of a document's new claims and events, in bundle order.
#[derive(Default)]
struct RowIds {
    claims: Vec<i64>,
    events: Vec<i64>,
}

/// The full-text tables a bulk batch may index on the side.
const FTS_TABLES: &[&str] = &["claims_fts", "events_fts"];

/// The full-text index of a bulk batch into an empty database, built on a
/// thread of its own: tokenizing is about a quarter of the writing
/// thread's work otherwise. That thread indexes each written document into
/// identical FTS5 tables of a temporary database (see [`SideDb`]); at the end its
/// shadow tables (segments, term index, document sizes) are copied into
/// the empty ones of the main database, in the batch's transaction. FTS5
/// segments hold no reference to the database they live in, so the copy is
/// the index FTS5 would have built in place.
struct SideFts<'scope, B> {
    send: std::sync::mpsc::SyncSender<Vec<(B, RowIds)>>,
    thread: std::thread::ScopedJoinHandle<'scope, Result<()>>,
    /// Written documents not handed over yet, sent [`CHUNK`] at a time.
    pending: Vec<(B, RowIds)>,
}

impl<'scope, B: Borrow<Bundle> + Send + 'scope> SideFts<'scope, B> {
    fn start<'env>(
        s: &'scope std::thread::Scope<'scope, 'env>,
        mut side: rusqlite::Connection,
    ) -> Self {
        let (send, recv) = std::sync::mpsc::sync_channel::<Vec<(B, RowIds)>>(PIPELINE_DEPTH);
        let thread = s.spawn(move || -> Result<()> {
            let tx = side.transaction()?;
            {
                let mut claim = RawStatement::new(
                    &tx,
                    "INSERT INTO claims_fts (rowid, statement, subject, ev_text) VALUES (?1, ?2, ?3, ?4)",
                )?;
                let mut event = RawStatement::new(
                    &tx,
                    "INSERT INTO events_fts (rowid, label, place, ev_text) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for (bundle, ids) in recv.into_iter().flatten() {
                    let b = bundle.borrow();
                    for (c, id) in b.claims.iter().zip(ids.claims) {
                        claim.exec(&[
                            Val::Int(id),
                            c.statement.as_str().into(),
                            c.subject.as_deref().into(),
                            c.evidence.text.as_str().into(),
                        ])?;
                    }
                    for (e, id) in b.events.iter().zip(ids.events) {
                        event.exec(&[
                            Val::Int(id),
                            e.label.as_str().into(),
                            e.place.as_deref().into(),
                            e.evidence.text.as_str().into(),
                        ])?;
                    }
                }
            }
            tx.commit()?;
            // Dropping the connection here ends its hold on the file,
            // which the main connection reads next.
            Ok(())
        });
        SideFts {
            send,
            thread,
            pending: Vec::with_capacity(CHUNK),
        }
    }

    /// Hands a written document to the indexing thread.
    fn send(&mut self, bundle: B, ids: RowIds) -> Result<()> {
        self.pending.push((bundle, ids));
        if self.pending.len() < CHUNK {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.pending, Vec::with_capacity(CHUNK));
        if self.send.send(chunk).is_err() {
            // The thread stopped on an error; `finish` reports it.
            return Err(Error::Interrupted);
        }
        Ok(())
    }

    /// Waits for the indexing thread and copies its index into the main
    /// database, whose full-text tables must still be empty.
    fn finish(self, tx: &Transaction<'_>) -> Result<()> {
        // A thread that stopped early reports its error from `join`.
        let _ = self.send.send(self.pending);
        drop(self.send);
        match self.thread.join() {
            Ok(r) => r?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        for t in FTS_TABLES {
            for shadow in ["data", "idx", "docsize"] {
                // Same definitions on both sides, so SQLite copies the
                // records as they are (its transfer optimization) instead
                // of decoding and re-encoding every row. Table names come
                // from FTS_TABLES, never from input.
                tx.execute_batch(&format!(
                    "DELETE FROM main.{t}_{shadow};
                     INSERT INTO main.{t}_{shadow} SELECT * FROM side_fts.{t}_{shadow};"
                ))?;
            }
        }
        Ok(())
    }
}

/// The temporary database a side-built full-text index is written to,
/// next to the main file and attached to its connection as `side_fts`
/// (attaching is not possible inside the batch's transaction). Removed
/// when dropped.
struct SideDb {
    path: std::path::PathBuf,
    /// The connection that fills it, until the indexing thread takes it.
    conn: Option<rusqlite::Connection>,
}

/// Removes the side-index files (`DB.fts-PID-NANOS.tmp`) that a process
/// killed during a bulk load left beside `db`: those whose process is gone.
/// A file of a live process (another ingest running now) is left alone.
pub(crate) fn remove_stale_side_files(db: &std::path::Path) {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{name}.fts-");
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let Some((pid, _)) = rest.split_once('-') else {
            continue;
        };
        let tmp = rest.ends_with(".tmp") || rest.ends_with(".tmp-journal");
        if tmp && pid.parse::<u32>().is_ok_and(|pid| !process_alive(pid)) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Whether a process with this id runs (Linux: it has a `/proc` entry).
/// Elsewhere every process counts as alive, so nothing is removed.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        std::path::Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

impl SideDb {
    /// `None` when the main file's path cannot be handed to ATTACH (not
    /// UTF-8): the batch then indexes in place.
    fn create(main: &rusqlite::Connection, db: &std::path::Path) -> Result<Option<SideDb>> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut name = db.as_os_str().to_owned();
        name.push(format!(".fts-{}-{nanos}.tmp", std::process::id()));
        let mut side = SideDb {
            path: name.into(),
            conn: None,
        };
        let Some(path) = side.path.to_str().map(str::to_owned) else {
            return Ok(None);
        };
        let conn = rusqlite::Connection::open(&side.path)?;
        // Scratch data: a crash loses nothing the main file needs.
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;",
        )?;
        for t in FTS_TABLES {
            let create: String = main.query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [t],
                |r| r.get(0),
            )?;
            conn.execute_batch(&create)?;
        }
        main.execute("ATTACH DATABASE ?1 AS side_fts", [path])?;
        side.conn = Some(conn);
        Ok(Some(side))
    }
}

impl Drop for SideDb {
    fn drop(&mut self) {
        self.conn = None;
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Removes everything a document contributed (facts, index rows, actor
/// links), keeping the `documents` row itself; actors left without links are
/// deleted and the others rebuilt from their remaining links.
fn delete_document_facts(tx: &Transaction<'_>, doc_id: i64) -> Result<()> {
    const SQL: &[&str] = &[
        "INSERT INTO claims_fts (claims_fts, rowid, statement, subject, ev_text)
         SELECT 'delete', id, statement, subject, ev_text FROM claims WHERE document_id = ?1",
        "INSERT INTO events_fts (events_fts, rowid, label, place, ev_text)
         SELECT 'delete', id, label, place, ev_text FROM events WHERE document_id = ?1",
        "DELETE FROM claim_via WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1)",
        "DELETE FROM claim_about WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1)",
        "DELETE FROM claims WHERE document_id = ?1",
        "DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE document_id = ?1)",
        "DELETE FROM events WHERE document_id = ?1",
        "DELETE FROM relations WHERE document_id = ?1",
        "DELETE FROM timexes WHERE document_id = ?1",
        "UPDATE documents SET publisher_id = NULL WHERE id = ?1",
    ];
    for sql in SQL {
        tx.prepare_cached(sql)?.execute([doc_id])?;
    }
    let linked: Vec<i64> = tx
        .prepare_cached("SELECT DISTINCT actor_id FROM actor_links WHERE document_id = ?1")?
        .query_map([doc_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached("DELETE FROM actor_links WHERE document_id = ?1")?
        .execute([doc_id])?;
    for id in linked {
        actors::refresh_actor(tx, id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_hash_is_stable_and_sensitive() {
        let b = crate::ingest::synth::corpus(1, 5).next().unwrap();
        // Stored in databases: this value must never change.
        assert_eq!(bundle_hash(&b), FROZEN);
        let mut recorded = b.clone();
        recorded.document.recorded_at = Some("2030-01-01T00:00:00Z".into());
        assert_eq!(
            bundle_hash(&recorded),
            FROZEN,
            "recorded time is not a fact"
        );
        let mut c = b.clone();
        c.claims[0].statement.push('.');
        assert_ne!(bundle_hash(&c), FROZEN);
        let mut c = b.clone();
        c.claims[1].quantity = match c.claims[1].quantity {
            Some(_) => None,
            None => Some(Quantity::default()),
        };
        assert_ne!(bundle_hash(&c), FROZEN);
    }

    #[test]
    fn iso_dates() {
        for d in ["2021-12-04", "0999-01-31", "2024-02-29"] {
            assert_eq!(iso_date(d.parse().unwrap()).as_str(), d);
        }
        let far = chrono::NaiveDate::from_ymd_opt(12024, 2, 29).unwrap();
        assert_eq!(iso_date(far).as_str(), far.to_string());
    }

    fn indexes(store: &Store) -> Vec<String> {
        let mut st = store
            .conn()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    fn check(store: &Store) {
        let c = store.conn();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let fk: i64 = c
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
        for t in ["claims_fts", "events_fts"] {
            c.execute(
                &format!("INSERT INTO {t}({t}) VALUES ('integrity-check')"),
                [],
            )
            .unwrap();
        }
    }

    /// A bulk batch (indexes dropped and rebuilt, full-text rows written at
    /// the end), then a bulk batch that updates every document: the
    /// database must end with every index and a consistent full-text index.
    #[test]
    fn bulk_batches_with_updates_keep_indexes_and_fts_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let before = indexes(&store);
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let corpus: Vec<Bundle> = crate::ingest::synth::corpus(3, n).collect();
        let r = store.ingest(&corpus, &mut |_| {}).unwrap();
        assert_eq!(r.count(DocStatus::Added), BULK_MIN_BUNDLES);
        assert_eq!(indexes(&store), before);
        check(&store);

        let changed: Vec<Bundle> = corpus
            .iter()
            .map(|b| {
                let mut b = b.clone();
                b.claims[0].statement = "quokka sighting reported".into();
                b
            })
            .collect();
        let r = store.ingest(&changed, &mut |_| {}).unwrap();
        assert_eq!(r.count(DocStatus::Updated), BULK_MIN_BUNDLES);
        assert_eq!(indexes(&store), before);
        check(&store);
        let hits: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'quokka'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, BULK_MIN_BUNDLES as i64);
        assert_eq!(store.stats().unwrap().claims, n as i64);
    }

    /// A document given twice in one bulk batch, the second time changed:
    /// replacing it needs the dropped indexes, which come back at once.
    #[test]
    fn an_update_inside_a_bulk_batch_restores_the_indexes() {
        // In memory the text is indexed in place; a file indexes it on the
        // side until the update needs it in place.
        let dir = tempfile::tempdir().unwrap();
        let file = Store::open(dir.path().join("u.db")).unwrap();
        for store in [Store::open_in_memory().unwrap(), file] {
            update_inside_a_bulk_batch(store);
        }
    }

    fn update_inside_a_bulk_batch(mut store: Store) {
        let before = indexes(&store);
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let mut corpus: Vec<Bundle> = crate::ingest::synth::corpus(4, n).collect();
        let mut again = corpus[7].clone();
        again.claims[0].statement = "wombat census".into();
        corpus.push(again);
        corpus.push(corpus[8].clone());
        let r = store.ingest(&corpus, &mut |_| {}).unwrap();
        assert_eq!(r.count(DocStatus::Added), BULK_MIN_BUNDLES);
        assert_eq!(r.count(DocStatus::Updated), 1);
        assert_eq!(r.count(DocStatus::Unchanged), 1);
        assert_eq!(indexes(&store), before);
        check(&store);
        let (wombats, claims): (i64, i64) = store
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'wombat'),
                        (SELECT count(*) FROM claims)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((wombats, claims), (1, n as i64));
    }

    fn fts_hits(store: &Store, table: &str, query: &str) -> Vec<i64> {
        // Table names are this test's literals.
        let mut st = store
            .conn()
            .prepare(&format!(
                "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid"
            ))
            .unwrap();
        st.query_map([query], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    /// A bulk batch into an empty file builds its full-text index on the
    /// side and copies it in: the same hits as the index built in place
    /// (in memory), a sound FTS5 index, and a connection that had opened
    /// the still empty index before sees the new one.
    #[test]
    fn side_built_full_text_index_matches_the_one_built_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let mut corpus: Vec<Bundle> = crate::ingest::synth::corpus(11, n).collect();
        corpus[5].claims[2].statement = "a quokka census near the river".into();
        corpus[9].events[1].label = "wombat summit".into();
        let mut file = Store::open(dir.path().join("s.db")).unwrap();
        assert!(fts_hits(&file, "claims_fts", "quokka").is_empty());
        file.ingest(&corpus, &mut |_| {}).unwrap();
        let mut mem = Store::open_in_memory().unwrap();
        mem.ingest(&corpus, &mut |_| {}).unwrap();
        let queries = [
            ("claims_fts", "quokka"),
            ("claims_fts", "\"quokka census\""),
            ("claims_fts", "troops"),
            ("claims_fts", "subject: tanks"),
            ("claims_fts", "ev_text: \"in the area\""),
            ("events_fts", "wombat"),
            ("events_fts", "talks"),
        ];
        for (table, query) in queries {
            let hits = fts_hits(&file, table, query);
            assert!(!hits.is_empty(), "{query}");
            assert_eq!(hits, fts_hits(&mem, table, query), "{query}");
        }
        check(&file);
        drop(file);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["s.db"], "the side database is removed");
        let file = Store::open(dir.path().join("s.db")).unwrap();
        assert_eq!(fts_hits(&file, "claims_fts", "quokka").len(), 1);
        check(&file);
    }

    fn foreign_keys(store: &Store) -> i64 {
        store
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap()
    }

    /// A bulk batch into an empty file runs with a rollback journal and
    /// without per-row foreign key checks; the file is back in WAL mode
    /// with foreign keys on afterwards, whether the batch succeeded or
    /// failed, and a failed one leaves no documents.
    #[test]
    fn bulk_into_an_empty_file_returns_to_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let mode = |s: &Store| -> String {
            s.conn()
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .unwrap()
        };
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let corpus: Vec<Bundle> = crate::ingest::synth::corpus(6, n).collect();
        let mut store = Store::open(&path).unwrap();
        let mut bad = corpus[BULK_MIN_BUNDLES - 1].clone();
        bad.claims[0].claimant = "nobody".into();
        let failing = corpus[..BULK_MIN_BUNDLES - 1].iter().chain([&bad]);
        // The first load of the empty file runs without fsync; whatever
        // happens, the connection goes back to NORMAL (1).
        let synchronous = |s: &Store| -> i64 {
            s.conn()
                .query_row("PRAGMA synchronous", [], |r| r.get(0))
                .unwrap()
        };
        assert!(store.ingest(failing, &mut |_| {}).is_err());
        assert_eq!(mode(&store), "wal");
        assert_eq!(foreign_keys(&store), 1);
        assert_eq!(synchronous(&store), 1);
        assert_eq!(store.stats().unwrap().documents, 0);
        assert!(!dir.path().join("j.db-journal").exists());

        store.ingest(&corpus, &mut |_| {}).unwrap();
        assert_eq!(mode(&store), "wal");
        assert_eq!(foreign_keys(&store), 1);
        assert_eq!(synchronous(&store), 1);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.stats().unwrap().claims, n as i64);
        check(&store);
    }

    /// With another connection on the file the journal cannot change: the
    /// batch is written through the WAL instead.
    #[test]
    fn bulk_with_another_connection_open_stays_in_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let other = Store::open(&path).unwrap();
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let corpus: Vec<Bundle> = crate::ingest::synth::corpus(8, n).collect();
        let mut store = Store::open(&path).unwrap();
        store.ingest(&corpus, &mut |_| {}).unwrap();
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(other.stats().unwrap().claims, n as i64);
    }

    #[test]
    fn bulk_reingest_of_unchanged_documents_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let n = BULK_MIN_BUNDLES * crate::ingest::synth::CLAIMS_PER_DOC;
        let corpus: Vec<Bundle> = crate::ingest::synth::corpus(5, n).collect();
        Store::open(&path)
            .unwrap()
            .ingest(&corpus, &mut |_| {})
            .unwrap();
        let before = std::fs::read(&path).unwrap();
        let r = Store::open(&path)
            .unwrap()
            .ingest(&corpus, &mut |_| {})
            .unwrap();
        assert_eq!(r.count(DocStatus::Unchanged), BULK_MIN_BUNDLES);
        assert!(std::fs::read(&path).unwrap() == before, "file changed");
    }

    /// An error in the middle of a batch (a file that changed between the
    /// checking and the writing pass, or a bundle that fails validation)
    /// rolls everything back.
    #[test]
    fn an_error_mid_batch_rolls_everything_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let corpus: Vec<Bundle> = crate::ingest::synth::corpus(9, 100).collect();
        Store::open(&path)
            .unwrap()
            .ingest(&corpus[..1], &mut |_| {})
            .unwrap();
        let before = std::fs::read(&path).unwrap();

        let mut store = Store::open(&path).unwrap();
        let failing = corpus[1..3]
            .iter()
            .map(Ok)
            .chain(std::iter::once(Err(Error::NotFound(
                "the file went away".into(),
            ))));
        let e = store.ingest_results(failing, &mut |_| {}).unwrap_err();
        assert!(e.to_string().contains("went away"));

        let mut bad = corpus[4].clone();
        bad.claims[3].claimant = "nobody".into();
        let e = store.ingest([&corpus[3], &bad], &mut |_| {}).unwrap_err();
        assert!(e.to_string().contains("claims[3].claimant"), "{e}");
        drop(store);
        assert!(std::fs::read(&path).unwrap() == before, "file changed");
    }

    // Changed once, with schema version 4: events, claims and relations
    // gained `factuality` (a skipped field still marks the hash), so a
    // document ingested before re-ingests once as updated, with the same facts.
    const FROZEN: &str = "9d1efd0ef8bb188e";
}
