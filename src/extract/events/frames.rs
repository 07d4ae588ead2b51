//! Frames an analyst can trust, second pass (issue 12): a trigger word
//! that names no event in its sentence (a cognition, an ability, a
//! modifier of another noun), a verb whose named subject was not found (a
//! party the event would miss), obligations and bills that make an event
//! planned or proposed, and relation endpoints that stand in the word's own
//! frame (its direct object, or the one preposition its kind takes), not
//! anywhere in a claim's content.

use super::super::Doc;
use super::super::actors::Mention;
use super::super::lexicon::LEX;
use super::super::text::{TokKind, is_auxiliary};
use crate::model::{ActorKind, Factuality};

/// Determiners and possessive pronouns: a word after them is a noun.
fn determiner(l: &str) -> bool {
    matches!(
        l,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "any"
            | "every"
            | "each"
            | "no"
            | "'s"
            | "’s"
    )
}

/// Modals and the infinitive marker: a word after them is a verb.
fn modal(l: &str) -> bool {
    matches!(
        l,
        "to" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should" | "shall"
    )
}

/// Words that may stand between a verb's subject and the verb.
fn verb_group_word(l: &str) -> bool {
    is_auxiliary(l)
        || modal(l)
        || matches!(
            l,
            "not"
                | "n't"
                | "never"
                | "also"
                | "still"
                | "already"
                | "then"
                | "later"
                | "just"
                | "again"
                | "reportedly"
                | "allegedly"
                | "once"
                | "finally"
                | "recently"
        )
        || l.len() > 4 && l.ends_with("ly")
}

/// Past forms of trigger verbs that do not end in "-ed".
fn irregular_past(l: &str) -> bool {
    matches!(
        l,
        "met"
            | "fought"
            | "struck"
            | "hit"
            | "shot"
            | "held"
            | "beat"
            | "spoke"
            | "sought"
            | "took"
    )
}

/// Prepositions, conjunctions and adverbs that may follow a name without
/// the name qualifying a noun.
fn function_word(l: &str) -> bool {
    matches!(
        l,
        "of" | "for"
            | "with"
            | "in"
            | "on"
            | "at"
            | "to"
            | "and"
            | "or"
            | "but"
            | "over"
            | "about"
            | "from"
            | "as"
            | "by"
            | "into"
            | "after"
            | "before"
            | "during"
            | "since"
            | "that"
            | "who"
            | "which"
            | "while"
            | "because"
            | "if"
            | "when"
            | "than"
            | "not"
            | "against"
            | "amid"
            | "despite"
            | "until"
            | "through"
            | "across"
            | "near"
            | "along"
            | "under"
            | "itself"
            | "so"
            | "too"
            | "again"
            | "also"
            | "last"
            | "this"
            | "next"
            | "earlier"
            | "yesterday"
            | "today"
            | "ahead"
            | "back"
            | "there"
            | "here"
            | "now"
            | "together"
            | "instead"
            | "alone"
            | "first"
            | "out"
            | "off"
            | "up"
            | "down"
    )
}

/// Nouns for ground and things that can be seized or occupied.
fn ground_noun(l: &str) -> bool {
    matches!(
        l,
        "territory"
            | "territories"
            | "land"
            | "lands"
            | "city"
            | "town"
            | "towns"
            | "village"
            | "villages"
            | "region"
            | "regions"
            | "area"
            | "areas"
            | "building"
            | "buildings"
            | "embassy"
            | "base"
            | "bases"
            | "airport"
            | "port"
            | "ports"
            | "peninsula"
            | "island"
            | "islands"
            | "province"
            | "capital"
            | "border"
            | "crossing"
            | "bridge"
            | "palace"
            | "parliament"
            | "square"
            | "office"
            | "offices"
            | "plant"
            | "facility"
            | "station"
            | "part"
            | "parts"
    )
}

