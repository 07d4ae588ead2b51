//! Lines of page furniture that read like statements: headlines set in
//! capitals that open a newsletter item ("HARBOUR TO CLOSE FOR WINTER The
//! council cited ..."), and the titles of newsletters and briefings before a
//! colon ("Tuesday's Evening Briefing: ..."). Neither is anyone speaking.
//! And a page of readers' letters under a "Letters" heading: its sentences
//! are the writers' own, so only a speaker a sentence names speaks there.

use super::*;

/// Heads of a newsletter or briefing title: "Morning Email:", "Daily
/// Digest:". A name before a colon that ends in one of these is a title,
/// not a speaker.
const TITLE_HEADS: &[&str] = &[
    "email",
    "newsletter",
    "briefing",
    "digest",
    "roundup",
    "round-up",
    "recap",
    "preview",
    "bulletin",
    "dispatch",
    "headlines",
    "memo",
    "wrap",
    "rundown",
    "primer",
];

/// Headings of a page of readers' letters, compared without case and a
/// final full stop.
const LETTERS_HEADINGS: &[&str] = &[
    "letters",
    "letters to the editor",
    "letter to the editor",
    "your letters",
    "readers' letters",
    "readers’ letters",
    "letters from readers",
    "reader letters",
    "mailbag",
];

/// Pronouns that name nobody: "Someone called it ...".
const INDEFINITE: &[&str] = &[
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
];

impl Doc<'_> {
    /// Whether one of the article's first lines is a letters-page heading.
    fn is_letters_page(&self) -> bool {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(4)
            .any(|l| {
                let l = l.trim_end_matches(['.', ':']).to_lowercase();
                LETTERS_HEADINGS.contains(&l.as_str())
            })
    }

    /// On a letters page, drops every claim given to a named person that its
    /// sentence does not name, and every claim of an unnamed
    /// "someone": what a pronoun or a run-on from the sentence before would
    /// give to someone the letter talks about is the letter writer's own
    /// opinion (the writer signs only after the letter).
    pub(super) fn keep_named_in_letters(&mut self) {
        if !self.is_letters_page() {
            return;
        }
        let named: Vec<bool> = self
            .claims
            .iter()
            .map(|c| {
                let a = &self.actors[c.claimant];
                // "Someone called it ...": nobody is named.
                if INDEFINITE.contains(&a.name.to_lowercase().as_str()) {
                    return false;
                }
                // An unnamed "friend" of the sentence, or the outlet (the
                // writer), are who the letter says they are.
                // A body ("it wants") is left as read: a letter's pronoun
                // for a person is what goes astray.
                if a.kind != ActorKind::Person {
                    return true;
                }
                let s = &self.sents[c.sent];
                let text = &self.text[self.toks[s.t0].start..self.toks[s.t1 - 1].end];
                (s.t0..s.t1).any(|j| {
                    self.mention_at(j)
                        .is_some_and(|m| m.actor == c.claimant && !m.adjective)
                }) || text.contains(a.name.as_str())
            })
            .collect();
        let mut i = 0;
        self.claims.retain(|_| {
            i += 1;
            named[i - 1]
        });
    }

    /// Whether the sentence `[s0, s1)` opens with a headline in capitals:
    /// at least three words written wholly in capital letters, one of them
    /// of four letters or more (so that "U.S. AND UN" strings of acronyms do
    /// not count), followed by more words. Such a line is a newsletter's
    /// item title run into its summary; what the summary relays is the
    /// newsletter's paraphrase of another outlet, not a statement made in
    /// the article.
    pub(super) fn opens_with_caps_heading(&self, s0: usize, s1: usize) -> bool {
        let mut b = s0;
        while b < s1 && self.toks[b].kind == TokKind::Quote {
            b += 1;
        }
        let caps = |j: usize| {
            let t = &self.toks[j];
            let letters: Vec<char> = t.norm.chars().filter(|c| c.is_alphabetic()).collect();
            t.kind == TokKind::Word
                && letters.len() >= 2
                && letters.iter().all(|c| c.is_uppercase())
        };
        let mut e = b;
        let mut long = false;
        let mut words = 0;
        // Figures may stand in the heading ("TO BUY DEPOT FOR $4 MILLION"),
        // stops and dashes end it.
        let figure = |j: usize| {
            let t = &self.toks[j];
            t.kind == TokKind::Number || matches!(t.norm.as_str(), "$" | "%" | "-" | "'s")
        };
        while e < s1 && (caps(e) || (words > 0 && figure(e))) {
            if caps(e) {
                words += 1;
                long |= self.toks[e]
                    .norm
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    >= 4;
            }
            e += 1;
        }
        // The heading runs straight into a sentence of ordinary case, with
        // no stop or dash between ("LEAD-IN — The text" is one sentence).
        let more = self.toks.get(e).is_some_and(|t| {
            e < s1
                && t.kind == TokKind::Word
                && t.is_cap()
                && t.norm.chars().any(char::is_lowercase)
        });
        words >= 3 && long && more
    }

    /// Whether the words `[b, c)` before a colon title a newsletter or a
    /// dated feature rather than name a speaker: "Monday's Morning Email",
    /// "The Weekend Roundup". A time in the name ("Monday's") is enough:
    /// nobody is named after a day.
    pub(crate) fn titles_a_feature(&self, b: usize, c: usize) -> bool {
        (b..c).any(|j| self.tx_at[j].is_some())
            || (b..c).any(|j| TITLE_HEADS.contains(&self.toks[j].lower.as_str()))
    }
}

