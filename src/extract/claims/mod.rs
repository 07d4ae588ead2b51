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
    "immediately",
    "officially",
    "jointly",
    "had",
    "ever",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
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
    /// Finds the claims of every sentence.
    pub fn find_claims(&mut self) {
        for si in 0..self.sents.len() {
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
            if self.opens_with_caps_heading(s0, s1) {
                continue;
            }
            self.claims_in(si);
            self.hedge_claims(si);
        }
        self.relay_nested();
        self.keep_named_in_letters();
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
            // "sees the race as a referendum": the subject's view.
            if let Some(cue) = self.seeing_as(k, s0, s1) {
                cues.push((k, 1, cue));
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
                // "do not think", "doesn't believe": a negated state of
                // mind of the subject, not a passive "is not expected".
                let passive = matches!(
                    prev,
                    "is" | "are" | "was" | "were" | "be" | "been" | "not" | "widely" | "being"
                ) && !(cue.class == "believe" && self.do_not_before(k, s0))
                    && matches!(
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
            // "did not say when", "doesn't deny": nothing was stated. A
            // negated state of mind or wish is kept, as a denial (below).
            if self.do_not_before(v, s0)
                && !matches!(
                    cue.class.as_str(),
                    "believe" | "demand" | "predict" | "warn"
                )
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
                        let (b, e) = self
                            .np_after(k, s1, true)
                            .or_else(|| self.np_up_to_head(k, s1))?;
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
                // "released a statement (on Wednesday) saying ...": the
                // participle after a message goes on from the clause's subject.
                let after_message = v > s0 + 1
                    && self.toks[v].lower.ends_with("ing")
                    && (v.saturating_sub(4).max(s0)..v).any(|j| {
                        matches!(
                            self.toks[j].lower.as_str(),
                            "statement"
                                | "letter"
                                | "tweet"
                                | "message"
                                | "email"
                                | "memo"
                                | "video"
                                | "post"
                                | "release"
                                | "note"
                                | "ad"
                        ) && (j + 1..v).all(|q| self.tx_at[q].is_some() || self.toks[q].norm == ",")
                    });
                let participle = self.toks[v].lower.ends_with("ing")
                    && v > s0
                    && (matches!(
                        self.toks[v - 1].lower.as_str(),
                        "," | "while" | "and" | "before" | "after"
                    ) || after_message);
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
                    // "52 percent of voters say": a counted share of
                    // people speaks, whatever was named before it; "Roe
                    // allies said", "the Roe campaign said": the group the
                    // name qualifies speaks.
                    None if right.is_none() && !goes_on => match self
                        .respondents(v, s0)
                        .or_else(|| self.described_subject(v, s0))
                    {
                        Some((b, e)) => {
                            let (a, _) = self.np_actor(b, e);
                            Some((Src::Actors([Some(a), None, None]), b))
                        }
                        None => self.left_source(v, s0),
                    },
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
                            // "Tulsa police Chief Jane Roe": a title, and a
                            // name qualifying the lower-case word after it.
                            let qualifier = t.is_cap()
                                && (LEX.titles.contains_first(&t.lower)
                                    || (d < sstart
                                        && self.toks[d].kind == TokKind::Word
                                        && !self.toks[d].is_cap()));
                            t.kind == TokKind::Word
                                && (!t.is_cap()
                                    || qualifier
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
                        let relative =
                            e > s0 && matches!(self.toks[e - 1].lower.as_str(), "which" | "that");
                        if relative {
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
                        // "I guess we all agree now that she was joking": a
                        // "that" clause of a pronoun and a tensed verb after a
                        // plain word is what the sentence's own subject says
                        // of the speaker, not the speaker's words ("an
                        // explosion that the mayor called ..." still is).
                        if relative
                            && e + 1 == sstart
                            && e > s0
                            && self.toks[e - 1].kind == TokKind::Word
                            && self.is_pronoun(sstart).is_some()
                            && (sstart + 1..v).any(|j| {
                                matches!(
                                    self.toks[j].lower.as_str(),
                                    "was" | "were" | "is" | "are" | "had" | "has" | "have"
                                )
                            })
                        {
                            continue;
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
                        if glued {
                            continue;
                        }
                        if e <= s0 + 1 {
                            // Nothing before the speaker: 'Trump said.' after a
                            // quotation (see below), or no claim.
                            c0 = s0;
                            c1 = s0;
                        } else {
                            c0 = self.content_left_start(s0, e, &cues, ci);
                            c1 = e;
                        }
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
            // '"... missing." Trump said.': the sentence is the speaker and
            // the cue alone; the quotation that ends the sentence before is
            // what was said.
            let mut evidence_of: Option<Evidence> = None;
            let (c0, c1) = if c1 <= c0
                && !claimants.is_empty()
                && s1 - s0 <= 12
                && !self.toks[s0..s1].iter().any(|t| t.kind == TokKind::Quote)
            {
                let Some((a, b, ev)) = self.quote_before_sentence(si) else {
                    continue;
                };
                evidence_of = Some(ev);
                (a, b)
            } else {
                (c0, c1)
            };
            let rule = if evidence_of.is_some() {
                "attr_quote_before"
            } else {
                rule
            };
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
            // "wrote a commentary for the paper", "described it in print":
            // an act, not a statement; "through a spokeswoman" is the channel.
            if c0 >= v + n && self.content_is_act(c0, c1, lemma) {
                continue;
            }
            let c1 = self.before_channel(c0, c1);
            let statement = self.clean_statement(c0, c1);
            let has_figure = self.toks[c0..c1].iter().any(|t| t.kind == TokKind::Number);
            if statement.split_whitespace().count() < 2 && !has_figure {
                continue;
            }
            // One claim per counted thing: "100 battalion tactical groups with an
            // estimated 175,000 personnel" states two figures.
            let mut qms: Vec<Option<crate::extract::quantity::QuantityMention>> = self
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
            // "Voters do not believe the plan will work": the belief is the
            // content's denial, never the content asserted.
            if self.do_not_before(v, s0) {
                polarity = Polarity::Deny;
            }
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
            let stated = self
                .act_time(&cue.class, c0, c1)
                .unwrap_or_else(|| self.stated_time(si, c0, c1));
            let valid = self.valid_time(c0, c1);
            let stated = if self.old_finding(v, valid.as_ref()) {
                self.undated_stated_old(stated)
            } else {
                self.undated_stated(si, v, c0, stated)
            };
            let evidence = evidence_of
                .clone()
                .unwrap_or_else(|| self.evidence_sent(si, rule));
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

    /// A sentence without a cue: a quotation continuing the previous speaker
    /// (a floating quote), or a figure right after an "according to" claim.
    fn carry_over(&mut self, si: usize) {
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let Some(mut prev) = self.claims.last().cloned() else {
            return;
        };
        if prev.sent + 1 != si {
            return;
        }
        // '"...," Roe said, according to the Herald. "...."': the quotation
        // goes on in Roe's words, which the outlet relays; the relay itself
        // is joined to Roe's claim later (`relay_nested`).
        if prev.rule == "attr_according_to" {
            let inner = self.claims.iter().rev().find(|c| {
                c.sent == prev.sent
                    && c.rule != "attr_according_to"
                    && c.claimant != prev.claimant
                    && c.cue_t < prev.cue_t
            });
            if let Some(inner) = inner.cloned() {
                let relay = prev.claimant;
                prev = inner;
                if !prev.via.contains(&relay) {
                    prev.via.push(relay);
                }
            }
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

mod act;
mod cognition;
mod content;
mod headings;
mod respondents;
mod source;
mod sources_after;
mod time;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_coverage;
