//! Sources named after "according to" that no gazetteer knows and that a
//! clause follows: "according to exit polls reported by CNN", "according to
//! a new poll that shows ...", "according to two senators present who ...".

use super::*;

impl Doc<'_> {
    /// The noun phrase from `k` up to its last word that can name a source
    /// (a person, a body, a document), whatever follows it: `(k, end)`.
    pub(super) fn np_up_to_head(&self, k: usize, s1: usize) -> Option<(usize, usize)> {
        let mut e = k;
        while e < s1 && e - k < 8 && self.np_word(e) && !(e > k && self.toks[e].lower == "of") {
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
