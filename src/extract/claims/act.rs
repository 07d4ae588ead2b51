//! Contents that are an act or an object rather than a proposition: "wrote
//! a column for the local paper", "described it in print", and the channel
//! glued to a statement ("denied the reports through a spokesman").

use super::*;

/// Written works: writing one is an act, what it says is the claim.
const WRITTEN_WORKS: &[&str] = &[
    "commentary",
    "column",
    "op-ed",
    "article",
    "essay",
    "book",
    "books",
    "letter",
    "letters",
    "piece",
    "memo",
    "post",
    "blog",
    "editorial",
    "memoir",
    "tweet",
    "tweets",
    "note",
    "story",
    "stories",
    "chapter",
    "review",
    "speech",
    "op",
];

/// Words that may stand between the determiner and the head of a short
/// object phrase ("a lengthy commentary", "an angry letter").
fn modifier_like(t: &crate::extract::text::Token) -> bool {
    t.kind == TokKind::Word && !t.is_cap() && t.norm.len() > 1
}

/// People through whom a speaker speaks ("through a spokeswoman").
const CHANNELS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "aide",
    "aides",
    "representative",
    "representatives",
    "publicist",
    "statement",
    "spokespeople",
];

impl Doc<'_> {
    /// Whether the content `[c0, c1)` of a cue is the object of an act
    /// rather than something said: a written work ("wrote a commentary for
    /// the paper") or a bare pronoun with a phrase after it ("described it
    /// in print"). Quotations and "that" clauses are always said.
    pub(super) fn content_is_act(&self, c0: usize, c1: usize, lemma: &str) -> bool {
        if c1 <= c0
            || (c0..c1).any(|k| {
                self.toks[k].kind == TokKind::Quote
                    || matches!(self.toks[k].lower.as_str(), "that" | ":")
            })
        {
            return false;
        }
        let first = self.toks[c0].lower.as_str();
        // Only verbs of writing and describing make a work or a bare
        // pronoun their object: "said the letter to Congress was lost"
        // says something about the letter, and "blasted him for ..." or
        // "cited it as ..." report what was said about him or it.
        let writes = matches!(
            lemma,
            "write" | "describe" | "publish" | "post" | "pen" | "tweet" | "blog"
        );
        if !writes {
            return false;
        }
        // "described it in print": a pronoun object, then a phrase.
        if matches!(first, "it" | "them" | "this" | "him" | "her")
            && self.toks.get(c0 + 1).is_some_and(|t| {
                c0 + 1 < c1
                    && matches!(
                        t.lower.as_str(),
                        "in" | "on" | "to" | "as" | "for" | "with" | "at" | "through" | "via"
                    )
            })
        {
            return true;
        }
        if !matches!(first, "a" | "an" | "the" | "his" | "her" | "their" | "its") {
            return false;
        }
        let mut k = c0 + 1;
        while k < c1 && k < c0 + 4 {
            let t = &self.toks[k];
            if t.kind == TokKind::Word && WRITTEN_WORKS.contains(&t.lower.as_str()) {
                // The work is the head: nothing or a preposition after it.
                return self.toks.get(k + 1).is_none_or(|n| {
                    k + 1 >= c1
                        || matches!(n.norm.as_str(), "," | "." | ";")
                        || matches!(
                            n.lower.as_str(),
                            "for" | "in" | "on" | "about" | "to" | "published" | "titled"
                        )
                });
            }
            if !(modifier_like(t) || t.norm == "-") {
                return false;
            }
            k += 1;
        }
        false
    }

    /// The end of a content before the channel a speaker used ("the
    /// reports through a spokeswoman"): the channel is not part of what
    /// was said.
    pub(super) fn before_channel(&self, c0: usize, c1: usize) -> usize {
        for k in c0 + 1..c1 {
            if self.quoted(k) || !matches!(self.toks[k].lower.as_str(), "through" | "via") {
                continue;
            }
            let mut j = k + 1;
            if j < c1
                && matches!(
                    self.toks[j].lower.as_str(),
                    "a" | "an" | "the" | "his" | "her" | "their" | "its"
                )
            {
                j += 1;
            }
            if j < c1 && CHANNELS.contains(&self.toks[j].lower.as_str()) {
                return k;
            }
        }
        c1
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    fn statements(text: &str) -> Vec<String> {
        extract_text(text, (2016, 9, 20))
            .claims
            .iter()
            .map(|c| c.statement.clone())
            .collect()
    }

    #[test]
    fn writing_a_work_is_no_claim_but_what_it_says_is() {
        let got = statements("Okafor wrote a long commentary for the Harbour Gazette last month.");
        assert!(got.is_empty(), "{got:?}");
        let got = statements("Okafor wrote that the harbour plan would cost the town dearly.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_pronoun_object_is_no_statement() {
        let got = statements("A reporter saw the scuffle and described it in print the next day.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn the_channel_is_not_part_of_the_statement() {
        let got = statements(
            "Okafor denied the harbour fraud accusations through a spokeswoman on Monday.",
        );
        assert!(got.iter().all(|s| !s.contains("spokeswoman")), "{got:?}");
    }
}
