//! Precision gates for events and relations: an analyst prefers a miss to a
//! false fact, so a participant or an endpoint is kept only when it stands
//! in a plain frame of its trigger within one clause, and a trigger used as
//! a figure of speech ("attacks on her record", "seized on the remark")
//! yields nothing.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::super::Doc;
use super::super::actors::Mention;
use super::super::factuality;
use super::super::text::TokKind;
use crate::model::ActorKind;

/// Word classes of `data/events/figurative.tsv`.
struct Figurative {
    /// Nouns naming an idea, a record or a remark.
    abstract_nouns: HashSet<String>,
    /// Words that make an "attack" by a person a physical one.
    violence: HashSet<String>,
    /// Nouns after which "election" or "vote" is a modifier.
    compound: HashSet<String>,
    /// Nouns after which any event word is a modifier.
    head: HashSet<String>,
}

static FIG: LazyLock<Figurative> = LazyLock::new(|| {
    let mut f = Figurative {
        abstract_nouns: HashSet::new(),
        violence: HashSet::new(),
        compound: HashSet::new(),
        head: HashSet::new(),
    };
    for line in include_str!("../../../data/events/figurative.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((class, word)) = line.split_once('\t') {
            match class {
                "abstract" => f.abstract_nouns.insert(word.trim().to_owned()),
                "violence" => f.violence.insert(word.trim().to_owned()),
                "compound" => f.compound.insert(word.trim().to_owned()),
                "head" => f.head.insert(word.trim().to_owned()),
                _ => false,
            };
        }
    }
    f
});

/// Words that may stand between a subject and its verb in one frame:
/// auxiliaries, negation, adverbs and light verbs ("imposed sanctions",
/// "continues to occupy", "was behind the attack").
fn frame_word(l: &str) -> bool {
    crate::extract::text::is_auxiliary(l)
        || matches!(
            l,
            "must"
                | "not"
                | "n't"
                | "never"
                | "also"
                | "now"
                | "still"
                | "again"
                | "already"
                | "then"
                | "first"
                | "just"
                | "to"
                | "continue"
                | "continues"
                | "continued"
                | "impose"
                | "imposed"
                | "imposes"
                | "launch"
                | "launched"
                | "launches"
                | "carried"
                | "carry"
                | "out"
                | "a"
                | "an"
                | "the"
                | "new"
                | "behind"
        )
}

/// Nouns for the forces through which a state or a group acts.
fn forces_word(l: &str) -> bool {
    matches!(
        l,
        "forces"
            | "troops"
            | "military"
            | "army"
            | "navy"
            | "soldiers"
            | "units"
            | "jets"
            | "warplanes"
            | "aircraft"
            | "artillery"
            | "tanks"
            | "militias"
            | "fighters"
    )
}

/// Prepositions whose object is a circumstance (a venue, a time, a topic),
/// not a party of the act that follows or precedes.
fn circumstance_prep(l: &str) -> bool {
    matches!(
        l,
        "in" | "at"
            | "before"
            | "from"
            | "to"
            | "of"
            | "inside"
            | "for"
            | "on"
            | "over"
            | "into"
            | "about"
            | "among"
            | "during"
            | "after"
            | "near"
            | "under"
            | "like"
            | "including"
            | "than"
    )
}

/// Words that open another clause or leave the trigger's frame.
fn clause_break(l: &str) -> bool {
    matches!(
        l,
        "," | ";"
            | ":"
            | "."
            | "who"
            | "which"
            | "that"
            | "but"
            | "because"
            | "when"
            | "while"
            | "whether"
            | "if"
            | "where"
            | "said"
            | "says"
            | "told"
    )
}

/// Relation kinds that act on territory, where a place may be an endpoint.
/// Whether an event noun right before `l` is its modifier ("a war
/// report", "attack ads", "an election victory"), naming no event.
pub(super) fn head_noun(l: &str) -> bool {
    FIG.head.contains(l)
}

