//! Claims that disagree: figures about the same subject whose ranges do not
//! overlap, and affirm-versus-deny pairs about the same statement.
//!
//! Disagreement is data: every claim of a subject stays in its group as a
//! side of its own, nothing is merged or averaged. Three things that look
//! alike are kept apart: two sources disagree (different claimants, times that
//! overlap), a source's figure changed over time (same claimant, different
//! dates: listed as `changes`, not as a conflict), and a subject whose figures
//! only ever changed (reported under [`Report::changes_only`]).
//!
//! Subjects are compared as bags of folded, stemmed content words of the
//! claim's `subject` (its statement when it has none), within the same unit,
//! so that "Russian troops near Ukraine's border" and "russian troops near
//! the ukraine border" meet.

use super::time;
use super::{fold, outlet_of};
use crate::Result;
use crate::model::{Factuality, Quantity};
use crate::store::query::{self as q, ClaimFacts, ClaimFilter, ClaimRow};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

mod figures;
mod group;
mod subject;
pub use figures::*;
pub use group::*;
pub use subject::*;

/// How `conflicts` compares claims.
#[derive(Debug, Clone)]
pub struct Options {
    /// Keep only groups with a side that matches this FTS5 query.
    pub about: Option<String>,
    /// Relative tolerance: each range is widened by this fraction on both
    /// sides before the overlap test (0.05 = 5%).
    pub tolerance: f64,
    /// Days added on both sides of each claim's valid time before the
    /// overlap test: a figure stated on one day describes a state of affairs
    /// that lasts around it.
    pub window_days: i64,
    /// Only documents published on or before this date.
    pub as_of: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            about: None,
            tolerance: 0.05,
            window_days: 14,
            as_of: None,
        }
    }
}

/// One claim in a conflict group, self-contained for a reader and a scorer.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// Store id of the claim (`chronograph sources ID`).
    pub claim: i64,
    /// The claimant's canonical name.
    pub claimant: String,
    /// Other names of the claimant.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claimant_aliases: Vec<String>,
    /// The actor the claimant belongs to (a ministry's country).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant_part_of: Option<String>,
    /// Reporting chain, nearest to the document first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// `outlet > intermediaries > claimant`.
    pub chain: String,
    /// The publishing outlet.
    pub outlet: String,
    /// Document id and publication date.
    pub document: String,
    pub published: String,
    /// When the claimant said it, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated: Option<String>,
    /// When the figure holds, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid: Option<String>,
    /// The stated figure (or the bound the words put forward).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lower: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The figure as words ("about 90,000", "more than 127,000").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// `affirm` or `deny`.
    pub polarity: String,
    /// How the figure is put, when not asserted (`feared`, `predicted`, ...).
    #[serde(skip_serializing_if = "Factuality::is_asserted")]
    pub factuality: Factuality,
    pub statement: String,
    /// The sentence the claim was read from.
    pub evidence: String,
}

/// Whether a claim's figure is only supposed, feared, foreseen, planned,
/// asked for or asked about: such figures are compared among themselves,
/// never as sides against asserted ones ("175,000 troops could invade" or
/// "a planned invasion force of 175,000" does not dispute "100,000 are
/// there": a current deployment and a future force are two quantities).
pub fn tentative(f: Factuality) -> bool {
    matches!(
        f,
        Factuality::Hypothetical
            | Factuality::Feared
            | Factuality::Proposed
            | Factuality::Predicted
            | Factuality::Planned
            | Factuality::Questioned
    )
}

/// Two claims of a group that disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// Claim ids of the two sides, earlier first.
    pub claims: [i64; 2],
    /// `figures` (ranges apart beyond the tolerance) or `affirm_vs_deny`.
    pub kind: &'static str,
    /// A line a person reads.
    pub summary: String,
}

/// A claimant's figure that moved between two dates.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub claimant: String,
    /// Claim ids, earlier first.
    pub claims: [i64; 2],
    pub summary: String,
}

/// The claims about one subject, ordered over time, with what disagrees.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The subject as the earliest claim words it.
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Every claim about the subject, in time order.
    pub sides: Vec<Side>,
    /// Pairs from different claimants at overlapping times.
    pub disagreements: Vec<Disagreement>,
    /// The same claimant's figure at different times.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// The answer of `conflicts`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Tolerance used (fraction).
    pub tolerance: f64,
    /// Window used (days on each side).
    pub window_days: i64,
    /// Subjects where sources disagree.
    pub conflicts: Vec<Group>,
    /// Subjects where only a source's own figure changed over time.
    pub changes_only: Vec<Group>,
}

