//! Attributed states of mind: "X sees Y as Z" (a holder's view), and the
//! writer's own hedges and expectations with no named holder ("Sanders
//! appears to be gaining", "it seems the deal is off", "Roe is expected to
//! win", "the plan is widely seen as doomed"). A hedge is the outlet's
//! belief or forecast, never a plain fact: it carries a Belief or
//! Prediction modality, and when the article names no outlet there is no
//! holder and no claim.

use super::*;

/// Verbs of seeming: what follows is how something looks to the writer.
const SEEM: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Participles of a passive judgement whose holder goes unnamed ("is
/// expected to", "is considered", "are seen as").
const JUDGED: &[&str] = &[
    "expected",
    "considered",
    "seen",
    "viewed",
    "regarded",
    "thought",
];

/// Forms of "be" before a passive judgement.
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "'re",
];

/// Words that may stand between "be" and the participle ("is widely
/// expected", "is not seen as").
const BETWEEN: &[&str] = &[
    "widely",
    "not",
    "also",
    "now",
    "still",
    "generally",
    "largely",
    "broadly",
    "n't",
    "already",
    "increasingly",
    "often",
    "long",
];

/// Verbs of viewing that take "X as Y" ("sees the race as a referendum").
const SEE_AS: &[&str] = &[
    "see",
    "sees",
    "saw",
    "seeing",
    "view",
    "views",
    "viewed",
    "viewing",
    "regard",
    "regards",
    "regarded",
    "regarding",
];

/// Words that open a clause inside a sentence: a hedge's subject starts
/// after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "but", "because", "while", "although", "though", "if", "when", "which", "who",
    "whether", "since", "where", "so", "yet", "whereas", "unless",
];

