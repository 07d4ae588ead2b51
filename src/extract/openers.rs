//! Capitalised words glued to a name: a sentence word that is capitalised
//! only because it opens the sentence or a quotation ("Interestingly Roe",
//! "Was Roe satisfied", "Given Roe's record"), or a common word in a title
//! set in capitals ("the Inside Story of the Real Jane Roe"). The name is
//! what follows it.

use super::Doc;
use super::lexicon::{LEX, is_function_word};
use super::text::{TokKind, is_auxiliary};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Given names that are also ordinary words (`data/actors/word_names.tsv`).
static WORD_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/actors/word_names.tsv")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Given names ending like a participle ("Irving Kristol").
const ING_NAMES: &[&str] = &["irving", "sterling", "channing", "darling", "manning"];

/// Words that open a clause as a preposition or participle and never a name.
const OPENERS: &[&str] = &[
    "given",
    "later",
    "earlier",
    "then",
    "now",
    "today",
    "yesterday",
    "also",
    "still",
    "despite",
    "regarding",
    "unlike",
    "like",
    "besides",
    "amid",
    "via",
    "per",
    "back",
    "see",
    "why",
    "how",
    "what",
    "where",
    "whether",
    "did",
    "should",
    "could",
    "would",
    "can",
    "will",
    "may",
    "must",
    "might",
];

impl Doc<'_> {
    /// Whether token `k` opens a clause: the sentence's first word, or the
    /// first after an opening quotation mark, a bracket, a colon or a dash.
    pub(super) fn opens_clause_at(&self, k: usize) -> bool {
        let si = self.sent_of[k];
        let j = k;
        // Right after an opening quotation mark (not a closing one: '...,"
        // Oversight Chairman Jane Roe said').
        let opened = j > self.sents[si].t0
            && self.toks[j - 1].kind == TokKind::Quote
            && self.inq[j] == Some(j - 1);
        j == self.sents[si].t0
            || opened
            || matches!(
                self.toks[j - 1].norm.as_str(),
                "(" | ":" | "—" | "--" | "–" | ";"
            )
    }

    /// Whether the document uses `lower` as a lower-case word somewhere.
    fn used_lowercase(&self, lower: &str) -> bool {
        self.lower_words
            .get_or_init(|| {
                self.toks
                    .iter()
                    .filter(|t| {
                        t.kind == TokKind::Word
                            && t.norm.chars().next().is_some_and(char::is_lowercase)
                    })
                    .map(|t| t.norm.to_string())
                    .collect()
            })
            .contains(lower)
    }

    /// Whether the capitalised word at `k`, the first of a run of
    /// capitalised words `[k, e)`, is a sentence word glued to the name
    /// that follows it rather than a part of that name.
    pub(super) fn glued_opener(&self, k: usize, e: usize) -> bool {
        if e < k + 2 || self.toks[k].kind != TokKind::Word {
            return false;
        }
        // A listed name of several words ("Bill Clinton") is one name.
        if LEX
            .names
            .longest(&self.toks, k, e)
            .is_some_and(|(n, _)| n >= 2)
        {
            return false;
        }
        let l = self.toks[k].lower.as_str();
        if WORD_NAMES.contains(l) {
            return false;
        }
        let at_start = self.opens_clause_at(k);
        if at_start {
            let adverb = l.ends_with("ly") && (l.len() >= 8 || self.used_lowercase(l));
            let participle = l.len() >= 6 && l.ends_with("ing") && !ING_NAMES.contains(&l);
            if is_auxiliary(l)
                || is_function_word(l)
                || OPENERS.contains(&l)
                || adverb
                || participle
                || self.used_lowercase(l)
            {
                return true;
            }
        }
        // Inside a sentence, a word the article also writes in lower case,
        // before a person it knows ("the Real Jane Roe", "Year Jane Roe").
        let rest_known = {
            let last = self.toks[e - 1].norm.as_str();
            self.surname_of.contains_key(last)
                || LEX.surnames.contains_key(last)
                || matches!(
                    LEX.names.longest(&self.toks, k + 1, e),
                    Some((_, super::lexicon::Name::Person(_)))
                )
        };
        rest_known && self.used_lowercase(l)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::model::ActorKind;

    fn people(text: &str) -> Vec<String> {
        let b = extract_text(text, (2016, 9, 20));
        b.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name.clone())
            .collect()
    }

    #[test]
    fn a_sentence_adverb_or_participle_is_not_part_of_the_name() {
        let got = people(
            "Interestingly Okonkwo, a retired judge, agreed with the ruling. \
             Okonkwo said the court had been right.",
        );
        assert!(got.contains(&"Okonkwo".to_owned()), "{got:?}");
        assert!(!got.iter().any(|n| n.contains("Interestingly")), "{got:?}");
        let got = people("Given Okafor's record on taxes, the vote was close. Okafor said so.");
        assert!(!got.iter().any(|n| n.starts_with("Given")), "{got:?}");
        let got = people("Painting Okafor as a spendthrift, the leaflets were sent to voters.");
        assert!(!got.iter().any(|n| n.starts_with("Painting")), "{got:?}");
    }

    #[test]
    fn a_question_opener_is_not_part_of_the_name() {
        let got =
            people("Was Lindqvist satisfied with the answer? \"Not really,\" Lindqvist said.");
        assert!(!got.iter().any(|n| n.starts_with("Was")), "{got:?}");
        assert!(got.contains(&"Lindqvist".to_owned()), "{got:?}");
    }

    #[test]
    fn a_lowercase_word_in_a_capitalised_title_is_not_a_first_name() {
        let got = people(
            "Marta Okafor said the real problem was money. Okafor wrote a book, \
             \"The Inside Story of the Real Marta Okafor.\" Okafor said the book sold well.",
        );
        assert!(!got.iter().any(|n| n.starts_with("Real")), "{got:?}");
    }

    #[test]
    fn a_given_name_that_is_also_a_word_stays() {
        let got =
            people("Hope Lindqvist said she would vote. Lindqvist had lost all hope of a deal.");
        assert!(got.contains(&"Hope Lindqvist".to_owned()), "{got:?}");
    }
}
