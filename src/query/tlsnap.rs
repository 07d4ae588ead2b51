//! `<db>.cache/timeline.tl`: the timeline's event rows, whole, in time order, so that a
//! one-shot `timeline --from --to` reads one contiguous slice of a file
//! instead of tens of thousands of rows, documents and participations
//! spread over the database.
//!
//! Each record is one event row exactly as [`q::events`] returns it (its
//! document and its participants, sorted as the SQL path sorts them),
//! preceded by the raw `t_start` and `t_end` column text, which is what the
//! SQL filters compare. Records are sorted as the SQL path orders them
//! (`t_start IS NULL, t_start, id`); a sparse index of every
//! [`BLOCK`]th record's start finds a window's byte range, and the SQL
//! predicates are then applied record by record, so the rows returned are
//! the SQL path's rows, in its order. The file is keyed by the store's
//! fingerprint like `<db>.cache/graph.adj` and rebuilt by the first timeline that finds
//! it stale (from the SQL path itself, in chunks, so both paths share one
//! row decoder).

use crate::Result;
use crate::model::{Evidence, Factuality, FactualityFilter, Granularity, Modifier, TimeValue};
use crate::store::query::{self as q, ActorRef, DocRef, EventFilter, EventRow, Participation};
use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

// Version 3: records carry the event's factuality.
const MAGIC: &[u8; 8] = b"CHRTL\x00\x00\x03";

/// Records per entry of the sparse start index.
pub const BLOCK: usize = 64;

/// Rows decoded per SQL read while building.
const CHUNK: usize = 4096;

/// Where the timeline snapshot of a database lives: `<db>.cache/timeline.tl`.
pub fn snapshot_path(db: &Path) -> PathBuf {
    crate::store::cache::cache_file(db, "timeline.tl")
}

/// An open timeline snapshot: the file, mapped, and its sparse start index.
#[derive(Debug)]
pub struct TimelineSnapshot {
    map: memmap2::Mmap,
    /// Start text of the first record of each block (`None` = NULL, sorted last) and its byte offset.
    blocks: Vec<(Option<String>, u64)>,
    /// Byte offset of the first record.
    data_start: u64,
    /// Byte offset just past the last record.
    data_end: u64,
    rows: u64,
}

/// What a snapshot can filter on: the SQL path's filters without actors or ids.
#[derive(Debug, Clone, Default)]
pub struct Window<'a> {
    /// `coalesce(t_end, t_start) >= from`.
    pub from: Option<&'a str>,
    /// `t_start >= floor` (see [`q::window_floor`]).
    pub floor: Option<&'a str>,
    /// `t_start <= to`.
    pub to: Option<&'a str>,
    /// `kind = ?`.
    pub kind: Option<&'a str>,
    /// `lower(publisher) = lower(?)`, SQLite's ASCII-only `lower`.
    pub outlet: Option<&'a str>,
    /// `published <= as_of`.
    pub as_of: Option<&'a str>,
    /// `factuality IN (...)`; `None` for all.
    pub factuality: Option<FactualityFilter>,
}

fn put_varint(w: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        w.push((v as u8) | 0x80);
        v >>= 7;
    }
    w.push(v as u8);
}

/// `None` as 0, a string as its length plus one.
fn put_opt(w: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => w.push(0),
        Some(s) => {
            put_varint(w, s.len() as u64 + 1);
            w.extend_from_slice(s.as_bytes());
        }
    }
}

fn put_i64(w: &mut Vec<u8>, v: i64) {
    w.extend_from_slice(&v.to_le_bytes());
}

fn put_opt_i64(w: &mut Vec<u8>, v: Option<i64>) {
    match v {
        None => w.push(0),
        Some(v) => {
            w.push(1);
            put_i64(w, v);
        }
    }
}

fn put_date(w: &mut Vec<u8>, d: Option<NaiveDate>) {
    use chrono::Datelike;
    put_opt_i64(w, d.map(|d| i64::from(d.num_days_from_ce())));
}

/// A cursor over encoded bytes, and over a record's string area; every
/// read fails softly on damage.
struct Rd<'a> {
    b: &'a [u8],
    at: usize,
    s: &'a str,
    sat: usize,
}

impl<'a> Rd<'a> {
    fn new(b: &'a [u8]) -> Self {
        Rd {
            b,
            at: 0,
            s: "",
            sat: 0,
        }
    }

    /// The next `n` bytes of the string area (a char boundary check, no UTF-8 scan).
    fn area(&mut self, n: usize) -> Option<&'a str> {
        let out = self.s.get(self.sat..self.sat.checked_add(n)?)?;
        self.sat += n;
        Some(out)
    }

    fn sstr(&mut self) -> Option<&'a str> {
        let n = self.varint()? as usize;
        self.area(n)
    }

    fn sopt(&mut self) -> Option<Option<&'a str>> {
        match self.varint()? {
            0 => Some(None),
            n => Some(Some(self.area(n as usize - 1)?)),
        }
    }

    /// Inline optional bytes, unchecked: the raw start and end are only compared.
    fn opt_bytes(&mut self) -> Option<Option<&'a [u8]>> {
        match self.varint()? {
            0 => Some(None),
            n => Some(Some(self.bytes(n as usize - 1)?)),
        }
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.at)?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn opt(&mut self) -> Option<Option<&'a str>> {
        match self.varint()? {
            0 => Some(None),
            n => Some(Some(std::str::from_utf8(self.bytes(n as usize - 1)?).ok()?)),
        }
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        self.opt().map(|o| o.map(str::to_owned))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    fn opt_i64(&mut self) -> Option<Option<i64>> {
        match *self.bytes(1)?.first()? {
            0 => Some(None),
            _ => Some(Some(self.i64()?)),
        }
    }

    fn date(&mut self) -> Option<Option<NaiveDate>> {
        match self.opt_i64()? {
            None => Some(None),
            Some(d) => Some(Some(NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(d).ok()?,
            )?)),
        }
    }
}

