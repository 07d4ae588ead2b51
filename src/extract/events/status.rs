//! The status of a trigger event read from the words around it: denied,
//! hypothetical, predicted, planned, sought, ongoing.

use super::super::Doc;
use crate::model::EventStatus;

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

impl Doc<'_> {
    pub(super) fn status_at(&self, a: usize, t: usize, kind: &str) -> EventStatus {
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
            if PREDICTED.contains(&l) && !crate::extract::habitual::habitual_would(self, k) {
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
                && !crate::extract::habitual::habitual_would(self, k)
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
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::extract::extract_text;
    use crate::model::EventStatus;

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
        let ev = trig("Troops pushed into Mosul after the attack on the base at Tal Afar.");
        let t = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_eq!(t.2, "occurred", "{ev:?}");
        let ev = trig("Peace talks, mediated by Norway and Cuba, resumed on Monday.");
        let t = ev.iter().find(|e| e.0 == "talks").expect("the talks");
        assert!(t.3.contains(&("Cuba".into(), "mediator".into())), "{ev:?}");
    }

    #[test]
    fn a_dated_election_still_to_come_is_planned_whatever_its_outcome_modal() {
        // Published 2024-03-08: the November election is ahead.
        let b = extract_text(
            "Polls suggest the governor of Ohio could lose the November election to a newcomer.",
            (2024, 3, 8),
        );
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "election")
            .unwrap_or_else(|| panic!("the election in {:?}", b.events));
        assert_eq!(e.status, EventStatus::Planned, "{e:?}");
        // An indefinite election under a modal is only foreseen.
        let b = extract_text(
            "The prime minister of Peru could call a snap election in November, aides said.",
            (2024, 3, 8),
        );
        if let Some(e) = b.events.iter().find(|e| e.kind == "election") {
            assert_ne!(e.status, EventStatus::Planned, "{e:?}");
            assert_ne!(e.status, EventStatus::Occurred, "{e:?}");
        }
    }

    #[test]
    fn that_month_is_in_the_year_the_text_tells() {
        let b = extract_text(
            "Nixon won the primaries in 1972. That spring the war went on, and that November the election returned him to office.",
            (2016, 5, 2),
        );
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "election")
            .unwrap_or_else(|| panic!("the election in {:?}", b.events));
        let t = e.time.as_ref().expect("a time");
        assert_eq!(t.value, "1972-11", "{e:?}");
        assert_eq!(e.status, EventStatus::Occurred, "{e:?}");
    }

    #[test]
    fn negated_events_are_denied() {
        let ev = trig("Rebels did not attack the town on Sunday, Chad said.");
        let e = ev.iter().find(|e| e.0 == "attack").expect("the attack");
        assert_eq!(e.2, "denied", "{ev:?}");
        let ev = trig("The bill passed without a vote in the parliament of Peru on Tuesday.");
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
}