fn side(
    conn: &Connection,
    c: &ClaimRow,
    aliases: &mut HashMap<i64, (Vec<String>, Option<String>)>,
) -> Result<Side> {
    if let std::collections::hash_map::Entry::Vacant(e) = aliases.entry(c.claimant.id) {
        let names = q::actor_aliases(conn, c.claimant.id)?;
        let part_of = match q::actor(conn, c.claimant.id)?.and_then(|a| a.part_of) {
            Some(p) => q::actor(conn, p)?.map(|a| a.name),
            None => None,
        };
        e.insert((names, part_of));
    }
    let (claimant_aliases, claimant_part_of) = aliases[&c.claimant.id].clone();
    let outlet = outlet_of(&c.document);
    let via: Vec<String> = c.via.iter().map(|a| a.name.clone()).collect();
    let chain = super::chain_text(&outlet, via.iter().map(String::as_str), &c.claimant.name);
    let qn = c.quantity.as_ref();
    Ok(Side {
        claim: c.id,
        claimant: c.claimant.name.clone(),
        claimant_aliases,
        claimant_part_of,
        via,
        chain,
        outlet,
        document: c.document.key.clone(),
        published: c.document.published.clone(),
        stated: c.stated.as_ref().map(|t| time::display(t, false)),
        valid: c.valid.as_ref().map(|t| time::display(t, false)),
        value: qn.and_then(|q| q.value).and_then(json_number),
        lower: qn.and_then(|q| q.lower).and_then(json_number),
        upper: qn.and_then(|q| q.upper).and_then(json_number),
        unit: qn.and_then(|q| q.unit.clone()),
        figure: qn.map(figure_text).filter(|s| !s.is_empty()),
        polarity: c.polarity.clone(),
        factuality: c.factuality,
        statement: c.statement.clone(),
        evidence: c.evidence.text.clone(),
    })
}

/// Union-find root.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn label(c: &ClaimRow) -> String {
    match c
        .quantity
        .as_ref()
        .map(figure_text)
        .filter(|s| !s.is_empty())
    {
        Some(f) => format!("{} ({}, {})", c.claimant.name, f, day_of(c)),
        None => format!("{} ({}, {})", c.claimant.name, c.polarity, day_of(c)),
    }
}

fn day_of(c: &ClaimRow) -> String {
    c.valid
        .as_ref()
        .or(c.stated.as_ref())
        .map(|t| time::display(t, false))
        .unwrap_or_else(|| c.document.published.clone())
}

/// Makes an anonymous claimant that belongs to an actor ("an administration
/// official" of the United States) speak as that actor: an unnamed official's
/// figure and the government's later one are the government's own figure
/// changing, not two sources disagreeing.
pub fn speak_for_owners(conn: &Connection, facts: &mut [ClaimFacts]) -> Result<()> {
    let owners = q::anonymous_parents(conn)?;
    if owners.is_empty() {
        return Ok(());
    }
    for f in facts {
        if let Some(&o) = owners.get(&f.claimant) {
            f.claimant = o;
        }
    }
    Ok(())
}

/// Replaces event targets by the event row that stands for them (see
/// [`super::graph::Csr::canonical`]).
pub fn canonical_targets(facts: &mut [ClaimFacts], canon: impl Fn(i64) -> i64) {
    for f in facts {
        if f.about.iter().any(|t| t.0) {
            for t in &mut f.about {
                if t.0 {
                    t.1 = canon(t.1);
                }
            }
            f.about.sort_unstable();
            f.about.dedup();
        }
    }
}

/// One line per contested subject: what `conflicts --summary` prints.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Names of the actors and events the claims are about.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    /// Claims about the subject.
    pub sides: usize,
    /// Pairs of claims from different sources that disagree.
    pub disagreeing_pairs: u64,
    /// Pairs where one source's figure changed over time.
    pub changes: u64,
    /// Earliest and latest day the claims describe.
    pub from: String,
    pub to: String,
}

/// The subjects where sources disagree, counted rather than listed: for
/// large stores, where every side of every group would be too much to read.
pub fn summary(conn: &Connection, opt: &Options) -> Result<Vec<SummaryRow>> {
    // Without a publication cut-off the grouping is the store's own and is
    // kept in a snapshot beside it: only the pair counts are computed here.
    if opt.as_of.is_none() {
        return Ok(super::index::ConflictIndex::open(conn)?.summary(opt));
    }
    let mut facts = q::claim_facts(conn, opt.as_of.as_deref())?;
    speak_for_owners(conn, &mut facts)?;
    let canon = super::graph::event_canon_map(conn)?;
    if !canon.is_empty() {
        canonical_targets(&mut facts, |e| canon.get(&e).copied().unwrap_or(e));
    }
    let clusters: Vec<Cluster> = analyse(&facts, opt, false)
        .into_iter()
        .filter(|c| c.between_sources > 0)
        .collect();
    let targets: Vec<q::Node> = clusters
        .iter()
        .flat_map(|c| facts[c.members[0]].about.iter())
        .map(|&(ev, id)| {
            if ev {
                q::Node::Event(id)
            } else {
                q::Node::Actor(id)
            }
        })
        .collect();
    let labels = q::node_labels(conn, &targets)?;
    Ok(clusters
        .iter()
        .map(|c| {
            let f = &facts[c.members[0]];
            let last = &facts[*c.members.last().expect("two or more")];
            SummaryRow {
                subject: f
                    .subject
                    .clone()
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| f.statement.clone()),
                unit: f.quantity.as_ref().and_then(|q| q.unit.clone()),
                about: f
                    .about
                    .iter()
                    .filter_map(|&(ev, id)| {
                        labels
                            .get(&if ev {
                                q::Node::Event(id)
                            } else {
                                q::Node::Actor(id)
                            })
                            .cloned()
                    })
                    .collect(),
                sides: c.members.len(),
                disagreeing_pairs: c.between_sources,
                changes: c.n_changes,
                from: fact_days(f).0.to_string(),
                to: fact_days(last).1.to_string(),
            }
        })
        .collect())
}