/// A length in the header, the bytes in the string area.
fn put_sstr(h: &mut Vec<u8>, st: &mut Vec<u8>, s: &str) {
    put_varint(h, s.len() as u64);
    st.extend_from_slice(s.as_bytes());
}

/// `None` as 0, a string as its length plus one (bytes in the string area).
fn put_sopt(h: &mut Vec<u8>, st: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => h.push(0),
        Some(s) => {
            put_varint(h, s.len() as u64 + 1);
            st.extend_from_slice(s.as_bytes());
        }
    }
}

/// One record: raw start and end text, then the row as a header (numbers
/// and string lengths) and a string area, so that a reader checks the
/// UTF-8 of a row once rather than field by field.
fn encode(w: &mut Vec<u8>, start: Option<&str>, end: Option<&str>, e: &EventRow) {
    put_opt(w, start);
    put_opt(w, end);
    let mut h = Vec::with_capacity(96);
    let mut st = Vec::with_capacity(256);
    let (b, t8) = (&mut h, &mut st);
    put_i64(b, e.id);
    let d = &e.document;
    put_i64(b, d.id);
    put_sstr(b, t8, &d.key);
    put_sopt(b, t8, d.title.as_deref());
    put_sopt(b, t8, d.publisher.as_deref());
    put_sopt(b, t8, d.url.as_deref());
    put_sstr(b, t8, &d.published);
    put_opt_i64(b, d.publisher_id);
    put_sstr(b, t8, &e.kind);
    put_sstr(b, t8, &e.label);
    match &e.time {
        None => b.push(0),
        Some(t) => {
            b.push(1);
            put_sopt(b, t8, t.text.as_deref());
            put_sstr(b, t8, &t.value);
            put_date(b, t.start);
            put_date(b, t.end);
            put_sopt(b, t8, t.granularity.map(Granularity::as_str));
            put_sopt(b, t8, t.modifier.map(Modifier::as_str));
        }
    }
    put_sopt(b, t8, e.place.as_deref());
    put_sstr(b, t8, &e.status);
    b.push(e.factuality as u8);
    put_varint(b, e.evidence.start as u64);
    put_varint(b, e.evidence.end as u64);
    put_sstr(b, t8, &e.evidence.text);
    put_sopt(b, t8, e.evidence.rule.as_deref());
    put_varint(b, e.participants.len() as u64);
    for p in &e.participants {
        put_i64(b, p.actor.id);
        put_sstr(b, t8, &p.actor.name);
        put_sstr(b, t8, &p.actor.kind);
        put_sstr(b, t8, &p.role);
    }
    let mut hl = Vec::with_capacity(4);
    put_varint(&mut hl, h.len() as u64);
    put_varint(w, (hl.len() + h.len() + st.len()) as u64);
    w.extend_from_slice(&hl);
    w.extend_from_slice(&h);
    w.extend_from_slice(&st);
}

/// A document as a record holds it, borrowed from the record's bytes.
#[derive(Debug, Clone, Copy)]
pub struct RawDoc<'a> {
    pub id: i64,
    pub key: &'a str,
    pub title: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: &'a str,
    pub publisher_id: Option<i64>,
}

impl RawDoc<'_> {
    /// The outlet as [`super::outlet_of`] names it: publisher, else document id.
    pub fn outlet(&self) -> &str {
        self.publisher.unwrap_or(self.key)
    }
}

/// A time value as a record holds it (bounds already filled).
#[derive(Debug, Clone, Copy)]
pub struct RawTime<'a> {
    pub text: Option<&'a str>,
    pub value: &'a str,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub granularity: Option<Granularity>,
    pub modifier: Option<Modifier>,
}

impl RawTime<'_> {
    /// The owned time value.
    pub fn to_value(&self) -> TimeValue {
        TimeValue {
            text: self.text.map(str::to_owned),
            value: self.value.to_owned(),
            start: self.start,
            end: self.end,
            granularity: self.granularity,
            modifier: self.modifier,
        }
    }
}

/// A participant as a record holds it.
#[derive(Debug, Clone, Copy)]
pub struct RawPart<'a> {
    pub id: i64,
    pub name: &'a str,
    pub kind: &'a str,
    pub role: &'a str,
}

/// An event row borrowed from the snapshot's bytes: what [`EventRow`]
/// holds, without an allocation per field.
#[derive(Debug, Clone)]
pub struct RawEvent<'a> {
    pub id: i64,
    pub document: RawDoc<'a>,
    pub kind: &'a str,
    pub label: &'a str,
    pub time: Option<RawTime<'a>>,
    pub place: Option<&'a str>,
    pub status: &'a str,
    pub factuality: Factuality,
    pub ev_start: usize,
    pub ev_end: usize,
    pub ev_text: &'a str,
    pub ev_rule: Option<&'a str>,
    pub participants: RawParts<'a>,
}

/// The participants of a record, decoded as they are read: a row holds no
/// list of its own (a long timeline allocated one per row).
#[derive(Debug, Clone, Copy)]
pub struct RawParts<'a> {
    n: usize,
    /// The record's header from the first participant on.
    hdr: &'a [u8],
    /// The record's string area from the first participant's name on.
    strs: &'a str,
}

