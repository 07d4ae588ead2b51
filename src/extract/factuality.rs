//! Factuality: whether the clause that governs a trigger asserts it, and if
//! not, how it stands (negated, conditional, feared, foreseen, intended,
//! asked for, asked about, denied).
//!
//! The governing clause is found by walking left from the trigger to the
//! nearest clause boundary (sentence start, `;`, `:`, `,`, a relative
//! pronoun or a subordinating conjunction), so that a condition in one
//! clause does not reach into the next: in "Russia massed troops, and if it
//! invades, sanctions will follow" only "invades" is conditional. A clause
//! opened by "that" is governed by the word before it as well ("fears that
//! ...", "denied claims that ..."). Cues found on the way are ranked: what
//! frames the whole clause (a condition, a question, a denial) outranks a
//! fear or a demand, which outranks a negation of the verb, which outranks
//! an intention or a modal.

use super::Doc;
use crate::model::Factuality;

/// Tokens that end a clause when walking left from a trigger; the clause
/// starts after them.
fn boundary(l: &str) -> bool {
    matches!(
        l,
        ";" | ":"
            | ","
            | "("
            | ")"
            | "\u{2014}"
            | "--"
            | "but"
            | "which"
            | "who"
            | "whose"
            | "while"
            | "whereas"
            | "because"
            | "after"
            | "before"
            | "when"
            | "since"
            | "although"
            | "though"
            | "as"
    )
}

/// Verbs and nouns of fear: what they govern is feared.
fn fear_word(l: &str) -> bool {
    matches!(
        l,
        "fear"
            | "fears"
            | "feared"
            | "fearing"
            | "risk"
            | "risks"
            | "danger"
            | "dangers"
            | "concern"
            | "concerns"
            | "concerned"
            | "worried"
            | "worry"
            | "worries"
            | "alarm"
            | "scare"
            | "spectre"
            | "specter"
    )
}

/// Verbs and nouns of warning: what they govern is feared when it is
/// foreseen ("warned it could") or named as a thing ("warned of an attack");
/// "warned that troops have massed" reports a fact in the warner's voice.
fn warn_word(l: &str) -> bool {
    matches!(
        l,
        "warn" | "warns" | "warned" | "warning" | "warnings" | "cautioned" | "threat" | "threats"
    )
}

/// Words of proposing or demanding.
fn propose_word(l: &str) -> bool {
    matches!(
        l,
        "propose"
            | "proposes"
            | "proposed"
            | "proposing"
            | "proposal"
            | "proposals"
            | "demand"
            | "demands"
            | "demanded"
            | "demanding"
            | "urge"
            | "urges"
            | "urged"
            | "urging"
            | "suggested"
            | "recommended"
            | "recommends"
    )
}

/// Words of denying ("denied claims that", "rejected reports that").
fn deny_word(l: &str) -> bool {
    matches!(
        l,
        "deny"
            | "denies"
            | "denied"
            | "denying"
            | "rejected"
            | "rejects"
            | "dismissed"
            | "dismisses"
            | "refuted"
            | "refutes"
    )
}

/// Words of asking, before "if" or "whether".
fn ask_word(l: &str) -> bool {
    matches!(
        l,
        "ask" | "asks" | "asked" | "asking" | "wondered" | "wonder" | "wonders" | "question"
    )
}

/// Words of intention and schedule.
fn plan_word(l: &str) -> bool {
    matches!(
        l,
        "plan"
            | "plans"
            | "planned"
            | "planning"
            | "scheduled"
            | "slated"
            | "intends"
            | "intend"
            | "intended"
            | "intention"
            | "aims"
            | "upcoming"
    )
}

/// Modals and words of likelihood.
fn predict_word(l: &str) -> bool {
    matches!(
        l,
        "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "shall"
            | "'ll"
            | "\u{2019}ll"
            | "likely"
            | "unlikely"
            | "expected"
            | "expects"
            | "expect"
            | "possible"
            | "possibly"
            | "potential"
            | "potentially"
            | "imminent"
            | "looming"
            | "poised"
            | "prospect"
            | "predicted"
            | "forecast"
    )
}

