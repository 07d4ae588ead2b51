//! Events (and dated claims) in time order, each with the documents and
//! outlets that report it.
//!
//! The store keeps one event row per reporting document. The timeline joins
//! rows from different documents that describe the same happening (same kind,
//! same time value, a shared participant or the same label) into one item
//! with several reports; within one document two rows stay two items.

use super::time;
use super::{fold, fold_matches, outlet_of};
use crate::Result;
use crate::model::{Factuality, FactualityFilter, TimeValue};
use crate::store::query::{self as q, ActorRef, ClaimFilter, DocRef, EventFilter};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeSet;

/// Filters of a timeline; dates as `YYYY[-MM[-DD]]`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub from: Option<String>,
    pub to: Option<String>,
    /// Actor names; items involving any of them.
    pub actors: Vec<String>,
    /// Event kind.
    pub kind: Option<String>,
    /// Publisher of a reporting document.
    pub outlet: Option<String>,
    /// Only what had been published by this date.
    pub as_of: Option<String>,
    /// Add dated claims to the events.
    pub claims: bool,
    /// Read event rows through SQL only, never through `<db>.cache/timeline.tl` (for
    /// comparing the two paths; the answers are the same).
    pub no_snapshot: bool,
    /// Which events to show: asserted ones unless asked (claims are shown
    /// whatever their content's factuality, labelled: the saying happened).
    pub factuality: FactualityFilter,
}

/// One document reporting an item, with the evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Store id of the event or claim row.
    pub id: i64,
    pub document: DocRef,
    /// The outlet (publisher, else document id).
    pub outlet: String,
    /// The sentence the item was read from.
    pub evidence: String,
    /// For claims: `outlet > intermediaries > claimant`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<String>,
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// `event` or `claim`.
    pub item: &'static str,
    /// The time as text, at its own precision ("June 2021").
    pub when: String,
    /// The time value behind it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeValue>,
    /// Event kind, or the claim's modality.
    pub kind: String,
    /// `occurred`, `planned`... for events; `affirm`/`deny` for claims.
    pub status: String,
    /// How the text tells of it, when not as a plain fact.
    #[serde(skip_serializing_if = "Factuality::is_asserted")]
    pub factuality: Factuality,
    /// What happened, or what was claimed.
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Participants (events) or claimant (claims).
    pub actors: Vec<ActorRef>,
    /// Every document that reports it, earliest first.
    pub reports: Vec<Report>,
    /// Distinct outlets among the reports.
    pub outlets: Vec<String>,
    /// Independent sources: distinct outlets for an event; distinct original
    /// claimants for a claim (relays do not count twice).
    pub sources: usize,
    /// For claims: whether it is a side of a conflict (`conflicts`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conflicting: bool,
    /// Its time only overlaps the window asked for ("2016" in a week of
    /// October 2016): listed after the items dated within the window.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
}

/// Whether a time with these bounds only overlaps the window `from..=to`
/// rather than lying within it at its own precision. Without a window
/// nothing is background; a time with an open side is, and so is one
/// that only bounds the event ("not after 25 July": any time before it).
pub fn is_background(
    bounds: Option<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)>,
    modifier: Option<crate::model::Modifier>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> bool {
    use crate::model::Modifier as M;
    if from.is_none() && to.is_none() {
        return false;
    }
    if matches!(
        modifier,
        Some(M::Before | M::After | M::OnOrBefore | M::OnOrAfter)
    ) {
        return true;
    }
    match bounds {
        Some((Some(s), Some(e))) => !(from.is_none_or(|f| s >= f) && to.is_none_or(|t| e <= t)),
        _ => true,
    }
}

/// The window's days as dates (they come checked from [`dates`]).
fn window_days(
    from: &Option<String>,
    to: &Option<String>,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let d = |s: &Option<String>| s.as_deref().and_then(|s| s.parse().ok());
    (d(from), d(to))
}

impl Item {
    /// Time-order key: start of the time value, undated last.
    pub fn sort_key(&self) -> (bool, chrono::NaiveDate, chrono::NaiveDate) {
        time::sort_key(self.time.as_ref())
    }
}

fn when(t: Option<&TimeValue>, status: &str) -> String {
    t.map(|t| time::display(t, status == "ongoing"))
        .unwrap_or_else(|| "undated".to_owned())
}

/// The event rows of `f` read from `<db>.cache/timeline.tl` (and, for actors, its actor
/// index `<db>.cache/timeline.tla`) when the store is a file and the snapshot can answer;
/// `None` sends the caller to SQL.
fn snapshot_rows(
    conn: &Connection,
    opt: &Options,
    f: &EventFilter,
) -> Result<Option<Vec<q::EventRow>>> {
    if opt.no_snapshot || f.ids.is_some() {
        return Ok(None);
    }
    let Some(db) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let db = std::path::Path::new(db);
    let fp = q::fingerprint(conn)?;
    let Some(snap) = super::tlsnap::TimelineSnapshot::open_for(conn, db, &fp)? else {
        return Ok(None);
    };
    let floor = match &f.from {
        Some(from) => q::window_floor(conn, from)?,
        None => None,
    };
    let w = super::tlsnap::Window {
        from: f.from.as_deref(),
        floor: floor.as_deref(),
        to: f.to.as_deref(),
        kind: f.kind.as_deref(),
        outlet: f.outlet.as_deref(),
        as_of: f.as_of.as_deref(),
        factuality: f.factuality,
    };
    // A snapshot that fails to read is only a cache: SQL answers instead.
    if f.actors.is_empty() {
        return Ok(snap.events(&w).ok());
    }
    let Some(ix) = super::tlsnap::ActorIndex::open(&snap, db, &fp)? else {
        return Ok(None);
    };
    Ok(snap
        .actor_events(&ix, &f.actors, &w)
        .ok()
        .map(|v| v.iter().map(super::tlsnap::RawEvent::to_row).collect()))
}

