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

/// Whether a claim's figure is only supposed, feared or asked for: such
/// figures are compared among themselves, never as sides against asserted
/// ones ("175,000 troops could invade" does not dispute "100,000 are there").
pub fn tentative(f: Factuality) -> bool {
    matches!(
        f,
        Factuality::Hypothetical | Factuality::Feared | Factuality::Proposed
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

/// Function words, hedges and quantity words that say nothing about what is
/// counted.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "that",
    "this",
    "these",
    "those",
    "its",
    "it",
    "their",
    "there",
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "estimated",
    "estimate",
    "more",
    "than",
    "less",
    "fewer",
    "over",
    "under",
    "up",
    "least",
    "most",
    "many",
    "much",
    "much",
    "just",
    "only",
    "still",
    "now",
    "currently",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "tens",
    "dozens",
    "several",
    "number",
    "not",
    "no",
    "never",
    "any",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "said",
    "says",
    "say",
    "according",
    "also",
    "already",
    "another",
    "other",
    "new",
    "all",
];

/// Words that turn a statement into its denial; dropped so that "X" and "not
/// X" share a key.
const NEGATION: &[&str] = &[
    "not", "no", "never", "deny", "denies", "denied", "nothing", "none",
];

/// A stem that lets plural, possessive and demonym forms meet: the first five
/// letters ("russia", "russian" → "russi"; "borders" → "borde").
fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    w.chars().take(5).collect()
}

/// The bag of stems that identifies what a claim is about.
pub fn subject_key(c: &ClaimRow) -> BTreeSet<String> {
    let src = c
        .subject
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&c.statement);
    let unit = c
        .quantity
        .as_ref()
        .and_then(|q| q.unit.as_deref())
        .unwrap_or("");
    words_key(src, unit)
}

/// A unit as compared: folded, singular, with the words news use for the
/// same count of people under arms made one ("forces", "soldiers" and
/// "troops" count the same thing).
pub fn unit_norm(unit: &str) -> String {
    let u = fold(unit);
    let u = u.trim_end_matches('s');
    match u {
        "troop" | "soldier" | "force" | "serviceman" | "servicemen" | "personnel" => {
            "troop".to_owned()
        }
        _ => u.to_owned(),
    }
}

/// Whether two subject keys name the same thing.
pub fn similar_subjects(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    let (small, _) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Either most words are shared, or the shorter subject is wholly inside
    // the longer one ("russian troops" within "russian troops near border").
    inter * 2 >= union || (inter == small.len() && small.len() >= 2)
}

/// The range a claim puts forward. "As many as 30,000" or "nearly 100,000"
/// put their figure forward as the estimate (the claimant is not merely
/// setting a ceiling), so a closed upper bound alone reads as that figure;
/// "fewer than" (an open upper bound) reads as the whole range below it.
pub fn stated_range(q: &Quantity) -> Option<(f64, f64)> {
    match (q.value, q.lower, q.upper) {
        (_, Some(lo), Some(hi)) => Some((lo.min(hi), lo.max(hi))),
        (_, Some(lo), None) => Some((lo, f64::INFINITY)),
        // "Nearly 100,000" is close below its figure, not anything below it.
        (_, None, Some(hi)) if q.upper_open && q.approximate => Some((hi * NEARLY, hi)),
        (_, None, Some(hi)) if q.upper_open => Some((0.0, hi)),
        (_, None, Some(hi)) => Some((hi, hi)),
        (Some(v), None, None) => Some((v, v)),
        (None, None, None) => None,
    }
}

/// The words of a vague magnitude, by the lower end the extractor gives it.
fn vague_words(lower: f64) -> Option<&'static str> {
    Some(match lower as i64 {
        24 => "dozens of",
        200 => "hundreds of",
        2_000 => "thousands of",
        20_000 => "tens of thousands of",
        200_000 => "hundreds of thousands of",
        2_000_000 => "millions of",
        20_000_000 => "tens of millions of",
        _ => return None,
    })
}

/// How far below its figure "nearly" or "almost" reaches.
const NEARLY: f64 = 0.9;

/// Whether two stated ranges stay apart once each is widened by `tol`.
pub fn figures_disagree(a: &Quantity, b: &Quantity, tol: f64) -> bool {
    match (stated_range(a), stated_range(b)) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let (a0, a1) = (a0 * (1.0 - tol), a1 * (1.0 + tol));
            let (b0, b1) = (b0 * (1.0 - tol), b1 * (1.0 + tol));
            a1 < b0 || b1 < a0
        }
        _ => false,
    }
}

/// A number as JSON: an integer when it is one, so that `95000` reads as such.
pub fn json_number(v: f64) -> Option<serde_json::Number> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        Some(serde_json::Number::from(v as i64))
    } else {
        serde_json::Number::from_f64(v)
    }
}

