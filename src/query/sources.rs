//! Attribution: the chain from a document to the original claimant, every
//! document that carries the same claim, and how many independent original
//! sources stand behind it.
//!
//! A claim relayed by five outlets from one original source is one claim with
//! five carriers: corroboration counts distinct original claimants who say
//! the same thing (same subject, figures within the tolerance, same polarity),
//! never carriers.

use super::conflicts::{
    close_in_time, figure_subject_comparable, figures_disagree, place_of, similar_subjects,
    stated_range, subject_key, tentative, unit_norm, words_key,
};
use super::{fold, outlet_of};
use crate::store::query::{self as q, ClaimFilter, ClaimRow};
use crate::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One link of an attribution chain.
#[derive(Debug, Clone, Serialize)]
pub struct Hop {
    /// `document`, `outlet`, `via` or `claimant`.
    pub role: &'static str,
    pub name: String,
    /// Actor kind, for actors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A document carrying a claim.
#[derive(Debug, Clone, Serialize)]
pub struct Carrier {
    /// Store id of the claim row in that document.
    pub claim: i64,
    pub claimant: String,
    pub outlet: String,
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub published: String,
    /// `outlet > intermediaries > claimant`.
    pub chain: String,
    pub statement: String,
    pub evidence: String,
}

/// The answer of `sources CLAIM`.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    /// The claim asked about.
    pub claim: ClaimRow,
    /// Document → outlet → intermediaries → claimant.
    pub chain: Vec<Hop>,
    /// Every document that carries this same claim (itself included).
    pub carriers: Vec<Carrier>,
    /// Claims by other claimants that say the same thing.
    pub corroborating: Vec<Carrier>,
    /// Claims that disagree with it (see `conflicts`).
    pub disputed_by: Vec<Carrier>,
    /// How many claims corroborate it (`corroborating` may list fewer).
    pub corroborating_total: usize,
    /// How many claims dispute it (`disputed_by` may list fewer).
    pub disputed_total: usize,
    /// Distinct original claimants behind the claim (itself and corroborators).
    pub original_sources: Vec<String>,
    /// `original_sources.len()`.
    pub independent_sources: usize,
}

fn carrier(c: &ClaimRow) -> Carrier {
    let outlet = outlet_of(&c.document);
    let chain = super::chain_text(
        &outlet,
        c.via.iter().map(|a| a.name.as_str()),
        &c.claimant.name,
    );
    Carrier {
        claim: c.id,
        claimant: c.claimant.name.clone(),
        outlet,
        document: c.document.key.clone(),
        title: c.document.title.clone(),
        url: c.document.url.clone(),
        published: c.document.published.clone(),
        chain,
        statement: c.statement.clone(),
        evidence: c.evidence.text.clone(),
    }
}

/// The attribution of one claim (store id), with `tolerance` for figures,
/// listing every corroborating and disputing claim.
pub fn sources(conn: &Connection, id: i64, tolerance: f64) -> Result<Attribution> {
    sources_limited(conn, id, tolerance, None)
}