/// What joining event rows into items reads of a row.
pub(crate) trait EventKeys {
    fn doc_id(&self) -> i64;
    fn kind(&self) -> &str;
    /// Time value and modifier: rows are joined only when both are equal.
    fn value_key(&self) -> Option<(&str, Option<&'static str>)>;
    fn label(&self) -> &str;
    fn place(&self) -> Option<&str>;
    fn actor_ids(&self) -> impl Iterator<Item = i64> + '_;
}

impl EventKeys for q::EventRow {
    fn doc_id(&self) -> i64 {
        self.document.id
    }
    fn kind(&self) -> &str {
        &self.kind
    }
    fn value_key(&self) -> Option<(&str, Option<&'static str>)> {
        self.time
            .as_ref()
            .map(|t| (t.value.as_str(), t.modifier.map(|m| m.as_str())))
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }
    fn actor_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.participants.iter().map(|p| p.actor.id)
    }
}

impl EventKeys for super::tlsnap::RawEvent<'_> {
    fn doc_id(&self) -> i64 {
        self.document.id
    }
    fn kind(&self) -> &str {
        self.kind
    }
    fn value_key(&self) -> Option<(&str, Option<&'static str>)> {
        self.time
            .as_ref()
            .map(|t| (t.value, t.modifier.map(|m| m.as_str())))
    }
    fn label(&self) -> &str {
        self.label
    }
    fn place(&self) -> Option<&str> {
        self.place
    }
    fn actor_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.participants.iter().map(|p| p.id)
    }
}

/// Rows borrowed from the pieces they were decoded in, so that joining
/// the pieces copies a pointer per row instead of the rows.
impl<T: EventKeys> EventKeys for &T {
    fn doc_id(&self) -> i64 {
        (**self).doc_id()
    }
    fn kind(&self) -> &str {
        (**self).kind()
    }
    fn value_key(&self) -> Option<(&str, Option<&'static str>)> {
        (**self).value_key()
    }
    fn label(&self) -> &str {
        (**self).label()
    }
    fn place(&self) -> Option<&str> {
        (**self).place()
    }
    fn actor_ids(&self) -> impl Iterator<Item = i64> + '_ {
        (**self).actor_ids()
    }
}

/// FNV-1a (the extractor's hasher) for the short keys of [`group_events`]:
/// SipHash's defence against chosen keys buys nothing for a store's own rows
/// and cost a tenth of a long timeline.
type Fnv = std::hash::BuildHasherDefault<crate::extract::lexicon::Fnv>;

/// One timeline item as positions in the rows it was joined from.
pub(crate) struct Group {
    /// The rows it reports, in the order they joined it.
    pub rows: Vec<usize>,
    /// Its actors as `(row, participant)`, each actor once, first seen first.
    pub actors: Vec<(usize, usize)>,
}

/// Joins rows from different documents that describe the same happening
/// into one group: same kind, same time value, no two places, and either
/// the same label (with the same participants, one side's within the
/// other's, or none named on one side) or such participants (not for
/// statements: two things one person said on one day are two statements). Within one document two rows stay
/// two groups. Rows are taken in order and join the first group that fits.
pub(crate) fn group_events<R: EventKeys>(rows: &[R]) -> Vec<Group> {
    group_rows(rows, 0..rows.len())
}

/// [`group_events`] on two cores: rows of different kind or time value
/// never join, so the rows split by a hash of that key are grouped apart,
/// each part in row order, with the same groups. Only their order differs
/// (the caller sorts them).
fn group_events_split<R: EventKeys + Sync>(rows: &[R]) -> Vec<Group> {
    use std::hash::BuildHasher;
    let mut parts: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (i, e) in rows.iter().enumerate() {
        let h = Fnv::default().hash_one((e.kind(), e.value_key()));
        parts[(h >> 7) as usize & 1].push(i);
    }
    let [a, b] = parts;
    let (mut ga, gb) = rayon::join(
        || group_rows(rows, a.into_iter()),
        || group_rows(rows, b.into_iter()),
    );
    ga.extend(gb);
    ga
}

/// The bit of an actor id in a group's actor signature.
fn actor_bit(id: i64) -> u64 {
    1 << (id as u64 & 63)
}

