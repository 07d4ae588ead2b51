//! Events (with participants, place, time and status) and relations between
//! actors (with time and evidence).

mod frames;
mod gate;
mod merge;
mod participants;
mod relations;
mod status;
#[cfg(test)]
mod testutil;
mod triggers;

use super::Doc;
use super::lexicon::{LEX, namelike};
use super::text::TokKind;
use crate::model::{self, ActorKind, EventStatus, Evidence, Factuality, Participant, TimeValue};

/// An event before it becomes a model event.
#[derive(Debug, Clone)]
pub struct EventRec {
    pub kind: String,
    pub label: String,
    pub time: Option<TimeValue>,
    pub place: Option<String>,
    pub participants: Vec<(usize, String)>,
    pub status: EventStatus,
    /// How the governing clause tells of it; `status` follows from it.
    pub factuality: Factuality,
    pub sent: usize,
    pub evidence: Evidence,
    /// The trigger token, for events read from a trigger word.
    pub trigger: Option<usize>,
    /// Whether the trigger is a definite re-mention ("the call", "Biden's
    /// call"), which may name an event already told of.
    pub anaphor: bool,
    /// Whether `time` was read from the text rather than assumed.
    pub dated: bool,
}

impl EventRec {
    /// The model event, with bundle-local ids.
    pub fn to_model(&self, i: usize, id_of: &dyn Fn(usize) -> String) -> model::Event {
        model::Event {
            id: format!("e{}", i + 1),
            kind: self.kind.clone(),
            label: self.label.clone(),
            time: self.time.clone(),
            place: self.place.clone(),
            participants: self
                .participants
                .iter()
                .map(|(a, r)| Participant {
                    actor: id_of(*a),
                    role: r.clone(),
                })
                .collect(),
            status: self.status,
            factuality: self.factuality,
            evidence: self.evidence.clone(),
        }
    }
}

/// A relation before it becomes a model relation.
#[derive(Debug, Clone)]
pub struct RelationRec {
    pub source: usize,
    pub kind: String,
    pub target: usize,
    pub time: Option<TimeValue>,
    /// How the clause it was read from tells of it.
    pub factuality: Factuality,
    pub evidence: Evidence,
}

impl RelationRec {
    /// The model relation, with bundle-local ids.
    pub fn to_model(&self, id_of: &dyn Fn(usize) -> String) -> model::Relation {
        model::Relation {
            source: id_of(self.source),
            kind: self.kind.clone(),
            target: id_of(self.target),
            time: self.time.clone(),
            factuality: self.factuality,
            evidence: self.evidence.clone(),
        }
    }
}

/// Verbs of judging or discussing another's act: what follows them is not
/// their subject's own deed ("condemned the invasion", "discussed the attack").
fn judging_word(l: &str) -> bool {
    matches!(
        l,
        "discuss"
            | "discussed"
            | "discusses"
            | "discussing"
            | "denounce"
            | "denounced"
            | "denounces"
            | "denouncing"
            | "condemn"
            | "condemned"
            | "condemns"
            | "condemning"
            | "decry"
            | "decried"
            | "decries"
            | "deplore"
            | "deplored"
            | "deplores"
            | "protest"
            | "protested"
            | "protests"
            | "protesting"
            | "criticize"
            | "criticized"
            | "criticizes"
            | "criticised"
            | "oppose"
            | "opposed"
            | "opposes"
            | "opposing"
    )
}

/// Words of brokering: who does them stands between the parties.
fn mediation_word(l: &str) -> bool {
    matches!(
        l,
        "broker"
            | "brokers"
            | "brokered"
            | "brokering"
            | "mediate"
            | "mediates"
            | "mediated"
            | "mediating"
            | "mediation"
            | "facilitate"
            | "facilitated"
            | "facilitating"
    )
}

fn agentive(kind: &str) -> bool {
    matches!(
        kind,
        "attack"
            | "invasion"
            | "seizure"
            | "sanction"
            | "threat"
            | "military_buildup"
            | "withdrawal"
            | "exercise"
            | "recognition"
            | "war"
            | "coup"
            | "arrest"
    )
}