fn territorial(kind: &str) -> bool {
    matches!(kind, "seized" | "occupies" | "invades" | "attacks")
}

impl Doc<'_> {
    fn word(&self, j: usize) -> &str {
        self.toks.get(j).map_or("", |x| x.lower.as_str())
    }

    /// Whether the actor is an unnamed source with no name to qualify it
    /// ("officials", "an aide", "experts"), unlike "Russian officials".
    fn bare_anonymous(&self, a: usize) -> bool {
        let x = &self.actors[a];
        x.kind == ActorKind::Anonymous
            && x.part_of.is_none()
            && !x.name.chars().skip(1).any(|c| c.is_uppercase())
    }

    /// Whether a named form of the actor is in the text at the mention
    /// (not "the organization" or "he" standing for it).
    fn named_mention(&self, m: &Mention) -> bool {
        let mut j = m.t0;
        while j < m.t1 && matches!(self.word(j), "the" | "a" | "an") {
            j += 1;
        }
        // "separatists", "rebels": an actor named by a common noun is
        // named so; "the organization" standing for a party is not.
        self.toks.get(j).is_some_and(|x| x.is_cap())
            || self
                .span(j, m.t1)
                .to_lowercase()
                .ends_with(&self.actors[m.actor].name.to_lowercase())
    }

    /// The word just before a mention, over an article.
    fn word_before(&self, m: &Mention) -> &str {
        let mut j = m.t0;
        if j > 0 && matches!(self.word(j - 1), "the" | "a" | "an") {
            j -= 1;
        }
        if j == 0 { "" } else { self.word(j - 1) }
    }

    /// Whether `[m.t1, b)` holds only what joins a subject to its verb
    /// within one clause ("has repeatedly accused", "will hold a video"),
    /// or an owner to its noun ("Russia's full-scale invasion", "Russian
    /// forces attacked"), after an optional appositive (", a NATO member,").
    /// "Sanders's supporters would not support" and "Syrian hackers
    /// backing" name who acts by a noun after the owner: not the owner.
    fn plain_frame(&self, m: &Mention, b: usize, reach: usize) -> bool {
        let mut a = m.t1;
        if a >= b {
            return true;
        }
        // An appositive right after the name: ", a NATO member, has backed".
        if self.word(a) == "," {
            if let Some(c) = (a + 1..b.min(a + 10)).find(|&q| self.word(q) == ",") {
                if matches!(self.word(a + 1), "a" | "an" | "the") || self.toks[a + 1].is_cap() {
                    a = c + 1;
                }
            }
        }
        if a >= b {
            return true;
        }
        // Coordinated subjects: "Biden and Putin will hold a call".
        while a < b
            && (matches!(self.word(a), "and" | "the")
                || self.mention_at(a).is_some_and(|x| !x.adjective))
        {
            a += 1;
        }
        if a >= b {
            return true;
        }
        let gap = &self.toks[a..b];
        // "on Wednesday", "last week": a date is no topic and no clause.
        let tx = |j: usize| self.tx_at.get(j).is_some_and(|x| x.is_some());
        let timed = |q: usize| {
            tx(a + q)
                || matches!(self.word(a + q), "on" | "in" | "at" | "last" | "this") && tx(a + q + 1)
        };
        let broken = gap.iter().enumerate().any(|(q, x)| {
            !timed(q) && clause_break(&x.lower)
                || matches!(
                    x.lower.as_str(),
                    "on" | "about" | "over" | "regarding" | "concerning" | "before" | "like"
                ) && !timed(q)
                || x.kind == TokKind::Quote
        });
        if broken {
            return false;
        }
        let possessive = matches!(self.word(a), "'s" | "’s" | "'" | "’");
        if m.adjective || possessive {
            let rest = if possessive { &gap[1..] } else { gap };
            // The state acts through its forces: "Russian troops shelled".
            if rest.iter().any(|x| forces_word(&x.lower)) {
                return true;
            }
            let trig = self.word(b);
            let verbal = trig.ends_with("ed") || trig.ends_with("ing");
            return rest.len() <= 3
                && !verbal
                && rest.iter().all(|x| {
                    matches!(x.kind, TokKind::Word) && !frame_word(&x.lower)
                        || x.norm == "-" && !x.space_before
                });
        }
        (0..gap.len()).filter(|&q| !timed(q)).count() <= reach
    }

    /// Whether the words after trigger `t` (of `n` tokens) are an abstract
    /// object ("attacks on her record", "fight for jobs", "seized on the
    /// remark"): no physical act.
    pub(super) fn figurative(&self, t: usize, n: usize, kind: &str) -> bool {
        let lw = |j: usize| self.word(j);
        let head = lw(t);
        let next = lw(t + n);
        // "seized on the video": made use of, took up.
        if head.starts_with("seiz") && matches!(next, "on" | "upon") {
            return true;
        }
        // "plans to deal with a contested convention": a verb, no agreement.
        if head == "deal"
            && next == "with"
            && t > 0
            && matches!(
                lw(t - 1),
                "to" | "will" | "would" | "can" | "could" | "must" | "should"
            )
        {
            return true;
        }
        // "a Sunday night rally for Clinton": a campaign rally, no protest,
        // unless the clause says what it is against.
        if matches!(head, "rally" | "rallies" | "rallied") && kind == "protest" {
            let s = &self.sents[self.sent_of[t]];
            let protest = (s.t0..s.t1).any(|j| {
                let l = lw(j);
                l == "against"
                    || l.starts_with("protest")
                    || l.starts_with("demonstrat")
                    || l.starts_with("march")
            });
            if !protest {
                return true;
            }
        }
        // "went on the attack", "on the offensive": an idiom of manner.
        if t >= 2 && lw(t - 1) == "the" && lw(t - 2) == "on" && kind == "attack" {
            return true;
        }
        // "an election year", "election-law experts", "his re-election
        // campaign": the trigger qualifies another noun.
        if matches!(kind, "election" | "vote")
            && (self
                .toks
                .get(t + n)
                .is_some_and(|x| x.norm == "-" && !x.space_before)
                || FIG.compound.contains(next))
        {
            return true;
        }
        // "fighting to win over", "fight for jobs": striving, no war.
        if matches!(kind, "war" | "clash") && head.starts_with("fight") && next == "to" {
            return true;
        }
        // "demonstrated leadership": a transitive use, no demonstration.
        if kind == "protest"
            && head.starts_with("demonstrat")
            && self.toks.get(t + n).is_some_and(|x| {
                x.kind == TokKind::Word
                    && !matches!(
                        x.lower.as_str(),
                        "against" | "in" | "outside" | "at" | "on" | "for" | "near" | "across"
                    )
            })
        {
            return true;
        }
        // "spoke with so much gusto": a call needs someone spoken with.
        if kind == "call" && self.word(t + n - 1) == "with" {
            let s1 = self.sents[self.sent_of[t]].t1;
            if !(t + n..(t + n + 8).min(s1)).any(|j| self.mention_at(j).is_some()) {
                return true;
            }
        }
        // "struck populist notes", "struck a chord": no blow.
        if kind == "attack" && matches!(head, "struck" | "strikes" | "strike" | "hit") {
            let s1 = self.sents[self.sent_of[t]].t1;
            if (t + n..(t + n + 4).min(s1)).any(|j| FIG.abstract_nouns.contains(lw(j))) {
                return true;
            }
        }
        if !matches!(
            kind,
            "attack" | "war" | "seizure" | "clash" | "fights" | "attacks"
        ) {
            return false;
        }
        if !matches!(next, "on" | "against" | "for" | "over" | "upon") {
            return false;
        }
        // The object's head noun, over determiners, owners and modifiers.
        let s1 = self.sents[self.sent_of[t]].t1;
        let mut j = t + n + 1;
        let end = (j + 6).min(s1);
        while j < end {
            let l = lw(j);
            if clause_break(l) || l == "and" || l == "of" || l == "in" {
                break;
            }
            if FIG.abstract_nouns.contains(l) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Whether an "attack" word with a person for agent is criticism: no
    /// word of violence in its sentence ("Trump's attacks on Clinton").
    pub(super) fn verbal_attack(&self, t: usize, agents: &[usize]) -> bool {
        let w = self.word(t);
        if !(w.starts_with("attack") || w.starts_with("conflict") || w.starts_with("clash")) {
            return false;
        }
        if !agents
            .iter()
            .any(|&a| self.actors[a].kind == ActorKind::Person)
        {
            return false;
        }
        let s = &self.sents[self.sent_of[t]];
        !(s.t0..s.t1).any(|j| FIG.violence.contains(self.word(j)))
    }

    /// Whether mention `m` may be a participant of the event whose trigger
    /// is `[t, t + n)`: an actor in the trigger's clause, standing as its subject or owner before it, or
    /// joined to it by a linking preposition right after it.
    pub(super) fn participant_frame(&self, m: &Mention, t: usize, n: usize, kind: &str) -> bool {
        let s = &self.sents[self.sent_of[t]];
        if m.t1 <= t {
            // A go-between named before ("Egypt ... to broker a truce") is
            // judged by the mediator rule.
            if self.toks[m.t1..t]
                .iter()
                .any(|x| super::mediation_word(&x.lower))
            {
                return true;
            }
            if m.t0 < factuality::clause_start(self, t, s.t0) {
                return false;
            }
            let before = self.word_before(m);
            if circumstance_prep(before) || before == "with" {
                return false;
            }
            // Drills and build-ups are held by the subject of a longer verb
            // phrase: "Moscow kept troops near the border following drills".
            let reach = if matches!(kind, "exercise" | "military_buildup" | "withdrawal") {
                12
            } else {
                8
            };
            return self.plain_frame(m, t, reach);
        }
        if m.t0 < t + n {
            return true;
        }
        // After the trigger: close, in the same clause, and not the object
        // of a preposition of circumstance ("lost in his re-election ... to
        // leave the White House", "Senator X of Vermont").
        let gap = &self.toks[t + n..m.t0];
        // "talks, mediated by Norway and Cuba,": the go-between is judged
        // by the mediator rule.
        if m.t0 <= t + n + 8 && gap.iter().any(|x| super::mediation_word(&x.lower)) {
            return true;
        }
        // "spoke with the head of the administration, Andriy Yermak": a
        // name in apposition to the partner.
        if self.word(m.t0 - 1) == ","
            && m.t0 <= t + n + 12
            && [self.word(t + n), self.word(t + n - 1)]
                .iter()
                .any(|w| matches!(*w, "with" | "between" | "alongside"))
            && !gap[..gap.len() - 1].iter().any(|x| clause_break(&x.lower))
        {
            return true;
        }
        if m.t0 > t + n + 6 {
            return false;
        }
        if gap.iter().any(|x| clause_break(&x.lower)) {
            return false;
        }
        let before = self.word_before(m);
        let last = self.word(t + n - 1);
        let linked = matches!(
            before,
            "of" | "on"
                | "against"
                | "with"
                | "between"
                | "by"
                | "from"
                | "and"
                | "alongside"
                | "to"
                | "near"
                | "in"
                | "into"
                | "toward"
                | "towards"
                | "opposite"
                | "along"
        ) || before == last
            || m.t0 == t + n;
        let _ = kind;
        if !linked {
            return false;
        }
        // "of" after another name is where that name is from: "Senator X of
        // Vermont".
        if before == "of" && m.t0 >= 2 && self.mention_at(m.t0 - 2).is_some() && m.t0 > t + n + 1 {
            return false;
        }
        true
    }

    /// Whether a relation read from the word at `k` has endpoints an
    /// analyst can trust: named actors (no unnamed "officials", no
    /// description standing for a name), no place except for acts on
    /// territory, the source the subject or owner of the word in its
    /// clause, the target its object, not a circumstance.
    pub(super) fn relation_frame(
        &self,
        src: usize,
        kind: &str,
        tgt: usize,
        k: usize,
        rule: &str,
    ) -> bool {
        let (sa, ta) = (&self.actors[src], &self.actors[tgt]);
        if self.bare_anonymous(src) || self.bare_anonymous(tgt) {
            return false;
        }
        if !territorial(kind) && (sa.kind == ActorKind::Place || ta.kind == ActorKind::Place) {
            return false;
        }
        if k >= self.toks.len() {
            return true;
        }
        let s = &self.sents[self.sent_of[k]];
        // "urged Russian hackers", "support for U.S. candidate X": the
        // adjective qualifies who is meant, it is not the target.
        let qualifier =
            self.mentions
                .iter()
                .find(|m| m.actor == tgt && m.t0 > k && m.t1 <= s.t1)
                .is_some_and(|m| {
                    m.adjective
                        && self.toks.get(m.t1).is_some_and(|x| {
                            x.kind == TokKind::Word && !x.is_cap() && x.lower != "and"
                        })
                });
        if qualifier && !territorial(kind) {
            return false;
        }
        if !matches!(rule, "rel_verb_or_noun" | "rel_claim_modality") {
            return true;
        }
        let lw = |j: usize| self.word(j);
        if lw(k).starts_with("seiz") && matches!(lw(k + 1), "on" | "upon") {
            return false;
        }
        if matches!(kind, "attacks" | "fights") && self.figurative(k, 1, kind) {
            return false;
        }
        // "we need Kelly Ayotte back in the Senate": an adverb, no backing.
        if lw(k) == "back" && matches!(lw(k + 1), "in" | "to" | "into" | "home" | "on" | "at") {
            return false;
        }
        let src_m = self
            .mentions
            .iter()
            .rfind(|m| m.actor == src && m.t0 >= s.t0 && m.t1 <= k);
        let tgt_m = self
            .mentions
            .iter()
            .find(|m| m.actor == tgt && m.t0 > k && m.t1 <= s.t1);
        // An endpoint with no name in the sentence on its side of the word
        // ("he has accused", "criticized the organization") was resolved
        // from elsewhere: doubtful, so left out. In the passive the two
        // sides swap.
        let passive = lw(k + 1) == "by" || src_m.is_none() && tgt_m.is_none();
        // "if it invades Ukraine": a pronoun subject right before the verb
        // group stands for a name of the same sentence.
        let pronoun = {
            let mut j = k;
            while j > s.t0 && frame_word(lw(j - 1)) {
                j -= 1;
            }
            j > s.t0
                && matches!(lw(j - 1), "it" | "he" | "she" | "they")
                && self
                    .mentions
                    .iter()
                    .any(|x| x.actor == src && x.t0 >= s.t0 && x.t1 < j && self.named_mention(x))
        };
        if !passive && !pronoun && (src_m.is_none() || tgt_m.is_none()) {
            return false;
        }
        if let Some(m) = src_m.filter(|_| !pronoun) {
            if !self.named_mention(m) {
                return false;
            }
            let before = self.word_before(m);
            if circumstance_prep(before) {
                return false;
            }
            if !self.plain_frame(m, k, 8) {
                // "Farage said the warning was ... and accused Number 10":
                // a verb joined by "and" shares the sentence's first subject.
                // "denied that claim and instead accused", "thanked the US,
                // while accusing": up to three adverbs back to the joint.
                let joint = (k.saturating_sub(4).max(m.t1)..k).rev().find(|&j| {
                    matches!(lw(j), "and" | "while") || lw(j) == "," && lw(k).ends_with("ing")
                });
                let clean = joint.is_some_and(|j| {
                    (j + 1..k).all(|q| self.mention_at(q).is_none() && !clause_break(lw(q)))
                });
                let first = !self.mentions.iter().any(|x| {
                    x.t0 >= s.t0
                        && x.t1 <= m.t0
                        && !x.adjective
                        && x.actor != src
                        && !circumstance_prep(self.word_before(x))
                        && !matches!(self.word_before(x), "alongside" | "with")
                });
                if !(clean && first) {
                    return false;
                }
            }
            if kind == "attacks" && lw(k).starts_with("attack") && self.verbal_attack(k, &[src]) {
                return false;
            }
        }
        if let Some(m) = tgt_m {
            if !self.named_mention(m) {
                return false;
            }
            // The claim's cue took its object already (see `cue_object`).
            if rule == "rel_verb_or_noun"
                && (!self.object_frame(k, kind, m, territorial(kind)) || self.in_accusation(k))
            {
                return false;
            }
            if self.toks[k + 1..m.t0]
                .iter()
                .any(|x| matches!(x.lower.as_str(), "but" | "who" | "which" | ";"))
            {
                return false;
            }
            let before = self.word_before(m);
            if !territorial(kind) && matches!(before, "in" | "at" | "near" | "inside" | "into") {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    /// Relations (whatever their factuality) as (source, kind, target) names.
    fn relations(text: &str) -> Vec<(String, String, String)> {
        super::super::testutil::all_relations(text)
            .into_iter()
            .map(|r| (r.0, r.1, r.2))
            .collect()
    }

    /// Trigger events as (kind, participant names).
    fn events(text: &str) -> Vec<(String, Vec<String>)> {
        let b = extract_text(text, (2021, 12, 4));
        let name = |id: &str| {
            b.actors
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        b.events
            .iter()
            .filter(|e| {
                e.evidence
                    .rule
                    .as_deref()
                    .is_some_and(|r| r.starts_with("event_trigger_"))
            })
            .map(|e| {
                (
                    e.kind.clone(),
                    e.participants.iter().map(|p| name(&p.actor)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn an_attack_on_an_idea_is_no_attack() {
        let ev = events("Joe Biden's attack on the senator's voting record drew applause.");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        // A physical attack stays.
        let ev = events("Russian forces launched an attack on Kharkiv on Monday.");
        assert!(ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
    }

    #[test]
    fn a_person_attacking_without_violence_criticises() {
        let ev = events("Emmanuel Macron attacked Boris Johnson in a radio interview.");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let r = relations("Emmanuel Macron attacked Boris Johnson in a radio interview.");
        assert!(!r.iter().any(|x| x.1 == "attacks"), "{r:?}");
    }

    #[test]
    fn seizing_on_a_remark_seizes_nothing() {
        let r = relations("Vladimir Putin seized on the remark in a speech to Belarus.");
        assert!(!r.iter().any(|x| x.1 == "seized"), "{r:?}");
        let ev = events("Vladimir Putin seized on the remark in a speech.");
        assert!(!ev.iter().any(|e| e.0 == "seizure"), "{ev:?}");
    }

    #[test]
    fn a_campaign_rally_is_no_protest_and_dealing_with_is_no_deal() {
        let ev = events("Angela Merkel spoke at a rally for her party in Munich.");
        assert!(!ev.iter().any(|e| e.0 == "protest"), "{ev:?}");
        let ev = events("Workers held a rally against the pension reform in Lyon.");
        assert!(ev.iter().any(|e| e.0 == "protest"), "{ev:?}");
        let ev = events("Ministers plan to deal with the shortage next year.");
        assert!(!ev.iter().any(|e| e.0 == "agreement"), "{ev:?}");
    }

    #[test]
    fn the_owner_of_the_subject_is_not_the_subject() {
        // The supporters would back, not the candidate they support.
        let r = relations("Macron's supporters would not support Marine Le Pen in a runoff.");
        assert!(
            !r.iter()
                .any(|x| x.0 == "Emmanuel Macron" && x.1 == "supports"),
            "{r:?}"
        );
        // A plain subject keeps its relation.
        let r = relations("Germany has repeatedly supported Ukraine.");
        assert!(
            r.iter().any(|x| x.0 == "Germany" && x.2 == "Ukraine"),
            "{r:?}"
        );
    }

    #[test]
    fn a_venue_and_an_adjective_are_no_endpoints() {
        let r = relations("Olaf Scholz urged Chinese investors to stay.");
        assert!(!r.iter().any(|x| x.2 == "China"), "{r:?}");
        let r = relations("Olaf Scholz met Xi Jinping in Beijing on Friday.");
        assert!(!r.iter().any(|x| x.2 == "Beijing"), "{r:?}");
    }

    #[test]
    fn unnamed_sources_and_far_names_take_no_part() {
        let ev = events("Officials said Ukraine was hit by an attack on its power grid.");
        assert!(
            !ev.iter()
                .any(|e| e.0 == "attack" && e.1.iter().any(|p| p == "officials")),
            "{ev:?}"
        );
        // The place named with a senator is where he is from.
        let ev = events("She plans to vote for Senator Rand Paul of Kentucky next week.");
        assert!(
            !ev.iter()
                .any(|e| e.1.iter().any(|p| p.contains("Kentucky"))),
            "{ev:?}"
        );
        // The one testified before is no attacker.
        let ev = events("Blinken testified before Congress on the 2012 attacks in Benghazi.");
        assert!(
            !ev.iter()
                .any(|e| e.0 == "attack" && e.1.iter().any(|p| p == "Congress")),
            "{ev:?}"
        );
    }

    #[test]
    fn coordinated_subjects_and_shared_subjects_stay() {
        let ev = events("Joe Biden and Vladimir Putin will hold a video call on Tuesday.");
        let call = ev.iter().find(|e| e.0 == "call").expect("call");
        assert!(call.1.len() == 2, "{ev:?}");
        let r = relations("Kuleba thanked the US for its help, while accusing Russia of lying.");
        assert!(
            r.iter().any(|x| x.1 == "accuses" && x.2 == "Russia"),
            "{r:?}"
        );
    }

    #[test]
    fn idioms_and_modifiers_are_no_events() {
        let ev = events("Then Boris Johnson went on the attack in the debate.");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let ev = events("It is an election year in Canada, and election-law experts are busy.");
        assert!(!ev.iter().any(|e| e.0 == "election"), "{ev:?}");
        let ev = events("Canada will hold an election in October.");
        assert!(ev.iter().any(|e| e.0 == "election"), "{ev:?}");
        let ev = events("Justin Trudeau struck conciliatory notes in his speech.");
        assert!(!ev.iter().any(|e| e.0 == "attack"), "{ev:?}");
        let ev = events("The mayor demonstrated leadership during the floods.");
        assert!(!ev.iter().any(|e| e.0 == "protest"), "{ev:?}");
        let ev = events("Justin Trudeau spoke with so much energy that the hall fell silent.");
        assert!(!ev.iter().any(|e| e.0 == "call"), "{ev:?}");
        let ev = events("Justin Trudeau spoke with Joe Biden on Monday.");
        assert!(ev.iter().any(|e| e.0 == "call"), "{ev:?}");
    }

    #[test]
    fn a_conflict_between_politicians_is_no_war() {
        let ev = events("Liz Truss has been in open conflict with Boris Johnson over taxes.");
        assert!(
            !ev.iter().any(|e| matches!(e.0.as_str(), "war" | "clash")),
            "{ev:?}"
        );
    }
}