/// A figure in words, with thousands separators: "about 90,000",
/// "more than 127,000", "8,000 to 14,000 troops".
pub fn figure_text(q: &Quantity) -> String {
    let n = |v: f64| -> String {
        if v.fract() != 0.0 {
            return format!("{v}");
        }
        let s = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    };
    let approx = if q.approximate { "about " } else { "" };
    let body = match (q.value, q.lower, q.upper) {
        // A vague magnitude reads as the words it stands for ("tens of
        // thousands"), not as the range it is compared by.
        (_, Some(lo), Some(_)) if q.vague => vague_words(lo)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("some {}", n(lo))),
        (_, Some(lo), Some(hi)) => format!("{}{} to {}", approx, n(lo), n(hi)),
        (_, Some(lo), None) => format!(
            "{} {}",
            if q.lower_open {
                "more than"
            } else {
                "at least"
            },
            n(lo)
        ),
        // The extractor keeps "nearly" as an approximate open ceiling: it
        // reads back as the source said it, not as "fewer than".
        (_, None, Some(hi)) => format!(
            "{} {}",
            match (q.upper_open, q.approximate) {
                (true, true) => "nearly",
                (true, false) => "fewer than",
                _ => "as many as",
            },
            n(hi)
        ),
        (Some(v), None, None) => format!("{approx}{}", n(v)),
        (None, None, None) => String::new(),
    };
    match &q.unit {
        Some(u) if !body.is_empty() => format!("{body} {u}"),
        _ => body,
    }
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

/// A set of claims about one subject and what disagrees within it, as
/// indexes into the [`ClaimFacts`] slice given to [`analyse`].
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Members in time order (valid, else stated, else published; then id).
    pub members: Vec<usize>,
    /// Disagreeing pairs (`figures`, `self_contradiction`, `affirm_vs_deny`),
    /// when kept.
    pub disagreements: Vec<(usize, usize, &'static str)>,
    /// Pairs from different claimants that disagree (counted even when the
    /// pairs are not kept).
    pub between_sources: u64,
    /// A claimant's figure that moved between two times.
    pub changes: Vec<(usize, usize)>,
    /// How many such changes (counted even when the pairs are not kept).
    pub n_changes: u64,
}

/// The days a claim's figure holds: valid time, else stated time, else the
/// publication date.
fn fact_days(c: &ClaimFacts) -> (chrono::NaiveDate, chrono::NaiveDate) {
    c.valid.or(c.stated).unwrap_or((c.published, c.published))
}