/// Auxiliaries, adverbs and particles that may stand between a negation and
/// the verb it negates ("did not even try to invade", "has no plans to").
fn verb_group(l: &str) -> bool {
    crate::extract::text::is_auxiliary(l)
        || matches!(
            l,
            "yet"
                | "ever"
                | "even"
                | "also"
                | "to"
                | "a"
                | "an"
                | "any"
                | "intention"
                | "intentions"
                | "plan"
                | "plans"
                | "of"
                | "desire"
                | "want"
                | "seek"
                | "try"
                | "tried"
        )
}

/// Keeps the higher-ranked of the best cue so far and `f`.
fn take(best: &mut (Factuality, u8), f: Factuality) {
    if rank(f) > best.1 {
        *best = (f, rank(f));
    }
}

/// Whether a preposition of circumstance lies in `[a, t)`: what follows
/// it is the occasion or the reason of an act, not what is feared, asked
/// for or denied ("called for sanctions over the invasion", "suggested at
/// the meeting", "urged calm after the attack").
pub fn in_circumstance(doc: &Doc<'_>, a: usize, t: usize) -> bool {
    (a..t.min(doc.toks.len())).any(|k| {
        matches!(
            doc.toks[k].lower.as_str(),
            "at" | "during" | "after" | "following" | "since" | "amid" | "despite" | "over"
                // "rejected that report and instead accused": a new verb.
                | "and" | "or"
        )
    })
}

/// Rank of a cue class: the higher frames the lower ("denied it plans to").
fn rank(f: Factuality) -> u8 {
    match f {
        Factuality::Asserted => 0,
        Factuality::Predicted => 1,
        Factuality::Planned => 2,
        Factuality::Negated => 3,
        Factuality::Feared | Factuality::Proposed => 4,
        Factuality::Hypothetical | Factuality::Questioned | Factuality::Denied => 5,
    }
}

/// The first token of the clause that holds token `t`, no earlier than `lo`.
pub fn clause_start(doc: &Doc<'_>, t: usize, lo: usize) -> usize {
    let mut j = t;
    while j > lo {
        let l = doc.toks[j - 1].lower.as_str();
        // "as well as", "such as": no clause starts there.
        if boundary(l)
            && !(l == "as"
                && j >= 2
                && matches!(doc.toks[j - 2].lower.as_str(), "such" | "well" | "as"))
        {
            break;
        }
        j -= 1;
    }
    j
}

