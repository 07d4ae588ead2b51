//! Two speakers the verb path missed: a counted share of people ("52
//! percent of registered voters say", "About 4 in 10 say", "most said"),
//! who speak as a group the way poll respondents do; and a bare "Trump
//! said." after a sentence that ends with a quotation, which is what was
//! said.

use super::*;

/// Words that may come before the count of a share ("about 4 in 10",
/// "more than half").
const APPROX: &[&str] = &[
    "about", "nearly", "almost", "roughly", "some", "just", "only", "over", "under", "more",
    "fewer", "less", "than", "around", "barely", "fully", "still", "even", "another",
];

/// Shares named by a word ("half said", "a majority of Democrats say").
const SHARE_WORDS: &[&str] = &[
    "half",
    "most",
    "majority",
    "plurality",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "two-thirds",
    "three-quarters",
    "three-fourths",
];

/// Counts spelled out ("Six in 10").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Words that end the clause before a share: its subject starts after them.
const BREAKS: &[&str] = &[
    "but", "and", "that", "while", "after", "when", "because", "though", "although", "whereas",
    "as", "with", "if", "yet", "so", "who", "which",
];

impl Doc<'_> {
    /// The counted share of people that is the subject of a cue at `v`:
    /// `(start, end)` of "78 percent of voters in a recent poll", "Six in
    /// 10", "half", "a majority of Republicans". Only a share of people
    /// speaks: "half of the money said" has no people in it, and a phrase
    /// ending in a pronoun ("most of them") needs its referent.
    pub(super) fn respondents(&self, v: usize, s0: usize) -> Option<(usize, usize)> {
        let mut e = v;
        while e > s0 && self.toks[e - 1].norm != "," && skips_left(&self.toks[e - 1].lower) {
            e -= 1;
        }
        let mut b = e;
        while b > s0 && e - b < 14 {
            let t = &self.toks[b - 1];
            if t.kind == TokKind::Quote
                || matches!(t.norm.as_str(), "," | ";" | ":" | "--" | "(" | ")" | ".")
                || BREAKS.contains(&t.lower.as_str())
            {
                break;
            }
            b -= 1;
        }
        if b >= e {
            return None;
        }
        let w = |j: usize| self.toks.get(j).map_or("", |t| t.lower.as_str());
        let mut j = b;
        while j < e && (APPROX.contains(&w(j)) || matches!(w(j), "a" | "the")) {
            j += 1;
        }
        let counted = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.kind == TokKind::Number)
                || NUMBER_WORDS.contains(&w(j))
        };
        let after_share = if counted(j) {
            match w(j + 1) {
                "percent" | "%" | "per" => {
                    let mut k = j + 2;
                    if w(k) == "cent" {
                        k += 1;
                    }
                    k
                }
                "in" | "out" if counted(j + 2) || w(j + 2) == "of" && counted(j + 3) => {
                    if w(j + 1) == "out" { j + 4 } else { j + 3 }
                }
                _ => return None,
            }
        } else if SHARE_WORDS.contains(&w(j)) {
            j + 1
        } else {
            return None;
        };
        if after_share > e {
            return None;
        }
        // What follows the share names who: "of registered voters", "of
        // Democrats in the poll"; nothing but a phrase, no verb, and people.
        let rest = &self.toks[after_share..e];
        if rest.iter().any(|t| {
            t.kind == TokKind::Word
                && (self.is_pronoun_word(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "is" | "are" | "was" | "were" | "has" | "have"
                    ))
        }) {
            return None;
        }
        if !rest.is_empty() {
            let people = rest.iter().enumerate().any(|(i, t)| {
                t.kind == TokKind::Word
                    && (t.is_cap() || self.speaker_np(after_share + i, after_share + i + 1))
            });
            if !people {
                return None;
            }
        }
        Some((b, e))
    }

    fn is_pronoun_word(&self, lower: &str) -> bool {
        matches!(
            lower,
            "them" | "they" | "us" | "we" | "you" | "those" | "these" | "it" | "this" | "that"
        )
    }

    /// A sentence `si` that is only a speaker and a cue ('Trump said.',
    /// 'said the senator.') after a sentence ending in a quotation: the
    /// quotation's tokens and the evidence from its sentence to this one.
    pub(super) fn quote_before_sentence(&self, si: usize) -> Option<(usize, usize, Evidence)> {
        if si == 0 {
            return None;
        }
        let prev = &self.sents[si - 1];
        let (p0, p1) = (prev.t0, prev.t1);
        if p1 <= p0 + 2 {
            return None;
        }
        // The closing mark ends the sentence before, after ?, ! or a period.
        let mut close = p1;
        while close > p0 && self.toks[close - 1].kind != TokKind::Quote {
            if self.toks[close - 1].kind == TokKind::Word {
                return None;
            }
            close -= 1;
        }
        if close <= p0 + 1 {
            return None;
        }
        let q = close - 1;
        let open = self.inq.get(q - 1).copied().flatten()?;
        let mut c1 = q;
        while c1 > open + 1 && matches!(self.toks[c1 - 1].norm.as_str(), "." | "," | "?" | "!") {
            // Keep a question's mark: it says what kind of speech it was.
            if self.toks[c1 - 1].norm == "?" || self.toks[c1 - 1].norm == "!" {
                break;
            }
            c1 -= 1;
        }
        let c0 = open + 1;
        if c1 <= c0 + 1 {
            return None;
        }
        let first = self
            .sents
            .iter()
            .position(|s| s.t0 <= open && open < s.t1)
            .unwrap_or(si - 1);
        // A quotation that opened long before is not this speaker's alone.
        if si - first > 4 {
            return None;
        }
        let (start, end) = (self.sents[first].start, self.sents[si].end);
        let evidence = Evidence {
            start,
            end,
            text: self.text[start..end].to_owned(),
            rule: Some("attr_quote_before".to_owned()),
        };
        Some((c0, c1, evidence))
    }
}