/// Whether two sorted about-lists leave room for one subject: either says
/// nothing, or they share a target.
fn about_compatible(a: &[(bool, i64)], b: &[(bool, i64)]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Groups claims by subject and finds what disagrees in each group.
///
/// Claims with the same unit, the same subject words and the same targets
/// fall in one bucket first; buckets then join when their subjects are
/// similar and their targets compatible. Buckets are only compared with
/// buckets that share a target (or have none), so a large store is not
/// compared pair by pair. `keep_pairs = false` only counts disagreements.
pub fn analyse(facts: &[ClaimFacts], opt: &Options, keep_pairs: bool) -> Vec<Cluster> {
    let days = fact_day_numbers(facts);
    let mut out = Vec::new();
    for members in group(facts) {
        let mut cl = Cluster {
            members,
            ..Default::default()
        };
        let packed: Vec<Packed> = cl
            .members
            .iter()
            .map(|&i| Packed::new(&facts[i], days[i], opt.tolerance))
            .collect();
        let m = &cl.members;
        scan_pairs(&packed, window(opt), |x, y, kind, same_source| match kind {
            PairKind::Change => {
                cl.n_changes += 1;
                if keep_pairs {
                    cl.changes.push((m[x], m[y]));
                }
            }
            _ => {
                if !same_source {
                    cl.between_sources += 1;
                }
                if keep_pairs {
                    cl.disagreements.push((m[x], m[y], kind.as_str()));
                }
            }
        });
        if !cl.disagreements.is_empty() || cl.n_changes > 0 || cl.between_sources > 0 {
            out.push(cl);
        }
    }
    out
}

/// Each claim's [`fact_days`] as day numbers: the pair loop runs up to ~10^8
/// times on a large store, and date arithmetic there would dominate.
fn fact_day_numbers(facts: &[ClaimFacts]) -> Vec<(i32, i32)> {
    use chrono::Datelike;
    facts
        .iter()
        .map(fact_days)
        .map(|(a, b)| (a.num_days_from_ce(), b.num_days_from_ce()))
        .collect()
}

/// The groups of claims about one subject (two claims or more), each in time
/// order (valid, else stated, else published day; then publication, then
/// id), the groups ordered by their first member. The grouping depends on
/// the claims only, not on tolerance or window, so it can be kept (see
/// [`super::index::ConflictIndex`]).
pub fn group(facts: &[ClaimFacts]) -> Vec<Vec<usize>> {
    // Bit 0: states a figure; bit 1: a tentative one (see `tentative`),
    // which buckets and joins apart from asserted ones.
    let ranged: Vec<u8> = facts
        .iter()
        .map(|c| {
            u8::from(c.quantity.as_ref().and_then(stated_range).is_some())
                | u8::from(tentative(c.factuality)) << 1
        })
        .collect();
    // Subject words and unit are interned once per distinct (text, unit):
    // a store has far fewer distinct subjects than claims.
    let mut kinds: Vec<(BTreeSet<String>, String)> = Vec::new();
    let mut kind_ix: HashMap<(&str, &str), usize> = HashMap::new();
    let mut unit_ix: HashMap<String, usize> = HashMap::new();
    let mut kind_unit: Vec<usize> = Vec::new();
    let mut kind_place: Vec<Option<String>> = Vec::new();
    let mut kind_counted: Vec<BTreeSet<String>> = Vec::new();
    // Per interned subject: a figure and a statement of the same text
    // weigh alike, so this is kept per kind and figure-ness.
    let mut kind_cmp: Vec<Comparable> = Vec::new();
    // (has a figure, interned subject and unit, targets)
    type Bucket<'a> = (u8, usize, &'a [(bool, i64)]);
    let mut bucket_ix: HashMap<Bucket, usize> = HashMap::new();
    let mut bucket_members: Vec<Vec<usize>> = Vec::new();
    let mut bucket_keys: Vec<Bucket> = Vec::new();
    for (i, c) in facts.iter().enumerate() {
        let unit = c
            .quantity
            .as_ref()
            .and_then(|q| q.unit.as_deref())
            .unwrap_or("");
        let src = c
            .subject
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&c.statement);
        let k = *kind_ix.entry((src, unit)).or_insert_with(|| {
            let u = unit_norm(unit);
            let n = unit_ix.len();
            kind_unit.push(*unit_ix.entry(u.clone()).or_insert(n));
            // What is counted, without the place: "russian troops near
            // transnistria" counts what "russian troops" counts.
            let counted = c
                .subject
                .as_deref()
                .and_then(|s| s.split_once(" near "))
                .map_or(src, |(what, _)| what);
            kind_counted.push(words_key(counted, unit));
            kinds.push((words_key(src, unit), u));
            kind_place.push(c.subject.as_deref().and_then(place_of));
            kind_cmp.push(comparable(
                ranged[i] & 1 != 0,
                counted,
                unit,
                &kinds[kinds.len() - 1].0,
                kind_place[kinds.len() - 1].is_some(),
            ));
            kinds.len() - 1
        });
        match kind_cmp[k] {
            Comparable::Never => continue,
            Comparable::WithTarget if c.about.is_empty() => continue,
            _ => {}
        }
        let bk = (ranged[i], k, c.about.as_slice());
        let b = *bucket_ix.entry(bk).or_insert_with(|| {
            bucket_members.push(Vec::new());
            bucket_keys.push(bk);
            bucket_members.len() - 1
        });
        bucket_members[b].push(i);
    }

    // Join similar buckets, comparing only plausible candidates. Subjects
    // placed differently ("near ukraine border", "near belarus") never
    // join, not even through a subject without a place ("russian troops"):
    // that one joins a placed group only when all it resembles share one
    // place, else it stays a group of its own.
    let nb = bucket_members.len();
    let mut parent: Vec<usize> = (0..nb).collect();
    let mut bridges: Vec<(usize, usize)> = Vec::new();
    let mut groups: HashMap<(u8, usize), Vec<usize>> = HashMap::new();
    for (b, k) in bucket_keys.iter().enumerate() {
        groups.entry((k.0, kind_unit[k.1])).or_default().push(b);
    }
    for bs in groups.values() {
        // Statements meet only statements of the same words.
        let mut same_words: HashMap<&BTreeSet<String>, Vec<usize>> = HashMap::new();
        for &b in bs {
            if bucket_keys[b].0 & 1 == 0 {
                same_words
                    .entry(&kinds[bucket_keys[b].1].0)
                    .or_default()
                    .push(b);
            }
        }
        let mut by_target: HashMap<(bool, i64), Vec<usize>> = HashMap::new();
        let mut untargeted = Vec::new();
        for &b in bs {
            let about = bucket_keys[b].2;
            if about.is_empty() {
                untargeted.push(b);
            }
            for t in about {
                by_target.entry(*t).or_default().push(b);
            }
        }
        for &b in bs {
            let about = bucket_keys[b].2;
            let mut cands: Vec<usize> = if bucket_keys[b].0 & 1 == 0 {
                same_words[&kinds[bucket_keys[b].1].0].clone()
            } else if about.is_empty() {
                bs.clone()
            } else {
                let mut v: Vec<usize> = about
                    .iter()
                    .flat_map(|t| by_target[t].iter().copied())
                    .collect();
                v.extend(&untargeted);
                v
            };
            cands.sort_unstable();
            cands.dedup();
            for c in cands.into_iter().filter(|&c| c > b) {
                let (kb, kc) = (bucket_keys[b].1, bucket_keys[c].1);
                // A subject without a place resembles a placed one when it
                // names nothing beyond what the placed one counts.
                let unplaced_within = |u: usize, p: usize| {
                    kind_place[u].is_none()
                        && kind_place[p].is_some()
                        && !kinds[u].0.is_empty()
                        && kinds[u].0.is_subset(&kind_counted[p])
                };
                let (ab, ac) = (about, bucket_keys[c].2);
                let needs_target = |k: usize| kind_cmp[k] == Comparable::WithTarget;
                if (needs_target(kb) || needs_target(kc)) && (ab.is_empty() || ac.is_empty()) {
                    continue;
                }
                // A statement without a figure is one proposition: only
                // the same words (its predicate and participants) are the
                // same statement; sharing some words is no reason, or one
                // shared word after another would chain a thousand claims.
                if bucket_keys[b].0 & 1 == 0 {
                    if kinds[kb].0 == kinds[kc].0 && about_compatible(ab, ac) {
                        let (rb, rc) = (root(&mut parent, b), root(&mut parent, c));
                        parent[rb] = rc;
                    }
                    continue;
                }
                if about_compatible(about, bucket_keys[c].2)
                    && (kb == kc
                        || similar_subjects(&kinds[kb].0, &kinds[kc].0)
                        || unplaced_within(kb, kc)
                        || unplaced_within(kc, kb))
                {
                    match (&kind_place[kb], &kind_place[kc]) {
                        (pb, pc) if pb == pc => {
                            let (rb, rc) = (root(&mut parent, b), root(&mut parent, c));
                            parent[rb] = rc;
                        }
                        (None, Some(_)) => bridges.push((b, c)),
                        (Some(_), None) => bridges.push((c, b)),
                        _ => {}
                    }
                }
            }
        }
    }
    let mut reach: HashMap<usize, (Option<&String>, bool, Vec<usize>)> = HashMap::new();
    for &(unplaced, placed) in &bridges {
        let r = root(&mut parent, unplaced);
        let place = kind_place[bucket_keys[placed].1].as_ref();
        let e = reach.entry(r).or_insert((place, true, Vec::new()));
        e.1 &= e.0 == place;
        e.2.push(placed);
    }
    for (r, (_, one_place, placed)) in reach {
        if one_place {
            for c in placed {
                let (rr, rc) = (root(&mut parent, r), root(&mut parent, c));
                parent[rr] = rc;
            }
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for (b, m) in bucket_members.into_iter().enumerate() {
        let r = root(&mut parent, b);
        clusters.entry(r).or_default().extend(m);
    }
    let days = fact_day_numbers(facts);
    let mut out: Vec<Vec<usize>> = clusters
        .into_values()
        .filter(|m| m.len() >= 2)
        .flat_map(|mut m| {
            m.sort_by_key(|&i| (days[i], facts[i].published, facts[i].id));
            split_by_time(m, &days)
        })
        .filter(|m| m.len() >= 2)
        .collect();
    out.sort_by_key(|m| (days[m[0]], facts[m[0]].id));
    out
}

/// Days between two claims of a subject beyond which they describe
/// different moments: figures a season apart with nothing said in between
/// are two stories (the troops of a 1998 report are not the troops of
/// 2022), while a source revising its figure within weeks stays a change.
const SPLIT_GAP_DAYS: i32 = 92;

/// Splits claims in time order where nothing covers a gap of more than
/// [`SPLIT_GAP_DAYS`]: each part is a run of claims whose times overlap or
/// follow closely.
fn split_by_time(m: Vec<usize>, days: &[(i32, i32)]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut reach = i32::MIN;
    for i in m {
        let (start, end) = days[i];
        match out.last_mut() {
            Some(run) if start <= reach.saturating_add(SPLIT_GAP_DAYS) => run.push(i),
            _ => out.push(vec![i]),
        }
        reach = reach.max(end);
    }
    out
}

/// Whether claims of a subject can be compared with others at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparable {
    /// The subject says what is counted (or the statement says enough).
    Always,
    /// Only with a claim about the same actor or event: "people killed"
    /// says what happened but not where or in what.
    WithTarget,
    /// Never: "dollars" or "people" alone, or a statement of one word, say
    /// nothing that two claims could share.
    Never,
}

