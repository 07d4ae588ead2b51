//! Grouping claims about one subject and finding the pairs that disagree,
//! without comparing a large store pair by pair.

use super::*;

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
pub(super) fn fact_days(c: &ClaimFacts) -> (chrono::NaiveDate, chrono::NaiveDate) {
    c.valid.or(c.stated).unwrap_or((c.published, c.published))
}

/// Whether two sorted about-lists leave room for one subject: either says
/// nothing, or they share a target.
pub(super) fn about_compatible(a: &[(bool, i64)], b: &[(bool, i64)]) -> bool {
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
pub(super) fn fact_day_numbers(facts: &[ClaimFacts]) -> Vec<(i32, i32)> {
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
    // Bit 0: states a figure; bit 1: a tentative figure (see `tentative`),
    // which buckets and joins apart from asserted ones. A statement keeps
    // its proposition whatever its standing: "Russia plans an invasion"
    // affirmed and denied is one disagreement.
    let ranged: Vec<u8> = facts
        .iter()
        .map(|c| {
            let figure = c.quantity.as_ref().and_then(stated_range).is_some();
            u8::from(figure) | u8::from(figure && tentative(c.factuality)) << 1
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
            let counted = c.subject.as_deref().map_or(src, counted_part);
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
pub const SPLIT_GAP_DAYS: i32 = 92;

/// Whether two claims' day spans (days from the common era) are close
/// enough to speak of one moment: they overlap or lie at most
/// [`SPLIT_GAP_DAYS`] apart, the rule groups are cut by.
pub fn close_in_time(a: (i32, i32), b: (i32, i32)) -> bool {
    b.0 <= a.1.saturating_add(SPLIT_GAP_DAYS) && a.0 <= b.1.saturating_add(SPLIT_GAP_DAYS)
}

/// Splits claims in time order where nothing covers a gap of more than
/// [`SPLIT_GAP_DAYS`]: each part is a run of claims whose times overlap or
/// follow closely.
pub(super) fn split_by_time(m: Vec<usize>, days: &[(i32, i32)]) -> Vec<Vec<usize>> {
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