impl<'a> RawParts<'a> {
    /// Number of participants.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the row has no participant.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The participants in the row's order.
    pub fn iter(&self) -> impl Iterator<Item = RawPart<'a>> + 'a {
        let mut r = Rd {
            b: self.hdr,
            at: 0,
            s: self.strs,
            sat: 0,
        };
        // Checked whole when the record was decoded, so no read fails here.
        (0..self.n).map_while(move |_| {
            Some(RawPart {
                id: r.i64()?,
                name: r.sstr()?,
                kind: r.sstr()?,
                role: r.sstr()?,
            })
        })
    }

    /// The `i`th participant.
    pub fn get(&self, i: usize) -> Option<RawPart<'a>> {
        self.iter().nth(i)
    }
}

impl RawEvent<'_> {
    /// The owned row, as the SQL path builds it.
    pub fn to_row(&self) -> EventRow {
        let d = &self.document;
        EventRow {
            id: self.id,
            document: DocRef {
                id: d.id,
                key: d.key.to_owned(),
                title: d.title.map(str::to_owned),
                publisher: d.publisher.map(str::to_owned),
                url: d.url.map(str::to_owned),
                published: d.published.to_owned(),
                publisher_id: d.publisher_id,
            },
            kind: self.kind.to_owned(),
            label: self.label.to_owned(),
            time: self.time.as_ref().map(RawTime::to_value),
            place: self.place.map(str::to_owned),
            status: self.status.to_owned(),
            factuality: self.factuality,
            participants: self
                .participants
                .iter()
                .map(|p| Participation {
                    actor: ActorRef {
                        id: p.id,
                        name: p.name.to_owned(),
                        kind: p.kind.to_owned(),
                    },
                    role: p.role.to_owned(),
                })
                .collect(),
            evidence: Evidence {
                start: self.ev_start,
                end: self.ev_end,
                text: self.ev_text.to_owned(),
                rule: self.ev_rule.map(str::to_owned),
            },
        }
    }
}

fn decode_body(body: &[u8]) -> Option<RawEvent<'_>> {
    let mut r = Rd::new(body);
    let hl = r.varint()? as usize;
    let strings = body.get(r.at.checked_add(hl)?..)?;
    r.s = std::str::from_utf8(strings).ok()?;
    let r = &mut r;
    let id = r.i64()?;
    let document = RawDoc {
        id: r.i64()?,
        key: r.sstr()?,
        title: r.sopt()?,
        publisher: r.sopt()?,
        url: r.sopt()?,
        published: r.sstr()?,
        publisher_id: r.opt_i64()?,
    };
    let kind = r.sstr()?;
    let label = r.sstr()?;
    let time = match *r.bytes(1)?.first()? {
        0 => None,
        _ => Some(RawTime {
            text: r.sopt()?,
            value: r.sstr()?,
            start: r.date()?,
            end: r.date()?,
            granularity: match r.sopt()? {
                None => None,
                Some(g) => Some(Granularity::parse(g)?),
            },
            modifier: match r.sopt()? {
                None => None,
                Some(m) => Some(Modifier::parse(m)?),
            },
        }),
    };
    let place = r.sopt()?;
    let status = r.sstr()?;
    let factuality = *Factuality::ALL.get(usize::from(*r.bytes(1)?.first()?))?;
    let ev_start = r.varint()? as usize;
    let ev_end = r.varint()? as usize;
    let ev_text = r.sstr()?;
    let ev_rule = r.sopt()?;
    let n = r.varint()? as usize;
    let participants = RawParts {
        n,
        hdr: r.b.get(r.at..)?,
        strs: r.s.get(r.sat..)?,
    };
    // Damage shows here, once, rather than as missing participants later.
    if participants.iter().count() != n {
        return None;
    }
    Some(RawEvent {
        id,
        document,
        kind,
        label,
        time,
        place,
        status,
        factuality,
        ev_start,
        ev_end,
        ev_text,
        ev_rule,
        participants,
    })
}

/// The record at `r`'s position, `None` when it fails the window's filters;
/// `r` moves past it either way.
fn next_record<'a>(r: &mut Rd<'a>, w: &Window) -> Result<Option<RawEvent<'a>>> {
    let start = r.opt_bytes().ok_or_else(damaged)?;
    let end = r.opt_bytes().ok_or_else(damaged)?;
    let len = r.varint().ok_or_else(damaged)? as usize;
    let body = r.bytes(len).ok_or_else(damaged)?;
    if !in_window(w, start, end) {
        return Ok(None);
    }
    let e = decode_body(body).ok_or_else(damaged)?;
    if w.kind.is_some_and(|k| k != e.kind)
        || w.outlet
            .is_some_and(|o| !e.document.publisher.is_some_and(|p| sqlite_lower_eq(p, o)))
        || w.as_of.is_some_and(|d| e.document.published > d)
        || w.factuality.is_some_and(|f| !f.admits(e.factuality))
    {
        return Ok(None);
    }
    Ok(Some(e))
}

/// SQLite's `lower()` without ICU folds ASCII letters only.
fn sqlite_lower_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The SQL path's time predicates on the raw column text; a comparison
/// with NULL is false, as in SQL.
fn in_window(w: &Window, start: Option<&[u8]>, end: Option<&[u8]>) -> bool {
    // Byte order is SQLite's BINARY collation and `str`'s order.
    let ge = |x: Option<&[u8]>, bound: Option<&str>| {
        bound.is_none_or(|b| x.is_some_and(|x| x >= b.as_bytes()))
    };
    let le = |x: Option<&[u8]>, bound: Option<&str>| {
        bound.is_none_or(|b| x.is_some_and(|x| x <= b.as_bytes()))
    };
    ge(end.or(start), w.from) && ge(start, w.floor) && le(start, w.to)
}