/// How a subject allows comparison: `counted` is what it counts (its
/// text before " near PLACE"), `key` the stems of the whole subject (the
/// unit's own left out).
fn comparable(
    ranged: bool,
    counted: &str,
    unit: &str,
    key: &BTreeSet<String>,
    placed: bool,
) -> Comparable {
    if !ranged {
        return if key.len() >= 2 {
            Comparable::Always
        } else {
            Comparable::Never
        };
    }
    if key.is_empty() {
        return Comparable::Never;
    }
    let words = content_words(counted, unit);
    let unit_f = fold(unit);
    // "People near the United States": a place but nothing about who is
    // counted; "dollars" or "American dollars": the currency, not what
    // the money is; "vote share", "turnout": a measure with no holder;
    // "people killed": what happened, with no place or occasion. Each
    // compares only with a claim about the same actor or event.
    let bare = words.is_empty()
        || (CURRENCIES.contains(&unit_f.as_str()) && words.len() <= 1)
        || (unit_f == "percent" && is_bare_measure(counted))
        || (!placed && words.iter().any(|w| w.ends_with("ed")));
    if bare {
        Comparable::WithTarget
    } else {
        Comparable::Always
    }
}

/// Whether a figure's subject says enough of what it counts to be set
/// against another figure without a shared target (see [`group`]).
pub fn figure_subject_comparable(subject: &str, unit: &str) -> bool {
    let counted = subject
        .split_once(" near ")
        .map_or(subject, |(what, _)| what);
    let key = words_key(subject, unit);
    comparable(true, counted, unit, &key, place_of(subject).is_some()) == Comparable::Always
}

/// Currencies as units: a figure in them says how much, never of what.
const CURRENCIES: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles", "rupees", "pesos", "francs",
    "dollar", "euro", "pound",
];

