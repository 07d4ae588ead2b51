//! Sources named after "according to" that no gazetteer knows and that a
//! clause follows: "according to exit polls reported by CNN", "according to
//! a new poll that shows ...", "according to two senators present who ...".

use super::*;

impl Doc<'_> {
    /// The noun phrase from `k` up to its last word that can name a source
    /// (a person, a body, a document), whatever follows it: `(k, end)`.
    pub(super) fn np_up_to_head(&self, k: usize, s1: usize) -> Option<(usize, usize)> {
        // Looser than a speaker's phrase before a verb: after "according
        // to" no verb can follow, so "yearly", "polling" and "report" are
        // modifiers and heads ("a yearly Gallup poll", "the RealClearPolitics
        // polling average", "the congressional report").
        let word = |j: usize| {
            let t = &self.toks[j];
            t.kind == TokKind::Number
                || t.norm == "'s"
                || t.norm == "-" && !t.space_before
                || t.kind == TokKind::Word
                    && !matches!(
                        t.lower.as_str(),
                        "of" | "who"
                            | "which"
                            | "that"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "has"
                            | "have"
                            | "had"
                            | "and"
                            | "or"
                            | "but"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "to"
                            | "by"
                            | "from"
                            | "with"
                            | "as"
                    )
                    && (t.is_cap()
                        || !crate::extract::lexicon::is_function_word(&t.lower)
                        || matches!(
                            t.lower.as_str(),
                            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
                        ))
        };
        let mut e = k;
        while e < s1 && e - k < 8 && word(e) {
            e += 1;
        }
        // A reporting verb, a clause or a relative pronoun may follow the
        // head; shorten the phrase to the head itself.
        while e > k {
            let t = &self.toks[e - 1];
            if t.kind == TokKind::Word && !t.is_cap() && self.speaker_np(k, e) {
                return Some((k, e));
            }
            e -= 1;
        }
        None
    }
}
