//! Events (with participants, place, time and status) and relations between
//! actors (with time and evidence).

mod gate;

use super::Doc;
use super::factuality;
use super::lexicon::{LEX, namelike};
use super::text::TokKind;
use crate::model::{
    self, ActorKind, EventStatus, Evidence, Factuality, Modifier, Participant, Polarity, TimeValue,
};

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

const PLANNED: &[&str] = &[
    "will",
    "scheduled",
    "set",
    "slated",
    "plans",
    "plan",
    "planned",
    "due",
    "upcoming",
    "planning",
];
const PREDICTED: &[&str] = &[
    "launch",
    "stage",
    "needed",
    "preparing",
    "prepared",
    "justify",
    "could",
    "may",
    "might",
    "would",
    "possible",
    "potential",
    "likely",
    "expected",
    "imminent",
    "risk",
    "threat",
    "prospect",
    "feared",
    "fears",
    "looming",
    "capable",
    "ready",
    "readiness",
    "any",
];

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

/// Words of trying or seeking just before a trigger: the event is sought,
/// not achieved ("efforts to broker a ceasefire", "sought talks").
const ATTEMPT: &[&str] = &[
    "effort",
    "efforts",
    "broker",
    "brokering",
    "mediate",
    "mediating",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "push",
    "pushes",
    "pushing",
    "pushed",
    "bid",
    "attempt",
    "attempts",
    "attempting",
    "try",
    "tries",
    "trying",
    "tried",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "offer",
    "offers",
    "offered",
    "offering",
    "urge",
    "urges",
    "urged",
    "urging",
];

/// Natural disasters: what "struck" or "hit" after them is no attack.
const DISASTER: &[&str] = &[
    "earthquake",
    "earthquakes",
    "quake",
    "aftershock",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "tornado",
    "flood",
    "floods",
    "flooding",
    "wildfire",
    "wildfires",
    "landslide",
    "tsunami",
    "eruption",
    "drought",
];