impl Doc<'_> {
    /// The claim (index) whose content covers token `t`, if any.
    fn claim_covering(&self, t: usize) -> Option<usize> {
        self.claims
            .iter()
            .position(|c| c.sent == self.sent_of[t] && (c.c0..c1_of(c)).contains(&t))
    }

    fn region(&self, t: usize) -> (usize, usize, Option<usize>) {
        let (a, b, claim) = self.claim_region(t);
        // A dash after the trigger opens an aside: "Russia will attack — U.S.
        // officials say ...".
        let b = (t + 1..b)
            .find(|&k| matches!(self.toks[k].norm.as_str(), "—" | "–" | "--"))
            .unwrap_or(b);
        (a, b, claim)
    }

    fn claim_region(&self, t: usize) -> (usize, usize, Option<usize>) {
        let si = self.sent_of[t];
        let s = &self.sents[si];
        match self.claim_covering(t) {
            Some(ci) => (self.claims[ci].c0, c1_of(&self.claims[ci]), Some(ci)),
            None => {
                // Outside any content: the sentence minus the contents of its claims.
                let mut a = s.t0;
                let mut b = s.t1;
                for c in self.claims.iter().filter(|c| c.sent == si) {
                    if c.c0 > t && c.c0 < b {
                        b = c.c0;
                    }
                    if c1_of(c) <= t && c1_of(c) > a {
                        a = c1_of(c);
                    }
                }
                (a, b, None)
            }
        }
    }

    fn best_time(&self, a: usize, b: usize, t: usize) -> Option<TimeValue> {
        let mut best: Option<(usize, usize)> = None;
        for k in a..b {
            if let Some(x) = self.tx_at[k] {
                let tx = &self.timexes[x];
                if tx.begin.is_none() {
                    continue;
                }
                let d = k.abs_diff(t);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, x));
                }
            }
        }
        best.map(|(_, x)| self.timexes[x].time_value())
    }

    fn place_near(&self, a: usize, b: usize, t: usize) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        for k in a..b.saturating_sub(1) {
            if !matches!(
                self.toks[k].lower.as_str(),
                "in" | "at" | "across" | "throughout"
            ) || self.quoted(k)
            {
                continue;
            }
            let mut j = k + 1;
            if self.toks[j].lower == "the" {
                j += 1;
            }
            if j >= b || !namelike(&self.toks[j]) || self.tx_at[j].is_some() {
                continue;
            }
            let mut e = j;
            while e < b
                && (namelike(&self.toks[e])
                    || self.toks[e].kind == TokKind::Word
                        && self.toks[e].norm.chars().all(|c| c.is_uppercase()))
                && self.tx_at[e].is_none()
            {
                e += 1;
            }
            let s = self.span(j, e).to_owned();
            let d = j.abs_diff(t);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, s));
            }
        }
        best.map(|(_, s)| s)
    }

    /// Finds events: statements behind every claim, and trigger words.
    pub fn find_events(&mut self) {
        // Statement events from claims, one per sentence and claimant.
        let mut seen = std::collections::HashSet::new();
        for ci in 0..self.claims.len() {
            let c = &self.claims[ci];
            if !seen.insert((c.sent, c.claimant)) {
                continue;
            }
            let kind = match c.cue.as_str() {
                "warn" | "caution" => "warning",
                "threaten" => "threat",
                "deny" | "reject" | "dismiss" | "refute" | "dispute" => "denial",
                "accuse" | "allege" | "blame" | "condemn" | "criticize" => "accusation",
                "demand" | "urge" | "call for" => "demand",
                _ => "statement",
            };
            let who = self.actors[c.claimant].name.clone();
            let mut short: String = c.statement.chars().take(90).collect();
            if short.len() < c.statement.len() {
                short.push_str("...");
            }
            let label = format!("{who}: {short}");
            let mut participants = vec![(c.claimant, "speaker".to_owned())];
            for &v in &c.via {
                participants.push((v, "relay".to_owned()));
            }
            self.events.push(EventRec {
                kind: kind.into(),
                label,
                time: c.stated.clone(),
                place: None,
                participants,
                status: EventStatus::Occurred,
                factuality: Factuality::Asserted,
                sent: c.sent,
                evidence: c.evidence.clone(),
                trigger: None,
                anaphor: false,
                dated: false,
            });
        }
        for si in 0..self.sents.len() {
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
            let mut kinds_here: Vec<String> = Vec::new();
            let mut k = s0;
            while k < s1 {
                if self.quoted(k) || self.toks[k].kind != TokKind::Word {
                    k += 1;
                    continue;
                }
                let Some((n, kind)) = LEX
                    .triggers
                    .longest(&self.toks, k, s1)
                    .map(|(n, v)| (n, v.clone()))
                else {
                    k += 1;
                    continue;
                };
                // Capitalised mid-sentence triggers are parts of names ("Cold War").
                // A name may also be an event word: "a separatist insurgency" names
                // the insurgents and their war.
                let named = self.mention_at(k).is_some_and(|m| {
                    !(kind == "war" && self.actors[m.actor].kind == ActorKind::Group)
                });
                if self.toks[k].is_cap() && k != s0 || named {
                    k += n;
                    continue;
                }
                let Some(kind) = self.refine_kind(k, n, s0, s1, kind) else {
                    k += n;
                    continue;
                };
                // "call for", "call on": an appeal, not a phone call.
                let next_is = |w: &[&str]| {
                    self.toks
                        .get(k + n)
                        .is_some_and(|t| w.contains(&t.lower.as_str()))
                };
                let appeal = next_is(&["for", "off", "it", "them"])
                    || (next_is(&["on"]) && self.tx_at.get(k + n + 1).is_some_and(|x| x.is_none()));
                if kind == "call" && n == 1 && appeal {
                    k += n;
                    continue;
                }
                // "demands are not met": a passive, not a meeting.
                let prev = if k > s0 {
                    self.toks[k - 1].lower.as_str()
                } else {
                    ""
                };
                if self.toks[k].lower == "met"
                    && matches!(
                        prev,
                        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "not"
                    )
                {
                    k += n;
                    continue;
                }
                // "infantry fighting vehicles", "strike groups", "attack
                // helicopters": the trigger word names equipment or units.
                if next_is(&[
                    "vehicle",
                    "vehicles",
                    "helicopter",
                    "helicopters",
                    "aircraft",
                    "jet",
                    "jets",
                    "drone",
                    "drones",
                    "plane",
                    "planes",
                    "submarine",
                    "submarines",
                    "ship",
                    "ships",
                    "group",
                    "groups",
                    "units",
                    "capability",
                    "capabilities",
                    "weapons",
                    "missiles",
                ]) {
                    k += n;
                    continue;
                }
                // "would ban the deployment of missiles", "to halt any invasion":
                // what is banned or stopped is not itself an event.
                let mut p = k;
                while p > s0
                    && matches!(
                        self.toks[p - 1].lower.as_str(),
                        "the" | "a" | "an" | "any" | "all" | "further" | "new"
                    )
                {
                    p -= 1;
                }
                if p > s0
                    && matches!(
                        self.toks[p - 1].lower.as_str(),
                        "ban"
                            | "bans"
                            | "banning"
                            | "banned"
                            | "prohibit"
                            | "prohibits"
                            | "prohibiting"
                            | "forbid"
                            | "forbids"
                            | "outlaw"
                            | "outlaws"
                    )
                {
                    k += n;
                    continue;
                }
                if !matches!(kind.as_str(), "meeting" | "talks" | "summit" | "call")
                    && self.talk_topic(k, s0)
                {
                    k += n;
                    continue;
                }
                if kinds_here.contains(&kind) {
                    k += n;
                    continue;
                }
                self.trigger_event(si, k, n, &kind);
                kinds_here.push(kind);
                k += n;
            }
        }
        self.merge_rementions();
    }

    /// Whether the trigger at `t` is a verb in the passive voice: "was
    /// invaded", "were reportedly detained", "has been seized".
    fn passive_at(&self, t: usize) -> bool {
        let w = self.toks[t].lower.as_str();
        let participle = w.ends_with("ed")
            || matches!(
                w,
                "struck" | "hit" | "shot" | "taken" | "held" | "seized" | "beaten" | "overrun"
            );
        if !participle {
            return false;
        }
        let mut j = t;
        while j > 0 {
            j -= 1;
            match self.toks[j].lower.as_str() {
                "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got" | "get" => {
                    return true;
                }
                "reportedly" | "allegedly" | "also" | "later" | "then" | "briefly" | "not"
                | "never" | "already" => {}
                _ => return false,
            }
        }
        false
    }

    /// Whether `a` is `b` or one of its parts, at any depth ("Russia's
    /// military" of Russia).
    fn within(&self, mut a: usize, b: usize) -> bool {
        for _ in 0..8 {
            if a == b {
                return true;
            }
            match self.actors[a].part_of {
                Some(p) => a = p,
                None => return false,
            }
        }
        false
    }
}

fn c1_of(c: &super::claims::ClaimRec) -> usize {
    c.c1
}