/// [`sources`] listing at most `limit` corroborating and `limit` disputing
/// claims (the first by id); the totals and the original sources still
/// count them all.
pub fn sources_limited(
    conn: &Connection,
    id: i64,
    tolerance: f64,
    limit: Option<usize>,
) -> Result<Attribution> {
    let claim = q::claims(
        conn,
        &ClaimFilter {
            ids: Some(vec![id]),
            ..Default::default()
        },
    )?
    .pop()
    .ok_or_else(|| {
        Error::NotFound(format!(
            "no claim with id {id} (list them with `chronograph claims`)"
        ))
    })?;
    let mut chain = vec![Hop {
        role: "document",
        name: claim
            .document
            .title
            .clone()
            .unwrap_or_else(|| claim.document.key.clone()),
        kind: None,
    }];
    chain.push(Hop {
        role: "outlet",
        name: outlet_of(&claim.document),
        kind: None,
    });
    let outlet = outlet_of(&claim.document);
    let links = super::chain_links(
        &outlet,
        claim.via.iter().map(|a| a.name.as_str()),
        &claim.claimant.name,
    );
    // Relays named twice (or named like the outlet or the claimant) are
    // one link: only the relays the chain keeps become hops.
    let mut kept: Vec<&str> = Vec::new();
    for v in claim.via.iter().filter(|v| {
        let name = v.name.as_str();
        let keep =
            links[1..].contains(&name) && name != claim.claimant.name && !kept.contains(&name);
        if keep {
            kept.push(name);
        }
        keep
    }) {
        chain.push(Hop {
            role: "via",
            name: v.name.clone(),
            kind: Some(v.kind.clone()),
        });
    }
    chain.push(Hop {
        role: "claimant",
        name: claim.claimant.name.clone(),
        kind: Some(claim.claimant.kind.clone()),
    });

    let same: BTreeSet<i64> = q::same_claim_ids(conn, &claim)?
        .into_iter()
        .chain([claim.id])
        .collect();
    let key = subject_key(&claim);
    let unit = claim
        .quantity
        .as_ref()
        .and_then(|q| q.unit.as_deref())
        .map(unit_norm);
    let numeric = claim.quantity.as_ref().and_then(stated_range).is_some();
    // "Dollars", "people killed": a figure that says nothing of what it
    // counts is backed or disputed by no other figure.
    let own_comparable = figure_subject_comparable(
        claim.subject.as_deref().unwrap_or(&claim.statement),
        claim
            .quantity
            .as_ref()
            .and_then(|q| q.unit.as_deref())
            .unwrap_or(""),
    );
    // Candidates about the same thing are weighed on a few columns; only
    // the claims shown are read whole (a hub subject has 20,000 claims).
    let mut ids = q::related_claim_ids(conn, &claim)?;
    ids.extend(same.iter().copied());
    ids.sort_unstable();
    ids.dedup();
    let mut briefs = super::briefs::claim_briefs(conn, &ids)?;
    briefs.sort_by_key(|b| b.id);
    // Whether a candidate is about the same thing depends on its subject
    // and units only: weighed once per distinct triple rather than per
    // claim (a hub subject's 20,000 candidates share a handful).
    type Same<'b> = (&'b str, Option<&'b str>, Option<&'b str>);
    let mut verdicts: std::collections::HashMap<Same, bool> = Default::default();
    let own = briefs.iter().find(|b| b.id == claim.id).cloned();
    let own_place = claim.subject.as_deref().and_then(place_of);
    let mut carrier_ids = Vec::new();
    let mut corroborating_ids = Vec::new();
    let mut disputed_ids = Vec::new();
    for c in &briefs {
        if same.contains(&c.id) {
            carrier_ids.push(c.id);
            continue;
        }
        let c_unit = c.quantity.as_ref().and_then(|q| q.unit.as_deref());
        let about_same = *verdicts
            .entry((c.subject.as_str(), c.unit.as_deref(), c_unit))
            .or_insert_with(|| {
                // A statement backs another only when it is the same
                // proposition (the same words), never by sharing some.
                if !numeric {
                    return key.len() >= 2 && words_key(&c.subject, "") == key;
                }
                // Troops near one place are not troops near another, the
                // rule that keeps them in separate conflict groups.
                let placed_apart = matches!(
                    (&own_place, place_of(&c.subject)),
                    (Some(a), Some(b)) if *a != b
                );
                own_comparable
                    && !placed_apart
                    && figure_subject_comparable(&c.subject, c_unit.unwrap_or(""))
                    && c.unit.as_deref().map(unit_norm) == unit
                    && similar_subjects(
                        &key,
                        &words_key(&c.subject, c.unit.as_deref().unwrap_or("")),
                    )
                    && c_unit.map(unit_norm) == unit
                    && similar_subjects(&key, &words_key(&c.subject, c_unit.unwrap_or("")))
            });
        let c_numeric = c.quantity.as_ref().and_then(stated_range).is_some();
        // A figure of another season, or one only feared or proposed
        // against one asserted, is neither support nor dispute: the same
        // rules that keep them out of one conflict group.
        let other_moment = own.as_ref().is_some_and(|o| {
            !close_in_time(o.days, c.days) || tentative(o.factuality) != tentative(c.factuality)
        });
        if !about_same || c_numeric != numeric || other_moment {
            continue;
        }
        let agrees = if numeric {
            !figures_disagree(
                claim.quantity.as_ref().expect("numeric"),
                c.quantity.as_ref().expect("numeric"),
                tolerance,
            )
        } else {
            c.polarity == claim.polarity
        };
        if !agrees {
            disputed_ids.push(c.id);
        } else if c.claimant != claim.claimant.id {
            corroborating_ids.push(c.id);
        }
    }
    let original_sources = originals(conn, carrier_ids.iter().chain(&corroborating_ids))?;
    let (corroborating_total, disputed_total) = (corroborating_ids.len(), disputed_ids.len());
    if let Some(n) = limit {
        corroborating_ids.truncate(n);
        disputed_ids.truncate(n);
    }
    let shown: Vec<i64> = carrier_ids
        .iter()
        .chain(&corroborating_ids)
        .chain(&disputed_ids)
        .copied()
        .collect();
    let rows = q::claims_by_id(conn, &shown)?;
    let list = |ids: &[i64]| -> Vec<Carrier> {
        ids.iter()
            .filter_map(|id| rows.get(id))
            .map(carrier)
            .collect()
    };
    Ok(Attribution {
        independent_sources: original_sources.len(),
        original_sources,
        carriers: list(&carrier_ids),
        corroborating: list(&corroborating_ids),
        disputed_by: list(&disputed_ids),
        corroborating_total,
        disputed_total,
        claim,
        chain,
    })
}