/// FNV-1a of `fold(label)`, without building it when the label is ASCII:
/// equal folded labels hash alike.
fn folded_hash(label: &str) -> u64 {
    fn eat(h: u64, b: u8) -> u64 {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if !label.is_ascii() {
        return fold(label).bytes().fold(h, eat);
    }
    for (i, word) in label.split_whitespace().enumerate() {
        if i > 0 {
            h = eat(h, b' ');
        }
        h = word.bytes().fold(h, |h, b| eat(h, b.to_ascii_lowercase()));
    }
    h
}

/// [`group_events`] over the rows at `order`, taken in that order.
fn group_rows<R: EventKeys>(rows: &[R], order: impl Iterator<Item = usize>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // An item has a handful of actors: a list beats a set here.
    let mut people: Vec<Vec<i64>> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut places: Vec<Option<String>> = Vec::new();
    type Key<'k> = (&'k str, Option<(&'k str, Option<&'static str>)>);
    // Candidates share kind and time value; only those are compared, so
    // a long timeline does not compare every pair of rows.
    let mut by_key: std::collections::HashMap<Key, Vec<usize>, Fnv> =
        std::collections::HashMap::default();
    // Per group, a bit per actor id (modulo 64) and the hash of its folded
    // label: a candidate that shares neither is passed over without
    // reading its lists (most candidates of a busy day are such).
    let mut sig: Vec<(u64, u64)> = Vec::new();
    // The row's actors, read once per row rather than once per candidate.
    let mut ids: Vec<i64> = Vec::new();
    for ri in order {
        let e = &rows[ri];
        ids.clear();
        ids.extend(e.actor_ids());
        let bits = ids.iter().fold(0u64, |b, &id| b | actor_bit(id));
        let lh = folded_hash(e.label());
        let key = (e.kind(), e.value_key());
        // Labels are compared folded; a row's label is folded only when it
        // opens a group (most rows of a long timeline do not join one).
        let same = by_key.get(&key).and_then(|cands| {
            // The group's own actors and label first: most candidates
            // fail there, before their rows' documents are looked up.
            cands.iter().copied().find(|&g| {
                let (gb, gh) = sig[g];
                // The same participants, or one report naming fewer of
                // them ("Putin" for "Biden and Putin").
                let nested = gb & bits != 0
                    && (ids.iter().all(|id| people[g].contains(id))
                        || people[g].iter().all(|id| ids.contains(id)));
                let someone_unnamed = ids.is_empty() || people[g].is_empty();
                let same_label = gh == lh && fold_matches(e.label(), &labels[g]);
                let agrees = if same_label {
                    nested || someone_unnamed
                } else {
                    nested && e.kind() != "statement"
                };
                agrees
                    && match (&places[g], e.place()) {
                        (Some(a), Some(b)) => fold_matches(b, a),
                        _ => true,
                    }
                    && !groups[g]
                        .rows
                        .iter()
                        .any(|&r| rows[r].doc_id() == e.doc_id())
            })
        });
        match same {
            Some(g) => {
                groups[g].rows.push(ri);
                if places[g].is_none() {
                    places[g] = e.place().map(fold);
                }
                for (pi, &id) in ids.iter().enumerate() {
                    if !people[g].contains(&id) {
                        people[g].push(id);
                        sig[g].0 |= actor_bit(id);
                        groups[g].actors.push((ri, pi));
                    }
                }
            }
            None => {
                // Sized once: growing them from empty was a reallocation
                // per new group.
                let mut who = Vec::with_capacity(ids.len());
                let mut actors = Vec::with_capacity(ids.len());
                for (pi, &id) in ids.iter().enumerate() {
                    if !who.contains(&id) {
                        who.push(id);
                        actors.push((ri, pi));
                    }
                }
                by_key.entry(key).or_default().push(groups.len());
                let mut rows_of = Vec::with_capacity(4);
                rows_of.push(ri);
                groups.push(Group {
                    rows: rows_of,
                    actors,
                });
                people.push(who);
                labels.push(fold(e.label()));
                places.push(e.place().map(fold));
                sig.push((bits, lh));
            }
        }
    }
    groups
}

/// The window and cut-off of the options as `YYYY-MM-DD`.
fn dates(opt: &Options) -> Result<(Option<String>, Option<String>, Option<String>)> {
    let day = |s: &Option<String>, end: bool| -> Result<Option<String>> {
        match s {
            None => Ok(None),
            Some(s) => time::parse_day(s, end)
                .map(|d| Some(d.to_string()))
                .ok_or_else(|| {
                    crate::Error::NotFound(format!(
                        "not a date: {s:?} (use YYYY, YYYY-MM or YYYY-MM-DD)"
                    ))
                }),
        }
    };
    Ok((
        day(&opt.from, false)?,
        day(&opt.to, true)?,
        day(&opt.as_of, true)?,
    ))
}