/// The factuality of the trigger at token `t`, read from the clause that
/// governs it; `lo` is the first token that may belong to that clause (the
/// sentence start, or a claim's content start).
pub fn at(doc: &Doc<'_>, t: usize, lo: usize) -> Factuality {
    if t >= doc.toks.len() || lo > t {
        return Factuality::Asserted;
    }
    let lw = |j: usize| doc.toks[j].lower.as_str();
    let cs = clause_start(doc, t, lo);
    let mut best = (Factuality::Asserted, 0u8);
    // A negation in the trigger's own verb group: "did not invade", "has
    // no plans to attack", "never threatened".
    let mut j = t;
    while j > cs {
        j -= 1;
        match lw(j) {
            "not" | "n't" | "never" | "no" | "without" => {
                take(&mut best, Factuality::Negated);
                break;
            }
            l if verb_group(l) => {}
            _ => break,
        }
    }
    let mut predicted = false;
    for k in cs..t {
        let l = lw(k);
        let next = if k + 1 < doc.toks.len() {
            lw(k + 1)
        } else {
            ""
        };
        if matches!(l, "will" | "'ll" | "\u{2019}ll")
            && matches!(
                next,
                "hold" | "meet" | "visit" | "host" | "attend" | "travel" | "sign" | "speak"
            )
        {
            // "will hold a call on Tuesday": a scheduled act of the subject.
            predicted = true;
            take(&mut best, Factuality::Planned);
        } else if predict_word(l) && !super::habitual::habitual_would(doc, k) {
            predicted = true;
            take(&mut best, Factuality::Predicted);
        } else if plan_word(l)
            || (matches!(l, "set" | "due") && next == "to")
            // "agreed to meet again", "vowed to hold a vote".
            || (matches!(
                l,
                "agreed" | "agree" | "agrees" | "promised" | "vowed" | "pledged" | "hopes"
            ) && next == "to")
        {
            take(&mut best, Factuality::Planned);
        } else if in_circumstance(doc, k + 1, t) {
            // An attitude does not reach past "at", "over", "after" ...
        } else if propose_word(l)
            || (matches!(
                l,
                "call" | "calls" | "called" | "calling" | "pushed" | "pressed"
            ) && next == "for")
        {
            take(&mut best, Factuality::Proposed);
        } else if fear_word(l)
            || (warn_word(l)
                && (predicted_between(doc, k + 1, t) || matches!(next, "of" | "against" | "about")))
        {
            take(&mut best, Factuality::Feared);
        } else if deny_word(l) {
            take(&mut best, Factuality::Denied);
        } else if l == "whether" {
            take(&mut best, Factuality::Questioned);
        } else if matches!(l, "if" | "unless") {
            let asked = k > lo && ask_word(lw(k - 1));
            take(
                &mut best,
                if asked {
                    Factuality::Questioned
                } else {
                    Factuality::Hypothetical
                },
            );
        } else if l == "event" && k >= cs + 2 && lw(k - 1) == "the" && lw(k - 2) == "in" {
            // "in the event of an attack", "in the event that Russia invades".
            take(&mut best, Factuality::Hypothetical);
        } else if l == "should" && (k == cs || k == lo) && k + 1 < t {
            // "Should Russia invade, ...": the inverted condition.
            take(&mut best, Factuality::Hypothetical);
        }
    }
    // "that" at the clause's start (or just inside it) hangs the clause on
    // the word before: "fears that", "denied claims that", "warned that it could".
    let gov_at = (cs..t.min(cs + 2))
        .find(|&k| lw(k) == "that")
        .or_else(|| (cs > lo && lw(cs - 1) == "that").then(|| cs - 1));
    if let Some(th) = gov_at {
        let mut g = th;
        while g > lo
            && matches!(
                lw(g - 1),
                "claims" | "reports" | "allegations" | "the" | "suggestions"
            )
        {
            g -= 1;
        }
        if g > lo {
            let w = lw(g - 1);
            if deny_word(w) {
                take(&mut best, Factuality::Denied);
            } else if fear_word(w) || (warn_word(w) && predicted) {
                take(&mut best, Factuality::Feared);
            } else if propose_word(w) || matches!(w, "insisted" | "demanding") {
                take(&mut best, Factuality::Proposed);
            }
        }
    }
    // A noun trigger with a modal just after it: "sanctions will follow",
    // "an invasion could come".
    if best.0 == Factuality::Asserted {
        for k in t + 1..(t + 4).min(doc.toks.len()) {
            let l = lw(k);
            if boundary(l) || matches!(l, "and" | "said" | "says" | ".") {
                break;
            }
            if matches!(l, "will" | "would" | "could" | "may" | "might" | "'ll")
                && !super::habitual::habitual_would(doc, k)
            {
                take(&mut best, Factuality::Predicted);
                predicted = true;
                break;
            }
        }
        // "amid invasion fears", "war risk".
        if t + 1 < doc.toks.len() && (fear_word(lw(t + 1)) || warn_word(lw(t + 1))) {
            take(&mut best, Factuality::Feared);
        }
    }
    // "Russia would pay a price if it invaded": a modal main clause with a
    // condition after it is conditional as a whole.
    if predicted && rank(best.0) < rank(Factuality::Hypothetical) {
        let s1 = doc.sents[doc.sent_of[t]].t1;
        for k in t + 1..s1 {
            let l = lw(k);
            if matches!(l, ";" | ":") {
                break;
            }
            if matches!(l, "if" | "unless") && !ask_word(lw(k - 1)) {
                take(&mut best, Factuality::Hypothetical);
                break;
            }
        }
    }
    best.0
}

