//! Later mentions of an event already told of ("the call", a headline
//! retold in the lead) merged into the first.

use super::super::Doc;
use super::EventRec;
use crate::model::{EventStatus, Modifier, TimeValue};

impl Doc<'_> {
    /// Merges a later mention of an event already told of into it: a
    /// definite re-mention ("Biden will hold a call ... During the call,
    /// Biden will warn ..."), or an indefinite one that names the same two
    /// parties on the same date (a headline retold in the lead). Nothing
    /// may contradict: a different date, place, other parties, or one
    /// denied and one not. The first mention keeps its label, status and
    /// evidence; it gains the parties and the more precise date.
    pub(super) fn merge_rementions(&mut self) {
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
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

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
}