/// Whether a percentage's subject is only a measure's canonical name
/// ("vote share", "inflation"): nothing says whose.
fn is_bare_measure(subject: &str) -> bool {
    static MEASURES: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(|| {
        include_str!("../../data/quantities/measures.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(|m| fold(m.trim()))
            .collect()
    });
    MEASURES.contains(&fold(subject))
}

/// The words of a counted text that say something: stop words, the unit and
/// numbers left out.
fn content_words(counted: &str, unit: &str) -> Vec<String> {
    let unit = fold(unit);
    let unit_one = unit.trim_end_matches('s');
    fold(counted)
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| w.len() > 1 && !w.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|w| !STOP.contains(w) && *w != unit && *w != unit_one)
        .map(str::to_owned)
        .collect()
}

/// What kind of disagreement a pair of claims is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Two sources' figures apart at overlapping times.
    Figures,
    /// One source's figures apart at the same time and publication.
    SelfContradiction,
    /// One affirms, the other denies, at overlapping times.
    AffirmVsDeny,
    /// One source's figure moved between two times (not a conflict).
    Change,
}

impl PairKind {
    fn as_str(self) -> &'static str {
        match self {
            PairKind::Figures => "figures",
            PairKind::SelfContradiction => "self_contradiction",
            PairKind::AffirmVsDeny => "affirm_vs_deny",
            PairKind::Change => "change",
        }
    }
}

/// What the pair test reads of a claim, packed next to each other (a hub
/// subject has thousands of claims and millions of pairs), with the range
/// already widened by the tolerance.
#[derive(Debug, Clone, Copy)]
pub struct Packed {
    /// Claimant actor id.
    pub claimant: i64,
    /// Widened range; `lo` is NaN when the claim states no figure.
    pub lo: f64,
    /// Upper end of the widened range (NaN without a figure).
    pub hi: f64,
    /// Valid (else stated, else published) days as day numbers.
    pub days: (i32, i32),
    /// Publication day number.
    pub published: i32,
    /// `true` for a denial.
    pub deny: bool,
}

impl Packed {
    fn new(f: &ClaimFacts, days: (i32, i32), tol: f64) -> Packed {
        use chrono::Datelike;
        let range = f.quantity.as_ref().and_then(stated_range);
        Packed::from_parts(
            f.claimant,
            range,
            days,
            f.published.num_days_from_ce(),
            f.deny,
            tol,
        )
    }

    /// A packed claim from its parts; `range` is the stated range.
    pub fn from_parts(
        claimant: i64,
        range: Option<(f64, f64)>,
        days: (i32, i32),
        published: i32,
        deny: bool,
        tol: f64,
    ) -> Packed {
        let (lo, hi) = range.map_or((f64::NAN, f64::NAN), |(a, b)| {
            (a * (1.0 - tol), b * (1.0 + tol))
        });
        Packed {
            claimant,
            lo,
            hi,
            days,
            published,
            deny,
        }
    }
}

/// `window_days` as the pair test uses it.
pub fn window(opt: &Options) -> i32 {
    i32::try_from(opt.window_days)
        .unwrap_or(i32::MAX / 4)
        .min(i32::MAX / 4)
}

/// Calls `f(x, y, kind, same_source)` for every pair `x < y` of one group that
/// disagrees or shows a change: figures apart (beyond the tolerance already
/// applied to the ranges) from two sources at overlapping times (each time
/// widened by `w` days), one source's figures apart on the same day and
/// publication, or affirm against deny at overlapping times.
#[inline]
pub fn scan_pairs(p: &[Packed], w: i32, mut f: impl FnMut(usize, usize, PairKind, bool)) {
    for (x, a) in p.iter().enumerate() {
        let da = a.days;
        let a_ranged = !a.lo.is_nan();
        for (y, b) in p.iter().enumerate().skip(x + 1) {
            let b_ranged = !b.lo.is_nan();
            if a_ranged != b_ranged {
                continue;
            }
            let db = b.days;
            let overlap = da.0 - w <= db.1 + w && db.0 - w <= da.1 + w;
            let same_source = a.claimant == b.claimant;
            let kind = if a_ranged {
                if !(a.hi < b.lo || b.hi < a.lo) {
                    continue;
                }
                if same_source {
                    if da != db || a.published != b.published {
                        PairKind::Change
                    } else {
                        PairKind::SelfContradiction
                    }
                } else if overlap {
                    PairKind::Figures
                } else {
                    continue;
                }
            } else if a.deny != b.deny && overlap {
                PairKind::AffirmVsDeny
            } else {
                continue;
            };
            f(x, y, kind, same_source);
        }
    }
}

/// Where a normalised subject is ("russian troops near ukraine border" is
/// near "ukraine"), from the extractor's "near PLACE" form.
fn place_of(subject: &str) -> Option<String> {
    let (_, rest) = subject.split_once(" near ")?;
    let place = rest.trim_end_matches(" border").trim();
    (!place.is_empty()).then(|| fold(place))
}