/// The factuality of a claim's content: what the cue makes of it (a fear,
/// a demand, a denial, a forecast), else how the content's main clause is
/// put ("Russia will not invade", "if Russia invades, sanctions will follow").
pub fn of_claim(doc: &Doc<'_>, c: &super::claims::ClaimRec) -> Factuality {
    let (c0, c1) = (c.c0.min(doc.toks.len()), c.c1.min(doc.toks.len()));
    let content = content_factuality(doc, c0, c1);
    if c.polarity == crate::model::Polarity::Deny {
        return Factuality::Denied;
    }
    match c.cue.as_str() {
        // "warned it could": feared; "warned that troops have massed": the
        // warner asserts it.
        "warn" | "caution" if content == Factuality::Predicted => Factuality::Feared,
        // A forecast or a promise of a negation is the negation.
        "promise" | "vow" | "pledge" | "expect" | "predict" | "forecast" | "threaten"
            if rank(content) >= rank(Factuality::Negated) =>
        {
            content
        }
        lemma => of_cue(lemma).unwrap_or(content),
    }
}

/// What a reporting cue makes of what it reports, when it decides it: a
/// fear, a denial, a demand, a promise, a forecast (by the cue's lemma).
pub fn of_cue(lemma: &str) -> Option<Factuality> {
    Some(match lemma {
        "fear" | "sound the alarm" | "raise concerns" | "be concerned" => Factuality::Feared,
        "deny" | "reject" | "dismiss" | "refute" | "dispute" | "contradict" => Factuality::Denied,
        "demand" | "urge" | "call for" | "call on" | "want" => Factuality::Proposed,
        "promise" | "vow" | "pledge" => Factuality::Planned,
        "expect" | "predict" | "forecast" | "threaten" => Factuality::Predicted,
        _ => return None,
    })
}

/// How the main clause of the content `[c0, c1)` is put. A leading
/// condition ("if Russia invades, ...") makes the whole content conditional.
fn content_factuality(doc: &Doc<'_>, c0: usize, c1: usize) -> Factuality {
    if c0 >= c1 {
        return Factuality::Asserted;
    }
    let lw = |j: usize| doc.toks[j].lower.as_str();
    let opener = lw(c0);
    if matches!(opener, "if" | "unless") || (opener == "should" && c0 + 1 < c1) {
        return Factuality::Hypothetical;
    }
    if opener == "whether" {
        return Factuality::Questioned;
    }
    // The main clause: from the content start to the first boundary.
    let mut end = c0 + 1;
    while end < c1 && !boundary(lw(end)) {
        end += 1;
    }
    let mut best = (Factuality::Asserted, 0u8);
    let mut predicted = false;
    for k in c0..end {
        let l = lw(k);
        let next = if k + 1 < c1 { lw(k + 1) } else { "" };
        match l {
            "not" | "n't" | "never" | "no" => take(&mut best, Factuality::Negated),
            "if" | "unless" if predicted => take(&mut best, Factuality::Hypothetical),
            _ if predict_word(l) => {
                predicted = true;
                take(&mut best, Factuality::Predicted);
            }
            _ if plan_word(l) || (matches!(l, "set" | "due") && next == "to") => {
                take(&mut best, Factuality::Planned)
            }
            _ => {}
        }
    }
    // "Russia would pay a heavy price if it invaded".
    if predicted && (end..c1).any(|k| matches!(lw(k), "if" | "unless")) {
        take(&mut best, Factuality::Hypothetical);
    }
    best.0
}

