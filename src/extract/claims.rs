//! Attributed claims: reporting cues before or after the content, direct and
//! indirect speech, "according to", "told <outlet>", "quoted X as saying",
//! "citing X", pronoun speakers, and chains extended by a following sentence.

use super::Doc;
use super::lexicon::{Cue, LEX};
use super::text::TokKind;
use crate::model::{self, ActorKind, Evidence, Modality, Polarity, Quantity, TimeValue};

/// A claim before it becomes a model claim.
#[derive(Debug, Clone)]
pub struct ClaimRec {
    pub claimant: usize,
    pub via: Vec<usize>,
    pub statement: String,
    pub subject: Option<String>,
    pub quantity: Option<Quantity>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub stated: Option<TimeValue>,
    /// What time the content is about, when it names one.
    pub valid: Option<TimeValue>,
    pub sent: usize,
    /// Content token range.
    pub c0: usize,
    pub c1: usize,
    /// The cue's lemma ("say", "estimate").
    pub cue: String,
    /// Token where the cue starts.
    pub cue_t: usize,
    pub rule: &'static str,
    pub evidence: Evidence,
}

impl ClaimRec {
    /// The model claim, with bundle-local ids.
    pub fn to_model(&self, i: usize, id_of: &dyn Fn(usize) -> String) -> model::Claim {
        model::Claim {
            id: format!("c{}", i + 1),
            claimant: id_of(self.claimant),
            via: self.via.iter().map(|&v| id_of(v)).collect(),
            subject: self.subject.clone(),
            statement: self.statement.clone(),
            quantity: self.quantity.clone(),
            polarity: self.polarity,
            modality: self.modality,
            // Read from the cue and the content's clause in `factuality::of_claim`.
            factuality: model::Factuality::Asserted,
            stated: self.stated.clone(),
            valid: self.valid.clone(),
            about: Vec::new(),
            evidence: self.evidence.clone(),
        }
    }
}

/// The token after timex `x`, which covers token `k` (searching up to `c1`).
fn t1_of(doc: &Doc<'_>, x: usize, k: usize, c1: usize) -> usize {
    let mut e = k;
    while e < c1 && doc.tx_at[e] == Some(x) {
        e += 1;
    }
    e
}

const SKIP_LEFT: &[&str] = &[
    "also",
    "repeatedly",
    "previously",
    "reportedly",
    "publicly",
    "recently",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "again",
    "already",
    "later",
    "earlier",
    "further",
    "then",
    "first",
    "subsequently",
    "on",
    "in",
    "at",
    "last",
    "this",
    "late",
    "early",
    "had",
    "been",
    "being",
    "initially",
    "separately",
    "similarly",
    "likewise",
    "however",
    ",",
    "once",
    "even",
    "now",
    "today",
    "yesterday",
    "widely",
    "privately",
    "explicitly",
    "quickly",
    "swiftly",
    "still",
    "long",
    "often",
    "consistently",
    "exclusively",
    "directly",
    "formally",
    "officially",
    "jointly",
    "had",
    "ever",
];

/// Whether a word before a cue stands between it and its speaker ("has
/// also said", "said on Monday").
pub(super) fn skips_left(lower: &str) -> bool {
    SKIP_LEFT.contains(&lower)
}

/// Verbs of aspect before "to" and a reporting verb: "continued to deny",
/// "went on to say", "began to warn".
const ASPECT_TO: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "continuing",
    "went",
    "goes",
    "go",
    "began",
    "begins",
    "begun",
    "begin",
    "started",
    "starts",
    "appeared",
    "appears",
    "seemed",
    "seems",
    "used",
];

const NOUN_BEFORE: &[&str] = &[
    "preliminary",
    "final",
    "annual",
    "written",
    "joint",
    "separate",
    "internal",
    "confidential",
    "detailed",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "'s",
    "these",
    "those",
    "such",
    "repeated",
    "new",
    "latest",
    "recent",
    "previous",
    "any",
    "no",
    "of",
    "to",
    "which",
    "my",
    "your",
    "whose",
    "false",
    "unsubstantiated",
    "baseless",
];

const REPORT_NOUNS: &[&str] = &[
    "assessment",
    "report",
    "statement",
    "estimate",
    "estimates",
    "analysis",
    "data",
    "figures",
    "readout",
];

/// Nouns of speech whose source follows with "from" or "by" and whose
/// content follows with "that" ("warnings from the EU that ...",
/// "assurances by Moscow that ..."): noun and cue class.
const SPEECH_NOUNS: &[(&str, &str)] = &[
    ("warning", "warn"),
    ("warnings", "warn"),
    ("claim", "claim"),
    ("claims", "claim"),
    ("assurance", "say"),
    ("assurances", "say"),
    ("statement", "say"),
    ("statements", "say"),
    ("report", "report"),
    ("reports", "report"),
    ("allegation", "accuse"),
    ("allegations", "accuse"),
    ("accusation", "accuse"),
    ("accusations", "accuse"),
    ("demand", "demand"),
    ("demands", "demand"),
    ("threat", "threaten"),
    ("threats", "threaten"),
    ("denial", "deny"),
    ("denials", "deny"),
    ("promise", "say"),
    ("promises", "say"),
    ("pledge", "say"),
    ("pledges", "say"),
    ("predictions", "predict"),
    ("estimates", "estimate"),
];

fn modality_of(class: &str) -> Modality {
    match class {
        "estimate" => Modality::Estimate,
        "believe" => Modality::Belief,
        "warn" => Modality::Warning,
        "threaten" => Modality::Threat,
        "predict" => Modality::Prediction,
        "demand" => Modality::Demand,
        "accuse" => Modality::Accusation,
        _ => Modality::Assertion,
    }
}

#[derive(Debug, Clone, Copy)]
enum Src {
    Actors([Option<usize>; 3]),
}

impl Src {
    fn list(&self) -> Vec<usize> {
        let Src::Actors(a) = self;
        a.iter().flatten().copied().collect()
    }
}

/// Verbs by which a document or data give evidence ("the poll shows").
const EVIDENCE_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "find",
    "finds",
    "found",
    "reveal",
    "reveals",
    "revealed",
    "indicate",
    "indicates",
    "indicated",
    "suggest",
    "suggests",
    "suggested",
    "confirm",
    "confirms",
    "confirmed",
    "say",
    "says",
    "said",
    "state",
    "states",
    "stated",
    "note",
    "notes",
    "noted",
    "estimate",
    "estimates",
    "estimated",
    "predict",
    "predicts",
    "predicted",
    "conclude",
    "concludes",
    "concluded",
    "documented",
    "detail",
    "details",
    "detailed",
    "describe",
    "describes",
    "described",
    "claims",
    "claimed",
];

/// Nouns of the occasion on which something was said ("during a video
/// call", "in an address to the nation").
const OCCASIONS: &[&str] = &[
    "call",
    "meeting",
    "summit",
    "conversation",
    "talks",
    "interview",
    "address",
    "speech",
    "statement",
    "briefing",
    "conference",
    "nation",
];

/// Listeners a speaker addresses ("told reporters that", "assured
/// lawmakers that").
const RECIPIENTS: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "legislators",
    "parliament",
    "senators",
    "supporters",
    "crowd",
    "audience",
    "students",
    "troops",
    "soldiers",
    "residents",
    "voters",
    "delegates",
    "media",
    "television",
    "tv",
    "radio",
    "newspaper",
    "broadcaster",
];

