//! A seeded synthetic corpus for benchmarks and scale tests.
//!
//! [`corpus`] yields bundles lazily (so a million claims never sit in memory
//! at once): documents of [`CLAIMS_PER_DOC`] claims, each with eight actors
//! drawn from a shared pool (so that they merge across documents, some
//! through an alias or an accent-free spelling), one anonymous source, two
//! events, two relations and three timexes. Same seed and size, same corpus.

use crate::model::{
    Actor, ActorKind, Bundle, Claim, Document, Event, EventStatus, Evidence, Factuality, Modality,
    Participant, Polarity, Quantity, Relation, TimeValue, Timex, TimexType,
};
use chrono::{Datelike, Days, NaiveDate};

/// Claims per synthetic document.
pub const CLAIMS_PER_DOC: usize = 20;

/// SplitMix64: tiny, seedable, good enough to vary synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ve", "ri", "tan", "mor", "el", "sa", "du", "ni", "bar", "quo", "zel", "pi", "rus",
    "ta", "go", "mi", "len", "vo", "da", "kor", "sel", "fa",
];
const KINDS: &[ActorKind] = &[
    ActorKind::Person,
    ActorKind::Person,
    ActorKind::Person,
    ActorKind::Country,
    ActorKind::Organization,
    ActorKind::Government,
    ActorKind::Media,
    ActorKind::Group,
];
const UNITS: &[&str] = &[
    "troops",
    "tanks",
    "people",
    "ships",
    "battalion tactical groups",
    "dollars",
];
const EVENT_KINDS: &[&str] = &[
    "meeting",
    "call",
    "sanction",
    "military_buildup",
    "exercise",
    "protest",
];
const RELATION_KINDS: &[&str] = &[
    "supports",
    "opposes",
    "meets",
    "threatens",
    "sanctions",
    "allied_with",
];
const ROLES: &[&str] = &["participant", "host", "agent", "target"];

