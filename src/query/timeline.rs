//! Events (and dated claims) in time order, each with the documents and
//! outlets that report it.
//!
//! The store keeps one event row per reporting document. The timeline joins
//! rows from different documents that describe the same happening (same kind,
//! same time value, a shared participant or the same label) into one item
//! with several reports; within one document two rows stay two items.

use super::time;
use super::{fold, outlet_of};
use crate::Result;
use crate::model::TimeValue;
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
    /// Read event rows through SQL only, never through `<db>.tl` (for
    /// comparing the two paths; the answers are the same).
    pub no_snapshot: bool,
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

/// The event rows of `f` read from `<db>.tl` when the store is a file and
/// the filters are ones the snapshot applies (all but actors: `--actor`
/// reads its few events through the participation index faster); `None`
/// sends the caller to SQL.
fn snapshot_rows(
    conn: &Connection,
    opt: &Options,
    f: &EventFilter,
) -> Result<Option<Vec<q::EventRow>>> {
    if opt.no_snapshot || !f.actors.is_empty() || f.ids.is_some() {
        return Ok(None);
    }
    let Some(db) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let Some(snap) = super::tlsnap::TimelineSnapshot::open(conn, std::path::Path::new(db))? else {
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
    };
    // A snapshot that fails to read is only a cache: SQL answers instead.
    Ok(snap.events(&w).ok())
}

/// Builds the timeline.
pub fn timeline(conn: &Connection, opt: &Options) -> Result<Vec<Item>> {
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
    let (from, to, as_of) = (
        day(&opt.from, false)?,
        day(&opt.to, true)?,
        day(&opt.as_of, true)?,
    );
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
    };
    let rows = match snapshot_rows(conn, opt, &filter)? {
        Some(rows) => rows,
        None => q::events(conn, &filter)?,
    };

    let mut items: Vec<(Item, BTreeSet<i64>, String)> = Vec::new();
    type Key = (String, Option<(String, Option<&'static str>)>);
    let mut by_key: std::collections::HashMap<Key, Vec<usize>> = std::collections::HashMap::new();
    for e in rows {
        let who: BTreeSet<i64> = e.participants.iter().map(|p| p.actor.id).collect();
        let label_key = fold(&e.label);
        let report = Report {
            id: e.id,
            outlet: outlet_of(&e.document),
            document: e.document.clone(),
            evidence: e.evidence.text.clone(),
            chain: None,
        };
        // Candidates share kind and time value; only those are compared, so
        // a long timeline does not compare every pair of rows.
        let key = (
            e.kind.clone(),
            e.time
                .as_ref()
                .map(|t| (t.value.clone(), t.modifier.map(|m| m.as_str()))),
        );
        let same = by_key.get(&key).and_then(|cands| {
            cands.iter().copied().find(|&i| {
                let (it, people, lk) = &items[i];
                !it.reports.iter().any(|r| r.document.id == e.document.id)
                    && (*lk == label_key || !people.is_disjoint(&who))
            })
        });
        let same = same.map(|i| &mut items[i]);
        match same {
            Some((it, people, _)) => {
                it.reports.push(report);
                for p in &e.participants {
                    if people.insert(p.actor.id) {
                        it.actors.push(p.actor.clone());
                    }
                }
            }
            None => {
                let mut actors: Vec<ActorRef> = Vec::new();
                for p in &e.participants {
                    if !actors.contains(&p.actor) {
                        actors.push(p.actor.clone());
                    }
                }
                by_key.entry(key).or_default().push(items.len());
                items.push((
                    Item {
                        item: "event",
                        when: when(e.time.as_ref(), &e.status),
                        time: e.time.clone(),
                        kind: e.kind.clone(),
                        status: e.status.clone(),
                        label: e.label.clone(),
                        place: e.place.clone(),
                        actors,
                        reports: vec![report],
                        outlets: Vec::new(),
                        sources: 0,
                        conflicting: false,
                    },
                    who,
                    label_key,
                ));
            }
        }
    }
    let mut items: Vec<Item> = items.into_iter().map(|(it, _, _)| it).collect();

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
            let chain = std::iter::once(outlet.clone())
                .chain(c.via.iter().map(|a| a.name.clone()))
                .chain(std::iter::once(c.claimant.name.clone()))
                .collect::<Vec<_>>()
                .join(" > ");
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
                    label: format!("{}: {}", c.claimant.name, c.statement),
                    place: None,
                    actors: vec![c.claimant.clone()],
                    reports: vec![report],
                    outlets: Vec::new(),
                    sources: 1,
                    conflicting: conflicting.contains(&c.id),
                },
                c.claimant.id,
                key,
            ));
        }
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
    }
    items.sort_by(|a, b| {
        (a.sort_key(), a.item, a.reports[0].id).cmp(&(b.sort_key(), b.item, b.reports[0].id))
    });
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

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