impl Doc<'_> {
    fn is_pronoun(&self, t: usize) -> Option<&'static str> {
        Some(match self.toks.get(t)?.lower.as_str() {
            "he" => "he",
            "she" => "she",
            "it" => "it",
            "they" => "they",
            _ => return None,
        })
    }

    /// The actor a speaker pronoun at token `t` refers to: the last speaker
    /// or subject of the right kind outside quotations.
    fn resolve_pronoun(&self, p: &str, t: usize) -> Option<usize> {
        let want = |a: &super::actors::ActorRec| match p {
            "he" | "she" => {
                a.kind == ActorKind::Person || (a.kind == ActorKind::Anonymous && !a.plural)
            }
            "it" => matches!(
                a.kind,
                ActorKind::Media
                    | ActorKind::Organization
                    | ActorKind::Government
                    | ActorKind::Country
            ),
            _ => {
                a.plural
                    || matches!(
                        a.kind,
                        ActorKind::Country | ActorKind::Government | ActorKind::Organization
                    )
            }
        };
        // The latest claimant before t.
        let last_claim = self
            .claims
            .iter()
            .rev()
            .find(|c| c.cue_t < t && want(&self.actors[c.claimant]))
            .map(|c| (c.cue_t, c.claimant));
        // The latest subject-position mention before t.
        let mut last_subj = None;
        let si = self.sent_of[t];
        for m in self.mentions.iter().rev() {
            if m.t0 >= t || m.adjective || self.quoted(m.t0) {
                continue;
            }
            if self.sent_of[m.t0] + 3 < si {
                break;
            }
            if !want(&self.actors[m.actor]) {
                continue;
            }
            if self.subject_position(m.t0) {
                last_subj = Some((m.t0, m.actor));
                break;
            }
        }
        // "he"/"she" with nobody of that kind near: the last person named
        // anywhere before.
        let last_subj = last_subj.or_else(|| {
            if !matches!(p, "he" | "she") || last_claim.is_some() {
                return None;
            }
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.t0 < t && !m.adjective && !self.quoted(m.t0))
                .find(|m| self.actors[m.actor].kind == ActorKind::Person)
                .map(|m| (m.t0, m.actor))
        });
        match (last_claim, last_subj) {
            // "it" mostly continues the last speaker ("The ministry said ... It
            // added"), unless a subject of its own sentence comes between
            // ("While the alliance is divided ..., it still insists").
            (Some(c), Some(s)) => Some(if s.0 > c.0 && (p != "it" || self.sent_of[s.0] == si) {
                s.1
            } else {
                c.1
            }),
            (Some(c), None) => Some(c.1),
            (None, Some(s)) => Some(s.1),
            (None, None) => None,
        }
    }

    /// A mention at `t0` is in subject position when nothing but adverbials
    /// precede it in its clause.
    fn subject_position(&self, t0: usize) -> bool {
        let si = self.sent_of[t0];
        let s0 = self.sents[si].t0;
        let mut k = t0;
        while k > s0 {
            k -= 1;
            let tk = &self.toks[k];
            if tk.kind == TokKind::Quote || matches!(tk.norm.as_str(), "," | ";" | ":" | "--") {
                return true;
            }
            if self.tx_at[k].is_some()
                || matches!(
                    tk.lower.as_str(),
                    "on" | "in"
                        | "at"
                        | "the"
                        | "a"
                        | "an"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "and"
                        | "but"
                        | "while"
                        | "when"
                        | "as"
                        | "then"
                )
            {
                continue;
            }
            if self.mention_at(k).is_some() {
                continue;
            }
            // "Union leader Sophie Martin", "Popular TV host Ivan Petrov": one
            // or two words describing the title that opens the subject.
            if k + 1 == t0 && k <= s0 + 1 && self.opens_with_title(t0) {
                return (s0..=k).all(|j| {
                    self.toks[j].kind == TokKind::Word
                        && self.mention_at(j).is_none()
                        && !LEX.cues.contains_first(&self.toks[j].lower)
                });
            }
            return false;
        }
        true
    }

    /// When token `to` is the "to" of "continued to", "went on to": the
    /// position of the aspect verb.
    pub(super) fn aspect_before(&self, to: usize, s0: usize) -> Option<usize> {
        if self.toks[to].lower != "to" || to <= s0 {
            return None;
        }
        let mut q = to - 1;
        if self.toks[q].lower == "on" && q > s0 {
            q -= 1;
        }
        ASPECT_TO
            .contains(&self.toks[q].lower.as_str())
            .then_some(q)
    }

    /// Whether the mention at `t0` starts with an office title ("leader
    /// Sophie Martin").
    fn opens_with_title(&self, t0: usize) -> bool {
        let s1 = self.sents[self.sent_of[t0]].t1;
        LEX.titles.longest(&self.toks, t0, s1).is_some()
    }

    /// Actor(s) ending right before token `v` (skipping adverbs, times and
    /// appositives): the subject of a cue.
    fn left_source(&self, v: usize, s0: usize) -> Option<(Src, usize)> {
        let mut k = v;
        let mut guard = 0;
        while k > s0 && guard < 30 {
            guard += 1;
            let p = k - 1;
            let tk = &self.toks[p];
            if self.tx_at[p].is_some()
                || SKIP_LEFT.contains(&tk.lower.as_str())
                || REPORT_NOUNS.contains(&tk.lower.as_str())
            {
                // A comma closes an appositive: "Kirby, a spokesman, said".
                if tk.norm == "," {
                    // "Ruto, who met Western diplomats, said": the name
                    // before the comma belongs to a relative clause.
                    let relative = (p.saturating_sub(24).max(s0)..p).rev().find(|&q| {
                        self.toks[q].norm == ","
                            && matches!(self.toks[q + 1].lower.as_str(), "who" | "which")
                    });
                    if let Some(q) = relative {
                        k = q;
                        continue;
                    }
                    if let Some(m) = self.mention_at(p.saturating_sub(1)) {
                        if p > 0 && m.t1 == p {
                            k = p;
                            continue;
                        }
                    }
                    // Skip back over "a/the <role> ..." to the previous comma.
                    let mut q = p;
                    let mut found = None;
                    while q > s0 && p - q < 12 {
                        q -= 1;
                        if self.toks[q].norm == "," {
                            found = Some(q);
                            break;
                        }
                        if self.toks[q].kind == TokKind::Quote {
                            break;
                        }
                    }
                    match found {
                        Some(q)
                            if matches!(
                                self.toks[q + 1].lower.as_str(),
                                "a" | "an"
                                    | "the"
                                    | "who"
                                    | "which"
                                    | "however"
                                    | "though"
                                    | "meanwhile"
                                    | "too"
                                    | "also"
                                    | "in"
                                    | "for"
                                    | "then"
                            ) =>
                        {
                            k = q;
                            continue;
                        }
                        _ => return self.clause_subject(v, s0),
                    }
                }
                k = p;
                continue;
            }
            if tk.kind == TokKind::Quote {
                return None;
            }
            // "Sen. Jane Roe (D-Ore.) said": skip the brackets.
            if tk.norm == ")" {
                if let Some(o) = (p.saturating_sub(10).max(s0)..p)
                    .rev()
                    .find(|&j| self.toks[j].norm == "(")
                {
                    k = o;
                    continue;
                }
            }
            // "has continued to deny", "went on to say": the aspect verb
            // stands between the speaker and the cue.
            if let Some(q) = self.aspect_before(p, s0) {
                k = q;
                continue;
            }
            if let Some(pr) = self.is_pronoun(p) {
                let a = self.resolve_pronoun(pr, p)?;
                return Some((Src::Actors([Some(a), None, None]), p));
            }
            // "His office said", "their spokesman said": the people or body
            // of the one the pronoun stands for speak for it.
            if p > s0 && self.mention_at(p).is_none() && LEX.anon.contains_key(tk.lower.as_str()) {
                let pr = match self.toks[p - 1].lower.as_str() {
                    "his" => Some("he"),
                    "her" => Some("she"),
                    "its" => Some("it"),
                    "their" => Some("they"),
                    _ => None,
                };
                if let Some(a) = pr.and_then(|pr| self.resolve_pronoun(pr, p - 1)) {
                    return Some((Src::Actors([Some(a), None, None]), p - 1));
                }
            }
            let Some(m) = self.mention_at(p) else {
                return self.clause_subject(v, s0);
            };
            if m.adjective && !matches!(self.actors[m.actor].kind, ActorKind::Anonymous) {
                return self.clause_subject(v, s0);
            }
            // "Laurent Berger, head of the CFDT union, warned": the body inside
            // an appositive is not the speaker.
            let mut b = m.t0;
            if b > s0 && self.toks[b - 1].lower == "the" {
                b -= 1;
            }
            if b > s0 && matches!(self.toks[b - 1].lower.as_str(), "of" | "for") {
                // "a spokesman for the European Commission said": the
                // spokesman speaks for the body.
                if b > s0 + 1 {
                    if let Some(h) = self.mention_at(b - 2) {
                        if matches!(
                            self.actors[h.actor].kind,
                            ActorKind::Anonymous | ActorKind::Person
                        ) {
                            return Some((Src::Actors([Some(h.actor), None, None]), h.t0));
                        }
                    }
                }
                if self.toks[b - 1].lower == "of" {
                    return self.clause_subject(v, s0);
                }
            }
            let mut list = [Some(m.actor), None, None];
            let mut start = m.t0;
            // Coordinated subjects: "Washington and Kyiv say".
            let mut n = 1;
            while n < 3 && start >= 2 && self.toks[start - 1].lower == "and" {
                match self.mention_at(start - 2) {
                    Some(m2) if !m2.adjective && m2.t1 == start - 1 => {
                        if !list.contains(&Some(m2.actor)) {
                            list[n] = Some(m2.actor);
                            n += 1;
                        }
                        start = m2.t0;
                    }
                    _ => break,
                }
            }
            return Some((Src::Actors(list), start));
        }
        None
    }

    /// "analysts polled by Reuters", "economists surveyed by the bank": the
    /// actor asked, when the mention starting at `t` is the asker. The flag
    /// says whether the asker is an outlet, which then relays the claim.
    fn polled_by(&self, t: usize, s0: usize) -> Option<(usize, bool)> {
        if t < s0 + 3 || self.toks[t - 1].lower != "by" {
            return None;
        }
        if !matches!(
            self.toks[t - 2].lower.as_str(),
            "polled" | "surveyed" | "interviewed" | "contacted" | "consulted" | "asked"
        ) {
            return None;
        }
        let asked = self.mention_at(t - 3).filter(|m| m.t1 == t - 2)?;
        let asker = self.mention_at(t)?;
        Some((
            asked.actor,
            self.actors[asker.actor].kind == ActorKind::Media,
        ))
    }

    /// The subject of the clause a cue at `v` sits in: the first actor in
    /// subject position after the last clause break, within a few words.
    fn clause_subject(&self, v: usize, s0: usize) -> Option<(Src, usize)> {
        let mut cs = v;
        while cs > s0 {
            let tk = &self.toks[cs - 1];
            if tk.kind == TokKind::Quote
                || matches!(tk.norm.as_str(), ";" | ":" | "--")
                || matches!(tk.lower.as_str(), "which" | "who" | "because")
                // "..., while the union said": a new clause with its own
                // subject; "while demanding" keeps the subject before it.
                || matches!(tk.lower.as_str(), "while" | "whereas" | "although" | "but")
                    && !self.toks[cs].lower.ends_with("ing")
            {
                break;
            }
            cs -= 1;
        }
        if v - cs > 16 {
            return None;
        }
        for k in cs..v {
            if let Some(m) = self.mention_at(k) {
                if m.t0 == k && !m.adjective && self.subject_position(k) {
                    return Some((Src::Actors([Some(m.actor), None, None]), k));
                }
            }
            if let Some(pr) = self.is_pronoun(k) {
                if self.subject_position(k) {
                    let a = self.resolve_pronoun(pr, k)?;
                    return Some((Src::Actors([Some(a), None, None]), k));
                }
            }
        }
        None
    }

    fn right_source(&self, k: usize, s1: usize) -> Option<(usize, usize)> {
        let mut k = k;
        while k < s1
            && (self.tx_at[k].is_some() || matches!(self.toks[k].lower.as_str(), "on" | "by"))
        {
            k += 1;
        }
        if k >= s1 {
            return None;
        }
        if let Some(p) = self.is_pronoun(k) {
            // '"...," said he.' ends there; "..., said he would respect it"
            // goes on: the pronoun opens the content.
            let ends = self
                .toks
                .get(k + 1)
                .is_none_or(|t| k + 1 >= s1 || matches!(t.norm.as_str(), "," | "." | "\"" | ";"));
            if !ends {
                return None;
            }
            return self.resolve_pronoun(p, k).map(|a| (a, k + 1));
        }
        // An unknown abbreviation before a titled name ("WH Principal Deputy ... Jon Finer").
        let mut j = k;
        while j < s1
            && j < k + 2
            && self.mention_at(j).is_none()
            && self.toks[j].norm.chars().all(|c| c.is_uppercase())
        {
            j += 1;
        }
        let m = self.mention_at(j)?;
        if m.t0 != j || m.adjective {
            return None;
        }
        // "told CNN that ...": a recipient, not a speaker. "..., said the
        // army would stay": the subject of the content, not a speaker.
        if self.toks.get(m.t1).is_some_and(|t| {
            t.lower == "that"
                || t.norm == ":"
                || t.kind == TokKind::Quote
                || matches!(
                    t.lower.as_str(),
                    "would"
                        | "will"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "had"
                        | "has"
                        | "have"
                        | "did"
                        | "does"
                        | "do"
                )
        }) {
            return None;
        }
        Some((m.actor, m.t1))
    }

    /// The first token at or after `k` (before `s1`) that is not part of a
    /// time expression or the "on" before one.
    fn past_time(&self, k: usize, s1: usize) -> usize {
        let mut f = k;
        while f < s1 && (self.tx_at[f].is_some() || self.toks[f].lower == "on") {
            f += 1;
        }
        f
    }

    /// The time a claim's content `[c0, c1)` is about: its first calendar
    /// date or period ("rose to 11.2 percent in January", "could invade as
    /// early as late January"). A date that only bounds something else
    /// ("since April", "after the talks in May") does not say when the
    /// content holds; nor does a duration. None when the content names no
    /// time: the claim is then about the time it was made.
    fn valid_time(&self, c0: usize, c1: usize) -> Option<TimeValue> {
        let mut k = c0;
        while k < c1 {
            let Some(x) = self.tx_at[k] else {
                k += 1;
                continue;
            };
            let t = &self.timexes[x];
            let e = t1_of(self, x, k, c1);
            // "following war games in western Russia earlier this year":
            // a bound a few words back, within the phrase.
            let bounding = (c0.max(k.saturating_sub(8))..k)
                .rev()
                .take_while(|&j| !matches!(self.toks[j].norm.as_str(), "," | ";" | ":"))
                .any(|j| {
                    matches!(
                        self.toks[j].lower.as_str(),
                        "since"
                            | "after"
                            | "before"
                            | "until"
                            | "till"
                            | "from"
                            | "than"
                            | "following"
                            | "prior"
                    )
                });
            // "a Friday report", "last year's election": a time that only
            // describes a noun.
            let attributive = k > c0 && matches!(self.toks[k - 1].lower.as_str(), "a" | "an")
                || self.toks.get(e).is_some_and(|t| t.norm == "'s");
            // "the exercises, called Union Resolve 2022": a year in a name.
            let named = k > c0
                && e == k + 1
                && self.toks[k].kind == TokKind::Number
                && self.toks[k - 1].is_cap()
                && self.sents[self.sent_of[k]].t0 != k - 1;
            if !bounding
                && !attributive
                && !named
                && matches!(t.kind, model::TimexType::Date | model::TimexType::Time)
                && t.begin.is_some()
            {
                return Some(t.time_value());
            }
            k = e;
        }
        None
    }

    /// The first calendar date among the tokens of a sentence outside `[c0, c1)`.
    fn stated_time(&self, si: usize, c0: usize, c1: usize) -> TimeValue {
        let s = &self.sents[si];
        for k in s.t0..s.t1 {
            if (c0..c1).contains(&k) || self.quoted(k) {
                continue;
            }
            if let Some(x) = self.tx_at[k] {
                let t = &self.timexes[x];
                if t.begin.is_some() && t.begin <= Some(self.published) {
                    return t.time_value();
                }
            }
        }
        TimeValue::from_value(&self.published.to_string())
    }

    fn quantity_in(&self, c0: usize, c1: usize) -> Option<super::quantity::QuantityMention> {
        let inside: Vec<&super::quantity::QuantityMention> = self
            .quantities
            .iter()
            .filter(|q| q.t0 >= c0 && q.t0 < c1)
            .collect();
        let troops = |q: &&&super::quantity::QuantityMention| {
            matches!(
                q.q.unit.as_deref(),
                Some(
                    "troops"
                        | "personnel"
                        | "battalion tactical groups"
                        | "reservists"
                        | "fighters"
                )
            )
        };
        if let Some(q) = inside.iter().find(troops) {
            return Some((*q).clone());
        }
        if let Some(q) = inside
            .iter()
            .find(|q| q.q.unit.is_some() && q.q.unit.as_deref() != Some("percent"))
        {
            return Some((*q).clone());
        }
        // A percentage counts once it is known what it measures.
        if let Some(q) = inside
            .iter()
            .find(|q| q.q.unit.as_deref() == Some("percent") && q.subject.is_some())
        {
            return Some((*q).clone());
        }
        // A bare figure ("put the number at 70,000") counts what the sentence counts.
        // Small bare numbers are seldom counts, except as the figure a count
        // is put at: "put the number of dead at five".
        let put_at = |q: &super::quantity::QuantityMention| {
            q.t0 > c0
                && self.toks[q.t0 - 1].lower == "at"
                && self.toks[c0..q.t0].iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "number" | "toll" | "figure" | "total" | "count"
                    )
                })
        };
        let bare = inside
            .iter()
            .find(|q| q.q.unit.is_none() && q.q.value.is_some_and(|v| v >= 10.0 || put_at(q)))?;
        let si = self.sent_of[c0];
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let mut m = (*bare).clone();
        match self
            .quantities
            .iter()
            .find(|q| q.t0 >= s0 && q.t0 < s1 && q.q.unit.is_some() && q.t0 != bare.t0)
        {
            Some(like) => {
                m.q.unit = like.q.unit.clone();
                m.subject = like.subject.clone();
            }
            None => {
                // "the number of troops ... by 7,000"
                let Some((k, u)) = (s0..s1)
                    .find_map(|k| LEX.units.longest(&self.toks, k, s1).map(|(_, u)| (k, u)))
                else {
                    // "... with 8,000 troops. Others say as many as 30,000 could come."
                    if let Some(like) = self.counted_before(si, &m.q) {
                        m.q.unit = like.q.unit.clone();
                        m.subject = like.subject.clone();
                        return Some(m);
                    }
                    // "Russia has massed troops near the border. U.S. intelligence
                    // put it at 70,000.": the one counted noun of the sentence before.
                    let linked = bare.t0 > 0
                        && matches!(
                            self.toks[bare.t0 - 1].lower.as_str(),
                            "at" | "was" | "is" | "were" | "are" | "to" | "reached" | "numbered"
                        );
                    if !linked {
                        return None;
                    }
                    let prev = si.checked_sub(1)?;
                    let (p0, p1) = (self.sents[prev].t0, self.sents[prev].t1);
                    let mut units = (p0..p1)
                        .filter_map(|k| LEX.units.longest(&self.toks, k, p1).map(|(_, u)| (k, u)));
                    let (k, u) = units.next()?;
                    if units.any(|(_, v)| v != u) || matches!(u.as_str(), "percent" | "dollars") {
                        return None;
                    }
                    let owner = self
                        .mention_at(k.saturating_sub(1))
                        .filter(|m| m.adjective)
                        .or_else(|| {
                            (p0..k).find_map(|j| {
                                self.mention_at(j).filter(|m| {
                                    m.t0 == j && self.actors[m.actor].kind == ActorKind::Country
                                })
                            })
                        })
                        .map(|m| self.owner_word(m.actor));
                    m.q.unit = Some(u.clone());
                    m.subject = Some(match owner {
                        Some(o) => format!("{o} {u}"),
                        None => u.clone(),
                    });
                    return Some(m);
                };
                // "the number of dead": people killed.
                let (u, fate) = match super::quantity::fate_unit(u) {
                    Some((u, fate)) => (u.to_owned(), Some(fate)),
                    None => (u.clone(), None),
                };
                m.q.unit = Some(u.clone());
                // "the number of Russian troops": the owner is the adjective before the unit.
                let owner = self
                    .mention_at(k.saturating_sub(1))
                    .filter(|m| m.adjective)
                    .map(|m| self.owner_word(m.actor));
                let mut subject = match owner {
                    Some(o) => format!("{o} {u}"),
                    None => u,
                };
                if let Some(fate) = fate {
                    subject.push(' ');
                    subject.push_str(fate);
                }
                m.subject = Some(subject);
            }
        }
        Some(m)
    }

    /// The one counted figure of the sentence before `si` that a bare figure
    /// `q` can continue: same order of magnitude (within a factor of ten), so
    /// "14 groups with 8,000 troops" lends "troops", not "groups", to 30,000.
    /// None when no figure or more than one fits: then the count is unknown.
    fn counted_before(
        &self,
        si: usize,
        q: &crate::model::Quantity,
    ) -> Option<&super::quantity::QuantityMention> {
        let prev = si.checked_sub(1)?;
        let (p0, p1) = (self.sents[prev].t0, self.sents[prev].t1);
        let size = |q: &crate::model::Quantity| q.value.or(q.upper).or(q.lower);
        let v = size(q)?;
        let mut fits = self.quantities.iter().filter(|like| {
            like.t0 >= p0
                && like.t0 < p1
                && like.subject.is_some()
                && like
                    .q
                    .unit
                    .as_deref()
                    .is_some_and(|u| !matches!(u, "percent" | "dollars"))
                && size(&like.q).is_some_and(|w| w > 0.0 && v / w <= 10.0 && w / v <= 10.0)
        });
        let one = fits.next()?;
        fits.next().is_none().then_some(one)
    }

    /// Skips recipients, channels, times and "that" after a cue; returns where the content starts.
    fn content_start(&self, k: usize, s1: usize, lemma: &str) -> (usize, Vec<usize>) {
        let mut k = k;
        let mut via = Vec::new();
        let mut guard = 0;
        while k < s1 && guard < 20 {
            guard += 1;
            let tk = &self.toks[k];
            // What follows "that" is the content, even when it opens with a
            // name ("told reporters that Moscow had ...").
            if tk.lower == "that" && self.tx_at[k].is_none() {
                return (self.after_warned(k + 1, s1, lemma), via);
            }
            if self.tx_at[k].is_some()
                || matches!(
                    tk.lower.as_str(),
                    "on" | ":" | "," | "--" | "-" | "in" | "at" | "also"
                )
            {
                // "said on CNN": an outlet after "on" is a relay.
                if tk.lower == "on" || tk.lower == "in" || tk.lower == "at" {
                    if let Some(m) = self.mention_at(k + 1) {
                        if self.actors[m.actor].kind == ActorKind::Media {
                            via.push(m.actor);
                            k = m.t1;
                            continue;
                        }
                    }
                    if self.tx_at.get(k + 1).is_none_or(Option::is_none)
                        && LEX.channels.longest(&self.toks, k, s1).is_none()
                    {
                        return (self.skip_to_that(k, s1), via);
                    }
                }
                if let Some((n, _)) = LEX.channels.longest(&self.toks, k, s1) {
                    k += n;
                    // "in an interview with CNN"
                    if self.toks.get(k).is_some_and(|t| t.lower == "with") {
                        if let Some(m) = self.mention_at(k + 1) {
                            if self.actors[m.actor].kind == ActorKind::Media {
                                via.push(m.actor);
                            }
                            k = m.t1;
                        }
                    }
                    continue;
                }
                k += 1;
                continue;
            }
            if let Some((n, _)) = LEX.channels.longest(&self.toks, k, s1) {
                k += n;
                continue;
            }
            // "told reporters", "told CNN", "confirmed to CBS News", "shared with CNN".
            if matches!(lemma, "tell" | "confirm" | "say" | "write")
                || tk.lower == "to"
                || tk.lower == "with"
            {
                let kk = if matches!(tk.lower.as_str(), "to" | "with") {
                    k + 1
                } else {
                    k
                };
                if let Some(m) = self.mention_at(kk) {
                    if m.t0 == kk && self.actors[m.actor].kind == ActorKind::Media {
                        via.push(m.actor);
                        k = m.t1;
                        continue;
                    }
                }
                if lemma == "tell" && kk == k {
                    // An article opens a recipient ("told the BBC") or the
                    // content itself ("told reporters the convoy had stalled").
                    let article = matches!(tk.lower.as_str(), "the" | "a" | "an");
                    if article
                        && !self.toks.get(k + 1).is_some_and(|t| {
                            RECIPIENTS.contains(&t.lower.as_str())
                                || matches!(t.lower.as_str(), "russian" | "state" | "interviewer")
                        })
                        && self.mention_at(k + 1).is_none_or(|m| m.t0 != k + 1)
                        && self.mention_at(k).is_none_or(|m| m.t0 != k)
                    {
                        break;
                    }
                    // A common-noun recipient: "told reporters", "told lawmakers".
                    if matches!(
                        tk.lower.as_str(),
                        "reporters"
                            | "journalists"
                            | "lawmakers"
                            | "parliament"
                            | "the"
                            | "a"
                            | "an"
                            | "russian"
                            | "state"
                            | "television"
                            | "members"
                            | "senators"
                            | "legislators"
                            | "interviewer"
                            | "audience"
                            | "students"
                    ) || self.mention_at(k).is_some()
                    {
                        k += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let k = self.skip_to_that(k, s1);
        (self.after_warned(k, s1, lemma), via)
    }

    /// "warns Russia of 'costs' if ...", "warns of a possible invasion":
    /// the one warned and the "of" are not part of what is warned about.
    fn after_warned(&self, k: usize, s1: usize, lemma: &str) -> usize {
        // "sounded the alarm over the exercises, saying the deployment is
        // vast": the participle carries what was said.
        // Here `s1` is where the next cue starts; giving no content leaves
        // the claim to that participle.
        if matches!(lemma, "sound the alarm" | "raise concerns" | "be concerned")
            && k < s1
            && matches!(self.toks[k].lower.as_str(), "over" | "about" | "on" | "at")
            && self.toks[s1 - 1].norm == ","
            && self
                .toks
                .get(s1)
                .is_some_and(|t| matches!(t.lower.as_str(), "saying" | "adding" | "warning"))
        {
            return s1;
        }
        if !matches!(lemma, "warn" | "caution") || k >= s1 {
            return k;
        }
        let about = |j: usize| {
            self.toks
                .get(j)
                .is_some_and(|t| matches!(t.lower.as_str(), "of" | "about" | "against"))
        };
        if about(k) {
            return k + 1;
        }
        match self.mention_at(k).filter(|m| m.t0 == k && !m.adjective) {
            Some(m) if about(m.t1) && m.t1 + 1 < s1 => m.t1 + 1,
            _ => k,
        }
    }

    /// "warned Putin during a virtual meeting earlier this month that ...",
    /// "confirmed reports Tuesday that ...": a recipient, an occasion or a
    /// date stands between the cue and its "that"; the content starts after.
    fn skip_to_that(&self, k: usize, s1: usize) -> usize {
        let mut j = k;
        let mut named = false;
        let mut in_place = false;
        while j < s1 && j < k + 12 {
            if let Some(m) = self.mention_at(j).filter(|m| m.t0 == j) {
                named = true;
                j = m.t1.max(j + 1);
                continue;
            }
            if self.tx_at[j].is_some() {
                named = true;
                j += 1;
                continue;
            }
            let l = self.toks[j].lower.as_str();
            if l == "that" {
                return if named && j > k { j + 1 } else { k };
            }
            // An occasion names where it was said as well as a recipient does;
            // so does a place after a preposition ("told reporters in Geneva").
            let place = j > k
                && self.toks[j].is_cap()
                && matches!(self.toks[j - 1].lower.as_str(), "in" | "at" | "from")
                || self.toks[j].is_cap()
                    && j > k + 1
                    && self.toks[j - 1].is_cap()
                    && matches!(self.toks[j - 2].lower.as_str(), "in" | "at" | "from");
            let occasion = OCCASIONS.contains(&l)
                || RECIPIENTS.contains(&l)
                || REPORT_NOUNS.contains(&l)
                || place;
            named |= occasion;
            // "told supporters outside the court that": where, after whom.
            if named
                && matches!(
                    l,
                    "outside" | "inside" | "near" | "after" | "before" | "across"
                )
            {
                in_place = true;
            }
            let place_word = in_place
                && self.toks[j].kind == TokKind::Word
                && !self.toks[j].is_cap()
                && !LEX.cues.contains_first(l);
            if !occasion
                && !place_word
                && !matches!(
                    l,
                    "during"
                        | "in"
                        | "at"
                        | "on"
                        | "a"
                        | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "of"
                        | "virtual"
                        | "phone"
                        | "video"
                        | "televised"
                        | "press"
                        | "news"
                        | "to"
                        | "and"
                        | "other"
                        | "allies"
                        | "partners"
                        | "officials"
                        | "leaders"
                        | "counterparts"
                        | "reporting"
                        | "reports"
                        | "publicly"
                        | "privately"
                        | "again"
                        | "repeatedly"
                        | "also"
                        | "for"
                        | "since"
                        | "preliminary"
                        | "final"
                        | "written"
                        | "joint"
                        | "separate"
                        | "annual"
                        | "latest"
                        | "new"
                        | "brief"
                        | "'s"
                )
            {
                return k;
            }
            j += 1;
        }
        k
    }

    /// Finds the claims of every sentence.
    pub fn find_claims(&mut self) {
        for si in 0..self.sents.len() {
            self.claims_in(si);
        }
        self.relay_nested();
    }

    /// "Biden warned Putin that ..., the White House said": the inner
    /// speaker's claim reaches us through the outer one, which adds nothing
    /// else. The outer claim becomes a link of the inner claim's chain.
    fn relay_nested(&mut self) {
        let mut drop = vec![false; self.claims.len()];
        for a in 0..self.claims.len() {
            let outer = &self.claims[a];
            // Only a plain report relays; "Moscow blames Kyiv" after a
            // claim of Kyiv's answers it.
            // "X warned that ..., according to Y" relays X's warning too.
            let relays = outer.rule == "attr_content_source_cue"
                && matches!(
                    outer.cue.as_str(),
                    "say" | "add" | "report" | "confirm" | "state" | "announce"
                )
                || outer.rule == "attr_according_to";
            if !relays {
                continue;
            }
            // Every claim of the inner speaker there: "X condemned ... and
            // said ..., Y reported".
            let inner: Vec<usize> = (0..self.claims.len())
                .filter(|&b| {
                    let c = &self.claims[b];
                    b != a
                        && !drop[b]
                        // "Biden plans to ..., the official said": the
                        // official's report, not a relayed state of mind.
                        && c.modality != Modality::Belief
                        && c.sent == outer.sent
                        && c.cue_t >= outer.c0
                        && c.c1 <= outer.c1
                        && c.claimant != outer.claimant
                        && ((outer.c0..(outer.c0 + 4).min(c.cue_t)).any(|k| {
                        self.mention_at(k)
                            .is_some_and(|m| m.actor == c.claimant && !m.adjective)
                    })
                    // '"...," a U.S. official said, Politico reported': the
                    // outer content ends with the inner source's cue.
                    || c.c1 <= c.cue_t && c.cue_t > outer.c0 && outer.c1 <= c.cue_t + 4)
                })
                .collect();
            let (outer_via, outer_claimant) = (outer.via.clone(), outer.claimant);
            let speaker = inner.first().map(|&b| self.claims[b].claimant);
            for b in inner {
                if Some(self.claims[b].claimant) != speaker {
                    continue;
                }
                let mut via = outer_via.clone();
                via.push(outer_claimant);
                via.extend(self.claims[b].via.iter().copied());
                via.dedup();
                self.claims[b].via = via;
                drop[a] = true;
            }
        }
        let mut i = 0;
        self.claims.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }

    #[allow(clippy::too_many_lines)]
    fn claims_in(&mut self, si: usize) {
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        if self.colon_claim(si, s0, s1) {
            return;
        }
        let mut cues: Vec<(usize, usize, Cue)> = Vec::new();
        let mut k = s0;
        while k < s1 {
            if self.quoted(k) || self.toks[k].kind != TokKind::Word {
                k += 1;
                continue;
            }
            if self.toks[k].lower == "according"
                && self.toks.get(k + 1).is_some_and(|t| t.lower == "to")
            {
                cues.push((
                    k,
                    2,
                    Cue {
                        lemma: "according to".into(),
                        class: "say".into(),
                    },
                ));
                k += 2;
                continue;
            }
            // "warnings from the European Union that the deal could collapse":
            // the source after "from" speaks, the clause after "that" is said.
            if let Some(&(_, class)) = SPEECH_NOUNS.iter().find(|(w, _)| *w == self.toks[k].lower) {
                if self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "from" | "by"))
                {
                    let m = self
                        .mention_at(k + 2)
                        .or_else(|| self.mention_at(k + 3))
                        .filter(|m| m.t0 <= k + 3 && !m.adjective);
                    if let Some(m) = m {
                        if m.t1 < s1 && self.toks[m.t1].lower == "that" {
                            let n = m.t1 + 1 - k;
                            cues.push((
                                k,
                                n,
                                Cue {
                                    lemma: "noun_from".into(),
                                    class: class.into(),
                                },
                            ));
                            k += n;
                            continue;
                        }
                    }
                }
            }
            // "A new poll shows ...", "the documents suggest ...": what a
            // document or data show is evidence, the document the source.
            if EVIDENCE_VERBS.contains(&self.toks[k].lower.as_str())
                && k > s0
                && self.doc_subject(k, s0).is_some()
            {
                cues.push((
                    k,
                    1,
                    Cue {
                        lemma: "show".into(),
                        class: "evidence".into(),
                    },
                ));
                k += 1;
                continue;
            }
            if let Some((n, cue)) = LEX.cues.longest(&self.toks, k, s1) {
                let prev = if k > s0 {
                    self.toks[k - 1].lower.as_str()
                } else {
                    ""
                };
                // "Moscow's claims that ...", "Russia's repeated claim that ...": the possessor speaks.
                if self.toks.get(k + n).is_some_and(|t| t.lower == "that") {
                    let mut b = k;
                    while b > s0
                        && matches!(
                            self.toks[b - 1].lower.as_str(),
                            "repeated"
                                | "latest"
                                | "new"
                                | "own"
                                | "earlier"
                                | "previous"
                                | "initial"
                                | "public"
                                | "official"
                        )
                    {
                        b -= 1;
                    }
                    if b >= s0 + 2
                        && self.toks[b - 1].norm == "'s"
                        && self.mention_at(b - 2).is_some()
                    {
                        cues.push((
                            k,
                            n,
                            Cue {
                                lemma: "possessive".into(),
                                class: cue.class.clone(),
                            },
                        ));
                        k += n;
                        continue;
                    }
                }
                let noun_form = matches!(
                    self.toks[k].lower.as_str(),
                    "report"
                        | "reports"
                        | "claim"
                        | "claims"
                        | "estimate"
                        | "estimates"
                        | "warning"
                        | "warnings"
                        | "demands"
                        | "demand"
                        | "call"
                        | "calls"
                        | "fears"
                        | "fear"
                        | "promise"
                        | "promises"
                        | "threat"
                );
                let noun_mod = noun_form
                    && matches!(
                        prev,
                        "media"
                            | "news"
                            | "press"
                            | "intelligence"
                            | "initial"
                            | "official"
                            | "his"
                            | "her"
                    );
                // "are not expected to": a passive forecast, not the subject speaking.
                let passive = matches!(
                    prev,
                    "is" | "are" | "was" | "were" | "be" | "been" | "not" | "widely" | "being"
                ) && matches!(
                    cue.lemma.as_str(),
                    "expect"
                        | "believe"
                        | "think"
                        | "fear"
                        | "report"
                        | "estimate"
                        | "say"
                        | "claim"
                        | "allege"
                );
                // "so-called": a label, not speech.
                let so_called =
                    self.toks[k].lower == "called" && k >= s0 + 2 && self.toks[k - 2].lower == "so";
                // "continued to deny", "went on to say": a verb after all.
                let aspect = k > s0 && self.aspect_before(k - 1, s0).is_some();
                let noun_use = so_called
                    || passive
                    || noun_mod
                    || NOUN_BEFORE.contains(&prev)
                        && !aspect
                        && !(self.toks[k].lower.ends_with("ing") && prev == ",");
                let next = self.toks.get(k + n).map(|t| t.lower.as_str()).unwrap_or("");
                // "she said of the election": what she said is quoted.
                let said_of = next == "of"
                    && cue.lemma == "say"
                    && self.toks[s0..s1].iter().any(|t| t.kind == TokKind::Quote);
                let bad_next = !said_of && matches!(next, "by" | "for" | "off" | "up" | "into" | "upon" | "of" if cue.lemma != "warn")
                    && cue.lemma != "call for"
                    // "a think tank"
                    || self.toks[k].lower == "think" && matches!(next, "tank" | "tanks");
                // "plans to", "assume that": these verbs need their object
                // to be a state of mind ("the McKinley plan", "assume office").
                let needs_object = match cue.lemma.as_str() {
                    "plan" | "intend" => next == "to",
                    "assume" => next == "that",
                    _ => true,
                };
                // "Health worries have dogged her": a plural noun, not a verb.
                let plural_noun = cue.class == "believe"
                    && self.toks[k].lower.ends_with('s')
                    && matches!(
                        next,
                        "have"
                            | "has"
                            | "had"
                            | "are"
                            | "were"
                            | "is"
                            | "was"
                            | "of"
                            | "about"
                            | "over"
                    );
                // "Hope Hicks", "Will Roe": a capitalised cue inside a
                // sentence is part of a name.
                let named = self.toks[k].is_cap()
                    && k > s0
                    && self.toks[k - 1].kind == TokKind::Word
                    && self.title_case_of.get(si).copied().flatten() != Some(true);
                if !noun_use && !bad_next && needs_object && !plural_noun && !named {
                    cues.push((k, n, cue.clone()));
                }
                k += n;
                continue;
            }
            // "put the (current) number at": an estimate.
            if matches!(
                self.toks[k].lower.as_str(),
                "put" | "puts" | "putting" | "placed" | "places"
            ) {
                // "put it at 70,000", "put the number of rockets fired from Gaza
                // at more than 500": the figure follows the first "at" that a
                // quantity follows. Any counted noun may stand between: "put turnout at 1.28
                // million", "put the cost at $2 billion"; "put pressure on"
                // has no figure after "at".
                let counted = (k + 1..(k + 5).min(s1)).any(|j| {
                    matches!(
                        self.toks[j].lower.as_str(),
                        "number" | "figure" | "total" | "count" | "size" | "strength" | "toll"
                    )
                });
                let lim = (k + if counted { 16 } else { 6 }).min(s1);
                let figure_after =
                    |j: usize| self.quantities.iter().any(|q| q.t0 > j && q.t0 <= j + 3);
                if let Some(at) =
                    (k + 1..lim).find(|&j| self.toks[j].lower == "at" && figure_after(j))
                {
                    // The statement keeps what is counted ("the toll in
                    // government-held areas at 1,250"), unless a pronoun
                    // stands for it ("put it at 70,000").
                    let pronoun = matches!(
                        self.toks[k + 1].lower.as_str(),
                        "it" | "this" | "that" | "them" | "its" | "their"
                    );
                    cues.push((
                        k,
                        if pronoun { at + 1 - k } else { 1 },
                        Cue {
                            lemma: "estimate".into(),
                            class: "estimate".into(),
                        },
                    ));
                    k = at + 1;
                    continue;
                }
            }
            if self.toks[k].lower == "quoted"
                || self.toks[k].lower == "citing"
                || self.toks[k].lower == "quoting"
            {
                let lemma = if self.toks[k].lower == "citing" {
                    "cite"
                } else {
                    "quote"
                };
                cues.push((
                    k,
                    1,
                    Cue {
                        lemma: lemma.into(),
                        class: "report".into(),
                    },
                ));
            }
            k += 1;
        }
        if cues.is_empty() {
            self.carry_over(si);
            return;
        }
        let first_claim = self.claims.len();
        let mut last_src: Option<Vec<usize>> = None;
        let mut consumed_until = s0;
        for ci in 0..cues.len() {
            let (v, n, cue) = cues[ci].clone();
            if v < consumed_until && cue.lemma != "possessive" {
                continue;
            }
            let lemma = cue.lemma.as_str();
            let next_cue = cues.get(ci + 1).map(|c| c.0).unwrap_or(s1);
            // "citing X" attached to an earlier cue is handled with it.
            if lemma == "cite" && self.toks[v].lower == "citing" && ci > 0 {
                continue;
            }
            // "asked to meet", "agreed to sit down": a request or a
            // commitment to act, not words reported.
            if matches!(lemma, "ask" | "agree")
                && self.toks.get(v + n).is_some_and(|t| {
                    matches!(t.lower.as_str(), "to" | "on" | "with" | "upon" | "in")
                })
            {
                continue;
            }
            // "admitting Ukraine and Georgia": letting in, not conceding.
            if lemma == "admit" && self.mention_at(v + n).is_some() {
                continue;
            }
            // "what it called 'peacekeeping' forces": a name given, not a claim.
            // "called Erdogan to offer help", "called him on Monday": a
            // telephone call, not words given to something.
            if lemma == "call" {
                if let Some(m) = self.mention_at(v + n).filter(|m| m.t0 == v + n) {
                    let after = self.toks.get(m.t1).map_or("", |t| t.lower.as_str());
                    if matches!(after, "to" | "on" | "." | "and" | "for" | "after" | "late") {
                        continue;
                    }
                }
            }
            if matches!(lemma, "call" | "describe")
                && (v.saturating_sub(3).max(s0)..v).any(|j| self.toks[j].lower == "what")
            {
                continue;
            }
            let mut via: Vec<usize> = Vec::new();
            let mut claimants: Vec<usize>;
            let (c0, c1);
            let rule: &'static str;
            if lemma == "according to" {
                let mut k = v + 2;
                while k < s1 && matches!(self.toks[k].lower.as_str(), "the" | "a" | "an") {
                    k += 1;
                }
                // "according to estimates by the consultancy Kpler",
                // "according to figures from the health ministry".
                if k + 1 < s1
                    && matches!(
                        self.toks[k].lower.as_str(),
                        "estimates"
                            | "estimate"
                            | "figures"
                            | "data"
                            | "report"
                            | "tally"
                            | "count"
                            | "analysis"
                            | "survey"
                            | "poll"
                            | "statement"
                            | "calculations"
                            | "research"
                    )
                    && matches!(self.toks[k + 1].lower.as_str(), "by" | "from" | "of")
                    && self.mention_at(k).is_none()
                {
                    k += 2;
                    while k < s1 && matches!(self.toks[k].lower.as_str(), "the" | "a" | "an") {
                        k += 1;
                    }
                }
                // "according to the monitoring group OVD-Info": the name
                // may follow a description of a few words.
                let Some(m) = (k..(k + 4).min(s1))
                    .take_while(|&j| {
                        j == k
                            || self.toks[j - 1].kind == TokKind::Word
                                && !self.toks[j - 1].is_cap()
                                && self.mention_at(j - 1).is_none()
                    })
                    .find_map(|j| self.mention_at(j).filter(|m| j == k || m.t0 == j))
                    .map(|m| (m.actor, m.t1))
                    .or_else(|| {
                        // "according to exit polls", "according to show
                        // insiders": a source no gazetteer knows.
                        let (b, e) = self.np_after(k, s1, true)?;
                        Some((self.np_actor(b, e).0, e))
                    })
                else {
                    continue;
                };
                claimants = vec![m.0];
                // "according to X, citing Y" / "according to a report by X"
                let mut e = m.1;
                while e < s1 && !matches!(self.toks[e].norm.as_str(), "," | "." | ";") {
                    e += 1;
                }
                if v == s0
                    || (v > s0 && self.tx_at[v - 1].is_some())
                    || (v > s0 && self.toks[v - 1].norm == ",") && v <= s0 + 3
                {
                    c0 = (e + 1).min(s1);
                    c1 = s1;
                } else {
                    c0 = s0;
                    c1 = if v > s0 && self.toks[v - 1].norm == "," {
                        v - 1
                    } else {
                        v
                    };
                }
                rule = "attr_according_to";
            } else if lemma == "possessive" {
                let mut b = v;
                while self.toks[b - 1].norm != "'s" {
                    b -= 1;
                }
                let Some(m) = self.mention_at(b - 2).cloned() else {
                    continue;
                };
                claimants = vec![m.actor];
                c0 = v + n + 1;
                c1 = self.content_end(c0, next_cue, s1);
                rule = "attr_possessive_noun";
            } else if lemma == "noun_from" {
                let Some(m) = self
                    .mention_at(v + 2)
                    .or_else(|| self.mention_at(v + 3))
                    .cloned()
                else {
                    continue;
                };
                claimants = vec![m.actor];
                c0 = v + n;
                c1 = self.content_end(c0, next_cue, s1);
                rule = "attr_noun_from_source";
            } else if lemma == "quote" {
                // REPORTER quoted SRC as saying CONTENT.
                let Some((src, _)) = self.left_source(v, s0) else {
                    continue;
                };
                let reporter = src.list();
                let Some(m) = self
                    .mention_at(v + 1)
                    .cloned()
                    .or_else(|| self.mention_at(v + 2).cloned())
                else {
                    continue;
                };
                claimants = vec![m.actor];
                via = reporter.clone();
                let mut k = m.t1;
                if self.toks.get(k).is_some_and(|t| t.lower == "as")
                    && self.toks.get(k + 1).is_some_and(|t| t.lower == "saying")
                {
                    k += 2;
                    rule = "attr_quoted_as_saying";
                } else {
                    // "It quoted unnamed officials and said ...": extends the last claim of the reporter.
                    rule = "attr_chain_extended";
                    if let Some(prev) = self
                        .claims
                        .iter()
                        .rposition(|c| reporter.contains(&c.claimant) && c.sent + 2 >= si)
                    {
                        let pc = &mut self.claims[prev];
                        pc.via = reporter.clone();
                        pc.claimant = m.actor;
                        pc.rule = "attr_chain_extended";
                    }
                    while k < s1
                        && matches!(
                            self.toks[k].lower.as_str(),
                            "and" | "said" | "says" | "that" | ","
                        )
                    {
                        k += 1;
                    }
                }
                c0 = k;
                c1 = s1;
                consumed_until = s1;
            } else {
                // A verb cue. Who is the source: left of the cue or right after it?
                let after_quote = v > s0
                    && (self.toks[v - 1].kind == TokKind::Quote || self.toks[v - 1].norm == ",")
                    && !(self.toks[v].lower.ends_with("ing"));
                let mut right = if after_quote && lemma != "tell" {
                    self.right_source(v + n, s1)
                } else {
                    None
                };
                // '"...," said the announcer': a speaker no gazetteer knows.
                let inverted = v > s0 + 1
                    && (self.toks[v - 1].kind == TokKind::Quote
                        || (self.toks[v - 1].norm == ","
                            && self.toks[v - 2].kind == TokKind::Quote));
                if right.is_none() && inverted && lemma != "tell" {
                    if let Some((b, e)) = self.np_after(v + n, s1, false) {
                        right = Some((self.np_actor(b, e).0, e));
                    }
                }
                let participle = self.toks[v].lower.ends_with("ing")
                    && v > s0
                    && matches!(
                        self.toks[v - 1].lower.as_str(),
                        "," | "while" | "and" | "before" | "after"
                    );
                // ", adding that": the speaker of the sentence goes on, not
                // whoever the clause before was about.
                let goes_on = participle
                    && self.toks[v - 1].norm == ","
                    && last_src
                        .as_ref()
                        .is_some_and(|_| self.claims.last().is_some_and(|c| c.sent == si));
                // "A Bloomberg poll shows": the poll is the source, the
                // outlet that owns it relays.
                let evidence_np = if cue.class == "evidence" && right.is_none() {
                    self.doc_subject(v, s0)
                } else {
                    None
                };
                let mut left = match evidence_np {
                    Some((b, e, owner)) => {
                        let (a, inner) = self.np_actor(b, e);
                        via.extend(owner.or(inner).filter(|&o| o != a));
                        Some((Src::Actors([Some(a), None, None]), b))
                    }
                    None if right.is_none() && !goes_on => self.left_source(v, s0),
                    None => None,
                };
                // "The bank said", "Several cast members said": the noun
                // phrase before the cue speaks even when it names no known actor.
                if left.is_none() && right.is_none() && !goes_on {
                    let np = if participle {
                        self.np_opening(v, s0)
                    } else if self.after_and(v, s0) {
                        None
                    } else {
                        self.np_subject(v, s0).or_else(|| self.np_clause(v, s0))
                    };
                    if let Some((b, e)) = np {
                        let (a, owner) = self.np_actor(b, e);
                        via.extend(owner.filter(|_| cue.class == "evidence"));
                        left = Some((Src::Actors([Some(a), None, None]), b));
                    }
                }
                if let Some((a, end)) = right {
                    claimants = vec![a];
                    // Content before: from the sentence (or quotation) start to the cue.
                    let mut e = v;
                    while e > s0 && matches!(self.toks[e - 1].norm.as_str(), "," | "\"" | "--") {
                        e -= 1;
                    }
                    c0 = self.content_left_start(s0, e, &cues, ci);
                    c1 = e;
                    let (_, mut vv) = self.content_start(end, s1, lemma);
                    via.append(&mut vv);
                    rule = "attr_content_cue_source";
                } else if let Some((src, sstart)) = left {
                    // "will underscore that to Putin": "that" is the object
                    // (what was said before), not the start of a content clause.
                    // "said that, if elected, ...", "noted that at one of
                    // his first meetings, ...": an adverbial set off by a
                    // comma opens the content all the same.
                    let adverbial_then_content = (v + n + 1..(v + n + 12).min(s1))
                        .any(|j| self.toks[j].norm == ",")
                        && self.toks.get(v + n + 1).is_some_and(|t| {
                            matches!(t.lower.as_str(), "," | "at" | "in" | "on" | "for" | "as")
                        });
                    if self.toks.get(v + n).is_some_and(|t| t.lower == "that")
                        && !adverbial_then_content
                        && self.toks.get(v + n + 1).is_none_or(|t| {
                            matches!(
                                t.lower.as_str(),
                                "to" | "with"
                                    | "for"
                                    | "as"
                                    | "at"
                                    | "on"
                                    | "in"
                                    | ","
                                    | "."
                                    | "again"
                            )
                        })
                    {
                        continue;
                    }
                    claimants = src.list();
                    // "Analysts polled by Reuters expected ...": the outlet
                    // relays; the ones it asked are the source.
                    if let Some((asked, by)) = self.polled_by(sstart, s0) {
                        via.extend(claimants.drain(..).filter(|_| by));
                        claimants = vec![asked];
                    }
                    // "reported (on Monday), citing two government sources, that
                    // ...": the cited source stands between the cue and its
                    // content; the claimant swap below makes it the speaker.
                    let mut from = v + n;
                    let mut next_cue = next_cue;
                    // Past the cue's time ("said on Thursday"): where what
                    // follows the cue begins.
                    let f = self.past_time(v + n, s1);
                    if f + 1 < s1 && self.toks[f].norm == "," && self.toks[f + 1].lower == "citing"
                    {
                        if let Some(c) =
                            (f + 2..(f + 16).min(s1)).find(|&j| self.toks[j].norm == ",")
                        {
                            from = c + 1;
                            next_cue = cues.iter().map(|c| c.0).find(|&k| k >= from).unwrap_or(s1);
                        }
                    }
                    let (mut cs, mut vv) = self.content_start(from, next_cue.min(s1), lemma);
                    via.append(&mut vv);
                    // "says of Clinton, '...'": the quotation after is what was said.
                    let said_of = self.toks.get(v + n).is_some_and(|t| t.lower == "of");
                    if said_of {
                        if let Some(q) = (v + n..s1).find(|&j| self.toks[j].kind == TokKind::Quote)
                        {
                            cs = if self.inq.get(q + 1).copied().flatten() == Some(q) {
                                q
                            } else {
                                s1
                            };
                        } else {
                            cs = s1;
                        }
                    }
                    let rest = s1 - cs.min(s1);
                    let trailing = rest <= 1
                        || (rest <= 3
                            && self.toks[cs..s1].iter().all(|t| {
                                (t.kind != TokKind::Word && t.kind != TokKind::Number)
                                    || self.tx_at[cs].is_some()
                            }));
                    // Where the words describing the source begin: "union
                    // leader Tomas Berg", "EU foreign policy chief Josep Borrell".
                    let described = {
                        let mut d = sstart;
                        while d > s0 + 1 && sstart - d < 5 && {
                            let t = &self.toks[d - 1];
                            t.kind == TokKind::Word
                                && (!t.is_cap()
                                    || t.norm.len() <= 4
                                        && t.norm.chars().all(|c| c.is_uppercase() || c == '.'))
                                && !LEX.cues.contains_first(&t.lower)
                                && (!crate::extract::lexicon::is_function_word(&t.lower)
                                    || matches!(
                                        t.lower.as_str(),
                                        "the"
                                            | "a"
                                            | "an"
                                            | "another"
                                            | "one"
                                            | "some"
                                            | "several"
                                            | "many"
                                            | "other"
                                            | "two"
                                            | "three"
                                            | "both"
                                    ))
                        } {
                            d -= 1;
                        }
                        // '"...," Clinton campaign spokesman Brian Fallon
                        // said': a name inside the description.
                        if d > s0 + 1 && d < sstart {
                            if let Some(m) = self.mention_at(d - 1) {
                                let b = m.t0;
                                if m.t1 >= d
                                    && m.t1 <= sstart
                                    && b > s0
                                    && (self.toks[b - 1].kind == TokKind::Quote
                                        || self.toks[b - 1].norm == ",")
                                {
                                    d = b;
                                }
                            }
                        }
                        d
                    };
                    // '"...," Blinken said during a press conference': the quotation is the content.
                    let quote_before = [sstart, described].into_iter().any(|d| {
                        d > s0 + 1
                            && (self.toks[d - 1].kind == TokKind::Quote
                                || (self.toks[d - 1].norm == ","
                                    && self.toks[d - 2].kind == TokKind::Quote))
                    });
                    let prep_after = cs < s1
                        && matches!(
                            self.toks[cs].lower.as_str(),
                            "during"
                                | "at"
                                | "in"
                                | "after"
                                | "before"
                                | "while"
                                | "as"
                                | "alongside"
                                | "ahead"
                                | "following"
                                | "when"
                        );
                    // '..., the official said, and Biden will ...': a new clause, not content.
                    let new_clause = cs < s1
                        && matches!(
                            self.toks[cs].lower.as_str(),
                            "and"
                                | "but"
                                | "so"
                                | "because"
                                | "although"
                                | "though"
                                | "while"
                                | "as"
                        );
                    // '"...," Kuleba told Politico Brussels Playbook on Monday': a
                    // few words after the cue name where, not what.
                    let short_tail = quote_before
                        && (cs..s1)
                            .filter(|&j| {
                                self.toks[j].kind == TokKind::Word && self.tx_at[j].is_none()
                            })
                            .count()
                            <= 4
                        && !self.toks[cs.min(s1)..s1].iter().any(|t| t.lower == "that");
                    // "Air strikes killed 20 people, the health ministry said,
                    // after militants fired rockets": a source set off by commas
                    // and followed by a circumstance reports what came before.
                    let set_off = described > s0 + 2 && self.toks[described - 1].norm == ",";
                    // "..., Borrell told reporters after a meeting": the
                    // recipients skipped, what remains is a circumstance too.
                    let comma_after = self.toks.get(f).is_some_and(|t| t.norm == ",");
                    let circumstance = cs < s1
                        && (comma_after
                            || (prep_after
                                && !self.toks[cs..s1].iter().any(|t| t.lower == "that")))
                        && (prep_after
                            || matches!(
                                self.toks[cs].lower.as_str(),
                                "amid" | "despite" | "with" | "without"
                            )
                            // "..., residents said, hours after a ceasefire expired"
                            || matches!(
                                self.toks[cs].lower.as_str(),
                                "hours" | "days" | "weeks" | "months" | "minutes" | "shortly" | "soon"
                            ) && self
                                .toks
                                .get(cs + 1)
                                .is_some_and(|t| matches!(t.lower.as_str(), "after" | "before")));
                    // '"...," the leader told a rally in the capital': after
                    // a quotation, whoever was told is the audience.
                    let told_after_quote = quote_before && lemma == "tell";
                    // "..., a spokesman said, adding that ...": the participle
                    // goes on; what the source said came before.
                    let goes_on = next_cue < s1
                        && self.toks[next_cue].lower.ends_with("ing")
                        && (v + n..next_cue).all(|j| {
                            self.toks[j].norm == ","
                                || self.tx_at[j].is_some()
                                || self.toks[j].lower == "on"
                        })
                        && next_cue > v + n;
                    // "Inflation reached 54.4%, the institute said on Thursday,
                    // the highest rate in two decades": a phrase after the
                    // source that sums up what came before.
                    let summing_up = set_off && {
                        f + 2 < s1 && self.toks[f].norm == "," && {
                            let a = self.toks[f + 1].lower.as_str();
                            let b = self.toks[f + 2].lower.as_str();
                            let superlative = (b.len() > 5
                                && b.ends_with("est")
                                && !matches!(
                                    b,
                                    "protest" | "interest" | "request" | "contest" | "suggest"
                                ))
                                || matches!(b, "most" | "least" | "record" | "first");
                            (matches!(a, "the" | "a" | "an" | "its" | "their") && superlative)
                                || (matches!(a, "up" | "down") && b == "from")
                        }
                    };
                    let trailing = trailing
                        || (quote_before && prep_after)
                        || (set_off && circumstance)
                        || summing_up
                        || told_after_quote
                        || goes_on
                        || short_tail
                        || (new_clause && sstart > s0 + 2);
                    if !trailing && cs < s1 {
                        c0 = cs;
                        c1 = self.content_end(cs, next_cue, s1);
                        rule = "attr_source_cue_content";
                    } else {
                        let mut e = sstart;
                        // "..., something which (the government denied)",
                        // "..., an allegation (the Kremlin rejects)".
                        if e > s0 && matches!(self.toks[e - 1].lower.as_str(), "which" | "that") {
                            e -= 1;
                        }
                        if e > s0 + 1
                            && matches!(
                                self.toks[e - 1].lower.as_str(),
                                "claim" | "allegation" | "charge" | "accusation" | "assertion"
                            )
                            && matches!(self.toks[e - 2].lower.as_str(), "a" | "an")
                        {
                            e -= 2;
                        } else if e > s0
                            && matches!(
                                self.toks[e - 1].lower.as_str(),
                                "something" | "claims" | "allegations" | "charges" | "accusations"
                            )
                        {
                            e -= 1;
                        }
                        // "..., regional governor Oleh Synehubov said": plain
                        // words between the comma and the speaker describe him.
                        // '"...," union leader Tomas Berg told': after a
                        // quotation too.
                        if e == sstart
                            && described < e
                            && (self.toks[described - 1].norm == ","
                                || self.toks[described - 1].kind == TokKind::Quote)
                        {
                            e = described;
                        }
                        let before_sep = e;
                        while e > s0 && matches!(self.toks[e - 1].norm.as_str(), "," | "\"" | "--")
                        {
                            e -= 1;
                        }
                        // "... as opposition alleges fraud": without a comma, a
                        // quotation mark or "which", what stands before the
                        // speaker is not what was said.
                        let glued = e > s0
                            && e == sstart
                            && before_sep == sstart
                            && self.toks[e - 1].kind == TokKind::Word
                            && self.toks[e - 1].norm != "'s"
                            && !self.toks[e - 1].is_cap();
                        if e <= s0 + 1 || glued {
                            continue;
                        }
                        c0 = self.content_left_start(s0, e, &cues, ci);
                        c1 = e;
                        rule = "attr_content_source_cue";
                    }
                } else if participle || self.after_and(v, s0) {
                    // ", adding that ..." / "and said ...": the previous speaker goes on.
                    let np_prev = if last_src.is_none() && self.clause_subject(v, s0).is_none() {
                        // "Roe exhorted voters to ... and said ...": the
                        // subject no gazetteer knows.
                        self.np_opening(v, s0)
                            .map(|(b, e)| vec![self.np_actor(b, e).0])
                    } else {
                        None
                    };
                    let Some(prev) = last_src
                        .clone()
                        .or_else(|| self.clause_subject(v, s0).map(|(src, _)| src.list()))
                        .or(np_prev)
                    else {
                        continue;
                    };
                    claimants = prev;
                    let (cs, mut vv) = self.content_start(v + n, s1, lemma);
                    via.append(&mut vv);
                    if cs >= s1 {
                        continue;
                    }
                    c0 = cs;
                    // "... and said it would respond, the agency IRNA reported"
                    c1 = self.content_end(cs, next_cue, s1);
                    rule = "attr_continued";
                } else {
                    continue;
                }
            }
            if c1 <= c0 || claimants.is_empty() {
                continue;
            }
            // "..., citing X": the cited source is the claimant, the reporter relays.
            if let Some(&(cv, _, _)) = cues
                .iter()
                .find(|c| c.2.lemma == "cite" && self.toks[c.0].lower == "citing" && c.0 > v)
            {
                if let Some(m) = self.mention_at(cv + 1).cloned() {
                    via = claimants.clone();
                    claimants = vec![m.actor];
                }
            }
            last_src = Some(claimants.clone());
            let mut c1 = c1.min(s1);
            // "..., something which the Russian government denied": the
            // content stops at the comma, and the denier disputes it.
            let trailing_denial = self.trailing_denial(c0, c1);
            if let Some((comma, ..)) = trailing_denial {
                c1 = comma;
            }
            // "the union rejected a 6% pay offer", "dismissed the army
            // chief": turning down an offer or removing a person is an act,
            // not a statement denied.
            if matches!(lemma, "reject" | "dismiss" | "dispute") && c0 >= v + n {
                let head = self.toks[c0..c1.min(c0 + 6)]
                    .iter()
                    .take_while(|t| !matches!(t.lower.as_str(), "that" | "as" | "," | "of"))
                    .any(|t| {
                        matches!(
                            t.lower.as_str(),
                            "offer"
                                | "offers"
                                | "proposal"
                                | "proposals"
                                | "plan"
                                | "plans"
                                | "deal"
                                | "bid"
                                | "request"
                                | "requests"
                                | "demand"
                                | "demands"
                                | "appeal"
                                | "appeals"
                                | "invitation"
                                | "ultimatum"
                                | "resolution"
                                | "bill"
                                | "motion"
                                | "petition"
                                | "application"
                                | "candidacy"
                                | "nomination"
                                | "terms"
                                | "compromise"
                        )
                    });
                let person = self
                    .mention_at(c0)
                    .is_some_and(|m| self.actors[m.actor].kind == ActorKind::Person)
                    || lemma == "dismiss"
                        && self.toks[c0..c1.min(c0 + 4)].iter().any(|t| {
                            LEX.titles.contains_first(&t.lower)
                                || matches!(
                                    t.lower.as_str(),
                                    "chief" | "commander" | "head" | "director" | "governor"
                                )
                        });
                // "rejected Moscow's demand that NATO never admit Ukraine"
                // still takes a stand on what the demand says.
                let says = self.toks[c0..c1].iter().any(|t| t.lower == "that");
                if head && !says || person {
                    continue;
                }
            }
            // "declared three days of national mourning", "declared a state
            // of emergency": a decree, not a statement.
            if lemma == "declare"
                && c0 >= v + n
                && self.toks[v + n..c1.min(c0 + 6)].iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "mourning"
                            | "emergency"
                            | "martial"
                            | "war"
                            | "ceasefire"
                            | "truce"
                            | "independence"
                            | "holiday"
                            | "curfew"
                            | "lockdown"
                            | "disaster"
                    )
                })
                && !self.toks[c0..c1].iter().any(|t| t.lower == "that")
            {
                continue;
            }
            let statement = self.clean_statement(c0, c1);
            let has_figure = self.toks[c0..c1].iter().any(|t| t.kind == TokKind::Number);
            if statement.split_whitespace().count() < 2 && !has_figure {
                continue;
            }
            // One claim per counted thing: "100 battalion tactical groups with an
            // estimated 175,000 personnel" states two figures.
            let mut qms: Vec<Option<super::quantity::QuantityMention>> = self
                .quantities
                .iter()
                .filter(|q| {
                    q.t0 >= c0
                        && q.t0 < c1
                        && q.q.unit.as_deref().is_some_and(|u| {
                            !matches!(u, "percent" | "kilometers" | "miles" | "meters")
                        })
                })
                .cloned()
                .map(Some)
                .collect();
            if qms.is_empty() {
                qms.push(self.quantity_in(c0, c1));
            }
            let mut polarity = Polarity::Affirm;
            let negated = self.toks[c0..c1]
                .iter()
                .take(12)
                .any(|t| matches!(t.lower.as_str(), "not" | "never" | "no" | "n't" | "nothing"));
            if cue.class == "deny" && !self.toks[v].lower.starts_with("contradict") {
                polarity = Polarity::Deny;
            }
            if matches!(cue.class.as_str(), "insist" | "claim") && negated {
                polarity = Polarity::Deny;
            }
            if self.toks[c0..c1]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "baseless" | "groundless" | "unfounded"))
            {
                polarity = Polarity::Deny;
            }
            let stated = self.stated_time(si, c0, c1);
            let valid = self.valid_time(c0, c1);
            let evidence = self.evidence_sent(si, rule);
            for (&cl, qm) in claimants
                .iter()
                .flat_map(|c| qms.iter().map(move |q| (c, q)))
            {
                self.claims.push(ClaimRec {
                    claimant: cl,
                    via: via.clone(),
                    statement: statement.clone(),
                    subject: qm.as_ref().and_then(|q| q.subject.clone()),
                    quantity: qm.as_ref().map(|q| q.q.clone()),
                    polarity,
                    modality: modality_of(&cue.class),
                    stated: Some(stated.clone()),
                    valid: valid.clone(),
                    sent: si,
                    c0,
                    c1,
                    cue: cue.lemma.clone(),
                    cue_t: v,
                    rule,
                    evidence: evidence.clone(),
                });
            }
            if let Some((_, denier, dv, lemma)) = trailing_denial {
                self.claims.push(ClaimRec {
                    claimant: denier,
                    via: Vec::new(),
                    statement: statement.clone(),
                    subject: None,
                    quantity: None,
                    polarity: Polarity::Deny,
                    modality: modality_of("deny"),
                    stated: Some(stated.clone()),
                    valid: valid.clone(),
                    sent: si,
                    c0,
                    c1,
                    cue: lemma,
                    cue_t: dv,
                    rule: "attr_trailing_denial",
                    evidence: self.evidence_sent(si, "attr_trailing_denial"),
                });
                consumed_until = consumed_until.max(dv + 1);
            }
            // A state of mind ("plans to preview ..., the official said")
            // leaves the cues after it to their own speakers.
            if c0 > v && cue.class != "believe" {
                // Cues inside this content belong to it ("said he was warned").
                consumed_until = consumed_until.max(c1);
            }
        }
        // Direct quotations in the sentence that no cue claimed: a floating quote
        // continues the previous speaker.
        if self.claims.len() == first_claim {
            self.carry_over(si);
        }
    }

    /// "Pence: Flowers Won't Be at the Debate", "WALLACE: Let's start ...":
    /// the speaker before the colon says what follows it.
    fn colon_claim(&mut self, si: usize, s0: usize, s1: usize) -> bool {
        let Some((b, c, c0)) = self.colon_speaker(s0, s1) else {
            return false;
        };
        let (claimant, _) = self.np_actor(b, c);
        let mut c1 = s1;
        while c1 > c0 + 1 && matches!(self.toks[c1 - 1].norm.as_str(), "." | "\"" | "'") {
            c1 -= 1;
        }
        let statement = self.clean_statement(c0, c1);
        let stated = self.stated_time(si, c0, c1);
        let valid = self.valid_time(c0, c1);
        self.claims.push(ClaimRec {
            claimant,
            via: Vec::new(),
            statement,
            subject: None,
            quantity: None,
            polarity: Polarity::Affirm,
            modality: Modality::Assertion,
            stated: Some(stated),
            valid,
            sent: si,
            c0,
            c1,
            cue: "say".into(),
            cue_t: c,
            rule: "attr_colon",
            evidence: self.evidence_sent(si, "attr_colon"),
        });
        true
    }

    /// A denial closing a content span: "..., something (which) X denied",
    /// "..., an allegation the Kremlin rejects", "..., which Moscow denies".
    /// Returns the comma, the denier, the cue token and the cue's lemma.
    fn trailing_denial(&self, c0: usize, c1: usize) -> Option<(usize, usize, usize, String)> {
        let comma = (c0 + 2..c1).rev().find(|&k| self.toks[k].norm == ",")?;
        let mut k = comma + 1;
        let at = |k: usize| self.toks.get(k).map_or("", |t| t.lower.as_str());
        match at(k) {
            "something" => k += 1,
            "a" | "an" => {
                if !matches!(
                    at(k + 1),
                    "claim"
                        | "allegation"
                        | "charge"
                        | "accusation"
                        | "assertion"
                        | "report"
                        | "figure"
                        | "number"
                        | "estimate"
                ) {
                    return None;
                }
                k += 2;
            }
            "claims" | "allegations" | "charges" | "accusations" | "reports" => k += 1,
            "which" => {}
            _ => return None,
        }
        if matches!(at(k), "which" | "that") {
            k += 1;
        }
        let m = self
            .mention_at(k)
            .or_else(|| (at(k) == "the").then(|| self.mention_at(k + 1)).flatten())
            .filter(|m| (m.t0 == k || m.t0 == k + 1) && !m.adjective)?;
        let denier = m.actor;
        let mut v = m.t1;
        while matches!(
            at(v),
            "has" | "have" | "had" | "also" | "strongly" | "flatly"
        ) {
            v += 1;
        }
        if v >= c1 {
            return None;
        }
        let (n, cue) = LEX.cues.longest(&self.toks, v, c1)?;
        // "dismissed as propaganda", "rejected as false": a short verdict
        // may follow the cue.
        let mut tail = &self.toks[v + n..c1];
        if tail.first().is_some_and(|t| t.lower == "as") && tail.len() <= 4 {
            tail = &tail[tail.len().min(2)..];
        }
        if cue.class != "deny" || !tail.iter().all(|t| t.kind != TokKind::Word) {
            return None;
        }
        Some((comma, denier, v, cue.lemma.clone()))
    }

    /// A cue in a coordinated predicate: "... and (in turn, also) accused".
    fn after_and(&self, v: usize, s0: usize) -> bool {
        let mut k = v;
        while k > s0 {
            k -= 1;
            match self.toks[k].lower.as_str() {
                "and" | "but" => return true,
                "in" | "turn" | "also" | "then" | "later" | "," | "has" | "have" | "had"
                | "repeatedly" | "instead" | "subsequently" | "further" => continue,
                _ => return false,
            }
        }
        false
    }

    /// Where content after a cue ends: at a following participle cue, or
    /// where a new clause with its own speaker begins ("X estimated A, the
    /// Y put the number at B").
    fn content_end(&self, cs: usize, next_cue: usize, s1: usize) -> usize {
        if next_cue >= s1 {
            return s1;
        }
        if self.toks[next_cue].lower.ends_with("ing")
            && next_cue > 0
            && self.toks[next_cue - 1].norm == ","
        {
            return next_cue - 1;
        }
        // "..., while demanding that": the participle after a conjunction
        // starts a claim of its own.
        if self.toks[next_cue].lower.ends_with("ing")
            && next_cue > cs + 2
            && matches!(
                self.toks[next_cue - 1].lower.as_str(),
                "while" | "and" | "but" | "as" | "before" | "after"
            )
            && self.toks[next_cue - 2].norm == ","
        {
            return next_cue - 2;
        }
        if self.quoted(next_cue) {
            return s1;
        }
        if self.after_and(next_cue, cs) {
            let mut b = next_cue;
            while b > cs && self.toks[b - 1].lower != "and" && self.toks[b - 1].lower != "but" {
                b -= 1;
            }
            return b.saturating_sub(1).max(cs + 1);
        }
        if let Some((_, start)) = self.left_source(next_cue, cs) {
            let mut b = start;
            // "..., the state news agency IRNA reported": words describing
            // the source belong to it.
            while b > cs
                && start - b < 4
                && self.toks[b - 1].kind == TokKind::Word
                && !self.toks[b - 1].is_cap()
                && !crate::extract::lexicon::is_function_word(&self.toks[b - 1].lower)
                && !LEX.cues.contains_first(&self.toks[b - 1].lower)
            {
                b -= 1;
            }
            while b > cs && matches!(self.toks[b - 1].lower.as_str(), "the" | "a" | "an") {
                b -= 1;
            }
            if b > cs
                && matches!(
                    self.toks[b - 1].lower.as_str(),
                    "," | "but" | "while" | "and" | "--" | ";"
                )
            {
                return b - 1;
            }
        }
        s1
    }

    fn content_left_start(
        &self,
        s0: usize,
        e: usize,
        cues: &[(usize, usize, Cue)],
        ci: usize,
    ) -> usize {
        // Start after the previous cue's clause if one precedes in the sentence.
        let mut start = s0;
        if ci > 0 {
            let (pv, pn, _) = &cues[ci - 1];
            if pv + pn < e {
                // Leave the previous cue's content alone unless this content is a quotation.
                let mut q = e;
                while q > pv + pn {
                    q -= 1;
                    if self.toks[q].kind == TokKind::Quote
                        && self.inq[q].is_none()
                        && q + 1 < e
                        && self.inq[q + 1].is_some()
                    {
                        start = q;
                        break;
                    }
                }
            }
        }
        start
    }

    fn clean_statement(&self, c0: usize, c1: usize) -> String {
        let mut a = c0;
        let mut b = c1;
        // "ANKARA (Example Wire) - The death toll ...": the dateline is where
        // the story was filed, not what was said.
        if let Some(d) = self.dateline_end(a, b) {
            a = d;
        }
        while a < b
            && matches!(
                self.toks[a].norm.as_str(),
                "\"" | "," | ":" | "that" | "--" | "-"
            )
        {
            // 'acknowledged "shortcomings" in the response': a quotation
            // closing before the statement ends keeps its opening mark.
            if self.toks[a].kind == TokKind::Quote {
                if let Some(q) = (a + 1..b).find(|&j| self.toks[j].kind == TokKind::Quote) {
                    if self.toks[q + 1..b]
                        .iter()
                        .any(|t| matches!(t.kind, TokKind::Word | TokKind::Number))
                    {
                        break;
                    }
                }
            }
            a += 1;
        }
        // "..., according to a statement released by his office": the
        // attribution's tail is not what was said.
        if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| {
            (self.toks[k - 1].norm == ","
                || k >= 2
                    && self.toks[k - 1].kind == TokKind::Quote
                    && self.toks[k - 2].norm == ",")
                && self.toks[k].lower == "according"
                && self.toks[k + 1].lower == "to"
                && !self.quoted(k)
        }) {
            b = k;
        }
        while b > a
            && matches!(
                self.toks[b - 1].norm.as_str(),
                "\"" | "," | "." | ":" | "--" | "-"
            )
        {
            // A quotation closing inside the statement keeps its closing mark.
            let closing = self.toks[b - 1].kind == TokKind::Quote
                && self.toks[a..b - 1]
                    .iter()
                    .filter(|t| t.kind == TokKind::Quote)
                    .count()
                    % 2
                    == 1;
            if closing {
                break;
            }
            b -= 1;
        }
        self.span(a, b).to_owned()
    }

    /// The token after a dateline ("ANKARA (Example Wire) -", "KYIV, Ukraine
    /// --") that opens the range `a..b`: capitalised place words, an optional
    /// outlet in brackets, then a dash.
    fn dateline_end(&self, a: usize, b: usize) -> Option<usize> {
        let first = self.toks.get(a)?;
        if first.kind != TokKind::Word || first.norm.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        let mut k = a;
        let mut bracket = false;
        while k < b && k < a + 14 {
            let t = &self.toks[k];
            match t.norm.as_str() {
                "-" | "--" | "\u{2014}" | "\u{2013}" if k > a => return Some(k + 1),
                "(" => bracket = true,
                ")" => bracket = false,
                // "GAZA/JERUSALEM, May 11 (Example Wire) -"
                "," | "." | "/" => {}
                _ if bracket => {}
                _ if t.kind == TokKind::Number && t.norm.len() <= 2 => {}
                _ if t.kind == TokKind::Word && t.is_cap() => {}
                _ => return None,
            }
            k += 1;
        }
        None
    }

    /// A sentence without a cue: a quotation continuing the previous speaker
    /// (a floating quote), or a figure right after an "according to" claim.
    fn carry_over(&mut self, si: usize) {
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let Some(prev) = self.claims.last().cloned() else {
            return;
        };
        if prev.sent + 1 != si {
            return;
        }
        // A quotation opening the sentence: up to where it closes.
        let mut qend = s0;
        if self.toks[s0].kind == TokKind::Quote && s0 + 1 < s1 && self.inq[s0 + 1] == Some(s0) {
            qend = s0 + 1;
            while qend < s1 && self.inq[qend] == Some(s0) {
                qend += 1;
            }
        }
        let all_quoted = qend > s0 + 3;
        let s1 = if all_quoted { qend.min(s1) } else { s1 };
        let figure = self.quantities.iter().any(|q| {
            q.t0 >= s0
                && q.t0 < s1
                && matches!(
                    q.q.unit.as_deref(),
                    Some("troops" | "personnel" | "battalion tactical groups")
                )
        });
        let rule = if all_quoted {
            let prev_quoted = (prev.c0..prev.c1).any(|k| self.inq[k].is_some());
            if !prev_quoted {
                return;
            }
            "attr_floating_quote"
        } else if figure && prev.rule == "attr_according_to" {
            "attr_carry_over"
        } else {
            return;
        };
        let statement = self.clean_statement(s0, s1);
        let qm = self.quantity_in(s0, s1);
        self.claims.push(ClaimRec {
            statement,
            subject: qm.as_ref().and_then(|q| q.subject.clone()),
            quantity: qm.map(|q| q.q),
            polarity: Polarity::Affirm,
            valid: self.valid_time(s0, s1),
            sent: si,
            c0: s0,
            c1: s1,
            cue_t: s0,
            rule,
            evidence: self.evidence_sent(si, rule),
            ..prev
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Article, extract};
    use crate::model::{Bundle, Polarity};
    use chrono::NaiveDate;

    fn run(text: &str) -> Bundle {
        extract(&Article {
            title: None,
            publisher: Some("Test".into()),
            url: None,
            published: NaiveDate::from_ymd_opt(2021, 12, 4).unwrap(),
            text: text.into(),
        })
    }

    fn first_statement_is(text: &str, want: &str) {
        let b = run(text);
        assert_eq!(b.claims[0].statement, want, "{:?}", b.claims);
    }

    fn claimant(b: &Bundle, i: usize) -> String {
        let id = &b.claims[i].claimant;
        b.actors.iter().find(|a| &a.id == id).unwrap().name.clone()
    }

    #[test]
    fn put_it_at_is_an_estimate_of_what_came_before() {
        let b =
            run("Russia has massed troops near the border. U.S. intelligence put it at 70,000.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "U.S. intelligence");
        let q = b.claims[0].quantity.as_ref().unwrap();
        assert_eq!(
            (q.value, q.unit.as_deref()),
            (Some(70_000.0), Some("troops"))
        );
        let b = run(
            "The Israeli military put the number of rockets fired from the coast at more than 500.",
        );
        let q = b.claims[0].quantity.as_ref().unwrap();
        assert_eq!((q.lower, q.unit.as_deref()), (Some(500.0), Some("rockets")));
        // A date is no figure to carry over.
        let b = run(
            "Troops are massing. Once the drills begin on the 10th, they will be ready, Lee said.",
        );
        assert!(
            b.claims.iter().all(|c| c.quantity.is_none()),
            "{:?}",
            b.claims
        );
    }

    #[test]
    fn put_any_count_at_a_figure_is_an_estimate() {
        let b = run("The Interior Ministry put turnout at 1.28 million nationwide.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Interior Ministry");
        assert_eq!(b.claims[0].statement, "turnout at 1.28 million nationwide");
        // What is counted stays in the statement; a number word counts too.
        let b = run("Police put the number of dead at five.");
        assert_eq!(b.claims[0].statement, "the number of dead at five");
        let q = b.claims[0].quantity.as_ref().expect("a figure");
        assert_eq!((q.value, q.unit.as_deref()), (Some(5.0), Some("people")));
        assert_eq!(b.claims[0].subject.as_deref(), Some("people killed"));
        // "put pressure on" names no figure.
        let b = run("Washington put pressure on Moscow over the 2,000 troops.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
    }

    #[test]
    fn content_after_that_keeps_its_subject() {
        let b = run(
            "Kremlin spokesman Dmitry Peskov told reporters that Moscow had nothing to do with the crisis.",
        );
        assert_eq!(
            b.claims[0].statement,
            "Moscow had nothing to do with the crisis"
        );
        let b = run(
            "Mariusz Kaminski told a news conference that about 4,000 people were camped nearby.",
        );
        assert_eq!(
            b.claims[0].statement,
            "about 4,000 people were camped nearby"
        );
    }

    #[test]
    fn a_source_set_off_before_a_circumstance_reports_what_came_before() {
        let b = run(
            "GAZA/JERUSALEM, May 11 (Example Wire) - Air strikes killed 20 people in Gaza on Monday, the Gaza health ministry said, after militants fired 150 rockets.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(
            b.claims[0].statement,
            "Air strikes killed 20 people in Gaza on Monday"
        );
        let b = run(
            "Egypt was trying to broker a ceasefire, two diplomats familiar with the talks said.",
        );
        assert_eq!(claimant(&b, 0), "diplomats familiar with the talks");
    }

    #[test]
    fn a_speaker_reported_by_another_is_relayed() {
        let b = run(
            "Biden warned Putin that an invasion would bring severe consequences, the White House said.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Joe Biden");
        let via = &b.claims[0].via;
        assert_eq!(via.len(), 1);
        let relay = b.actors.iter().find(|a| a.id == via[0]).unwrap();
        assert_eq!(relay.name, "White House");
    }

    #[test]
    fn a_platform_is_a_channel_and_the_ministry_the_last_one_named() {
        let b = run("Maria Zakharova said on Telegram that the sanctions would backfire.");
        assert_eq!(b.claims[0].statement, "the sanctions would backfire");
        let b = run(
            "The Defense Ministry said troops left. The ministry added that 5 tanks were lost.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert_eq!(claimant(&b, 1), "Defense Ministry");
    }

    #[test]
    fn the_time_a_claim_is_about_is_named_in_its_content() {
        let valid = |text: &str| {
            run(text)
                .claims
                .first()
                .and_then(|c| c.valid.clone())
                .map(|t| t.value)
        };
        assert_eq!(
            valid("Unemployment rose to 9.1 percent in October, the statistics office said.")
                .as_deref(),
            Some("2021-10")
        );
        assert_eq!(
            valid("Officials said Russia could attack as early as January.").as_deref(),
            Some("2022-01")
        );
        // A bound of something else, a time describing a noun, a year in
        // a name: none says when the content holds.
        assert_eq!(
            valid(
                "Officials said Moscow kept 90,000 troops there following war games earlier this year."
            ),
            None
        );
        assert_eq!(
            valid("Officials said a Friday report about the convoy was wrong."),
            None
        );
        assert_eq!(
            valid("Officials said the drills, called Northern Shield 2021, would end soon."),
            None
        );
        assert_eq!(valid("Officials said 30,000 troops are in the area."), None);
    }

    #[test]
    fn percentages_put_by_another_source_and_the_body_named_before() {
        let b = run(
            "The Electoral Commission opened the count on Friday. The opposition said turnout was 71 percent, while the commission put it at 65 percent.",
        );
        let got: Vec<(String, Option<&str>, Option<f64>)> = (0..b.claims.len())
            .map(|i| {
                let c = &b.claims[i];
                (
                    claimant(&b, i),
                    c.subject.as_deref(),
                    c.quantity.as_ref().and_then(|q| q.value),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("opposition".to_string(), Some("turnout"), Some(71.0)),
                (
                    "Electoral Commission".to_string(),
                    Some("turnout"),
                    Some(65.0)
                ),
            ]
        );
        let b = run("The teachers' union said the strike would go on.");
        assert_eq!(claimant(&b, 0), "union");
    }

    #[test]
    fn described_sources_after_the_content_and_what_follows_them() {
        // Words describing the speaker after a quotation; whoever was told
        // is the audience, not the content.
        let b = run(
            "\"We will not go back to work,\" union leader Tomas Berg told a rally in the port city.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(b.claims[0].statement, "We will not go back to work");
        assert_eq!(claimant(&b, 0), "Tomas Berg");
        // An acronym among the description; recipients, then a circumstance.
        let b = run(
            "The bloc agreed to freeze the assets, EU foreign policy chief Josep Borrell told reporters after a meeting.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(
            b.claims[0].statement,
            "The bloc agreed to freeze the assets"
        );
        // A report of what another said: one claim, relayed.
        let b = run("\"We are concerned,\" a U.S. official said, Politico reported on Friday.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "U.S. official");
        assert_eq!(b.claims[0].via.len(), 1);
        // The estimates of a named source.
        let b = run(
            "Exports fell to 1.1 million barrels a day in April, according to estimates by the consultancy Kpler.",
        );
        assert_eq!(claimant(&b, 0), "Kpler");
        assert_eq!(
            b.claims[0].statement,
            "Exports fell to 1.1 million barrels a day in April"
        );
    }

    #[test]
    fn turning_down_an_offer_is_no_denial_and_businesses_speak() {
        let b = run("Workers walked out after the union rejected a 6% pay offer.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
        let b = run("The Kremlin rejected claims that it was planning an attack.");
        assert_eq!(b.claims[0].polarity, Polarity::Deny);
        let b = run(
            "The union said 12,000 members had joined the strike, while port operators put the number at 8,000.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert_eq!(claimant(&b, 1), "port operators");
        let b = run(
            "Shipping companies warned that the stoppage could cost $50 million a day, according to an industry group.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Shipping companies");
        assert_eq!(b.claims[0].via.len(), 1);
    }

    #[test]
    fn decrees_and_going_on_after_a_source() {
        let b = run("King Mohammed VI declared three days of national mourning.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
        let b = run(
            "Spain and Britain have sent rescue teams, a government spokesman said, adding that Morocco had accepted help.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert!((0..2).all(|i| claimant(&b, i) == "government spokesman"));
        assert_eq!(
            b.claims[0].statement,
            "Spain and Britain have sent rescue teams"
        );
        let b = run(
            "The death toll rose to 2,012, the interior ministry said on Sunday, with at least 2,059 people injured.",
        );
        assert_eq!(b.claims[0].statement, "The death toll rose to 2,012");
    }

    #[test]
    fn where_listeners_were_told_a_party_and_a_think_tank() {
        let b = run(
            "Grace Wanjiku spoke on Monday. Wanjiku told supporters outside the court that she would not accept the result.",
        );
        assert_eq!(b.claims[0].statement, "she would not accept the result");
        let b = run("Grace Wanjiku lost. Her party said 12 supporters had been detained.");
        assert_eq!(claimant(&b, 0), "Grace Wanjiku");
        let b = run("Analysts at a Nairobi think tank said turnout was low.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Analysts");
        assert_eq!(b.claims[0].statement, "turnout was low");
    }

    #[test]
    fn residents_speak_and_names_keep_their_particles() {
        let b = run(
            "Fighting spread to Darfur on Monday, residents said, hours after a ceasefire expired.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "residents");
        assert_eq!(b.claims[0].statement, "Fighting spread to Darfur on Monday");
        let b = run("General Abdel Fattah al-Burhan said the army would fight on.");
        assert_eq!(claimant(&b, 0), "Abdel Fattah al-Burhan");
        let b =
            run("The International Organization for Migration said 1.2 million were displaced.");
        assert_eq!(claimant(&b, 0), "International Organization for Migration");
    }

    #[test]
    fn a_phrase_summing_up_after_the_source_is_not_content() {
        let b = run(
            "Consumer prices rose 7.5% in November, the statistics office said on Monday, the fastest pace since 1990.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(
            b.claims[0].statement,
            "Consumer prices rose 7.5% in November"
        );
        assert_eq!(claimant(&b, 0), "statistics office");
        assert_eq!(b.claims[0].subject.as_deref(), Some("inflation"));
    }

    #[test]
    fn a_body_named_by_a_possessive_pronoun_speaks_for_its_owner() {
        let b = run("Zelensky spoke on Monday. His office said talks would resume.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Volodymyr Zelensky");
        let b = run(
            "Alexei Navalny was jailed in February. His coalition estimated turnout at 30 percent.",
        );
        assert_eq!(claimant(&b, 0), "Alexei Navalny");
    }

    #[test]
    fn described_sources_and_recipients() {
        let b =
            run("Shelling killed 11 civilians in Kharkiv, regional governor Oleh Synehubov said.");
        assert_eq!(claimant(&b, 0), "Oleh Synehubov");
        assert_eq!(
            b.claims[0].statement,
            "Shelling killed 11 civilians in Kharkiv"
        );
        let b = run("A senior U.S. defense official told reporters the convoy had stalled.");
        assert_eq!(b.claims[0].statement, "the convoy had stalled");
        let b = run("Police detained 1,400 people, according to the monitoring group OVD-Info.");
        assert_eq!(claimant(&b, 0), "OVD-Info");
        assert_eq!(b.claims[0].statement, "Police detained 1,400 people");
    }

    #[test]
    fn those_polled_by_an_outlet_are_the_source() {
        let b = run("Analysts polled by Reuters had expected an increase to 9.25%.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Analysts");
        let via: Vec<&str> = b.claims[0]
            .via
            .iter()
            .map(|id| b.actors.iter().find(|a| &a.id == id).unwrap().name.as_str())
            .collect();
        assert_eq!(via, ["Reuters"]);
    }

    #[test]
    fn a_figure_dismissed_in_a_trailing_clause_is_denied() {
        let b = run(
            "The Belarusian border committee put the number at 2,000, a figure that Warsaw dismissed as propaganda.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Belarusian border committee");
        assert_eq!(b.claims[0].statement, "the number at 2,000");
        assert_eq!(claimant(&b, 1), "Poland");
        assert_eq!(b.claims[1].polarity, crate::model::Polarity::Deny);
        assert_eq!(b.claims[1].statement, "the number at 2,000");
    }

    #[test]
    fn unnamed_groups_and_experts_are_sources() {
        let b = run("At least eight people have died along the border, according to aid groups.");
        assert_eq!(claimant(&b, 0), "aid groups");
        let b = run(
            "Economists at a Moscow investment bank estimated that the economy grew 4.5% last year.",
        );
        assert_eq!(claimant(&b, 0), "Economists");
    }

    #[test]
    fn the_body_in_an_appositive_is_not_the_speaker() {
        let b =
            run("Laurent Berger, head of the CFDT union, warned that the reform would be fought.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Laurent Berger");
    }

    #[test]
    fn a_clause_after_while_has_its_own_subject() {
        // "while demanding" keeps the speaker before it.
        let b = run(
            "The Kremlin has denied any plan to attack, while demanding that NATO halt its expansion.",
        );
        assert_eq!(claimant(&b, 0), "Kremlin");
    }

    #[test]
    fn an_aspect_verb_before_the_cue_keeps_the_speaker() {
        let b = run(
            "The Kremlin has continued to deny it is planning an attack, while demanding that NATO halt its expansion.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Kremlin");
        assert_eq!(b.claims[0].polarity, Polarity::Deny);
        assert_eq!(b.claims[0].statement, "it is planning an attack");
        assert_eq!(claimant(&b, 1), "Kremlin");
        assert_eq!(b.claims[1].statement, "NATO halt its expansion");
    }

    #[test]
    fn a_source_cited_between_cue_and_content_speaks() {
        let b = run(
            "Le Monde reported on Monday, citing two government sources, that the bill would be withdrawn.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "government sources");
        assert_eq!(b.claims[0].statement, "the bill would be withdrawn");
        let via = &b.claims[0].via;
        assert_eq!(via.len(), 1);
        assert!(
            b.actors
                .iter()
                .any(|a| a.id == via[0] && a.name == "Le Monde")
        );
    }

    #[test]
    fn warnings_from_a_source_that_are_claims() {
        let b = run(
            "The talks ended amid warnings from the European Union that the deal could collapse.",
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "European Union");
        assert_eq!(b.claims[0].statement, "the deal could collapse");
        assert_eq!(b.claims[0].modality, crate::model::Modality::Warning);
    }

    #[test]
    fn a_described_title_and_an_unnamed_office_holder_speak() {
        let b = run("Popular TV host Ivan Petrov went further, saying the army was ready.");
        assert_eq!(claimant(&b, 0), "Ivan Petrov");
        let b =
            run("The prime minister, speaking in Parliament on Tuesday, said the army would stay.");
        assert_eq!(claimant(&b, 0), "prime minister");
        // An appositive title describes the person named before it.
        let b = run(
            "Dmitry Trenin, the director of the Carnegie Moscow Center, wrote that Moscow was wary.",
        );
        assert_eq!(claimant(&b, 0), "Dmitry Trenin");
        assert!(
            b.actors.iter().all(|a| a.name != "director"),
            "{:?}",
            b.actors
        );
    }

    #[test]
    fn dateline_recipients_and_spokesmen() {
        first_statement_is(
            "ANKARA (Example Wire) - The toll rose above 11,000 on Wednesday, officials said.",
            "The toll rose above 11,000 on Wednesday",
        );
        first_statement_is(
            "Erdogan acknowledged \"shortcomings\" in the response.",
            "\"shortcomings\" in the response",
        );
        first_statement_is(
            "Martin Griffiths told reporters in Geneva that convoys had not arrived.",
            "convoys had not arrived",
        );
        first_statement_is(
            "Experts had warned for years that the region was overdue for a quake.",
            "the region was overdue for a quake",
        );
        let b = run("The bloc sent 1,150 rescuers, a spokesman for the European Commission said.");
        assert_eq!(claimant(&b, 0), "spokesman");
        // A telephone call is not speech.
        let b = run("Prime Minister Kyriakos Mitsotakis called Erdogan to offer help.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
    }

    #[test]
    fn an_organisation_named_by_its_appositive_speaks() {
        let b = run(
            "The White Helmets, a rescue group operating in rebel-held territory, said at least 1,280 people had died.",
        );
        assert_eq!(claimant(&b, 0), "White Helmets");
        let a = b.actors.iter().find(|a| a.name == "White Helmets").unwrap();
        assert_eq!(a.kind, crate::model::ActorKind::Organization);
    }

    #[test]
    fn relative_clauses_pronouns_and_bodies_without_names() {
        let b =
            run("Ruto, who met Western diplomats on Tuesday, said he would respect the ruling.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(claimant(&b, 0), "Ruto");
        assert_eq!(b.claims[0].statement, "he would respect the ruling");
        let b = run(
            "The electoral commission, which had declared the incumbent the winner with 50.5 percent of the vote, denied any wrongdoing.",
        );
        assert_eq!(claimant(&b, 0), "electoral commission");
        assert_eq!(b.claims[0].polarity, Polarity::Deny);
        let b = run(
            "The court acted after the main opposition coalition alleged that votes had been manipulated.",
        );
        assert_eq!(claimant(&b, 0), "opposition");
        first_statement_is(
            "Its observer mission said in a preliminary report that voting had been peaceful.",
            "voting had been peaceful",
        );
        // A headline: no comma or quotation mark sets off what was said.
        let b = run("Court halts result as opposition alleges fraud");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
        let b = run("Chief Justice Martha Koome said the court would hear the petition.");
        assert_eq!(claimant(&b, 0), "Martha Koome");
    }

    #[test]
    fn the_attribution_tail_and_a_closing_quote() {
        first_statement_is(
            "Netanyahu said on Wednesday that the campaign would continue \"as long as necessary,\" according to a statement released by his office.",
            "the campaign would continue \"as long as necessary,\"",
        );
    }

    #[test]
    fn a_trailing_denial_is_a_claim_of_its_own() {
        let b = run(
            "Foreign Minister Dmytro Kuleba alleged that troops had crossed the border at night, something which the Russian government denied.",
        );
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        assert_eq!(b.claims[0].polarity, Polarity::Affirm);
        assert!(
            b.claims[0].statement.ends_with("at night"),
            "{:?}",
            b.claims[0]
        );
        assert_eq!(b.claims[1].polarity, Polarity::Deny);
        assert_eq!(claimant(&b, 1), "Russia");
        assert_eq!(b.claims[1].statement, b.claims[0].statement);
        // A plain apposition is not a denial.
        let b = run(
            "Foreign Minister Dmytro Kuleba said troops had crossed the border, a move Moscow condemned.",
        );
        assert!(
            b.claims.iter().all(|c| c.polarity == Polarity::Affirm),
            "{:?}",
            b.claims
        );
        // Without a named claimant before it, the denial still drops the
        // words that only introduce it.
        let b = run("Troops had crossed the border at night, something which the Kremlin denied.");
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        assert_eq!(b.claims[0].polarity, Polarity::Deny);
        assert_eq!(
            b.claims[0].statement,
            "Troops had crossed the border at night"
        );
    }

    #[test]
    fn the_recipient_and_occasion_before_that_are_not_content() {
        first_statement_is(
            "Joe Biden warned Vladimir Putin during a video call earlier this month that an invasion would be costly.",
            "an invasion would be costly",
        );
        // A noun before "that" is content: "said Russia's claim that ...".
        let b = run("Joe Biden said Russia's claim that the troops left was false.");
        assert!(
            b.claims[0].statement.starts_with("Russia's claim"),
            "{:?}",
            b.claims
        );
    }

    #[test]
    fn the_warned_and_their_of_are_not_content() {
        first_statement_is(
            "NATO chief warns Russia of 'costs' if it moves on Ukraine.",
            "'costs' if it moves on Ukraine",
        );
        first_statement_is(
            "US intelligence officials have warned Ukraine and allies that Russia could attack in January.",
            "Russia could attack in January",
        );
    }

    #[test]
    fn an_alarm_over_something_says_what_its_participle_says() {
        let b = run(
            "Independent military analysts have sounded the alarm over the exercises, saying the scale of the deployment is vast.",
        );
        let statements: Vec<&str> = b.claims.iter().map(|c| c.statement.as_str()).collect();
        assert_eq!(statements, ["the scale of the deployment is vast"]);
    }

    #[test]
    fn a_quotation_before_a_short_tail_is_the_content() {
        first_statement_is(
            "\"We see a sophisticated military infrastructure,\" Foreign Minister Dmytro Kuleba told Politico Europe Playbook on Monday.",
            "We see a sophisticated military infrastructure",
        );
    }

    #[test]
    fn names_given_and_members_admitted_are_not_claims() {
        let b =
            run("The Kremlin ordered the army to deploy what it called \"peacekeeping\" forces.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
        let b = run("NATO is divided on admitting Ukraine and Georgia.");
        assert!(b.claims.is_empty(), "{:?}", b.claims);
    }

    #[test]
    fn it_takes_the_subject_of_its_own_sentence() {
        let b = run(
            "Russia said the drills were routine. While NATO is divided on new members, it insists on keeping its door open.",
        );
        let last = b.claims.len() - 1;
        assert_eq!(
            claimant(&b, last),
            "North Atlantic Treaty Organization",
            "{:?}",
            b.claims
        );
    }

    #[test]
    fn a_demonstrative_that_opens_no_content() {
        let b = run(
            "The talks matter, the official said, and Joe Biden will stress that to Putin as well.",
        );
        assert!(
            b.claims.iter().all(|c| !c.statement.contains("to Putin")),
            "{:?}",
            b.claims
        );
    }

    #[test]
    fn quoted_as_saying_builds_a_chain() {
        let b = run(
            "Reuters quoted an unnamed administration official as saying the talks would resume.",
        );
        assert_eq!(b.claims.len(), 1);
        assert_eq!(claimant(&b, 0), "unnamed administration official");
        let via = &b.claims[0].via;
        assert_eq!(via.len(), 1);
        assert!(
            b.actors
                .iter()
                .any(|a| a.id == via[0] && a.name == "Reuters")
        );
    }

    #[test]
    fn quote_before_cue_and_pronoun_speaker() {
        let b =
            run("Foreign Minister Anna Kovacs spoke on Monday. \"We will not move,\" she said.");
        assert_eq!(claimant(&b, 0), "Anna Kovacs");
        assert!(b.claims[0].statement.contains("We will not move"));
    }

    #[test]
    fn denial_and_according_to() {
        let b = run(
            "Moscow denied that it plans an attack. According to officials, the convoy left on time.",
        );
        assert_eq!(b.claims[0].polarity, Polarity::Deny);
        assert_eq!(claimant(&b, 0), "Russia");
        assert_eq!(claimant(&b, 1), "officials");
    }

    #[test]
    fn appositive_names_an_organisation_source() {
        let b = run(
            "A study by Veltmark, the maritime research institute, estimated that 40 ships are waiting.",
        );
        assert_eq!(b.claims.len(), 1);
        // The study is the source, the institute that made it relays it.
        assert_eq!(claimant(&b, 0), "study");
        let id = &b.claims[0].via[0];
        let a = b.actors.iter().find(|a| &a.id == id).unwrap();
        assert_eq!(a.name, "Veltmark");
        assert_eq!(a.kind, crate::model::ActorKind::Organization);
    }

    #[test]
    fn second_counted_noun_is_its_own_claim_with_a_range() {
        let b = run(
            "Analysts estimated there are 12 Chinese brigades on the island with around 5,000 to 9,000 soldiers.",
        );
        let units: Vec<_> = b
            .claims
            .iter()
            .filter_map(|c| c.quantity.as_ref()?.unit.clone())
            .collect();
        assert!(units.contains(&"brigades".to_string()), "{units:?}");
        let troops = b
            .claims
            .iter()
            .find(|c| c.quantity.as_ref().and_then(|q| q.unit.as_deref()) == Some("troops"))
            .expect("a claim about the soldiers");
        let q = troops.quantity.as_ref().unwrap();
        assert_eq!((q.lower, q.upper), (Some(5_000.0), Some(9_000.0)));
        assert_eq!(troops.subject.as_deref(), Some("chinese troops"));
    }

    #[test]
    fn bare_figure_takes_the_count_of_the_sentence_before() {
        let b = run(
            "Monitors counted 3 camps holding 6,000 to 9,000 refugees. Canada has said it assesses as many as 20,000 could arrive.",
        );
        let c = b
            .claims
            .iter()
            .find(|c| c.statement.contains("20,000"))
            .expect("the ministry's claim");
        let q = c.quantity.as_ref().unwrap();
        assert_eq!(q.upper, Some(20_000.0));
        assert_eq!(q.unit.as_deref(), Some("refugees"));
        assert_eq!(c.subject.as_deref(), Some("refugees"));
    }

    #[test]
    fn bare_figure_stays_uncounted_when_the_sentence_before_is_ambiguous() {
        let b = run(
            "Monitors counted 6,000 refugees and 9,000 migrants. Canada has said it assesses as many as 20,000 could arrive.",
        );
        let c = b
            .claims
            .iter()
            .find(|c| c.statement.contains("20,000"))
            .expect("the ministry's claim");
        assert!(c.quantity.as_ref().is_none_or(|q| q.unit.is_none()));
    }
}