fn word(mut k: usize, parts: usize) -> String {
    let mut w = String::new();
    for _ in 0..parts {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Pool actor `k`: its kind, canonical name and an alias.
fn pool_actor(k: usize) -> (ActorKind, String, String) {
    let kind = KINDS[k % KINDS.len()];
    let given = word(k.wrapping_mul(7919), 2);
    let family = word(k, 3);
    match kind {
        ActorKind::Person => (kind, format!("{given} {family}"), family),
        ActorKind::Country => (kind, format!("Republic of {family}"), family),
        _ => (kind, format!("{family} {given}"), format!("the {family}")),
    }
}

/// The size of the shared actor pool for a corpus of `claims` claims: about
/// one identity per 25 claims, so that most actors appear in many documents.
/// Family names come from 24³ = 13,824 syllable triples, so beyond that
/// identities share names and merge through them, as namesakes would (1M
/// claims end up with about 13,900 named actors).
pub fn pool_size(claims: usize) -> usize {
    (claims / 25).max(50)
}

/// `n` claims in `ceil(n / CLAIMS_PER_DOC)` documents, generated lazily.
pub fn corpus(seed: u64, n: usize) -> impl Iterator<Item = Bundle> {
    let docs = n.div_ceil(CLAIMS_PER_DOC);
    let pool = pool_size(n);
    let mut rng = Rng::new(seed);
    (0..docs).map(move |d| {
        let claims = CLAIMS_PER_DOC.min(n - d * CLAIMS_PER_DOC);
        document(&mut rng, d, claims, pool)
    })
}

fn document(rng: &mut Rng, d: usize, n_claims: usize, pool: usize) -> Bundle {
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).expect("valid date");
    let published = base + Days::new((d % 730) as u64);
    let mut actors = Vec::with_capacity(9);
    let mut picked = Vec::with_capacity(8);
    while picked.len() < 8 {
        let k = rng.below(pool);
        if !picked.contains(&k) {
            picked.push(k);
        }
    }
    for (i, &k) in picked.iter().enumerate() {
        let (kind, name, alias) = pool_actor(k);
        // Some documents name the actor by its alias only, some drop the
        // accent a proper name might carry: both must still merge.
        let local = match rng.below(4) {
            0 => alias.clone(),
            1 => name.replacen('a', "á", 1),
            _ => name.clone(),
        };
        actors.push(Actor {
            id: format!("a{i}"),
            name: local,
            kind,
            aliases: vec![alias],
            part_of: (i == 1).then(|| "a0".to_owned()),
            mentions: Vec::new(),
        });
    }
    actors.push(Actor {
        id: "a8".into(),
        name: "officials".into(),
        kind: ActorKind::Anonymous,
        part_of: Some("a0".into()),
        ..Default::default()
    });
    let publisher = actors
        .iter()
        .find(|a| a.kind == ActorKind::Media)
        .map(|a| a.name.clone());

    let day = |t: NaiveDate| TimeValue::from_value(&t.to_string());
    let month = TimeValue::from_value(&format!("{:04}-{:02}", published.year(), published.month()));
    let mut offset = 0usize;
    let mut evidence = |text: String| {
        let start = offset;
        offset += text.len() + 1;
        Evidence {
            start,
            end: start + text.len(),
            text,
            rule: Some("synth".into()),
        }
    };

    let events: Vec<Event> = (0..2)
        .map(|i| {
            let a = rng.below(8);
            let b = (a + 1 + rng.below(7)) % 8;
            let when = published + Days::new(rng.below(10) as u64);
            Event {
                id: format!("e{i}"),
                kind: EVENT_KINDS[rng.below(EVENT_KINDS.len())].into(),
                label: format!("{} and {} hold talks", actors[a].name, actors[b].name),
                time: Some(day(when)),
                place: Some(word(rng.below(500), 2)),
                participants: vec![
                    Participant {
                        actor: actors[a].id.clone(),
                        role: ROLES[rng.below(ROLES.len())].into(),
                    },
                    Participant {
                        actor: actors[b].id.clone(),
                        role: "participant".into(),
                    },
                ],
                status: if when > published {
                    EventStatus::Planned
                } else {
                    EventStatus::Occurred
                },
                factuality: if when > published {
                    Factuality::Planned
                } else {
                    Factuality::Asserted
                },
                evidence: evidence(format!(
                    "{} will meet {} on {} to discuss the situation.",
                    actors[a].name, actors[b].name, when
                )),
            }
        })
        .collect();

    let subjects = (pool / 4).max(10);
    let claims: Vec<Claim> = (0..n_claims)
        .map(|i| {
            let claimant = rng.below(9);
            let via: Vec<String> = match rng.below(10) {
                0..=5 => Vec::new(),
                6..=8 => vec![actors[(claimant + 1) % 8].id.clone()],
                _ => vec![
                    actors[(claimant + 1) % 8].id.clone(),
                    actors[(claimant + 2) % 8].id.clone(),
                ],
            };
            let unit = UNITS[rng.below(UNITS.len())];
            let subject = format!(
                "{unit} near {}",
                word(rng.below(subjects), 3).to_lowercase()
            );
            let value = (rng.below(200) + 1) as f64 * 500.0;
            let quantity = rng.chance(0.6).then(|| Quantity {
                value: Some(value),
                unit: Some(unit.into()),
                approximate: rng.chance(0.5),
                ..Default::default()
            });
            let statement = format!(
                "about {value} {subject} as of {}",
                published.format("%B %Y")
            );
            Claim {
                id: format!("c{i}"),
                claimant: actors[claimant].id.clone(),
                via,
                subject: Some(subject),
                evidence: evidence(format!(
                    "{} said there were about {value} {unit} in the area.",
                    actors[claimant].name
                )),
                statement,
                quantity,
                polarity: if rng.chance(0.9) {
                    Polarity::Affirm
                } else {
                    Polarity::Deny
                },
                modality: if rng.chance(0.7) {
                    Modality::Assertion
                } else {
                    Modality::Estimate
                },
                factuality: Factuality::Asserted,
                stated: Some(day(published)),
                valid: Some(month.clone()),
                about: if rng.chance(0.2) {
                    vec![events[0].id.clone()]
                } else {
                    Vec::new()
                },
            }
        })
        .collect();

    let relations = (0..2)
        .map(|_| {
            let a = rng.below(8);
            let b = (a + 1 + rng.below(7)) % 8;
            let kind = RELATION_KINDS[rng.below(RELATION_KINDS.len())];
            Relation {
                source: actors[a].id.clone(),
                kind: kind.into(),
                target: actors[b].id.clone(),
                time: Some(month.clone()),
                factuality: Factuality::Asserted,
                evidence: evidence(format!("{} {kind} {}.", actors[a].name, actors[b].name)),
            }
        })
        .collect();

    let timexes = (0..3)
        .map(|i| Timex {
            start: i * 40,
            end: i * 40 + 10,
            text: published.to_string(),
            kind: TimexType::Date,
            value: published.to_string(),
            ..Default::default()
        })
        .collect();

    Bundle {
        document: Document {
            id: format!("synth-{d}"),
            title: Some(format!("Synthetic report {d}")),
            publisher,
            url: Some(format!("https://example.test/synth/{d}")),
            published,
            ..Default::default()
        },
        actors,
        events,
        claims,
        relations,
        timexes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Source, validate};

    #[test]
    fn deterministic_valid_and_sized() {
        let a: Vec<Bundle> = corpus(7, 45).collect();
        let b: Vec<Bundle> = corpus(7, 45).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 3);
        assert_eq!(a.iter().map(|b| b.claims.len()).sum::<usize>(), 45);
        let src = Source {
            path: "synth".into(),
            line: 1,
        };
        for b in &a {
            validate(b, &src, None).unwrap();
        }
        assert_ne!(a, corpus(8, 45).collect::<Vec<_>>());
    }

    #[test]
    fn actors_merge_across_documents() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let report = store.ingest(corpus(1, 2000), &mut |_| {}).unwrap();
        let merged: usize = report.documents.iter().map(|d| d.merged_actors).sum();
        let stats = store.stats().unwrap();
        assert_eq!(stats.claims, 2000);
        assert!(merged > 500, "only {merged} merges");
        // One anonymous "officials" per document: never merged.
        assert_eq!(stats.actors_by_kind["anonymous"], 100);
        assert!(
            stats.actors < 100 + pool_size(2000) as i64 + 50,
            "{stats:?}"
        );
    }
}