/// Builds the timeline.
pub fn timeline(conn: &Connection, opt: &Options) -> Result<Vec<Item>> {
    let (from, to, as_of) = dates(opt)?;
    let win = window_days(&from, &to);
    let actors: Vec<i64> = opt
        .actors
        .iter()
        .map(|n| super::resolve_actor(conn, n).map(|a| a.id))
        .collect::<Result<_>>()?;
    let filter = EventFilter {
        from: from.clone(),
        to: to.clone(),
        actors: actors.clone(),
        kind: opt.kind.clone(),
        outlet: opt.outlet.clone(),
        as_of: as_of.clone(),
        ids: None,
        factuality: Some(opt.factuality),
    };
    let rows = match snapshot_rows(conn, opt, &filter)? {
        Some(rows) => rows,
        None => q::events(conn, &filter)?,
    };

    let groups = group_events(&rows);
    let mut items: Vec<Item> = groups
        .iter()
        .map(|g| {
            let e = &rows[g.rows[0]];
            Item {
                item: "event",
                when: when(e.time.as_ref(), &e.status),
                time: e.time.clone(),
                kind: e.kind.clone(),
                status: e.status.clone(),
                factuality: e.factuality,
                label: super::labelled(&e.label, e.factuality),
                place: e.place.clone(),
                actors: g
                    .actors
                    .iter()
                    .map(|&(r, p)| rows[r].participants[p].actor.clone())
                    .collect(),
                reports: g
                    .rows
                    .iter()
                    .map(|&r| {
                        let e = &rows[r];
                        Report {
                            id: e.id,
                            outlet: outlet_of(&e.document),
                            document: e.document.clone(),
                            evidence: e.evidence.text.clone(),
                            chain: None,
                        }
                    })
                    .collect(),
                outlets: Vec::new(),
                sources: 0,
                conflicting: false,
                background: false,
            }
        })
        .collect();

    if opt.claims {
        let conflicting: BTreeSet<i64> = super::conflicts::conflicts(
            conn,
            &super::conflicts::Options {
                as_of: as_of.clone(),
                ..Default::default()
            },
        )?
        .conflicts
        .iter()
        .flat_map(|g| g.disagreements.iter().flat_map(|d| d.claims))
        .collect();
        let filter = ClaimFilter {
            by: actors.clone(),
            outlet: opt.outlet.clone(),
            from,
            to,
            as_of,
            ..Default::default()
        };
        let rows = q::claims(conn, &filter)?;
        let mut about_actor = rows;
        if !actors.is_empty() {
            // Claims about the actors count too, not only claims they made.
            let have: std::collections::HashSet<i64> = about_actor.iter().map(|c| c.id).collect();
            let about = q::claims(
                conn,
                &ClaimFilter {
                    by: Vec::new(),
                    ..filter.clone()
                },
            )?;
            for c in about {
                if c.about_actors.iter().any(|a| actors.contains(&a.id)) && !have.contains(&c.id) {
                    about_actor.push(c);
                }
            }
        }
        let mut claim_items: Vec<(Item, i64, String)> = Vec::new();
        let mut claim_index: std::collections::HashMap<(i64, String), usize> =
            std::collections::HashMap::new();
        for c in about_actor {
            let Some(t) = c.valid.clone().or_else(|| c.stated.clone()) else {
                continue;
            };
            let outlet = outlet_of(&c.document);
            let chain = super::chain_text(
                &outlet,
                c.via.iter().map(|a| a.name.as_str()),
                &c.claimant.name,
            );
            let report = Report {
                id: c.id,
                outlet,
                document: c.document.clone(),
                evidence: c.evidence.text.clone(),
                chain: Some(chain),
            };
            let key = (c.claimant.id, fold(&c.statement));
            if let Some(&i) = claim_index.get(&key) {
                let it = &mut claim_items[i].0;
                it.reports.push(report);
                it.conflicting |= conflicting.contains(&c.id);
                continue;
            }
            claim_index.insert(key.clone(), claim_items.len());
            let key = key.1;
            claim_items.push((
                Item {
                    item: "claim",
                    when: when(Some(&t), ""),
                    time: Some(t),
                    kind: c.modality.clone(),
                    status: c.polarity.clone(),
                    factuality: c.factuality,
                    label: super::labelled(
                        &format!("{}: {}", c.claimant.name, c.statement),
                        c.factuality,
                    ),
                    place: None,
                    actors: vec![c.claimant.clone()],
                    reports: vec![report],
                    outlets: Vec::new(),
                    sources: 1,
                    conflicting: conflicting.contains(&c.id),
                    background: false,
                },
                c.claimant.id,
                key,
            ));
        }
        // A statement event read from the sentence a shown claim was read
        // from is that claim again.
        let said: std::collections::HashSet<(i64, &str)> = claim_items
            .iter()
            .flat_map(|(it, _, _)| it.reports.iter())
            .map(|r| (r.document.id, r.evidence.as_str()))
            .collect();
        items.retain(|it| {
            it.kind != "statement"
                || !it
                    .reports
                    .iter()
                    .any(|r| said.contains(&(r.document.id, r.evidence.as_str())))
        });
        items.extend(claim_items.into_iter().map(|(it, _, _)| it));
    }

    for it in &mut items {
        it.reports
            .sort_by(|a, b| (&a.document.published, a.id).cmp(&(&b.document.published, b.id)));
        let outlets: BTreeSet<String> = it.reports.iter().map(|r| r.outlet.clone()).collect();
        it.outlets = outlets.into_iter().collect();
        if it.item == "event" {
            it.sources = it.outlets.len();
        }
        it.background = is_background(
            it.time.as_ref().map(|t| (t.start, t.end)),
            it.time.as_ref().and_then(|t| t.modifier),
            win.0,
            win.1,
        );
    }
    items.sort_by(|a, b| {
        (a.background, a.sort_key(), a.item, a.reports[0].id).cmp(&(
            b.background,
            b.sort_key(),
            b.item,
            b.reports[0].id,
        ))
    });
    Ok(items)
}

/// Non-zero when one of the eight bytes of `x` is a control character, a
/// quote or a backslash (the bytes JSON escapes): the classic "has a byte
/// less than n" and "has a zero byte" tricks, exact for these constants.
fn needs_escape(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    below(x, 0x20) | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')))
}

/// Pretty JSON written byte for byte as `serde_json::to_writer_pretty`
/// writes it (two-space indent, `"key": value`, `[]` for an empty array).
struct Pretty {
    buf: Vec<u8>,
    /// One line, as `serde_json::to_writer` writes it.
    compact: bool,
    indent: usize,
    /// Per open array or object: whether it has a member yet.
    has: Vec<bool>,
}

impl Pretty {
    fn new() -> Self {
        Pretty {
            buf: Vec::new(),
            compact: crate::export::compact_json(),
            indent: 0,
            has: Vec::new(),
        }
    }

    /// A writer of elements of a top-level array, after its `[` and after
    /// `before` elements (none: no comma first).
    fn elements(&mut self, before: bool) {
        self.buf.clear();
        self.indent = 1;
        self.has.clear();
        self.has.push(before);
    }

