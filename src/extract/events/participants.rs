//! The participants of a trigger event and their roles (agent, target,
//! participant, mediator, source).

use super::super::Doc;
use super::super::lexicon::LEX;
use super::{agentive, judging_word, mediation_word};
use crate::model::{self, ActorKind};

impl Doc<'_> {
    /// The participants of the trigger at `t` (`n` tokens, of kind `kind`)
    /// read in its region `a..b` (the content of claim `claim`, if any),
    /// each with its role.
    pub(super) fn trigger_participants(
        &self,
        t: usize,
        n: usize,
        kind: &str,
        a: usize,
        b: usize,
        claim: Option<usize>,
    ) -> Vec<(usize, String)> {
        // Participants: actors in the region, near the trigger.
        let mut parts: Vec<(usize, String)> = Vec::new();
        let between = self.toks.get(t + n).is_some_and(|x| x.lower == "between");
        let passive = self.passive_at(t);
        let mut seen = Vec::new();
        for m in &self.mentions {
            if m.t0 < a || m.t1 > b || self.quoted(m.t0) {
                continue;
            }
            if kind != "report"
                && !self.participant_frame(m, t, n, kind)
                && !self.relative_subject(m, t)
            {
                continue;
            }
            // "Election Day": the event's own name or day, no party; "the
            // deadliest shooting in U.S. history": a name qualifying a noun.
            let governed = {
                let mut j = m.t0;
                if j > 0 && self.toks[j - 1].lower == "the" {
                    j -= 1;
                }
                j > 0
                    && matches!(
                        self.toks[j - 1].lower.as_str(),
                        "in" | "of" | "on" | "at" | "for"
                    )
            };
            if self.names_event(m)
                || m.t0 > t && !m.adjective && governed && self.name_qualifies_noun(m)
            {
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
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::extract::extract_text;

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
    fn who_follows_another_meeting_takes_part_in_that_one() {
        let ev = trig(
            "Peru's foreign minister spoke with Ecuador's foreign minister and previewed the upcoming meeting with Chile.",
        );
        let c = ev.iter().find(|e| e.0 == "call").expect("the call");
        assert!(!c.3.iter().any(|p| p.0 == "Chile"), "{ev:?}");
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