impl Doc<'_> {
    /// Whether the cue at `v` is negated by "do" or a modal: "do not
    /// think", "doesn't believe", "would never want".
    pub(super) fn do_not_before(&self, v: usize, s0: usize) -> bool {
        // "don't", "doesn't", "won't": one token, its apostrophe normalised.
        if v > s0 {
            let p = self.toks[v - 1].norm.to_lowercase();
            if p.len() > 3 && p.ends_with("n't") {
                return true;
            }
        }
        if v < s0 + 2 {
            return false;
        }
        let not = self.toks[v - 1].lower.as_str();
        let aux = self.toks[v - 2].lower.as_str();
        matches!(not, "not" | "n't" | "never")
            && matches!(
                aux,
                "do" | "does"
                    | "did"
                    | "would"
                    | "will"
                    | "could"
                    | "can"
                    | "ca"
                    | "wo"
                    | "should"
                    | "might"
                    | "may"
            )
    }

    /// "Congress sees the bill as a threat", "voters viewed her as honest":
    /// a viewing verb with "as" after its object is the subject's belief.
    /// Not after "be" ("is seen as", whose holder is unnamed; see
    /// [`Doc::hedge_claims`]).
    pub(super) fn seeing_as(&self, k: usize, s0: usize, s1: usize) -> Option<Cue> {
        if !SEE_AS.contains(&self.toks[k].lower.as_str()) || k == s0 {
            return None;
        }
        let prev = self.toks[k - 1].lower.as_str();
        if BE.contains(&prev)
            || BETWEEN.contains(&prev)
                && k >= s0 + 2
                && BE.contains(&self.toks[k - 2].lower.as_str())
        {
            return None;
        }
        // The object is a short phrase: no clause break before "as".
        let lim = (k + 9).min(s1);
        (k + 2..lim)
            .take_while(|&j| {
                let t = &self.toks[j - 1];
                !matches!(t.norm.as_str(), "," | ";" | ":" | "." | "--")
                    && t.kind != TokKind::Quote
                    && !matches!(t.lower.as_str(), "that" | "and" | "but" | "when" | "if")
            })
            .find(|&j| self.toks[j].lower == "as")
            .map(|_| Cue {
                lemma: "see".into(),
                class: "believe".into(),
            })
    }

    /// The writer's hedges and expectations in sentence `si` that no
    /// speaker of the sentence holds: "X seems/appears to ...", "it seems
    /// (that) ...", "X is expected to ...", "X is considered/seen as ...".
    /// The holder is the article's outlet; inside a quotation, or inside
    /// what a speaker of the sentence says, the hedge is the speaker's and
    /// is left to that claim.
    pub(super) fn hedge_claims(&mut self, si: usize) {
        let Some(outlet) = self.publisher.clone().filter(|p| !p.trim().is_empty()) else {
            return;
        };
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let mut found: Vec<(usize, usize, usize, &'static str)> = Vec::new();
        let mut k = s0;
        while k < s1 {
            if self.quoted(k) || self.toks[k].kind != TokKind::Word {
                k += 1;
                continue;
            }
            let w = self.toks[k].lower.as_str();
            let next = self.toks.get(k + 1).map_or("", |t| t.lower.as_str());
            let after = self.toks.get(k + 2).map_or("", |t| t.lower.as_str());
            let lemma = if SEEM.contains(&w) {
                // "appeared on CNN", "appeared at a rally": an appearance.
                // "appeared to the crowd": a person addressed, not a verb.
                let to_verb = next == "to"
                    && self.toks.get(k + 2).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && !t.is_cap()
                            && !matches!(
                                t.lower.as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "his"
                                    | "her"
                                    | "their"
                                    | "its"
                                    | "me"
                                    | "him"
                                    | "them"
                                    | "us"
                            )
                    });
                let seems_adj = w.starts_with("seem")
                    && self.toks.get(k + 1).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && !t.is_cap()
                            && !crate::extract::lexicon::is_function_word(&t.lower)
                    })
                    || w.starts_with("seem") && matches!(next, "like" | "that");
                // "it seems (that) the party ...": the clause after is the content.
                let it_seems =
                    k > s0 && self.toks[k - 1].lower == "it" && !matches!(next, "to" | ",");
                // "can't seem to", "cannot seem to": not able, no hedge.
                let unable = k > s0
                    && matches!(
                        self.toks[k - 1].norm.to_lowercase().as_str(),
                        "cannot" | "can't" | "couldn't"
                    );
                (!unable && (to_verb || seems_adj || it_seems)).then_some("seem")
            } else if JUDGED.contains(&w) && k > s0 {
                let mut b = k;
                while b > s0 && BETWEEN.contains(&self.toks[b - 1].lower.as_str()) {
                    b -= 1;
                }
                // "on being viewed as competent": a poll's measure, no
                // judgement the writer makes.
                let passive = b > s0
                    && BE.contains(&self.toks[b - 1].lower.as_str())
                    && self.toks[b - 1].lower != "being";
                let takes = match w {
                    "expected" => next == "to" && after != "the",
                    "considered" => {
                        next == "to"
                            || next == "a"
                            || next == "an"
                            || next == "the"
                            || next == "one"
                            || next == "likely"
                            || next == "unlikely"
                    }
                    "thought" => next == "to",
                    _ => next == "as",
                };
                // "Troops were seen crossing": a sighting, handled by the takes check.
                (passive && takes).then_some(if w == "expected" { "expect" } else { "see" })
            } else {
                None
            };
            let Some(lemma) = lemma else {
                k += 1;
                continue;
            };
            // Inside what someone of this sentence says or holds.
            if self
                .claims
                .iter()
                .any(|c| c.sent == si && (c.c0 <= k && k < c.c1 || c.cue_t == k))
            {
                k += 1;
                continue;
            }
            let c0 = self.clause_open(k, s0);
            let c1 = self.clause_close(k, s1);
            if c1 > c0 + 2 {
                found.push((k, c0, c1, lemma));
            }
            k = c1.max(k + 1);
        }
        if found.is_empty() {
            return;
        }
        let key = format!("media:{outlet}");
        let claimant = self.actor(&key, &outlet, ActorKind::Media);
        for (k, c0, c1, lemma) in found {
            let statement = self.clean_statement(c0, c1);
            if statement.split_whitespace().count() < 3 {
                continue;
            }
            let qm = self.quantity_in(c0, c1);
            let stated = self.stated_time(si, c0, c1);
            let valid = self.valid_time(c0, c1);
            let modality = if lemma == "expect" {
                Modality::Prediction
            } else {
                Modality::Belief
            };
            self.claims.push(ClaimRec {
                claimant,
                via: Vec::new(),
                statement,
                subject: qm.as_ref().and_then(|q| q.subject.clone()),
                quantity: qm.map(|q| q.q),
                polarity: Polarity::Affirm,
                modality,
                stated: Some(stated),
                valid,
                sent: si,
                c0,
                c1,
                cue: lemma.into(),
                cue_t: k,
                rule: "attr_hedge",
                evidence: self.evidence_sent(si, "attr_hedge"),
            });
        }
    }

    /// Where the clause holding token `k` begins: after the last clause
    /// break or clause-opening word before it.
    fn clause_open(&self, k: usize, s0: usize) -> usize {
        let mut b = k;
        while b > s0 {
            let t = &self.toks[b - 1];
            if t.kind == TokKind::Quote
                || matches!(t.norm.as_str(), "," | ";" | ":" | "--" | "(" | ")")
                || CLAUSE_OPENERS.contains(&t.lower.as_str())
            {
                break;
            }
            b -= 1;
        }
        b
    }

    /// Where the clause holding token `k` ends: at a semicolon, a dash, a
    /// quotation, ", but" / ", and" / ", while", or the sentence end,
    /// without the closing punctuation.
    fn clause_close(&self, k: usize, s1: usize) -> usize {
        let mut e = k + 1;
        while e < s1 {
            let t = &self.toks[e];
            if t.kind == TokKind::Quote || matches!(t.norm.as_str(), ";" | "--" | ":" | "(") {
                break;
            }
            if t.norm == ","
                && self.toks.get(e + 1).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "but"
                            | "and"
                            | "while"
                            | "although"
                            | "though"
                            | "which"
                            | "as"
                            | "according"
                    )
                })
            {
                break;
            }
            e += 1;
        }
        while e > k + 1 && matches!(self.toks[e - 1].norm.as_str(), "." | "," | "!" | "?") {
            e -= 1;
        }
        e
    }
}