    fn open(&mut self, c: u8) {
        self.buf.push(c);
        self.indent += 1;
        self.has.push(false);
    }

    fn close(&mut self, c: u8) {
        self.indent -= 1;
        if self.has.pop() == Some(true) {
            self.newline();
        }
        self.buf.push(c);
    }

    fn newline(&mut self) {
        const SPACES: &[u8; 64] = &[b' '; 64];
        if self.compact {
            return;
        }
        self.buf.push(b'\n');
        let mut n = 2 * self.indent;
        while n > 0 {
            let k = n.min(SPACES.len());
            self.buf.extend_from_slice(&SPACES[..k]);
            n -= k;
        }
    }

    /// Before an array element or an object key.
    fn member(&mut self) {
        if let Some(h) = self.has.last_mut() {
            if *h {
                self.buf.push(b',');
            }
            *h = true;
        }
        self.newline();
    }

    /// A key: the field names of an item, which JSON never escapes.
    fn key(&mut self, k: &'static str) {
        debug_assert!(!k.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
        self.member();
        self.buf.push(b'"');
        self.buf.extend_from_slice(k.as_bytes());
        self.buf
            .extend_from_slice(if self.compact { b"\":" } else { b"\": " });
    }

    /// A string with serde_json's escapes: quote, backslash and control
    /// characters only (`\b \t \n \f \r`, else `\u00xx`).
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.buf.push(b'"');
        let bytes = s.as_bytes();
        // Most strings need no escape: eight bytes at a time, one copy.
        let plain = {
            let mut chunks = bytes.chunks_exact(8);
            let mut hit = 0u64;
            for c in &mut chunks {
                hit |= needs_escape(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
            }
            let mut tail = [b' '; 8];
            tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
            hit |= needs_escape(u64::from_le_bytes(tail));
            hit == 0
        };
        if plain {
            self.buf.extend_from_slice(bytes);
            self.buf.push(b'"');
            return;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let esc: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                0x08 => b"\\b",
                b'\t' => b"\\t",
                b'\n' => b"\\n",
                0x0c => b"\\f",
                b'\r' => b"\\r",
                0..=0x1f => &[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 15) as usize],
                ],
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[start..i]);
            self.buf.extend_from_slice(esc);
            start = i + 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    fn int(&mut self, v: i64) {
        // Decimal digits by hand: the formatting machinery cost more than
        // the digits for the 200,000 numbers of a long timeline.
        let mut digits = [0u8; 20];
        let mut n = v.unsigned_abs();
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if v < 0 {
            self.buf.push(b'-');
        }
        self.buf.extend_from_slice(&digits[at..]);
    }

    fn kv_str(&mut self, k: &'static str, v: &str) {
        self.key(k);
        self.str(v);
    }

    fn kv_int(&mut self, k: &'static str, v: i64) {
        self.key(k);
        self.int(v);
    }

    fn kv_opt(&mut self, k: &'static str, v: Option<&str>) {
        if let Some(v) = v {
            self.kv_str(k, v);
        }
    }

    fn kv_date(&mut self, k: &'static str, d: Option<chrono::NaiveDate>) {
        use chrono::Datelike;
        use std::io::Write;
        if let Some(d) = d {
            self.key(k);
            // chrono serialises a date through its Debug form: `YYYY-MM-DD`
            // for years 0 to 9999, written here by hand (the formatting
            // machinery cost a twentieth of a long timeline), else with a
            // sign, left to chrono.
            let y = d.year();
            if (0..=9999).contains(&y) {
                let (y, m, day) = (y as u32, d.month(), d.day());
                let digit = |v: u32| b'0' + (v % 10) as u8;
                self.buf.extend_from_slice(&[
                    b'"',
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    b'-',
                    digit(m / 10),
                    digit(m),
                    b'-',
                    digit(day / 10),
                    digit(day),
                    b'"',
                ]);
            } else {
                let _ = write!(self.buf, "\"{d:?}\"");
            }
        }
    }
}