/// Subject pronouns: they stand for a name given elsewhere.
fn pronoun(l: &str) -> bool {
    matches!(l, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Nouns for a bill or a motion: what it is "to" do is proposed, not done.
fn proposal_noun(l: &str) -> bool {
    matches!(
        l,
        "bill"
            | "bills"
            | "legislation"
            | "resolution"
            | "resolutions"
            | "measure"
            | "measures"
            | "proposal"
            | "proposals"
            | "amendment"
            | "amendments"
            | "motion"
            | "initiative"
    )
}

/// Nouns that stand for their owner after a relation word: what one says
/// ("contradicted Russia's claims" contradicts Russia) and a state's
/// standing ("support for Ukraine's sovereignty"), what one asks for
/// ("backed Moldova's request"); "would not support Ryan's agenda" is
/// about the agenda, not Ryan.
fn owner_noun(l: &str) -> bool {
    matches!(
        l,
        "sovereignty"
            | "independence"
            | "integrity"
            | "territorial"
            | "security"
            | "defense"
            | "defence"
            | "government"
            | "people"
            | "claim"
            | "claims"
            | "statement"
            | "statements"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "words"
            | "assertion"
            | "assertions"
            | "allegation"
            | "allegations"
            | "accusation"
            | "accusations"
            | "rhetoric"
            // What one asks for or aims at: "backed Moldova's request".
            | "request"
            | "requests"
            | "bid"
            | "bids"
            | "candidacy"
            | "application"
            | "appeal"
    )
}

/// The prepositions a relation kind takes before its target: "support for
/// X", "met with X", "sanctions on X", "called on X". Any other word but an
/// article between the relation word and the name leaves the name outside
/// its frame ("support among Hispanics", "less support than Johnson").
fn linking_prep(kind: &str, l: &str) -> bool {
    match kind {
        "supports" => matches!(l, "for" | "behind" | "to" | "of"),
        "meets" | "allied_with" => l == "with",
        "attacks" | "fights" => matches!(l, "on" | "against" | "with"),
        "sanctions" | "pressures" => matches!(l, "on" | "against"),
        "threatens" => l == "to",
        "demands" => matches!(l, "on" | "upon"),
        _ => false,
    }
}

impl Doc<'_> {
    fn lw2(&self, j: usize) -> &str {
        self.toks.get(j).map_or("", |x| x.lower.as_str())
    }

    /// Whether the trigger at `t` (`n` tokens, kind `kind`) names no event
    /// in its sentence: "recognize that ..." (a cognition), "those who
    /// could vote" (an ability, habitual "who vote"), "met only by" (a
    /// passive of meeting a bar), or a noun qualifying another ("a
    /// general-election victory", "a war report", "attack ads").
    pub(super) fn no_event(&self, t: usize, n: usize, kind: &str) -> bool {
        let w = self.lw2(t);
        let next = self.lw2(t + n);
        let prev = if t > 0 { self.lw2(t - 1) } else { "" };
        if kind == "recognition"
            && (matches!(next, "that" | "how" | "what" | "why" | "whether")
                || next == "the"
                    && matches!(
                        self.lw2(t + n + 1),
                        "need" | "importance" | "fact" | "value" | "danger" | "risk"
                    ))
        {
            return true;
        }
        // "who could vote", "those who vote": people described by what they
        // can or do habitually do; no one vote is told of.
        let past = w.ends_with("ed") || irregular_past(w);
        let mut q = t;
        while q > 0 && self.lw2(q - 1).len() > 4 && self.lw2(q - 1).ends_with("ly") {
            q -= 1;
        }
        let prev = if q > 0 { self.lw2(q - 1) } else { prev };
        if prev == "who" && !past
            || matches!(prev, "can" | "could")
                && t >= 2
                && matches!(self.lw2(t - 2), "who" | "that")
        {
            return true;
        }
        // "a threshold met only by two": a bar reached, no meeting.
        if w == "met" {
            let mut j = t + 1;
            while verb_group_word(self.lw2(j)) || self.lw2(j) == "only" {
                j += 1;
            }
            if self.lw2(j) == "by" {
                return true;
            }
        }
        // "the black vote", "a fifth vote", "40 percent of the vote",
        // "secured votes": ballots counted, no vote held. A body's or a
        // person's vote ("the Senate vote on", "Sanders' vote in favor")
        // stays.
        if kind == "vote" || kind == "election" && matches!(w, "vote" | "votes") {
            if w == "votes" && !self.verbal_trigger(t, n) {
                return true;
            }
            if w == "vote" && !self.verbal_trigger(t, n) {
                let counted = t >= 2 && prev == "the" && self.lw2(t - 2) == "of"
                    || t >= 1 && self.toks[t - 1].kind == TokKind::Number
                    || matches!(
                        prev,
                        "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "fifth"
                            | "deciding"
                            | "popular"
                            | "black"
                            | "white"
                            | "latino"
                            | "hispanic"
                            | "evangelical"
                            | "youth"
                            | "women's"
                            | "female"
                            | "male"
                            | "conservative"
                            | "liberal"
                            | "independent"
                            | "early"
                            | "absentee"
                    )
                    || matches!(next, "than" | "share" | "total" | "totals");
                if counted {
                    return true;
                }
            }
        }
        let near = |lo: usize, hi: usize, w: &dyn Fn(&str) -> bool| {
            (lo..hi.min(self.toks.len())).any(|j| w(self.lw2(j)))
        };
        // "a February rally", "Trump held rallies": a campaign rally, unless
        // what it is against or a protest is named with it.
        if kind == "protest"
            && w.starts_with("rall")
            && !near(t + 1, t + 5, &|l| {
                l == "against" || l.starts_with("protest")
            })
            && !near(t.saturating_sub(3), t, &|l| l.starts_with("protest"))
        {
            return true;
        }
        // "Clinton now talks freely of": speaking, no negotiation; talks
        // are held with or between someone.
        if kind == "talks"
            && matches!(w, "talks" | "talked" | "talk" | "talking")
            && !matches!(next, "with" | "between")
            && (pronoun(prev)
                || prev.len() > 4 && prev.ends_with("ly")
                || matches!(prev, "now" | "also" | "often")
                || t > 0 && self.mention_at(t - 1).is_some_and(|m| !m.adjective))
        {
            return true;
        }
        // "Biden calls Trump a risk", "called Clinton a liar": naming, no call.
        if kind == "call" && w.starts_with("call") {
            if let Some(m) = self.mention_at(t + n).filter(|m| m.t0 == t + n) {
                let after = self.toks.get(m.t1);
                if after.is_some_and(|x| {
                    x.kind == TokKind::Word
                        && !x.is_cap()
                        && self.tx_at.get(m.t1).is_some_and(|v| v.is_none())
                        && !function_word(&x.lower)
                }) {
                    return true;
                }
            }
        }
        // "highly offensive posts": an adjective, no offensive.
        if w == "offensive"
            && (prev.len() > 4 && prev.ends_with("ly")
                || matches!(
                    prev,
                    "very" | "so" | "more" | "most" | "less" | "too" | "deeply"
                ))
        {
            return true;
        }
        // "occupied a third tier": a seizure of something that is no ground.
        if kind == "seizure" && matches!(w, "occupied" | "occupy" | "occupies" | "occupying") {
            let mut j = t + n;
            while matches!(self.lw2(j), "the" | "a" | "an" | "its" | "their") {
                j += 1;
            }
            let x = self.toks.get(j);
            let named = self.mention_at(j).is_some() || x.is_some_and(|x| x.is_cap());
            if !named && x.is_some_and(|x| x.kind == TokKind::Word) && !ground_noun(self.lw2(j)) {
                // over one modifier: "a third tier", "the northern town"
                if !ground_noun(self.lw2(j + 1)) {
                    return true;
                }
            }
        }
        // A noun that qualifies the head noun after it names no event.
        n == 1
            && !self.verbal_trigger(t, n)
            && self.toks.get(t + n).is_some_and(|x| {
                x.kind == TokKind::Word && !x.is_cap() && super::gate::head_noun(&x.lower)
            })
    }

    /// Whether the trigger at `t` is used as a verb: a past form after a
    /// name, a pronoun, an auxiliary or an adverb ("Sanders voted",
    /// "they met", "was attacked"), or any form after a modal or "to"
    /// ("will meet", "to vote"), never after an article or an owner.
    pub(super) fn verbal_trigger(&self, t: usize, n: usize) -> bool {
        let s0 = self.sents[self.sent_of[t]].t0;
        if n != 1 || t == s0 {
            return false;
        }
        let w = self.lw2(t);
        let p = self.lw2(t - 1);
        if determiner(p)
            || self.toks[t - 1].kind == TokKind::Number
            || self.mention_at(t - 1).is_some_and(|m| m.adjective)
        {
            return false;
        }
        if modal(p) || matches!(p, "did" | "does" | "do" | "who") {
            return true;
        }
        let past = w.ends_with("ed") || irregular_past(w);
        past && (verb_group_word(p)
            || pronoun(p)
            || self.mention_at(t - 1).is_some()
            || self.toks[t - 1].is_cap())
    }

    /// Whether the subject of the verb trigger at `t` is a name or a
    /// pronoun standing for one ("Sanders narrowly voted", "he met",
    /// "Cruz, who voted"): a named party that an event with no
    /// participants would miss. A common noun ("gunmen attacked",
    /// "voters voted") names no one, and then nothing is missing.
    pub(super) fn named_subject_missed(&self, t: usize) -> bool {
        let s0 = self.sents[self.sent_of[t]].t0;
        let mut j = t;
        while j > s0 && verb_group_word(self.lw2(j - 1)) {
            j -= 1;
        }
        if j == s0 {
            return false;
        }
        let p = self.lw2(j - 1);
        if pronoun(p) {
            return true;
        }
        if matches!(p, "who" | "which") {
            let mut q = j - 1;
            if q > s0 && self.lw2(q - 1) == "," {
                q -= 1;
            }
            return q > s0 && self.mention_at(q - 1).is_some_and(|m| !m.adjective);
        }
        // "a court in Kenya ruled": the name is in a phrase after the
        // subject's head, which decides.
        if let Some(m) = self.mention_at(j - 1) {
            let mut p = m.t0;
            if p > s0 && self.lw2(p - 1) == "the" {
                p -= 1;
            }
            if p > s0
                && matches!(
                    self.lw2(p - 1),
                    "in" | "of" | "from" | "at" | "for" | "near"
                )
            {
                return p - 1 > s0
                    && (self.toks[p - 2].is_cap() && p - 2 > s0
                        || self.mention_at(p - 2).is_some_and(|x| !x.adjective));
            }
        }
        // "Chile's senators": an unnamed body of a named state names no one.
        self.mention_at(j - 1).is_some_and(|m| {
            !m.adjective
                && self.actors[m.actor].kind != ActorKind::Anonymous
                && self.toks[m.t0].is_cap()
        }) || j - 1 > s0 && self.toks[j - 1].is_cap() && self.toks[j - 1].kind == TokKind::Word
    }

    /// Whether `m` is the subject of a relative clause whose verb is the
    /// trigger at `t`: "Ted Cruz, who voted against the bill".
    pub(super) fn relative_subject(&self, m: &Mention, t: usize) -> bool {
        if m.adjective || m.t1 >= t {
            return false;
        }
        let mut j = m.t1;
        if self.lw2(j) == "," {
            j += 1;
        }
        if self.lw2(j) != "who" {
            return false;
        }
        j += 1;
        while j < t && verb_group_word(self.lw2(j)) {
            j += 1;
        }
        j == t
    }

    /// Whether mention `m` holds an event word itself ("Election Day",
    /// "the Paris Summit"): it names the event or its day, not a party.
    pub(super) fn names_event(&self, m: &Mention) -> bool {
        (m.t0..m.t1).any(|j| LEX.triggers.longest(&self.toks, j, m.t1).is_some())
    }

    /// The factuality an obligation or a bill gives the trigger at `t`
    /// (its clause from `a`): "still has to vote" is planned, "a bill to
    /// impose sanctions" proposed.
    pub(super) fn obliged_or_proposed(&self, a: usize, t: usize) -> Option<Factuality> {
        let lo = t.saturating_sub(5).max(a);
        // "was arranging calls", "scheduling a vote": set up, not yet held.
        if t > a
            && matches!(
                self.lw2(t - 1),
                "arranging" | "arrange" | "arranges" | "scheduling" | "organizing" | "organising"
            )
        {
            return Some(Factuality::Planned);
        }
        if t >= a + 2
            && self.lw2(t - 1) == "to"
            && matches!(self.lw2(t - 2), "has" | "have" | "needs" | "need")
        {
            return Some(Factuality::Planned);
        }
        let bill = (lo..t).find(|&j| {
            proposal_noun(self.lw2(j)) && matches!(self.lw2(j + 1), "to" | "that" | "which")
        })?;
        let plain = (bill + 1..t).all(|j| {
            let l = self.lw2(j);
            !matches!(l, "," | ";" | "and" | "but" | "after" | "because" | "since")
        });
        plain.then_some(Factuality::Proposed)
    }

    /// Whether a possessive pronoun owns the trigger noun at `t` (clause
    /// from `a`) over its modifiers: "his one-on-one meeting", "their
    /// protest". It stands for a name the event would miss.
    pub(super) fn pronoun_owner(&self, t: usize, a: usize) -> bool {
        let mut o = t;
        while o > a + 1 && o + 4 > t {
            let x = &self.toks[o - 1];
            let modifier = x.kind == TokKind::Word
                && !x.is_cap()
                && !function_word(&x.lower)
                && !determiner(&x.lower)
                && !modal(&x.lower)
                && !is_auxiliary(&x.lower)
                || x.norm == "-";
            if !modifier {
                break;
            }
            o -= 1;
        }
        o > a && matches!(self.lw2(o - 1), "his" | "her" | "their")
    }

    /// Whether the verb at `k` is negated in its verb group: "has not
    /// publicly accused", "would never support".
    pub(super) fn negated_verb(&self, k: usize) -> bool {
        let s0 = self.sents[self.sent_of[k]].t0;
        let mut j = k;
        while j > s0 && verb_group_word(self.lw2(j - 1)) {
            j -= 1;
            if matches!(self.lw2(j), "not" | "n't" | "never") {
                return true;
            }
        }
        false
    }

    /// Whether the word at `k` is inside what someone is accused of:
    /// "accused Trump of showing support for Putin" tells an allegation,
    /// not the support.
    pub(super) fn in_accusation(&self, k: usize) -> bool {
        let s0 = self.sents[self.sent_of[k]].t0;
        (k.saturating_sub(8).max(s0)..k).any(|j| {
            self.lw2(j) == "of"
                && (j.saturating_sub(4).max(s0)..j).any(|q| {
                    let l = self.lw2(q);
                    l.starts_with("accus") || l.starts_with("alleg") || l.starts_with("suspect")
                })
        })
    }

    /// Whether mention `m` (of a place or a body) qualifies the common noun
    /// after it ("the Paris agreement", "in U.S. history", "an Apple
    /// boycott") rather than naming a party.
    pub(super) fn name_qualifies_noun(&self, m: &Mention) -> bool {
        let body = !matches!(self.actors[m.actor].kind, ActorKind::Person);
        let owned = matches!(self.lw2(m.t1 - 1), "'s" | "’s");
        let common_noun_after = self.toks.get(m.t1).is_some_and(|x| {
            let l = x.lower.as_str();
            let untimed = self.tx_at.get(m.t1).is_some_and(|t| t.is_none());
            let adverb = l.len() > 4 && l.ends_with("ly");
            let grammatical = adverb || is_auxiliary(l) || modal(l) || function_word(l);
            x.kind == TokKind::Word && !x.is_cap() && untimed && !grammatical
        });
        body && !owned && common_noun_after
    }

    /// Whether the target mention `m` of the relation word at `k` (kind
    /// `kind`) is its object: right after the word over articles and
    /// titles, or after the one preposition the kind takes; not under
    /// the word ("under pressure to"), not a reduced passive ("opposed by
    /// X"), not the owner of what the word is about ("support Ryan's
    /// agenda"), and for membership an organisation.
    pub(super) fn object_frame(
        &self,
        k: usize,
        kind: &str,
        m: &Mention,
        territorial: bool,
    ) -> bool {
        if k > 0 && self.lw2(k - 1) == "under" {
            return false;
        }
        if kind == "member_of"
            && !matches!(
                self.actors[m.actor].kind,
                ActorKind::Organization | ActorKind::Government
            )
        {
            return false;
        }
        let mut preps = 0;
        // "support to another former republic, Belarus": a description
        // and its name in apposition after the preposition.
        let appositive = m.t0 > k + 1 && self.toks[m.t0 - 1].norm == ",";
        let glued = |j: usize| {
            self.toks[j].norm == "-" && !self.toks[j].space_before
                || j > 0 && self.toks[j - 1].norm == "-" && !self.toks[j].space_before
        };
        for j in k + 1..m.t0 {
            let x = &self.toks[j];
            let l = x.lower.as_str();
            // "defend Pennsylvania for Democrats": another name in between
            // is the object, unless it owns it ("annexed Ukraine's Crimea").
            if let Some(o) = self.mention_at(j).filter(|o| o.actor != m.actor) {
                let owns = matches!(self.lw2(o.t1), "'s" | "’s")
                    || matches!(self.lw2(o.t1 - 1), "'s" | "’s");
                let compound = self.toks.get(o.t1).is_some_and(|x| x.norm == "-");
                if !owns && !o.adjective && !compound {
                    return false;
                }
            }
            if matches!(l, "the" | "a" | "an" | "'s" | "’s")
                || x.is_cap() && x.kind == TokKind::Word
                || glued(j)
                || x.kind == TokKind::Number
            {
                continue;
            }
            if x.norm == "." && j > 0 && self.toks[j - 1].is_cap() {
                continue;
            }
            if linking_prep(kind, l) && preps == 0 {
                preps += 1;
                continue;
            }
            if l.len() > 4 && l.ends_with("ly") && j == k + 1 {
                continue;
            }
            // "fighting a seven-year war against X": the light noun of the
            // verb before its preposition.
            if kind == "fights"
                && preps == 0
                && matches!(l, "war" | "battle" | "campaign" | "fight" | "insurgency")
            {
                continue;
            }
            if appositive
                && preps == 1
                && (j + 1 == m.t0 || x.kind == TokKind::Word && m.t0 - j <= 6)
            {
                continue;
            }
            return false;
        }
        // "criticized the Paris agreement", "an Apple boycott": the name of
        // a place or a body before a common noun qualifies it.
        if self.name_qualifies_noun(m) {
            return false;
        }
        if !territorial {
            let owner = self
                .toks
                .get(m.t1)
                .is_some_and(|x| matches!(x.norm.as_str(), "'s" | "’s"))
                || m.t1 > m.t0 && matches!(self.toks[m.t1 - 1].norm.as_str(), "'s" | "’s");
            if owner {
                let head = (m.t1..(m.t1 + 4).min(self.toks.len()))
                    .map(|j| self.lw2(j))
                    .find(|l| !matches!(*l, "'s" | "’s" | "own" | "latest" | "new" | "recent"));
                if !head.is_some_and(owner_noun) {
                    return false;
                }
            }
        }
        true
    }

    /// The one a claim's cue at `cue` is addressed to, when named right
    /// after it as its object: "accused Russia of", "urged NATO to",
    /// "called on Congress to", "criticized Ford". A wish ("wants Trump to
    /// lose") and a name inside the content are not.
    pub(super) fn cue_object(&self, cue: usize, kind: &str) -> Option<usize> {
        let w = self.lw2(cue);
        if matches!(
            w,
            "want"
                | "wants"
                | "wanted"
                | "wanting"
                | "hope"
                | "hopes"
                | "hoped"
                | "wish"
                | "wishes"
                | "fear"
                | "fears"
                | "feared"
                | "worry"
                | "worries"
                | "worried"
                | "believe"
                | "believes"
                | "think"
                | "thinks"
        ) {
            // A wish or a fear is no act on anyone: "wants Trump to lose",
            // "fear Clinton would choose".
            return None;
        }
        let mut j = cue + 1;
        if w.starts_with("call") && matches!(self.lw2(j), "on" | "upon") {
            j += 1;
        }
        // "demanded that NATO stop": who is to act.
        let that = kind == "demands" && self.lw2(j) == "that";
        if that {
            j += 1;
        }
        if self.lw2(j) == "the" {
            j += 1;
        }
        let m = self.mention_at(j).filter(|m| m.t0 == j && !m.adjective)?;
        let a = &self.actors[m.actor];
        if matches!(
            a.kind,
            ActorKind::Media | ActorKind::Place | ActorKind::Anonymous
        ) {
            return None;
        }
        let after = self.lw2(m.t1);
        if matches!(after, "'s" | "’s") {
            return None;
        }
        // A demand is addressed to who is to act: "urged X to", "called
        // on X for".
        if kind == "demands" && !that && !matches!(after, "to" | "for" | "not") {
            return None;
        }
        Some(m.actor)
    }

    /// Who a demand at `cue` is made of when the cue's object is the thing
    /// demanded: "demanded guarantees from the US", "wanting guarantees
    /// NATO would not expand" (the subject of the demanded clause).
    pub(super) fn demanded_of(&self, cue: usize) -> Option<usize> {
        let s1 = self.sents[self.sent_of[cue]].t1;
        let mut j = cue + 1;
        while j < s1 && j <= cue + 7 {
            let l = self.lw2(j);
            if matches!(
                l,
                "," | ";" | ":" | "." | "and" | "but" | "to" | "that" | "which"
            ) || self.toks[j].kind == TokKind::Quote
            {
                return None;
            }
            if let Some(m) = self.mention_at(j).filter(|m| m.t0 == j) {
                let mut p = j;
                if p > 0 && self.lw2(p - 1) == "the" {
                    p -= 1;
                }
                let from = self.lw2(p - 1) == "from";
                let subject = matches!(self.lw2(m.t1), "would" | "will" | "must" | "should");
                let a = &self.actors[m.actor];
                let named = !m.adjective
                    && !matches!(
                        a.kind,
                        ActorKind::Media | ActorKind::Place | ActorKind::Anonymous
                    );
                return (named && (from || subject)).then_some(m.actor);
            }
            j += 1;
        }
        None
    }

    /// The two parties of a meeting event that a relation may join: one
    /// named as the subject before the trigger at `t` and one named right
    /// after it, after "with" ("Adelson met with Trump", "Biden spoke with
    /// Putin"), or two coordinated subjects ("Biden and Scholz met", "X
    /// and Y will hold a call"); none when the parties stand elsewhere in
    /// the sentence.
    pub(super) fn meeting_pair(&self, t: usize, parts: &[usize]) -> Option<(usize, usize)> {
        let s = &self.sents[self.sent_of[t]];
        let light = |j: usize| {
            verb_group_word(self.lw2(j))
                || matches!(
                    self.lw2(j),
                    "hold" | "held" | "holds" | "a" | "an" | "video" | "phone" | "virtual"
                )
        };
        let subject_m = self.mentions.iter().find(|m| {
            parts.contains(&m.actor)
                && m.t0 >= s.t0
                && m.t1 <= t
                && !m.adjective
                && (m.t1..t).all(light)
        })?;
        let subject = subject_m.actor;
        // "Biden and Scholz met": the name coordinated before the subject.
        let coordinated = parts.iter().copied().find(|&p| {
            p != subject
                && self.mentions.iter().any(|m| {
                    m.actor == p
                        && m.t0 >= s.t0
                        && !m.adjective
                        && m.t1 + 1 == subject_m.t0
                        && self.lw2(m.t1) == "and"
                })
        });
        if let Some(c) = coordinated {
            return Some((c, subject));
        }
        let partner = parts.iter().copied().find(|&p| {
            p != subject
                && self.mentions.iter().any(|m| {
                    m.actor == p
                        && m.t0 > t
                        && m.t1 <= s.t1
                        && !m.adjective
                        && self.lw2(t + 1) == "with"
                        && (t + 2..m.t0).all(|j| self.lw2(j) == "the" || self.toks[j].is_cap())
                })
        })?;
        Some((subject, partner))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

    #[test]
    fn a_cognition_an_ability_and_a_modifier_are_no_events() {
        let ev = trig("The ministers recognize that the treaty has failed.");
        assert!(!ev.iter().any(|e| e.0 == "recognition"), "{ev:?}");
        let ev = trig("Farmers who could vote in the county stayed home.");
        assert!(
            !ev.iter().any(|e| e.0 == "vote" || e.0 == "election"),
            "{ev:?}"
        );
        let ev = trig("The paper ran a war report that turned out to be invented.");
        assert!(!ev.iter().any(|e| e.0 == "war"), "{ev:?}");
        let ev = trig("Her general-election victory surprised the party.");
        assert!(!ev.iter().any(|e| e.0 == "election"), "{ev:?}");
        // The plain event stays.
        let ev = trig("Gunmen attacked a market in the north on Friday.");
        assert!(ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
    }

    #[test]
    fn a_verb_whose_named_subject_is_missed_is_not_shown() {
        // "he" stands for a name the event would miss.
        let ev = trig("Marta Oyelaran arrived late. He voted against the budget in March.");
        assert!(
            !ev.iter().any(|e| e.0 == "vote" && e.3.is_empty()),
            "{ev:?}"
        );
        // The relative subject is the voter.
        let ev = trig("Senator Marta Oyelaran, who voted against the budget in March, spoke.");
        let v = ev.iter().find(|e| e.0 == "vote").expect("the vote");
        assert!(v.3.iter().any(|p| p.0.contains("Oyelaran")), "{ev:?}");
    }

    #[test]
    fn an_obligation_is_planned_and_a_bill_proposes() {
        let ev = trig("The assembly still has to vote on the budget on Friday.");
        let v = ev.iter().find(|e| e.0 == "vote").expect("the vote");
        assert_eq!(v.2, "planned", "{ev:?}");
        let ev = trig("Senators introduced a bill to impose sanctions on Chile.");
        let v = ev
            .iter()
            .find(|e| e.0 == "sanction")
            .expect("the sanctions");
        assert_eq!(v.2, "planned", "{ev:?}");
    }

    #[test]
    fn a_relation_needs_its_object_in_frame() {
        // Poll figures and a qualified object are no support.
        let r = relations("Ana Kell receives less support than Bo Lind in the survey.");
        assert!(!r.iter().any(|r| r.1 == "supports"), "{r:?}");
        let r = relations("Ana Kell would not support Bo Lind's tax plan.");
        assert!(!r.iter().any(|r| r.1 == "supports"), "{r:?}");
        let r = relations("Ana Kell was under pressure to please the Liberal Party.");
        assert!(!r.iter().any(|r| r.1 == "pressures"), "{r:?}");
        // What one asks for stands for the one who asks.
        let r = relations("Ana Kell backed Bo Lind's request for a recount.");
        assert!(
            r.contains(&("Ana Kell".into(), "supports".into(), "Bo Lind".into())),
            "{r:?}"
        );
        // The plain object and a linking preposition stay.
        let r = relations("Ana Kell supports Bo Lind in the race.");
        assert!(
            r.contains(&("Ana Kell".into(), "supports".into(), "Bo Lind".into())),
            "{r:?}"
        );
    }

    #[test]
    fn a_claim_relates_its_speaker_to_the_cues_object_only() {
        // The name inside the content is not the one urged.
        let r = relations("Ana Kell urged voters to boycott Bo Lind's bakery.");
        assert!(!r.iter().any(|r| r.1 == "demands"), "{r:?}");
        let r = relations("Ana Kell wants Bo Lind to lose badly.");
        assert!(!r.iter().any(|r| r.1 == "demands"), "{r:?}");
        let r = relations("Ana Kell accused Bo Lind of lying about the budget.");
        assert!(
            r.contains(&("Ana Kell".into(), "accuses".into(), "Bo Lind".into())),
            "{r:?}"
        );
    }

    #[test]
    fn a_meeting_relates_its_subject_and_its_partner() {
        let r = relations("Ana Kell met with Bo Lind in Oslo on Monday.");
        assert!(r.iter().any(|r| r.1 == "meets"), "{r:?}");
        let r = relations("Ana Kell likened the Oslo negotiations to a card game.");
        assert!(!r.iter().any(|r| r.1 == "meets"), "{r:?}");
    }
}