/// Words of work and pay: a "strike" among them is a stoppage of work.
const LABOUR: &[&str] = &[
    "union",
    "unions",
    "workers",
    "dockworkers",
    "employees",
    "staff",
    "walkout",
    "pay",
    "wages",
    "wage",
    "pension",
    "pensions",
    "picket",
    "pickets",
    "nurses",
    "teachers",
    "doctors",
    "drivers",
    "miners",
    "strikers",
    "salaries",
    "salary",
    "labour",
    "labor",
];

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

    fn status_at(&self, a: usize, t: usize, kind: &str) -> EventStatus {
        let lo = t.saturating_sub(12).max(a);
        let mut st = EventStatus::Occurred;
        // "did not attack", "never invaded", "no attack", "without a vote":
        // the event is denied, whatever the tense.
        let mut j = t;
        while j > a {
            j -= 1;
            match self.toks[j].lower.as_str() {
                "not" | "n't" | "never" | "no" | "without" => return EventStatus::Denied,
                "did" | "does" | "do" | "has" | "have" | "had" | "is" | "are" | "was" | "were"
                | "be" | "been" | "will" | "would" | "could" | "can" | "should" | "yet"
                | "ever" | "even" | "to" | "a" | "an" | "any" | "launch" | "launched" | "hold"
                | "held" | "stage" | "staged" | "carry" | "carried" | "out" | "seek" | "want"
                // "had no intention of invading", "has no plans to attack"
                | "intention" | "intentions" | "plan" | "plans" | "of" | "desire" => {}
                _ => break,
            }
        }
        for k in lo..t {
            let l = self.toks[k].lower.as_str();
            if l == "if" || l == "unless" {
                return EventStatus::Hypothetical;
            }
            // "unions stage a protest" is a fact; "to stage", "could launch" foresee.
            if matches!(l, "launch" | "stage")
                && !(k > 0
                    && matches!(
                        self.toks[k - 1].lower.as_str(),
                        "to" | "could" | "would" | "might" | "may" | "will" | "can"
                    ))
            {
                continue;
            }
            if PREDICTED.contains(&l) {
                st = EventStatus::Predicted;
            } else if PLANNED.contains(&l) && st == EventStatus::Occurred {
                st = EventStatus::Planned;
            }
        }
        if st == EventStatus::Occurred
            && (t.saturating_sub(6).max(a)..t).any(|k| {
                let l = self.toks[k].lower.as_str();
                ATTEMPT.contains(&l)
                    // "pushed into the city": only "push for" is a bid.
                    && (!l.starts_with("push") || self.toks[k + 1].lower == "for")
                    // The trigger must be what is sought: "tried to renew the
                    // efforts by meeting" (a means), "urged calm after the
                    // attack" (a circumstance), "tried to end the war" (a
                    // war that is real) are not.
                    && !self.toks[k + 1..t].iter().any(|x| {
                        matches!(
                            x.lower.as_str(),
                            "by" | "after"
                                | "following"
                                | "since"
                                | "during"
                                | "amid"
                                | "over"
                                | "before"
                                | "against"
                                | "despite"
                                | "of"
                                | "from"
                                | "into"
                                | "end"
                                | "ending"
                                | "stop"
                                | "stopping"
                                | "halt"
                                | "halting"
                                | "condemn"
                                | "condemned"
                                | "investigate"
                                | "contain"
                                | "defuse"
                                | "calm"
                        )
                    })
            })
        {
            st = EventStatus::Planned;
        }
        // "sanctions are more likely to be used": a modal right after the trigger.
        for k in t + 1..(t + 5).min(self.toks.len()) {
            // "condemned the annexation and said it would ...": the modal
            // of another clause.
            if matches!(
                self.toks[k].lower.as_str(),
                "and" | "," | ";" | "but" | "said" | "says"
            ) {
                break;
            }
            if st == EventStatus::Occurred
                && matches!(
                    self.toks[k].lower.as_str(),
                    "would" | "could" | "may" | "might" | "likely" | "will"
                )
            {
                st = EventStatus::Predicted;
            }
        }
        // "amid invasion fears", "the threat of an attack", "war risk": feared.
        if st == EventStatus::Occurred
            && self.toks.get(t + 1).is_some_and(|x| {
                matches!(
                    x.lower.as_str(),
                    "fears"
                        | "fear"
                        | "threat"
                        | "threats"
                        | "concerns"
                        | "risk"
                        | "warnings"
                        | "scare"
                )
            })
        {
            st = EventStatus::Predicted;
        }
        // "as early as January", "as soon as": a foreseen event.
        for k in t..(t + 10).min(self.toks.len()) {
            if (self.toks[k].lower == "soon"
                || self.toks[k].lower == "early" && k > 0 && self.toks[k - 1].lower == "as")
                && st == EventStatus::Occurred
            {
                st = EventStatus::Predicted;
            }
        }
        if st == EventStatus::Occurred {
            let prev = if t > 0 {
                self.toks[t - 1].lower.as_str()
            } else {
                ""
            };
            let tl = self.toks[t].lower.as_str();
            if tl.ends_with("ing")
                && matches!(
                    prev,
                    "is" | "are"
                        | "been"
                        | "was"
                        | "were"
                        | "begun"
                        | "began"
                        | "continue"
                        | "continues"
                )
            {
                st = EventStatus::Ongoing;
            }
            let _ = kind;
        }
        st
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

    /// Whether the trigger at `t` (clause from `a`) is definite: "the call",
    /// "the Biden-Putin call", "the upcoming talks", "Biden's call".
    fn definite_before(&self, t: usize, a: usize) -> bool {
        let mut j = t;
        while j > a {
            if let Some(m) = self.mention_at(j - 1) {
                // "Biden's call": a possessive name ends the phrase.
                if self.toks[j - 1].norm == "'s" || self.toks[j - 1].norm == "’s" {
                    return true;
                }
                j = m.t0;
                continue;
            }
            let l = self.toks[j - 1].lower.as_str();
            match l {
                "the" | "that" | "this" => return true,
                "'s" | "’s" => return j >= a + 2 && self.mention_at(j - 2).is_some(),
                "-" | "upcoming" | "planned" | "scheduled" | "expected" | "video" | "phone"
                | "virtual" | "bilateral" | "leaders" | "two" | "same" | "first" | "last"
                | "latest" | "recent" => j -= 1,
                _ => return false,
            }
        }
        false
    }

    /// Merges a later mention of an event already told of into it: a
    /// definite re-mention ("Biden will hold a call ... During the call,
    /// Biden will warn ..."), or an indefinite one that names the same two
    /// parties on the same date (a headline retold in the lead). Nothing
    /// may contradict: a different date, place, other parties, or one
    /// denied and one not. The first mention keeps its label, status and
    /// evidence; it gains the parties and the more precise date.
    fn merge_rementions(&mut self) {
        let mut i = 0;
        while i < self.events.len() {
            let into = self.events[i]
                .trigger
                .and_then(|_| (0..i).rev().find(|&j| self.same_event(j, i)));
            let Some(j) = into else {
                i += 1;
                continue;
            };
            let later = self.events.remove(i);
            let first = &mut self.events[j];
            for p in later.participants {
                if !first.participants.iter().any(|q| q.0 == p.0) {
                    first.participants.push(p);
                }
            }
            if later.dated {
                let width = |t: &Option<TimeValue>| {
                    t.as_ref()
                        .and_then(|t| Some((t.end? - t.start?).num_days()))
                        .unwrap_or(i64::MAX)
                };
                let narrower = width(&later.time) < width(&first.time)
                    || width(&later.time) == width(&first.time)
                        && later.time.as_ref().map_or(0, |t| t.value.len())
                            > first.time.as_ref().map_or(0, |t| t.value.len());
                if !first.dated || narrower {
                    first.time = later.time;
                    first.dated = true;
                }
            }
            if first.place.is_none() {
                first.place = later.place;
            }
        }
    }

    /// Whether event `i` may be a later mention of event `j` (see
    /// [`Self::merge_rementions`]).
    fn same_event(&self, j: usize, i: usize) -> bool {
        let (x, y) = (&self.events[j], &self.events[i]);
        // "the vote" after an election is mostly that election, when it
        // names no voting body of its own.
        let same_kind = x.kind == y.kind
            || x.kind == "election" && y.kind == "vote" && y.anaphor && y.participants.is_empty();
        if x.trigger.is_none() || !same_kind {
            return false;
        }
        let contested =
            |s: EventStatus| matches!(s, EventStatus::Denied | EventStatus::Hypothetical);
        if contested(x.status) != contested(y.status) {
            return false;
        }
        if let (Some(p), Some(q)) = (&x.place, &y.place) {
            if !p.contains(q.as_str()) && !q.contains(p.as_str()) {
                return false;
            }
        }
        let exact = |t: &TimeValue| matches!(t.modifier, None | Some(Modifier::Approx));
        let times_agree = match (&x.time, &y.time) {
            (Some(a), Some(b)) if x.dated && y.dated && exact(a) && exact(b) => {
                match (a.start, a.end, b.start, b.end) {
                    (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
                    _ => a.value == b.value,
                }
            }
            _ => true,
        };
        if !times_agree {
            return false;
        }
        // Shared parties: the same actor, or one a part of the other.
        // Parties, not go-betweens: a mediator named only later ("the
        // truce was brokered by Brazil") contradicts nothing.
        let parties = |e: &EventRec| -> Vec<usize> {
            e.participants
                .iter()
                .filter(|p| p.1 != "mediator")
                .map(|p| p.0)
                .collect()
        };
        let (px, py) = (parties(x), parties(y));
        let matched = |a: &[usize], b: &[usize]| {
            a.iter()
                .filter(|&&p| b.iter().any(|&q| self.within(p, q) || self.within(q, p)))
                .count()
        };
        let all = |e: &EventRec| -> Vec<usize> { e.participants.iter().map(|p| p.0).collect() };
        let shared = matched(&px, &all(y));
        if y.anaphor {
            // A re-mention may add a party, but when both name parties the
            // other lacks and share only one ("Ukraine and Russia will meet"
            // and "Macron's meeting with Putin"), they are two events. The
            // first mediator may act in the re-mention ("During the talks,
            // Egypt proposed ...").
            let back = matched(&py, &all(x));
            let extra_x = shared < px.len();
            let extra_y = back < py.len();
            px.is_empty()
                || py.is_empty()
                || (shared > 0 || back > 0) && (!(extra_x && extra_y) || shared.max(back) >= 2)
        } else {
            x.dated && y.dated && shared >= 2
        }
    }

    /// Whether the trigger at `k` is only what a meeting or a talk is about:
    /// "discussed sanctions", "talks on a ceasefire", "the issue of
    /// sanctions". Such a topic is no event of its own. A definite or dated
    /// topic ("discussed the attack", "discussed Friday's attack") may be a
    /// real event spoken about, and stays.
    fn talk_topic(&self, k: usize, s0: usize) -> bool {
        let mut j = k;
        let mut skipped = 0;
        while j > s0 && skipped < 3 {
            let p = &self.toks[j - 1];
            let adjective = self.mention_at(j - 1).is_some_and(|m| m.adjective);
            if adjective
                || matches!(
                    p.lower.as_str(),
                    "a" | "an"
                        | "new"
                        | "possible"
                        | "potential"
                        | "further"
                        | "more"
                        | "tougher"
                        | "harsher"
                        | "additional"
                        | "fresh"
                        | "economic"
                        | "financial"
                        | "western"
                        | "targeted"
                        | "lasting"
                        | "permanent"
                        | "peace"
                        | "future"
                        | "broader"
                        | "wider"
                        | "early"
                        | "joint"
                )
            {
                j -= 1;
                skipped += 1;
                continue;
            }
            break;
        }
        if j == s0 {
            return false;
        }
        let w = self.toks[j - 1].lower.as_str();
        if matches!(
            w,
            "discuss"
                | "discussed"
                | "discusses"
                | "discussing"
                | "debate"
                | "debated"
                | "debates"
                | "debating"
        ) {
            return true;
        }
        // "talks on sanctions", "a meeting about a ceasefire", "the issue of
        // sanctions", "discussions over an embargo".
        if j >= s0 + 2
            && matches!(
                w,
                "on" | "about" | "over" | "of" | "regarding" | "concerning"
            )
        {
            let head = self.toks[j - 2].lower.as_str();
            return match w {
                "of" => matches!(
                    head,
                    "issue" | "question" | "topic" | "subject" | "matter" | "discussion"
                ),
                _ => matches!(
                    head,
                    "talks"
                        | "talk"
                        | "meeting"
                        | "meetings"
                        | "discussion"
                        | "discussions"
                        | "negotiations"
                        | "consultations"
                        | "debate"
                        | "summit"
                        | "call"
                        | "conference"
                        | "dialogue"
                ),
            };
        }
        false
    }

    /// The kind of the trigger at `k` (`n` tokens, lexicon kind `kind`) read
    /// in its sentence `s0..s1`, or `None` when it is no event there.
    fn refine_kind(
        &self,
        k: usize,
        n: usize,
        s0: usize,
        s1: usize,
        kind: String,
    ) -> Option<String> {
        let lw = |j: usize| self.toks[j].lower.as_str();
        let in_sentence = |w: &[&str]| (s0..s1).any(|j| w.contains(&lw(j)));
        let word = lw(k);
        let next = if k + n < s1 { lw(k + n) } else { "" };
        let prev = if k > s0 { lw(k - 1) } else { "" };
        match kind.as_str() {
            "attack" => {
                // "an earthquake struck", "the storm hit": the disaster is
                // its own event, nobody attacked.
                if (k.saturating_sub(3).max(s0)..k).any(|j| DISASTER.contains(&lw(j))) {
                    return None;
                }
                // "dockworkers went on strike", "a general strike", "the strike
                // called by unions": a stoppage of work, not a military strike.
                if matches!(word, "strike" | "strikes")
                    && !matches!(
                        prev,
                        "air"
                            | "missile"
                            | "drone"
                            | "rocket"
                            | "artillery"
                            | "military"
                            | "nuclear"
                            | "retaliatory"
                            | "preemptive"
                            | "pre-emptive"
                            | "precision"
                            | "surgical"
                            | "aerial"
                            | "naval"
                            | "cruise"
                    )
                    && (matches!(
                        prev,
                        "on" | "general" | "hunger" | "nationwide" | "national"
                    ) || in_sentence(LABOUR))
                {
                    return Some("strike".into());
                }
                Some(kind)
            }
            // "a vote in parliament", "the court voted 9-2": a vote, unless
            // the people vote ("voters", "polls", "turnout", "the presidential vote").
            "vote" => {
                if in_sentence(&[
                    "voters",
                    "polls",
                    "polling",
                    "ballot",
                    "ballots",
                    "turnout",
                    "electoral",
                    "presidential",
                    "candidate",
                    "candidates",
                    "election",
                    "elections",
                    "elected",
                    "campaign",
                ]) {
                    Some("election".into())
                } else {
                    Some(kind)
                }
            }
            "ruling" => {
                // "ruled out talks", "the ruling party": no court decision.
                if next == "out"
                    || matches!(
                        next,
                        "party" | "coalition" | "class" | "elite" | "junta" | "family" | "bloc"
                    )
                {
                    return None;
                }
                // "ruled", "upheld", "overturned" speak of courts only when
                // one is named; "convicted", "verdict" always do.
                if matches!(
                    word,
                    "ruled" | "rules" | "rule" | "ruling" | "upheld" | "overturned"
                ) && !in_sentence(&[
                    "court", "courts", "judge", "judges", "tribunal", "justices", "jury",
                ]) {
                    return None;
                }
                Some(kind)
            }
            // "the first of three stops", "a two-day stop in Paris": a stop
            // on a tour is counted or ordered; "stops short of" is none.
            "visit" if matches!(word, "stop" | "stops") => {
                let counted = (k.saturating_sub(3).max(s0)..k).any(|j| {
                    self.toks[j].kind == TokKind::Number
                        || matches!(
                            lw(j),
                            "two"
                                | "three"
                                | "four"
                                | "five"
                                | "six"
                                | "first"
                                | "second"
                                | "third"
                                | "last"
                                | "final"
                                | "next"
                                | "several"
                        )
                });
                counted.then_some(kind)
            }
            // "protesters gathered", "deployed its diplomats": massing and
            // deploying build up forces only when forces are named nearby.
            "military_buildup"
                if matches!(
                    word,
                    "gathered"
                        | "massed"
                        | "amassed"
                        | "massing"
                        | "amassing"
                        | "deployed"
                        | "deploying"
                        | "stationed"
                ) =>
            {
                let military = (k.saturating_sub(8).max(s0)..(k + n + 6).min(s1)).any(|j| {
                    matches!(
                        lw(j),
                        "troops"
                            | "troop"
                            | "forces"
                            | "soldiers"
                            | "servicemen"
                            | "personnel"
                            | "tanks"
                            | "units"
                            | "battalions"
                            | "brigades"
                            | "divisions"
                            | "military"
                            | "army"
                            | "armor"
                            | "artillery"
                            | "equipment"
                            | "missiles"
                            | "warships"
                            | "ships"
                            | "jets"
                            | "aircraft"
                            | "weapons"
                            | "reservists"
                            | "fighters"
                    )
                });
                military.then_some(kind)
            }
            // "a report in The Washington Post", "a Reuters report": a report
            // is news only with its outlet named next to it.
            "report" => {
                let media = |j: usize| {
                    self.mention_at(j)
                        .is_some_and(|m| self.actors[m.actor].kind == ActorKind::Media)
                };
                let near = (k + n..(k + n + 4).min(s1)).any(media)
                    && matches!(next, "in" | "by" | "from")
                    || (k.saturating_sub(3).max(s0)..k).any(media);
                near.then_some(kind)
            }
            _ => Some(kind),
        }
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

    /// The time of a sentence that opens with "Weeks later," "Later," or
    /// "Soon after,": on or after the last date of the sentence before.
    fn later_anchor(&self, si: usize) -> Option<TimeValue> {
        let s0 = self.sents.get(si)?.t0;
        let lw = |j: usize| self.toks.get(j).map_or("", |t| t.lower.as_str());
        let mut j = s0;
        if let Some(x) = self.tx_at[s0] {
            if self.timexes[x].kind != model::TimexType::Duration {
                return None;
            }
            while self.tx_at.get(j) == Some(&Some(x)) {
                j += 1;
            }
        } else if matches!(lw(s0), "soon" | "shortly") {
            j += 1;
        }
        let opener = matches!(lw(j), "later" | "afterwards" | "afterward" | "after")
            && lw(j + 1) == ","
            || j == s0 && lw(j) == "later" && lw(j + 1) == "that";
        if !opener || si == 0 {
            return None;
        }
        let prev = &self.sents[si - 1];
        let x = (prev.t0..prev.t1)
            .rev()
            .filter_map(|k| self.tx_at[k])
            .find(|&x| {
                self.timexes[x].begin.is_some() && self.timexes[x].kind == model::TimexType::Date
            })?;
        let mut tv = self.timexes[x].time_value();
        tv.modifier = Some(Modifier::OnOrAfter);
        Some(tv)
    }

    /// A photo caption ("X, left, and Y, right, attend ...") describes a
    /// picture, often an old one: no events are read from it.
    fn is_caption(&self, si: usize) -> bool {
        let s = &self.sents[si];
        let text = &self.text[s.start..s.end];
        text.contains(", left,") || text.contains(", right,")
    }

    fn trigger_event(&mut self, si: usize, t: usize, n: usize, kind: &str) {
        if self.is_caption(si) || self.figurative(t, n, kind) {
            return;
        }
        let (a, b, claim) = self.region(t);
        // Participants: actors in the region, near the trigger.
        let mut parts: Vec<(usize, String)> = Vec::new();
        let between = self.toks.get(t + n).is_some_and(|x| x.lower == "between");
        let passive = self.passive_at(t);
        let mut seen = Vec::new();
        for m in &self.mentions {
            if m.t0 < a || m.t1 > b || self.quoted(m.t0) {
                continue;
            }
            if kind != "report" && !self.participant_frame(m, t, n, kind) {
                continue;
            }
            if m.t0.abs_diff(t) > 22 {
                continue;
            }
            // "Turkish-made drones": a maker, not a party.
            if m.adjective
                && self.toks.get(m.t1).is_some_and(|x| x.norm == "-")
                && self.toks.get(m.t1 + 1).is_some_and(|x| {
                    matches!(
                        x.lower.as_str(),
                        "made" | "built" | "style" | "speaking" | "born" | "educated"
                    )
                })
            {
                continue;
            }
            let ak = self.actors[m.actor].kind;
            // A report has its outlet for only participant.
            if kind == "report" {
                if ak == ActorKind::Media && !seen.iter().any(|s: &(usize, &str)| s.0 == m.actor) {
                    seen.push((m.actor, "source"));
                    parts.push((m.actor, "source".to_owned()));
                }
                continue;
            }
            if ak == ActorKind::Media || ak == ActorKind::Place {
                continue;
            }
            let before = |w: &[&str]| {
                let mut j = m.t0;
                if j > 0 && self.toks[j - 1].lower == "the" {
                    j -= 1;
                }
                j > 0 && w.contains(&self.toks[j - 1].lower.as_str())
            };
            // "protests across France", "an earthquake in Turkey", "elections
            // in Ghana": a country named as the scene is where, not who.
            // "recovering in Germany from a nerve agent attack": a scene
            // before the trigger is never its agent.
            // "met at the White House": the venue.
            if before(&["across", "throughout"])
                || before(&["at"])
                    && matches!(kind, "meeting" | "talks" | "summit" | "call" | "visit")
                || before(&["in"])
                    && (!agentive(kind) && kind != "clash"
                        || m.t0 < t
                        || matches!(kind, "exercise" | "military_buildup" | "withdrawal"))
                || kind == "disaster" && ak == ActorKind::Country
            {
                continue;
            }
            // "met in Brussels, where they discussed sanctions against Iran",
            // "talks on Ukraine": who the talk is about takes no part in it,
            // unless named as a partner after that ("on Monday with Peru").
            if matches!(kind, "meeting" | "talks" | "summit" | "call" | "visit") && m.t0 > t + n {
                let last = |w: &dyn Fn(usize) -> bool| (t + n..m.t0).rev().find(|&j| w(j));
                let topic = last(&|j: usize| {
                    let l = self.toks[j].lower.as_str();
                    matches!(
                        l,
                        "discuss"
                            | "discussed"
                            | "discusses"
                            | "discussing"
                            | "debate"
                            | "debated"
                            | "about"
                            | "against"
                            | "regarding"
                            | "concerning"
                            | "over"
                    ) || l == "on" && self.tx_at.get(j + 1).is_some_and(|x| x.is_none())
                });
                let partner = last(&|j: usize| {
                    matches!(
                        self.toks[j].lower.as_str(),
                        "with" | "between" | "alongside" | "met" | "meet" | "meets"
                    )
                });
                if topic.is_some_and(|tp| partner.is_none_or(|pp| pp < tp)) {
                    continue;
                }
                // "spoke with Zelensky and previewed Biden's call with
                // Putin": who follows another meeting takes part in that one.
                let later_meeting = (t + n..m.t0).any(|j| {
                    LEX.triggers
                        .longest(&self.toks, j, m.t0)
                        .is_some_and(|(_, v)| {
                            matches!(v.as_str(), "meeting" | "talks" | "summit" | "call")
                        })
                });
                if later_meeting {
                    continue;
                }
            }
            // "marched against President Macron's plan": the one protested
            // or fought against is the target, for every kind of event.
            // Not for talks or meetings ("met to discuss aggression against
            // Ukraine"), and a war's target follows it.
            let against = before(&["against"])
                && (matches!(kind, "protest" | "strike" | "clash")
                    || agentive(kind) && (kind != "war" || m.t0 > t));
            // Possessive and "with" partners are participants; after "of/against/on" targets.
            // "the build-up of Russian tanks": whose tanks, so the agent.
            let owner_after =
                m.adjective && m.t0 > t && m.t0 <= t + n + 1 && self.toks[m.t0 - 1].lower == "of";
            // A target follows its trigger closely ("invasion of Ukraine",
            // "attacked the base"); an actor further on belongs to another
            // clause ("... would result in US military reinforcements").
            // "the conflict between Ukraine and the separatists": the parties
            // are named after "between", whoever stands before.
            // "Egypt ... to broker a ceasefire between Israel and Hamas",
            // "a Russian-brokered truce", "talks mediated by France": the
            // go-between is neither party.
            // "an Angola-brokered deal": the maker of the deal brokered it.
            let glued_mediator = self.toks.get(m.t1).is_some_and(|x| x.norm == "-")
                && self
                    .toks
                    .get(m.t1 + 1)
                    .is_some_and(|x| mediation_word(&x.lower));
            let mediator = if glued_mediator {
                true
            } else if m.t0 < t {
                // A mention may overlap its trigger ("the Minsk Agreement"
                // named and triggering at once): nothing lies between them.
                self.toks
                    .get(m.t1..t)
                    .is_some_and(|between| between.iter().any(|x| mediation_word(&x.lower)))
            } else {
                // Back over a coordination: "mediated by France and Germany".
                let mut j = m.t0;
                while j > t + n
                    && (matches!(self.toks[j - 1].lower.as_str(), "and" | "," | "the")
                        || self.mention_at(j - 1).is_some())
                {
                    j -= 1;
                }
                j >= 2 && self.toks[j - 1].lower == "by" && mediation_word(&self.toks[j - 2].lower)
            };
            if between && m.t0 < t && !mediator {
                continue;
            }
            // "analysts said ..., although Maduro has not attacked": a new
            // clause after a comma has its own subject.
            if m.t0 < t
                && (m.t1..t).any(|j| {
                    self.toks[j - 1].norm == ","
                        && matches!(
                            self.toks[j].lower.as_str(),
                            "although" | "though" | "while" | "whereas" | "but" | "because"
                        )
                })
            {
                continue;
            }
            // "the minister resigned after a bombing": the trigger heads a
            // circumstance of another verb, whose subject did not do it.
            // Not for drills or build-ups, which their subject usually holds
            // ("kept troops there following war games").
            // "to denounce the invasion", "condemned the attack": the act
            // judged is not the judge's own.
            let pp = |j: usize| {
                matches!(
                    self.toks[j].lower.as_str(),
                    "after"
                        | "before"
                        | "following"
                        | "amid"
                        | "during"
                        | "despite"
                        | "denounce"
                        | "denounced"
                        | "denouncing"
                        | "condemn"
                        | "condemned"
                        | "condemning"
                        | "decry"
                        | "decried"
                        | "deplore"
                        | "deplored"
                        | "protest"
                        | "protested"
                        | "protesting"
                ) || judging_word(&self.toks[j].lower)
            };
            // "amid fears about a Russian invasion": over a feared or
            // possible act and its article back to the circumstance word.
            let mut q = t;
            while q > m.t1 + 1
                && (matches!(
                    self.toks[q - 1].lower.as_str(),
                    "a" | "an"
                        | "the"
                        | "fears"
                        | "fear"
                        | "concerns"
                        | "concern"
                        | "worries"
                        | "threat"
                        | "threats"
                        | "risk"
                        | "of"
                        | "about"
                        | "over"
                        | "possible"
                        | "potential"
                        | "new"
                        | "further"
                ) || self.mention_at(q - 1).is_some_and(|x| x.adjective))
            {
                q -= 1;
            }
            if agentive(kind)
                && !matches!(kind, "exercise" | "military_buildup" | "withdrawal")
                && m.t0 < t
                && t >= m.t1 + 2
                && (pp(t - 1) || q > m.t1 && q < t && pp(q - 1))
            {
                continue;
            }
            if agentive(kind) && m.t0 >= t + n && !owner_after && !between && !mediator {
                let far = m.t0 >= t + n + 8
                    || self.toks[t + n..m.t0].iter().any(|x| {
                        matches!(
                            x.lower.as_str(),
                            "," | ";"
                                | "and"
                                | "but"
                                | "which"
                                | "that"
                                | "who"
                                | "while"
                                | "would"
                                | "will"
                                | "could"
                                | "is"
                                | "are"
                                | "was"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                        )
                    });
                if far {
                    continue;
                }
            }
            // "Ukraine was invaded by Russia": the subject suffers the act,
            // the one after "by" does it; others after it are no party.
            // Not for troops that are massed or deployed ("Russian troops
            // were deployed"): whose troops they are is who acts.
            let owner_before = m.adjective && m.t0 < t;
            if passive
                && agentive(kind)
                && !matches!(kind, "exercise" | "military_buildup" | "withdrawal")
                && !owner_before
                && !between
                && !mediator
                && !against
            {
                let role = if m.t0 < t {
                    "target"
                } else if before(&["by"]) {
                    "agent"
                } else {
                    continue;
                };
                if !seen.iter().any(|s: &(usize, &str)| s.0 == m.actor) {
                    seen.push((m.actor, role));
                    parts.push((m.actor, role.to_owned()));
                }
                continue;
            }
            // The parties named after "between" are parties, not targets.
            let role = if mediator {
                "mediator"
            } else if against {
                "target"
            } else if agentive(kind)
                && kind != "withdrawal"
                && m.t0 > t
                && m.t0 <= t + n + 2
                && before(&["by", "from"])
            {
                // "an invasion from Russia", "an attack by rebels": who acts.
                // A withdrawal from a place leaves it.
                "agent"
            } else if m.t0 > t && before(&["with", "alongside"]) {
                // "held exercises with Guyana", "the war with Chad": a partner.
                "participant"
            } else if kind == "war" && !between {
                // "Russia's war against Ukraine" has a side that attacks; "the
                // war with Russia", "Ukraine's war" name sides only.
                if m.t0 < t && self.toks[t + n..b].iter().any(|x| x.lower == "against") {
                    "agent"
                } else {
                    "participant"
                }
            } else if !agentive(kind) || between {
                "participant"
            } else if m.t0 < t || owner_after {
                "agent"
            } else {
                "target"
            };
            // One role per actor, but a target may also be named before the
            // trigger: "Ukraine's government ... pressure on Ukraine".
            if seen.contains(&(m.actor, role))
                || ((role != "target" || m.adjective) && seen.iter().any(|s| s.0 == m.actor))
            {
                continue;
            }
            seen.push((m.actor, role));
            parts.push((m.actor, role.to_owned()));
        }
        // "the Russian military build-up": a state acts through its
        // military and ministries, so the country is an agent too.
        if agentive(kind) {
            let states: Vec<usize> = parts
                .iter()
                .filter(|p| p.1 == "agent" && self.actors[p.0].kind == ActorKind::Government)
                .filter_map(|p| self.actors[p.0].part_of)
                .filter(|&c| self.actors[c].kind == ActorKind::Country)
                .collect();
            for c in states {
                if !parts.iter().any(|p| p.0 == c) {
                    parts.push((c, "agent".to_owned()));
                }
            }
        }
        // "warned Russia that any attempt to invade Ukraine would have costs":
        // the one warned is who would act.
        if agentive(kind) && !parts.iter().any(|p| p.1 == "agent") {
            if let Some(c) = claim
                .map(|ci| &self.claims[ci])
                .filter(|c| c.modality == model::Modality::Warning && c.cue_t < c.c0)
            {
                let warned = (c.cue_t + 1..c.c0).find_map(|j| {
                    self.mention_at(j)
                        .filter(|m| !m.adjective && self.actors[m.actor].kind != ActorKind::Media)
                        .map(|m| m.actor)
                });
                if let Some(w) = warned.filter(|w| !parts.iter().any(|p| p.0 == *w)) {
                    parts.insert(0, (w, "agent".to_owned()));
                }
            }
        }
        // "Trump's attacks on Clinton", "in open conflict with Trump": a
        // person's attack or conflict with no violence told is criticism.
        if matches!(kind, "attack" | "war" | "clash") {
            let who: Vec<usize> = parts.iter().map(|p| p.0).collect();
            if self.verbal_attack(t, &who) {
                return;
            }
        }
        if parts.is_empty()
            && matches!(
                kind,
                "statement"
                    | "visit"
                    | "call"
                    | "meeting"
                    | "talks"
                    | "summit"
                    | "sanction"
                    | "recognition"
                    | "agreement"
                    // A report whose outlet is outside the clause says nothing new.
                    | "report"
            )
        {
            return;
        }
        // Factuality from the governing clause; the older status cues, read
        // within that clause only, refine what it leaves asserted.
        let lo = a.max(self.sents[si].t0);
        let cs = factuality::clause_start(self, t, lo);
        let mut fact = factuality::at(self, t, lo);
        let old = self.status_at(cs.max(a), t, kind);
        let ongoing = old == EventStatus::Ongoing;
        if fact == Factuality::Asserted {
            fact = match old {
                EventStatus::Denied => Factuality::Negated,
                EventStatus::Hypothetical => Factuality::Hypothetical,
                EventStatus::Predicted => Factuality::Predicted,
                EventStatus::Planned => Factuality::Planned,
                EventStatus::Occurred | EventStatus::Ongoing => Factuality::Asserted,
            };
        }
        // "denied any role in the attack": what one denies a part in has
        // happened; only the part is denied.
        let lw = |j: usize| self.toks[j].lower.as_str();
        let presupposed = (t.saturating_sub(4).max(a) + 1..t).any(|j| {
            matches!(
                lw(j - 1),
                "role" | "involvement" | "responsibility" | "part" | "hand" | "victims"
            ) && matches!(lw(j), "in" | "for" | "behind" | "of")
        });
        if presupposed {
            fact = Factuality::Asserted;
        }
        // "ruled out sanctions" rejects them; "did not rule out sanctions"
        // leaves them possible.
        if let Some(j) = (t.saturating_sub(4).max(a) + 1..t)
            .find(|&j| lw(j) == "out" && matches!(lw(j - 1), "rule" | "rules" | "ruled" | "ruling"))
        {
            let negated = (j.saturating_sub(4).max(a)..j - 1)
                .any(|i| matches!(lw(i), "not" | "n't" | "never"));
            fact = if negated {
                Factuality::Predicted
            } else {
                Factuality::Denied
            };
        }
        let mut time = self.best_time(a, b, t).or_else(|| self.later_anchor(si));
        let dated = time.is_some();
        let anaphor = matches!(
            kind,
            "meeting"
                | "call"
                | "summit"
                | "talks"
                | "visit"
                | "election"
                | "vote"
                | "agreement"
                | "protest"
                | "strike"
        ) && self.definite_before(t, a);
        if let Some(tv) = &time {
            if tv.start.is_some_and(|s| s > self.published) && fact == Factuality::Asserted {
                fact = Factuality::Planned;
            }
        }
        if let Some(ci) = claim {
            if self.claims[ci].polarity == Polarity::Deny && !presupposed {
                fact = Factuality::Denied;
            }
            // "promised to hold a referendum", "demanded that he resign": what
            // is promised or demanded is not yet done.
            let cue_t = self.claims[ci].cue_t;
            if fact == Factuality::Asserted
                && !presupposed
                && !(cue_t < t && factuality::in_circumstance(self, cue_t + 1, t))
            {
                if let Some(f) = factuality::of_cue(&self.claims[ci].cue) {
                    fact = f;
                }
            }
        }
        let status = fact.event_status(ongoing);
        if time.is_none() {
            // No date in the clause: what has happened did so by the statement (or publication) date.
            let anchor = match claim {
                Some(ci) => self.claims[ci].stated.clone(),
                None => Some(TimeValue::from_value(&self.published.to_string())),
            };
            time = match status {
                EventStatus::Occurred => anchor.map(|mut x| {
                    x.modifier = Some(Modifier::OnOrBefore);
                    x
                }),
                EventStatus::Ongoing => anchor,
                _ => None,
            };
        }
        let place = self.place_near(a, b, t);
        // Label: participants, then the trigger phrase with its modifiers.
        let mut p0 = t;
        // "an 11-day war", "a two-year dispute": a hyphenated modifier stays
        // whole, even when its parts read as a duration.
        let glued_hyphen = |k: usize| {
            k > 0
                && self.toks[k - 1].norm == "-"
                && !self.toks[k - 1].space_before
                && !self.toks[k].space_before
        };
        while p0 > a
            && p0 + 3 > t
            && matches!(self.toks[p0 - 1].kind, TokKind::Word)
            && self.mention_at(p0 - 1).is_none()
            // "on Thursday struck", "last week's election": a date is not a modifier.
            && (self.tx_at[p0 - 1].is_none() || glued_hyphen(p0 - 1))
        {
            let l = self.toks[p0 - 1].lower.as_str();
            if matches!(
                l,
                "a" | "an"
                    | "the"
                    | "to"
                    | "will"
                    | "would"
                    | "has"
                    | "have"
                    | "had"
                    | "and"
                    | "of"
                    | "in"
                    | "on"
                    | "is"
                    | "was"
                    // "unions protested" in "... ports of Zeebrugge as unions
                    // protested": a new clause starts at the conjunction.
                    | "as"
                    | "while"
                    | "when"
                    | "after"
                    | "before"
                    | "but"
                    | "because"
                    | "since"
                    | "if"
                    | "that"
                    | "which"
                    | "who"
                    | "by"
                    | "for"
                    | "with"
                    | "at"
            ) {
                break;
            }
            p0 -= 1;
        }
        while p0 >= a + 2
            && glued_hyphen(p0)
            && matches!(self.toks[p0 - 2].kind, TokKind::Word | TokKind::Number)
            && self.mention_at(p0 - 2).is_none()
        {
            p0 -= 2;
        }
        // "last week's election" without its date: no dangling "'s".
        while p0 < t && matches!(self.toks[p0].lower.as_str(), "'s" | "’s" | "'" | "’") {
            p0 += 1;
        }
        let phrase = self.span(p0, t + n).to_owned();
        let names: Vec<String> = parts
            .iter()
            .take(3)
            .map(|(x, _)| self.actors[*x].name.clone())
            .collect();
        let mut label = if names.is_empty() {
            phrase.clone()
        } else {
            format!("{}: {}", names.join(", "), phrase)
        };
        if let Some(p) = &place {
            label.push_str(&format!(" in {p}"));
        }
        let rule = format!("event_trigger_{kind}");
        self.events.push(EventRec {
            kind: kind.to_owned(),
            label,
            time,
            place,
            participants: parts,
            status,
            factuality: fact,
            sent: si,
            evidence: self.evidence_sent(si, &rule),
            trigger: Some(t),
            anaphor,
            dated,
        });
    }

    /// Finds relations: verbs and nouns between two actors, "X-backed Y",
    /// "with X backing", membership lists, and accusations in claims.
    pub fn find_relations(&mut self) {
        for si in 0..self.sents.len() {
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
            for k in s0..s1 {
                if self.toks[k].kind != TokKind::Word {
                    continue;
                }
                let l = self.toks[k].lower.as_str();
                // "X-backed Y"
                if matches!(l, "backed" | "supported" | "sponsored" | "allied" | "led")
                    && k >= 2
                    && self.toks[k - 1].norm == "-"
                {
                    if let (Some(src), Some(tgt)) = (
                        self.mention_at(k - 2).map(|m| m.actor),
                        self.next_mention(k + 1, s1, 1),
                    ) {
                        let kind = if l == "led" { "leads" } else { "supports" };
                        self.push_rel(src, kind, tgt, si, k, "rel_x_backed_y");
                    }
                    continue;
                }
                // "with Russian backing"
                if matches!(l, "backing" | "support" | "help")
                    && k >= 2
                    && self.toks[k - 2].lower == "with"
                {
                    if let Some(m) = self.mention_at(k - 1) {
                        let src = m.actor;
                        if let Some(tgt) = self.prev_mention(k - 2, s0, 6) {
                            self.push_rel(src, "supports", tgt, si, k, "rel_with_x_backing");
                        }
                    }
                    continue;
                }
                // "fighting between X and Y", "talks between X and Y"
                if l == "between" && k > s0 {
                    let head = self.toks[k - 1].lower.as_str();
                    let kind = match head {
                        "fighting" | "war" | "conflict" | "clashes" | "hostilities" => {
                            Some("fights")
                        }
                        "talks" | "meeting" | "negotiations" | "summit" | "call" => Some("meets"),
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        if let Some(x) = self.next_mention(k + 1, s1, 2) {
                            let after_x = (k + 1..s1).find(|&j| self.toks[j].lower == "and");
                            if let Some(y) = after_x.and_then(|j| self.next_mention(j + 1, s1, 3)) {
                                self.push_rel(x, kind, y, si, k, "rel_between_x_and_y");
                            }
                        }
                    }
                    continue;
                }
                // "threw its weight behind X", "stood behind X"
                if l == "behind"
                    && k > s0
                    && matches!(
                        self.toks[k - 1].lower.as_str(),
                        "weight" | "stand" | "stood" | "stands" | "firmly"
                    )
                {
                    if let (Some(src), Some(tgt)) =
                        (self.rel_source(k, s0), self.next_mention(k + 1, s1, 3))
                    {
                        self.push_rel(src, "supports", tgt, si, k, "rel_weight_behind");
                    }
                    continue;
                }
                // "allied Belarus": an ally of the clause subject.
                if l == "allied" && k + 1 < s1 {
                    if let Some(m) = self.mention_at(k + 1) {
                        let tgt = m.actor;
                        let subj = (s0..k).find_map(|j| {
                            self.mention_at(j)
                                .filter(|m| {
                                    !m.adjective && self.actors[m.actor].kind == ActorKind::Country
                                })
                                .map(|m| m.actor)
                        });
                        if let Some(src) = subj {
                            self.push_rel(src, "allied_with", tgt, si, k, "rel_allied_x");
                        }
                    }
                    continue;
                }
                let Some(kind) = LEX.relations.get(l).cloned() else {
                    continue;
                };
                if self.toks[k].is_cap() && k != s0 {
                    continue;
                }
                // "Ukraine was invaded by Russia": the one after "by" acts; a
                // passive without "by" names no one who did it.
                let passive = self.passive_at(k);
                if passive && self.toks.get(k + 1).is_none_or(|t| t.lower != "by") {
                    continue;
                }
                // "companies accused of helping Iran": the one before is the
                // accused (a reduced passive), and no accuser is named.
                if kind == "accuses" && self.toks.get(k + 1).is_some_and(|t| t.lower == "of") {
                    continue;
                }
                // "Moldova condemned the annexation": the act judged is not
                // the judge's own, so its subject is no source.
                let mut d = k;
                while d > s0
                    && matches!(self.toks[d - 1].lower.as_str(), "the" | "a" | "an" | "this")
                {
                    d -= 1;
                }
                if d > s0 && judging_word(&self.toks[d - 1].lower) {
                    continue;
                }
                // Source: the subject to the left (adjectives count for nouns:
                // "Russian invasion"). In the passive the subject suffers the
                // act, and a place may suffer it: "Crimea was annexed by Russia".
                let src = if passive {
                    self.passive_subject(k, s0, &kind)
                        .or_else(|| self.rel_source(k, s0))
                } else {
                    self.rel_source(k, s0)
                        .or_else(|| self.shared_subject(k, s0))
                };
                let Some(src) = src else { continue };
                let Some(tgt) = self.rel_target(k, s1, &kind) else {
                    continue;
                };
                // "... attacks Ukraine, the official said, and is prepared to
                // provide Ukraine with aid": the nearest name back is the
                // object of the first verb; the subject is shared.
                let src = if src == tgt && !passive {
                    match self.shared_subject(k, s0) {
                        Some(s) if s != tgt => s,
                        _ => continue,
                    }
                } else {
                    src
                };
                if src == tgt {
                    continue;
                }
                let (src, tgt) = if passive { (tgt, src) } else { (src, tgt) };
                // "could invade", "plans to seize", "has never threatened":
                // the act with its factuality (see `push_rel`), never a plain fact.
                self.push_rel(src, &kind, tgt, si, k, "rel_verb_or_noun");
                // "The U.S. and the United Kingdom have been arming Ukraine": both.
                if let Some(m) = self
                    .mentions
                    .iter()
                    .find(|m| m.actor == src && m.t1 <= k && self.sent_of[m.t0] == si)
                    .cloned()
                {
                    let mut b = m.t0;
                    while b > s0 && matches!(self.toks[b - 1].lower.as_str(), "the") {
                        b -= 1;
                    }
                    if b >= s0 + 2 && self.toks[b - 1].lower == "and" {
                        if let Some(m2) = self.mention_at(b - 2).filter(|m2| !m2.adjective) {
                            let other = m2.actor;
                            if other != tgt && other != src {
                                self.push_rel(other, &kind, tgt, si, k, "rel_verb_or_noun");
                            }
                        }
                    }
                }
            }
            // "<org> members A, B and C", "A joined NATO"
            for k in s0..s1 {
                if self.toks[k].lower == "members" && k > s0 {
                    if let Some(m) = self.mention_at(k - 1) {
                        let org = m.actor;
                        if !matches!(self.actors[org].kind, ActorKind::Organization) {
                            continue;
                        }
                        let mut j = k + 1;
                        while j < s1 {
                            match self.mention_at(j) {
                                Some(mm) if mm.t0 == j => {
                                    let a = mm.actor;
                                    let e = mm.t1;
                                    if self.actors[a].kind == ActorKind::Country {
                                        self.push_rel(
                                            a,
                                            "member_of",
                                            org,
                                            si,
                                            k,
                                            "rel_members_list",
                                        );
                                    }
                                    j = e;
                                }
                                _ if matches!(self.toks[j].norm.as_str(), "," | "and") => j += 1,
                                _ => break,
                            }
                        }
                    }
                }
            }
        }
        // Accusations and warnings made in claims relate the claimant to who they are about.
        for ci in 0..self.claims.len() {
            let c = &self.claims[ci];
            let kind = match c.modality {
                model::Modality::Accusation => "accuses",
                model::Modality::Warning => "warns",
                model::Modality::Threat => "threatens",
                model::Modality::Demand => "demands",
                _ => continue,
            };
            let (c0, c1, src, si, cue) = (c.c0, c1_of(c), c.claimant, c.sent, c.cue_t);
            // Who is warned: the object of the cue, else the first other actor in the content.
            let tgt = self
                .next_mention(cue + 1, (cue + 3).min(self.sents[si].t1), 2)
                .or_else(|| {
                    // Unnamed people inside the content ("to let aid workers
                    // reach the camp") are seldom the one addressed.
                    // Nor is a scene ("to rally in central Moscow").
                    (c0..c1).find_map(|k| {
                        let m = self.mention_at(k)?;
                        let scene = (m.t0.saturating_sub(2).max(c0)..m.t0).any(|j| {
                            matches!(
                                self.toks[j].lower.as_str(),
                                "in" | "at" | "near" | "across" | "from" | "into" | "outside"
                            )
                        });
                        Some(m.actor).filter(|&a| {
                            a != src && !scene && self.actors[a].kind != ActorKind::Anonymous
                        })
                    })
                });
            // "Netanyahu warned that Israel would respond": the speaker's own
            // country is not the one warned.
            let own = |t: usize| {
                self.actors[t].kind == ActorKind::Country
                    && self.actors[t].country.is_some()
                    && self.actors[t].country == self.actors[src].country
            };
            if let Some(tgt) = tgt {
                if tgt != src && self.actors[tgt].kind != ActorKind::Media && !own(tgt) {
                    self.push_rel(src, kind, tgt, si, cue, "rel_claim_modality");
                }
            }
        }
        // Attacks, invasions and build-ups relate their agent to their target:
        // "threatens" while foreseen, the act itself once it happened.
        let mut acts = Vec::new();
        for e in &self.events {
            let verb = match e.kind.as_str() {
                "invasion" => "invades",
                "attack" => "attacks",
                "military_buildup" | "threat" => "threatens",
                "seizure" => "seized",
                "sanction" => "sanctions",
                _ => continue,
            };
            // The agent nearest before the trigger: "the US plans ... if
            // Russia attacks Ukraine".
            let agent = e.participants.iter().rfind(|p| p.1 == "agent").map(|p| p.0);
            let target = e
                .participants
                .iter()
                .find(|p| {
                    p.1 == "target"
                        && Some(p.0) != agent
                        && self.actors[p.0].kind != ActorKind::Anonymous
                })
                .map(|p| p.0);
            // "Russia would never attack Ukraine": a denied act is no
            // evidence of a threat either.
            if e.status == EventStatus::Denied {
                continue;
            }
            if let (Some(a), Some(t)) = (agent, target) {
                // A foreseen or conditional act stays that act, labelled
                // with the event's factuality, never a plain fact.
                acts.push((a, verb, t, e.sent, e.factuality));
            }
        }
        for (a, kind, t, si, f) in acts {
            let tk = self.sents[si].t0;
            // The verb pattern of the same sentence saw the syntax ("annexed
            // Ukraine's Crimean Peninsula"); the event only saw who stood near.
            let sent_start = self.sents[si].start;
            if self
                .relations
                .iter()
                .any(|r| r.source == a && r.kind == kind && r.evidence.start == sent_start)
            {
                continue;
            }
            self.push_rel_as(a, kind, t, si, tk, "rel_event_agent_target", f);
        }
        // Meetings and calls relate their participants.
        let mut meets = Vec::new();
        for e in &self.events {
            if matches!(e.kind.as_str(), "meeting" | "call" | "summit" | "talks")
                && e.status != EventStatus::Denied
            {
                let ps: Vec<usize> = e
                    .participants
                    .iter()
                    .map(|p| p.0)
                    .filter(|&a| {
                        matches!(
                            self.actors[a].kind,
                            ActorKind::Person | ActorKind::Country | ActorKind::Organization
                        )
                    })
                    .collect();
                if ps.len() >= 2 {
                    meets.push((ps[0], ps[1], e.sent, e.time.clone(), e.factuality));
                }
            }
        }
        for (x, y, si, time, factuality) in meets {
            let ev = self.evidence_sent(si, "rel_meeting_participants");
            self.relations.push(RelationRec {
                source: x,
                kind: "meets".into(),
                target: y,
                time,
                factuality,
                evidence: ev,
            });
        }
    }

    fn next_mention(&self, k: usize, lim: usize, max: usize) -> Option<usize> {
        let mut j = k;
        let mut skipped = 0;
        while j < lim && skipped <= max {
            if let Some(m) = self.mention_at(j) {
                // "the Russian-backed separatists": the backer is a modifier here.
                let compound = m.adjective || self.toks.get(m.t1).is_some_and(|t| t.norm == "-");
                if !(compound && self.toks.get(m.t1).is_some_and(|t| t.norm == "-")) {
                    return Some(m.actor);
                }
                j = m.t1;
                continue;
            }
            if self.toks[j].kind == TokKind::Quote
                || matches!(self.toks[j].norm.as_str(), "," | ";" | ".")
            {
                return None;
            }
            j += 1;
            skipped += 1;
        }
        None
    }

    fn prev_mention(&self, k: usize, s0: usize, max: usize) -> Option<usize> {
        let mut j = k;
        let mut n = 0;
        while j > s0 && n < max {
            j -= 1;
            n += 1;
            if let Some(m) = self.mention_at(j) {
                if !m.adjective {
                    return Some(m.actor);
                }
            }
        }
        None
    }

    /// The subject a verb at `k` shares with its clause when it has none of
    /// its own: a participle after "while", "after" or a comma ("Kuleba
    /// thanked the US, while accusing Russia of ..."), or a verb joined by
    /// "and" ("officials denied that claim and instead accused Russia"). It
    /// is the first name of the sentence that no preposition governs.
    fn shared_subject(&self, k: usize, s0: usize) -> Option<usize> {
        let mut j = k;
        while j > s0
            && matches!(
                self.toks[j - 1].lower.as_str(),
                "instead"
                    | "also"
                    | "then"
                    | "later"
                    | "repeatedly"
                    | "again"
                    | "openly"
                    // "... and is prepared to provide Ukraine with aid"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "to"
                    | "prepared"
                    | "ready"
                    | "willing"
            )
        {
            j -= 1;
        }
        if j == s0 || self.quoted(k) {
            return None;
        }
        let before = self.toks[j - 1].lower.as_str();
        let participle = self.toks[k].lower.ends_with("ing")
            && matches!(before, "while" | "after" | "before" | "when" | "," | "by");
        let joined = before == "and" && !self.toks[k].lower.ends_with("ing");
        if !participle && !joined {
            return None;
        }
        self.mentions
            .iter()
            .filter(|m| m.t0 >= s0 && m.t1 <= j && !m.adjective && !self.quoted(m.t0))
            .find(|m| {
                let mut p = m.t0;
                if p > s0 && self.toks[p - 1].lower == "the" {
                    p -= 1;
                }
                p == s0
                    || !matches!(
                        self.toks[p - 1].lower.as_str(),
                        "in" | "at"
                            | "on"
                            | "alongside"
                            | "with"
                            | "from"
                            | "to"
                            | "of"
                            | "by"
                            | "for"
                            | "near"
                            | "against"
                            | "after"
                            | "before"
                            | "during"
                            | "into"
                            | "about"
                            | "over"
                            | "between"
                            | "and"
                    )
            })
            .filter(|m| {
                !matches!(
                    self.actors[m.actor].kind,
                    ActorKind::Media | ActorKind::Place
                )
            })
            .map(|m| m.actor)
    }

    /// Whether a mention at `t0` stands where a clause subject stands: at the
    /// start of the sentence or after a comma, conjunction or subordinator.
    fn starts_clause(&self, t0: usize, s0: usize) -> bool {
        t0 <= s0
            || matches!(
                self.toks[t0 - 1].lower.as_str(),
                "," | "and"
                    | "but"
                    | "if"
                    | "when"
                    | "as"
                    | "that"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "unless"
                    | "once"
                    | "since"
                    | "the"
            )
    }

    /// Whether the name starting at `t0` follows a locative preposition,
    /// possibly across a coordination: "in China and the UAE".
    fn located(&self, t0: usize, s0: usize) -> bool {
        let mut b = t0;
        loop {
            while b > s0 && self.toks[b - 1].lower == "the" {
                b -= 1;
            }
            if b <= s0 {
                return false;
            }
            let w = self.toks[b - 1].lower.as_str();
            if matches!(w, "in" | "inside" | "near" | "across" | "throughout") {
                return true;
            }
            if matches!(w, "and" | "or" | ",") && b >= s0 + 2 {
                if let Some(m) = self.mention_at(b - 2) {
                    if m.t0 < b - 1 {
                        b = m.t0;
                        continue;
                    }
                }
            }
            return false;
        }
    }

    fn rel_source(&self, k: usize, s0: usize) -> Option<usize> {
        let mut j = k;
        let mut n = 0;
        let mut crossed_with = false;
        while j > s0 && n < 8 {
            j -= 1;
            n += 1;
            let tk = &self.toks[j];
            if tk.kind == TokKind::Quote || matches!(tk.norm.as_str(), ";" | ":" | ".") {
                return None;
            }
            if let Some(m) = self.mention_at(j) {
                let a = &self.actors[m.actor];
                if matches!(a.kind, ActorKind::Media | ActorKind::Place) {
                    return None;
                }
                // "companies in China and the UAE accused of helping Iran":
                // where the subject is, not who acts.
                if a.kind == ActorKind::Country && !m.adjective && self.located(m.t0, s0) {
                    return None;
                }
                // Across "with": "if Russia advances with an invasion" (a
                // subject) but "provide Ukraine with support" (an object).
                if crossed_with && !self.starts_clause(m.t0, s0) {
                    return None;
                }
                return Some(m.actor);
            }
            if matches!(tk.lower.as_str(), "with" | "without" | "against" | "from") {
                crossed_with = true;
            }
            if tk.norm == "," {
                // An appositive: "Romania, a NATO member, has backed ...".
                let prev_comma = (j.saturating_sub(8).max(s0)..j)
                    .rev()
                    .find(|&q| self.toks[q].norm == ",");
                if let Some(q) = prev_comma {
                    if matches!(self.toks[q + 1].lower.as_str(), "a" | "an" | "the") {
                        j = q;
                        continue;
                    }
                }
                if let Some(m) = j.checked_sub(1).and_then(|p| self.mention_at(p)) {
                    if m.t1 == j && !m.adjective {
                        return Some(m.actor);
                    }
                }
                return None;
            }
            if matches!(
                tk.lower.as_str(),
                "that" | "which" | "who" | "but" | "while" | "because"
            ) {
                return None;
            }
        }
        None
    }

    fn rel_target(&mut self, k: usize, s1: usize, kind: &str) -> Option<usize> {
        let mut j = k + 1;
        let mut n = 0;
        while j < s1 && n < 9 {
            let tk = &self.toks[j];
            if tk.kind == TokKind::Quote
                || matches!(tk.norm.as_str(), ";" | ":" | "." | "—" | "–" | "--")
            {
                return None;
            }
            // A new clause begins: "warned Ukraine and allies that Russia ...";
            // but a demand's clause names who is to act ("demands that NATO").
            if matches!(
                tk.lower.as_str(),
                "which" | "who" | "whether" | "if" | "because" | "while" | "unless"
            ) || (tk.lower == "that" && kind != "demands")
            {
                return None;
            }
            if tk.norm == "," {
                // An appositive: "support to another former republic, Belarus".
                match self.mention_at(j + 1) {
                    Some(m) if m.t0 == j + 1 && !m.adjective => {}
                    _ => return None,
                }
                j += 1;
                n += 1;
                continue;
            }
            if let Some(m) = self.mention_at(j) {
                let (a, e) = (m.actor, m.t1);
                // "met at the White House": a venue, not the one met.
                let mut p = m.t0;
                if p > 0 && self.toks[p - 1].lower == "the" {
                    p -= 1;
                }
                if kind == "meets"
                    && p > 0
                    && matches!(self.toks[p - 1].lower.as_str(), "at" | "in" | "near")
                {
                    return None;
                }
                // "Kremlin-backed separatists": the group, not its backer.
                if self.toks.get(e).is_some_and(|t| t.norm == "-")
                    && self.toks.get(e + 1).is_some_and(|t| {
                        matches!(
                            t.lower.as_str(),
                            "backed" | "supported" | "led" | "sponsored" | "controlled" | "allied"
                        )
                    })
                {
                    j = e + 2;
                    n += 1;
                    continue;
                }
                // "Ukraine's Crimean Peninsula": the place owned, not the owner.
                // The mention may or may not take the "'s" in.
                let owned_at = if self.toks.get(e).is_some_and(|t| t.norm == "'s") {
                    Some(e + 1)
                } else if e > 0 && self.toks[e - 1].norm == "'s" {
                    Some(e)
                } else {
                    None
                };
                if let Some(o) = owned_at {
                    if let Some(owned) = self.mention_at(o).filter(|m| m.t0 == o && !m.adjective) {
                        let owned = owned.actor;
                        if matches!(
                            self.actors[owned].kind,
                            ActorKind::Organization | ActorKind::Place
                        ) {
                            return Some(owned);
                        }
                    }
                    if let Some(p) = self.place_actor(o, s1) {
                        return Some(p);
                    }
                }
                if matches!(self.actors[a].kind, ActorKind::Media) {
                    return None;
                }
                return Some(a);
            }
            if matches!(kind, "seized" | "occupies" | "invades" | "attacks")
                && namelike(tk)
                && self.tx_at[j].is_none()
            {
                return self.place_actor(j, s1);
            }
            j += 1;
            n += 1;
        }
        None
    }

    /// The subject of the passive verb at `k`, standing right before its
    /// auxiliaries: a named actor, or for acts on territory ("Kherson was
    /// captured by ...") a name that is not yet an actor, taken as a place.
    fn passive_subject(&mut self, k: usize, s0: usize, kind: &str) -> Option<usize> {
        let mut e = k;
        while e > s0
            && matches!(
                self.toks[e - 1].lower.as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "being"
                    | "be"
                    | "has"
                    | "have"
                    | "had"
                    | "got"
                    | "get"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "reportedly"
                    | "allegedly"
                    | "also"
                    | "later"
                    | "then"
                    | "briefly"
                    | "not"
                    | "never"
                    | "already"
                    | "effectively"
                    | "formally"
                    | "illegally"
            )
        {
            e -= 1;
        }
        if e == k || e == s0 {
            return None;
        }
        if let Some(m) = self.mention_at(e - 1) {
            let (a, adjective) = (m.actor, m.adjective);
            if adjective || self.actors[a].kind == ActorKind::Media {
                return None;
            }
            return Some(a);
        }
        if !matches!(kind, "seized" | "occupies" | "invades" | "attacks") {
            return None;
        }
        let mut b = e;
        while b > s0
            && namelike(&self.toks[b - 1])
            && self.tx_at[b - 1].is_none()
            && self.mention_at(b - 1).is_none()
        {
            b -= 1;
        }
        // A capitalised pronoun or determiner opening the sentence ("It was
        // seized", "This was attacked") names nothing.
        if b == e
            || e - b == 1
                && matches!(
                    self.toks[b].lower.as_str(),
                    "it" | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "which"
                        | "what"
                        | "everything"
                        | "nothing"
                        | "one"
                        | "some"
                        | "many"
                        | "most"
                        | "all"
                        | "none"
                )
        {
            return None;
        }
        self.place_actor(b, e)
    }

    fn place_actor(&mut self, j: usize, s1: usize) -> Option<usize> {
        let mut e = j;
        while e < s1
            && namelike(&self.toks[e])
            && self.tx_at[e].is_none()
            && self.mention_at(e).is_none()
        {
            e += 1;
        }
        if e == j {
            return None;
        }
        let name = self.span(j, e).to_owned();
        let a = self.actor(&format!("place:{name}"), &name, ActorKind::Place);
        let (b0, b1) = (self.toks[j].start, self.toks[e - 1].end);
        if !self.actors[a].mentions.contains(&(b0, b1)) {
            self.actors[a].mentions.push((b0, b1));
        }
        Some(a)
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

    /// Adds a relation read at token `t`, with the factuality of the clause
    /// that governs `t`.
    fn push_rel(&mut self, src: usize, kind: &str, tgt: usize, si: usize, t: usize, rule: &str) {
        let f = factuality::at(self, t, self.sents[si].t0);
        self.push_rel_as(src, kind, tgt, si, t, rule, f);
    }

    /// Adds a relation with a factuality known already (an event's).
    #[allow(clippy::too_many_arguments)]
    fn push_rel_as(
        &mut self,
        src: usize,
        kind: &str,
        tgt: usize,
        si: usize,
        t: usize,
        rule: &str,
        factuality: Factuality,
    ) {
        if !self.relation_frame(src, kind, tgt, t, rule) {
            return;
        }
        if self.within(src, tgt)
            || self.within(tgt, src)
            || self.relations.iter().any(|r| {
                r.source == src && r.target == tgt && r.kind == kind && r.factuality == factuality
            })
        {
            return;
        }
        let s = &self.sents[si];
        let time = self.best_time(s.t0, s.t1, t);
        let evidence = self.evidence_sent(si, rule);
        self.relations.push(RelationRec {
            source: src,
            kind: kind.to_owned(),
            target: tgt,
            time,
            factuality,
            evidence,
        });
    }
}

fn c1_of(c: &super::claims::ClaimRec) -> usize {
    c.c1
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    /// The asserted relations of a text: what a view shows as fact.
    fn relations(text: &str) -> Vec<(String, String, String)> {
        all_relations(text)
            .into_iter()
            .filter(|r| r.3.is_asserted())
            .map(|r| (r.0, r.1, r.2))
            .collect()
    }

    /// Every relation of a text with its factuality.
    fn all_relations(text: &str) -> Vec<(String, String, String, crate::model::Factuality)> {
        let b = extract_text(text, (2021, 12, 4));
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        b.relations
            .iter()
            .map(|r| {
                (
                    name(&r.source),
                    r.kind.clone(),
                    name(&r.target),
                    r.factuality,
                )
            })
            .collect()
    }

    #[test]
    fn a_possessed_place_is_the_target_not_its_owner() {
        // The gazetteer's canonical name of the peninsula is "Crimea".
        let rels = relations("Russia annexed Ukraine's Crimean Peninsula in 2014.");
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
        assert!(!rels.iter().any(|r| r.2 == "Ukraine"), "{rels:?}");
    }

    #[test]
    fn troops_deployed_in_the_passive_belong_to_who_acts() {
        let ev = trig("About 100,000 Russian troops are massed near the border with Ukraine.");
        let e = ev
            .iter()
            .find(|e| e.0 == "military_buildup")
            .expect("the build-up");
        assert!(e.3.contains(&("Russia".into(), "agent".into())), "{ev:?}");
    }

    #[test]
    fn protesters_gather_and_judge_without_acting() {
        let ev = trig(
            "Protesters gathered outside the Russian embassy in London to denounce the invasion.",
        );
        assert!(!ev.iter().any(|e| e.0 == "military_buildup"), "{ev:?}");
        let e = ev.iter().find(|e| e.0 == "invasion").expect("the invasion");
        assert!(!e.3.iter().any(|p| p.0 == "Protesters"), "{ev:?}");
    }

    #[test]
    fn a_place_suffering_a_passive_act_is_its_target() {
        let rels = relations("In 2014 Crimea was annexed by Russia.");
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
        // A name the gazetteer does not know is taken as a place.
        let rels = relations("Zorvik was captured by Chilean forces on Monday.");
        assert!(
            rels.contains(&("Chile".into(), "seized".into(), "Zorvik".into())),
            "{rels:?}"
        );
        let rels = relations("It was occupied by Chilean troops in May.");
        assert!(rels.is_empty(), "{rels:?}");
    }

    #[test]
    fn the_act_one_condemns_is_not_ones_own() {
        let rels = relations(
            "Peru condemned the annexation and said it would seek help from the United Nations.",
        );
        assert!(!rels.iter().any(|r| r.1 == "seized"), "{rels:?}");
    }

    #[test]
    fn a_topic_of_talks_is_no_event_and_no_party() {
        let ev = trig(
            "Peru's trade minister met Bolivia's envoy in Lima on Monday, where they discussed sanctions against Chile.",
        );
        assert!(!ev.iter().any(|e| e.0 == "sanction"), "{ev:?}");
        let m = ev.iter().find(|e| e.0 == "meeting").expect("the meeting");
        assert!(!m.3.iter().any(|p| p.0 == "Chile"), "{ev:?}");
        let ev = trig("Peru and Bolivia held talks on a ceasefire on Monday.");
        assert!(!ev.iter().any(|e| e.0 == "agreement"), "{ev:?}");
        assert!(ev.iter().any(|e| e.0 == "talks"), "{ev:?}");
        let ev = trig("The envoys of Peru also raised the issue of sanctions on Bolivia.");
        assert!(!ev.iter().any(|e| e.0 == "sanction"), "{ev:?}");
        // A definite, real event spoken about stays; a partner named after
        // the topic stays a partner.
        let ev = trig("Peru's president discussed the attack with Bolivia's president.");
        let a = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert!(!a.3.iter().any(|p| p.1 == "agent"), "{ev:?}");
        let rels = relations("Peru's president discussed the attack with Bolivia's president.");
        assert!(rels.is_empty(), "{rels:?}");
        let ev = trig("Peru agreed on a ceasefire with Bolivia on Monday.");
        assert!(ev.iter().any(|e| e.0 == "agreement"), "{ev:?}");
        let ev = trig(
            "Peru's president held a video call about trade on Monday with Bolivia's president.",
        );
        let c = ev.iter().find(|e| e.0 == "call").expect("the call");
        assert!(c.3.iter().any(|p| p.0.contains("Bolivia")), "{ev:?}");
    }

    #[test]
    fn who_follows_another_meeting_takes_part_in_that_one() {
        let ev = trig(
            "Peru's foreign minister spoke with Ecuador's foreign minister and previewed the upcoming meeting with Chile.",
        );
        let c = ev.iter().find(|e| e.0 == "call").expect("the call");
        assert!(!c.3.iter().any(|p| p.0 == "Chile"), "{ev:?}");
    }

    #[test]
    fn a_definite_re_mention_is_the_same_event() {
        let ev = trig(
            "Emmanuel Macron and Olaf Scholz will hold a video call on Tuesday. The call was requested by Scholz. During the call, Macron will raise energy prices.",
        );
        let calls: Vec<_> = ev.iter().filter(|e| e.0 == "call").collect();
        assert_eq!(calls.len(), 1, "{ev:?}");
        assert_eq!(calls[0].2, "planned", "{ev:?}");
        // A planned call: its "meets" is planned too, and told once.
        let rels = all_relations(
            "Emmanuel Macron and Olaf Scholz will hold a video call on Tuesday. During the call, Macron will raise energy prices.",
        );
        assert_eq!(
            rels.iter().filter(|r| r.1 == "meets").count(),
            1,
            "{rels:?}"
        );
    }

    #[test]
    fn a_re_mention_with_another_date_or_other_parties_is_another_event() {
        let ev = trig(
            "Emmanuel Macron and Olaf Scholz will meet in Paris on Friday. The meeting between Macron and Scholz in March 2021 ended without a deal.",
        );
        assert_eq!(ev.iter().filter(|e| e.0 == "meeting").count(), 2, "{ev:?}");
        let ev = trig(
            "Peru and Chile will meet at the border on Friday. Earlier, Macron's meeting with Gabriel Boric in Lima went well.",
        );
        assert_eq!(ev.iter().filter(|e| e.0 == "meeting").count(), 2, "{ev:?}");
    }

    #[test]
    fn a_state_acts_through_its_military_and_fears_are_no_deeds() {
        let ev = trig("Satellite images show a new Chilean military buildup near Peru.");
        let e = ev
            .iter()
            .find(|e| e.0 == "military_buildup")
            .expect("the build-up");
        assert!(e.3.contains(&("Chile".into(), "agent".into())), "{ev:?}");
        let rels = relations("Satellite images show a new Chilean military buildup near Peru.");
        assert!(
            rels.contains(&("Chile".into(), "threatens".into(), "Peru".into())),
            "{rels:?}"
        );
        let ev = trig("Bolivia is building a naval base amid fears of an invasion from Peru.");
        let e = ev.iter().find(|e| e.0 == "invasion").expect("the invasion");
        assert!(!e.3.iter().any(|p| p.0 == "Bolivia"), "{ev:?}");
        assert!(e.3.contains(&("Peru".into(), "agent".into())), "{ev:?}");
    }

    #[test]
    fn weeks_later_is_on_or_after_the_date_before() {
        let b = extract_text(
            "Peru held elections in 1990. Weeks later, rebels attacked the capital. Chile backed a separatist insurgency in Peru's north.",
            (2024, 3, 8),
        );
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "attack")
            .expect("the attack");
        let t = e.time.as_ref().expect("a time");
        assert_eq!(t.value, "1990", "{e:?}");
        assert_eq!(t.modifier, Some(crate::model::Modifier::OnOrAfter), "{e:?}");
        // Without the opener no earlier date is borrowed.
        assert!(
            b.events
                .iter()
                .filter(|e| e.kind == "war")
                .all(|e| e.time.as_ref().is_none_or(|t| t.value != "1990")),
            "{:?}",
            b.events
        );
        assert!(b.events.iter().any(|e| e.kind == "war"), "{:?}", b.events);
    }

    #[test]
    fn the_accused_in_a_reduced_passive_accuses_no_one() {
        let rels = relations(
            "Peru sanctioned firms in Chile and Bolivia accused of smuggling copper, officials said.",
        );
        assert!(!rels.iter().any(|r| r.1 == "accuses"), "{rels:?}");
        // Where the firms are is not who acts.
        let rels = relations("Peru sanctioned firms in Chile and Bolivia for helping Venezuela.");
        assert!(!rels.iter().any(|r| r.2 == "Venezuela"), "{rels:?}");
    }

    #[test]
    fn a_participle_or_joined_verb_shares_the_subject() {
        let rels = relations(
            "Speaking in Lima on Monday, Peru's foreign minister praised Chile, while accusing Bolivia of stoking unrest.",
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "accuses" && r.2 == "Bolivia" && r.0.contains("Peru")),
            "{rels:?}"
        );
        let rels = relations(
            "Chilean officials rejected that report and instead accused Bolivia of moving troops.",
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "accuses" && r.2 == "Bolivia" && r.0.contains("Chile")),
            "{rels:?}"
        );
    }

    #[test]
    fn the_vote_after_an_election_is_that_election() {
        let ev = trig(
            "Voters in Peru went to the polls on Sunday in a presidential election. The vote was marred by delays, observers said.",
        );
        assert_eq!(
            ev.iter()
                .filter(|e| e.0 == "election" || e.0 == "vote")
                .count(),
            1,
            "{ev:?}"
        );
        let ev = trig(
            "Peru held a presidential election on Sunday. The Senate of Chile held a vote on the budget in May.",
        );
        assert!(ev.iter().any(|e| e.0 == "vote"), "{ev:?}");
    }

    #[test]
    fn a_modal_of_the_next_clause_leaves_the_act_done() {
        let ev = trig("Chile condemned the annexation and said it would seek help.");
        let e = ev
            .iter()
            .find(|e| e.0 == "seizure")
            .expect("the annexation");
        assert_eq!(e.2, "occurred", "{ev:?}");
        let ev = trig("Sanctions on Chile would hurt trade.");
        let e = ev
            .iter()
            .find(|e| e.0 == "sanction")
            .expect("the sanctions");
        assert_eq!(e.2, "predicted", "{ev:?}");
        let rels = relations("The town of Arica was shelled by Peruvian forces.");
        assert!(
            rels.contains(&("Peru".into(), "attacks".into(), "Arica".into())),
            "{rels:?}"
        );
    }

    #[test]
    fn the_truce_re_mentions_the_ceasefire() {
        let ev = trig(
            "Peru and Chile agreed to a ceasefire on Sunday. The truce was brokered by Brazil.",
        );
        let deals: Vec<_> = ev.iter().filter(|e| e.0 == "agreement").collect();
        assert_eq!(deals.len(), 1, "{ev:?}");
        assert!(deals[0].3.iter().any(|p| p.0 == "Brazil"), "{ev:?}");
        let ev = trig(
            "Peru and Chile held talks in Lima mediated by Brazil on Sunday. During the talks, Brazil proposed a prisoner exchange.",
        );
        assert_eq!(ev.iter().filter(|e| e.0 == "talks").count(), 1, "{ev:?}");
    }

    #[test]
    fn a_condition_is_no_act_and_an_aside_hides_no_subject() {
        let rels = relations(
            "Brazil will send troops if Peru attacks Chile, the official said, and is prepared to provide Chile with aid.",
        );
        assert!(!rels.iter().any(|r| r.1 == "attacks"), "{rels:?}");
        let all = all_relations(
            "Brazil will send troops if Peru attacks Chile, the official said, and is prepared to provide Chile with aid.",
        );
        assert!(
            all.contains(&(
                "Peru".into(),
                "attacks".into(),
                "Chile".into(),
                crate::model::Factuality::Hypothetical
            )),
            "{all:?}"
        );
        assert!(
            rels.contains(&("Brazil".into(), "supports".into(), "Chile".into())),
            "{rels:?}"
        );
    }

    #[test]
    fn a_verb_joined_after_an_aside_shares_the_subject() {
        let rels = relations(
            "Brazil has sent envoys to Lima, an official said, and is prepared to provide Peru with more aid.",
        );
        assert!(
            rels.contains(&("Brazil".into(), "supports".into(), "Peru".into())),
            "{rels:?}"
        );
    }

    #[test]
    fn a_venue_is_not_met() {
        let rels = relations("Biden and Scholz met at the White House on Monday.");
        assert_eq!(
            rels,
            [("Joe Biden".into(), "meets".into(), "Olaf Scholz".into())]
        );
    }

    #[test]
    fn a_speaker_does_not_warn_his_own_country() {
        let rels =
            relations("President Vladimir Putin warned that Russia would respond with force.");
        assert!(!rels.iter().any(|r| r.1 == "warns"), "{rels:?}");
    }

    #[test]
    fn in_the_passive_the_subject_suffers_the_act() {
        let rels = relations("Chile was invaded by Peru on Monday.");
        assert_eq!(rels, [("Peru".into(), "invades".into(), "Chile".into())]);
        let rels = relations("The rebels are backed by Peru.");
        assert!(
            rels.iter().all(|r| r.0 == "Peru" && r.1 == "supports"),
            "{rels:?}"
        );
        let ev = trig("Alexei Navalny was detained by police at the airport on Sunday.");
        let e = ev.iter().find(|e| e.0 == "arrest").expect("the arrest");
        assert!(
            e.3.contains(&("Alexei Navalny".into(), "target".into())),
            "{ev:?}"
        );
        // A scene before the trigger is not its agent.
        let ev = trig("He was recovering in Germany from a nerve agent attack.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert!(e.3.is_empty(), "{ev:?}");
    }

    #[test]
    fn a_possible_act_is_foreseen_and_a_denied_one_negated() {
        use crate::model::Factuality;
        let all = all_relations("Russia could invade Ukraine as early as January.");
        assert!(
            all.contains(&(
                "Russia".into(),
                "invades".into(),
                "Ukraine".into(),
                Factuality::Predicted
            )),
            "{all:?}"
        );
        assert!(
            !all.iter().any(|r| r.1 == "invades" && r.3.is_asserted()),
            "{all:?}"
        );
        let all = all_relations("Russia has never threatened Ukraine, the Kremlin said.");
        assert!(
            all.iter()
                .filter(|r| r.1 == "threatens")
                .all(|r| r.3 == Factuality::Negated),
            "{all:?}"
        );
        assert!(relations("Russia has never threatened Ukraine, the Kremlin said.").is_empty());
    }

    #[test]
    fn a_recipient_is_not_the_source_and_a_part_not_its_whole_s_opponent() {
        let rels = relations(
            "NATO would not be able to provide Ukraine with military support against Russian forces.",
        );
        assert!(
            !rels.iter().any(|r| r.0 == "Ukraine" && r.1 == "supports"),
            "{rels:?}"
        );
        // Who would act on whom, as a condition: not a plain fact.
        let rels = all_relations(
            "The sanctions would follow if Russia advances with a further invasion of Ukraine.",
        );
        assert!(
            rels.iter().any(|r| r.0 == "Russia"
                && r.2 == "Ukraine"
                && r.3 == crate::model::Factuality::Hypothetical),
            "{rels:?}"
        );
        let rels = relations(
            "If President Vladimir Putin is preparing to attack, the Russian build up appears near.",
        );
        assert!(!rels.iter().any(|r| r.2 == "Russia"), "{rels:?}");
    }

    fn events(text: &str) -> Vec<(String, crate::model::EventStatus)> {
        extract_text(text, (2022, 2, 10))
            .events
            .into_iter()
            .map(|e| (e.kind, e.status))
            .collect()
    }

    #[test]
    fn equipment_names_are_no_events_and_fears_are_foreseen() {
        let ev =
            events("Satellite images show tanks and infantry fighting vehicles near the town.");
        assert!(!ev.iter().any(|e| e.0 == "war"), "{ev:?}");
        let ev = events("Ukraine did not see Russia forming any strike groups in Belarus.");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let ev = events("Russia begins huge war games in Belarus amid Ukraine invasion fears.");
        assert!(
            ev.iter()
                .any(|e| e.0 == "invasion" && e.1 == crate::model::EventStatus::Predicted),
            "{ev:?}"
        );
    }

    #[test]
    fn a_target_in_another_clause_is_none() {
        let rels = relations(
            "Joe Biden warned Vladimir Putin that an invasion would result in serious consequences, such as US military reinforcements on NATO's eastern flank.",
        );
        assert!(!rels.iter().any(|r| r.2 == "US military"), "{rels:?}");
    }

    #[test]
    fn the_parties_are_named_after_between() {
        let b = extract_text(
            "The talks, mediated by France and Germany, aim at resolving the conflict between Ukraine and the separatists.",
            (2022, 2, 10),
        );
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "war")
            .expect("the conflict");
        let who: Vec<String> = e.participants.iter().map(|p| name(&p.actor)).collect();
        assert!(who.contains(&"Ukraine".to_owned()), "{who:?}");
        assert!(!who.contains(&"France".to_owned()), "{who:?}");
    }

    #[test]
    fn what_is_banned_is_no_event() {
        let ev = events(
            "The treaty would also ban the deployment of intermediate-range missiles in Europe.",
        );
        assert!(!ev.iter().any(|e| e.0 == "military_buildup"), "{ev:?}");
    }

    #[test]
    fn the_owner_after_of_is_the_agent() {
        let b = extract_text(
            "The build-up of Russian tanks along the border continued.",
            (2021, 11, 15),
        );
        let russia = b.actors.iter().find(|a| a.name == "Russia").unwrap();
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "military_buildup")
            .expect("a build-up event");
        assert!(
            e.participants
                .iter()
                .any(|p| p.actor == russia.id && p.role == "agent"),
            "{e:?}"
        );
    }

    #[test]
    fn backed_group_and_seizure() {
        let b = extract_text(
            "Ukraine is fighting Kremlin-backed separatists. Russia seized Crimea.",
            (2021, 12, 4),
        );
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        let rels: Vec<(String, String, String)> = b
            .relations
            .iter()
            .map(|r| (name(&r.source), r.kind.clone(), name(&r.target)))
            .collect();
        assert!(
            rels.contains(&("Ukraine".into(), "fights".into(), "separatists".into())),
            "{rels:?}"
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "supports" && r.2 == "separatists"),
            "{rels:?}"
        );
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
    }

    /// (kind, label, status, [(actor name, role)]) of a trigger event.
    type Trig = (String, String, String, Vec<(String, String)>);

    /// Every trigger event of `text`.
    fn trig(text: &str) -> Vec<Trig> {
        let b = extract_text(text, (2024, 3, 8));
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        b.events
            .iter()
            .filter(|e| {
                e.evidence
                    .rule
                    .as_deref()
                    .is_some_and(|r| r.starts_with("event_trigger"))
            })
            .map(|e| {
                (
                    e.kind.clone(),
                    e.label.clone(),
                    e.status.as_str().to_owned(),
                    e.participants
                        .iter()
                        .map(|p| (name(&p.actor), p.role.clone()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_hyphenated_modifier_stays_whole_and_a_date_is_left_out() {
        let ev = trig("A 34-day war between Lebanon and Syria ended in 1990.");
        let w = ev.iter().find(|e| e.0 == "war").expect("the war");
        assert!(w.1.contains("34-day war"), "{ev:?}");
        let ev = trig("Last week's presidential election in Peru was close.");
        let e = ev.iter().find(|e| e.0 == "election").expect("the election");
        assert!(e.1.contains("presidential election"), "{ev:?}");
        assert!(!e.1.contains("week"), "{ev:?}");
    }

    #[test]
    fn parties_after_between_are_parties_and_the_broker_a_mediator() {
        let ev = trig(
            "Qatar stepped up efforts to broker a ceasefire between Sudan and Chad on Monday.",
        );
        let c = ev
            .iter()
            .find(|e| e.0 == "agreement")
            .expect("the ceasefire");
        assert_eq!(c.2, "planned", "{ev:?}");
        assert!(c.3.contains(&("Qatar".into(), "mediator".into())), "{ev:?}");
        assert!(
            c.3.contains(&("Sudan".into(), "participant".into())),
            "{ev:?}"
        );
        let ev = trig("A 34-day war between Lebanon and Syria ended in 1990.");
        let w = ev.iter().find(|e| e.0 == "war").expect("the war");
        assert!(w.3.iter().all(|p| p.1 == "participant"), "{ev:?}");
        assert!(w.3.iter().any(|p| p.0 == "Syria"), "{ev:?}");
    }

    #[test]
    fn sought_talks_are_not_held_talks() {
        let ev = trig("Chile has repeatedly sought talks with Bolivia over the dispute.");
        let t = ev.iter().find(|e| e.0 == "talks").expect("the talks");
        assert_eq!(t.2, "planned", "{ev:?}");
        let ev = trig("Chile tried to end the row by meeting with Bolivia in Lima.");
        let t = ev.iter().find(|e| e.0 == "meeting").expect("the meeting");
        assert_eq!(t.2, "occurred", "{ev:?}");
        let ev = trig("Kenya tried to end the war that Uganda had started.");
        let t = ev.iter().find(|e| e.0 == "war").expect("the war");
        assert_eq!(t.2, "occurred", "{ev:?}");
        let ev = trig("Troops pushed into Mosul after the attack on the base.");
        let t = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_eq!(t.2, "occurred", "{ev:?}");
        let ev = trig("Peace talks, mediated by Norway and Cuba, resumed on Monday.");
        let t = ev.iter().find(|e| e.0 == "talks").expect("the talks");
        assert!(t.3.contains(&("Cuba".into(), "mediator".into())), "{ev:?}");
    }

    #[test]
    fn negated_events_are_denied() {
        let ev = trig("Rebels did not attack the town on Sunday, Chad said.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_eq!(e.2, "denied", "{ev:?}");
        let ev = trig("The bill passed without a vote in the parliament of Peru.");
        let e = ev.iter().find(|e| e.0 == "vote").expect("the vote");
        assert_eq!(e.2, "denied", "{ev:?}");
        // "no intention of", "no plans to": denied, and no threat either.
        let ev = trig("Peru said it had no intention of invading Chile.");
        let e = ev.iter().find(|e| e.0 == "invasion").expect("the invasion");
        assert_eq!(e.2, "denied", "{ev:?}");
        let ev = trig("Peru has no plans to attack Chile, its president said.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_eq!(e.2, "denied", "{ev:?}");
        let rels = relations("Peru would never attack Chile, its president said.");
        assert!(rels.is_empty(), "{rels:?}");
        let ev = trig("Peru could attack Chile if talks fail.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_ne!(e.2, "occurred", "{ev:?}");
    }

    #[test]
    fn a_work_stoppage_and_a_disaster_are_no_attacks() {
        let ev = trig("Nurses across Chile went on strike over pay on Monday.");
        assert!(ev.iter().any(|e| e.0 == "strike"), "{ev:?}");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let ev = trig("A drone strike hit a convoy in Syria on Monday.");
        assert!(ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let ev = trig("A strong earthquake struck Peru on Sunday, killing 12 people.");
        let e = ev.iter().find(|e| e.0 == "disaster").expect("the quake");
        assert!(e.3.is_empty(), "{ev:?}");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
    }

    #[test]
    fn a_vote_in_a_chamber_is_no_election_and_a_court_rules() {
        let ev = trig("The Senate of Chile voted to approve the budget on Monday.");
        assert!(ev.iter().any(|e| e.0 == "vote"), "{ev:?}");
        assert!(!ev.iter().any(|e| e.0 == "election"), "{ev:?}");
        let ev = trig("Voters in Chile cast ballots in a presidential vote on Sunday.");
        assert!(ev.iter().any(|e| e.0 == "election"), "{ev:?}");
        let ev = trig("A court in Kenya ruled on Tuesday that the tax was illegal.");
        assert!(ev.iter().any(|e| e.0 == "ruling"), "{ev:?}");
        let ev = trig("Peru ruled out talks with Chile on Tuesday.");
        assert!(!ev.iter().any(|e| e.0 == "ruling"), "{ev:?}");
    }

    #[test]
    fn who_is_protested_against_is_the_target() {
        let ev = trig("Teachers stage a protest against Russia in Lima on Friday.");
        let e = ev.iter().find(|e| e.0 == "protest").expect("the protest");
        assert_eq!(e.2, "occurred", "{ev:?}");
        assert!(e.3.contains(&("Russia".into(), "target".into())), "{ev:?}");
        let ev = trig(
            "The war between Ethiopia and Eritrea ended in 2000, and Sudan's war with Chad went on.",
        );
        assert!(
            ev.iter().all(|e| e.3.iter().all(|p| p.1 == "participant")),
            "{ev:?}"
        );
    }

    #[test]
    fn brokers_stops_collapses_and_clause_bounded_labels() {
        let ev = trig("Fighting stopped after a Qatar-brokered truce was signed by Sudan.");
        let e = ev.iter().find(|e| e.0 == "agreement").expect("the truce");
        assert!(e.3.contains(&("Qatar".into(), "mediator".into())), "{ev:?}");
        let ev =
            trig("Peru's foreign minister made the second stop of her tour in Chile on Monday.");
        let e = ev.iter().find(|e| e.0 == "visit").expect("the stop");
        assert!(!e.3.iter().any(|p| p.0 == "Chile"), "{ev:?}");
        let ev = trig("The talks stop short of a deal, Peru said.");
        assert!(!ev.iter().any(|e| e.0 == "visit"), "{ev:?}");
        let ev = trig("Trade slowed at the port of Callao as dockers protested on Monday.");
        let e = ev.iter().find(|e| e.0 == "protest").expect("the protest");
        assert!(!e.1.contains("as"), "{ev:?}");
        let b = extract_text(
            "Chile joined the group after the 1991 collapse of the old order.",
            (2024, 3, 8),
        );
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "collapse")
            .expect("the collapse");
        assert_eq!(e.time.as_ref().map(|t| t.value.as_str()), Some("1991"));
    }

    #[test]
    fn a_denied_part_keeps_the_event_and_ruling_out_rejects_it() {
        let ev = trig("Chad denied any role in the bombing in Niger on Monday.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the bombing");
        assert_eq!(e.2, "occurred", "{ev:?}");
        let ev = trig("Peru ruled out sanctions against Chile on Monday.");
        let e = ev
            .iter()
            .find(|e| e.0 == "sanction")
            .expect("the sanctions");
        assert_eq!(e.2, "denied", "{ev:?}");
        let ev = trig("Peru did not rule out sanctions against Chile on Monday.");
        let e = ev
            .iter()
            .find(|e| e.0 == "sanction")
            .expect("the sanctions");
        assert_eq!(e.2, "predicted", "{ev:?}");
        let ev = trig("The prime minister of Peru resigned on Monday.");
        assert!(ev.iter().any(|e| e.0 == "resignation"), "{ev:?}");
    }

    #[test]
    fn a_partner_and_a_subject_in_another_clause() {
        let ev = trig("Chile held naval exercises with Peru in May.");
        let e = ev
            .iter()
            .find(|e| e.0 == "exercise")
            .expect("the exercises");
        assert!(
            e.3.contains(&("Peru".into(), "participant".into())),
            "{ev:?}"
        );
        let ev =
            trig("Critics in Chile spoke up on Monday, although Peru has not attacked Bolivia.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert!(!e.3.iter().any(|p| p.0 == "Chile"), "{ev:?}");
        assert!(e.3.contains(&("Peru".into(), "agent".into())), "{ev:?}");
        assert_eq!(e.2, "denied", "{ev:?}");
        let ev = trig("The prime minister of Peru resigned after a bombing in Lima.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the bombing");
        assert!(!e.3.iter().any(|p| p.1 == "agent"), "{ev:?}");
    }

    #[test]
    fn a_report_names_its_outlet() {
        let ev = trig(
            "Chile moved troops north, according to a report in The New York Times on Friday.",
        );
        let e = ev.iter().find(|e| e.0 == "report").expect("the report");
        assert!(e.3.iter().all(|p| p.1 == "source"), "{ev:?}");
        assert!(!e.3.is_empty(), "{ev:?}");
        let ev = trig("Chile denied reports of troop movements on Friday.");
        assert!(!ev.iter().any(|e| e.0 == "report"), "{ev:?}");
    }
}