/// `timeline --format json` for the events of a window read from
/// `<db>.cache/timeline.tl` and written straight from the snapshot's bytes: the items
/// [`timeline`] builds, serialised as [`crate::export::json`] serialises
/// them, without an owned row or item in between. Returns the number of
/// items, or `None` (having written nothing) when the snapshot cannot
/// answer: claims, an in-memory store, a store it cannot describe, a
/// directory where the snapshot or its actor index cannot be written.
pub fn write_json(
    conn: &Connection,
    opt: &Options,
    out: &mut dyn std::io::Write,
) -> Result<Option<usize>> {
    if opt.no_snapshot || opt.claims {
        return Ok(None);
    }
    let Some(db) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let db = std::path::Path::new(db);
    let (from, to, as_of) = dates(opt)?;
    let win = window_days(&from, &to);
    let actors: Vec<i64> = opt
        .actors
        .iter()
        .map(|n| super::resolve_actor(conn, n).map(|a| a.id))
        .collect::<Result<_>>()?;
    let fp = q::fingerprint(conn)?;
    let Some(snap) = super::tlsnap::TimelineSnapshot::open_for(conn, db, &fp)? else {
        return Ok(None);
    };
    let floor = match &from {
        Some(from) => q::window_floor(conn, from)?,
        None => None,
    };
    let w = super::tlsnap::Window {
        from: from.as_deref(),
        floor: floor.as_deref(),
        to: to.as_deref(),
        kind: opt.kind.as_deref(),
        outlet: opt.outlet.as_deref(),
        as_of: as_of.as_deref(),
        factuality: Some(opt.factuality),
    };
    let mut parts = Vec::new();
    if actors.is_empty() {
        let Ok(pieces) = snap.slices(&w, 2) else {
            return Ok(None);
        };
        // The pieces are decoded on both cores and joined in order.
        let decoded: Vec<Result<Vec<super::tlsnap::RawEvent>>> = {
            use rayon::prelude::*;
            pieces.par_iter().map(|p| snap.raw_events(p, &w)).collect()
        };
        for part in decoded {
            let Ok(part) = part else {
                return Ok(None);
            };
            parts.push(part);
        }
    } else {
        // An actor's rows through the actor index: a few records of the
        // window rather than all of it.
        let Some(ix) = super::tlsnap::ActorIndex::open(&snap, db, &fp)? else {
            return Ok(None);
        };
        let Ok(rows) = snap.actor_events(&ix, &actors, &w) else {
            return Ok(None);
        };
        parts.push(rows);
    }
    let rows: Vec<&super::tlsnap::RawEvent> = parts.iter().flatten().collect();
    // An item shows its first joined row; its reports are listed earliest
    // published first, and items go in time order, then by first report.
    let groups: Vec<(usize, Group)> = group_events_split(&rows)
        .into_iter()
        .map(|mut g| {
            let first = g.rows[0];
            g.rows
                .sort_by_key(|&r| (rows[r].document.published, rows[r].id));
            (first, g)
        })
        .collect();
    let mut groups: Vec<(usize, Group, bool)> = groups
        .into_iter()
        .map(|(first, g)| {
            let time = rows[first].time.as_ref();
            let t = time.map(|t| (t.start, t.end));
            (
                first,
                g,
                is_background(t, time.and_then(|t| t.modifier), win.0, win.1),
            )
        })
        .collect();
    groups.sort_by_cached_key(|(first, g, background)| {
        let t = rows[*first].time.as_ref().map(|t| (t.start, t.end));
        (*background, time::bounds_key(t), rows[g.rows[0]].id)
    });

    let io = |source: std::io::Error| crate::Error::Io {
        path: "-".into(),
        source,
    };
    if groups.is_empty() {
        out.write_all(b"[]\n").map_err(io)?;
        return Ok(Some(0));
    }
    // Items are independent once grouped: two halves of each batch are
    // rendered on both cores, then written in order.
    out.write_all(b"[").map_err(io)?;
    let (mut left, mut right) = (Pretty::new(), Pretty::new());
    for (k, batch) in groups.chunks(1024).enumerate() {
        let (a, b) = batch.split_at(batch.len().div_ceil(2));
        left.elements(k > 0);
        right.elements(true);
        rayon::join(
            || render_items(&rows, a, &mut left),
            || render_items(&rows, b, &mut right),
        );
        out.write_all(&left.buf).map_err(io)?;
        out.write_all(&right.buf).map_err(io)?;
    }
    let end: &[u8] = if crate::export::compact_json() {
        b"]\n"
    } else {
        b"\n]\n"
    };
    out.write_all(end).map_err(io)?;
    Ok(Some(groups.len()))
}

