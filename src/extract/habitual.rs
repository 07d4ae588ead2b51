//! The habitual past: "would" that tells what used to happen, not what will.
//!
//! English uses "would" both for a prediction ("they would meet next week")
//! and for a repeated past act ("in those years they would meet at times").
//! The second reading is marked by a word of frequency in the same clause
//! ("often", "sometimes", "at times", "every week"), which a prediction of
//! one future act does not take. A clause read that way reports events that
//! happened, so neither factuality nor the event status may call them
//! foreseen.

use super::Doc;

/// Adverbs that say an act was repeated.
fn frequency_word(l: &str) -> bool {
    matches!(
        l,
        "often"
            | "sometimes"
            | "usually"
            | "regularly"
            | "frequently"
            | "occasionally"
            | "routinely"
            | "typically"
            | "habitually"
            | "repeatedly"
            | "always"
    )
}

/// Periods that "every" / "each" repeats an act over.
fn period_word(l: &str) -> bool {
    matches!(
        l,
        "day"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "evening"
            | "night"
            | "weekend"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "time"
            | "session"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Tokens at which the clause of the modal ends on either side.
fn clause_edge(l: &str) -> bool {
    matches!(
        l,
        ";" | ":" | "." | "," | "but" | "and" | "said" | "says" | "if" | "unless" | "when"
    )
}

/// Whether the modal at token `k` is a habitual-past "would": "would" (or
/// "'d") with a word of frequency in its clause, within a few words on
/// either side ("would often meet", "at times would call", "would meet at
/// times", "would speak every week").
pub fn habitual_would(doc: &Doc<'_>, k: usize) -> bool {
    let lw = |j: usize| doc.toks[j].lower.as_str();
    if k >= doc.toks.len() || !matches!(lw(k), "would" | "'d" | "\u{2019}d") {
        return false;
    }
    let is_freq = |j: usize| {
        let l = lw(j);
        frequency_word(l)
            // "at times"
            || (l == "times" && j > 0 && lw(j - 1) == "at")
            // "every week", "each summer": a repeated date, not one date
            || (matches!(l, "every" | "each")
                && doc
                    .toks
                    .get(j + 1)
                    .is_some_and(|x| period_word(&x.lower)))
    };
    let mut j = k;
    while j > 0 && k - j < 4 {
        j -= 1;
        if clause_edge(lw(j)) {
            break;
        }
        if is_freq(j) {
            return true;
        }
    }
    for j in k + 1..(k + 9).min(doc.toks.len()) {
        if clause_edge(lw(j)) {
            break;
        }
        if is_freq(j) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::model::{EventStatus, Factuality};

    fn meeting(text: &str) -> (EventStatus, Factuality) {
        let b = extract_text(text, (2024, 3, 8));
        let e = b
            .events
            .iter()
            .find(|e| e.kind == "meeting")
            .unwrap_or_else(|| panic!("a meeting in {:?}", b.events));
        (e.status, e.factuality)
    }

    #[test]
    fn habitual_would_is_a_past_habit() {
        let (st, f) = meeting(
            "During the 1990s Peru's foreign minister would hold meetings with Chile's envoy at times.",
        );
        assert_eq!(st, EventStatus::Occurred);
        assert_eq!(f, Factuality::Asserted);
        let (st, _) = meeting(
            "Back then, the mayor of Lima would often hold a meeting with Ecuador's consul in Quito.",
        );
        assert_eq!(st, EventStatus::Occurred);
    }

    #[test]
    fn predictive_would_stays_predicted() {
        let (st, f) = meeting(
            "Peru's foreign minister said he would hold a meeting with Chile's envoy in Lima next week.",
        );
        assert_ne!(st, EventStatus::Occurred);
        assert_ne!(f, Factuality::Asserted);
    }
}