/// Finds every group of disagreeing claims.
pub fn conflicts(conn: &Connection, opt: &Options) -> Result<Report> {
    let mut facts = q::claim_facts(conn, opt.as_of.as_deref())?;
    speak_for_owners(conn, &mut facts)?;
    // Claims about two reports of one event are about the same event.
    let canon = super::graph::event_canon_map(conn)?;
    if !canon.is_empty() {
        canonical_targets(&mut facts, |e| canon.get(&e).copied().unwrap_or(e));
    }
    let clusters = analyse(&facts, opt, true);
    let about: Option<HashSet<i64>> = match &opt.about {
        Some(t) => Some(
            q::claims(
                conn,
                &ClaimFilter {
                    text: Some(t.clone()),
                    ..Default::default()
                },
            )?
            .into_iter()
            .map(|c| c.id)
            .collect(),
        ),
        None => None,
    };
    let clusters: Vec<Cluster> = clusters
        .into_iter()
        .filter(|c| {
            about
                .as_ref()
                .is_none_or(|a| c.members.iter().any(|&i| a.contains(&facts[i].id)))
        })
        .collect();
    // Full rows only for the claims that are shown.
    let ids: Vec<i64> = clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|&i| facts[i].id))
        .collect();
    let rows = q::claims_by_id(conn, &ids)?;
    let mut aliases = HashMap::new();
    let mut conflicts_out = Vec::new();
    let mut changes_only = Vec::new();
    for cl in clusters {
        let row = |i: usize| &rows[&facts[i].id];
        let mut disagreements: Vec<Disagreement> = cl
            .disagreements
            .iter()
            .map(|&(i, j, kind)| Disagreement {
                claims: [facts[i].id, facts[j].id],
                kind,
                summary: format!("{} vs {}", label(row(i)), label(row(j))),
            })
            .collect();
        let mut changes: Vec<Change> = cl
            .changes
            .iter()
            .map(|&(i, j)| {
                let (a, b) = (row(i), row(j));
                let fig = |c: &ClaimRow| c.quantity.as_ref().map(figure_text).unwrap_or_default();
                Change {
                    claimant: a.claimant.name.clone(),
                    claims: [a.id, b.id],
                    summary: format!(
                        "{}: {} ({}) then {} ({})",
                        a.claimant.name,
                        fig(a),
                        day_of(a),
                        fig(b),
                        day_of(b)
                    ),
                }
            })
            .collect();
        // The same claim carried by several documents gives the same pair
        // several times: one line each is enough (the sides list every carrier).
        let mut seen = HashSet::new();
        disagreements.retain(|d| seen.insert(d.summary.clone()));
        let mut seen = HashSet::new();
        changes.retain(|c| seen.insert(c.summary.clone()));
        let first = row(cl.members[0]);
        let group = Group {
            subject: {
                let s = first
                    .subject
                    .clone()
                    .unwrap_or_else(|| first.statement.clone());
                // A group of supposed figures says so (statements group
                // whatever their standing: each side shows its own).
                let figure = first.quantity.as_ref().and_then(stated_range).is_some();
                if figure && tentative(first.factuality) {
                    super::labelled(&s, first.factuality)
                } else {
                    s
                }
            },
            unit: first.quantity.as_ref().and_then(|q| q.unit.clone()),
            sides: cl
                .members
                .iter()
                .map(|&i| side(conn, row(i), &mut aliases))
                .collect::<Result<_>>()?,
            disagreements,
            changes,
        };
        if group.disagreements.is_empty() {
            changes_only.push(group);
        } else {
            conflicts_out.push(group);
        }
    }
    Ok(Report {
        tolerance: opt.tolerance,
        window_days: opt.window_days,
        conflicts: conflicts_out,
        changes_only,
    })
}

#[cfg(test)]
mod tests;
