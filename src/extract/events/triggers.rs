//! Trigger events: which trigger words name an event in their sentence,
//! and the event each one yields (status, date, place, label).

use super::super::Doc;
use super::super::factuality;
use super::super::text::TokKind;
use super::EventRec;
use crate::model::{self, ActorKind, EventStatus, Factuality, Modifier, Polarity, TimeValue};

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

impl Doc<'_> {
    /// Whether the trigger at `t` (clause from `a`) is definite: "the call",
    /// "the Biden-Putin call", "the upcoming talks", "Biden's call".
    pub(super) fn definite_before(&self, t: usize, a: usize) -> bool {
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

    /// "the Nov. 8 election", "this year's presidential election", "the
    /// June primary vote": a definite election named by its date or its
    /// type, which the calendar fixes.
    pub(super) fn calendar_definite(&self, t: usize, a: usize) -> bool {
        let mut j = t;
        while j > a
            && (self.tx_at[j - 1].is_some()
                || matches!(
                    self.toks[j - 1].lower.as_str(),
                    "presidential"
                        | "general"
                        | "midterm"
                        | "parliamentary"
                        | "legislative"
                        | "primary"
                        | "runoff"
                        | "upcoming"
                        | "scheduled"
                        | "."
                ))
        {
            j -= 1;
        }
        j < t
            && j > a
            && matches!(
                self.toks[j - 1].lower.as_str(),
                "the" | "this" | "next" | "'s" | "\u{2019}s"
            )
    }

    /// Whether the trigger at `k` is only what a meeting or a talk is about:
    /// "discussed sanctions", "talks on a ceasefire", "the issue of
    /// sanctions". Such a topic is no event of its own. A definite or dated
    /// topic ("discussed the attack", "discussed Friday's attack") may be a
    /// real event spoken about, and stays.
    pub(super) fn talk_topic(&self, k: usize, s0: usize) -> bool {
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
    pub(super) fn refine_kind(
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

    pub(super) fn trigger_event(&mut self, si: usize, t: usize, n: usize, kind: &str) {
        if self.is_caption(si) || self.figurative(t, n, kind) || self.no_event(t, n, kind) {
            return;
        }
        let (a, b, claim) = self.region(t);
        let parts = self.trigger_participants(t, n, kind, a, b, claim);
        // "he voted", "Sanders narrowly voted" with the name not taken: the
        // event would miss a named party, so it is better not shown; so is
        // "his vote" with no one found.
        let s0 = self.sents[si].t0;
        let subject_found = parts.iter().any(|p| {
            self.mentions
                .iter()
                .any(|m| m.actor == p.0 && m.t0 >= s0 && m.t1 <= t)
        });
        if !subject_found && self.verbal_trigger(t, n) && self.named_subject_missed(t) {
            return;
        }
        // "His one-on-one meeting with Clinton", "Rubio's attack": an
        // owner not taken (a pronoun), or a person whose "attack" is words.
        if !subject_found && self.pronoun_owner(t, a) {
            return;
        }
        if matches!(kind, "attack" | "war" | "clash") && t > a {
            let possessive = |m: &&crate::extract::actors::Mention| {
                matches!(self.toks[m.t1 - 1].norm.as_str(), "'s" | "’s")
                    || self
                        .toks
                        .get(m.t1)
                        .is_some_and(|x| matches!(x.norm.as_str(), "'s" | "’s"))
            };
            let owner = self
                .mention_at(t - 1)
                .or_else(|| (t >= 2).then(|| self.mention_at(t - 2)).flatten())
                .filter(possessive)
                .map(|m| m.actor);
            if owner.is_some_and(|p| self.verbal_attack(t, &[p])) {
                return;
            }
        }
        if parts.is_empty()
            && (t > a
                && matches!(
                    self.toks[t - 1].lower.as_str(),
                    "his" | "her" | "their" | "its"
                ))
        {
            return;
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
        if fact == Factuality::Asserted {
            if let Some(f) = self.obliged_or_proposed(a, t) {
                fact = f;
            }
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
            let ahead = tv.start.is_some_and(|s| s > self.published);
            // "could lose the Nov. 8 election": a definite, dated election
            // still to come is on the calendar; the modal reads its outcome.
            let scheduled = matches!(kind, "election" | "vote") && self.calendar_definite(t, a);
            if ahead
                && (fact == Factuality::Asserted || (fact == Factuality::Predicted && scheduled))
            {
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
        // An event that names no party, no date and no place ("to corral
        // votes", "until they attack", "before the attacks") is a
        // reference an analyst cannot place on a timeline: not shown.
        if parts.is_empty() && !dated && place.is_none() {
            return;
        }
        // "in a general election", "elections in Lebanon": an election or
        // a vote with no date of its own is mostly generic or foreseen.
        if matches!(kind, "election" | "vote") && !dated {
            return;
        }
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
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::extract::extract_text;

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
    fn a_modal_of_the_next_clause_leaves_the_act_done() {
        let ev = trig("Chile condemned the annexation in Tacna and said it would seek help.");
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
    fn what_is_banned_is_no_event() {
        let ev = events(
            "The treaty would also ban the deployment of intermediate-range missiles in Europe.",
        );
        assert!(!ev.iter().any(|e| e.0 == "military_buildup"), "{ev:?}");
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
        let ev = trig("Chile's senators voted to approve the budget on Monday.");
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
}
