//! Which pronoun a person takes, read from the article itself: the
//! honorific before a name ("Mr.", "Ms."), and the "he" or "she" of a
//! sentence that names that person and no other. "She said" then never
//! resolves to a man the article calls "he".

use super::Doc;
use super::text::TokKind;
use crate::model::ActorKind;

/// A person's pronoun as far as the article shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    He,
    She,
}

fn pronoun_of(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Pronoun::He),
        "she" | "her" | "hers" | "herself" => Some(Pronoun::She),
        _ => None,
    }
}

impl Doc<'_> {
    /// The pronoun the article uses for person `a` before token `t`, when
    /// its evidence leans one way: honorifics count three, a pronoun in a
    /// sentence naming only that person one.
    pub(super) fn pronoun_for(&self, a: usize, t: usize) -> Option<Pronoun> {
        if self.actors[a].kind != ActorKind::Person {
            return None;
        }
        let (mut he, mut she) = (0i32, 0i32);
        let mut seen_sent = usize::MAX;
        for m in self.mentions.iter().filter(|m| m.actor == a && m.t0 < t) {
            let hon = (m.t0.saturating_sub(2)..m.t1.min(m.t0 + 1))
                .map(|j| self.toks[j].lower.as_str())
                .find(|l| matches!(*l, "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "miss"));
            match hon {
                Some("mr" | "mr.") => he += 3,
                Some(_) => she += 3,
                None => {}
            }
            let si = self.sent_of[m.t0];
            if si == seen_sent {
                continue;
            }
            seen_sent = si;
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1.min(t));
            // Mentions are in text order: those of this sentence only.
            let from = self.mentions.partition_point(|o| o.t0 < s0);
            let other_person = self.mentions[from..]
                .iter()
                .take_while(|o| o.t0 < self.sents[si].t1)
                .any(|o| o.actor != a && self.actors[o.actor].kind == ActorKind::Person);
            if other_person {
                continue;
            }
            for j in m.t1.max(s0)..s1 {
                if self.quoted(j) || self.toks[j].kind != TokKind::Word {
                    continue;
                }
                match pronoun_of(self.toks[j].lower.as_str()) {
                    Some(Pronoun::He) => he += 1,
                    Some(Pronoun::She) => she += 1,
                    None => {}
                }
            }
        }
        match he.cmp(&she) {
            std::cmp::Ordering::Greater => Some(Pronoun::He),
            std::cmp::Ordering::Less => Some(Pronoun::She),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Whether person `a` may be the referent of pronoun `p` ("he", "she")
    /// at token `t`: nothing in the article before says otherwise.
    pub(super) fn pronoun_fits(&self, a: usize, p: &str, t: usize) -> bool {
        let want = match p {
            "he" => Pronoun::He,
            "she" => Pronoun::She,
            _ => return true,
        };
        self.pronoun_for(a, t).is_none_or(|g| g == want)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::claimants_of as claimants;

    #[test]
    fn she_is_not_the_man_the_article_calls_he() {
        let got = claimants(
            "Tomas Berg said he would vote for the harbour plan. Later Berg met Anna Lindqvist, \
             who runs the ferry company. She said the plan would ruin the ferry trade.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], "Anna Lindqvist", "{got:?}");
    }

    #[test]
    fn an_honorific_tells_the_pronoun() {
        let got = claimants(
            "Ms. Okafor spoke to the council on Monday. Mr. Berg said nothing. \
             \"We need the ferry,\" she said.",
        );
        assert_eq!(got.last().map(String::as_str), Some("Okafor"), "{got:?}");
    }
}