/// Whether a modal or a word of likelihood lies in `[a, b)`.
fn predicted_between(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| predict_word(doc.toks[k].lower.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::model::{EventStatus, Factuality};

    /// (source, kind, target, factuality) of every relation of a text.
    fn rels(text: &str) -> Vec<(String, String, String, Factuality)> {
        let b = extract_text(text, (2022, 1, 10));
        let name = |id: &str| {
            b.actors
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
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

    /// (kind, status, factuality) of every trigger event of a text.
    fn events(text: &str) -> Vec<(String, EventStatus, Factuality)> {
        extract_text(text, (2022, 1, 10))
            .events
            .into_iter()
            .filter(|e| e.kind != "statement")
            .map(|e| (e.kind, e.status, e.factuality))
            .collect()
    }

    fn rel_f(text: &str, kind: &str) -> Option<Factuality> {
        rels(text).into_iter().find(|r| r.1 == kind).map(|r| r.3)
    }

    fn ev_f(text: &str, kind: &str) -> Option<Factuality> {
        events(text).into_iter().find(|e| e.0 == kind).map(|e| e.2)
    }

    #[test]
    fn plain_clauses_are_asserted() {
        assert_eq!(
            rel_f("Russia invaded Ukraine on Thursday.", "invades"),
            Some(Factuality::Asserted)
        );
    }

    #[test]
    fn a_condition_is_hypothetical() {
        assert_eq!(
            rel_f(
                "Sanctions will follow if Russia invades Ukraine.",
                "invades"
            ),
            Some(Factuality::Hypothetical)
        );
        assert_eq!(
            rel_f("Unless Russia invades Ukraine, talks go on.", "invades"),
            Some(Factuality::Hypothetical)
        );
        assert_eq!(
            ev_f(
                "In the event of an invasion of Estonia, the alliance will respond.",
                "invasion"
            ),
            Some(Factuality::Hypothetical)
        );
        assert_eq!(
            ev_f(
                "Should Moscow order an invasion, Kyiv will fight.",
                "invasion"
            ),
            Some(Factuality::Hypothetical)
        );
        // "would ... if": the modal main clause hangs on the condition after it.
        assert_eq!(
            ev_f(
                "Moscow would face sanctions if it crossed the border.",
                "sanction"
            ),
            Some(Factuality::Hypothetical)
        );
    }

    #[test]
    fn a_condition_stays_in_its_clause() {
        // Events take their parties from their own clause only (see
        // `events::gate`): the invader and the sanctioned are named there.
        let text = "Russia massed troops near the border, and if Moscow invades Ukraine, \
                    sanctions on Russia will follow.";
        let evs = events(text);
        let buildup = evs.iter().find(|e| e.0 == "military_buildup");
        assert_eq!(
            buildup.map(|e| (e.1, e.2)),
            Some((EventStatus::Occurred, Factuality::Asserted)),
            "{evs:?}"
        );
        assert_eq!(
            evs.iter().find(|e| e.0 == "invasion").map(|e| e.2),
            Some(Factuality::Hypothetical),
            "{evs:?}"
        );
        let sanction = evs.iter().find(|e| e.0 == "sanction").map(|e| e.2);
        assert_eq!(sanction, Some(Factuality::Predicted), "{evs:?}");
        assert_eq!(rel_f(text, "invades"), Some(Factuality::Hypothetical));
    }

    #[test]
    fn fears_and_warnings_are_feared() {
        // Inside a claim the cue decides: "fear" is a fear.
        assert_eq!(
            ev_f(
                "Officials in Kyiv fear that an invasion of Ukraine is coming.",
                "invasion"
            ),
            Some(Factuality::Feared)
        );
        assert_eq!(
            rel_f("NATO warned that Russia could invade Ukraine.", "invades"),
            Some(Factuality::Feared)
        );
        assert_eq!(
            ev_f("Markets slid on the risk of a war in the Baltics.", "war"),
            Some(Factuality::Feared)
        );
        // A warning about a fact is the warner's assertion.
        assert_eq!(
            ev_f("NATO warned that Russia has invaded Ukraine.", "invasion"),
            Some(Factuality::Asserted)
        );
    }

    #[test]
    fn modals_and_expectations_are_predicted() {
        for text in [
            "Russia could invade Ukraine within weeks.",
            "Russia will invade Ukraine, an analyst wrote.",
            "Russia is expected to invade Ukraine.",
            "Russia may invade Ukraine.",
        ] {
            assert_eq!(
                rel_f(text, "invades"),
                Some(Factuality::Predicted),
                "{text}"
            );
        }
    }

    #[test]
    fn plans_and_schedules_are_planned() {
        assert_eq!(
            rel_f("Russia plans to invade Ukraine in the spring.", "invades"),
            Some(Factuality::Planned)
        );
        let evs = events("The two leaders are set to hold a summit in Geneva.");
        assert!(
            evs.iter().any(|e| e.0 == "summit"
                && e.2 == Factuality::Planned
                && e.1 == EventStatus::Planned),
            "{evs:?}"
        );
        // "will hold" with a date is scheduled, not only foreseen.
        assert_eq!(
            ev_f(
                "Macron and Scholz will hold a video call on Tuesday.",
                "call"
            ),
            Some(Factuality::Planned)
        );
    }

    #[test]
    fn calls_and_demands_are_proposed() {
        let text = "The European Union called for sanctions against Russia.";
        assert_eq!(ev_f(text, "sanction"), Some(Factuality::Proposed));
        assert_eq!(rel_f(text, "sanctions"), Some(Factuality::Proposed));
        // A call for sanctions against Russia is no demand made of Russia.
        assert_eq!(rel_f(text, "demands"), None);
    }

    #[test]
    fn an_attitude_stops_at_a_circumstance() {
        // The invasion is the reason of the call, not what is called for.
        let evs = events(
            "The European Union called for sanctions against Russia over the invasion of Ukraine.",
        );
        assert_eq!(
            evs.iter().find(|e| e.0 == "invasion").map(|e| e.2),
            Some(Factuality::Asserted),
            "{evs:?}"
        );
        assert_eq!(
            evs.iter().find(|e| e.0 == "sanction").map(|e| e.2),
            Some(Factuality::Proposed),
            "{evs:?}"
        );
    }

    #[test]
    fn questions_are_questioned() {
        assert_eq!(
            ev_f(
                "Reporters asked whether an invasion of Moldova was near.",
                "invasion"
            ),
            Some(Factuality::Questioned)
        );
        assert_eq!(
            ev_f("She asked if an invasion of Moldova had begun.", "invasion"),
            Some(Factuality::Questioned)
        );
    }

    #[test]
    fn denials_are_denied() {
        let evs = events("Moscow denied claims that it is planning an invasion of Georgia.");
        assert!(
            evs.iter().any(|e| e.0 == "invasion"
                && e.2 == Factuality::Denied
                && e.1 == EventStatus::Denied),
            "{evs:?}"
        );
    }

    #[test]
    fn negations_are_negated() {
        assert_eq!(
            rel_f("Russia did not invade Ukraine.", "invades"),
            Some(Factuality::Negated)
        );
        let evs = events("There was no invasion last week.");
        assert!(
            evs.iter().any(|e| e.0 == "invasion"
                && e.2 == Factuality::Negated
                && e.1 == EventStatus::Denied),
            "{evs:?}"
        );
    }

    /// Factuality of the first claim with a figure or of the first claim.
    fn claim_f(text: &str) -> Option<Factuality> {
        let b = extract_text(text, (2022, 1, 10));
        b.claims.first().map(|c| c.factuality)
    }

    #[test]
    fn claim_contents_have_factuality() {
        assert_eq!(
            claim_f("The minister said 40,000 troops are at the border."),
            Some(Factuality::Asserted)
        );
        assert_eq!(
            claim_f("Officials warned that 50,000 troops could cross the border."),
            Some(Factuality::Feared)
        );
        assert_eq!(
            claim_f("The senator said that if talks fail, 60,000 troops would be sent."),
            Some(Factuality::Hypothetical)
        );
        assert_eq!(
            claim_f("The ministry denied that 30,000 troops had been moved."),
            Some(Factuality::Denied)
        );
        assert_eq!(
            claim_f("The minister said 40,000 troops are not at the border."),
            Some(Factuality::Negated)
        );
    }

    #[test]
    fn status_follows_factuality_everywhere() {
        let text = "Russia massed troops. If Russia invades Ukraine, NATO will respond. \
                    Officials fear an attack on Kyiv. Leaders plan a summit. \
                    Moscow denied it would launch an invasion. Protesters demanded sanctions.";
        let b = extract_text(text, (2022, 1, 10));
        for e in &b.events {
            let ongoing = e.status == EventStatus::Ongoing;
            assert_eq!(e.status, e.factuality.event_status(ongoing), "{e:?}");
        }
    }
}