/// The actor a claimant speaks for: the top of its `part_of` chain (a
/// ministry's or an official's government).
fn speaks_for(
    conn: &Connection,
    id: i64,
    cache: &mut HashMap<i64, (String, Option<i64>)>,
) -> Result<(i64, String)> {
    let mut at = id;
    let mut name = String::new();
    // A chain longer than a few steps would be a cycle in bad data.
    for _ in 0..8 {
        if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(at) {
            let row = q::actors_by_ids(conn, &[at])?.pop();
            e.insert(row.map_or((String::new(), None), |a| (a.name, a.part_of)));
        }
        let (n, up) = &cache[&at];
        name.clone_from(n);
        match up {
            Some(p) if *p != at => at = *p,
            _ => break,
        }
    }
    Ok((at, name))
}

/// The distinct original sources behind a set of claims, one entry each
/// (the claimants of one source joined by " / ").
///
/// Two claims are one source when their claimants speak for the same actor
/// (a government and its own officials), or when they come from the same
/// sentence: a sentence read twice, or copied word for word by another
/// outlet (syndication), is one report however many claims it gave.
fn originals<'a>(conn: &Connection, ids: impl Iterator<Item = &'a i64>) -> Result<Vec<String>> {
    let ids: Vec<i64> = ids.copied().collect();
    let rows = q::claims_by_id(conn, &ids)?;
    let mut cache = HashMap::new();
    let mut roots: Vec<(i64, String)> = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    for id in &ids {
        let Some(c) = rows.get(id) else { continue };
        // Grouped by whom they speak for, named by who spoke.
        let (root, _) = speaks_for(conn, c.claimant.id, &mut cache)?;
        roots.push((root, c.claimant.name.clone()));
        sentences.push(fold(&c.evidence.text));
    }
    let n = roots.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut by_root: HashMap<i64, usize> = HashMap::new();
    let mut by_sentence: HashMap<&str, usize> = HashMap::new();
    for i in 0..n {
        let join = |p: &mut Vec<usize>, j: usize| {
            let (a, b) = (find(p, i), find(p, j));
            p[a] = b;
        };
        if let Some(&j) = by_root.get(&roots[i].0) {
            join(&mut parent, j);
        } else {
            by_root.insert(roots[i].0, i);
        }
        if sentences[i].is_empty() {
            continue;
        }
        if let Some(&j) = by_sentence.get(sentences[i].as_str()) {
            join(&mut parent, j);
        } else {
            by_sentence.insert(&sentences[i], i);
        }
    }
    let mut names: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (i, (_, name)) in roots.iter().enumerate() {
        let r = find(&mut parent, i);
        names.entry(r).or_default().insert(name);
    }
    let mut out: Vec<String> = names
        .into_values()
        .map(|s| s.into_iter().collect::<Vec<_>>().join(" / "))
        .collect();
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    #[test]
    fn relays_are_carriers_not_corroboration() {
        let db = fx::empty();
        let off = fx::actor(&db, "unnamed official", "anonymous", None, &[]);
        let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
        let ap = fx::actor(&db, "AP", "media", None, &[]);
        let st = "roughly 70,000 Russian troops near the border";
        let mk_said = |doc, who, via: &'static [i64], v: f64, statement: &'static str| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    via,
                    subject: Some("russian troops near border"),
                    statement,
                    value: Some(v),
                    unit: Some("troops"),
                    ..Default::default()
                },
            )
        };
        let mk = |doc, who, via: &'static [i64], v: f64| mk_said(doc, who, via, v, st);
        let via_ap: &'static [i64] = Box::leak(Box::new([ap]));
        let docs: Vec<i64> = ["CNN", "CBS", "Fox", "ABC", "NBC"]
            .iter()
            .map(|o| fx::document(&db, o, o, "2021-12-04"))
            .collect();
        let first = mk(docs[0], off, via_ap, 70_000.0);
        for &d in &docs[1..] {
            mk(d, off, via_ap, 70_000.0);
        }
        let d = fx::document(&db, "kyiv", "Kyiv Post", "2021-12-05");
        mk_said(d, ua, &[], 72_000.0, "some 72,000 troops are massed there");
        let far = mk_said(d, ua, &[], 120_000.0, "the force has grown to 120,000");
        let a = sources(&db, first, 0.05).unwrap();
        assert_eq!(a.carriers.len(), 5);
        assert_eq!(a.corroborating.len(), 1);
        assert_eq!(a.independent_sources, 2);
        assert_eq!(
            a.disputed_by.iter().map(|c| c.claim).collect::<Vec<_>>(),
            vec![far]
        );
        let roles: Vec<&str> = a.chain.iter().map(|h| h.role).collect();
        assert_eq!(roles, vec!["document", "outlet", "via", "claimant"]);
        assert!(sources(&db, 9999, 0.05).is_err());
        let short = sources_limited(&db, first, 0.05, Some(0)).unwrap();
        assert!(short.corroborating.is_empty() && short.disputed_by.is_empty());
        assert_eq!((short.corroborating_total, short.disputed_total), (1, 1));
        assert_eq!(short.original_sources, a.original_sources);
        assert_eq!(short.carriers.len(), 5, "carriers are never cut");
    }

    /// A ministry and its government are one source; the same sentence
    /// printed by a second outlet is one report; a repeated relay is one
    /// link of the chain.
    #[test]
    fn independence_counts_original_sources_once() {
        let db = fx::empty();
        let land = fx::actor(&db, "Veldonia", "country", None, &[]);
        let ministry = fx::actor(
            &db,
            "Veldonian Interior Ministry",
            "government",
            Some(land),
            &[],
        );
        let union = fx::actor(&db, "Dockworkers Union", "organization", None, &[]);
        let wire = fx::actor(&db, "Harbor Wire", "media", None, &[]);
        let ledger = fx::actor(&db, "Daily Ledger", "media", None, &[]);
        let subject = Some("striking dockworkers near port");
        let mk = |doc, who, via: &'static [i64], v: f64, said: &'static str| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    via,
                    subject,
                    statement: said,
                    value: Some(v),
                    unit: Some("strikers"),
                    ..Default::default()
                },
            )
        };
        let d1 = fx::document(&db, "d1", "Daily Ledger", "2024-03-02");
        let d2 = fx::document(&db, "d2", "Evening Post", "2024-03-02");
        let d3 = fx::document(&db, "d3", "Coast Times", "2024-03-03");
        let twice: &'static [i64] = Box::leak(Box::new([ledger, wire, wire]));
        let first = mk(
            d1,
            land,
            twice,
            4_000.0,
            "about 4,000 dockworkers walked out",
        );
        mk(
            d2,
            ministry,
            &[],
            4_100.0,
            "the ministry counted 4,100 strikers at the gates",
        );
        // The union's figure, and the same sentence copied by a third outlet.
        mk(
            d2,
            union,
            &[],
            3_900.0,
            "nearly 3,900 members stayed away from the cranes",
        );
        mk(
            d3,
            union,
            &[],
            3_900.0,
            "nearly 3,900 members stayed away from the cranes",
        );
        let a = sources(&db, first, 0.05).unwrap();
        assert_eq!(a.independent_sources, 2, "{:?}", a.original_sources);
        assert_eq!(
            a.original_sources,
            vec![
                "Dockworkers Union",
                "Veldonia / Veldonian Interior Ministry"
            ]
        );
        let names: Vec<&str> = a.chain.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names[1..], ["Daily Ledger", "Harbor Wire", "Veldonia"]);
        assert_eq!(a.carriers[0].chain, "Daily Ledger > Harbor Wire > Veldonia");
    }

    /// A figure backs or disputes another only about the same moment and
    /// with the same standing: a figure of another season, or one only
    /// feared, is neither.
    #[test]
    fn corroboration_needs_the_same_moment_and_standing() {
        let db = fx::empty();
        let who: Vec<i64> = (0..5)
            .map(|i| fx::actor(&db, &format!("Observer {i}"), "person", None, &[]))
            .collect();
        let docs: Vec<i64> = (0..5)
            .map(|i| fx::document(&db, &format!("d{i}"), &format!("Wire {i}"), "2024-03-01"))
            .collect();
        let mk = |k: usize, v: f64, valid: Option<&'static str>| {
            fx::claim(
                &db,
                docs[k],
                C {
                    claimant: who[k],
                    subject: Some("syrian refugees near northern crossing"),
                    statement: [
                        "some 4,000 waited",
                        "4,050 were counted",
                        "4,020 last summer",
                        "9,000 may come",
                        "9,500 are there",
                    ][k],
                    value: Some(v),
                    unit: Some("refugees"),
                    valid,
                    ..Default::default()
                },
            )
        };
        let first = mk(0, 4_000.0, None);
        let same = mk(1, 4_050.0, None);
        mk(2, 4_020.0, Some("2023-06"));
        let feared = mk(3, 9_000.0, None);
        db.execute(
            "UPDATE claims SET factuality = 'feared' WHERE id = ?1",
            [feared],
        )
        .unwrap();
        let against = mk(4, 9_500.0, None);
        let elsewhere = fx::claim(
            &db,
            docs[4],
            C {
                claimant: who[4],
                subject: Some("syrian refugees near southern crossing"),
                statement: "20,000 crossed in the south",
                value: Some(20_000.0),
                unit: Some("refugees"),
                ..Default::default()
            },
        );
        let a = sources(&db, first, 0.05).unwrap();
        assert!(a.disputed_by.iter().all(|c| c.claim != elsewhere));
        let ids = |v: &[Carrier]| v.iter().map(|c| c.claim).collect::<Vec<_>>();
        assert_eq!(ids(&a.corroborating), vec![same]);
        assert_eq!(ids(&a.disputed_by), vec![against]);
        assert_eq!(a.independent_sources, 2);
    }

    /// One sentence giving two figures ("14 units with 8,000 troops") is
    /// two claims: neither carries the other.
    #[test]
    fn two_figures_of_one_sentence_are_not_one_claim() {
        let db = fx::empty();
        let who = fx::actor(&db, "Observer", "person", None, &[]);
        let doc = fx::document(&db, "d", "Wire", "2024-03-01");
        let said = "there are 14 brigades with some 8,000 soldiers";
        let mk = |subject, v, unit| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    subject: Some(subject),
                    statement: said,
                    value: Some(v),
                    unit: Some(unit),
                    ..Default::default()
                },
            )
        };
        let brigades = mk("brigades near coast", 14.0, "brigades");
        let soldiers = mk("soldiers near coast", 8_000.0, "soldiers");
        for (id, other) in [(brigades, soldiers), (soldiers, brigades)] {
            let a = sources(&db, id, 0.05).unwrap();
            let carriers: Vec<i64> = a.carriers.iter().map(|c| c.claim).collect();
            assert_eq!(carriers, vec![id], "{other} is another claim");
        }
    }
}
