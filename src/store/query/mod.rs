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

mod attribution;
mod open;
mod scan;
pub use attribution::*;
pub use open::*;
pub use scan::*;

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
pub(crate) mod fixture;

#[cfg(test)]
mod tests;