#[cfg(test)]
mod tests {
    fn claims(text: &str) -> Vec<(String, String)> {
        crate::extract::claims_of(text, (2019, 4, 2))
    }

    #[test]
    fn on_a_letters_page_only_a_named_speaker_speaks() {
        let text = "Ferry cuts anger readers.\n\nLetters.\n\n\
                    The council must enjoy every moment the mayor speaks. He is a showman \
                    saying what people want to hear. Someone called it a \"harbour \
                    revolution,\" and I agree. The councillors are seen as a circus.\n\n\
                    Jo Bracken.\n\nNorthfield.\n\n\
                    Mayor Okafor said on Monday that the ferry would keep running.\n";
        let got = claims(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Okafor");
        // The same sentences outside a letters page keep their claims.
        let plain = text.replace("Letters.", "Opinion and reaction.");
        assert!(claims(&plain).len() > 1, "{:?}", claims(&plain));
    }

    #[test]
    fn a_newsletter_title_before_a_colon_is_no_speaker() {
        for text in [
            "Tuesday's Evening Briefing: What The Harbour Closure Means For Ferry Crews.",
            "The Weekend Roundup: Ferry Crews Vote To Strike Over Pay.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // A name before the colon still speaks.
        let got = claims("Okafor: The Ferry Crews Deserve A Fair Deal On Pay.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Okafor");
    }

    #[test]
    fn a_headline_in_capitals_run_into_its_summary_states_nothing() {
        let text = "FERRY OPERATOR TO SELL ITS HARBOUR DEPOT FOR $4.5 MILLION The sale is \
                    expected to close in June, the operator said.";
        assert!(claims(text).is_empty(), "{:?}", claims(text));
        let text = "HARBOUR CREWS WALK OUT The union cited \"broken promises\" on pay.";
        assert!(claims(text).is_empty(), "{:?}", claims(text));
        // A lead-in in capitals set off by a dash is part of the sentence.
        let got = claims("FERRY FARE DISPUTE — The operator said fares would rise in June.");
        assert_eq!(got.len(), 1, "{got:?}");
        // A sentence in ordinary case, or one acronym, keeps its claim.
        let got = claims("The operator said the depot sale would close in June.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got = claims("NATO said the exercise would close in June.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