/// The bag of stems of a subject text, the unit's own stem left out.
pub fn words_key(src: &str, unit: &str) -> BTreeSet<String> {
    let unit = (!unit.is_empty()).then(|| stem(&fold(unit)));
    fold(src)
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| w.len() > 1 && !w.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|w| !STOP.contains(w) && !NEGATION.contains(w))
        .map(stem)
        .filter(|s| Some(s) != unit.as_ref())
        .collect()
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
                // A group of supposed figures says so.
                if tentative(first.factuality) {
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
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    fn point(v: f64) -> Quantity {
        Quantity {
            value: Some(v),
            ..Default::default()
        }
    }

    #[test]
    fn ranges_not_point_values_decide() {
        let janes = Quantity {
            lower: Some(8_000.0),
            upper: Some(14_000.0),
            ..Default::default()
        };
        let as_many_as = Quantity {
            value: Some(30_000.0),
            upper: Some(30_000.0),
            ..Default::default()
        };
        let more_than = Quantity {
            lower: Some(127_000.0),
            lower_open: true,
            ..Default::default()
        };
        assert!(figures_disagree(&janes, &as_many_as, 0.05));
        assert!(figures_disagree(&point(100_000.0), &more_than, 0.05));
        assert!(!figures_disagree(&point(130_000.0), &more_than, 0.05));
        assert!(figures_disagree(&point(90_000.0), &point(100_000.0), 0.05));
        assert!(!figures_disagree(&point(90_000.0), &point(100_000.0), 0.10));
        let fewer = Quantity {
            upper: Some(1_000.0),
            upper_open: true,
            ..Default::default()
        };
        assert!(!figures_disagree(&fewer, &point(500.0), 0.0));
        assert_eq!(figure_text(&more_than), "more than 127,000");
        assert_eq!(json_number(95_000.0).unwrap().to_string(), "95000");
        assert_eq!(unit_norm("Forces"), unit_norm("troops"));
        assert_ne!(unit_norm("tanks"), unit_norm("troops"));
    }

    #[test]
    fn subjects_meet_across_wordings() {
        let db = fx::empty();
        let a = fx::actor(&db, "Ukraine", "country", None, &[]);
        let d = fx::document(&db, "d", "CNN", "2021-12-01");
        let c = |s: &str| {
            let id = fx::claim(
                &db,
                d,
                C {
                    claimant: a,
                    statement: s,
                    ..Default::default()
                },
            );
            q::claims(
                &db,
                &ClaimFilter {
                    ids: Some(vec![id]),
                    ..Default::default()
                },
            )
            .unwrap()
            .remove(0)
        };
        let k1 = subject_key(&c("Russian troops near Ukraine's border"));
        let k2 = subject_key(&c("russian troops near the ukraine borders"));
        let k3 = subject_key(&c("Russian troops in Belarus"));
        assert_eq!(k1, k2);
        assert!(similar_subjects(&k1, &k2));
        assert!(!similar_subjects(&k1, &k3));
    }

    /// A feared invasion force is no side against a counted deployment:
    /// tentative figures group among themselves, labelled.
    #[test]
    fn feared_figures_are_no_side_against_asserted_ones() {
        let db = fx::empty();
        let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
        let us = fx::actor(&db, "United States", "country", None, &[]);
        let uk = fx::actor(&db, "United Kingdom", "country", None, &[]);
        let d1 = fx::document(&db, "d1", "CNN", "2021-12-03");
        let d2 = fx::document(&db, "d2", "AP", "2021-12-04");
        let mk = |doc, who, v: f64| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    subject: Some("russian troops near ukraine border"),
                    statement: "troops near the border",
                    value: Some(v),
                    unit: Some("troops"),
                    valid: Some("2021-12"),
                    ..Default::default()
                },
            )
        };
        let counted = mk(d1, ua, 90_000.0);
        let feared = mk(d2, us, 175_000.0);
        let feared2 = mk(d2, uk, 120_000.0);
        db.execute(
            "UPDATE claims SET factuality = 'feared' WHERE id IN (?1, ?2)",
            [feared, feared2],
        )
        .unwrap();
        let r = conflicts(&db, &Options::default()).unwrap();
        for g in &r.conflicts {
            for d in &g.disagreements {
                assert!(
                    !d.claims.contains(&counted),
                    "an asserted figure disputed by a feared one: {r:#?}"
                );
            }
        }
        let g = r
            .conflicts
            .iter()
            .find(|g| g.sides.iter().any(|s| s.claim == feared))
            .expect("the feared figures disagree among themselves");
        assert!(g.subject.ends_with("[feared]"), "{g:#?}");
        assert!(g.sides.iter().all(|s| s.factuality == Factuality::Feared));
    }

    /// Two governments disagree in December; one of them revises its own
    /// figure in January: one conflict group, both kinds kept apart.
    #[test]
    fn disagreement_and_change_kept_apart() {
        let db = fx::empty();
        let ua = fx::actor(&db, "Ukraine", "country", None, &["Kyiv"]);
        let us = fx::actor(&db, "United States", "country", None, &["U.S."]);
        let off = fx::actor(&db, "unnamed official", "anonymous", Some(us), &[]);
        let ap = fx::actor(&db, "AP", "media", None, &[]);
        let d1 = fx::document(&db, "d1", "CNN", "2021-12-03");
        let d2 = fx::document(&db, "d2", "CBS News", "2021-12-04");
        let d3 = fx::document(&db, "d3", "CNN", "2022-01-19");
        let subject = Some("russian troops near ukraine border");
        let mk = |doc, who, via: &'static [i64], v: f64, day: &'static str| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    via,
                    subject,
                    statement: "troops near the border",
                    value: Some(v),
                    unit: Some("troops"),
                    valid: Some(day),
                    ..Default::default()
                },
            )
        };
        let via_ap: &'static [i64] = Box::leak(Box::new([ap]));
        let c1 = mk(d1, ua, &[], 95_000.0, "2021-12-03");
        let c2 = mk(d2, off, via_ap, 70_000.0, "2021-12-04");
        // Weeks later (a season later it would be another story).
        let c3 = mk(d3, ua, &[], 150_000.0, "2022-01-02");
        // A different subject with a wildly different figure never joins.
        fx::claim(
            &db,
            d3,
            C {
                claimant: us,
                subject: Some("russian troops in belarus"),
                statement: "x",
                value: Some(30_000.0),
                unit: Some("troops"),
                valid: Some("2022-01-18"),
                ..Default::default()
            },
        );
        let r = conflicts(&db, &Options::default()).unwrap();
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        let g = &r.conflicts[0];
        assert_eq!(
            g.sides.iter().map(|s| s.claim).collect::<Vec<_>>(),
            vec![c1, c2, c3]
        );
        assert_eq!(g.disagreements.len(), 1);
        assert_eq!(g.disagreements[0].claims, [c1, c2]);
        assert_eq!(g.changes.len(), 1);
        assert_eq!(g.changes[0].claims, [c1, c3]);
        assert_eq!(g.sides[1].chain, "CBS News > AP > unnamed official");
        assert_eq!(
            g.sides[1].claimant_part_of.as_deref(),
            Some("United States")
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["conflicts"][0]["sides"][0]["value"],
            serde_json::json!(95000)
        );
        assert_eq!(
            json["conflicts"][0]["sides"][0]["claimant_aliases"],
            serde_json::json!(["Kyiv"])
        );

        // A tolerance wide enough to cover 70,000..95,000 leaves only the change
        // (95,000 to 150,000 stays apart even at 20%).
        let wide = conflicts(
            &db,
            &Options {
                tolerance: 0.2,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(wide.conflicts.is_empty());
        assert_eq!(wide.changes_only.len(), 1);
        // --about filters groups by full-text search.
        let none = conflicts(
            &db,
            &Options {
                about: Some("pipeline".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(none.conflicts.is_empty());
    }

    #[test]
    fn a_subject_without_place_joins_no_two_places() {
        let db = fx::empty();
        let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
        let us = fx::actor(&db, "United States", "country", None, &[]);
        let d1 = fx::document(&db, "d1", "CNN", "2022-01-10");
        let d2 = fx::document(&db, "d2", "ABC News", "2022-02-10");
        let mk = |doc, who, subject: &'static str, v: f64, day: &'static str| {
            fx::claim(
                &db,
                doc,
                C {
                    claimant: who,
                    subject: Some(subject),
                    statement: "troops",
                    value: Some(v),
                    unit: Some("troops"),
                    valid: Some(day),
                    ..Default::default()
                },
            )
        };
        let near_ua = mk(
            d1,
            ua,
            "russian troops near ukraine border",
            127_000.0,
            "2022-01-10",
        );
        let anywhere = mk(d1, us, "russian troops", 100_000.0, "2022-01-10");
        let in_by_us = mk(
            d2,
            us,
            "russian troops near belarus",
            30_000.0,
            "2022-02-10",
        );
        let in_by_ua = mk(d2, ua, "russian troops near belarus", 9_000.0, "2022-02-10");
        let r = conflicts(&db, &Options::default()).unwrap();
        let groups: Vec<Vec<i64>> = r
            .conflicts
            .iter()
            .chain(&r.changes_only)
            .map(|g| g.sides.iter().map(|s| s.claim).collect())
            .collect();
        // Belarus figures disagree among themselves ...
        assert!(
            groups
                .iter()
                .any(|g| g.contains(&in_by_us) && g.contains(&in_by_ua)),
            "{groups:?}"
        );
        // ... and the place-less figure bridges neither way: no "change" from
        // 100,000 near Ukraine to 30,000 in Belarus.
        for g in &groups {
            assert!(
                !(g.contains(&near_ua) && g.contains(&in_by_us)),
                "{groups:?}"
            );
            assert!(
                !(g.contains(&anywhere) && g.contains(&in_by_us)),
                "{groups:?}"
            );
        }
    }

    /// Statements that share some words in a chain (A with B, B with C)
    /// are not one subject; only the same proposition affirmed and denied
    /// is a disagreement.
    #[test]
    fn statements_do_not_snowball() {
        let db = fx::empty();
        let mayor = fx::actor(&db, "Mayor Lind", "person", None, &[]);
        let council = fx::actor(&db, "City Council", "organization", None, &[]);
        let d = fx::document(&db, "d", "Harbor Wire", "2024-05-02");
        let say = |who, statement, polarity| {
            fx::claim(
                &db,
                d,
                C {
                    claimant: who,
                    statement,
                    polarity,
                    stated: Some("2024-05-01"),
                    ..Default::default()
                },
            )
        };
        say(mayor, "the bridge will reopen in June", "affirm");
        say(council, "the bridge toll will not rise in June", "deny");
        say(mayor, "the toll road will close", "affirm");
        say(council, "the ferry will not close", "deny");
        let a = say(mayor, "the council approved the harbour budget", "affirm");
        let b = say(
            council,
            "the council never approved the harbour budget",
            "deny",
        );
        let r = conflicts(&db, &Options::default()).unwrap();
        let groups: Vec<Vec<i64>> = r
            .conflicts
            .iter()
            .map(|g| g.sides.iter().map(|s| s.claim).collect())
            .collect();
        assert_eq!(groups, vec![vec![a, b]]);
    }

    /// Figures whose subject says nothing of what is counted ("dollars",
    /// "people killed" with no place) never meet; the same words about one
    /// event do; and claims months apart are two stories.
    #[test]
    fn figures_meet_only_about_the_same_thing() {
        let db = fx::empty();
        let a = fx::actor(&db, "Port Authority", "organization", None, &[]);
        let b = fx::actor(&db, "Dockworkers Union", "organization", None, &[]);
        let flood = fx::actor(&db, "Veldonia", "country", None, &[]);
        let d = fx::document(&db, "d", "Harbor Wire", "2024-05-02");
        let fig = |who, subject, v: f64, unit, day, about: &'static [i64]| {
            fx::claim(
                &db,
                d,
                C {
                    claimant: who,
                    subject: Some(subject),
                    statement: "a figure",
                    value: Some(v),
                    unit: Some(unit),
                    valid: Some(day),
                    about,
                    ..Default::default()
                },
            )
        };
        fig(a, "dollars", 2_000_000.0, "dollars", "2024-05-01", &[]);
        fig(b, "dollars", 9_000.0, "dollars", "2024-05-01", &[]);
        fig(a, "people killed", 3.0, "people", "2024-05-01", &[]);
        fig(b, "people killed", 40.0, "people", "2024-05-01", &[]);
        fig(
            a,
            "people near veldonia",
            300.0,
            "people",
            "2024-05-01",
            &[],
        );
        fig(
            b,
            "people near veldonia",
            80_000.0,
            "people",
            "2024-05-01",
            &[],
        );
        fig(a, "vote share", 4.0, "percent", "2024-05-01", &[]);
        fig(b, "vote share", 20.0, "percent", "2024-05-01", &[]);
        let about: &'static [i64] = Box::leak(Box::new([flood]));
        let k1 = fig(a, "people killed", 12.0, "people", "2024-05-01", about);
        let k2 = fig(b, "people killed", 30.0, "people", "2024-05-02", about);
        let s1 = fig(
            a,
            "striking dockworkers near harbour",
            900.0,
            "workers",
            "2024-01-10",
            &[],
        );
        let s2 = fig(
            b,
            "striking dockworkers near harbour",
            2_000.0,
            "workers",
            "2024-01-11",
            &[],
        );
        let s3 = fig(
            a,
            "striking dockworkers near harbour",
            150.0,
            "workers",
            "2024-09-01",
            &[],
        );
        let s4 = fig(
            b,
            "striking dockworkers near harbour",
            600.0,
            "workers",
            "2024-09-02",
            &[],
        );
        let r = conflicts(&db, &Options::default()).unwrap();
        let mut groups: Vec<Vec<i64>> = r
            .conflicts
            .iter()
            .map(|g| g.sides.iter().map(|s| s.claim).collect())
            .collect();
        groups.sort();
        assert_eq!(groups, vec![vec![k1, k2], vec![s1, s2], vec![s3, s4]]);
    }

    #[test]
    fn a_figure_reads_as_said() {
        let nearly = Quantity {
            value: Some(100_000.0),
            upper: Some(100_000.0),
            upper_open: true,
            approximate: true,
            unit: Some("troops".into()),
            ..Default::default()
        };
        assert_eq!(figure_text(&nearly), "nearly 100,000 troops");
        // "Nearly 100,000" is not "any figure below 100,000".
        assert!(figures_disagree(&nearly, &point(50_000.0), 0.05));
        assert!(!figures_disagree(&nearly, &point(95_000.0), 0.05));
        let fewer = Quantity {
            upper: Some(100_000.0),
            upper_open: true,
            ..Default::default()
        };
        assert_eq!(figure_text(&fewer), "fewer than 100,000");
        let tens = Quantity {
            lower: Some(20_000.0),
            upper: Some(100_000.0),
            vague: true,
            approximate: true,
            upper_open: true,
            unit: Some("troops".into()),
            ..Default::default()
        };
        assert_eq!(figure_text(&tens), "tens of thousands of troops");
    }

    #[test]
    fn affirm_versus_deny() {
        let db = fx::empty();
        let us = fx::actor(&db, "United States", "country", None, &[]);
        let kremlin = fx::actor(&db, "Kremlin", "government", None, &[]);
        let d = fx::document(&db, "d", "CNN", "2022-01-19");
        let c1 = fx::claim(
            &db,
            d,
            C {
                claimant: us,
                statement: "Russia is planning an invasion of Ukraine",
                stated: Some("2022-01-18"),
                ..Default::default()
            },
        );
        let c2 = fx::claim(
            &db,
            d,
            C {
                claimant: kremlin,
                statement: "Russia is not planning an invasion of Ukraine",
                polarity: "deny",
                stated: Some("2022-01-19"),
                ..Default::default()
            },
        );
        let r = conflicts(&db, &Options::default()).unwrap();
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(r.conflicts[0].disagreements[0].kind, "affirm_vs_deny");
        assert_eq!(r.conflicts[0].disagreements[0].claims, [c1, c2]);
    }
}