/// Timeline items as elements of the JSON array (see [`write_json`]).
fn render_items(
    rows: &[&super::tlsnap::RawEvent],
    groups: &[(usize, Group, bool)],
    j: &mut Pretty,
) {
    let mut outlets: Vec<&str> = Vec::new();
    for (first, g, background) in groups {
        let e = &rows[*first];
        j.member();
        j.open(b'{');
        j.kv_str("item", "event");
        let t = e.time.as_ref().map(|t| t.to_value());
        j.kv_str("when", &when(t.as_ref(), e.status));
        if let Some(t) = &e.time {
            j.key("time");
            j.open(b'{');
            j.kv_opt("text", t.text);
            j.kv_str("value", t.value);
            j.kv_date("start", t.start);
            j.kv_date("end", t.end);
            j.kv_opt("granularity", t.granularity.map(|g| g.as_str()));
            j.key("modifier");
            match t.modifier {
                Some(m) => j.str(m.as_str()),
                None => j.buf.extend_from_slice(b"null"),
            }
            j.close(b'}');
        }
        j.kv_str("kind", e.kind);
        j.kv_str("status", e.status);
        if !e.factuality.is_asserted() {
            j.kv_str("factuality", e.factuality.as_str());
        }
        j.kv_str("label", &super::labelled(e.label, e.factuality));
        j.kv_opt("place", e.place);
        j.key("actors");
        j.open(b'[');
        for &(r, p) in &g.actors {
            let Some(a) = rows[r].participants.get(p) else {
                continue;
            };
            j.member();
            j.open(b'{');
            j.kv_int("id", a.id);
            j.kv_str("name", a.name);
            j.kv_str("kind", a.kind);
            j.close(b'}');
        }
        j.close(b']');
        j.key("reports");
        j.open(b'[');
        for &r in &g.rows {
            let e = &rows[r];
            let d = &e.document;
            j.member();
            j.open(b'{');
            j.kv_int("id", e.id);
            j.key("document");
            j.open(b'{');
            j.kv_int("id", d.id);
            j.kv_str("key", d.key);
            j.kv_opt("title", d.title);
            j.kv_opt("publisher", d.publisher);
            j.kv_opt("url", d.url);
            j.kv_str("published", d.published);
            if let Some(p) = d.publisher_id {
                j.kv_int("publisher_id", p);
            }
            j.close(b'}');
            j.kv_str("outlet", d.outlet());
            j.kv_str("evidence", e.ev_text);
            j.close(b'}');
        }
        j.close(b']');
        outlets.clear();
        outlets.extend(g.rows.iter().map(|&r| rows[r].document.outlet()));
        outlets.sort_unstable();
        outlets.dedup();
        j.key("outlets");
        j.open(b'[');
        for o in &outlets {
            j.member();
            j.str(o);
        }
        j.close(b']');
        j.kv_int("sources", outlets.len() as i64);
        if *background {
            j.key("background");
            j.buf.extend_from_slice(b"true");
        }
        j.close(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    #[test]
    fn a_folded_hash_is_the_hash_of_the_folded_label() {
        let whole = |s: &str| {
            fold(s).bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
        };
        for s in [
            "",
            " ",
            "Talks  in KYIV ",
            "talks in kyiv",
            "x\x0by",
            "Zelenskýy’s office",
        ] {
            assert_eq!(folded_hash(s), whole(s), "{s:?}");
        }
        assert_eq!(folded_hash("Talks  in KYIV "), folded_hash("talks in kyiv"));
        assert_ne!(folded_hash("talks in kyiv"), folded_hash("talks in kyi"));
    }

    #[test]
    fn json_from_the_snapshot_is_the_json_of_the_items() {
        let mem = crate::query::tlsnap::tests::store();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        mem.execute("VACUUM INTO ?1", [path.to_str().unwrap()])
            .unwrap();
        let db = q::open_read(&path).unwrap();
        let days = [None, Some("2021-03"), Some("2021-03-05"), Some("2021-12")];
        let mut items = 0;
        for from in days {
            for to in days {
                for (kind, outlet, as_of) in [
                    (None, None, None),
                    (Some("call"), None, None),
                    (None, Some("WIRE"), Some("2021-08-01")),
                ] {
                    let opt = Options {
                        from: from.map(str::to_owned),
                        to: to.map(str::to_owned),
                        kind: kind.map(str::to_owned),
                        outlet: outlet.map(str::to_owned),
                        as_of: as_of.map(str::to_owned),
                        ..Default::default()
                    };
                    let mut fast = Vec::new();
                    let n = write_json(&db, &opt, &mut fast).unwrap().expect("answered");
                    let sql = timeline(
                        &db,
                        &Options {
                            no_snapshot: true,
                            ..opt.clone()
                        },
                    )
                    .unwrap();
                    let mut want = Vec::new();
                    crate::export::json(&sql, &mut want).unwrap();
                    assert_eq!(
                        String::from_utf8(fast).unwrap(),
                        String::from_utf8(want).unwrap(),
                        "{opt:?}"
                    );
                    assert_eq!(n, sql.len());
                    items += n;
                }
            }
        }
        assert!(items > 1000, "{items}");
        // Claims and actors are not the snapshot's: the caller goes to SQL.
        let claims = Options {
            claims: true,
            ..Default::default()
        };
        assert!(write_json(&db, &claims, &mut Vec::new()).unwrap().is_none());
        // The escapes are serde_json's.
        let mut j = Pretty::new();
        let all: String = (0u8..128)
            .map(char::from)
            .chain("Łódź \u{2028}".chars())
            .collect();
        j.str(&all);
        let Pretty { buf, .. } = j;
        assert_eq!(buf, serde_json::to_vec(&all).unwrap());
        // Dates as chrono writes them, inside and outside four-digit years.
        for (y, m, d) in [
            (2021, 3, 4),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (999, 10, 9),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut j = Pretty::new();
            j.kv_date("start", Some(date));
            let Pretty { buf, .. } = j;
            let want = format!("\n\"start\": {}", serde_json::to_string(&date).unwrap());
            assert_eq!(String::from_utf8(buf).unwrap(), want, "{date:?}");
        }
        // Each character alone, at every place of an eight-byte word and its tail.
        for c in (0u8..128).map(char::from).chain(['é', '\u{7f}']) {
            for at in 0..18 {
                let mut text: String = "abcdefghijklmnopq".chars().take(at).collect();
                text.push(c);
                text.push_str("xyz");
                let mut j = Pretty::new();
                j.str(&text);
                let Pretty { buf, .. } = j;
                assert_eq!(buf, serde_json::to_vec(&text).unwrap(), "{text:?}");
            }
        }
    }

    /// Two things one person said on one day are two items; a strike in
    /// one port and a strike in another on the same day are two items;
    /// the same strike reported twice is one.
    #[test]
    fn different_events_are_never_joined() {
        let db = fx::empty();
        let mayor = fx::actor(&db, "Mayor Lind", "person", None, &[]);
        let union = fx::actor(&db, "Dockworkers Union", "organization", None, &[]);
        let d1 = fx::document(&db, "d1", "Harbor Wire", "2024-03-05");
        let d2 = fx::document(&db, "d2", "Coast Times", "2024-03-05");
        let day = Some("2024-03-05");
        fx::event(
            &db,
            d1,
            "statement",
            "the ferry will run on Sunday",
            day,
            &[mayor],
        );
        fx::event(&db, d2, "statement", "the bridge stays shut", day, &[mayor]);
        let north = fx::event(&db, d1, "strike", "dockworkers strike", day, &[union]);
        let south = fx::event(&db, d2, "strike", "port strike", day, &[union]);
        let again = fx::document(&db, "d3", "Evening Post", "2024-03-06");
        let north2 = fx::event(&db, again, "strike", "walkout at the docks", day, &[union]);
        for (id, place) in [
            (north, "Northport"),
            (south, "Southport"),
            (north2, "Northport"),
        ] {
            db.execute(
                "UPDATE events SET place = ?1 WHERE id = ?2",
                rusqlite::params![place, id],
            )
            .unwrap();
        }
        let items = timeline(&db, &Options::default()).unwrap();
        let statements = items.iter().filter(|i| i.kind == "statement").count();
        assert_eq!(statements, 2, "{items:#?}");
        let strikes: Vec<Vec<i64>> = items
            .iter()
            .filter(|i| i.kind == "strike")
            .map(|i| i.reports.iter().map(|r| r.id).collect())
            .collect();
        assert_eq!(strikes.len(), 2, "{strikes:?}");
        assert!(
            strikes
                .iter()
                .any(|s| s.contains(&north) && s.contains(&north2))
        );
    }

    /// A week's window lists what is dated in the week first, in order,
    /// then what only overlaps it ("March 2024", "2024"), marked.
    #[test]
    fn broad_times_come_after_the_window_items() {
        let db = fx::empty();
        let union = fx::actor(&db, "Dockworkers Union", "organization", None, &[]);
        let d = fx::document(&db, "d", "Harbor Wire", "2024-03-09");
        fx::event(
            &db,
            d,
            "election",
            "union leadership vote",
            Some("2024"),
            &[union],
        );
        fx::event(
            &db,
            d,
            "strike",
            "month of stoppages",
            Some("2024-03"),
            &[union],
        );
        fx::event(
            &db,
            d,
            "strike",
            "harbour walkout",
            Some("2024-03-07"),
            &[union],
        );
        fx::event(
            &db,
            d,
            "meeting",
            "talks with the port",
            Some("2024-03-05"),
            &[union],
        );
        let week = Options {
            from: Some("2024-03-04".into()),
            to: Some("2024-03-10".into()),
            ..Default::default()
        };
        let items = timeline(&db, &week).unwrap();
        let order: Vec<(&str, bool)> = items
            .iter()
            .map(|i| (i.label.as_str(), i.background))
            .collect();
        assert_eq!(
            order,
            vec![
                ("talks with the port", false),
                ("harbour walkout", false),
                ("union leadership vote", true),
                ("month of stoppages", true),
            ]
        );
        // Without a window nothing is background.
        let all = timeline(&db, &Options::default()).unwrap();
        assert!(all.iter().all(|i| !i.background));
    }

    /// With claims shown, a statement event read from a claim's sentence
    /// is not listed a second time.
    #[test]
    fn a_statement_is_shown_once_with_claims() {
        let db = fx::empty();
        let mayor = fx::actor(&db, "Mayor Lind", "person", None, &[]);
        let d = fx::document(&db, "d", "Harbor Wire", "2024-03-05");
        let said = "the ferry will run on Sunday";
        fx::event(&db, d, "statement", said, Some("2024-03-05"), &[mayor]);
        fx::event(
            &db,
            d,
            "strike",
            "harbour walkout",
            Some("2024-03-05"),
            &[mayor],
        );
        fx::claim(
            &db,
            d,
            C {
                claimant: mayor,
                statement: said,
                stated: Some("2024-03-05"),
                ..Default::default()
            },
        );
        let opt = Options {
            claims: true,
            ..Default::default()
        };
        let items = timeline(&db, &opt).unwrap();
        let kinds: Vec<(&str, &str)> = items.iter().map(|i| (i.item, i.kind.as_str())).collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(kinds.contains(&("claim", "assertion")) && kinds.contains(&("event", "strike")));
    }

    #[test]
    fn same_event_from_two_outlets_is_one_item() {
        let db = fx::empty();
        let biden = fx::actor(&db, "Joe Biden", "person", None, &["Biden"]);
        let putin = fx::actor(&db, "Vladimir Putin", "person", None, &["Putin"]);
        let d1 = fx::document(&db, "d1", "CNN", "2021-12-04");
        let d2 = fx::document(&db, "d2", "Reuters", "2021-12-05");
        fx::event(
            &db,
            d1,
            "call",
            "Biden and Putin video call",
            Some("2021-12-07"),
            &[biden, putin],
        );
        fx::event(
            &db,
            d2,
            "call",
            "video call between leaders",
            Some("2021-12-07"),
            &[putin],
        );
        fx::event(
            &db,
            d2,
            "meeting",
            "Geneva summit",
            Some("2021-06"),
            &[biden, putin],
        );
        let c = fx::claim(
            &db,
            d2,
            C {
                claimant: biden,
                statement: "Russia will pay a price",
                stated: Some("2021-12-05"),
                ..Default::default()
            },
        );
        let items = timeline(&db, &Options::default()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].when, "June 2021");
        assert_eq!(items[1].reports.len(), 2);
        assert_eq!(items[1].sources, 2);
        assert_eq!(items[1].outlets, vec!["CNN", "Reuters"]);

        let with_claims = timeline(
            &db,
            &Options {
                claims: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(with_claims.len(), 3);
        assert_eq!(with_claims[1].item, "claim");
        assert_eq!(with_claims[1].reports[0].id, c);

        let as_of = timeline(
            &db,
            &Options {
                as_of: Some("2021-12-04".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(as_of.len(), 1);
        assert_eq!(as_of[0].sources, 1);

        let err = timeline(
            &db,
            &Options {
                actors: vec!["Bidden".into()],
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("Biden"));
        let from = timeline(
            &db,
            &Options {
                from: Some("2021-07".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(from.len(), 1);
    }
}
