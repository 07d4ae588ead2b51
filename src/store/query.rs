//! Read-side SQL: every query the `query` room needs, returning plain rows.
//!
//! The functions take a `&rusqlite::Connection` so that they work on any
//! open store (and on an in-memory one in tests). Every value is a bound
//! parameter; filters are assembled from fixed SQL fragments only.

use crate::model::{
    Evidence, Factuality, FactualityFilter, Granularity, Modifier, Quantity, TimeValue,
};
use crate::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use serde::Serialize;

/// A stored document, as the rows that cite it show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRef {
    /// Store id.
    pub id: i64,
    /// The interchange document id.
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet that published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD`).
    pub published: String,
    /// The outlet as an actor, when the store linked one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher_id: Option<i64>,
}

/// An actor as a reference inside another row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ActorRef {
    /// Store id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Actor kind (`person`, `country`, ...).
    pub kind: String,
}

/// A stored actor with its `part_of` link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    /// Store id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Actor kind.
    pub kind: String,
    /// The actor it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<i64>,
}

/// One stored event with its participants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Store id.
    pub id: i64,
    /// The reporting document.
    pub document: DocRef,
    /// Event kind (`meeting`, `call`, ...).
    pub kind: String,
    /// Short description.
    pub label: String,
    /// Valid time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `occurred`, `planned`, ...
    pub status: String,
    /// How the reporting document tells of it (`asserted`, `hypothetical`, ...).
    pub factuality: Factuality,
    /// Participants and their roles.
    pub participants: Vec<Participation>,
    /// Where the document says so.
    pub evidence: Evidence,
}

/// An actor's part in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participation {
    /// Who.
    pub actor: ActorRef,
    /// `participant`, `agent`, `target`, ...
    pub role: String,
}

/// One stored claim with its chain and targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// Store id.
    pub id: i64,
    /// The document that carries it.
    pub document: DocRef,
    /// Who made the claim.
    pub claimant: ActorRef,
    /// The reporting chain, nearest to the document first.
    pub via: Vec<ActorRef>,
    /// Normalised subject, when the extractor gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// What is claimed, in words.
    pub statement: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// `affirm` or `deny`.
    pub polarity: String,
    /// `assertion`, `estimate`, ...
    pub modality: String,
    /// How the content stands in the claimant's words.
    pub factuality: Factuality,
    /// When the claimant said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated: Option<TimeValue>,
    /// When the claimed fact holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid: Option<TimeValue>,
    /// Actors the claim is about.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about_actors: Vec<ActorRef>,
    /// Events the claim is about (store ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about_events: Vec<i64>,
    /// Where the document says so.
    pub evidence: Evidence,
}

/// One stored relation between two actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow {
    /// Store id.
    pub id: i64,
    /// The reporting document.
    pub document: DocRef,
    /// From.
    pub source: ActorRef,
    /// `supports`, `meets`, ...
    pub kind: String,
    /// To.
    pub target: ActorRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeValue>,
    /// How the document tells of it: only asserted relations are plain facts.
    pub factuality: Factuality,
    /// Where the document says so.
    pub evidence: Evidence,
}

/// Filters of an event listing. Dates are `YYYY-MM-DD` text.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events whose time ends on or after this date.
    pub from: Option<String>,
    /// Events whose time starts on or before this date.
    pub to: Option<String>,
    /// Events with at least one of these participants (store ids).
    pub actors: Vec<i64>,
    /// Event kind, exact.
    pub kind: Option<String>,
    /// Publisher of the reporting document, case-insensitive.
    pub outlet: Option<String>,
    /// Only documents published on or before this date.
    pub as_of: Option<String>,
    /// Only these event ids.
    pub ids: Option<Vec<i64>>,
    /// Only events of these factualities; `None` for all.
    pub factuality: Option<FactualityFilter>,
}

/// Filters of a claim listing.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// FTS5 query over statement, subject and evidence.
    pub text: Option<String>,
    /// Claimant (store ids; any of them).
    pub by: Vec<i64>,
    /// An actor anywhere in the reporting chain (any of them).
    pub via: Vec<i64>,
    /// Publisher, case-insensitive.
    pub outlet: Option<String>,
    /// Claims whose valid (else stated, else published) time ends on or after this date.
    pub from: Option<String>,
    /// ... and starts on or before this one.
    pub to: Option<String>,
    /// Only documents published on or before this date.
    pub as_of: Option<String>,
    /// Only claims that state a number.
    pub with_quantity: bool,
    /// Only these claim ids.
    pub ids: Option<Vec<i64>>,
}

const DOC_COLS: &str = "d.id, d.key, d.title, d.publisher, d.url, d.published, d.publisher_id";

fn doc_at(row: &Row, i: usize) -> rusqlite::Result<DocRef> {
    Ok(DocRef {
        id: row.get(i)?,
        key: row.get(i + 1)?,
        title: row.get(i + 2)?,
        publisher: row.get(i + 3)?,
        url: row.get(i + 4)?,
        published: row.get(i + 5)?,
        publisher_id: row.get(i + 6)?,
    })
}

/// Six time columns (`text, value, start, end, granularity, modifier`) as a
/// time value; `None` when there is no value.
fn time_at(row: &Row, i: usize) -> rusqlite::Result<Option<TimeValue>> {
    let value: Option<String> = row.get(i + 1)?;
    let Some(value) = value else { return Ok(None) };
    let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    let mut t = TimeValue {
        text: row.get(i)?,
        value,
        start: date(row.get(i + 2)?),
        end: date(row.get(i + 3)?),
        granularity: row
            .get::<_, Option<String>>(i + 4)?
            .and_then(|g| Granularity::parse(&g)),
        modifier: row
            .get::<_, Option<String>>(i + 5)?
            .and_then(|m| Modifier::parse(&m)),
    };
    t.fill_bounds();
    Ok(Some(t))
}

/// A quantity from eight columns starting at `i` (value, lower, upper,
/// unit, approximate, vague, lower_open, upper_open); `None` when the claim
/// states no figure.
fn quantity_at(row: &Row, i: usize) -> rusqlite::Result<Option<Quantity>> {
    let (value, lower, upper): (Option<f64>, Option<f64>, Option<f64>) =
        (row.get(i)?, row.get(i + 1)?, row.get(i + 2)?);
    if value.is_none() && lower.is_none() && upper.is_none() {
        return Ok(None);
    }
    let flag = |k: usize| -> rusqlite::Result<bool> {
        Ok(row.get::<_, Option<i64>>(i + k)?.unwrap_or(0) != 0)
    };
    Ok(Some(Quantity {
        value,
        lower,
        upper,
        unit: row.get(i + 3)?,
        approximate: flag(4)?,
        vague: flag(5)?,
        lower_open: flag(6)?,
        upper_open: flag(7)?,
    }))
}

fn evidence_at(row: &Row, i: usize) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        start: row.get::<_, i64>(i)?.max(0) as usize,
        end: row.get::<_, i64>(i + 1)?.max(0) as usize,
        text: row.get(i + 2)?,
        rule: row.get(i + 3)?,
    })
}

/// A factuality column (the schema's CHECK admits only known values).
fn factuality_at(row: &Row, i: usize) -> rusqlite::Result<Factuality> {
    let v = row.get_ref(i)?;
    let s = v.as_str()?;
    Factuality::parse(s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown factuality {s:?}").into(),
        )
    })
}

fn actor_ref_at(row: &Row, i: usize) -> rusqlite::Result<ActorRef> {
    Ok(ActorRef {
        id: row.get(i)?,
        name: row.get(i + 1)?,
        kind: row.get(i + 2)?,
    })
}

/// A WHERE clause under construction: fixed SQL fragments and bound values.
#[derive(Default)]
struct Where {
    parts: Vec<String>,
    values: Vec<Value>,
}

impl Where {
    fn push(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        self.parts.push(sql.to_owned());
        self.values.extend(values);
    }

    /// `column IN (?, ?, ...)` over integer ids.
    fn ids(&mut self, sql_prefix: &str, ids: &[i64]) {
        let marks = vec!["?"; ids.len()].join(",");
        self.push(
            &format!("{sql_prefix} ({marks})"),
            ids.iter().map(|&i| Value::Integer(i)),
        );
    }

    fn sql(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.parts.join(" AND "))
        }
    }
}

/// Runs `{head} (?, ?, ...) {tail}` over `ids` in chunks (SQLite caps the
/// number of bound values), calling `f` on every row.
fn by_chunks(
    conn: &Connection,
    head: &str,
    tail: &str,
    ids: &[i64],
    mut f: impl FnMut(&Row) -> rusqlite::Result<()>,
) -> Result<()> {
    for chunk in ids.chunks(10_000) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare_cached(&format!("{head} ({marks}) {tail}"))?;
        let mut rows = stmt.query(params_from_iter(chunk.iter()))?;
        while let Some(r) = rows.next()? {
            f(r)?;
        }
    }
    Ok(())
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// Events matching the filter, ordered by start of valid time (undated last),
/// then by store id.
pub fn events(conn: &Connection, f: &EventFilter) -> Result<Vec<EventRow>> {
    let mut w = Where::default();
    if let Some(from) = &f.from {
        w.push("coalesce(e.t_end, e.t_start) >= ?", [text(from)]);
        if let Some(d) = window_floor(conn, from)? {
            w.push("e.t_start >= ?", [text(&d)]);
        }
    }
    if let Some(to) = &f.to {
        w.push("e.t_start <= ?", [text(to)]);
    }
    if !f.actors.is_empty() {
        w.ids(
            "e.id IN (SELECT event_id FROM event_participants WHERE actor_id IN",
            &f.actors,
        );
        let last = w.parts.last_mut().expect("just pushed");
        last.push(')');
    }
    if let Some(kind) = &f.kind {
        w.push("e.kind = ?", [text(kind)]);
    }
    if let Some(outlet) = &f.outlet {
        w.push("lower(d.publisher) = lower(?)", [text(outlet)]);
    }
    if let Some(as_of) = &f.as_of {
        w.push("d.published <= ?", [text(as_of)]);
    }
    if let Some(ids) = &f.ids {
        w.ids("e.id IN", ids);
    }
    if let Some(shown) = f.factuality.filter(|s| !s.is_all()) {
        let values: Vec<Value> = shown.values().map(|v| text(v.as_str())).collect();
        let marks = vec!["?"; values.len()].join(",");
        w.push(&format!("e.factuality IN ({marks})"), values);
    }
    let sql = format!(
        "SELECT e.id, e.kind, e.label, e.t_text, e.t_value, e.t_start, e.t_end, e.t_granularity, e.t_modifier,
                e.place, e.status, e.ev_start, e.ev_end, e.ev_text, e.ev_rule, {DOC_COLS}, e.factuality
         FROM events e JOIN documents d ON d.id = e.document_id{}
         ORDER BY e.t_start IS NULL, e.t_start, e.id",
        w.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt
        .query_map(params_from_iter(w.values.iter()), |r| {
            Ok(EventRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                label: r.get(2)?,
                time: time_at(r, 3)?,
                place: r.get(9)?,
                status: r.get(10)?,
                evidence: evidence_at(r, 11)?,
                document: doc_at(r, 15)?,
                factuality: factuality_at(r, 22)?,
                participants: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Participants of all rows in a few chunked reads rather than one query per event.
    let ids: Vec<i64> = rows.iter().map(|e| e.id).collect();
    let pos: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    by_chunks(
        conn,
        "SELECT p.event_id, a.id, a.name, a.kind, p.role FROM event_participants p JOIN actors a ON a.id = p.actor_id
         WHERE p.event_id IN",
        "",
        &ids,
        |r| {
            let e: i64 = r.get(0)?;
            rows[pos[&e]].participants.push(Participation { actor: actor_ref_at(r, 1)?, role: r.get(4)? });
            Ok(())
        },
    )?;
    // Sorted per event here: one SQL sort over every participant of a long
    // timeline cost more than the lookups themselves.
    for e in &mut rows {
        e.participants.sort_by(|a, b| {
            (&a.actor.name, &a.role, a.actor.id).cmp(&(&b.actor.name, &b.role, b.actor.id))
        });
    }
    Ok(rows)
}

/// The earliest start an event overlapping a window from `from` can have,
/// as `YYYY-MM-DD` text; `None` when nothing bounds it.
pub fn window_floor(conn: &Connection, from: &str) -> Result<Option<String>> {
    // An event that overlaps the window starts at most the longest
    // event's length before it: with that bound the time index is read
    // over the window only, not from the first event on.
    Ok(max_event_span(conn)?.and_then(|span| {
        let d = from.get(..10)?.parse::<chrono::NaiveDate>().ok()?;
        d.checked_sub_days(chrono::Days::new(span.max(0) as u64))
            .map(|d| d.to_string())
    }))
}

/// The longest event of the store in whole days (end minus start), `None`
/// when some event's end is not a date (no bound then). One scan of the
/// time index, kept beside a database file in `<db>.cache/events.span` under the
/// store's fingerprint so that a timeline does not pay the scan.
pub fn max_event_span(conn: &Connection) -> Result<Option<i64>> {
    let scan = || -> Result<Option<i64>> {
        let span: Option<f64> = conn.query_row(
            "SELECT max(coalesce(julianday(t_end) - julianday(t_start), 1e9)) FROM events
             WHERE t_end IS NOT NULL AND t_start IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(match span {
            None => Some(0),
            Some(s) if s < 1e8 => Some(s.ceil() as i64),
            Some(_) => None,
        })
    };
    let Some(db) = conn.path().filter(|p| !p.is_empty()) else {
        return scan();
    };
    let path = super::cache::cache_file(std::path::Path::new(db), "events.span");
    let fp = fingerprint(conn)?;
    if let Ok(text) = std::fs::read_to_string(&path) {
        if let Some((f, v)) = text.trim_end().rsplit_once('\n') {
            if f == fp {
                match v {
                    "none" => return Ok(None),
                    v => {
                        if let Ok(n) = v.parse() {
                            return Ok(Some(n));
                        }
                    }
                }
            }
        }
    }
    let span = scan()?;
    let v = span.map_or("none".to_owned(), |n| n.to_string());
    // A read-only directory only costs the next command the scan.
    let mut tmp = path.clone().into_os_string();
    tmp.push(format!("-{}-tmp", std::process::id()));
    super::cache::prepare_dir(&path);
    if std::fs::write(&tmp, format!("{fp}\n{v}\n")).is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    }
    Ok(span)
}

/// An FTS5 query that finds every word of `text` as it is written: each
/// word becomes a quoted string, so that the query syntax (`(`, `"`, `-`,
/// `*`, `OR`, `NEAR`) in what a user typed is text, not an operator.
pub fn fts_words(text: &str) -> String {
    text.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Claims matching the filter, ordered by valid (else stated, else
/// published) time, then by store id.
pub fn claims(conn: &Connection, f: &ClaimFilter) -> Result<Vec<ClaimRow>> {
    let mut w = Where::default();
    if let Some(q) = &f.text {
        w.push(
            "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
            [text(q)],
        );
    }
    if !f.by.is_empty() {
        w.ids("c.claimant_id IN", &f.by);
    }
    if !f.via.is_empty() {
        w.ids(
            "c.id IN (SELECT claim_id FROM claim_via WHERE actor_id IN",
            &f.via,
        );
        w.parts.last_mut().expect("just pushed").push(')');
    }
    if let Some(outlet) = &f.outlet {
        w.push("lower(d.publisher) = lower(?)", [text(outlet)]);
    }
    if let Some(from) = &f.from {
        w.push(
            "coalesce(c.valid_end, c.valid_start, c.stated_end, c.stated_start, d.published) >= ?",
            [text(from)],
        );
    }
    if let Some(to) = &f.to {
        w.push(
            "coalesce(c.valid_start, c.stated_start, d.published) <= ?",
            [text(to)],
        );
    }
    if let Some(as_of) = &f.as_of {
        w.push("d.published <= ?", [text(as_of)]);
    }
    if f.with_quantity {
        w.push(
            "(c.q_value IS NOT NULL OR c.q_lower IS NOT NULL OR c.q_upper IS NOT NULL)",
            [],
        );
    }
    if let Some(ids) = &f.ids {
        w.ids("c.id IN", ids);
    }
    let sql = format!(
        "SELECT c.id, c.subject, c.statement,
                c.q_value, c.q_lower, c.q_upper, c.q_unit, c.q_approximate, c.q_vague, c.q_lower_open, c.q_upper_open,
                c.polarity, c.modality,
                c.stated_text, c.stated_value, c.stated_start, c.stated_end, c.stated_granularity, c.stated_modifier,
                c.valid_text, c.valid_value, c.valid_start, c.valid_end, c.valid_granularity, c.valid_modifier,
                c.ev_start, c.ev_end, c.ev_text, c.ev_rule,
                a.id, a.name, a.kind, {DOC_COLS}, c.factuality
         FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.claimant_id{}
         ORDER BY coalesce(c.valid_start, c.stated_start, d.published), c.id",
        w.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt
        .query_map(params_from_iter(w.values.iter()), |r| {
            let quantity = quantity_at(r, 3)?;
            Ok(ClaimRow {
                id: r.get(0)?,
                subject: r.get(1)?,
                statement: r.get(2)?,
                quantity,
                polarity: r.get(11)?,
                modality: r.get(12)?,
                stated: time_at(r, 13)?,
                valid: time_at(r, 19)?,
                evidence: evidence_at(r, 25)?,
                claimant: actor_ref_at(r, 29)?,
                document: doc_at(r, 32)?,
                factuality: factuality_at(r, 39)?,
                via: Vec::new(),
                about_actors: Vec::new(),
                about_events: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let pos: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    by_chunks(
        conn,
        "SELECT v.claim_id, a.id, a.name, a.kind FROM claim_via v JOIN actors a ON a.id = v.actor_id WHERE v.claim_id IN",
        "ORDER BY v.claim_id, v.position",
        &ids,
        |r| {
            let c: i64 = r.get(0)?;
            rows[pos[&c]].via.push(actor_ref_at(r, 1)?);
            Ok(())
        },
    )?;
    by_chunks(
        conn,
        "SELECT ca.claim_id, a.id, a.name, a.kind FROM claim_about ca JOIN actors a ON a.id = ca.actor_id
         WHERE ca.claim_id IN",
        "ORDER BY a.name",
        &ids,
        |r| {
            let c: i64 = r.get(0)?;
            rows[pos[&c]].about_actors.push(actor_ref_at(r, 1)?);
            Ok(())
        },
    )?;
    by_chunks(
        conn,
        "SELECT claim_id, event_id FROM claim_about WHERE event_id IS NOT NULL AND claim_id IN",
        "ORDER BY event_id",
        &ids,
        |r| {
            let c: i64 = r.get(0)?;
            rows[pos[&c]].about_events.push(r.get(1)?);
            Ok(())
        },
    )?;
    Ok(rows)
}

/// What conflict detection needs of a claim, read in two scans (claims with
/// their documents, then `claim_about`) so that a million claims load in
/// about a second.
#[derive(Debug, Clone)]
pub struct ClaimFacts {
    /// Store id.
    pub id: i64,
    /// Claimant actor id.
    pub claimant: i64,
    pub subject: Option<String>,
    /// The statement, read only when there is no subject (it stands in for one).
    pub statement: String,
    pub quantity: Option<Quantity>,
    /// `true` for a denial.
    pub deny: bool,
    /// How the content stands: a feared or proposed figure is no side
    /// against an asserted one.
    pub factuality: Factuality,
    /// Valid-time bounds.
    pub valid: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Stated-time bounds.
    pub stated: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Publication date of the carrying document.
    pub published: chrono::NaiveDate,
    /// What the claim is about: `(false, actor id)` or `(true, event id)`, sorted.
    pub about: Vec<(bool, i64)>,
}

/// `YYYY-MM-DD` (anything after the tenth byte ignored) without the general
/// date parser, which costs more than the rest of a million-row scan.
fn day(s: Option<String>) -> Option<chrono::NaiveDate> {
    let b = s?.into_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn span(a: Option<String>, b: Option<String>) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    match (day(a), day(b)) {
        (Some(a), Some(b)) => Some((a, b)),
        (Some(a), None) => Some((a, a)),
        (None, Some(b)) => Some((b, b)),
        (None, None) => None,
    }
}

/// Anonymous actors that belong to another (an unnamed official of a
/// government), as `(anonymous actor, the actor it belongs to)`.
pub fn anonymous_parents(conn: &Connection) -> Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, part_of FROM actors WHERE kind = 'anonymous' AND part_of IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every claim's [`ClaimFacts`], by id, optionally only those published by `as_of`.
pub fn claim_facts(conn: &Connection, as_of: Option<&str>) -> Result<Vec<ClaimFacts>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.claimant_id, c.subject,
                CASE WHEN c.subject IS NULL OR trim(c.subject) = '' THEN c.statement ELSE '' END,
                c.q_value, c.q_lower, c.q_upper, c.q_unit, c.q_approximate, c.q_vague, c.q_lower_open, c.q_upper_open,
                c.polarity, c.valid_start, c.valid_end, c.stated_start, c.stated_end, d.published,
                c.factuality
         FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE ?1 IS NULL OR d.published <= ?1
         ORDER BY c.id",
    )?;
    let mut out = stmt
        .query_map([as_of], |r| {
            let quantity = quantity_at(r, 4)?;
            Ok(ClaimFacts {
                id: r.get(0)?,
                claimant: r.get(1)?,
                subject: r.get(2)?,
                statement: r.get(3)?,
                quantity,
                deny: r.get::<_, String>(12)? == "deny",
                valid: span(r.get(13)?, r.get(14)?),
                stated: span(r.get(15)?, r.get(16)?),
                published: day(r.get(17)?).unwrap_or_default(),
                factuality: factuality_at(r, 18)?,
                about: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt =
        conn.prepare("SELECT claim_id, actor_id, event_id FROM claim_about ORDER BY claim_id")?;
    let mut rows = stmt.query([])?;
    let mut i = 0;
    while let Some(r) = rows.next()? {
        let cid: i64 = r.get(0)?;
        while i < out.len() && out[i].id < cid {
            i += 1;
        }
        if i == out.len() {
            break;
        }
        if out[i].id == cid {
            match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                (Some(a), _) => out[i].about.push((false, a)),
                (None, Some(e)) => out[i].about.push((true, e)),
                (None, None) => {}
            }
        }
    }
    for f in &mut out {
        f.about.sort_unstable();
        f.about.dedup();
    }
    Ok(out)
}

/// Largest store id of actors, events, claims and relations (0 when empty):
/// the sizes of dense per-kind arrays.
pub fn max_ids(conn: &Connection) -> Result<[i64; 4]> {
    let mut out = [0; 4];
    for (i, t) in ["actors", "events", "claims", "relations"]
        .iter()
        .enumerate()
    {
        // Table names come from the fixed list above, never from input.
        out[i] = conn.query_row(&format!("SELECT coalesce(max(id), 0) FROM {t}"), [], |r| {
            r.get(0)
        })?;
    }
    Ok(out)
}

/// Every event row as `(id, kind, label, start, end)`, for identifying the
/// same event reported by several documents.
pub fn event_identities(
    conn: &Connection,
    mut f: impl FnMut(i64, &str, &str, Option<&str>, Option<&str>),
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, kind, label, t_start, t_end FROM events")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(
            r.get(0)?,
            r.get_ref(1)?.as_str().unwrap_or(""),
            r.get_ref(2)?.as_str().unwrap_or(""),
            r.get_ref(3)?.as_str_or_null().ok().flatten(),
            r.get_ref(4)?.as_str_or_null().ok().flatten(),
        );
    }
    Ok(())
}

/// Every event row's id and start date (`t_start`, maybe NULL).
pub fn event_starts(conn: &Connection, mut f: impl FnMut(i64, Option<&str>)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, t_start FROM events")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get_ref(1)?.as_str_or_null().ok().flatten());
    }
    Ok(())
}

/// Every participation as `(event row, actor)`.
pub fn participations(conn: &Connection, mut f: impl FnMut(i64, i64)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT event_id, actor_id FROM event_participants")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get(1)?);
    }
    Ok(())
}

/// What attribution chains are made of, one scan per table: every claim's
/// `(id, claimant, document)`, every first intermediary `(claim, actor)`,
/// every document, every actor's `(id, name)`.
pub fn chain_columns(
    conn: &Connection,
    mut claim: impl FnMut(i64, i64, i64),
    mut via: impl FnMut(i64, i64),
    mut document: impl FnMut(DocRef),
    mut actor: impl FnMut(i64, String),
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, claimant_id, document_id FROM claims")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        claim(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    let mut stmt = conn.prepare("SELECT claim_id, actor_id FROM claim_via WHERE position = 0")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        via(r.get(0)?, r.get(1)?);
    }
    let mut stmt = conn.prepare(&format!("SELECT {DOC_COLS} FROM documents d"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        document(doc_at(r, 0)?);
    }
    let mut stmt = conn.prepare("SELECT id, name FROM actors")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        actor(r.get(0)?, r.get(1)?);
    }
    Ok(())
}

/// Every edge of the connection graph, as `(node, node)` pairs read in one
/// scan per table: participation, claimant, via, about, relation ends, part_of.
pub fn all_edges(conn: &Connection, mut f: impl FnMut(Node, Node)) -> Result<()> {
    let scan = |sql: &str, f: &mut dyn FnMut(i64, Option<i64>, Option<i64>)| -> Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(r.get(0)?, r.get(1)?, r.get(2)?);
        }
        Ok(())
    };
    scan(
        "SELECT event_id, actor_id, NULL FROM event_participants",
        &mut |e, a, _| f(Node::Event(e), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT id, claimant_id, NULL FROM claims",
        &mut |c, a, _| f(Node::Claim(c), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT claim_id, actor_id, NULL FROM claim_via",
        &mut |c, a, _| f(Node::Claim(c), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT claim_id, actor_id, event_id FROM claim_about",
        &mut |c, a, e| match (a, e) {
            (Some(a), _) => f(Node::Claim(c), Node::Actor(a)),
            (None, Some(e)) => f(Node::Claim(c), Node::Event(e)),
            _ => {}
        },
    )?;
    scan(
        "SELECT id, source_id, target_id FROM relations",
        &mut |r, s, t| {
            f(Node::Relation(r), Node::Actor(s.unwrap_or_default()));
            f(Node::Relation(r), Node::Actor(t.unwrap_or_default()));
        },
    )?;
    scan(
        "SELECT id, part_of, NULL FROM actors WHERE part_of IS NOT NULL",
        &mut |a, p, _| f(Node::Actor(a), Node::Actor(p.unwrap_or_default())),
    )?;
    Ok(())
}

/// The factuality of every event and relation row, one scan per table.
pub fn factualities(conn: &Connection, mut f: impl FnMut(Node, Factuality)) -> Result<()> {
    for (sql, node) in [
        (
            "SELECT id, factuality FROM events",
            Node::Event as fn(i64) -> Node,
        ),
        ("SELECT id, factuality FROM relations", Node::Relation),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(node(r.get(0)?), factuality_at(r, 1)?);
        }
    }
    Ok(())
}

/// A fingerprint of the store's content: changes whenever documents are
/// added, replaced or removed (cache keys for derived files).
pub fn fingerprint(conn: &Connection) -> Result<String> {
    // Every committed write goes through the database file or its WAL, so
    // their sizes and modification times (nanoseconds) change with the
    // content; with the counts and maxima of the integer keys beside them
    // this replaces a scan of every document's recorded time, which cost
    // 30 ms a command at 10^6 claims.
    let mut files = String::new();
    if let Some(path) = conn.path().filter(|p| !p.is_empty()) {
        for suffix in ["", "-wal"] {
            let meta = std::fs::metadata(format!("{path}{suffix}")).ok();
            // An empty WAL and a missing one are the same content (a
            // writer that opens and closes without writing leaves either).
            let (len, mtime) = meta.filter(|m| m.len() > 0).map_or((0, 0), |m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), t)
            });
            files.push_str(&format!("{len}.{mtime}:"));
        }
    }
    let keys: String = conn.query_row(
        "SELECT (SELECT count(*) FROM documents) || ':' || (SELECT coalesce(max(id), 0) FROM documents)
                || ':' || (SELECT coalesce(max(id), 0) FROM claims) || ':' || (SELECT coalesce(max(id), 0) FROM events)
                || ':' || (SELECT coalesce(max(id), 0) FROM relations) || ':' || (SELECT coalesce(max(id), 0) FROM actors)",
        [],
        |r| r.get(0),
    )?;
    Ok(files + &keys)
}

/// Store ids and start dates of event rows that start within `[from, to]`
/// (inclusive, `YYYY-MM-DD`), optionally only those `actor` took part in,
/// ordered by start then id.
pub fn events_starting(
    conn: &Connection,
    from: &str,
    to: &str,
    actor: Option<i64>,
) -> Result<Vec<(String, i64)>> {
    let mut stmt = match actor {
        None => conn.prepare_cached(
            "SELECT t_start, id FROM events WHERE t_start BETWEEN ?1 AND ?2 AND ?3 IS NULL ORDER BY t_start, id",
        )?,
        Some(_) => conn.prepare_cached(
            "SELECT e.t_start, e.id FROM event_participants p JOIN events e ON e.id = p.event_id
             WHERE p.actor_id = ?3 AND e.t_start BETWEEN ?1 AND ?2 ORDER BY e.t_start, e.id",
        )?,
    };
    let rows = stmt.query_map(params![from, to, actor], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The interchange (bundle-local) ids behind store ids: `(store id, local id)`
/// of every actor link, event row or claim row. `kind` is `actor`, `event` or `claim`.
pub fn local_ids(conn: &Connection, kind: &str) -> Result<Vec<(i64, String)>> {
    let sql = match kind {
        "actor" => "SELECT actor_id, local_id FROM actor_links",
        "event" => "SELECT id, local_id FROM events",
        "claim" => "SELECT id, local_id FROM claims",
        _ => return Err(Error::NotFound(format!("no local ids for {kind:?}"))),
    };
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Claims that may be about the same thing as `claim`: those sharing one of
/// its targets when it has any, else those with the same unit (or, for claims
/// without a figure, every other claim without one). Candidates for
/// corroboration and dispute, so that `sources` never reads the whole store.
pub fn related_claim_ids(conn: &Connection, claim: &ClaimRow) -> Result<Vec<i64>> {
    let mut ids: Vec<i64> = Vec::new();
    let mut push = |sql: &str, v: Value| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        for r in stmt.query_map([v], |r| r.get(0))? {
            ids.push(r?);
        }
        Ok(())
    };
    if claim.about_actors.is_empty() && claim.about_events.is_empty() {
        match claim.quantity.as_ref().and_then(|q| q.unit.clone()) {
            Some(u) => push("SELECT id FROM claims WHERE q_unit = ?1", Value::Text(u))?,
            None => push(
                "SELECT id FROM claims WHERE q_value IS NULL AND q_lower IS NULL AND q_upper IS NULL AND ?1",
                Value::Integer(1),
            )?,
        }
    } else {
        for a in &claim.about_actors {
            push(
                "SELECT claim_id FROM claim_about WHERE actor_id = ?1",
                Value::Integer(a.id),
            )?;
        }
        for &e in &claim.about_events {
            push(
                "SELECT claim_id FROM claim_about WHERE event_id = ?1",
                Value::Integer(e),
            )?;
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// What `sources` weighs of a candidate claim before reading it whole.
#[derive(Debug, Clone)]
pub struct ClaimBrief {
    /// Store id.
    pub id: i64,
    /// Claimant actor id.
    pub claimant: i64,
    /// The subject, else the statement when the subject is blank.
    pub subject: String,
    /// The unit column as stored (also when the claim states no figure).
    pub unit: Option<String>,
    /// The figure, when the claim states one.
    pub quantity: Option<Quantity>,
    /// `affirm` or `deny`.
    pub polarity: String,
    /// How the content stands (a feared figure neither backs nor disputes
    /// an asserted one).
    pub factuality: Factuality,
    /// The days the claim's content holds, as days from the common era:
    /// its valid time, else its stated time, else the publication date.
    pub days: (i32, i32),
}

/// The columns a [`ClaimBrief`] is read from (claims `c` joined to
/// documents `d`), in the order [`brief_at`] reads them.
const BRIEF_COLS: &str = "c.id, c.claimant_id,
    CASE WHEN c.subject IS NULL OR trim(c.subject) = '' THEN c.statement ELSE c.subject END,
    c.q_value, c.q_lower, c.q_upper, c.q_unit, c.q_approximate, c.q_vague, c.q_lower_open,
    c.q_upper_open, c.polarity, c.factuality, c.valid_start, c.valid_end, c.stated_start,
    c.stated_end, d.published";

fn brief_at(r: &Row) -> rusqlite::Result<ClaimBrief> {
    use chrono::Datelike;
    let published = day(r.get(17)?).unwrap_or_default();
    let (a, b) = span(r.get(13)?, r.get(14)?)
        .or(span(r.get(15)?, r.get(16)?))
        .unwrap_or((published, published));
    Ok(ClaimBrief {
        id: r.get(0)?,
        claimant: r.get(1)?,
        subject: r.get(2)?,
        quantity: quantity_at(r, 3)?,
        unit: r.get(6)?,
        polarity: r.get(11)?,
        factuality: factuality_at(r, 12)?,
        days: (a.num_days_from_ce(), b.num_days_from_ce()),
    })
}

/// [`ClaimBrief`]s of many claims, in chunks of ids (in no particular order).
pub fn claim_briefs(conn: &Connection, ids: &[i64]) -> Result<Vec<ClaimBrief>> {
    let mut out = Vec::with_capacity(ids.len());
    by_chunks(
        conn,
        &format!(
            "SELECT {BRIEF_COLS} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN"
        ),
        "",
        ids,
        |r| {
            out.push(brief_at(r)?);
            Ok(())
        },
    )?;
    Ok(out)
}

/// The attribution chain of one claim in one indexed lookup: claimant,
/// first intermediary, document and outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainRow {
    pub claim: i64,
    pub claimant: ActorRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<ActorRef>,
    pub document: DocRef,
}

/// The [`ChainRow`] of a claim, `None` when there is no such claim.
pub fn chain_row(conn: &Connection, claim: i64) -> Result<Option<ChainRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, a.id, a.name, a.kind, v.id, v.name, v.kind, {DOC_COLS}
         FROM claims c JOIN actors a ON a.id = c.claimant_id JOIN documents d ON d.id = c.document_id
         LEFT JOIN claim_via cv ON cv.claim_id = c.id AND cv.position = 0
         LEFT JOIN actors v ON v.id = cv.actor_id
         WHERE c.id = ?1"
    ))?;
    Ok(stmt
        .query_row([claim], |r| {
            let via = match r.get::<_, Option<i64>>(4)? {
                Some(id) => Some(ActorRef {
                    id,
                    name: r.get(5)?,
                    kind: r.get(6)?,
                }),
                None => None,
            };
            Ok(ChainRow {
                claim: r.get(0)?,
                claimant: actor_ref_at(r, 1)?,
                via,
                document: doc_at(r, 7)?,
            })
        })
        .optional()?)
}

/// Short labels of many nodes at once (actor names, event labels, claim
/// statements, relation kinds), read in chunks of ids.
pub fn node_labels(
    conn: &Connection,
    nodes: &[Node],
) -> Result<std::collections::HashMap<Node, String>> {
    let mut out = std::collections::HashMap::new();
    type Group<'a> = (&'a str, fn(i64) -> Node, Vec<i64>);
    let groups: [Group; 4] = [
        (
            "SELECT id, name FROM actors WHERE id IN",
            Node::Actor,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Actor(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT id, label || ' (' || kind || ')'
                    || CASE factuality WHEN 'asserted' THEN '' ELSE ' [' || factuality || ']' END
             FROM events WHERE id IN",
            Node::Event,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Event(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT c.id, 'claim by ' || a.name || ': ' || c.statement FROM claims c
             JOIN actors a ON a.id = c.claimant_id WHERE c.id IN",
            Node::Claim,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Claim(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT r.id, s.name || ' ' || r.kind || ' ' || t.name
                    || CASE r.factuality WHEN 'asserted' THEN '' ELSE ' [' || r.factuality || ']' END
             FROM relations r
             JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id WHERE r.id IN",
            Node::Relation,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Relation(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
    ];
    for (sql, make, mut ids) in groups {
        ids.sort_unstable();
        ids.dedup();
        for chunk in ids.chunks(10_000) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = conn.prepare(&format!("{sql} ({marks})"))?;
            let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, label) = row?;
                out.insert(make(id), label);
            }
        }
    }
    Ok(out)
}

/// `(id, subject or statement, unit)` of these claims: enough to tell
/// whether they are about the same thing before reading them whole.
pub fn claim_subjects(
    conn: &Connection,
    ids: &[i64],
) -> Result<Vec<(i64, String, Option<String>)>> {
    let mut out = Vec::with_capacity(ids.len());
    by_chunks(
        conn,
        "SELECT id, CASE WHEN subject IS NULL OR trim(subject) = '' THEN statement ELSE subject END, q_unit
         FROM claims WHERE id IN",
        "",
        ids,
        |r| {
            out.push((r.get(0)?, r.get(1)?, r.get(2)?));
            Ok(())
        },
    )?;
    Ok(out)
}

/// Relations, optionally touching one actor (either end) and of one kind,
/// ordered by time then id.
pub fn relations(
    conn: &Connection,
    actor: Option<i64>,
    kind: Option<&str>,
) -> Result<Vec<RelationRow>> {
    relations_where(conn, actor, kind, None)
}

/// One relation by store id.
pub fn relation(conn: &Connection, id: i64) -> Result<Option<RelationRow>> {
    Ok(relations_where(conn, None, None, Some(id))?.pop())
}

fn relations_where(
    conn: &Connection,
    actor: Option<i64>,
    kind: Option<&str>,
    id: Option<i64>,
) -> Result<Vec<RelationRow>> {
    let mut w = Where::default();
    if let Some(id) = id {
        w.push("r.id = ?", [Value::Integer(id)]);
    }
    if let Some(a) = actor {
        w.push(
            "(r.source_id = ? OR r.target_id = ?)",
            [Value::Integer(a), Value::Integer(a)],
        );
    }
    if let Some(k) = kind {
        w.push("r.kind = ?", [text(k)]);
    }
    let sql = format!(
        "SELECT r.id, r.kind, r.t_text, r.t_value, r.t_start, r.t_end, r.t_granularity, r.t_modifier,
                r.ev_start, r.ev_end, r.ev_text, r.ev_rule,
                s.id, s.name, s.kind, t.id, t.name, t.kind, {DOC_COLS}, r.factuality
         FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
         JOIN documents d ON d.id = r.document_id{}
         ORDER BY r.t_start IS NULL, r.t_start, r.id",
        w.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(w.values.iter()), |r| {
            Ok(RelationRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                time: time_at(r, 2)?,
                evidence: evidence_at(r, 8)?,
                source: actor_ref_at(r, 12)?,
                target: actor_ref_at(r, 15)?,
                document: doc_at(r, 18)?,
                factuality: factuality_at(r, 25)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One actor by store id.
pub fn actor(conn: &Connection, id: i64) -> Result<Option<ActorRow>> {
    Ok(conn
        .prepare_cached("SELECT id, name, kind, part_of FROM actors WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(ActorRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                part_of: r.get(3)?,
            })
        })
        .optional()?)
}

/// Every name an actor is known by, canonical name excluded, sorted.
pub fn actor_aliases(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.name FROM actor_names n JOIN actors a ON a.id = n.actor_id
         WHERE n.actor_id = ?1 AND n.name <> a.name ORDER BY n.name",
    )?;
    let names = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Actors that belong to this one (`part_of` = id).
pub fn actor_parts(conn: &Connection, id: i64) -> Result<Vec<ActorRef>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, kind FROM actors WHERE part_of = ?1 ORDER BY name")?;
    let rows = stmt
        .query_map([id], |r| actor_ref_at(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Actors whose folded name or alias equals `norm`, or whose name or alias
/// equals `name` case-insensitively; most-mentioned first.
pub fn actors_named(conn: &Connection, name: &str, norm: &str) -> Result<Vec<ActorRow>> {
    // The folded name hits the indexes; only when it finds nothing is every
    // name compared case-insensitively (a scan).
    let order = "ORDER BY (SELECT count(*) FROM actor_links l WHERE l.actor_id = a.id) DESC, a.id";
    let exact = format!(
        "SELECT a.id, a.name, a.kind, a.part_of FROM actors a
         WHERE a.norm = ?1 OR a.id IN (SELECT actor_id FROM actor_names WHERE norm = ?1) {order}"
    );
    let loose = format!(
        "SELECT a.id, a.name, a.kind, a.part_of FROM actors a
         WHERE lower(a.name) = lower(?1) OR a.id IN (SELECT actor_id FROM actor_names WHERE lower(name) = lower(?1))
         {order}"
    );
    for (sql, arg) in [(exact, norm), (loose, name)] {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows: Vec<ActorRow> = stmt
            .query_map([arg], |r| {
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    part_of: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        if !rows.is_empty() {
            return Ok(rows);
        }
    }
    Ok(Vec::new())
}

/// Every (actor id, name) pair, canonical names and aliases, for suggestions.
pub fn all_actor_names(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, name FROM actors UNION SELECT actor_id, name FROM actor_names ORDER BY 1, 2",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Store ids of claims made by, or relayed through, an actor; and of claims about it.
pub fn claim_ids_of_actor(conn: &Connection, id: i64) -> Result<(Vec<i64>, Vec<i64>)> {
    let made = conn
        .prepare_cached(
            "SELECT id FROM claims WHERE claimant_id = ?1 UNION SELECT claim_id FROM claim_via WHERE actor_id = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let about = conn
        .prepare_cached("SELECT DISTINCT claim_id FROM claim_about WHERE actor_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((made, about))
}

/// Claims by the same claimant with the same statement (case-insensitive;
/// for a figure, counting the same unit: one sentence can give two figures)
/// or, when the claim has a subject and a figure, the same subject and
/// figure: the same claim in other documents.
pub fn same_claim_ids(conn: &Connection, claim: &ClaimRow) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id FROM claims c
         WHERE c.claimant_id = ?3
           AND ((lower(c.statement) = lower(?1) AND (?7 IS NULL OR c.q_unit IS ?7))
                OR (?2 IS NOT NULL AND c.subject = ?2 AND c.q_value IS ?4 AND c.q_lower IS ?5 AND c.q_upper IS ?6))
         ORDER BY c.id",
    )?;
    let q = claim.quantity.as_ref();
    let has_figure = q.is_some_and(|q| q.value.is_some() || q.lower.is_some() || q.upper.is_some());
    let subject = if has_figure {
        claim.subject.as_deref()
    } else {
        None
    };
    let ids = stmt
        .query_map(
            params![
                claim.statement,
                subject,
                claim.claimant.id,
                q.and_then(|q| q.value),
                q.and_then(|q| q.lower),
                q.and_then(|q| q.upper),
                q.filter(|_| has_figure).and_then(|q| q.unit.as_deref())
            ],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// A node of the connection graph: actors, and the events, claims and
/// relations that join them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Node {
    Actor(i64),
    Event(i64),
    Claim(i64),
    Relation(i64),
}

/// The nodes adjacent to `node`, with the role of the edge (`participant`,
/// `claimant`, `via`, `about`, `source`, `target`, `part_of`, `has_part`),
/// from the indexes. `part_of` links two actors directly (one edge).
pub fn node_neighbors(conn: &Connection, node: Node, out: &mut Vec<(Node, String)>) -> Result<()> {
    let mut q = |sql: &str, id: i64, make: fn(i64) -> Node| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (other, role) = row?;
            out.push((make(other), role));
        }
        Ok(())
    };
    match node {
        Node::Actor(a) => {
            q(
                "SELECT event_id, role FROM event_participants WHERE actor_id = ?1",
                a,
                Node::Event,
            )?;
            q(
                "SELECT id, 'claimant' FROM claims WHERE claimant_id = ?1",
                a,
                Node::Claim,
            )?;
            q(
                "SELECT claim_id, 'via' FROM claim_via WHERE actor_id = ?1",
                a,
                Node::Claim,
            )?;
            q(
                "SELECT claim_id, 'about' FROM claim_about WHERE actor_id = ?1",
                a,
                Node::Claim,
            )?;
            q(
                "SELECT id, 'source' FROM relations WHERE source_id = ?1",
                a,
                Node::Relation,
            )?;
            q(
                "SELECT id, 'target' FROM relations WHERE target_id = ?1",
                a,
                Node::Relation,
            )?;
            q(
                "SELECT part_of, 'part_of' FROM actors WHERE id = ?1 AND part_of IS NOT NULL",
                a,
                Node::Actor,
            )?;
            q(
                "SELECT id, 'has_part' FROM actors WHERE part_of = ?1",
                a,
                Node::Actor,
            )?;
        }
        Node::Event(e) => {
            q(
                "SELECT actor_id, role FROM event_participants WHERE event_id = ?1",
                e,
                Node::Actor,
            )?;
            q(
                "SELECT claim_id, 'about' FROM claim_about WHERE event_id = ?1",
                e,
                Node::Claim,
            )?;
        }
        Node::Claim(c) => {
            q(
                "SELECT claimant_id, 'claimant' FROM claims WHERE id = ?1",
                c,
                Node::Actor,
            )?;
            q(
                "SELECT actor_id, 'via' FROM claim_via WHERE claim_id = ?1",
                c,
                Node::Actor,
            )?;
            q(
                "SELECT actor_id, 'about' FROM claim_about WHERE claim_id = ?1 AND actor_id IS NOT NULL",
                c,
                Node::Actor,
            )?;
            q(
                "SELECT event_id, 'about' FROM claim_about WHERE claim_id = ?1 AND event_id IS NOT NULL",
                c,
                Node::Event,
            )?;
        }
        Node::Relation(r) => {
            q(
                "SELECT source_id, 'source' FROM relations WHERE id = ?1",
                r,
                Node::Actor,
            )?;
            q(
                "SELECT target_id, 'target' FROM relations WHERE id = ?1",
                r,
                Node::Actor,
            )?;
        }
    }
    Ok(())
}

/// Every actor, in id order.
pub fn all_actors(conn: &Connection) -> Result<Vec<ActorRow>> {
    let mut stmt = conn.prepare("SELECT id, name, kind, part_of FROM actors ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(ActorRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                part_of: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every document, in id order.
pub fn all_documents(conn: &Connection) -> Result<Vec<DocRef>> {
    let mut stmt = conn.prepare(&format!("SELECT {DOC_COLS} FROM documents d ORDER BY d.id"))?;
    let rows = stmt
        .query_map([], |r| doc_at(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

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
fn wait_for_schema(conn: &Connection, limit: std::time::Duration) -> Result<()> {
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
fn open_read_as(path: &std::path::Path, uri: bool) -> Result<Connection> {
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
fn cannot_init_wal(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error().map(|f| f.extended_code),
        Some(rusqlite::ffi::SQLITE_READONLY_DIRECTORY | rusqlite::ffi::SQLITE_READONLY_CANTINIT)
    )
}

/// No connection has the database open and the main file is complete: no
/// `-shm` file, and no `-wal` file or an empty one.
fn wal_is_idle(path: &std::path::Path) -> bool {
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
fn immutable_uri(path: &std::path::Path) -> Option<String> {
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

/// Whole claim rows by store id, read in chunks that stay under SQLite's
/// limit on bound parameters.
pub fn claims_by_id(
    conn: &Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, ClaimRow>> {
    let mut rows = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(30_000) {
        for c in claims(
            conn,
            &ClaimFilter {
                ids: Some(chunk.to_vec()),
                ..Default::default()
            },
        )? {
            rows.insert(c.id, c);
        }
    }
    Ok(rows)
}

/// Actors by store ids, in id order.
pub fn actors_by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<ActorRow>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, kind, part_of FROM actors WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(a) = stmt
            .query_row([id], |r| {
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    part_of: r.get(3)?,
                })
            })
            .optional()?
        {
            out.push(a);
        }
    }
    out.sort_by_key(|a| a.id);
    Ok(out)
}

/// How many documents the store holds: a command that finds nothing on an
/// empty store says so differently from one that filtered everything out.
pub fn document_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?)
}

/// Turns a missing row into a [`Error::NotFound`] with a message.
pub fn require<T>(v: Option<T>, what: impl FnOnce() -> String) -> Result<T> {
    v.ok_or_else(|| Error::NotFound(what()))
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small store written with plain SQL, for the query tests of this
    //! crate (the real ingest lives with the core).

    use rusqlite::{Connection, params};

    /// An in-memory database with the schema applied and nothing in it.
    pub fn empty() -> Connection {
        let conn = Connection::open_in_memory().expect("memory db");
        for (_, sql) in crate::store::MIGRATIONS {
            conn.execute_batch(sql).expect("schema");
        }
        conn
    }

    /// Inserts an actor and its names; returns its id.
    pub fn actor(
        conn: &Connection,
        name: &str,
        kind: &str,
        part_of: Option<i64>,
        aliases: &[&str],
    ) -> i64 {
        conn.execute(
            "INSERT INTO actors (name, norm, kind, part_of) VALUES (?1, lower(?1), ?2, ?3)",
            params![name, kind, part_of],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        for n in std::iter::once(&name).chain(aliases) {
            conn.execute(
                "INSERT INTO actor_names (actor_id, norm, name, canonical, mergeable)
                 VALUES (?1, lower(?2), ?2, 1, 1)",
                params![id, n],
            )
            .unwrap();
        }
        id
    }

    /// Inserts a document; returns its id.
    pub fn document(conn: &Connection, key: &str, publisher: &str, published: &str) -> i64 {
        conn.execute(
            "INSERT INTO documents (key, title, publisher, published, recorded_at, bundle_hash)
             VALUES (?1, ?1, ?2, ?3, '2026-01-01T00:00:00Z', ?1)",
            params![key, publisher, published],
        )
        .unwrap();
        conn.last_insert_rowid()
    }

    /// Inserts an event with a TimeML value and participants; returns its id.
    pub fn event(
        conn: &Connection,
        doc: i64,
        kind: &str,
        label: &str,
        value: Option<&str>,
        who: &[i64],
    ) -> i64 {
        let t = value.map(crate::model::TimeValue::from_value);
        conn.execute(
            "INSERT INTO events (document_id, local_id, kind, label, t_value, t_start, t_end, t_granularity,
                                 status, ev_start, ev_end, ev_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'occurred', 0, 10, ?4)",
            params![
                doc,
                format!("e{label}"),
                kind,
                label,
                value,
                t.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
                t.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
                t.as_ref().and_then(|t| t.granularity).map(|g| g.as_str())
            ],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO events_fts (rowid, label, place, ev_text) VALUES (?1, ?2, NULL, ?2)",
            params![id, label],
        )
        .unwrap();
        for &a in who {
            conn.execute(
                "INSERT INTO event_participants VALUES (?1, ?2, 'participant')",
                params![id, a],
            )
            .unwrap();
        }
        id
    }

    /// What a fixture claim says.
    #[derive(Default)]
    pub struct C<'a> {
        pub claimant: i64,
        pub via: &'a [i64],
        pub subject: Option<&'a str>,
        pub statement: &'a str,
        pub value: Option<f64>,
        pub lower: Option<f64>,
        pub upper: Option<f64>,
        pub unit: Option<&'a str>,
        pub polarity: &'a str,
        pub valid: Option<&'a str>,
        pub stated: Option<&'a str>,
        pub about: &'a [i64],
    }

    /// Inserts a claim; returns its id.
    pub fn claim(conn: &Connection, doc: i64, c: C) -> i64 {
        let valid = c.valid.map(crate::model::TimeValue::from_value);
        let stated = c.stated.map(crate::model::TimeValue::from_value);
        let n: i64 = conn
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        conn.execute(
            "INSERT INTO claims (document_id, local_id, claimant_id, subject, statement, q_value, q_lower, q_upper,
                                 q_unit, polarity, modality, stated_value, stated_start, stated_end,
                                 valid_value, valid_start, valid_end, ev_start, ev_end, ev_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'assertion', ?11, ?12, ?13, ?14, ?15, ?16, 0, 5, ?5)",
            params![
                doc,
                format!("c{n}"),
                c.claimant,
                c.subject,
                c.statement,
                c.value,
                c.lower,
                c.upper,
                c.unit,
                if c.polarity.is_empty() { "affirm" } else { c.polarity },
                c.stated,
                stated.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
                stated.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
                c.valid,
                valid.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
                valid.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
            ],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO claims_fts (rowid, statement, subject, ev_text) VALUES (?1, ?2, ?3, ?2)",
            params![id, c.statement, c.subject.unwrap_or("")],
        )
        .unwrap();
        for (i, &v) in c.via.iter().enumerate() {
            conn.execute(
                "INSERT INTO claim_via VALUES (?1, ?2, ?3)",
                params![id, i as i64, v],
            )
            .unwrap();
        }
        for &a in c.about {
            conn.execute(
                "INSERT INTO claim_about (claim_id, actor_id) VALUES (?1, ?2)",
                params![id, a],
            )
            .unwrap();
        }
        id
    }

    /// Inserts a relation; returns its id.
    pub fn relation(conn: &Connection, doc: i64, source: i64, kind: &str, target: i64) -> i64 {
        conn.execute(
            "INSERT INTO relations (document_id, source_id, kind, target_id, ev_start, ev_end, ev_text)
             VALUES (?1, ?2, ?3, ?4, 0, 1, 'relation evidence')",
            params![doc, source, kind, target],
        )
        .unwrap();
        conn.last_insert_rowid()
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{self as fx, C, claim, document, empty, event, relation};
    use super::*;

    /// A reader that opens a file an ingest has just created waits for its
    /// schema instead of calling it no database.
    #[test]
    fn a_reader_waits_for_the_schema_of_a_file_being_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        std::fs::File::create(&path).unwrap();
        let writer = {
            let path = path.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(300));
                crate::store::Store::open(&path).unwrap();
            })
        };
        let conn = open_read(&path).expect("the schema appears");
        writer.join().unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        let other = dir.path().join("empty.db");
        std::fs::File::create(&other).unwrap();
        let conn = Connection::open(&other).unwrap();
        let t = std::time::Instant::now();
        assert!(wait_for_schema(&conn, std::time::Duration::from_millis(200)).is_ok());
        assert!(t.elapsed() >= std::time::Duration::from_millis(200));
    }

    #[test]
    fn plain_words_are_quoted_for_fts5() {
        assert_eq!(fts_words("troops("), "\"troops(\"");
        assert_eq!(
            fts_words(" say \"no\"  OR"),
            "\"say\" \"\"\"no\"\"\" \"OR\""
        );
        assert_eq!(fts_words(""), "");
    }

    #[test]
    fn events_filter_by_time_actor_and_publication() {
        let db = empty();
        let biden = fx::actor(&db, "Joe Biden", "person", None, &["Biden"]);
        let putin = fx::actor(&db, "Vladimir Putin", "person", None, &[]);
        let d1 = document(&db, "d1", "CNN", "2021-12-04");
        let d2 = document(&db, "d2", "Reuters", "2022-01-10");
        let call = event(
            &db,
            d1,
            "call",
            "video call",
            Some("2021-12-07"),
            &[biden, putin],
        );
        let june = event(
            &db,
            d1,
            "meeting",
            "Geneva summit",
            Some("2021-06"),
            &[biden, putin],
        );
        let talks = event(&db, d2, "meeting", "talks", Some("2022-01-10"), &[putin]);
        let undated = event(&db, d2, "statement", "undated", None, &[biden]);

        let all = events(&db, &EventFilter::default()).unwrap();
        assert_eq!(
            all.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![june, call, talks, undated]
        );
        assert_eq!(all[1].participants.len(), 2);

        let f = EventFilter {
            from: Some("2021-12-01".into()),
            to: Some("2021-12-31".into()),
            ..Default::default()
        };
        assert_eq!(
            events(&db, &f)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![call]
        );
        // A month-long value overlaps a window that starts inside it.
        let f = EventFilter {
            from: Some("2021-06-15".into()),
            to: Some("2021-06-20".into()),
            ..Default::default()
        };
        assert_eq!(
            events(&db, &f)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![june]
        );

        let f = EventFilter {
            actors: vec![biden],
            ..Default::default()
        };
        assert_eq!(events(&db, &f).unwrap().len(), 3);
        let f = EventFilter {
            as_of: Some("2021-12-31".into()),
            ..Default::default()
        };
        assert_eq!(events(&db, &f).unwrap().len(), 2);
        let f = EventFilter {
            outlet: Some("reuters".into()),
            ..Default::default()
        };
        assert_eq!(
            events(&db, &f)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![talks, undated]
        );
    }

    #[test]
    fn claims_search_chain_and_quantities() {
        let db = empty();
        let ukraine = fx::actor(&db, "Ukraine", "country", None, &["Kyiv"]);
        let official = fx::actor(&db, "unnamed official", "anonymous", None, &[]);
        let reuters = fx::actor(&db, "Reuters", "media", None, &[]);
        let d = document(&db, "d1", "CNN", "2021-12-04");
        let c1 = claim(
            &db,
            d,
            C {
                claimant: ukraine,
                statement: "around 95,000 Russian troops near the border",
                value: Some(95_000.0),
                unit: Some("troops"),
                valid: Some("2021-12"),
                ..Default::default()
            },
        );
        let c2 = claim(
            &db,
            d,
            C {
                claimant: official,
                via: &[reuters],
                statement: "Biden will warn Putin",
                ..Default::default()
            },
        );
        let found = claims(
            &db,
            &ClaimFilter {
                text: Some("troops".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), vec![c1]);
        assert_eq!(found[0].quantity.as_ref().unwrap().value, Some(95_000.0));
        assert_eq!(
            found[0].valid.as_ref().unwrap().granularity,
            Some(Granularity::Month)
        );

        let relayed = claims(
            &db,
            &ClaimFilter {
                via: vec![reuters],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(relayed.len(), 1);
        assert_eq!(relayed[0].id, c2);
        assert_eq!(relayed[0].via[0].name, "Reuters");
        let numeric = claims(
            &db,
            &ClaimFilter {
                with_quantity: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(numeric.len(), 1);
    }

    #[test]
    fn actor_lookup_and_links() {
        let db = empty();
        let us = fx::actor(
            &db,
            "United States",
            "country",
            None,
            &["U.S.", "Washington"],
        );
        let biden = fx::actor(&db, "Joe Biden", "person", Some(us), &["Biden"]);
        let putin = fx::actor(&db, "Vladimir Putin", "person", None, &["Putin"]);
        let d = document(&db, "d1", "CNN", "2021-12-04");
        let ev = event(&db, d, "call", "call", Some("2021-12-07"), &[biden, putin]);
        let rel = relation(&db, d, us, "sanctions", putin);
        assert_eq!(
            actors_named(&db, "washington", "washington").unwrap()[0].id,
            us
        );
        assert!(actors_named(&db, "nobody", "nobody").unwrap().is_empty());
        assert_eq!(actor_aliases(&db, us).unwrap(), vec!["U.S.", "Washington"]);
        let mut adj = Vec::new();
        node_neighbors(&db, Node::Actor(putin), &mut adj).unwrap();
        assert_eq!(
            adj,
            vec![
                (Node::Event(ev), "participant".to_owned()),
                (Node::Relation(rel), "target".to_owned())
            ]
        );
        assert_eq!(actor_parts(&db, us).unwrap()[0].id, biden);
    }
}

/// The [`ClaimBrief`] of every claim, in id order, read in one scan (for
/// the claim-brief snapshot of `sources`); the same columns and decoding as
/// [`claim_briefs`].
pub fn all_claim_briefs(
    conn: &Connection,
    mut f: impl FnMut(ClaimBrief) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {BRIEF_COLS} FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(brief_at(r)?)?;
    }
    Ok(())
}