fn damaged() -> crate::Error {
    crate::Error::NotFound("timeline snapshot is damaged".to_owned())
}

impl TimelineSnapshot {
    /// Writes the snapshot of `conn`'s event rows to `path` (through a
    /// temporary file and a rename). Returns `Ok(false)` and writes nothing
    /// when some `t_start` or `t_end` is neither text nor NULL: SQL compares
    /// other types by different rules, so such a store keeps the SQL path.
    pub fn build(conn: &Connection, path: &Path, fingerprint: &str) -> Result<bool> {
        let tmp = super::snapfile::temp_beside(path);
        let io = |source: std::io::Error| crate::Error::Io {
            path: tmp.clone(),
            source,
        };
        // The file first: where it cannot be written, no event is read.
        let mut f =
            std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp).map_err(io)?);
        let mut order: Vec<(i64, Option<String>, Option<String>)> = Vec::new();
        {
            let mut stmt = conn.prepare(
                "SELECT id, t_start, t_end FROM events ORDER BY t_start IS NULL, t_start, id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let text = |v: ValueRef| -> Option<Option<String>> {
                    match v {
                        ValueRef::Null => Some(None),
                        ValueRef::Text(t) => Some(Some(String::from_utf8(t.to_vec()).ok()?)),
                        _ => None,
                    }
                };
                let (Some(s), Some(e)) = (text(r.get_ref(1)?), text(r.get_ref(2)?)) else {
                    drop(f);
                    let _ = std::fs::remove_file(&tmp);
                    return Ok(false);
                };
                order.push((r.get(0)?, s, e));
            }
        }
        let head = super::snapfile::header(MAGIC, fingerprint);
        f.write_all(&head).map_err(io)?;
        // Rows, index offset, data end: filled in once known.
        let fields_at = head.len() as u64;
        f.write_all(&[0u8; 24]).map_err(io)?;
        let mut at = fields_at + 24;
        let mut blocks: Vec<(Option<String>, u64)> = Vec::new();
        let mut buf = Vec::with_capacity(1 << 20);
        let mut n = 0usize;
        for chunk in order.chunks(CHUNK) {
            let ids: Vec<i64> = chunk.iter().map(|c| c.0).collect();
            let rows = q::events(
                conn,
                &EventFilter {
                    ids: Some(ids),
                    ..Default::default()
                },
            )?;
            if rows.len() != chunk.len() {
                return Err(damaged());
            }
            buf.clear();
            for (e, (id, s, en)) in rows.iter().zip(chunk) {
                if e.id != *id {
                    return Err(damaged());
                }
                if n % BLOCK == 0 {
                    blocks.push((s.clone(), at + buf.len() as u64));
                }
                encode(&mut buf, s.as_deref(), en.as_deref(), e);
                n += 1;
            }
            f.write_all(&buf).map_err(io)?;
            at += buf.len() as u64;
        }
        let data_end = at;
        let mut index = Vec::new();
        put_varint(&mut index, blocks.len() as u64);
        for (s, off) in &blocks {
            put_opt(&mut index, s.as_deref());
            index.extend_from_slice(&off.to_le_bytes());
        }
        f.write_all(&index).map_err(io)?;
        let mut file = f.into_inner().map_err(|e| io(e.into_error()))?;
        file.seek(SeekFrom::Start(fields_at)).map_err(io)?;
        file.write_all(&(n as u64).to_le_bytes()).map_err(io)?;
        file.write_all(&data_end.to_le_bytes()).map_err(io)?;
        file.write_all(&(index.len() as u64).to_le_bytes())
            .map_err(io)?;
        drop(file);
        super::snapfile::put_in_place(&tmp, path).map_err(io)?;
        Ok(true)
    }

    /// Opens a snapshot written for this fingerprint; `None` when it is
    /// missing, stale or damaged.
    pub fn load(path: &Path, fingerprint: &str) -> Option<TimelineSnapshot> {
        // Mapping spares a window's slice a copy and its pages a zeroing
        // fault each (a fifth of a long timeline's time when read).
        let (map, at) = super::snapfile::map_current(path, MAGIC, fingerprint)?;
        let mut r = Rd::new(&map);
        r.bytes(at)?;
        let rows = r.i64()? as u64;
        let data_end = r.i64()? as u64;
        let index_len = r.i64()? as usize;
        let data_start = r.at as u64;
        if data_start > data_end {
            return None;
        }
        let index = map.get(data_end as usize..(data_end as usize).checked_add(index_len)?)?;
        if (data_end as usize).checked_add(index_len)? != map.len() {
            return None;
        }
        let mut r = Rd::new(index);
        let nb = r.varint()? as usize;
        let mut blocks = Vec::with_capacity(nb.min(index_len));
        for _ in 0..nb {
            let s = r.opt_string()?;
            let off = u64::from_le_bytes(r.bytes(8)?.try_into().ok()?);
            if off > data_end {
                return None;
            }
            blocks.push((s, off));
        }
        Some(TimelineSnapshot {
            map,
            blocks,
            data_start,
            data_end,
            rows,
        })
    }

    /// The snapshot beside `db` when it is current, else a fresh build;
    /// `None` when it cannot be built or written (the SQL path answers then).
    pub fn open(conn: &Connection, db: &Path) -> Result<Option<TimelineSnapshot>> {
        Self::open_for(conn, db, &q::fingerprint(conn)?)
    }

    /// [`Self::open`] with the store's fingerprint already read.
    pub fn open_for(conn: &Connection, db: &Path, fp: &str) -> Result<Option<TimelineSnapshot>> {
        let path = snapshot_path(db);
        if let Some(s) = TimelineSnapshot::load(&path, fp) {
            return Ok(Some(s));
        }
        // A read-only directory only means the SQL path answers.
        match TimelineSnapshot::build(conn, &path, fp) {
            Ok(true) => Ok(TimelineSnapshot::load(&path, fp)),
            Ok(false) | Err(crate::Error::Io { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Number of event rows in the snapshot.
    pub fn len(&self) -> u64 {
        self.rows
    }

    /// Whether the store had no event rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Byte range of the records whose start may lie in `[lo, hi]` (`None`
    /// = unbounded on that side; NULL starts sort last and are inside only
    /// when `hi` is unbounded).
    fn range(&self, lo: Option<&str>, hi: Option<&str>) -> (u64, u64) {
        // Blocks whose first start is below `lo` may still hold rows at
        // `lo` or later, but only the last such block: the ones before end
        // before it starts.
        let begin = match lo {
            None => 0,
            Some(lo) => {
                let k = self
                    .blocks
                    .partition_point(|(s, _)| s.as_deref().is_some_and(|s| s < lo));
                k.saturating_sub(1)
            }
        };
        let end = match hi {
            None => self.blocks.len(),
            Some(hi) => self
                .blocks
                .partition_point(|(s, _)| s.as_deref().is_some_and(|s| s <= hi)),
        };
        let off = |k: usize| self.blocks.get(k).map_or(self.data_end, |b| b.1);
        if begin >= end {
            return (0, 0);
        }
        (off(begin), off(end))
    }

    /// The bytes of every record a window can hold (see [`Self::raw_events`]).
    pub fn slice(&self, w: &Window) -> Result<&[u8]> {
        self.slices(w, 1).map(|mut v| v.pop().unwrap_or_default())
    }

    /// [`Self::slice`] cut at record boundaries into at most `n` pieces of
    /// whole index blocks, in order.
    pub fn slices(&self, w: &Window, n: usize) -> Result<Vec<&[u8]>> {
        // The rows a window can hold start at or after its floor when there
        // is one, and at or before its end.
        let lo = if w.from.is_some() { w.floor } else { None };
        let (a, b) = self.range(lo, w.to);
        if a >= b {
            return Ok(vec![&[]]);
        }
        // Every page of the range is read: mapped in one call rather than
        // by a fault per few pages (a failure only leaves it to the faults).
        #[cfg(target_os = "linux")]
        let _ = self
            .map
            .advise_range(memmap2::Advice::PopulateRead, a as usize, (b - a) as usize);
        // Cuts at block starts strictly inside (a, b), spread evenly.
        let inner: Vec<u64> = self
            .blocks
            .iter()
            .map(|&(_, off)| off)
            .filter(|&off| off > a && off < b)
            .collect();
        let n = n.max(1);
        let mut cuts = vec![a];
        for k in 1..n {
            if let Some(&c) = inner.get(inner.len() * k / n) {
                if c > *cuts.last().unwrap_or(&a) {
                    cuts.push(c);
                }
            }
        }
        cuts.push(b);
        cuts.windows(2)
            .map(|c| {
                self.map
                    .get(c[0] as usize..c[1] as usize)
                    .ok_or_else(damaged)
            })
            .collect()
    }

    /// The rows of `slice` (from [`Self::slice`] with the same window)
    /// that pass the window's filters, borrowed, in the SQL path's order.
    pub fn raw_events<'a>(&self, slice: &'a [u8], w: &Window) -> Result<Vec<RawEvent<'a>>> {
        let mut r = Rd::new(slice);
        // Room for the slice's records at the file's mean record size:
        // growing the vector instead copied its rows several times over,
        // and reserved pages that no row reaches are never touched.
        let mean = ((self.data_end - self.data_start) / self.rows.max(1)).max(1);
        let mut out = Vec::with_capacity(slice.len() / mean as usize + 16);
        while r.at < slice.len() {
            if let Some(e) = next_record(&mut r, w)? {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// The records that `ix` lists for any of `actors` and that pass the
    /// window's filters, borrowed, in the SQL path's order: the SQL path's
    /// rows for the window and `e.id IN (participations of the actors)`.
    /// Only those records are read, not the window's whole slice.
    pub fn actor_events(
        &self,
        ix: &ActorIndex,
        actors: &[i64],
        w: &Window,
    ) -> Result<Vec<RawEvent<'_>>> {
        let lo = if w.from.is_some() { w.floor } else { None };
        let (a, b) = self.range(lo, w.to);
        let mut offs: Vec<u64> = Vec::new();
        for &actor in actors {
            let list = ix.postings(actor).ok_or_else(damaged)?;
            // Postings are record offsets in increasing (file) order.
            let first = partition_u64(list, |o| o < a);
            let last = partition_u64(list, |o| o < b);
            offs.extend((first..last).map(|k| read_u64(list, k)));
        }
        // Several actors may share a row: once, in file order.
        offs.sort_unstable();
        offs.dedup();
        let mut out = Vec::with_capacity(offs.len());
        for off in offs {
            if off < self.data_start {
                return Err(damaged());
            }
            let rec = self
                .map
                .get(off as usize..self.data_end as usize)
                .ok_or_else(damaged)?;
            let mut r = Rd::new(rec);
            let Some(e) = next_record(&mut r, w)? else {
                continue;
            };
            // An index that does not fit its snapshot is refused, not trusted.
            if !e.participants.iter().any(|p| actors.contains(&p.id)) {
                return Err(damaged());
            }
            out.push(e);
        }
        Ok(out)
    }

    /// The event rows the SQL path ([`q::events`]) returns for these
    /// filters, in its order.
    pub fn events(&self, w: &Window) -> Result<Vec<EventRow>> {
        let bytes = self.slice(w)?;
        Ok(self
            .raw_events(bytes, w)?
            .iter()
            .map(RawEvent::to_row)
            .collect())
    }
}

/// Where the actor index of a database's timeline snapshot lives:
/// `<db>.cache/timeline.tla`.
pub fn actor_index_path(db: &Path) -> PathBuf {
    crate::store::cache::cache_file(db, "timeline.tla")
}

// Version 2 goes with version 3 of `<db>.tl` (records with factuality).
const ACTOR_MAGIC: &[u8; 8] = b"CHRTA\x00\x00\x02";

/// `<db>.cache/timeline.tla`: for every actor, the byte offsets in `<db>.cache/timeline.tl` of the
/// records it takes part in, in file (= time) order, so that `timeline
/// --actor` reads an actor's few records of a window instead of the whole
/// window, or a hub actor's rows spread over the database.
///
/// Layout after the magic and the fingerprint: the snapshot's row count and
/// data end (an index of another snapshot is refused), the number of actors
/// `n`, their ids (`n` sorted `i64`), the start of each actor's postings
/// (`n + 1` `u64`), and the postings (`u64` record offsets), all little
/// endian. Built from the snapshot itself by the first `--actor` timeline
/// that finds it missing or stale.
#[derive(Debug)]
pub struct ActorIndex {
    map: memmap2::Mmap,
    n: usize,
    ids_at: usize,
    starts_at: usize,
    post_at: usize,
}

fn read_u64(b: &[u8], k: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[k * 8..k * 8 + 8]);
    u64::from_le_bytes(w)
}

/// The number of leading `u64`s of `b` for which `pred` holds (it must hold
/// for a prefix).
fn partition_u64(b: &[u8], pred: impl Fn(u64) -> bool) -> usize {
    let (mut lo, mut hi) = (0, b.len() / 8);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if pred(read_u64(b, mid)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

impl ActorIndex {
    /// Writes the actor index of `snap` to `path` (a temporary file, then a
    /// rename).
    pub fn build(snap: &TimelineSnapshot, path: &Path, fingerprint: &str) -> Result<()> {
        let data = snap
            .map
            .get(snap.data_start as usize..snap.data_end as usize)
            .ok_or_else(damaged)?;
        let all = Window::default();
        let mut pairs: Vec<(i64, u64)> = Vec::new();
        let mut r = Rd::new(data);
        let mut ids: Vec<i64> = Vec::new();
        while r.at < data.len() {
            let off = snap.data_start + r.at as u64;
            let e = next_record(&mut r, &all)?.ok_or_else(damaged)?;
            // One actor in two roles is one posting.
            ids.clear();
            ids.extend(e.participants.iter().map(|p| p.id));
            ids.sort_unstable();
            ids.dedup();
            pairs.extend(ids.iter().map(|&a| (a, off)));
        }
        {
            use rayon::slice::ParallelSliceMut;
            pairs.par_sort_unstable();
        }
        let mut actors: Vec<i64> = Vec::new();
        let mut starts: Vec<u64> = Vec::new();
        for (k, &(a, _)) in pairs.iter().enumerate() {
            if actors.last() != Some(&a) {
                actors.push(a);
                starts.push(k as u64);
            }
        }
        starts.push(pairs.len() as u64);
        let tmp = super::snapfile::temp_beside(path);
        let io = |source: std::io::Error| crate::Error::Io {
            path: tmp.clone(),
            source,
        };
        let mut f =
            std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp).map_err(io)?);
        let mut head = super::snapfile::header(ACTOR_MAGIC, fingerprint);
        head.extend_from_slice(&snap.rows.to_le_bytes());
        head.extend_from_slice(&snap.data_end.to_le_bytes());
        head.extend_from_slice(&(actors.len() as u64).to_le_bytes());
        f.write_all(&head).map_err(io)?;
        for a in &actors {
            f.write_all(&a.to_le_bytes()).map_err(io)?;
        }
        for s in &starts {
            f.write_all(&s.to_le_bytes()).map_err(io)?;
        }
        for (_, off) in &pairs {
            f.write_all(&off.to_le_bytes()).map_err(io)?;
        }
        f.into_inner().map_err(|e| io(e.into_error()))?;
        super::snapfile::put_in_place(&tmp, path).map_err(io)?;
        Ok(())
    }

    /// Opens an index written for this fingerprint and snapshot; `None`
    /// when it is missing, stale, of another snapshot or damaged.
    pub fn load(path: &Path, fingerprint: &str, snap: &TimelineSnapshot) -> Option<ActorIndex> {
        let (map, at) = super::snapfile::map_current(path, ACTOR_MAGIC, fingerprint)?;
        let mut r = Rd::new(&map);
        r.bytes(at)?;
        if r.i64()? as u64 != snap.rows || r.i64()? as u64 != snap.data_end {
            return None;
        }
        let n = usize::try_from(r.i64()?).ok()?;
        let ids_at = r.at;
        let starts_at = ids_at.checked_add(n.checked_mul(8)?)?;
        let post_at = starts_at.checked_add(n.checked_add(1)?.checked_mul(8)?)?;
        let total = usize::try_from(read_u64(map.get(starts_at..post_at)?, n)).ok()?;
        if post_at.checked_add(total.checked_mul(8)?)? != map.len() {
            return None;
        }
        Some(ActorIndex {
            map,
            n,
            ids_at,
            starts_at,
            post_at,
        })
    }

    /// The index beside `db` for `snap` when it is current, else a fresh
    /// build; `None` when it cannot be written (the SQL path answers then).
    pub fn open(
        snap: &TimelineSnapshot,
        db: &Path,
        fingerprint: &str,
    ) -> Result<Option<ActorIndex>> {
        let path = actor_index_path(db);
        if let Some(ix) = ActorIndex::load(&path, fingerprint, snap) {
            return Ok(Some(ix));
        }
        match ActorIndex::build(snap, &path, fingerprint) {
            Ok(()) => Ok(ActorIndex::load(&path, fingerprint, snap)),
            Err(crate::Error::Io { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The postings of `actor` (`u64` record offsets, increasing); empty
    /// for an actor in no event, `None` when the file is damaged.
    fn postings(&self, actor: i64) -> Option<&[u8]> {
        let ids = self.map.get(self.ids_at..self.starts_at)?;
        let k = partition_u64(ids, |v| (v as i64) < actor);
        if k >= self.n || read_u64(ids, k) as i64 != actor {
            return Some(&[]);
        }
        let starts = self.map.get(self.starts_at..self.post_at)?;
        let (s, e) = (
            read_u64(starts, k) as usize,
            read_u64(starts, k + 1) as usize,
        );
        if s > e {
            return None;
        }
        self.map
            .get(self.post_at.checked_add(s * 8)?..self.post_at.checked_add(e * 8)?)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::query::fixture as fx;

    /// A store with enough rows for several index blocks: dates of every
    /// precision, undated rows, rows with only a start or only an end,
    /// outlets differing in case, several kinds, text that JSON escapes.
    pub(crate) fn store() -> Connection {
        let db = fx::empty();
        let people: Vec<i64> = (0..12)
            .map(|i| fx::actor(&db, &format!("Actor {i}"), "person", None, &[]))
            .collect();
        let outlets = ["Wire", "WIRE", "Post", "Öst Times"];
        let docs: Vec<i64> = (0..30)
            .map(|i| {
                fx::document(
                    &db,
                    &format!("d{i}"),
                    outlets[i % outlets.len()],
                    &format!("2021-{:02}-{:02}", 1 + i % 12, 1 + i % 27),
                )
            })
            .collect();
        let values = [
            Some("2021-03-04"),
            Some("2021-03"),
            Some("2021"),
            Some("2021-W10"),
            Some("2020-12-31"),
            Some("2021-06-15"),
            None,
            Some("2022-01"),
        ];
        let kinds = ["meeting", "call", "attack"];
        let mut x: u64 = 7;
        for i in 0..400 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = values[(x >> 33) as usize % values.len()];
            let mut who = vec![people[(x >> 20) as usize % 12]];
            let other = people[(x >> 40) as usize % 12];
            if i % 2 == 1 && !who.contains(&other) {
                who.push(other);
            }
            // Labels repeat across documents (copies of one event), never within one.
            fx::event(
                &db,
                docs[i % docs.len()],
                kinds[(x >> 50) as usize % kinds.len()],
                &format!("event {}", i % 170),
                v,
                &who,
            );
        }
        // Rows the fixture cannot write: a start without an end, an end without a start.
        db.execute_batch(
            "INSERT INTO events (document_id, local_id, kind, label, t_value, t_start, status, ev_start, ev_end, ev_text)
             VALUES (1, 'x1', 'call', 'open', '2021-03-05', '2021-03-05', 'occurred', 0, 1, 'x');
             INSERT INTO events (document_id, local_id, kind, label, t_value, t_end, status, ev_start, ev_end, ev_text)
             VALUES (2, 'x2', 'call', 'end only', '2021-04', '2021-04-30', 'occurred', 0, 1, 'x');
             INSERT INTO documents (key, title, publisher, url, published, recorded_at, bundle_hash)
             VALUES ('no-outlet', 'a \"quoted\" \\ title', NULL, 'https://x.example/a?b=1&c=2', '2021-03-02', '2026-01-01', 'h');
             INSERT INTO events (document_id, local_id, kind, label, t_text, t_value, t_start, t_end, t_granularity,
                                 t_modifier, place, status, ev_start, ev_end, ev_text, ev_rule)
             VALUES (last_insert_rowid(), 'x3', 'call', 'Tab	and \"quote\" Łódź ' || char(1) || char(31), 'early March',
                     '2021-03', '2021-03-01', '2021-03-10', 'month', 'START', 'Kyiv', 'ongoing', 3, 9,
                     'Line one.' || char(10) || 'Line two \\ back', 'rule-x');",
        )
        .unwrap();
        let doc: i64 = db
            .query_row(
                "SELECT id FROM documents WHERE key = 'no-outlet'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let ev: i64 = db.last_insert_rowid();
        db.execute(
            "INSERT INTO event_participants VALUES (?1, 1, 'agent'), (?1, 2, 'target'), (?1, 1, 'participant')",
            [ev],
        )
        .unwrap();
        assert!(doc > 0);
        db
    }

    #[test]
    fn every_filter_gives_the_sql_rows_in_sql_order() {
        let db = store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tl");
        assert!(TimelineSnapshot::build(&db, &path, "fp1").unwrap());
        assert!(TimelineSnapshot::load(&path, "fp2").is_none(), "stale");
        let snap = TimelineSnapshot::load(&path, "fp1").unwrap();
        assert_eq!(snap.len(), 403);
        let days = [
            None,
            Some("2020-12-31"),
            Some("2021-03-01"),
            Some("2021-03-05"),
            Some("2021-03-31"),
            Some("2021-04-30"),
            Some("2021-12-31"),
            Some("2030-01-01"),
        ];
        let mut compared = 0;
        for from in days {
            for to in days {
                for (kind, outlet, as_of) in [
                    (None, None, None),
                    (Some("call"), None, None),
                    (None, Some("wire"), None),
                    (None, Some("öst times"), None),
                    (None, Some("Öst Times"), Some("2021-06-30")),
                ] {
                    let f = EventFilter {
                        from: from.map(str::to_owned),
                        to: to.map(str::to_owned),
                        kind: kind.map(str::to_owned),
                        outlet: outlet.map(str::to_owned),
                        as_of: as_of.map(str::to_owned),
                        ..Default::default()
                    };
                    let sql = q::events(&db, &f).unwrap();
                    let floor = from.and_then(|d| q::window_floor(&db, d).unwrap());
                    let got = snap
                        .events(&Window {
                            from,
                            floor: floor.as_deref(),
                            to,
                            kind,
                            outlet,
                            as_of,
                            factuality: None,
                        })
                        .unwrap();
                    assert_eq!(got, sql, "{f:?}");
                    compared += sql.len();
                }
            }
        }
        assert!(compared > 5000, "{compared}");
    }

    #[test]
    fn an_actor_index_gives_the_sql_rows_of_its_actors() {
        let db = store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tl");
        let apath = dir.path().join("t.tla");
        assert!(TimelineSnapshot::build(&db, &path, "fp1").unwrap());
        let snap = TimelineSnapshot::load(&path, "fp1").unwrap();
        ActorIndex::build(&snap, &apath, "fp1").unwrap();
        assert!(ActorIndex::load(&apath, "fp2", &snap).is_none(), "stale");
        let ix = ActorIndex::load(&apath, "fp1", &snap).unwrap();
        let days = [
            None,
            Some("2021-03-01"),
            Some("2021-03-05"),
            Some("2021-04-30"),
            Some("2030-01-01"),
        ];
        let mut compared = 0;
        // Actor 1 takes part twice in one row (two roles); 999 in none.
        for actors in [vec![1], vec![2, 5], vec![3, 3, 12], vec![999], vec![1, 999]] {
            for from in days {
                for to in days {
                    for (kind, outlet, as_of) in [
                        (None, None, None),
                        (Some("call"), None, None),
                        (None, Some("wire"), Some("2021-06-30")),
                    ] {
                        let f = EventFilter {
                            from: from.map(str::to_owned),
                            to: to.map(str::to_owned),
                            actors: actors.clone(),
                            kind: kind.map(str::to_owned),
                            outlet: outlet.map(str::to_owned),
                            as_of: as_of.map(str::to_owned),
                            ..Default::default()
                        };
                        let sql = q::events(&db, &f).unwrap();
                        let floor = from.and_then(|d| q::window_floor(&db, d).unwrap());
                        let w = Window {
                            from,
                            floor: floor.as_deref(),
                            to,
                            kind,
                            outlet,
                            as_of,
                            factuality: None,
                        };
                        let got: Vec<EventRow> = snap
                            .actor_events(&ix, &actors, &w)
                            .unwrap()
                            .iter()
                            .map(RawEvent::to_row)
                            .collect();
                        assert_eq!(got, sql, "{f:?}");
                        compared += sql.len();
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
        // An index of another snapshot of the same fingerprint is refused.
        db.execute_batch(
            "DELETE FROM event_participants WHERE event_id = 5; DELETE FROM events WHERE id = 5;",
        )
        .unwrap();
        assert!(TimelineSnapshot::build(&db, &path, "fp1").unwrap());
        let other = TimelineSnapshot::load(&path, "fp1").unwrap();
        assert!(ActorIndex::load(&apath, "fp1", &other).is_none());
        // A damaged file does not load.
        let bytes = std::fs::read(&apath).unwrap();
        std::fs::write(&apath, &bytes[..bytes.len() - 1]).unwrap();
        assert!(ActorIndex::load(&apath, "fp1", &snap).is_none());
    }

    #[test]
    fn names_of_granularities_and_modifiers_read_back() {
        for g in [
            Granularity::Second,
            Granularity::Minute,
            Granularity::Hour,
            Granularity::PartOfDay,
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Season,
            Granularity::Quarter,
            Granularity::Half,
            Granularity::Year,
            Granularity::Decade,
            Granularity::Century,
            Granularity::None,
        ] {
            assert_eq!(Granularity::parse(g.as_str()), Some(g));
        }
        for m in [
            Modifier::Start,
            Modifier::Mid,
            Modifier::End,
            Modifier::Approx,
            Modifier::Before,
            Modifier::After,
            Modifier::OnOrBefore,
            Modifier::OnOrAfter,
            Modifier::LessThan,
            Modifier::MoreThan,
            Modifier::EqualOrLess,
            Modifier::EqualOrMore,
        ] {
            assert_eq!(Modifier::parse(m.as_str()), Some(m));
        }
    }

    #[test]
    fn a_store_with_non_text_dates_keeps_the_sql_path() {
        let db = store();
        // TEXT affinity turns numbers into text; a blob stays a blob.
        db.execute("UPDATE events SET t_start = x'32303231' WHERE id = 1", [])
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tl");
        assert!(!TimelineSnapshot::build(&db, &path, "fp").unwrap());
        assert!(!path.exists());
        assert!(!dir.path().join("t.tl-tmp").exists(), "no file left behind");
    }

    #[test]
    fn a_truncated_file_does_not_load() {
        let db = store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tl");
        TimelineSnapshot::build(&db, &path, "fp").unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(TimelineSnapshot::load(&path, "fp").is_none());
    }
}
